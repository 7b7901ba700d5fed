package dev.unrolled.support;

/**
 * A {@link RowSplitUpdate} that can also take a run of rows whose gradient is a rank-one product,
 * without the gradient rows: row {@code from + i}'s gradient is {@code a[i]·d}. It also copies each
 * row into {@code before} just ahead of changing it, the copy {@link GuardedUpdate} keeps to undo a
 * step: in the same pass over the row, which at batch 1 of a 784-128 layer took the update from
 * about 21 to 15 µs (one loop over each row instead of a copy and then a loop). This is a layer's
 * weight gradient on a batch of one sample, {@code x ⊗ δ}; the rule forms each gradient element as
 * it updates it, as the looped gradient kernels form it at one sample ({@code 0 + a[i]·d[k]}, a sum
 * from zero), so that the step is {@link #update(int, int)} after those kernels filled the rows.
 *
 * <p>{@link GuardedUpdate} uses it when its updater does, for a backward pass that reports a run of
 * rows through {@link ReadyRows#rankOneRows}. An updater of float rows takes the float form only,
 * one of double rows the double form only.
 */
public interface RankOneUpdate extends RowSplitUpdate {
  /**
   * Copies float parameter rows {@code [from, to)} into the same rows of {@code before}, and updates
   * them with gradient rows {@code a[i]·d}; allocates nothing.
   */
  void updateRankOne(int from, int to, float[] a, float[] d, float[][] before);

  /** {@link #updateRankOne(int, int, float[], float[], float[][])} for double parameter rows. */
  void updateRankOne(int from, int to, double[] a, double[] d, double[][] before);
}
