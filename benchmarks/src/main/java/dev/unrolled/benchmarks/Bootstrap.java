package dev.unrolled.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The median of a sample and a seeded percentile-bootstrap interval of it: resample the values with
 * replacement, take each resample's median, and keep the middle {@code level} of those medians. The
 * median, not the mean, because a round disturbed by other work (a burst of load, a GC) lands far
 * out in one tail and would drag a mean; seeded so that the same sample gives the same interval.
 */
final class Bootstrap {
  private Bootstrap() {}

  /** The middle value, or the mean of the two middle values of an even-sized sample. */
  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("the median of no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /**
   * {low, high}: the {@code (1 − level) / 2} and {@code (1 + level) / 2} quantiles of the medians of
   * {@code resamples} resamples, each end rounded outwards to a resample's median.
   */
  static double[] medianInterval(double[] values, int resamples, long seed, double level) {
    if (values.length == 0 || resamples < 1 || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException(values.length + " values, " + resamples + " resamples, level " + level);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] resample = new double[values.length];
    double[] medians = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < resample.length; i++) {
        resample[i] = values[random.nextInt(values.length)];
      }
      medians[b] = median(resample);
    }
    Arrays.sort(medians);
    double tail = (1 - level) / 2 * (resamples - 1);
    return new double[] {medians[(int) Math.floor(tail)], medians[(int) Math.ceil(resamples - 1 - tail)]};
  }
}
