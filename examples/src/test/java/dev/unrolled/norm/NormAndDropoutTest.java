package dev.unrolled.norm;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Activation;
import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Norm;
import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import dev.unrolled.Trainer;
import dev.unrolled.reference.ReferenceNormMlp;
import dev.unrolled.reference.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What dropout and batch normalisation promise beyond the arithmetic (which {@code NormParityTest}
 * checks): {@code p = 0} changes no bit, inference and {@code lossAndGradient} never drop, masks
 * follow the seed, shards normalise with their own statistics and give the same bits on any number
 * of threads, batches too small for batch statistics are refused, and model files keep the running
 * estimates.
 */
class NormAndDropoutTest {
  private static final Random RANDOM = new Random(7);
  private static final double[][] X = TestData.uniformInputs(RANDOM, 10, 6);
  private static final double[][] Y = TestData.targets(RANDOM, Loss.SOFTMAX_CROSS_ENTROPY, 10, 3, true);

  private static double[] parameters(Model model) {
    double[] p = new double[model.parameterCount()];
    model.getParameters(p);
    return p;
  }

  private static double[] runningEstimates(Model model) {
    double[] r = new double[model.runningEstimateCount()];
    model.getRunningEstimates(r);
    return r;
  }

  private static void train(Trainer trainer, int steps) {
    for (int k = 0; k < steps; k++) {
      trainer.trainBatch(X, Y);
    }
  }

  @Test
  void dropoutOfZeroChangesNoBit() {
    NormNetworks_NoDropoutModel none = new NormNetworks_NoDropoutModel(3);
    NormNetworks_ZeroDropoutModel zero = new NormNetworks_ZeroDropoutModel(3);
    train(new NormNetworks_NoDropoutTrainer(none, Optimizer.adam(0.01)), 20);
    train(new NormNetworks_ZeroDropoutTrainer(zero, Optimizer.adam(0.01)), 20);

    assertThat(parameters(zero)).isEqualTo(parameters(none));
    assertThat(runningEstimates(zero)).isEqualTo(runningEstimates(none));
  }

  @Test
  void predictAndLossAndGradientNeverDrop() {
    NormNetworks_NoDropoutModel none = new NormNetworks_NoDropoutModel(3);
    NormNetworks_HalfDropoutModel half = new NormNetworks_HalfDropoutModel(3);
    train(new NormNetworks_NoDropoutTrainer(none, Optimizer.adam(0.01)), 5); // running estimates away from 0 and 1
    half.setParameters(parameters(none));
    half.setRunningEstimates(runningEstimates(none));

    for (double[] x : X) {
      double[] a = new double[3];
      double[] b = new double[3];
      none.predict(x, a);
      half.predict(x, b);
      assertThat(b).isEqualTo(a);
      assertThat(half.classify(x)).isEqualTo(none.classify(x));
    }
    double[] g = new double[none.parameterCount()];
    double[] h = new double[half.parameterCount()];
    assertThat(half.lossAndGradient(X, Y, h)).isEqualTo(none.lossAndGradient(X, Y, g));
    assertThat(h).isEqualTo(g);
  }

  @Test
  void masksRepeatWithTheSeedAndDifferWithAnother() {
    double[][] runs = new double[3][];
    long[] seeds = {5, 5, 6};
    for (int k = 0; k < 3; k++) {
      NormNetworks_HalfDropoutModel model = new NormNetworks_HalfDropoutModel(3);
      NormNetworks_HalfDropoutTrainer trainer = new NormNetworks_HalfDropoutTrainer(model, Optimizer.sgd(0.1))
          .dropoutSeed(seeds[k]);
      train(trainer, 4);
      assertThat(trainer.steps()).isEqualTo(4);
      assertThat(trainer.dropoutSeed()).isEqualTo(seeds[k]);
      runs[k] = parameters(model);
    }
    NormNetworks_NoDropoutModel none = new NormNetworks_NoDropoutModel(3);
    train(new NormNetworks_NoDropoutTrainer(none, Optimizer.sgd(0.1)), 4);

    assertThat(runs[1]).isEqualTo(runs[0]);
    assertThat(Arrays.equals(runs[2], runs[0])).isFalse();
    assertThat(Arrays.equals(parameters(none), runs[0])).isFalse();
  }

