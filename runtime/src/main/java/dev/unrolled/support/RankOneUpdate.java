package dev.unrolled.support;

/**
 * A {@link RowSplitUpdate} that can also take a run of rows whose gradient is a rank-one product,
 * without the gradient rows: row {@code from + i}'s gradient is {@code a[i]·d}. This is a layer's
 * weight gradient on a batch of one sample, {@code x ⊗ δ}; the rule forms each gradient element as
 * it updates it, as the looped gradient kernels form it at one sample ({@code 0 + a[i]·d[k]}, a sum
 * from zero), so that the step is {@link #update(int, int)} after those kernels filled the rows.
 *
 * <p>{@link GuardedUpdate} uses it when its updater does, for a backward pass that reports a run of
 * rows through {@link ReadyRows#rankOneRows}. An updater of float rows takes the float form only,
 * one of double rows the double form only.
 */
public interface RankOneUpdate extends RowSplitUpdate {
  /** Updates rows {@code [from, to)} of float parameters with gradient rows {@code a[i]·d}; allocates nothing. */
  void updateRankOne(int from, int to, float[] a, float[] d);

  /** Updates rows {@code [from, to)} of double parameters with gradient rows {@code a[i]·d}; allocates nothing. */
  void updateRankOne(int from, int to, double[] a, double[] d);
}
