package dev.unrolled;

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
    RowTable rows = train.featureTable();
    int n = rows.size();
    double[] means = new double[rows.width()];
    double[] deviations = new double[rows.width()];
    for (int c = 0; c < means.length; c++) {
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < n; r++) {
        double x = rows.get(r, c);
        sum += x;
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      // Tested by range, not by the computed deviation, which rounding can leave slightly above 0.
      means[c] = min == max ? min : sum / n;
      deviations[c] = min == max ? 1.0 : populationDeviation(rows, c, means[c]);
      if (!(deviations[c] > 0) || Double.isInfinite(deviations[c]) || !Double.isFinite(means[c])) {
        throw new IllegalArgumentException("features column " + c + " spans " + min + " to " + max
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
    if (data.featureTable().isFloat()) {
      float[][] rows = new float[n][means.length];
      for (int r = 0; r < n; r++) {
        data.features(r, rows[r]);
        applyInPlace(rows[r]);
        for (int c = 0; c < means.length; c++) {
          requireFinite(rows[r][c], data, r, c);
        }
      }
      return data.withFeatures(RowTable.of(rows, "standardised features"));
    }
    double[][] rows = new double[n][means.length];
    for (int r = 0; r < n; r++) {
      data.features(r, rows[r]);
      applyInPlace(rows[r]);
      for (int c = 0; c < means.length; c++) {
        requireFinite(rows[r][c], data, r, c);
      }
    }
    return data.withFeatures(RowTable.of(rows, "standardised features"));
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

  private static double populationDeviation(RowTable rows, int c, double mean) {
    double squares = 0;
    for (int r = 0; r < rows.size(); r++) {
      double d = rows.get(r, c) - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / rows.size());
  }

  /** A value far outside the fitted range can standardise to infinity (a float beyond ±3.4e38). */
  private void requireFinite(double standardised, Dataset data, int r, int c) {
    if (!Double.isFinite(standardised)) {
      throw new IllegalArgumentException("features row " + r + ", column " + c + " is "
          + data.featureTable().text(r, c) + ", which standardises to " + standardised + " (mean " + means[c]
          + ", deviation " + deviations[c] + "); the value is far outside the data the standardizer was "
          + "fitted on: check the column's units, or fit on data that covers it");
    }
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
