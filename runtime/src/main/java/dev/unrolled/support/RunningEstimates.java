package dev.unrolled.support;

import dev.unrolled.Architecture;
import dev.unrolled.Norm;
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

  /**
   * {@link #fold(float[], float[], float[], float[], int, boolean, double)} for every BATCH layer:
   * {@code running} and {@code statistics} hold each layer's means, then its variances.
   */
  public static void fold(float[][] running, float[][] statistics, int rows, boolean first, double weight) {
    for (int k = 0; k < running.length; k += 2) {
      fold(running[k], running[k + 1], statistics[k], statistics[k + 1], rows, first, weight);
    }
  }

  public static void fold(double[][] running, double[][] statistics, int rows, boolean first, double weight) {
    for (int k = 0; k < running.length; k += 2) {
      fold(running[k], running[k + 1], statistics[k], statistics[k + 1], rows, first, weight);
    }
  }

  /** Copies the rows of {@code running} one after the other into {@code dst}. */
  public static void export(float[][] running, double[] dst) {
    int at = 0;
    for (float[] row : running) {
      for (float v : row) {
        dst[at++] = v;
      }
    }
  }

  public static void export(double[][] running, double[] dst) {
    int at = 0;
    for (double[] row : running) {
      System.arraycopy(row, 0, dst, at, row.length);
      at += row.length;
    }
  }

  /**
   * Checks the whole of {@code src} before anything is copied (every value finite, every variance
   * non-negative, positions named as {@code architecture} lays them out), then copies it into the
   * rows of {@code running}, narrowed to float. Throws IllegalArgumentException naming the first bad
   * value otherwise.
   */
  public static void importFrom(double[] src, float[][] running, Architecture architecture) {
    check(src, lengths(running), architecture);
    int at = 0;
    for (float[] row : running) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) src[at++];
      }
    }
  }

  public static void importFrom(double[] src, double[][] running, Architecture architecture) {
    check(src, lengths(running), architecture);
    int at = 0;
    for (double[] row : running) {
      System.arraycopy(src, at, row, 0, row.length);
      at += row.length;
    }
  }

  /**
   * Every value finite, every variance (odd rows of {@code running}, whose lengths {@code rows} are)
   * non-negative; the architecture only names a bad value's place.
   */
  private static void check(double[] src, int[] rows, Architecture architecture) {
    int at = 0;
    for (int k = 0; k < rows.length; k++) {
      boolean variance = k % 2 == 1;
      for (int j = 0; j < rows[k]; j++, at++) {
        double v = src[at];
        if (!Double.isFinite(v) || (variance && v < 0)) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "running estimate %d (%s) is %s; %s", at,
              architecture.runningEstimate(at), v, variance ? "variances are finite and ≥ 0" : "means are finite"));
        }
      }
    }
  }

  private static int[] lengths(float[][] rows) {
    int[] lengths = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      lengths[k] = rows[k].length;
    }
    return lengths;
  }

  private static int[] lengths(double[][] rows) {
    int[] lengths = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      lengths[k] = rows[k].length;
    }
    return lengths;
  }

  /** One line per BATCH layer, as {@link #describe(int, double[], double[])}. */
  public static String describe(float[][] running, Architecture architecture) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < running.length; k += 2) {
      double[] mean = new double[running[k].length];
      double[] var = new double[running[k + 1].length];
      for (int j = 0; j < mean.length; j++) {
        mean[j] = running[k][j];
        var[j] = running[k + 1][j];
      }
      text.append(describe(layerOf(architecture, k), mean, var));
    }
    return text.toString();
  }

  public static String describe(double[][] running, Architecture architecture) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < running.length; k += 2) {
      text.append(describe(layerOf(architecture, k), running[k], running[k + 1]));
    }
    return text.toString();
  }

  /** The number of the BATCH layer whose means and variances are running rows {@code k} and {@code k + 1}. */
  private static int layerOf(Architecture architecture, int k) {
    int row = 0;
    for (Architecture.LayerSpan span : architecture.table()) {
      if (span.norm() == Norm.BATCH) {
        if (row == k) {
          return span.number();
        }
        row += 2;
      }
    }
    throw new IndexOutOfBoundsException("running rows " + k + " and " + (k + 1));
  }

  /** {@code Running estimates of layer 2 (16 units): mean in [−0.41, 0.52], variance in [0.8, 3.1]}. */
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
