package dev.unrolled.support;

/**
 * Seeded parameter initialisation that gives identical values on every JDK: a SplitMix64 stream
 * (specified here, not borrowed from {@code java.util}) drawn in the flat parameter order.
 */
public final class WeightInit {
  private long state;

  public WeightInit(long seed) {
    this.state = seed;
  }

  /** He (Kaiming) uniform: U(−√(6/in), √(6/in)), for the ReLU family and SiLU. */
  public void heUniform(double[] dst, int offset, int in, int out) {
    uniform(dst, offset, in * out, Math.sqrt(6.0 / in));
  }

  /** Glorot (Xavier) uniform: U(−√(6/(in+out)), √(6/(in+out))). */
  public void glorotUniform(double[] dst, int offset, int in, int out) {
    uniform(dst, offset, in * out, Math.sqrt(6.0 / (in + out)));
  }

  private void uniform(double[] dst, int offset, int count, double limit) {
    for (int k = 0; k < count; k++) {
      dst[offset + k] = (2.0 * nextDouble() - 1.0) * limit;
    }
  }

  /** Uniform in [0, 1) with 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  private long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
