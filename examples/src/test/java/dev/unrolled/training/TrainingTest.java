package dev.unrolled.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Optimizer;
import dev.unrolled.data.Standardizer;
import dev.unrolled.io.CsvReader;
import dev.unrolled.io.LabeledData;
import dev.unrolled.metrics.Metrics;
import dev.unrolled.testing.SharedDataRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * End-to-end training of generated networks on deterministic data: the generated gradients, the
 * optimizers and the fit loop together must actually learn. Every run is seeded (initialisation,
 * data, shuffling), so a result never changes between runs; no test measures time.
 */
class TrainingTest {
  private static final double[][] XOR_INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  private static final int[] XOR_LABELS = {0, 1, 1, 0};
  private static final long IRIS_SPLIT_SEED = 1;

  @Test
  void xorWithOneSigmoidOutput() {
    TrainingNetworks_XorSigmoidModel model = new TrainingNetworks_XorSigmoidModel(1);
    TrainingNetworks_XorSigmoidTrainer trainer =
        new TrainingNetworks_XorSigmoidTrainer(model, Optimizer.adam(0.05));
    double[][] targets = {{0}, {1}, {1}, {0}};
    double first = trainer.trainBatch(XOR_INPUTS, targets);
    double loss = first;
    for (int step = 1; step < 1000; step++) {
      loss = trainer.trainBatch(XOR_INPUTS, targets);
    }
    assertTrue(loss < 0.05 && loss < first, "loss went from " + first + " to " + loss);
    for (int s = 0; s < XOR_INPUTS.length; s++) {
      assertEquals(XOR_LABELS[s], model.classify(XOR_INPUTS[s]), "XOR of sample " + s);
    }
  }

  @Test
  void xorWithSoftmaxAndLabels() {
    TrainingNetworks_XorSoftmaxModel model = new TrainingNetworks_XorSoftmaxModel(2);
    TrainingNetworks_XorSoftmaxTrainer trainer =
        new TrainingNetworks_XorSoftmaxTrainer(model, Optimizer.adam(0.05));
    double first = trainer.trainBatch(XOR_INPUTS, XOR_LABELS);
    double loss = first;
    for (int step = 1; step < 1000; step++) {
      loss = trainer.trainBatch(XOR_INPUTS, XOR_LABELS);
    }
    assertTrue(loss < 0.05 && loss < first, "loss went from " + first + " to " + loss);
    for (int s = 0; s < XOR_INPUTS.length; s++) {
      assertEquals(XOR_LABELS[s], model.classify(XOR_INPUTS[s]), "XOR of sample " + s);
    }
  }

