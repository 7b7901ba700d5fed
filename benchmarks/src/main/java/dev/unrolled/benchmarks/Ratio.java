package dev.unrolled.benchmarks;

/**
 * How many times {@code a} is {@code b}, with the interval both error bars allow: from
 * {@code (a − errorA) / (b + errorB)} to {@code (a + errorA) / (b − errorB)}. The lower end is the
 * conservative ratio a target is judged on ({@link #atLeast}); for a limit (a cost, a time), the
 * upper end is ({@link #atMost}). Without an error bar on either side (JMH gives none for
 * fewer than two iterations) there is no interval, and no target can be met on it.
 */
final class Ratio {
  final double value;
  final double low;
  final double high;

  private Ratio(double value, double low, double high) {
    this.value = value;
    this.low = low;
    this.high = high;
  }

  static Ratio of(double a, double errorA, double b, double errorB) {
    double value = a / b;
    if (Double.isNaN(errorA) || Double.isNaN(errorB)) {
      return new Ratio(value, Double.NaN, Double.NaN);
    }
    double low = Math.max(0, a - errorA) / (b + errorB);
    double high = b - errorB <= 0 ? Double.POSITIVE_INFINITY : (a + errorA) / (b - errorB);
    return new Ratio(value, low, high);
  }

  /** A ratio whose interval was found otherwise ({@link TrainingPairedResults}: a bootstrap's). */
  static Ratio interval(double value, double low, double high) {
    return new Ratio(value, low, high);
  }

  /** A figure with its error against a fixed yardstick (a measured peak, a previous run's figure). */
  static Ratio of(double a, double errorA, double yardstick) {
    return of(a, errorA, yardstick, 0);
  }

  boolean measured() {
    return !Double.isNaN(value) && !Double.isInfinite(value);
  }

  boolean hasInterval() {
    return !Double.isNaN(low);
  }

  /** Met only when the whole interval is at or above {@code target}. */
  boolean atLeast(double target) {
    return hasInterval() && low >= target;
  }

  /** Met only when the whole interval is at or below {@code limit}. */
  boolean atMost(double limit) {
    return hasInterval() && high <= limit;
  }

  /** "4.0× (3.61–4.52×)", "4.0× (no interval)", "—" when not measured. */
  @Override
  public String toString() {
    if (!measured()) {
      return "—";
    }
    return Markdown.times(value) + " (" + (hasInterval() ? interval() : "no interval") + ")";
  }

  /** The ends with a decimal more than the ratio, so that a narrow interval still shows its width. */
  private String interval() {
    return end(low) + "–" + (Double.isInfinite(high) ? "∞" : end(high) + "×");
  }

  private static String end(double ratio) {
    return Markdown.fixed(ratio, ratio < 10 ? 2 : 1);
  }
}
