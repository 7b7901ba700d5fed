package dev.unrolled;

import dev.unrolled.train.OptimizerState;

/**
 * An {@link Optimizer} bound to one model's parameter and gradient rows. It owns the optimizer state
 * (velocities, moment estimates) sized at bind time, so {@link #step()} allocates nothing.
 *
 * <pre>{@code
 * ParameterUpdater updater = Optimizer.adam(1e-3).bind(params, grads, decayed);
 * // fill grads, then
 * updater.step();
 * }</pre>
 *
 * <p>Not thread-safe: one updater serves one trainer on one thread.
 */
public interface ParameterUpdater {
  /** Updates every bound parameter row in place from the bound gradient rows, as the optimizer says. */
  void step();

  /** Number of {@link #step()} calls so far; the next step uses schedule step {@code steps()}. */
  long steps();

  /**
   * A copy of everything this updater carries between steps (see {@link OptimizerState}), for a
   * training checkpoint. Allocates; call it between steps, not in a hot loop.
   *
   * @throws UnsupportedOperationException for an updater that cannot be checkpointed; every
   *     {@link Optimizer}'s can
   */
  default OptimizerState state() {
    throw new UnsupportedOperationException(getClass().getName() + " cannot be checkpointed: it does not "
        + "expose its state; use an Optimizer's updater");
  }

  /**
   * Replaces this updater's step count and buffers with {@code state}'s, which must come from an
   * equal optimizer bound to rows of the same sizes. Checks everything before changing anything.
   *
   * @throws IllegalArgumentException naming the first difference (optimizer, buffers, sizes, a
   *     non-finite value); the updater is then unchanged
   * @throws UnsupportedOperationException for an updater that cannot be checkpointed
   */
  default void restore(OptimizerState state) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot be restored from a checkpoint; "
        + "use an Optimizer's updater");
  }
}
