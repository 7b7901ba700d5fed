package dev.unrolled.fullbatch;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.Optimizer;
import dev.unrolled.testing.LogisticModel;
import org.junit.jupiter.api.Test;

/** The full-batch objective against the model's own mean over all rows, and the flat optimizer step. */
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
