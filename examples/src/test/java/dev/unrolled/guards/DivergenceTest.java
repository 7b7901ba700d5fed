package dev.unrolled.guards;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;


import dev.unrolled.Activation;
import dev.unrolled.Dataset;
import dev.unrolled.Dense;
import dev.unrolled.FitOptions;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Network;
import dev.unrolled.Optimizer;
import dev.unrolled.Trainer;
import dev.unrolled.train.TrainingDivergedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Generated trainers driven past the range of floating point: {@code fit} stops with a
 * {@link TrainingDivergedException} naming the batch, and the model keeps the last finite parameters
 * because a trainer takes no step on a non-finite loss and undoes a step that overflowed the
 * parameters (revealed by the next batch's loss, or at the end of the epoch).
 *
 * <p>The parameters cannot be snapshotted inside {@code fit}, so each test replays the batches fit
 * trained on, by hand with {@code trainBatch} on a twin trainer (same seed, same optimizer), up to
 * the first non-finite loss, and compares with the last finite parameters of that replay.
 */
class DivergenceTest {
  private static final long SEED = 11;
  private static final int EPOCHS = 200;
  private static final int BATCH_SIZE = 8;

  /** 40 unstandardised rows, x₁ in [50, 250] and x₂ in [1, 5], with y = 3x₁ + 20x₂ + noise. */
  private static Dataset houses() {
    Random random = new Random(7);
    double[][] x = new double[40][];
    double[][] y = new double[40][1];
    for (int r = 0; r < x.length; r++) {
      x[r] = new double[] {50 + 200 * random.nextDouble(), 1 + 4 * random.nextDouble()};
      y[r][0] = 3 * x[r][0] + 20 * x[r][1] + random.nextGaussian();
    }
    return Dataset.ofTargets(x, y);
  }

  @Test
  void linearRegressionInDoubleWithTooLargeAStep() {
    // lr·|x|² ≈ 0.01 · 150² ≫ 2: the error grows ~200× a step until its square, the loss, overflows.
    assertDivergesKeepingTheLastFiniteParameters(() -> new GuardNetworks_LinearDoubleTrainer(
        new GuardNetworks_LinearDoubleModel(SEED), Optimizer.sgd(0.01)), houses());
  }

  @Test
  void linearRegressionInFloatWithTooLargeAStep() {
    // In float the gradient (error · x) overflows first, while the loss, summed in double, is finite.
    assertDivergesKeepingTheLastFiniteParameters(() -> new GuardNetworks_LinearFloatTrainer(
        new GuardNetworks_LinearFloatModel(SEED), Optimizer.sgd(0.01)), houses());
  }

  @Test
  void classifierOnFeaturesOfTenToTheThirtyWithAHugeRate() {
    Random random = new Random(3);
    double[][] x = new double[40][4];
    int[] labels = new int[40];
    for (int r = 0; r < x.length; r++) {
      for (int k = 0; k < 4; k++) {
        x[r][k] = 1e30 * random.nextGaussian();
      }
      labels[r] = r % 3;
    }

    assertDivergesKeepingTheLastFiniteParameters(() -> new GuardNetworks_ClassifierTrainer(
        new GuardNetworks_ClassifierModel(SEED), Optimizer.sgd(1e6)), Dataset.ofLabels(x, labels, 3));
  }

  @Test
  void aBatchWhoseGradientOverflowsStopsTheFitEvenIfItsLossIsFinite() {
    // Outputs of 1e35 are finite floats and their squared error (5e69) a finite double, but the
    // weight gradient, error × 1e5, is beyond the float range: the step overflows, and so that
    // training does not silently stand still, fit must hear of it as a non-finite loss.
    GuardNetworks_LinearFloatModel model = new GuardNetworks_LinearFloatModel(SEED);
    model.setParameters(new double[] {1e30, 0, 0});
    double[] start = model.parameters(); // 1e30 rounded to float
    Dataset far = Dataset.ofTargets(new double[][] {{1e5, 1}, {1e5, 2}}, new double[][] {{0}, {0}});

    TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () ->
        new GuardNetworks_LinearFloatTrainer(model, Optimizer.sgd(0.01)).fit(far, FitOptions.epochs(3)));

    assertThat(e.epoch()).isEqualTo(1); // the only batch of epoch 1, found at the end of the epoch
    assertThat(e.batch()).isEqualTo(1);
    assertThat(e).hasMessageThat().contains("but the step overflowed the parameters");
    assertThat(model.parameters()).usingExactEquality().containsExactly(start).inOrder();
  }

  @Test
  void aStepThatWouldOverflowTheParametersIsNotTaken() {
    // Loss (5e65) and gradient (1e33) are finite, but the SGD step 1e6 × 1e33 is beyond the float
    // range: taking it would leave the weight at −∞.
    GuardNetworks_LinearFloatModel model = new GuardNetworks_LinearFloatModel(SEED);
    model.setParameters(new double[] {1e33, 0, 0});
    double[] start = model.parameters(); // 1e33 rounded to float
    Dataset one = Dataset.ofTargets(new double[][] {{1, 0}}, new double[][] {{0}});

    TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () ->
        new GuardNetworks_LinearFloatTrainer(model, Optimizer.sgd(1e6)).fit(one, FitOptions.epochs(3)));

    assertThat(e.epoch()).isEqualTo(1);
    assertThat(e.batch()).isEqualTo(1);
    assertThat(e).hasMessageThat().contains("but the step overflowed the parameters");
    assertThat(model.parameters()).usingExactEquality().containsExactly(start).inOrder();
  }

  /** 1 → 1 RELU → 1, MSE: a RELU unit that can hide an infinite weight. */
  @Network(inputs = 1, layers = {@Dense(units = 1, activation = Activation.RELU), @Dense(units = 1)},
      loss = Loss.MEAN_SQUARED_ERROR)
  interface Masking {}

  @Test
  void anOverflowHiddenByARectifierIsReportedHonestly() {
    // Step 1 overflows the first layer to −∞; RELU(−∞) = 0 keeps step 2's loss finite, so the copy
    // taken before step 2 holds −∞ too. Nothing finite is left to restore, and the message says so.
    DivergenceTest_MaskingModel model = new DivergenceTest_MaskingModel(SEED);
    model.setParameters(new double[] {1, 0, 1e9, 0});
    Dataset rows = Dataset.ofTargets(new double[][] {{1}, {1}}, new double[][] {{0}, {0}});

    TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () ->
        new DivergenceTest_MaskingTrainer(model, Optimizer.sgd(1e21)).fit(rows, FitOptions.epochs(5).batchSize(1)));

    assertThat(e).hasMessageThat().contains("an earlier step had already overflowed some parameters "
        + "(a saturating activation hid it), so the model holds non-finite values");
    assertThat(allFinite(model.parameters())).isFalse();
  }

  private static void assertDivergesKeepingTheLastFiniteParameters(Supplier<Trainer> twins, Dataset data) {
    RecordingTrainer trainer = new RecordingTrainer(twins.get());
    int batchesPerEpoch = (data.size() + BATCH_SIZE - 1) / BATCH_SIZE;

    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> trainer.fit(data, FitOptions.epochs(EPOCHS).batchSize(BATCH_SIZE).shuffleSeed(5)));
    double[] kept = trainer.model().parameters();

    // Replay the same batches by hand: fit must stop where trainBatch first reports a non-finite
    // loss (or, for an overflow on an epoch's last step, where restoreIfNotFinite says so), and keep
    // the last finite parameters: those before that batch, or before the step that overflowed them.
    Trainer replay = twins.get();
    double[] beforePrevious = replay.model().parameters();
    double[] before = beforePrevious;
    double loss = 0;
    int step = 0;
    for (; step < trainer.batches.size(); step++) {
      beforePrevious = before;
      before = replay.model().parameters();
      loss = replay.trainBatch(inputs(data, trainer.batches.get(step)), targets(data, trainer.batches.get(step),
          replay.model()));
      if (!Double.isFinite(loss)) {
        break;
      }
    }
    double[] expected;
    if (step < trainer.batches.size()) {
      assertThat(step).isEqualTo(trainer.batches.size() - 1); // fit stopped at the first non-finite loss
      assertThat((e.epoch() - 1) * batchesPerEpoch + e.batch()).isEqualTo(step + 1);
      assertThat(e.loss()).isEqualTo(loss);
      assertThat(e).hasMessageThat().startsWith("training diverged at epoch " + e.epoch() + ", batch "
          + e.batch() + " of " + batchesPerEpoch + ": the batch loss is " + loss + ";");
      expected = allFinite(before) ? before : beforePrevious;
    } else {
      assertThat(replay.restoreIfNotFinite()).isTrue(); // the epoch's last step overflowed
      assertThat(e.batch()).isEqualTo(batchesPerEpoch);
      assertThat(e).hasMessageThat().contains("but the step overflowed the parameters");
      expected = before;
    }
    for (double p : kept) {
      assertThat(p).isFinite();
    }
    assertThat(kept).usingExactEquality().containsExactly(expected).inOrder();
    assertThat(replay.model().parameters()).usingExactEquality().containsExactly(expected).inOrder();
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static double[][] inputs(Dataset data, int[] rows) {
    double[][] x = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      x[i] = data.featureRow(rows[i]);
    }
    return x;
  }

  private static double[][] targets(Dataset data, int[] rows, Model model) {
    double[][] y = new double[rows.length][model.outputSize()];
    for (int i = 0; i < rows.length; i++) {
      data.targets(rows[i], y[i]);
    }
    return y;
  }

  /** A generated trainer, seen through {@link Trainer}, that remembers the rows of every training batch. */
  private static final class RecordingTrainer implements Trainer {
    private final Trainer generated;
    final List<int[]> batches = new ArrayList<>();

    RecordingTrainer(Trainer generated) {
      this.generated = generated;
    }

    @Override
    public Model model() {
      return generated.model();
    }

    @Override
    public double trainBatch(double[][] inputs, double[][] targets) {
      return generated.trainBatch(inputs, targets);
    }

    @Override
    public double trainBatch(Dataset data, int[] rows, int from, int to) {
      batches.add(Arrays.copyOfRange(rows, from, to));
      return generated.trainBatch(data, rows, from, to);
    }

    @Override
    public double evaluateBatch(Dataset data, int[] rows, int from, int to) {
      return generated.evaluateBatch(data, rows, from, to);
    }

    @Override
    public int lastBatchCorrect() {
      return generated.lastBatchCorrect();
    }

    @Override
    public boolean restoreIfNotFinite() {
      return generated.restoreIfNotFinite();
    }
  }
}
