package dev.unrolled.metrics;

import dev.unrolled.Dataset;
import dev.unrolled.Model;
import dev.unrolled.data.OneHot;

/**
 * Classification metrics of a model's current parameters, via {@link Model#classify(double[])}.
 *
 * <pre>{@code
 * double acc = Metrics.accuracy(model, test);
 * System.out.println(Metrics.confusionMatrix(model, test).format("setosa", "versicolor", "virginica"));
 * }</pre>
 */
public final class Metrics {
  private Metrics() {}

  /**
   * Share of rows classified correctly. The true class is the label, or for target rows the arg-max
   * of the row (for one output, {@code t ≥ 0.5}).
   */
  public static double accuracy(Model model, Dataset data) {
    requireCompatible(model, data);
    double[] input = new double[data.featureCount()];
    double[] target = new double[model.outputSize()];
    long correct = 0;
    for (int r = 0; r < data.size(); r++) {
      data.features(r, input);
      if (model.classify(input) == actualClass(data, r, target)) {
        correct++;
      }
    }
    return (double) correct / data.size();
  }

  /** Counts of (label, predicted class) over all rows. @throws IllegalArgumentException without labels */
  public static ConfusionMatrix confusionMatrix(Model model, Dataset data) {
    if (data != null && !data.hasLabels()) {
      throw new IllegalArgumentException("confusionMatrix needs class labels, but the dataset has target rows;"
          + " build it with Dataset.ofLabels");
    }
    requireCompatible(model, data);
    int[] actual = new int[data.size()];
    int[] predicted = new int[data.size()];
    double[] input = new double[data.featureCount()];
    for (int r = 0; r < data.size(); r++) {
      data.features(r, input);
      actual[r] = data.label(r);
      predicted[r] = model.classify(input);
    }
    return ConfusionMatrix.of(actual, predicted, data.classCount());
  }

  private static void requireCompatible(Model model, Dataset data) {
    if (data == null) {
      throw new IllegalArgumentException("the data is null; pass a Dataset");
    }
    data.requireCompatible(model, "the data");
  }

  private static int actualClass(Dataset data, int row, double[] target) {
    if (data.hasLabels()) {
      return data.label(row);
    }
    data.targets(row, target);
    return target.length == 1 ? (target[0] >= 0.5 ? 1 : 0) : OneHot.argmax(target);
  }
}
