package dev.unrolled;

/**
 * The part of every {@link ParameterUpdater} that does not depend on the rule: counting steps and
 * turning the schedule into this step's learning rate, once per step rather than per element.
 */
abstract class RowUpdater implements ParameterUpdater {
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
    double factor = schedule.factor(steps);
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalStateException("learning-rate schedule " + schedule + " gave factor " + factor
          + " at step " + steps + "; a schedule must return a finite factor of at least 0");
    }
    update(learningRate * factor, steps + 1);
    steps++;
  }

  @Override
  public final long steps() {
    return steps;
  }

  /** Applies the rule once with learning rate {@code lr}; {@code t} is the 1-based step number. */
  abstract void update(double lr, long t);
}
