package dev.unrolled.guards;

import dev.unrolled.Dataset;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fresh models of {@link BadDataNetworks} with their trainers, good data for them, and a record of
 * every parameter and running estimate: what one row of {@link BadDataTest} works on. Models are
 * seeded and trained one step on good data first, so that their running estimates are no longer
 * the initial ones either.
 */
final class BadDataSubjects {
  final BadDataNetworks_ClassifierModel classifier = new BadDataNetworks_ClassifierModel(1);
  final BadDataNetworks_ClassifierTrainer classifierTrainer =
      new BadDataNetworks_ClassifierTrainer(classifier, Optimizer.adam(0.01));
  final BadDataNetworks_RegressorModel regressor = new BadDataNetworks_RegressorModel(2);
  final BadDataNetworks_RegressorTrainer regressorTrainer =
      new BadDataNetworks_RegressorTrainer(regressor, Optimizer.adam(0.01));
  final BadDataNetworks_SigmoidModel sigmoid = new BadDataNetworks_SigmoidModel(3);
  final BadDataNetworks_SigmoidTrainer sigmoidTrainer = new BadDataNetworks_SigmoidTrainer(sigmoid, Optimizer.sgd(0.1));
  final BadDataNetworks_BatchNormModel batchNorm = new BadDataNetworks_BatchNormModel(4);
  final BadDataNetworks_BatchNormTrainer batchNormTrainer =
      new BadDataNetworks_BatchNormTrainer(batchNorm, Optimizer.adam(0.01));
  final Path dir;

  BadDataSubjects(Path dir) {
    this.dir = dir;
    classifierTrainer.trainBatch(rows(8, 4), labels(8, 3));
    regressorTrainer.trainBatch(doubles(8, 3), doubles(8, 2));
    sigmoidTrainer.trainBatch(rows(8, 2), labels(8, 2));
    batchNormTrainer.trainBatch(rows(8, 4), labels(8, 3));
  }

  List<Model> models() {
    return List.of(classifier, regressor, sigmoid, batchNorm);
  }

  /** Every parameter and running estimate of every model, bit for bit. */
  List<Long> values() {
    List<Long> values = new ArrayList<>();
    for (Model model : models()) {
      double[] estimates = new double[model.runningEstimateCount()];
      model.getRunningEstimates(estimates);
      for (double[] part : List.of(model.parameters(), estimates)) {
        Arrays.stream(part).forEach(v -> values.add(Double.doubleToRawLongBits(v)));
      }
    }
    return values;
  }

  /** {@code n} seeded rows of {@code width} values in about [−2, 2]. */
  static float[][] rows(int n, int width) {
    Random random = new Random(31L * n + width);
    float[][] rows = new float[n][width];
    for (float[] row : rows) {
      for (int c = 0; c < width; c++) {
        row[c] = (float) random.nextGaussian();
      }
    }
    return rows;
  }

  static double[][] doubles(int n, int width) {
    float[][] rows = rows(n, width);
    double[][] doubles = new double[n][width];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < width; c++) {
        doubles[r][c] = rows[r][c];
      }
    }
    return doubles;
  }

  /** {@code n} labels cycling through {@code 0..classes-1}. */
  static int[] labels(int n, int classes) {
    int[] labels = new int[n];
    Arrays.setAll(labels, r -> r % classes);
    return labels;
  }

  /** Twelve rows for the classifier (four features, three classes). */
  static Dataset classes() {
    return Dataset.ofLabels(rows(12, 4), labels(12, 3), 3);
  }

  /** {@code rows} with {@code value} at ({@code row}, {@code column}). */
  static float[][] with(float[][] rows, int row, int column, float value) {
    rows[row][column] = value;
    return rows;
  }

  static double[][] with(double[][] rows, int row, int column, double value) {
    rows[row][column] = value;
    return rows;
  }

  /** 0, 1, …, n−1. */
  static int[] identity(int n) {
    int[] rows = new int[n];
    Arrays.setAll(rows, r -> r);
    return rows;
  }
}