  @Test
  void twoInterleavedSpirals() {
    int perClass = 150;
    double[][] x = new double[2 * perClass][];
    int[] labels = new int[2 * perClass];
    Random random = new Random(2024);
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < perClass; i++) {
        // One full turn each, radius growing to 3; the second arm is the first rotated by π.
        double t = 2 * Math.PI * i / perClass;
        double r = 3 * (0.1 + 0.9 * i / perClass);
        double angle = t + c * Math.PI;
        x[c * perClass + i] = new double[] {
            r * Math.cos(angle) + 0.03 * random.nextGaussian(),
            r * Math.sin(angle) + 0.03 * random.nextGaussian()};
        labels[c * perClass + i] = c;
      }
    }
    Dataset data = Dataset.ofLabels(x, labels, 2);
    TrainingNetworks_SpiralsModel model = new TrainingNetworks_SpiralsModel(3);
    TrainingNetworks_SpiralsTrainer trainer =
        new TrainingNetworks_SpiralsTrainer(model, Optimizer.adam(0.01));

    History history = trainer.fit(data, FitOptions.epochs(200).batchSize(16).shuffleSeed(5));

    double accuracy = Metrics.accuracy(model, data);
    assertTrue(accuracy >= 0.95, "training accuracy " + accuracy + ", last epoch " + history.last());
    assertEquals(200, history.epochs().size());
    assertTrue(history.last().trainLoss() < history.epochs().get(0).trainLoss(),
        "loss did not decrease: " + history.epochs().get(0) + " → " + history.last());
  }

  @Test
  void sineRegression() {
    int n = 200;
    double[][] x = new double[n][1];
    double[][] y = new double[n][1];
    for (int i = 0; i < n; i++) {
      x[i][0] = -Math.PI + 2 * Math.PI * i / (n - 1);
      y[i][0] = Math.sin(x[i][0]);
    }
    TrainingNetworks_SineModel model = new TrainingNetworks_SineModel(4);
    TrainingNetworks_SineTrainer trainer =
        new TrainingNetworks_SineTrainer(model, Optimizer.adam(0.01));
    for (int step = 0; step < 3000; step++) {
      trainer.trainBatch(x, y);
    }

    // The reported loss is (1/2m)Σ(a−y)²; the plain mean squared error is measured here, on points
    // between the training points.
    double[] out = new double[1];
    double sumSquares = 0;
    int m = 0;
    for (double v = -Math.PI + 0.01; v < Math.PI; v += 0.0625, m++) {
      model.predict(new double[] {v}, out);
      double d = out[0] - Math.sin(v);
      sumSquares += d * d;
    }
    double mse = sumSquares / m;
    assertTrue(mse <= 1e-3, "mean squared error " + mse + " over " + m + " points");
  }

  /**
   * 4-16-3 tanh softmax on a stratified 70/30 split (35 + 15 rows per species), standardised with
   * the training rows' statistics. 93% of 45 held-out rows allows 3 mistakes; typical runs make 0–2.
   * The split is done here, with {@link java.util.Random}, so it does not move when the runtime's
   * shuffling changes.
   */
  @Test
  void irisHeldOutAccuracy() throws IOException {
    Optional<Path> csv = findUpwards(Paths.get("shared", "data", "iris.csv"));
    SharedDataRule.require(csv.isPresent(), "iris.csv");
    LabeledData read = CsvReader.withHeader().labelColumn("species").read(csv.get());
    assertEquals(List.of("setosa", "versicolor", "virginica"), read.classNames());
    Iris iris = new Iris(read.floatFeatures(), read.labels());
    assertEquals(150, iris.labels.length);

    List<Integer> trainRows = new ArrayList<>();
    List<Integer> testRows = new ArrayList<>();
    Random random = new Random(IRIS_SPLIT_SEED);
    for (int species = 0; species < 3; species++) {
      List<Integer> rows = new ArrayList<>();
      for (int r = 0; r < iris.labels.length; r++) {
        if (iris.labels[r] == species) {
          rows.add(r);
        }
      }
      Collections.shuffle(rows, random);
      int train = (int) Math.round(0.7 * rows.size());
      trainRows.addAll(rows.subList(0, train));
      testRows.addAll(rows.subList(train, rows.size()));
    }
    Standardizer standardizer = Standardizer.fit(iris.select(trainRows));
    Dataset train = standardizer.apply(iris.select(trainRows));
    Dataset test = standardizer.apply(iris.select(testRows));
    assertEquals(105, train.size());
    assertEquals(45, test.size());

    TrainingNetworks_IrisModel model = new TrainingNetworks_IrisModel(5);
    TrainingNetworks_IrisTrainer trainer =
        new TrainingNetworks_IrisTrainer(model, Optimizer.adam(0.01));
    History history = trainer.fit(train, FitOptions.epochs(150).batchSize(16).shuffleSeed(7));

    double accuracy = Metrics.accuracy(model, test);
    assertTrue(accuracy >= 0.93, "held-out accuracy " + accuracy + ", last epoch " + history.last());
  }

  /** {@code relative} under the working directory or under one of its parents. */
  private static Optional<Path> findUpwards(Path relative) {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The iris table: 4 measurements and a species index per row. */
  private static final class Iris {
    final float[][] features;
    final int[] labels;

    Iris(float[][] features, int[] labels) {
      this.features = features;
      this.labels = labels;
    }

    Dataset select(List<Integer> rows) {
      float[][] x = new float[rows.size()][];
      int[] y = new int[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        x[i] = features[rows.get(i)].clone();
        y[i] = labels[rows.get(i)];
      }
      return Dataset.ofLabels(x, y, 3);
    }
  }
}
