package dev.unrolled.data;

import dev.unrolled.Dataset;

/**
 * Seeded permutations from SplitMix64 (Steele, Lea, Flood 2014), written out here so that a seed
 * gives the same order on every JDK. These are the orders of {@link Dataset#shuffled},
 * {@link Dataset#split} and {@link Dataset#stratifiedSplit}, and of a fit's epochs, so a training
 * loop of your own can reproduce them: a fit starts from {@code identity(n)} and before epoch
 * {@code e} (from 1) shuffles that same array again with {@code derive(shuffleSeed, e)}.
 * {@link #shuffle} allocates nothing: the generator state is a local.
 *
 * <pre>{@code
 * int[] order = Shuffling.identity(train.size());
 * for (int epoch = 1; epoch <= epochs; epoch++) {
 *   Shuffling.shuffle(order, Shuffling.derive(shuffleSeed, epoch)); // the order FitOptions.shuffleSeed gives
 *   ...
 * }
 * }</pre>
 */
public final class Shuffling {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Shuffling() {}

  /** Fisher–Yates shuffle of {@code a} in place, driven by {@code seed}. */
  public static void shuffle(int[] a, long seed) {
    if (a == null) {
      throw new IllegalArgumentException("the array to shuffle is null; pass e.g. Shuffling.identity(n)");
    }
    long state = seed;
    for (int i = a.length - 1; i > 0; i--) {
      state += GOLDEN_GAMMA;
      // Top 32 bits scaled to [0, i]: the bias is below (i + 1) / 2^32, far under sampling noise.
      int j = (int) (((mix(state) >>> 32) * (i + 1L)) >>> 32);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }

  /** {@code 0, 1, …, n − 1}. */
  public static int[] identity(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n is " + n + "; give a number of rows of at least 0");
    }
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** A seed for stream {@code stream} (an epoch, a class) derived from a user seed. */
  public static long derive(long seed, long stream) {
    return mix(seed + GOLDEN_GAMMA * (stream + 1));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
