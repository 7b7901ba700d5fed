package dev.unrolled.onnx;

import dev.unrolled.Model;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The test networks of {@link OnnxNetworks} and {@link KindNetworks}, instantiated from their generated models. */
final class Networks {
  private Networks() {}

  /** Every declaration of both holders, in a stable order. */
  static List<Class<?>> all() {
    return Stream.of(OnnxNetworks.class, KindNetworks.class)
        .flatMap(holder -> Arrays.stream(holder.getDeclaredClasses()))
        .filter(Class::isInterface)
        .sorted(Comparator.comparing(Class::getName))
        .collect(Collectors.toList());
  }

  /** The generated {@code Outer_NameModel} of a nested declaration, seeded. */
  static Model create(Class<?> declaration, long seed) {
    String generated = declaration.getPackageName() + "." + declaration.getEnclosingClass().getSimpleName() + "_"
        + declaration.getSimpleName() + "Model";
    try {
      return (Model) Class.forName(generated).getConstructor(long.class).newInstance(seed);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no generated model " + generated, e);
    }
  }

  /**
   * Gives a model with batch normalisation running estimates far from their start (means 0,
   * variances 1), so that an export that ignored them would show: means in [−1, 1), variances in [0.2, 3).
   */
  static void scrambleRunningEstimates(Model model, long seed) {
    double[] estimates = new double[model.runningEstimateCount()];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < estimates.length; i++) {
      boolean variance = model.architecture().runningEstimate(i).variance();
      estimates[i] = variance ? random.nextDouble(0.2, 3) : random.nextDouble(-1, 1);
    }
    model.setRunningEstimates(estimates);
  }

  /** {@code rows} seeded rows of standard-normal-ish values of the model's input width. */
  static double[][] inputs(Model model, int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] inputs = new double[rows][model.inputSize()];
    for (double[] row : inputs) {
      for (int i = 0; i < row.length; i++) {
        row[i] = random.nextDouble(-2, 2);
      }
    }
    return inputs;
  }
}
