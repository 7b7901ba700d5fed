package dev.unrolled.data;

import dev.unrolled.Dataset;

/**
 * The 64-bit running hash of {@link Dataset#fingerprint()}, for code that fingerprints data held
 * elsewhere the same way (Spark partitions): start from {@link #SEED}, {@link #add} every value's
 * bits in order, then {@link #finish}. Each value is mixed in with the multiply–rotate step of
 * xxHash64, and the result goes through SplitMix64's finaliser. Not cryptographic; it tells a resumed
 * fit's data from other data, where a chance collision of 2⁻⁶⁴ is no concern. Written out here so
 * that it is the same on every JDK.
 */
public final class Fingerprint {
  /** The hash of nothing yet. */
  public static final long SEED = 0x27D4EB2F165667C5L;
  private static final long PRIME_1 = 0x9E3779B185EBCA87L;
  private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;

  private Fingerprint() {}

  /** {@code hash} with {@code value} mixed in. */
  public static long add(long hash, long value) {
    return Long.rotateLeft(hash ^ Long.rotateLeft(value * PRIME_2, 31) * PRIME_1, 27) * PRIME_1 + PRIME_2;
  }

  /** The fingerprint of everything added to {@code hash}. */
  public static long finish(long hash) {
    long z = hash;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
