package dev.unrolled.support;

/**
 * Whether every value is finite: how {@link GuardedUpdate} and the fit loop tell that a step
 * overflowed the parameters. It runs only on the rare path, after a non-finite loss or at the end
 * of an epoch, so it is written plainly.
 */
public final class Finite {
  private Finite() {}

  public static boolean all(float[][] rows) {
    for (float[] row : rows) {
      for (float v : row) {
        if (!Float.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  public static boolean all(double[][] rows) {
    for (double[] row : rows) {
      if (!all(row)) {
        return false;
      }
    }
    return true;
  }

  public static boolean all(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
