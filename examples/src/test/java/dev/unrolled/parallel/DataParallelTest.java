package dev.unrolled.parallel;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import dev.unrolled.Trainer;
import dev.unrolled.parallel.ParallelCases.Batch;
import dev.unrolled.parallel.ParallelCases.Case;
import dev.unrolled.train.EpochStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data-parallel training as {@link Parallelism} specifies it: for a fixed shard count, every loss,
 * count and parameter is the same bits on any number of threads; the sharded gradient is the batch
 * gradient; batches smaller than the shard count or not divisible by it work; failures reach the
 * caller. Every network shape and both precisions, through every entry point and {@code fit}.
 */
class DataParallelTest {
  private static final int SHARDS = 4;
  /** Divisible by the shards, not divisible, fewer rows than shards, one row, and above the capacity (64). */
  private static final int[] BATCH_SIZES = {32, 7, 3, 1, 13, 80, 32};

  static List<Case> cases() {
    return ParallelCases.all();
  }

  private static Parallelism shards(int threads) {
    return Parallelism.shards(SHARDS).threads(threads);
  }

  static void close(Trainer trainer) {
    try {
      ((AutoCloseable) trainer).close();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Everything a training run lets one observe, as raw bits: the loss and correct count of every
   * batch through every entry point, the epochs of a short {@code fit} with validation (sharded
   * evaluation included), and the final parameters.
   */
  static List<Long> observe(Case c, Parallelism parallelism) {
    Random random = new Random(5);
    Trainer trainer = c.trainer(Optimizer.adam(0.01), parallelism);
    try {
      List<Long> seen = new ArrayList<>();
      for (int m : BATCH_SIZES) {
        Batch b = c.batch(random, m);
        seen.add(Double.doubleToRawLongBits(trainer.trainBatch(b.xd, b.yd)));
        seen.add((long) trainer.lastBatchCorrect());
        seen.add(Double.doubleToRawLongBits(c.labels().train(trainer, b)));
        if (c.floatRows() != null) {
          seen.add(Double.doubleToRawLongBits(c.floatRows().train(trainer, b)));
        }
      }
      Dataset train = c.dataset(random, 150);
      Dataset validation = c.dataset(random, 37);
      History history = trainer.fit(train, FitOptions.epochs(3).batchSize(16).validation(validation));
      for (EpochStats e : history.epochs()) {
        for (double v : new double[] {e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy()}) {
          seen.add(Double.doubleToRawLongBits(v));
        }
      }
      for (double p : parameters(trainer.model())) {
        seen.add(Double.doubleToRawLongBits(p));
      }
      return seen;
    } finally {
      close(trainer);
    }
  }

  static double[] parameters(Model model) {
    double[] p = new double[model.parameterCount()];
    model.getParameters(p);
    return p;
  }

  static void assertSameBits(List<Long> expected, List<Long> actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int k = 0; k < expected.size(); k++) {
      if (!expected.get(k).equals(actual.get(k))) {
        throw new AssertionError(what + ": observation " + k + " of " + expected.size() + " differs: "
            + Double.longBitsToDouble(expected.get(k)) + " vs " + Double.longBitsToDouble(actual.get(k)));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyThreadCountGivesTheSameBitsForTheSameShards(Case c) {
    List<Long> oneThread = observe(c, shards(1));

    for (int threads = 2; threads <= SHARDS; threads++) {
      assertSameBits(oneThread, observe(c, shards(threads)), c + " with " + threads + " threads");
    }
    // Guards against a vacuous pass: four shards round differently from the unsharded step.
    assertNotEquals(observe(c, Parallelism.none()), oneThread, c + ": the shards are not in effect");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void oneShardIsTheDefaultSingleThreadedTrainer(Case c) {
    assertSameBits(observe(c, Parallelism.none()), observe(c, Parallelism.shards(1).threads(3)), c.name());
  }

  /**
   * One step of plain SGD with rate 1 moves the parameters by exactly minus the gradient, up to the
   * rounding of the subtraction. Compared with the model's single-workspace {@code lossAndGradient},
   * the sharded gradient agrees to rounding, not to the bit: each shard averages its own rows
   * ({@code (1/mₖ)Σ}, then scaled by {@code mₖ/m}) and the sums over rows are grouped by shard, and
   * floating-point addition is not associative.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void theShardedGradientIsTheBatchGradient(Case c) {
    Random random = new Random(9);
    for (int m : new int[] {32, 7, 3, 1}) {
      assertOneStepIsTheBatchGradient(c, shards(2), c.batch(random, m), c + ", 2 shards, batch of " + m);
    }
  }

  /**
   * One step of {@code parallelism} with plain SGD at rate 1 from the seeded model moves the
   * parameters by the model's {@code lossAndGradient} of batch {@code b}, to rounding, and reports
   * its loss; most of the gradient is not zero (the comparison is not vacuous).
   */
  static void assertOneStepIsTheBatchGradient(Case c, Parallelism parallelism, Batch b, String what) {
    Model reference = c.model().apply(ParallelCases.SEED);
    double[] expected = new double[reference.parameterCount()];
    double expectedLoss = reference.lossAndGradient(b.xd, b.yd, expected);

    Trainer trainer = c.trainer(Optimizer.sgd(1.0), parallelism);
    double[] before = parameters(trainer.model());
    double loss = trainer.trainBatch(b.xd, b.yd);
    double[] after = parameters(trainer.model());
    close(trainer);

    double tolerance = c.isFloat() ? 1e-6 : 1e-13;
    assertThat(loss).isWithin(tolerance * Math.max(1, Math.abs(expectedLoss))).of(expectedLoss);
    int nonzero = 0;
    for (int k = 0; k < expected.length; k++) {
      double gradient = before[k] - after[k];
      double allowed = tolerance + (c.isFloat() ? 1e-4 : 1e-9) * Math.abs(expected[k]);
      if (Math.abs(gradient - expected[k]) > allowed) {
        throw new AssertionError(what + ": gradient " + k + " is " + gradient + " in the step but " + expected[k]
            + " in one workspace");
      }
      nonzero += expected[k] != 0 ? 1 : 0;
    }
    assertThat(nonzero).isGreaterThan(expected.length / 4);
  }

  /** The loss guard of a sharded step is tested in ShardedStepTest; a NaN input never gets that far. */
  @ParameterizedTest
  @MethodSource("cases")
  void aNonFiniteBatchIsRefusedBeforeAnyStepOnAnyThreadCount(Case c) {
    Random random = new Random(13);
    Batch good = c.batch(random, 24);
    Batch bad = c.batch(random, 24);
    bad.xd[17][0] = Double.NaN; // shard 2 of 4

    List<double[]> results = new ArrayList<>();
    for (int threads = 1; threads <= SHARDS; threads++) {
      Trainer trainer = c.trainer(Optimizer.adam(0.01), shards(threads));
      trainer.trainBatch(good.xd, good.yd);
      double[] before = parameters(trainer.model());
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> trainer.trainBatch(bad.xd, bad.yd));
      assertThat(e).hasMessageThat().startsWith("inputs[17][0] is NaN but a batch holds finite values only");
      assertThat(parameters(trainer.model())).isEqualTo(before);
      assertThat(trainer.trainBatch(good.xd, good.yd)).isFinite();
      results.add(parameters(trainer.model()));
      close(trainer);
    }
    for (double[] r : results) {
      assertThat(r).isEqualTo(results.get(0));
    }
  }

  /**
   * A bad row index in a dataset batch fails while a shard loads its rows, possibly on another
   * thread; the caller sees the same exception as without shards, the parameters are untouched, and
   * the trainer goes on as if the batch had never been given.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void aFailingShardSurfacesInTheCallerAndLeavesTheTrainerUsable(Case c) {
    Random random = new Random(21);
    Dataset data = c.dataset(random, 40);
    int[] rows = new int[40];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = r;
    }
    int[] badRows = rows.clone();
    badRows[35] = 1_000; // in the last shard of [0, 40)

    Trainer plain = c.trainer(Optimizer.adam(0.01), Parallelism.none());
    Class<? extends RuntimeException> expected =
        assertThrows(RuntimeException.class, () -> plain.trainBatch(data, badRows, 0, 40)).getClass();

    Trainer failed = c.trainer(Optimizer.adam(0.01), shards(SHARDS));
    Trainer twin = c.trainer(Optimizer.adam(0.01), shards(1));
    failed.trainBatch(data, rows, 0, 40);
    twin.trainBatch(data, rows, 0, 40);
    double[] before = parameters(failed.model());
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThrows(expected, () -> failed.trainBatch(data, badRows, 0, 40));
      assertThrows(expected, () -> failed.evaluateBatch(data, badRows, 0, 40));
    }
    assertThat(parameters(failed.model())).isEqualTo(before);
    assertThat(failed.trainBatch(data, rows, 0, 40)).isEqualTo(twin.trainBatch(data, rows, 0, 40));
    assertThat(parameters(failed.model())).isEqualTo(parameters(twin.model()));
    close(failed);
    close(twin);
    close(plain);
  }

  /** Sharded training learns a rule as well as the unsharded trainer does. */
  @ParameterizedTest
  @MethodSource("cases")
  void trainingWithShardsLearns(Case c) {
    Dataset train = c.learnable(new Random(31), 512);
    FitOptions options = FitOptions.epochs(30).batchSize(32);
    Trainer plain = c.trainer(Optimizer.adam(0.01), Parallelism.none());
    Trainer sharded = c.trainer(Optimizer.adam(0.01), shards(2));
    try {
      double plainLoss = plain.fit(train, options).last().trainLoss();
      History history = sharded.fit(train, options);
      double first = history.epochs().get(0).trainLoss();
      double last = history.last().trainLoss();

      assertTrue(last < first / 4, c + ": training loss went from " + first + " to " + last);
      assertThat(last).isWithin(0.01 * plainLoss).of(plainLoss);
    } finally {
      close(plain);
      close(sharded);
    }
  }
}
