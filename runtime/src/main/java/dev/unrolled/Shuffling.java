package dev.unrolled;

/**
 * Seeded permutations from SplitMix64 (Steele, Lea, Flood 2014), written out here so that a seed
 * gives the same order on every JDK. Nothing is allocated: the generator state is a local.
 */
final class Shuffling {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Shuffling() {}

  /** Fisher–Yates shuffle of {@code a} in place, driven by {@code seed}. */
  static void shuffle(int[] a, long seed) {
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
  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** A seed for stream {@code stream} (an epoch, a class) derived from a user seed. */
  static long derive(long seed, long stream) {
    return mix(seed + GOLDEN_GAMMA * (stream + 1));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