  @Test
  void shardsGiveTheSameBitsOnAnyNumberOfThreads() {
    double[][] results = new double[3][];
    double[][] estimates = new double[3][];
    for (int threads = 1; threads <= 3; threads++) {
      NormNetworks_HalfDropoutModel model = new NormNetworks_HalfDropoutModel(3);
      try (NormNetworks_HalfDropoutTrainer trainer = new NormNetworks_HalfDropoutTrainer(model, Optimizer.adam(0.01),
          Parallelism.shards(3).threads(threads))) {
        trainer.dropoutSeed(9);
        train(trainer, 6);
      }
      results[threads - 1] = parameters(model);
      estimates[threads - 1] = runningEstimates(model);
    }
    assertThat(results[1]).isEqualTo(results[0]);
    assertThat(results[2]).isEqualTo(results[0]);
    assertThat(estimates[1]).isEqualTo(estimates[0]);
    assertThat(estimates[2]).isEqualTo(estimates[0]);
  }

  /**
   * With shards, each normalises with its own batch statistics (as data-parallel PyTorch without
   * synchronised batch norm): the step is the rows-weighted sum of the shards' gradients, each
   * shard keeps the masks of its rows' places in the whole batch, and the running estimates take
   * the rows-weighted mean of the shards' statistics.
   */
  @Test
  void eachShardNormalisesWithItsOwnStatistics() {
    ReferenceNormMlp reference = new ReferenceNormMlp(6, 0, new int[] {12, 8, 3},
        new Activation[] {Activation.RELU, Activation.TANH, Activation.IDENTITY},
        new Norm[] {Norm.BATCH, Norm.LAYER, Norm.NONE}, new double[] {0.5, 0.5, 0}, Loss.SOFTMAX_CROSS_ENTROPY);
    NormNetworks_HalfDropoutDoubleModel model = new NormNetworks_HalfDropoutDoubleModel(4);
    double[] p = parameters(model);
    reference.setParameters(p);
    double[] r0 = runningEstimates(model);
    double lr = 0.1;
    int[] bounds = {0, 4, 7, 10}; // 10 rows in 3 shards: 4, 3, 3
    double[][][] masks = reference.masks(21, 0, 10);
    double[] expected = p.clone();
    double[] expectedEstimates = new double[r0.length];
    for (int k = 0; k < r0.length; k++) {
      expectedEstimates[k] = 0.9 * r0[k];
    }
    double expectedLoss = 0;
    for (int k = 0; k < 3; k++) {
      double[][] x = Arrays.copyOfRange(X, bounds[k], bounds[k + 1]);
      double[][] y = Arrays.copyOfRange(Y, bounds[k], bounds[k + 1]);
      double[][][] shardMasks = new double[masks.length][][];
      for (int l = 0; l < masks.length; l++) {
        shardMasks[l] = masks[l] == null ? null : Arrays.copyOfRange(masks[l], bounds[k], bounds[k + 1]);
      }
      double weight = (double) (bounds[k + 1] - bounds[k]) / 10;
      double[] g = new double[p.length];
      expectedLoss += weight * reference.lossAndGradient(x, y, g, shardMasks);
      for (int i = 0; i < p.length; i++) {
        expected[i] -= lr * weight * g[i];
      }
      // This shard's statistics alone: running estimates of 0 take 0.1·μ and 0.1·σ²·m/(m−1).
      reference.setRunningEstimates(new double[r0.length]);
      reference.trainStepSgd(x, y, 0, shardMasks);
      double[] folded = reference.runningEstimates();
      for (int i = 0; i < r0.length; i++) {
        expectedEstimates[i] += weight * folded[i];
      }
      reference.setParameters(p);
    }
    try (NormNetworks_HalfDropoutDoubleTrainer trainer = new NormNetworks_HalfDropoutDoubleTrainer(model,
        Optimizer.sgd(lr), Parallelism.shards(3).threads(2))) {
      double loss = trainer.dropoutSeed(21).trainBatch(X, Y);

      assertThat(loss).isWithin(1e-12).of(expectedLoss);
    }
    assertThat(TestData.relativeError(parameters(model), expected)).isLessThan(1e-10);
    assertThat(TestData.relativeError(runningEstimates(model), expectedEstimates)).isLessThan(1e-10);
  }

