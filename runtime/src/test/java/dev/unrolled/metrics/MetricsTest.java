package dev.unrolled.metrics;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.testing.LogisticModel;
import org.junit.jupiter.api.Test;

class MetricsTest {
  /** Classes 0, 1, 2 predicted as listed: class 0 twice right, class 1 once confused with 2, class 2 never. */
  private final ConfusionMatrix matrix =
      ConfusionMatrix.of(new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 0}, 3);

  @Test
  void countsActualAgainstPredicted() {
    assertThat(matrix.classes()).isEqualTo(3);
    assertThat(matrix.count(0, 0)).isEqualTo(2);
    assertThat(matrix.count(1, 2)).isEqualTo(1);
    assertThat(matrix.count(2, 0)).isEqualTo(1);
    assertThat(matrix.count(2, 2)).isEqualTo(0);
    assertThat(matrix.total()).isEqualTo(6);
  }

  @Test
  void derivesAccuracyPrecisionAndRecall() {
    assertThat(matrix.accuracy()).isWithin(1e-12).of(4.0 / 6);
    assertThat(matrix.precision(0)).isWithin(1e-12).of(2.0 / 3);
    assertThat(matrix.recall(1)).isWithin(1e-12).of(2.0 / 3);
    assertThat(matrix.precision(2)).isEqualTo(0.0);
    assertThat(matrix.recall(2)).isEqualTo(0.0);
    assertThat(ConfusionMatrix.of(new int[] {0}, new int[] {0}, 2).precision(1)).isNaN();
  }

  @Test
  void formatsATableWithClassNames() {
    String expected = String.join("\n",
        "actual \\ predicted    cat    dog   bird  recall",
        "cat                     2      0      0   1.000",
        "dog                     0      2      1   0.667",
        "bird                    1      0      0   0.000",
        "precision           0.667  1.000  0.000",
        "accuracy 0.667 (4 of 6)",
        "");

    assertThat(matrix.format("cat", "dog", "bird")).isEqualTo(expected);
    assertThat(matrix.format()).startsWith("actual \\ predicted      0      1      2  recall\n");
    assertThat(assertThrows(IllegalArgumentException.class, () -> matrix.format("cat")))
        .hasMessageThat().contains("1 class names for 3 classes");
  }

  @Test
  void classIndicesAreChecked() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 4}, 3)))
        .hasMessageThat().contains("predicted[1] is 4, outside [0, 3)");
  }

  @Test
  void modelMetricsClassifyEveryRow() {
    LogisticModel model = new LogisticModel(1);
    model.setParameters(new double[] {1, 0}); // class 1 exactly when x ≥ 0
    Dataset data = Dataset.ofLabels(new double[][] {{-2}, {-1}, {1}, {2}, {3}}, new int[] {0, 1, 1, 1, 0}, 2);

    ConfusionMatrix confusion = Metrics.confusionMatrix(model, data);

    assertThat(Metrics.accuracy(model, data)).isWithin(1e-12).of(0.6);
    assertThat(confusion.count(0, 0)).isEqualTo(1);
    assertThat(confusion.count(0, 1)).isEqualTo(1);
    assertThat(confusion.count(1, 0)).isEqualTo(1);
    assertThat(confusion.count(1, 1)).isEqualTo(2);
  }

  @Test
  void accuracyOfTargetRowsUsesTheirArgmaxOrThreshold() {
    LogisticModel model = new LogisticModel(1);
    model.setParameters(new double[] {1, 0});
    Dataset probabilities = Dataset.ofTargets(new double[][] {{-1}, {1}}, new double[][] {{0.2}, {0.3}});

    assertThat(Metrics.accuracy(model, probabilities)).isEqualTo(0.5);
    assertThat(assertThrows(IllegalArgumentException.class, () -> Metrics.confusionMatrix(model, probabilities)))
        .hasMessageThat().contains("confusionMatrix needs class labels");
  }
}
