package dev.unrolled;

/** Argument checks shared by the optimizers: each message names the setting, its value and a fix. */
final class Check {
  private Check() {}

  static void positiveFinite(String name, double value, String hint) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " is " + value + "; give a finite value above 0 (" + hint + ")");
    }
  }

  static void nonNegativeFinite(String name, double value, String hint) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " is " + value + "; give a finite value of at least 0 (" + hint + ")");
    }
  }

  /** Decay rates such as momentum, β1, β2 and α must lie in [0, 1). */
  static void unitInterval(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " is " + value + "; give a decay rate in [0, 1), e.g. 0.9");
    }
  }
}
