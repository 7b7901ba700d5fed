package dev.unrolled.spark;

import dev.unrolled.Loss;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The target rows each loss accepts, as {@code Dataset.requireTargetsFor} checks them on one
 * machine, with its messages: a cross-entropy gradient {@code p − y} is the gradient of the loss
 * only when {@code y} is a probability, so a bad row would not fail, it would train towards a wrong
 * answer. Run over each partition when the data is prepared; the driver reports the first bad row
 * for the model's loss.
 */
final class TargetCheck {
  /** Dataset's tolerance on a softmax row's sum: 1e-4 per column, at most 1e-2. */
  private static final double SUM_TOLERANCE_PER_COLUMN = 1e-4;
  private static final double MAX_SUM_TOLERANCE = 1e-2;
  private static final MathContext SHOWN_DIGITS = new MathContext(6);

  private TargetCheck() {}

  /**
   * Why {@code loss} cannot train on the first bad one of {@code rows} target rows of {@code width}
   * values in {@code targets} (row r of them is row {@code first + r} of the data), or null.
   */
  static String problem(Loss loss, double[] targets, int rows, int width, long first) {
    return switch (loss) {
      case SOFTMAX_CROSS_ENTROPY -> notDistribution(targets, rows, width, first);
      case SIGMOID_CROSS_ENTROPY -> notProbability(targets, rows, width, first);
      case MEAN_SQUARED_ERROR -> null; // any finite value, checked when packed
    };
  }

  private static String notDistribution(double[] targets, int rows, int width, long first) {
    double tolerance = Math.min(SUM_TOLERANCE_PER_COLUMN * width, MAX_SUM_TOLERANCE);
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int c = 0; c < width; c++) {
        double y = targets[r * width + c];
        if (y < 0) {
          return "targets row " + (first + r) + ", column " + c + " is " + shown(y) + " but SOFTMAX_CROSS_ENTROPY "
              + "needs probability rows: no negative entry, summing to 1; fix the row or give class labels";
        }
        sum += y;
      }
      if (!(Math.abs(sum - 1) <= tolerance)) {
        return "targets row " + (first + r) + " sums to " + shown(sum) + " but SOFTMAX_CROSS_ENTROPY needs "
            + "probability rows summing to 1 (±" + shown(tolerance) + "); normalise the row (divide it by its sum) "
            + "or give class labels";
      }
    }
    return null;
  }

  private static String notProbability(double[] targets, int rows, int width, long first) {
    for (int i = 0; i < rows * width; i++) {
      double y = targets[i];
      if (!(y >= 0 && y <= 1)) {
        return "targets row " + (first + i / width) + ", column " + (i % width) + " is " + shown(y)
            + " but SIGMOID_CROSS_ENTROPY needs targets in [0, 1]; rescale them to probabilities, "
            + "or declare loss = MEAN_SQUARED_ERROR to regress on any value";
      }
    }
    return null;
  }

  /** Six significant digits, without binary noise: 0.93, not 0.9300000000000002. */
  private static String shown(double value) {
    return new BigDecimal(value).round(SHOWN_DIGITS).stripTrailingZeros().toString();
  }
}
