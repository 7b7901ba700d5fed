package dev.unrolled.spark;

/**
 * Which rows a mini-batch step uses: row {@code i} (its index in the training data) is in step
 * {@code t}'s batch when a hash of {@code (seed, t, i)} mapped to [0, 1) falls below the fraction.
 * The choice depends on nothing else — not the partitioning, the executors or the order of tasks —
 * so a run can be repeated exactly and reproduced on one machine.
 */
public final class Sampling {
  private Sampling() {}

  /** Whether row {@code row} is in the batch of step {@code step}. */
  public static boolean includes(long seed, long step, long row, double fraction) {
    if (fraction >= 1) {
      return true;
    }
    long h = mix(seed ^ mix(step ^ mix(row)));
    return (h >>> 11) * 0x1.0p-53 < fraction;
  }

  /** The SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijection that scrambles every bit. */
  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static void checkFraction(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("the mini-batch fraction is " + fraction
          + "; give the share of rows per step in (0, 1], e.g. 0.01, or 1 for full-batch steps");
    }
  }
}
