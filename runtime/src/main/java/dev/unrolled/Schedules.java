package dev.unrolled;

/** The built-in {@link LearningRateSchedule}s, as records so that they print their settings. */
final class Schedules {
  private Schedules() {}

  enum Constant implements LearningRateSchedule {
    INSTANCE;

    @Override
    public double factor(long step) {
      return 1.0;
    }

    @Override
    public String toString() {
      return "constant";
    }
  }

  record StepDecay(long everySteps, double gamma) implements LearningRateSchedule {
    @Override
    public double factor(long step) {
      return Math.pow(gamma, (double) (step / everySteps));
    }
  }

  record Exponential(double gammaPerStep) implements LearningRateSchedule {
    @Override
    public double factor(long step) {
      return Math.pow(gammaPerStep, (double) step);
    }
  }

  record Cosine(long totalSteps, double minFactor) implements LearningRateSchedule {
    @Override
    public double factor(long step) {
      if (step >= totalSteps) {
        return minFactor;
      }
      double cos = Math.cos(Math.PI * step / totalSteps);
      return minFactor + (1.0 - minFactor) * 0.5 * (1.0 + cos);
    }
  }

  record LinearWarmup(long warmupSteps, LearningRateSchedule after) implements LearningRateSchedule {
    @Override
    public double factor(long step) {
      if (step < warmupSteps) {
        return (step + 1.0) / warmupSteps;
      }
      return after.factor(step - warmupSteps);
    }
  }

  /**
   * A built-in schedule's own description; a custom one is named by its class ("a custom schedule"
   * for a lambda, whose class name changes from run to run), since a function cannot be compared.
   */
  static String identity(LearningRateSchedule schedule) {
    if (schedule instanceof LinearWarmup warmup) {
      return "LinearWarmup[warmupSteps=" + warmup.warmupSteps() + ", after=" + identity(warmup.after()) + "]";
    }
    if (schedule.getClass().getEnclosingClass() == Schedules.class) {
      return schedule.toString();
    }
    Class<?> type = schedule.getClass();
    return type.isHidden() || type.isSynthetic() || type.isAnonymousClass()
        ? "a custom schedule" : "a custom schedule (" + type.getName() + ")";
  }

  static void requirePositive(String schedule, String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          schedule + " " + name + " is " + value + "; give a number of steps of at least 1");
    }
  }

  static void requirePositiveFinite(String schedule, String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          schedule + " " + name + " is " + value + "; give a finite factor above 0 (e.g. 0.5)");
    }
  }
}
