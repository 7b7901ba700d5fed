package dev.unrolled;

/**
 * Multiplier of an optimizer's base learning rate per step: the rate used by step {@code t} (0-based,
 * the step about to be taken) is {@code learningRate · factor(t)}.
 *
 * <pre>{@code
 * Optimizer.adam(1e-3).withSchedule(LearningRateSchedule.cosine(10_000, 0.01));
 * }</pre>
 *
 * <p>Implementations must be pure functions of the step and return a finite, non-negative factor.
 */
@FunctionalInterface
public interface LearningRateSchedule {
  /** The multiplier of the base learning rate at optimizer step {@code step} (0-based). */
  double factor(long step);

  /** Factor 1 at every step: the base learning rate throughout. */
  static LearningRateSchedule constant() {
    return Schedules.Constant.INSTANCE;
  }

  /**
   * {@code gamma^(step / everySteps)} with integer division: the rate is multiplied by {@code gamma}
   * every {@code everySteps} steps (PyTorch's {@code StepLR}).
   */
  static LearningRateSchedule stepDecay(long everySteps, double gamma) {
    Schedules.requirePositive("stepDecay", "everySteps", everySteps);
    Schedules.requirePositiveFinite("stepDecay", "gamma", gamma);
    return new Schedules.StepDecay(everySteps, gamma);
  }

  /** {@code gammaPerStep^step} (PyTorch's {@code ExponentialLR} applied per step). */
  static LearningRateSchedule exponential(double gammaPerStep) {
    Schedules.requirePositiveFinite("exponential", "gammaPerStep", gammaPerStep);
    return new Schedules.Exponential(gammaPerStep);
  }

  /**
   * Cosine annealing from 1 at step 0 to {@code minFactor} at step {@code totalSteps}, then
   * {@code minFactor}: {@code min + (1 − min)·(1 + cos(π·step/totalSteps))/2}.
   */
  static LearningRateSchedule cosine(long totalSteps, double minFactor) {
    Schedules.requirePositive("cosine", "totalSteps", totalSteps);
    if (!(minFactor >= 0 && minFactor <= 1)) {
      throw new IllegalArgumentException(
          "cosine minFactor is " + minFactor + "; give a fraction of the base rate in [0, 1]");
    }
    return new Schedules.Cosine(totalSteps, minFactor);
  }

  /**
   * Linear warm-up: {@code (step + 1) / warmupSteps} for the first {@code warmupSteps} steps, then
   * {@code after.factor(step − warmupSteps)}, so {@code after} starts counting at the end of warm-up.
   */
  static LearningRateSchedule linearWarmup(long warmupSteps, LearningRateSchedule after) {
    Schedules.requirePositive("linearWarmup", "warmupSteps", warmupSteps);
    if (after == null) {
      throw new IllegalArgumentException(
          "linearWarmup needs the schedule to follow the warm-up; pass LearningRateSchedule.constant()"
              + " for none");
    }
    return new Schedules.LinearWarmup(warmupSteps, after);
  }
}
