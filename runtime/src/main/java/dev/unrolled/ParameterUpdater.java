package dev.unrolled;

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
}
