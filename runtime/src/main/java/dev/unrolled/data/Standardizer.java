package dev.unrolled.data;

import dev.unrolled.Dataset;
import java.util.Arrays;

/**
 * Per-feature standardisation {@code x' = (x − mean) / std}, fitted on training data and applied
 * unchanged to validation, test and inference rows. The deviation is the population one; a constant
 * feature gets deviation 1, so it maps to 0.
 *
 * <pre>{@code
 * Standardizer scale = Standardizer.fit(train);
 * Dataset trainScaled = scale.apply(train);
 * Dataset testScaled = scale.apply(test);
 * scale.applyInPlace(inputRow); // before model.predict(inputRow, out)
 * }</pre>
 */
public final class Standardizer {
  private final double[] means;
  private final double[] deviations;

  private Standardizer(double[] means, double[] deviations) {
    this.means = means;
    this.deviations = deviations;
  }

  /**
   * Means and population deviations of every feature of {@code train}.
   *
   * @throws IllegalArgumentException if a column's spread overflows or underflows double arithmetic
   *     (values beyond about ±1e154, or differing only below 1e-154)
   */
  public static Standardizer fit(Dataset train) {
    if (train == null) {
      throw new IllegalArgumentException("train is null; pass the training Dataset to take the means and "
          + "deviations from");
    }
    int n = train.size();
    int width = train.featureCount();
    double[] row = new double[width];
    double[] sums = new double[width];
    double[] mins = new double[width];
    double[] maxs = new double[width];
    Arrays.fill(mins, Double.POSITIVE_INFINITY);
    Arrays.fill(maxs, Double.NEGATIVE_INFINITY);
    for (int r = 0; r < n; r++) {
      train.features(r, row);
      for (int c = 0; c < width; c++) {
        sums[c] += row[c];
        mins[c] = Math.min(mins[c], row[c]);
        maxs[c] = Math.max(maxs[c], row[c]);
      }
    }
    double[] means = new double[width];
    for (int c = 0; c < width; c++) {
      means[c] = mins[c] == maxs[c] ? mins[c] : sums[c] / n;
    }
    double[] deviations = populationDeviations(train, means);
    for (int c = 0; c < width; c++) {
      // Tested by range, not by the computed deviation, which rounding can leave slightly above 0.
      if (mins[c] == maxs[c]) {
        deviations[c] = 1.0;
      }
      if (!(deviations[c] > 0) || Double.isInfinite(deviations[c]) || !Double.isFinite(means[c])) {
        throw new IllegalArgumentException("features column " + c + " spans " + mins[c] + " to " + maxs[c]
            + ", beyond what double arithmetic can standardise (mean " + means[c] + ", deviation "
            + deviations[c] + "); rescale the column by a power of ten before fitting a Standardizer");
      }
    }
    return new Standardizer(means, deviations);
  }

  /** A dataset with standardised features (same precision) and the same labels or targets. */
  public Dataset apply(Dataset data) {
    if (data == null) {
      throw new IllegalArgumentException("data is null; pass the Dataset to standardise");
    }
    requireWidth(data.featureCount(), "the dataset");
    int n = data.size();
    if (data.hasFloatFeatures()) {
      float[][] rows = new float[n][means.length];
      for (int r = 0; r < n; r++) {
        data.features(r, rows[r]);
        applyInPlace(rows[r]);
        for (int c = 0; c < means.length; c++) {
          requireFinite(rows[r][c], data, r, c);
        }
      }
      return data.withFeatures(rows);
    }
    double[][] rows = new double[n][means.length];
    for (int r = 0; r < n; r++) {
      data.features(r, rows[r]);
      applyInPlace(rows[r]);
      for (int c = 0; c < means.length; c++) {
        requireFinite(rows[r][c], data, r, c);
      }
    }
    return data.withFeatures(rows);
  }

  /** Standardises one feature row in place. */
  public void applyInPlace(double[] row) {
    requireWidth(row == null ? -1 : row.length, "the row");
    for (int c = 0; c < row.length; c++) {
      row[c] = (row[c] - means[c]) / deviations[c];
    }
  }

  /** Standardises one feature row in place (computed in double, stored as float). */
  public void applyInPlace(float[] row) {
    requireWidth(row == null ? -1 : row.length, "the row");
    for (int c = 0; c < row.length; c++) {
      row[c] = (float) ((row[c] - means[c]) / deviations[c]);
    }
  }

  /** A copy of the per-feature means. */
  public double[] means() {
    return means.clone();
  }

  /** A copy of the per-feature population deviations (1 for constant features). */
  public double[] deviations() {
    return deviations.clone();
  }

  @Override
  public String toString() {
    return "Standardizer[" + means.length + " features]";
  }

  /** Per column, the root of the mean squared deviation from {@code means}. */
  private static double[] populationDeviations(Dataset data, double[] means) {
    double[] row = new double[means.length];
    double[] deviations = new double[means.length]; // sums of squares until the last loop
    for (int r = 0; r < data.size(); r++) {
      data.features(r, row);
      for (int c = 0; c < means.length; c++) {
        double d = row[c] - means[c];
        deviations[c] += d * d;
      }
    }
    for (int c = 0; c < means.length; c++) {
      deviations[c] = Math.sqrt(deviations[c] / data.size());
    }
    return deviations;
  }

  /** A value far outside the fitted range can standardise to infinity (a float beyond ±3.4e38). */
  private void requireFinite(double standardised, Dataset data, int r, int c) {
    if (!Double.isFinite(standardised)) {
      throw new IllegalArgumentException("features row " + r + ", column " + c + " is "
          + original(data, r, c) + ", which standardises to " + standardised + " (mean " + means[c]
          + ", deviation " + deviations[c] + "); the value is far outside the data the standardizer was "
          + "fitted on: check the column's units, or fit on data that covers it");
    }
  }

  /** The value as the dataset holds it: float rows print as floats ("0.1"). Only on the way to an error. */
  private static String original(Dataset data, int r, int c) {
    if (data.hasFloatFeatures()) {
      float[] row = new float[data.featureCount()];
      data.features(r, row);
      return Float.toString(row[c]);
    }
    return Double.toString(data.featureRow(r)[c]);
  }

  private void requireWidth(int width, String what) {
    if (width < 0) {
      throw new IllegalArgumentException(what + " is null; pass " + means.length + " feature values");
    }
    if (width != means.length) {
      throw new IllegalArgumentException(what + " has " + width + " features but the standardizer was fitted on "
          + means.length + "; apply it to data shaped like the training set");
    }
  }
}
