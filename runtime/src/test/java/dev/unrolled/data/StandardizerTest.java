package dev.unrolled.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import org.junit.jupiter.api.Test;

class StandardizerTest {
  private static final double TOLERANCE = 1e-12;
  // Column 0: 1, 2, 3, 6 (mean 3, population variance (4+1+0+9)/4 = 3.5); column 1 constant.
  private final Dataset train =
      Dataset.ofLabels(new double[][] {{1, 7}, {2, 7}, {3, 7}, {6, 7}}, new int[] {0, 1, 0, 1}, 2);

  @Test
  void fitsMeansAndPopulationDeviations() {
    Standardizer scale = Standardizer.fit(train);

    assertThat(scale.means()).usingTolerance(TOLERANCE).containsExactly(3.0, 7.0).inOrder();
    assertThat(scale.deviations()).usingTolerance(TOLERANCE).containsExactly(Math.sqrt(3.5), 1.0).inOrder();
  }

  @Test
  void constantFeatureMapsToZero() {
    double[] row = {3, 7};

    Standardizer.fit(train).applyInPlace(row);

    assertThat(row).usingExactEquality().containsExactly(0.0, 0.0).inOrder();
  }

  @Test
  void constantFeatureWithInexactMeanStillMapsToZero() {
    double[][] rows = new double[7][1];
    for (double[] row : rows) {
      row[0] = 0.1; // seven times 0.1 does not sum to exactly 0.7
    }
    Dataset constant = Dataset.ofTargets(rows, new double[7][1]);
    double[] probe = {0.1};

    Standardizer.fit(constant).applyInPlace(probe);

    assertThat(probe[0]).isEqualTo(0.0);
  }

  @Test
  void applyStandardisesEveryRowAndKeepsLabels() {
    Dataset scaled = Standardizer.fit(train).apply(train);

    assertThat(scaled.featureRow(3)[0]).isWithin(TOLERANCE).of(3 / Math.sqrt(3.5));
    assertThat(scaled.label(3)).isEqualTo(1);
    Standardizer refit = Standardizer.fit(scaled);
    assertThat(refit.means()).usingTolerance(TOLERANCE).containsExactly(0.0, 0.0).inOrder();
    assertThat(refit.deviations()).usingTolerance(TOLERANCE).containsExactly(1.0, 1.0).inOrder();
  }

  @Test
  void floatRowsStayFloat() {
    Dataset floats = Dataset.ofTargets(new float[][] {{0}, {4}}, new float[][] {{1}, {2}});
    Standardizer scale = Standardizer.fit(floats);
    float[] row = {4f};

    scale.applyInPlace(row);

    assertThat(row[0]).isEqualTo(1f);
    assertThat(scale.apply(floats).toString()).contains("float features");
  }

  @Test
  void accessorsReturnCopies() {
    Standardizer scale = Standardizer.fit(train);

    scale.means()[0] = 100;

    assertThat(scale.means()[0]).isEqualTo(3.0);
  }

  @Test
  void aColumnWhoseSpreadOverflowsIsNamed() {
    Dataset huge = Dataset.ofTargets(new double[][] {{0, -1e200}, {0, 1e200}}, new double[][] {{0}, {0}});

    assertThat(assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(huge)))
        .hasMessageThat().isEqualTo("features column 1 spans -1.0E200 to 1.0E200, beyond what double "
            + "arithmetic can standardise (mean 0.0, deviation Infinity); rescale the column by a power of ten "
            + "before fitting a Standardizer");
  }

  @Test
  void aColumnWhoseSpreadUnderflowsIsNamed() {
    Dataset tiny = Dataset.ofTargets(new double[][] {{1e-200}, {2e-200}}, new double[][] {{0}, {0}});

    assertThat(assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(tiny)))
        .hasMessageThat().startsWith("features column 0 spans 1.0E-200 to 2.0E-200, beyond what double "
            + "arithmetic can standardise (mean 1.5E-200, deviation 0.0)");
  }

  @Test
  void aValueThatStandardisesToInfinityIsNamed() {
    Standardizer scale = Standardizer.fit(Dataset.ofTargets(new float[][] {{0}, {1e-3f}}, new float[][] {{0}, {0}}));
    Dataset far = Dataset.ofTargets(new float[][] {{0}, {3e38f}}, new float[][] {{0}, {0}});

    assertThat(assertThrows(IllegalArgumentException.class, () -> scale.apply(far)))
        .hasMessageThat().startsWith("features row 1, column 0 is 3.0E38, which standardises to Infinity (mean ");
    assertThat(assertThrows(IllegalArgumentException.class, () -> scale.apply(far)))
        .hasMessageThat().endsWith("the value is far outside the data the standardizer was fitted on: check the "
            + "column's units, or fit on data that covers it");
  }

  @Test
  void missingArgumentsAreNamed() {
    Standardizer scale = Standardizer.fit(train);

    assertThat(assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(null)))
        .hasMessageThat().isEqualTo("train is null; pass the training Dataset to take the means and deviations from");
    assertThat(assertThrows(IllegalArgumentException.class, () -> scale.apply(null)))
        .hasMessageThat().isEqualTo("data is null; pass the Dataset to standardise");
    assertThat(assertThrows(IllegalArgumentException.class, () -> scale.applyInPlace((double[]) null)))
        .hasMessageThat().isEqualTo("the row is null; pass 2 feature values");
    assertThat(assertThrows(IllegalArgumentException.class, () -> scale.applyInPlace((float[]) null)))
        .hasMessageThat().isEqualTo("the row is null; pass 2 feature values");
  }

  @Test
  void rowsOfAnotherWidthAreRejected() {
    Standardizer scale = Standardizer.fit(train);

    assertThat(assertThrows(IllegalArgumentException.class, () -> scale.applyInPlace(new double[3])))
        .hasMessageThat().contains("the row has 3 features but the standardizer was fitted on 2");
  }
}
