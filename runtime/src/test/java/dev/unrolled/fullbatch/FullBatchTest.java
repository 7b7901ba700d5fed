package dev.unrolled.fullbatch;

import static com.google.common.truth.Truth.assertThat;
import static dev.unrolled.Activation.IDENTITY;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.SIGMOID_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Architecture;
import dev.unrolled.Architecture.Layer;
import dev.unrolled.Dataset;
import dev.unrolled.Norm;
import dev.unrolled.Optimizer;
import dev.unrolled.testing.LogisticModel;
import dev.unrolled.testing.VectorModel;
import org.junit.jupiter.api.Test;

/**
 * The full-batch objective against the model's own mean over all rows, what it refuses, and the flat
 * optimizer step.
 */
class FullBatchTest {
  private final Dataset data = LbfgsTest.separableWithNoise(1000, 3); // four chunks, the last partial

  @Test
  void equalsTheModelsMeanLossAndGradientOverAllRowsForAnyPartitionCount() {
    LogisticModel model = new LogisticModel(3);
    model.setParameters(new double[] {0.3, -0.2, 0.5, 0.1});
    double[][] x = new double[data.size()][];
    double[][] y = new double[data.size()][1];
    for (int r = 0; r < data.size(); r++) {
      x[r] = data.featureRow(r);
      data.targets(r, y[r]);
    }
    double[] expected = new double[4];
    double expectedLoss = model.lossAndGradient(x, y, expected);

    for (int partitions : new int[] {1, 2, 3, 7, 1500}) {
      double[] g = new double[4];
      double loss = FullBatch.of(model, data, partitions).evaluate(model.parameters(), g);

      assertThat(loss).isWithin(1e-14).of(expectedLoss);
      assertThat(g).usingTolerance(1e-14).containsExactly(expected).inOrder();
    }
  }

  @Test
  void givesTheSameBitsOnEveryEvaluation() {
    LogisticModel model = new LogisticModel(3);
    FullBatch loss = FullBatch.of(model, data, 3);
    double[] a = new double[4];
    double[] b = new double[4];
    double[] at = {0.3, -0.2, 0.5, 0.1};

    assertThat(loss.evaluate(at, a)).isEqualTo(loss.evaluate(at, b));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void rejectsDataTheModelCannotTrainOn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FullBatch.of(new LogisticModel(4), data));
    assertThat(e).hasMessageThat().contains("takes 4 inputs but the dataset has 3 features");
    assertThat(assertThrows(IllegalArgumentException.class, () -> FullBatch.of(new LogisticModel(3), data, 0)))
        .hasMessageThat().contains("partitions is 0");
  }

  @Test
  void refusesABatchNormalisedLayerNamingItAndWhatToDo() {
    Architecture batch = Architecture.of(3, SIGMOID_CROSS_ENTROPY, DOUBLE,
        new Layer(4, TANH), new Layer(5, TANH, Norm.BATCH, 0), new Layer(1, IDENTITY, Norm.NONE, 0));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FullBatch.of(new VectorModel(batch), data, 2));

    assertThat(e).hasMessageThat().isEqualTo("layer 2 (5 TANH BATCH-norm) normalises over the batch, which "
        + "full-batch training (FullBatch, Lbfgs, SparkTrainer) cannot honour: it sums lossAndGradient over "
        + "chunks of rows, each normalised with its own statistics, which is not the network's loss over all "
        + "rows; use LAYER norm, which does not depend on the batch, or train with a generated trainer");
  }

  @Test
  void refusesDropoutNamingTheFirstLayerWithItCountingTheRbfLayer() {
    Architecture dropout = Architecture.withRbf(3, 6, SIGMOID_CROSS_ENTROPY, DOUBLE,
        new Layer(4, TANH, Norm.LAYER, 0.2), new Layer(5, TANH, Norm.BATCH, 0.5), new Layer(1, IDENTITY));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FullBatch.of(new VectorModel(dropout), data));

    assertThat(e).hasMessageThat().isEqualTo("layer 2 (4 TANH LAYER-norm dropout 0.2) drops outputs in training, "
        + "which full-batch training (FullBatch, Lbfgs, SparkTrainer) cannot honour: it sums lossAndGradient, "
        + "which never drops, so it would silently train without dropout; set the layer's dropout to 0, or "
        + "train with a generated trainer");
  }

  @Test
  void aLayerWithBothNamesBothAndLbfgsFitRefusesAsWell() {
    Architecture both = Architecture.of(3, SIGMOID_CROSS_ENTROPY, DOUBLE,
        new Layer(4, TANH, Norm.BATCH, 0.1), new Layer(1, IDENTITY));
    VectorModel model = VectorModel.filled(both);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Lbfgs.fit(model, data, Lbfgs.options()));

    assertThat(e).hasMessageThat().isEqualTo("layer 1 (4 TANH BATCH-norm dropout 0.1) normalises over the batch "
        + "and drops outputs in training, which full-batch training (FullBatch, Lbfgs, SparkTrainer) cannot "
        + "honour: it sums lossAndGradient over chunks of rows, each normalised with its own statistics, which "
        + "is not the network's loss over all rows, and lossAndGradient never drops, so it would silently train "
        + "without dropout; use LAYER norm, which does not depend on the batch, and dropout 0, or train with a "
        + "generated trainer");
    assertThat(model.parameters()).isEqualTo(VectorModel.filled(both).parameters());
  }

  @Test
  void acceptsLayerNormWhichDoesNotDependOnTheBatch() {
    Architecture layerNorm = Architecture.withRbf(3, 6, SIGMOID_CROSS_ENTROPY, DOUBLE,
        new Layer(4, TANH, Norm.LAYER, 0), new Layer(1, IDENTITY));

    FullBatch.requireSupported(new VectorModel(layerNorm));
    FullBatch.requireSupported(new LogisticModel(3));

    assertThat(FullBatch.of(new VectorModel(layerNorm), data, 3)).isNotNull();
  }

  @Test
  void aGradientStepIsTheOptimizersRuleOnTheFlatParameters() {
    LogisticModel model = new LogisticModel(2);
    model.setParameters(new double[] {1, 2, 3});
    GradientStep step = new GradientStep(model, Optimizer.sgd(0.5).withWeightDecay(0.1));

    step.apply(new double[] {1, -1, 2});

    // Weights decay (g + 0.1·p), the bias does not.
    assertThat(model.parameters()).usingTolerance(1e-15)
        .containsExactly(1 - 0.5 * (1 + 0.1), 2 - 0.5 * (-1 + 0.2), 3 - 0.5 * 2).inOrder();
    assertThat(step.steps()).isEqualTo(1);
    assertThat(assertThrows(IllegalArgumentException.class, () -> step.apply(new double[2])))
        .hasMessageThat().contains("the gradient has 2 values but the model has 3 parameters");
  }
}
