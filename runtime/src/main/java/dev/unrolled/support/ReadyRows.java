package dev.unrolled.support;

/**
 * Told during a backward pass which parameter rows are ready for the optimizer: their gradient is
 * final and the rest of the pass no longer reads their parameters. {@link TrainingCore} updates
 * each run as it is reported, while its gradient rows are still in cache, instead of streaming
 * every gradient, parameter and backup row through memory once more after the pass. A pass reports
 * every row exactly once, in runs of ascending rows.
 *
 * <p>A run may also come as a rank-one product ({@link #rankOneRows}), when the receiver
 * {@link #foldsRankOne() folds} it: a layer's weight gradient on one sample is {@code a ⊗ d}, and
 * folding that product into the optimizer's step row by row leaves the gradient rows unwritten,
 * which keeps the weights and the guard's backup in cache at batch 1 (the gradient rows would
 * otherwise stream through it once more every step).
 */
@FunctionalInterface
public interface ReadyRows {
  /** Ignores every run: the pass only fills the gradients. */
  ReadyRows NONE = (from, to) -> { };

  /** Rows {@code [from, to)} are ready. */
  void rows(int from, int to);

  /**
   * Whether a pass may report a run through {@link #rankOneRows} instead of filling its gradient
   * rows; otherwise the pass fills them and calls {@link #rows}.
   */
  default boolean foldsRankOne() {
    return false;
  }

  /**
   * Rows {@code [from, to)} are ready, and their gradients are not written: the gradient of row
   * {@code from + i} is {@code a[i]·d}, element by element, over the row's length. Only called
   * when {@link #foldsRankOne()}.
   */
  default void rankOneRows(int from, int to, float[] a, float[] d) {
    throw new UnsupportedOperationException("this receiver does not fold rank-one gradients");
  }

  /** {@link #rankOneRows(int, int, float[], float[])} in double precision. */
  default void rankOneRows(int from, int to, double[] a, double[] d) {
    throw new UnsupportedOperationException("this receiver does not fold rank-one gradients");
  }
}
