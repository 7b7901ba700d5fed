package dev.unrolled.support;

/**
 * Whether every value of a set of rows is finite: how {@link GuardedUpdate} tells that a step
 * overflowed the parameters. It runs only on the rare path, after a non-finite loss.
 *
 * <p>{@code v - v} is 0 for every finite {@code v} and NaN for NaN and ±∞, so one sum tells; four
 * independent sums keep the loop from waiting on each addition.
 */
public final class Finite {
  private Finite() {}

  public static boolean all(float[][] rows) {
    for (float[] row : rows) {
      float a = 0f;
      float b = 0f;
      float c = 0f;
      float d = 0f;
      int k = 0;
      for (int n = row.length - 3; k < n; k += 4) {
        a += row[k] - row[k];
        b += row[k + 1] - row[k + 1];
        c += row[k + 2] - row[k + 2];
        d += row[k + 3] - row[k + 3];
      }
      for (; k < row.length; k++) {
        a += row[k] - row[k];
      }
      if (a + b + c + d != 0f) {
        return false;
      }
    }
    return true;
  }

  public static boolean all(double[][] rows) {
    for (double[] row : rows) {
      double a = 0;
      double b = 0;
      double c = 0;
      double d = 0;
      int k = 0;
      for (int n = row.length - 3; k < n; k += 4) {
        a += row[k] - row[k];
        b += row[k + 1] - row[k + 1];
        c += row[k + 2] - row[k + 2];
        d += row[k + 3] - row[k + 3];
      }
      for (; k < row.length; k++) {
        a += row[k] - row[k];
      }
      if (a + b + c + d != 0) {
        return false;
      }
    }
    return true;
  }
}
