package dev.unrolled.support;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The architecture-independent step of every generated trainer, on a one-parameter workspace whose
 * loss is {@code (p − target)²/2}: what it calls, in which order, and when it refuses to step.
 */
class TrainingCoreTest {
  /** One shard of a "model" holding one parameter {@code p[0]}; its gradient is {@code p − target}. */
  static final class OneParameter implements BatchWorkspace<double[]> {
    final List<String> calls = new ArrayList<>();
    final double[] gradient = new double[1];
    double target;
    double[] rowsTarget = new double[0];
    int correct;

    @Override
    public void ensureCapacity(int m) {
      calls.add("ensureCapacity " + m);
    }

    @Override
    public void loadRows(Dataset data, int[] rows, int from, int m) {
      calls.add("loadRows " + from + " " + m);
    }

    @Override
    public void shareRows(BatchWorkspace<double[]> batch, int from, int m) {
      calls.add("shareRows " + from + " " + m);
    }

    /** What {@link #prepare} and {@link #foldStatistics} were told, apart from the calls of the step. */
    final List<String> modes = new ArrayList<>();

    @Override
    public void prepare(boolean training, long seed, long step, int firstRow) {
      modes.add(training ? "train seed " + seed + " step " + step + " from " + firstRow : "infer");
    }

    @Override
    public void foldStatistics(double[] model, boolean first, double weight) {
      modes.add("fold " + (first ? "first " : "") + weight);
    }

    @Override
    public void forward(double[] model, int m) {
      calls.add("forward " + m);
    }

    @Override
    public double loss(int m, boolean withDelta) {
      calls.add("loss " + m + " " + withDelta);
      return target;
    }

    /** Runs of rows the pass reports ready; the one row by default. */
    int[][] readyRuns = {{0, 1}};

    @Override
    public void backward(double[] model, int m, ReadyRows ready) {
      calls.add("backward " + m);
      gradient[0] = model[0] - 1;
      for (int[] run : readyRuns) {
        ready.rows(run[0], run[1]);
      }
    }

    @Override
    public int correct() {
      return correct;
    }
  }

  private final double[] parameter = {3};
  private final OneParameter workspace = new OneParameter();

  private TrainingCore<double[], OneParameter> core(OneParameter... shards) {
    double[][] rows = {parameter};
    GuardedUpdate update = new GuardedUpdate(Optimizer.sgd(0.5).bind(rows, new double[][] {workspace.gradient},
        new boolean[] {true}), rows);
    double[][][] gradients = new double[shards.length][][];
    for (int k = 0; k < shards.length; k++) {
      gradients[k] = new double[][] {shards[k].gradient};
    }
    return new TrainingCore<>(parameter, shards, update, Parallelism.shards(shards.length), gradients);
  }

  @Test
  void aStepRunsForwardLossBackwardAndUpdatesOnce() {
    workspace.target = 0.25;

    double loss = core(workspace).step(4);

    assertThat(loss).isEqualTo(0.25);
    assertThat(workspace.calls).containsExactly("forward 4", "loss 4 true", "backward 4").inOrder();
    assertThat(parameter[0]).isEqualTo(3 - 0.5 * 2);
  }

  @Test
  void theUpdateRunsInsideTheBackwardPassAsItReportsRowsReady() {
    workspace.target = 0.25;
    workspace.readyRuns = new int[0][];
    TrainingCore<double[], OneParameter> core = core(workspace);

    IllegalStateException missed = assertThrows(IllegalStateException.class, () -> core.step(4));

    assertThat(missed).hasMessageThat().contains("reported 0 parameter rows ready, but there are 1");
    assertThat(parameter[0]).isEqualTo(3);
    workspace.readyRuns = new int[][] {{0, 1}, {0, 1}};
    IllegalStateException repeated = assertThrows(IllegalStateException.class, () -> core.step(4));
    assertThat(repeated).hasMessageThat().contains("reported 2 parameter rows ready");
  }

  @Test
  void aNonFiniteLossTakesNoStep() {
    workspace.target = Double.NaN;

    double loss = core(workspace).step(4);

    assertThat(loss).isNaN();
    assertThat(workspace.calls).containsExactly("forward 4", "loss 4 true").inOrder();
    assertThat(parameter[0]).isEqualTo(3);
  }

