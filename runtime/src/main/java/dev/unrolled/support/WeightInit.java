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
    fill(dst, offset, in * out, heLimit(in));
  }

  /** Glorot (Xavier) uniform: U(−√(6/(in+out)), √(6/(in+out))). */
  public void glorotUniform(double[] dst, int offset, int in, int out) {
    fill(dst, offset, in * out, glorotLimit(in, out));
  }

  /** The He limit √(6/in), for the ReLU family and SiLU. */
  public static double heLimit(int in) {
    return Math.sqrt(6.0 / in);
  }

  /** The Glorot limit √(6/(in+out)), for the other activations. */
  public static double glorotLimit(int in, int out) {
    return Math.sqrt(6.0 / (in + out));
  }

  /*
   * Straight into a generated model's storage, in the same draw order as the flat layout (W[j][i],
   * j outer): the values equal those of heUniform/glorotUniform followed by setParameters, without
   * the flat array and the second pass — it matters for the start-up of a fresh JVM, where these
   * loops run in the interpreter.
   */

  /** U(−limit, limit) weights {@code W[j][i]} into transposed rows {@code t[i][j]}, rounded to float. */
  public void uniformTransposed(float[][] t, int in, int out, double limit) {
    // nextDouble() written out: a fresh JVM runs this loop in the interpreter, where two calls per
    // weight cost more than the arithmetic (about half the time of a 100k-weight model's start).
    long z0 = state;
    for (int j = 0; j < out; j++) {
      for (int i = 0; i < in; i++) {
        long z = (z0 += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        t[i][j] = (float) ((2.0 * (((z ^ (z >>> 31)) >>> 11) * 0x1.0p-53) - 1.0) * limit);
      }
    }
    state = z0;
  }

  /** U(−limit, limit) weights {@code W[j][i]} into transposed rows {@code t[i][j]}. */
  public void uniformTransposed(double[][] t, int in, int out, double limit) {
    for (int j = 0; j < out; j++) {
      for (int i = 0; i < in; i++) {
        t[i][j] = (2.0 * nextDouble() - 1.0) * limit;
      }
    }
  }

  /** U(−limit, limit) weights {@code W[j][i]} at {@code j*in + i}, rounded to float. */
  public void uniform(float[] w, int in, int out, double limit) {
    for (int k = 0, n = in * out; k < n; k++) {
      w[k] = (float) ((2.0 * nextDouble() - 1.0) * limit);
    }
  }

  /** U(−limit, limit) weights {@code W[j][i]} at {@code j*in + i}. */
  public void uniform(double[] w, int in, int out, double limit) {
    fill(w, 0, in * out, limit);
  }

  private void fill(double[] dst, int offset, int count, double limit) {
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
