package dev.unrolled.parity;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Model;
import dev.unrolled.Trainer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Batch {@code predict} and {@code classify} equal the single-row methods bit for bit, for every
 * code shape (unrolled and looped layers, vector tiles, batch lanes), both precisions and every loss,
 * with normalisation and dropout after a few trainer steps (running estimates, no dropout), in
 * batches on both sides of the prediction block. Surefire runs this class with and without the
 * vector module, so both the Vector API kernels and their plain fallback are checked; without it
 * every model is checked bit for bit (see {@link BatchPredictions} for the Vector API's exponentials).
 */
class BatchPredictTest {
  private static int checkAll(List<NetCase> cases) {
    for (NetCase c : cases) {
      Model model = c.newModel(7);
      Trainer trainer = c.newTrainer(model, BatchPredictions.optimizer());
      Random random = new Random(c.name.hashCode());
      BatchPredictions.train(trainer, c.loss, random);
      BatchPredictions.assertMatchesRowByRow(c.name, model, random,
          BatchPredictions.exact(model, c.activations));
    }
    return cases.size();
  }

  @Test
  void parityNetworksEveryActivationAndLoss() {
    assertEquals(ParityCases.COUNT, checkAll(ParityCases.all()));
  }

  @Test
  void unrolledAndLoopedLayers() {
    assertEquals(MatrixCases.COUNT, checkAll(MatrixCases.all()));
  }

  @Test
  void vectorTiles() {
    assertEquals(VectorCases.COUNT, checkAll(VectorCases.all()));
  }

  @Test
  void batchLanes() {
    assertEquals(LaneCases.COUNT, checkAll(LaneCases.all()));
  }

  @Test
  void batchAndLayerNormWithDropoutAfterTraining() {
    int checked = 0;
    for (NormCase c : NormCases.all()) {
      Model model = c.newModel(7);
      Trainer trainer = c.newTrainer(model, BatchPredictions.optimizer());
      Random random = new Random(c.name.hashCode());
      BatchPredictions.train(trainer, c.loss, random);
      if (c.hasBatchNorm()) {
        // The running estimates have moved away from mean 0, variance 1, so prediction uses them.
        double[] running = new double[model.runningEstimateCount()];
        model.getRunningEstimates(running);
        assertThat(running[0]).isNotEqualTo(0.0);
      }
      BatchPredictions.assertMatchesRowByRow(c.name, model, random,
          BatchPredictions.exact(model, c.activations));
      checked++;
    }
    assertEquals(NormCases.COUNT, checked);
  }

  // -----------------------------------------------------------------------------------------------

  @Test
  void badArgumentsAreNamedAndNothingIsWritten() {
    Model model = new ParityNetworks_HiddenTanhDoubleModel(1);
    int in = model.inputSize();
    int out = model.outputSize();
    double[][] x = new double[3][in];
    double[][] y = new double[3][out];
    int[] classes = new int[3];

    assertEquals("inputs", assertThrows(NullPointerException.class, () -> model.predict(null, y)).getMessage());
    assertEquals("outputs",
        assertThrows(NullPointerException.class, () -> model.predict(x, (double[][]) null)).getMessage());
    assertEquals("classes", assertThrows(NullPointerException.class, () -> model.classify(x, null)).getMessage());
    assertEquals("the batch has 3 input rows but 2 output rows; pass one per input row",
        assertThrows(IllegalArgumentException.class, () -> model.predict(x, new double[2][out])).getMessage());
    assertEquals("the batch has 3 input rows but 4 elements in classes; pass one per input row",
        assertThrows(IllegalArgumentException.class, () -> model.classify(x, new int[4])).getMessage());

    double[][] badRow = {new double[in], new double[in], new double[in + 1]};
    Arrays.fill(badRow[0], 0.5);
    assertEquals("inputs[2] has " + (in + 1) + " values but the network needs " + in,
        assertThrows(IllegalArgumentException.class, () -> model.predict(badRow, y)).getMessage());
    assertEquals("inputs[2] has " + (in + 1) + " values but the network needs " + in,
        assertThrows(IllegalArgumentException.class, () -> model.classify(badRow, classes)).getMessage());
    double[][] missingOutput = {new double[out], null, new double[out]};
    assertEquals("outputs[1] has no row but the network needs " + out,
        assertThrows(IllegalArgumentException.class, () -> model.predict(x, missingOutput)).getMessage());
    assertThat(y[0]).usingExactEquality().containsExactly(new double[out]);
    assertThat(classes).asList().containsExactly(0, 0, 0);

    // An empty batch has nothing to predict: no error, nothing touched.
    model.predict(new double[0][], new double[0][]);
    model.classify(new double[0][], new int[0]);
  }

  @Test
  void floatEntryPointsCheckTheirArgumentsToo() {
    Model model = new ParityNetworks_HiddenTanhFloatModel(1);
    int in = model.inputSize();
    int out = model.outputSize();
    float[][] x = new float[2][in];
    assertEquals("outputs", assertThrows(NullPointerException.class,
        () -> BatchPredictions.invoke(model, "predict", float[][].class, float[][].class, x, null)).getMessage());
    assertEquals("the batch has 2 input rows but 1 output rows; pass one per input row",
        assertThrows(IllegalArgumentException.class, () -> BatchPredictions.invoke(model, "predict",
            float[][].class, float[][].class, x, new float[1][out])).getMessage());
    assertEquals("outputs[0] has " + (out - 1) + " values but the network needs " + out,
        assertThrows(IllegalArgumentException.class, () -> BatchPredictions.invoke(model, "predict",
            float[][].class, float[][].class, x, new float[][] {new float[out - 1], new float[out]})).getMessage());
    assertEquals("inputs[1] has no row but the network needs " + in,
        assertThrows(IllegalArgumentException.class, () -> BatchPredictions.invoke(model, "classify",
            float[][].class, int[].class, new float[][] {new float[in], null}, new int[2])).getMessage());
  }
}
