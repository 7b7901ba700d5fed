package dev.unrolled.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.Loss;
import dev.unrolled.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * Target rows are checked against the model's loss before any step, as {@code Dataset.requireTargetsFor}
 * checks them on one machine, naming the first bad row across partitions.
 */
class TargetRowsTest {
  private static final double[][] FEATURES = {{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}};

  @Test
  void softmaxRefusesTheFirstRowThatIsNotADistributionAsOneMachineDoes() {
    double[][] targets = {{1, 0, 0}, {0.5, 0.5, 0}, {0.2, 0.2, 0.2}, {0, -0.5, 1.5}};
    Dataset rows = Dataset.ofTargets(FEATURES, targets);
    String oneMachine = assertThrows(IllegalArgumentException.class,
        () -> rows.requireTargetsFor(Loss.SOFTMAX_CROSS_ENTROPY)).getMessage();
    SparkTrainer<Nets_ClassifierModel> trainer =
        new SparkTrainer<>(new Nets_ClassifierModel(1), Nets_ClassifierModel::new, Optimizer.sgd(0.1));

    try (TrainingData data = TrainingData.of(LocalSpark.context(), rows, 3)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.step(data));

      assertThat(e).hasMessageThat().startsWith("targets row 2 sums to 0.6 but SOFTMAX_CROSS_ENTROPY needs "
          + "probability rows summing to 1 (±0.0003)");
      assertThat(oneMachine).startsWith(e.getMessage().substring(0, 60));
      assertThat(trainer.steps()).isEqualTo(0);
    }
  }

  @Test
  void sigmoidRefusesATargetOutsideZeroToOneAndMeanSquaredErrorTakesAnyValue() {
    Dataset rows = Dataset.ofTargets(new double[][] {{0, 1}, {1, 0}, {1, 1}}, new double[][] {{0, 1}, {1, 0.5}, {1, 2}});
    SparkTrainer<Nets_MultiLabelModel> sigmoid =
        new SparkTrainer<>(new Nets_MultiLabelModel(1), Nets_MultiLabelModel::new, Optimizer.sgd(0.1));
    Dataset regression = Dataset.ofTargets(new double[][] {{0, 1}, {1, 0}}, new double[][] {{-3}, {7}});
    SparkTrainer<Nets_RegressorModel> mse =
        new SparkTrainer<>(new Nets_RegressorModel(1), Nets_RegressorModel::new, Optimizer.sgd(0.1));

    try (TrainingData data = TrainingData.of(LocalSpark.context(), rows, 2);
        TrainingData anyValues = TrainingData.of(LocalSpark.context(), regression, 2)) {
      assertThat(assertThrows(IllegalArgumentException.class, () -> sigmoid.step(data))).hasMessageThat()
          .isEqualTo("targets row 2, column 1 is 2 but SIGMOID_CROSS_ENTROPY needs targets in [0, 1]; rescale them "
              + "to probabilities, or declare loss = MEAN_SQUARED_ERROR to regress on any value");
      assertThat(mse.step(anyValues)).isGreaterThan(0.0);
    }
  }

  @Test
  void probabilityRowsWithinTheToleranceTrain() {
    double[][] targets = {{0.3333, 0.3333, 0.3334}, {0.9, 0.05, 0.05}, {0, 0, 1}, {0.25, 0.25, 0.50005}};
    SparkTrainer<Nets_ClassifierModel> trainer =
        new SparkTrainer<>(new Nets_ClassifierModel(2), Nets_ClassifierModel::new, Optimizer.sgd(0.1));

    try (TrainingData data = TrainingData.of(LocalSpark.context(), Dataset.ofTargets(FEATURES, targets), 2)) {
      assertThat(trainer.step(data)).isGreaterThan(0.0);
    }
  }
}
