package dev.unrolled;

import dev.unrolled.support.RowSplitUpdate;

/**
 * The part of every {@link ParameterUpdater} that does not depend on the rule: counting steps and
 * turning the schedule into this step's learning rate, once per step rather than per element. Every
 * rule is element-wise, so a step can also be taken in runs of rows ({@link RowSplitUpdate}), on
 * several threads, with the same bits.
 */
abstract class RowUpdater implements ParameterUpdater, RowSplitUpdate {
  private final double learningRate;
  private final LearningRateSchedule schedule;
  /** Weight-decay coefficient per row: the optimizer's decay on decayed rows, 0 elsewhere. */
  final double[] decay;
  private long steps;

  RowUpdater(Optimizer optimizer, double[] decay) {
    this.learningRate = optimizer.learningRate();
    this.schedule = optimizer.schedule();
    this.decay = decay;
  }

  @Override
  public final void step() {
    begin();
    update(0, decay.length);
    end();
  }

  @Override
  public final long steps() {
    return steps;
  }

  @Override
  public final int rows() {
    return decay.length;
  }

  @Override
  public final void begin() {
    double factor = schedule.factor(steps);
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalStateException("learning-rate schedule " + schedule + " gave factor " + factor
          + " at step " + steps + "; a schedule must return a finite factor of at least 0");
    }
    prepare(learningRate * factor, steps + 1);
  }

  @Override
  public final void end() {
    steps++;
  }

  /**
   * Fixes the scalars of one step with learning rate {@code lr}; {@code t} is the 1-based step
   * number. Called on the thread that begins the step; the threads that update rows see them
   * afterwards through the hand-off that gives them the rows.
   */
  abstract void prepare(double lr, long t);
}
