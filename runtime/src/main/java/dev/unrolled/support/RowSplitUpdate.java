package dev.unrolled.support;

/**
 * An optimizer step that can be taken in runs of parameter rows, on several threads at once: the
 * rule is element-wise, so each element's new value depends on that element's parameter, gradient
 * and state and on per-step scalars only, and the same bits come out however the rows are split.
 * A step is {@link #begin()} once, {@link #update(int, int)} for runs that cover every row exactly
 * once (in any order, on any threads, no two at the same time on the same row), then
 * {@link #end()}; {@code step()} of the same updater is exactly that with one run of all rows.
 *
 * <p>The optimizers of {@link dev.unrolled.Optimizer} implement it; {@link GuardedUpdate} uses it
 * when its updater does, so that {@link ShardedStep} can fuse the shard sum and the update row by
 * row across its threads.
 */
public interface RowSplitUpdate {
  /** Bound parameter rows. */
  int rows();

  /**
   * Starts a step: fixes its learning rate, step number and the rule's per-step scalars. Throws
   * what {@code step()} would throw for a bad schedule, before any row changes.
   */
  void begin();

  /** Updates rows {@code [from, to)} as the step begun says; allocates nothing. */
  void update(int from, int to);

  /** Ends the step begun: counts it. */
  void end();
}