  @Test
  void aBatchWithoutBatchStatisticsIsRefusedWithoutAStep() {
    NormNetworks_HalfDropoutModel model = new NormNetworks_HalfDropoutModel(3);
    double[] before = parameters(model);
    double[][] one = {X[0]};
    double[][] target = {Y[0]};

    IllegalArgumentException gradient = assertThrows(IllegalArgumentException.class,
        () -> model.lossAndGradient(one, target, new double[model.parameterCount()]));
    IllegalArgumentException step = assertThrows(IllegalArgumentException.class,
        () -> new NormNetworks_HalfDropoutTrainer(model, Optimizer.sgd(0.1)).trainBatch(one, target));
    IllegalArgumentException shards;
    try (NormNetworks_HalfDropoutTrainer sharded = new NormNetworks_HalfDropoutTrainer(model, Optimizer.sgd(0.1),
        Parallelism.shards(3))) {
      shards = assertThrows(IllegalArgumentException.class,
          () -> sharded.trainBatch(Arrays.copyOf(X, 5), Arrays.copyOf(Y, 5)));
      assertThat(sharded.minimumBatchRows()).isEqualTo(6);
    }

    assertThat(gradient).hasMessageThat().isEqualTo("a batch of one row has no batch statistics, and layer 1"
        + " normalises over the batch (norm = BATCH): give at least 2 rows");
    assertThat(step).hasMessageThat().isEqualTo("a training batch of 1 row(s) is too small: layer 1 normalises"
        + " over the batch (norm = BATCH), and one row has no batch statistics, so give at least 2 rows");
    assertThat(shards).hasMessageThat().endsWith("and it is cut into 3 shards, so give at least 6 rows");
    assertThat(parameters(model)).isEqualTo(before);
    double[] out = new double[3];
    model.predict(X[0], out); // one row is fine for prediction: it uses the running estimates
  }

  @Test
  void fitJoinsALastBatchOfOneRowToTheOneBefore() {
    NormNetworks_HalfDropoutModel model = new NormNetworks_HalfDropoutModel(3);
    int[] labels = new int[X.length];
    for (int s = 0; s < labels.length; s++) {
      labels[s] = s % 3;
    }
    Dataset data = Dataset.ofLabels(X, labels, 3);
    NormNetworks_HalfDropoutTrainer trainer = new NormNetworks_HalfDropoutTrainer(model, Optimizer.adam(0.01));

    History history = trainer.fit(data, FitOptions.epochs(2).batchSize(3)); // 10 rows: 3, 3, 4

    assertThat(history.epochs()).hasSize(2);
    assertThat(trainer.steps()).isEqualTo(6);
  }

  @Test
  void modelFilesKeepTheRunningEstimatesAndTheSummaryShowsThem(@TempDir Path dir) throws IOException {
    NormNetworks_HalfDropoutModel model = new NormNetworks_HalfDropoutModel(3);
    train(new NormNetworks_HalfDropoutTrainer(model, Optimizer.adam(0.01)), 5);
    Path file = dir.resolve("half.unrl");
    model.save(file);
    NormNetworks_HalfDropoutModel copy = new NormNetworks_HalfDropoutModel(8);

    copy.load(file);

    assertThat(runningEstimates(copy)).isEqualTo(runningEstimates(model));
    assertThat(parameters(copy)).isEqualTo(parameters(model));
    double[] a = new double[3];
    double[] b = new double[3];
    model.predict(X[1], a);
    copy.predict(X[1], b);
    assertThat(b).isEqualTo(a);
    assertThat(Files.size(file)).isGreaterThan(0L);
    assertWithMessage("summary").that(model.summary()).contains("Running estimates of layer 1 (12 units): mean in [");
    assertThat(model.summary()).contains("BATCH  0.5");
  }

  @Test
  void runningEstimatesStartAtZeroAndOneAndRefuseNonsense() {
    NormNetworks_HalfDropoutModel model = new NormNetworks_HalfDropoutModel(3);
    double[] r = runningEstimates(model);
    assertThat(r).hasLength(24);
    assertThat(Arrays.copyOfRange(r, 0, 12)).isEqualTo(new double[12]);
    double[] ones = new double[12];
    Arrays.fill(ones, 1);
    assertThat(Arrays.copyOfRange(r, 12, 24)).isEqualTo(ones);

    r[15] = -0.5;
    double[] bad = r;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.setRunningEstimates(bad));

    assertThat(e).hasMessageThat().isEqualTo(
        "running estimate 15 (layer 1 running variance rv[3]) is -0.5; variances are finite and ≥ 0");
    assertThat(runningEstimates(model)[15]).isEqualTo(1.0);
  }
}
