package dev.unrolled.support;

import java.util.Locale;

/**
 * The running estimates of a generated model's {@code Norm.BATCH} layers, as its generated code uses
 * them: the trainer's update after a step ({@link #fold}), copies in and out of the flat
 * {@code double[]} of {@code Model.getRunningEstimates}, and their line in {@code summary()}.
 */
public final class RunningEstimates {
  /** PyTorch's {@code BatchNorm1d} momentum: the new batch's share of the estimate. */
  public static final double MOMENTUM = 0.1;

  private RunningEstimates() {}

  /**
   * Folds one shard's batch statistics into the running estimates: for the first shard of a step
   * {@code r ← (1 − momentum)·r + momentum·weight·stat}, for the others {@code r ← r + momentum·weight·stat},
   * with the variance made unbiased over the shard's {@code rows} ({@code σ²·rows/(rows − 1)}).
   */
  public static void fold(float[] runningMean, float[] runningVar, float[] mean, float[] var, int rows,
      boolean first, double weight) {
    double w = MOMENTUM * weight;
    double unbiased = (double) rows / (rows - 1);
    double keep = first ? 1 - MOMENTUM : 1;
    for (int j = 0; j < runningMean.length; j++) {
      runningMean[j] = (float) (keep * runningMean[j] + w * mean[j]);
      runningVar[j] = (float) (keep * runningVar[j] + w * (var[j] * unbiased));
    }
  }

  /** {@link #fold(float[], float[], float[], float[], int, boolean, double)} in double. */
  public static void fold(double[] runningMean, double[] runningVar, double[] mean, double[] var, int rows,
      boolean first, double weight) {
    double w = MOMENTUM * weight;
    double unbiased = (double) rows / (rows - 1);
    double keep = first ? 1 - MOMENTUM : 1;
    for (int j = 0; j < runningMean.length; j++) {
      runningMean[j] = keep * runningMean[j] + w * mean[j];
      runningVar[j] = keep * runningVar[j] + w * (var[j] * unbiased);
    }
  }

  /** Copies {@code src} into {@code dst} from {@code offset}. */
  public static void export(float[] src, double[] dst, int offset) {
    for (int j = 0; j < src.length; j++) {
      dst[offset + j] = src[j];
    }
  }

  public static void export(double[] src, double[] dst, int offset) {
    System.arraycopy(src, 0, dst, offset, src.length);
  }

  /**
   * Checks the whole of {@code src} (the layout of {@code Model.getRunningEstimates}, with the BATCH
   * layers' widths in {@code units}) before anything is copied: every value finite, every variance
   * non-negative. Throws IllegalArgumentException naming the first bad value otherwise.
   */
  public static void check(double[] src, int[] layers, int[] units) {
    int at = 0;
    for (int k = 0; k < layers.length; k++) {
      for (int half = 0; half < 2; half++) {
        for (int j = 0; j < units[k]; j++, at++) {
          double v = src[at];
          boolean variance = half == 1;
          if (!Double.isFinite(v) || (variance && v < 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "running estimate %d (layer %d running %s of unit %d) is %s; %s", at, layers[k],
                variance ? "variance" : "mean", j, v,
                variance ? "variances are finite and ≥ 0" : "means are finite"));
          }
        }
      }
    }
  }

  /** Copies {@code src[offset…]} into {@code dst}, narrowed to float. */
  public static void importFrom(double[] src, int offset, float[] dst) {
    for (int j = 0; j < dst.length; j++) {
      dst[j] = (float) src[offset + j];
    }
  }

  public static void importFrom(double[] src, int offset, double[] dst) {
    System.arraycopy(src, offset, dst, 0, dst.length);
  }

  /** {@code Running estimates of layer 2 (16 units): mean in [−0.41, 0.52], variance in [0.8, 3.1]}. */
  public static String describe(int layer, float[] mean, float[] var) {
    double[] m = new double[mean.length];
    double[] v = new double[var.length];
    export(mean, m, 0);
    export(var, v, 0);
    return describe(layer, m, v);
  }

  public static String describe(int layer, double[] mean, double[] var) {
    return String.format(Locale.ROOT, "Running estimates of layer %d (%d units): mean in [%.4g, %.4g], variance in [%.4g, %.4g]%n",
        layer, mean.length, min(mean), max(mean), min(var), max(var));
  }

  private static double min(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
    }
    return min;
  }

  private static double max(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }
}
