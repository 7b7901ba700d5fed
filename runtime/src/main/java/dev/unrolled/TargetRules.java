package dev.unrolled;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Which target rows each loss accepts; see {@link Dataset#requireTargetsFor}. A cross-entropy
 * gradient {@code p − y} is only the gradient of the loss when {@code y} is a probability (softmax:
 * a distribution), so a bad row would not fail: it would train towards a wrong answer.
 */
final class TargetRules {
  /**
   * Allowed distance of a softmax row's sum from 1, per column. Rows rounded to four decimals (each
   * entry off by at most 5e-5) and float rows (each entry off by at most 6e-8 relative) pass.
   */
  static final double SUM_TOLERANCE_PER_COLUMN = 1e-4;

  /** The cap on that distance, so that wide rows (100 classes and more) still have to sum to ~1. */
  static final double MAX_SUM_TOLERANCE = 1e-2;

  private static final MathContext SHOWN_DIGITS = new MathContext(6);

  private TargetRules() {}

  /** How far from 1 a softmax target row of {@code width} columns may sum. */
  static double sumTolerance(int width) {
    return Math.min(SUM_TOLERANCE_PER_COLUMN * width, MAX_SUM_TOLERANCE);
  }

  /** Throws for the first row that {@code loss} cannot train on. */
  static void check(RowTable targets, Loss loss) {
    switch (loss) {
      case SOFTMAX_CROSS_ENTROPY -> requireDistributions(targets);
      case SIGMOID_CROSS_ENTROPY -> requireProbabilities(targets);
      case MEAN_SQUARED_ERROR -> { } // any finite value; finiteness was checked when the rows were built
    }
  }

  private static void requireDistributions(RowTable targets) {
    double tolerance = sumTolerance(targets.width());
    for (int r = 0; r < targets.size(); r++) {
      double sum = 0;
      for (int c = 0; c < targets.width(); c++) {
        double y = targets.get(r, c);
        if (y < 0) {
          throw new IllegalArgumentException("targets row " + r + ", column " + c + " is " + targets.text(r, c)
              + " but SOFTMAX_CROSS_ENTROPY needs probability rows: no negative entry, summing to 1; fix the "
              + "row or give class labels with Dataset.ofLabels");
        }
        sum += y;
      }
      if (!(Math.abs(sum - 1) <= tolerance)) {
        throw new IllegalArgumentException("targets row " + r + " sums to " + shown(sum) + " but "
            + "SOFTMAX_CROSS_ENTROPY needs probability rows summing to 1 (±" + shown(tolerance) + "); "
            + "normalise the row (divide it by its sum) or give class labels with Dataset.ofLabels");
      }
    }
  }

  private static void requireProbabilities(RowTable targets) {
    for (int r = 0; r < targets.size(); r++) {
      for (int c = 0; c < targets.width(); c++) {
        double y = targets.get(r, c);
        if (!(y >= 0 && y <= 1)) {
          throw new IllegalArgumentException("targets row " + r + ", column " + c + " is " + targets.text(r, c)
              + " but SIGMOID_CROSS_ENTROPY needs targets in [0, 1]; rescale them to probabilities, "
              + "or declare loss = MEAN_SQUARED_ERROR to regress on any value");
        }
      }
    }
  }

  /** Six significant digits, without binary noise: 0.93, not 0.9300000000000002. */
  private static String shown(double value) {
    return new BigDecimal(value).round(SHOWN_DIGITS).stripTrailingZeros().toString();
  }
}
