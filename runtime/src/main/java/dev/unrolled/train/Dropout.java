package dev.unrolled.train;

/**
 * The dropout masks of trainer steps, as a pure function: whether unit {@code j} of the layer
 * numbered {@code layer} keeps its output for the sample in row {@code row} of the batch, in the
 * trainer's step number {@code step} (counted from 0 since the trainer was made) under its dropout
 * seed. Because the mask depends on nothing else (not on shards, threads or the order of work),
 * training with dropout repeats bit for bit and its bits do not depend on the thread count; and a
 * test or a user can recompute any mask.
 *
 * <p>The function: once per row, a 32-bit key from SplitMix64's mixing step {@code mix}
 * (Stafford's variant 13, the finaliser of {@link java.util.SplittableRandom}),
 * {@code key = (int) mix(mix(mix(seed ⊕ 0x6A09E667F3BCC909) + step) + (layer·2³² + row))}; per unit,
 * MurmurHash3's 32-bit finaliser {@code h = fmix32(key + j·0x9E3779B9)}. The unit is dropped when
 * the top 24 bits of {@code h} are below {@code ⌊p·2²⁴⌋}, so it is kept with probability
 * {@code 1 − p} to within 2⁻²⁴. Per unit the work is 32-bit integer arithmetic without branches,
 * which the JIT can vectorise.
 */
public final class Dropout {
  private Dropout() {}

  /** Whether the unit keeps its output: {@code rowKey(seed, step, layer, row)}, then {@link #kept(int, int, int)}. */
  public static boolean kept(long seed, long step, int layer, int row, int unit, double p) {
    return kept(rowKey(seed, step, layer, row), unit, threshold(p));
  }

  /** The threshold of probability {@code p} in [0, 1): {@code ⌊p·2²⁴⌋}. */
  public static int threshold(double p) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException("p is " + p + "; a dropout probability is in [0, 1)");
    }
    return (int) (p * 0x1p24);
  }

  /** The part of the hash shared by a row's units. */
  public static int rowKey(long seed, long step, int layer, int row) {
    long k = mix(mix(seed ^ 0x6A09E667F3BCC909L) + step);
    return (int) mix(k + (((long) layer << 32) | (row & 0xFFFF_FFFFL)));
  }

  /** Whether unit {@code unit} of the row with key {@code rowKey} keeps its output at {@code threshold}. */
  public static boolean kept(int rowKey, int unit, int threshold) {
    return keptBit(rowKey, unit, threshold) == 1;
  }

  /** 1 when the unit keeps its output, else 0, without a branch: what generated kernels multiply by. */
  public static int keptBit(int rowKey, int unit, int threshold) {
    int h = rowKey + salt(unit);
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return 1 - (((h >>> 8) - threshold) >>> 31); // both below 2²⁴: the difference is negative exactly when dropped
  }

  /** What unit {@code unit} adds to its row's key before the finaliser: {@code unit·0x9E3779B9}. */
  public static int salt(int unit) {
    return unit * 0x9E3779B9;
  }

  /** {@link #salt} of units 0 … n − 1, for kernels that hash a row of units in vectors. */
  public static int[] salts(int n) {
    int[] salts = new int[n];
    for (int j = 0; j < n; j++) {
      salts[j] = salt(j);
    }
    return salts;
  }

  /** SplitMix64's mixing step (Stafford's variant 13). */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
