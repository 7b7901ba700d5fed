package dev.unrolled.train;

/**
 * The dropout masks of trainer steps, as a pure function: whether unit {@code j} of the layer
 * numbered {@code layer} keeps its output for the sample in row {@code row} of the batch, in the
 * trainer's step number {@code step} (counted from 0 since the trainer was made) under its dropout
 * seed. Because the mask depends on nothing else (not on shards, threads or the order of work),
 * training with dropout repeats bit for bit and its bits do not depend on the thread count; and a
 * test or a user can recompute any mask.
 *
 * <p>The function, in SplitMix64's mixing step {@code mix} (Stafford's variant 13, the finaliser of
 * {@link java.util.SplittableRandom}): {@code k = mix(mix(mix(seed ⊕ 0x6A09E667F3BCC909) + step) +
 * (layer·2³² + row))} once per row, then {@code h = mix(k + (j + 1)·0x9E3779B97F4A7C15)} per unit;
 * the unit is dropped when the top 53 bits of {@code h}, {@code h >>> 11}, are below
 * {@code ⌊p·2⁵³⌋}, so it is kept with probability {@code 1 − p} to within 2⁻⁵³.
 */
public final class Dropout {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Dropout() {}

  /** Whether the unit keeps its output: {@code rowKey(seed, step, layer, row)}, then {@link #kept(long, int, long)}. */
  public static boolean kept(long seed, long step, int layer, int row, int unit, double p) {
    return kept(rowKey(seed, step, layer, row), unit, threshold(p));
  }

  /** The threshold of probability {@code p} in [0, 1): {@code ⌊p·2⁵³⌋}. */
  public static long threshold(double p) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException("p is " + p + "; a dropout probability is in [0, 1)");
    }
    return (long) (p * 0x1p53);
  }

  /** The part of the hash shared by a row's units. */
  public static long rowKey(long seed, long step, int layer, int row) {
    long k = mix(mix(seed ^ 0x6A09E667F3BCC909L) + step);
    return mix(k + (((long) layer << 32) | (row & 0xFFFF_FFFFL)));
  }

  /** Whether unit {@code unit} of the row with key {@code rowKey} keeps its output at {@code threshold}. */
  public static boolean kept(long rowKey, int unit, long threshold) {
    return (mix(rowKey + (unit + 1L) * GOLDEN) >>> 11) >= threshold;
  }

  /** SplitMix64's mixing step (Stafford's variant 13). */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
