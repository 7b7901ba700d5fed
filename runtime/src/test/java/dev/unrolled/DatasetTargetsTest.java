package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SIGMOID_CROSS_ENTROPY;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Which targets each loss trains on ({@link Dataset#requireTargetsFor}) and what FLOAT models can read. */
class DatasetTargetsTest {
  private static Dataset targets(double[]... rows) {
    return Dataset.ofTargets(new double[rows.length][1], rows);
  }

  private static Dataset targets(float[]... rows) {
    return Dataset.ofTargets(new float[rows.length][1], rows);
  }

  private static IllegalArgumentException rejected(Dataset data, Loss loss) {
    return assertThrows(IllegalArgumentException.class, () -> data.requireTargetsFor(loss));
  }

  @Test
  void softmaxRejectsANegativeEntryNamingRowColumnAndValue() {
    Dataset data = targets(new double[] {0.5, 0.5, 0}, new double[] {0.6, 0.5, -0.1});

    assertThat(rejected(data, SOFTMAX_CROSS_ENTROPY)).hasMessageThat().isEqualTo("targets row 1, column 2 is -0.1 "
        + "but SOFTMAX_CROSS_ENTROPY needs probability rows: no negative entry, summing to 1; fix the row "
        + "or give class labels with Dataset.ofLabels");
  }

  @Test
  void softmaxRejectsARowThatDoesNotSumToOneNamingTheSumAndTolerance() {
    Dataset data = targets(new double[] {0, 1, 0}, new double[] {0.5, 0.3, 0.13});

    assertThat(rejected(data, SOFTMAX_CROSS_ENTROPY)).hasMessageThat().isEqualTo("targets row 1 sums to 0.93 "
        + "but SOFTMAX_CROSS_ENTROPY needs probability rows summing to 1 (±0.0003); normalise the row "
        + "(divide it by its sum) or give class labels with Dataset.ofLabels");
  }

  @Test
  void softmaxToleranceIsOneTenThousandthPerColumnUpToOneHundredth() {
    assertThat(TargetRules.sumTolerance(3)).isWithin(1e-18).of(3e-4);
    assertThat(TargetRules.sumTolerance(100)).isWithin(1e-18).of(1e-2);
    assertThat(TargetRules.sumTolerance(1000)).isEqualTo(1e-2);

    targets(new double[] {0.5, 0.5 + 1.9e-4}).requireTargetsFor(SOFTMAX_CROSS_ENTROPY);
    assertThat(rejected(targets(new double[] {0.5, 0.5 + 2.1e-4}), SOFTMAX_CROSS_ENTROPY))
        .hasMessageThat().contains("row 0 sums to 1.00021 but");
    double[] wide = new double[1000];
    wide[0] = 1 - 0.011;
    assertThat(rejected(targets(wide), SOFTMAX_CROSS_ENTROPY))
        .hasMessageThat().contains("row 0 sums to 0.989 but SOFTMAX_CROSS_ENTROPY needs probability rows "
            + "summing to 1 (±0.01)");
  }

  @Test
  void softmaxAcceptsFloatRowsAndRowsRoundedToFourDecimals() {
    // 0.1f + 0.2f + 0.7f is 1.0000000149 in double; label smoothing 0.9 + 0.1/3 is inexact in floats.
    float smooth = 0.1f / 3;
    targets(new float[] {0.1f, 0.2f, 0.7f}, new float[] {0.9f + smooth, smooth, smooth})
        .requireTargetsFor(SOFTMAX_CROSS_ENTROPY);
    targets(new double[] {0.3333, 0.3333, 0.3333}, new double[] {0.1667, 0.1667, 0.6667})
        .requireTargetsFor(SOFTMAX_CROSS_ENTROPY);
  }

  @Test
  void floatValuesAreShownAsTheFloatsTheyAre() {
    Dataset data = targets(new float[] {1.1f, -0.1f});

    assertThat(rejected(data, SOFTMAX_CROSS_ENTROPY))
        .hasMessageThat().startsWith("targets row 0, column 1 is -0.1 but"); // not -0.10000000149011612
  }

  @Test
  void sigmoidRejectsAnEntryOutsideTheUnitIntervalNamingRowColumnAndValue() {
    Dataset above = targets(new double[] {0, 1}, new double[] {1.5, 0});
    Dataset below = targets(new float[] {0.5f, 0.25f}, new float[] {0.5f, 0.5f}, new float[] {1f, -0.25f});

    assertThat(rejected(above, SIGMOID_CROSS_ENTROPY)).hasMessageThat().isEqualTo("targets row 1, column 0 is 1.5 "
        + "but SIGMOID_CROSS_ENTROPY needs targets in [0, 1]; rescale them to probabilities, or declare "
        + "loss = MEAN_SQUARED_ERROR to regress on any value");
    assertThat(rejected(below, SIGMOID_CROSS_ENTROPY))
        .hasMessageThat().startsWith("targets row 2, column 1 is -0.25 but SIGMOID_CROSS_ENTROPY needs");
  }

  @Test
  void sigmoidAcceptsRowsThatAreNotDistributions() {
    targets(new double[] {1, 1, 0.5}, new double[] {0, 0, 0}).requireTargetsFor(SIGMOID_CROSS_ENTROPY);
  }

  @Test
  void meanSquaredErrorAcceptsAnyFiniteTarget() {
    targets(new double[] {-1e300, 42}).requireTargetsFor(MEAN_SQUARED_ERROR);
  }

  @Test
  void labelsSuitEveryLoss() {
    Dataset labels = Dataset.ofLabels(new double[][] {{0}, {1}}, new int[] {1, 0}, 2);

    for (Loss loss : Loss.values()) {
      labels.requireTargetsFor(loss);
    }
  }

  @Test
  void aNullLossIsNamed() {
    assertThat(rejected(targets(new double[] {1}), null)).hasMessageThat().isEqualTo(
        "loss is null; pass the model's loss(), e.g. Loss.SOFTMAX_CROSS_ENTROPY");
  }

  @Test
  void targetsAreScannedOncePerLoss() {
    double[] row = {0.5, 0.5};
    Dataset data = targets(row);
    data.requireTargetsFor(SOFTMAX_CROSS_ENTROPY);

    // The Javadoc forbids this; it shows that the passed check is remembered, not repeated.
    row[0] = 7;

    data.requireTargetsFor(SOFTMAX_CROSS_ENTROPY);
    assertThat(rejected(data, SIGMOID_CROSS_ENTROPY)).hasMessageThat().contains("row 0, column 0 is 7.0");
  }

  @Test
  void aFailedCheckIsNotRemembered() {
    double[] row = {0.5, 0.6};
    Dataset data = targets(row);
    rejected(data, SOFTMAX_CROSS_ENTROPY);

    row[1] = 0.5;

    data.requireTargetsFor(SOFTMAX_CROSS_ENTROPY);
  }

  @Test
  void doubleValuesBeyondTheFloatRangeAreNamed() {
    Dataset bigFeature = Dataset.ofTargets(new double[][] {{1, 2}, {3, -1e39}}, new double[][] {{0}, {0}});
    Dataset bigTarget = Dataset.ofTargets(new double[][] {{1}}, new double[][] {{4e38}});

    assertThat(assertThrows(IllegalArgumentException.class, bigFeature::requireFloatRange))
        .hasMessageThat().isEqualTo("features row 1, column 1 is -1.0E39 but a FLOAT model needs values within "
            + "the float range (±3.4028235E38); rescale the column (e.g. with a Standardizer) or declare the "
            + "network with precision = DOUBLE");
    assertThat(assertThrows(IllegalArgumentException.class, bigTarget::requireFloatRange))
        .hasMessageThat().startsWith("targets row 0, column 0 is 4.0E38 but a FLOAT model needs");
  }

  @Test
  void valuesThatRoundToTheLargestFloatAreInRange() {
    // Float.MAX_VALUE plus less than half an ulp rounds down to it, not to infinity.
    double justAbove = Float.MAX_VALUE + Math.ulp(Float.MAX_VALUE) * 0.25;

    Dataset.ofTargets(new double[][] {{justAbove}}, new double[][] {{-Float.MAX_VALUE}}).requireFloatRange();
    Dataset.ofLabels(new float[][] {{Float.MAX_VALUE}}, new int[] {0}, 1).requireFloatRange();
  }
}
