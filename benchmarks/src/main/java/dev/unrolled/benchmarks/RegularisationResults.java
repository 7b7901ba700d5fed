package dev.unrolled.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link RegularisationBenchmark} results by variant, and what each variant costs: the extra time
 * per step relative to the plain step, {@code t_variant / t_plain − 1}, which is
 * {@code plain samples/s ÷ variant samples/s − 1}. Its interval is that of the {@link Ratio} of the
 * two rates, less 1; the upper end is the conservative cost a limit is judged on.
 */
final class RegularisationResults {
  static final String PLAIN = "plain";
  /** Batch normalisation and dropout 0.2 on both hidden layers: the variant the target is about. */
  static final String BOTH = "batch-norm+dropout";
  static final List<String> VARIANTS = List.of(PLAIN, "batch-norm", "dropout", BOTH);

  private final Map<String, JmhResult> byVariant = new LinkedHashMap<>();

  RegularisationResults(List<JmhResult> results) {
    for (JmhResult r : results) {
      if (r.param("variant") != null) {
        byVariant.put(r.param("variant"), r);
      }
    }
  }

  boolean isEmpty() {
    return byVariant.isEmpty();
  }

  JmhResult result(String variant) {
    return byVariant.get(variant);
  }

  /** Samples per second, NaN if not measured. */
  double samplesPerSecond(String variant) {
    JmhResult r = result(variant);
    return r == null ? Double.NaN : TrainingResults.perSecond(r.score, r.unit) * batch();
  }

  double samplesPerSecondError(String variant) {
    JmhResult r = result(variant);
    return r == null ? Double.NaN : TrainingResults.perSecond(r.error, r.unit) * batch();
  }

  /** {@code t_variant / t_plain}: the plain rate over the variant's, with both error bars. */
  Ratio timeRatio(String variant) {
    return Ratio.of(samplesPerSecond(PLAIN), samplesPerSecondError(PLAIN),
        samplesPerSecond(variant), samplesPerSecondError(variant));
  }

  /** Met only when the conservative cost, the upper end of its interval, is at most {@code limit}. */
  boolean costAtMost(String variant, double limit) {
    return timeRatio(variant).atMost(1 + limit);
  }

  /** "8.1% (2.0% to 15.3%)", "8.1% (no interval)", "—" when either side was not measured. */
  String cost(String variant) {
    Ratio ratio = timeRatio(variant);
    if (!ratio.measured()) {
      return "—";
    }
    return costText(new double[] {ratio.value - 1, ratio.low - 1, ratio.high - 1});
  }

  /** A cost {value, low, high} as {@link #cost} writes it; "—" when its value is not a number. */
  static String costText(double[] cost) {
    if (Double.isNaN(cost[0]) || Double.isInfinite(cost[0])) {
      return "—";
    }
    String interval = Double.isNaN(cost[1]) ? "no interval"
        : percent(cost[1]) + " to " + (Double.isInfinite(cost[2]) ? "∞" : percent(cost[2]));
    return percent(cost[0]) + " (" + interval + ")";
  }

  private static String percent(double cost) {
    return Markdown.fixed(100 * cost, 1) + "%";
  }

  static int batch() {
    return TrainingResults.batch(RegularisationBenchmark.SHAPE);
  }
}
