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
