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
 * folding that product into the optimizer's step row by row leaves the gradient rows unwritten. At
 * batch 1 that saves writing and reading back each block of gradient rows, and the guard's backup
 * of a row is taken in the same loop as its update rather than in a copy before it (the 784-128-10
 * batch-1 step went from 36 to 27 µs with the vector backend).
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
