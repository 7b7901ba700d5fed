package dev.unrolled.support;

/**
 * Seeded parameter initialisation that gives identical values on every JDK: a SplitMix64 stream
 * (specified here, not borrowed from {@code java.util}) drawn in the flat parameter order.
 */
public final class WeightInit {
  /** SplitMix64's increment γ, the golden-ratio constant. */
  private static final long GAMMA = 0x9E3779B97F4A7C15L;
  /** Draws per call of the inner loop (see below). */
  private static final int CHUNK = 64;

  private long state;

  public WeightInit(long seed) {
    this.state = seed;
  }

  /** He (Kaiming) uniform: U(−√(6/in), √(6/in)), for the ReLU family and SiLU. */
  public void heUniform(double[] dst, int offset, int in, int out) {
    draw(dst, offset, in * out, heLimit(in));
  }

  /** Glorot (Xavier) uniform: U(−√(6/(in+out)), √(6/(in+out))). */
  public void glorotUniform(double[] dst, int offset, int in, int out) {
    draw(dst, offset, in * out, glorotLimit(in, out));
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
   * the flat array and the second pass.
   *
   * SplitMix64 is counter based: draw k of the stream is mix(state + (k + 1)·γ), so any run of
   * draws with a constant stride in k can be filled on its own. A fresh JVM runs these loops in the
   * interpreter until the JIT compiles them, and it compiles a method after about a hundred calls
   * but a loop inside one long call only after some 60,000 iterations; so the draws are filled in
   * short calls of at most CHUNK values, which makes a 100k-weight model's start about 3 ms faster.
   */

  /** U(−limit, limit) weights {@code W[j][i]} into transposed rows {@code t[i][j]}, rounded to float. */
  public void uniformTransposed(float[][] t, int in, int out, double limit) {
    long stride = in * GAMMA; // from W[j][i] to W[j + 1][i]
    for (int i = 0; i < in; i++) {
      fill(t[i], 0, out, state + (i + 1) * GAMMA, stride, limit);
    }
    state += (long) in * out * GAMMA;
  }

  /** U(−limit, limit) weights {@code W[j][i]} into transposed rows {@code t[i][j]}. */
  public void uniformTransposed(double[][] t, int in, int out, double limit) {
    long stride = in * GAMMA;
    for (int i = 0; i < in; i++) {
      fill(t[i], 0, out, state + (i + 1) * GAMMA, stride, limit);
    }
    state += (long) in * out * GAMMA;
  }

  /** U(−limit, limit) weights {@code W[j][i]} at {@code j*in + i}, rounded to float. */
  public void uniform(float[] w, int in, int out, double limit) {
    draw(w, 0, in * out, limit);
  }

  /** U(−limit, limit) weights {@code W[j][i]} at {@code j*in + i}. */
  public void uniform(double[] w, int in, int out, double limit) {
    draw(w, 0, in * out, limit);
  }

  /** The next {@code count} draws of the stream into {@code dst[offset, offset + count)}. */
  private void draw(float[] dst, int offset, int count, double limit) {
    fill(dst, offset, count, state + GAMMA, GAMMA, limit);
    state += count * GAMMA;
  }

  private void draw(double[] dst, int offset, int count, double limit) {
    fill(dst, offset, count, state + GAMMA, GAMMA, limit);
    state += count * GAMMA;
  }

  /** Draws {@code z, z + step, …} into {@code dst[from, from + count)}, in calls of at most CHUNK. */
  private static void fill(float[] dst, int from, int count, long z, long step, double limit) {
    for (int done = 0; done < count; done += CHUNK) {
      int n = Math.min(CHUNK, count - done);
      fillChunk(dst, from + done, n, z + done * step, step, limit);
    }
  }

  private static void fill(double[] dst, int from, int count, long z, long step, double limit) {
    for (int done = 0; done < count; done += CHUNK) {
      int n = Math.min(CHUNK, count - done);
      fillChunk(dst, from + done, n, z + done * step, step, limit);
    }
  }

  private static void fillChunk(float[] dst, int from, int n, long z, long step, double limit) {
    for (int k = from, end = from + n; k < end; k++, z += step) {
      dst[k] = (float) ((2.0 * unit(z) - 1.0) * limit);
    }
  }

  private static void fillChunk(double[] dst, int from, int n, long z, long step, double limit) {
    for (int k = from, end = from + n; k < end; k++, z += step) {
      dst[k] = (2.0 * unit(z) - 1.0) * limit;
    }
  }

  /** The SplitMix64 output for counter {@code z}, as a uniform double in [0, 1) with 53 random bits. */
  private static double unit(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return ((z ^ (z >>> 31)) >>> 11) * 0x1.0p-53;
  }
}
