package dev.unrolled.data;

/**
 * One-hot encoding of class labels and its inverse, arg-max.
 *
 * <pre>{@code
 * double[][] targets = OneHot.encode(new int[] {0, 2}, 3); // {{1, 0, 0}, {0, 0, 1}}
 * int predicted = OneHot.argmax(probabilities);
 * }</pre>
 */
public final class OneHot {
  private OneHot() {}

  /** Row {@code i} is 1 at column {@code labels[i]} and 0 elsewhere. */
  public static double[][] encode(int[] labels, int classes) {
    check(labels, classes);
    double[][] rows = new double[labels.length][classes];
    for (int i = 0; i < labels.length; i++) {
      rows[i][labels[i]] = 1.0;
    }
    return rows;
  }

  /** Like {@link #encode}, as {@code float} rows. */
  public static float[][] encodeFloat(int[] labels, int classes) {
    check(labels, classes);
    float[][] rows = new float[labels.length][classes];
    for (int i = 0; i < labels.length; i++) {
      rows[i][labels[i]] = 1f;
    }
    return rows;
  }

  /** Index of the largest value; the first one wins ties and NaN never wins. */
  public static int argmax(double[] row) {
    requireValues(row == null ? 0 : row.length);
    int best = 0;
    for (int j = 1; j < row.length; j++) {
      if (row[j] > row[best] || Double.isNaN(row[best])) {
        best = j;
      }
    }
    return best;
  }

  /** Index of the largest value; the first one wins ties and NaN never wins. */
  public static int argmax(float[] row) {
    requireValues(row == null ? 0 : row.length);
    int best = 0;
    for (int j = 1; j < row.length; j++) {
      if (row[j] > row[best] || Float.isNaN(row[best])) {
        best = j;
      }
    }
    return best;
  }

  private static void check(int[] labels, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes is " + classes + "; give the number of classes (at least 1)");
    }
    if (labels == null) {
      throw new IllegalArgumentException("labels are null; give one class index per sample");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is outside [0, " + classes
            + "); labels are class indices 0.." + (classes - 1) + " (or raise classes)");
      }
    }
  }

  private static void requireValues(int length) {
    if (length == 0) {
      throw new IllegalArgumentException("argmax of an empty or null row; give at least one value");
    }
  }
}
