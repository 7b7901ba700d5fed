package dev.unrolled.files;

import dev.unrolled.Architecture;
import dev.unrolled.Model;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import java.nio.file.Path;

/**
 * A model's running estimates as its file holds them ({@link Model#getRunningEstimates}): for each
 * {@link Norm#BATCH} layer in order, its running means {@code rm[units]}, then its running variances
 * {@code rv[units]}. That layout follows from the architecture only when the model keeps as many
 * estimates as the architecture implies, as generated models do; otherwise the values are checked
 * for finiteness only, and the receiving model's {@code setRunningEstimates} checks the rest.
 */
final class RunningEstimates {
  private RunningEstimates() {}

  /** Refuses what a file must not hold, before anything is written. */
  static void requireSavable(double[] estimates, Architecture architecture, Object file) throws ModelFileException {
    boolean single = architecture.precision() == Precision.FLOAT;
    for (int i = 0; i < estimates.length; i++) {
      double value = estimates[i];
      if (!Double.isFinite(single ? (float) value : value)) {
        throw new ModelFileException("not saving " + file + ": " + describe(architecture, estimates.length, i)
            + " is " + value + (Double.isFinite(value) ? ", beyond the range of a FLOAT model's floats" : "")
            + "; a model file holds finite running estimates only. Training probably diverged: lower the "
            + "learning rate or standardise the inputs, and train again");
      }
      if (value < 0 && isVariance(architecture, estimates.length, i)) {
        throw new ModelFileException("not saving " + file + ": " + describe(architecture, estimates.length, i)
            + " is " + value + ", but a variance is never negative; the model's running estimates are broken "
            + "— reset them with setRunningEstimates (means 0, variances 1) or train again");
      }
    }
  }

  /** Refuses estimates read from {@code file}, once its checksum has matched. */
  static void requireValid(double[] estimates, Architecture architecture, String file) throws ModelFileException {
    for (int i = 0; i < estimates.length; i++) {
      double value = estimates[i];
      String problem = !Double.isFinite(value) ? "a non-finite running estimate"
          : value < 0 && isVariance(architecture, estimates.length, i) ? "a negative running variance"
          : null;
      if (problem != null) {
        throw new ModelFileException(file + " holds " + problem + ": " + describe(architecture, estimates.length, i)
            + " is " + value + "; ModelFile.save never writes one, so another program wrote this file — save "
            + "the model again with Unrolled");
      }
    }
  }

  /** "running estimate 5 (layer 2 running variance rv[1])" where the layout is known, else "running estimate 5". */
  static String describe(Architecture architecture, int count, int index) {
    return "running estimate " + index + (knowsLayout(architecture, count)
        ? " (" + architecture.runningEstimate(index) + ")" : "");
  }

  /** False where the layout is unknown: the model keeps another number of estimates than its architecture implies. */
  private static boolean isVariance(Architecture architecture, int count, int index) {
    return knowsLayout(architecture, count) && architecture.runningEstimate(index).variance();
  }

  private static boolean knowsLayout(Architecture architecture, int count) {
    return count == architecture.runningEstimateCount();
  }
}