  @Test
  void evaluatingADatasetBatchLoadsItsRowsAndNeitherDifferentiatesNorSteps() {
    workspace.target = 0.5;
    workspace.correct = 7;
    TrainingCore<double[], OneParameter> core = core(workspace);

    double loss = core.evaluateBatch(null, new int[] {5, 6, 7, 8}, 1, 4);

    assertThat(loss).isEqualTo(0.5);
    assertThat(workspace.calls).containsExactly("ensureCapacity 3", "loadRows 1 3", "forward 3", "loss 3 false")
        .inOrder();
    assertThat(core.lastBatchCorrect()).isEqualTo(7);
    assertThat(parameter[0]).isEqualTo(3);
  }

  @Test
  void withTwoShardsTheSecondSharesRunsOfTheFirstShardsRows() {
    OneParameter second = new OneParameter();
    workspace.target = 1;
    second.target = 3;
    try (TrainingCore<double[], OneParameter> core = core(workspace, second)) {
      double loss = core.step(4);

      assertThat(loss).isEqualTo(2.0); // shards of 2 rows each: (1·2 + 3·2) / 4
      assertThat(workspace.calls).containsExactly("ensureCapacity 2", "forward 2", "loss 2 true", "backward 2")
          .inOrder();
      assertThat(second.calls).containsExactly("ensureCapacity 2", "shareRows 2 2", "forward 2", "loss 2 true",
          "backward 2").inOrder();
      assertThat(parameter[0]).isEqualTo(3 - 0.5 * 2); // both shards' gradient is 2, weighted ½ each
    }
  }

  @Test
  void stepsAreNumberedFromZeroUnderTheDropoutSeedAndFoldTheirStatisticsOnlyWhenFinite() {
    TrainingCore<double[], OneParameter> core = core(workspace);
    core.dropoutSeed(17);
    workspace.target = 0.25;
    core.step(4);
    workspace.target = Double.NaN;
    core.step(4);
    workspace.target = 0.25;
    core.evaluateBatch(null, new int[] {1, 2}, 0, 2);

    assertThat(workspace.modes).containsExactly("train seed 17 step 0 from 0", "fold first 1.0",
        "train seed 17 step 1 from 0", "infer").inOrder();
    assertThat(core.steps()).isEqualTo(2);
  }

  @Test
  void shardsAreToldTheirFirstRowAndFoldTheirStatisticsInOrderWeightedByRows() {
    OneParameter second = new OneParameter();
    workspace.target = 1;
    second.target = 1;
    try (TrainingCore<double[], OneParameter> core = core(workspace, second)) {
      core.step(5);
      assertThat(workspace.modes).containsExactly("train seed 0 step 0 from 0", "fold first 0.6").inOrder();
      assertThat(second.modes).containsExactly("train seed 0 step 0 from 3", "fold 0.4").inOrder();
    }
  }

  @Test
  void aBatchBelowTheMinimumRowsPerShardIsRefusedBeforeAnyWork() {
    OneParameter second = new OneParameter();
    try (TrainingCore<double[], OneParameter> core = core(workspace, second)) {
      core.minimumShardRows(2, "layer 2 normalises over the batch");

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> core.step(3));

      assertThat(e).hasMessageThat().isEqualTo("a training batch of 3 row(s) is too small: layer 2 normalises over"
          + " the batch, and it is cut into 2 shards, so give at least 4 rows");
      assertThat(core.minimumBatchRows()).isEqualTo(4);
      assertThat(workspace.calls).isEmpty();
      assertThat(core.steps()).isEqualTo(0);
    }
  }

  /**
   * Without a minimum per shard, a batch of fewer rows than shards leaves the last shards empty. A
   * check of one row per shard refused it as "too small: null".
   */
  @Test
  void withoutAMinimumPerShardABatchMayHaveFewerRowsThanShards() {
    OneParameter second = new OneParameter();
    workspace.target = 1;
    try (TrainingCore<double[], OneParameter> core = core(workspace, second)) {
      double loss = core.step(1);

      assertThat(core.minimumBatchRows()).isEqualTo(1);
      assertThat(loss).isEqualTo(1);
      assertThat(second.calls).isEmpty();
    }
  }
}
