package dev.unrolled.guards;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.unrolled.guards.BadDataSubjects.classes;
import static dev.unrolled.guards.BadDataSubjects.doubles;
import static dev.unrolled.guards.BadDataSubjects.identity;
import static dev.unrolled.guards.BadDataSubjects.labels;
import static dev.unrolled.guards.BadDataSubjects.rows;
import static dev.unrolled.guards.BadDataSubjects.with;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import dev.unrolled.files.ModelFileException;
import dev.unrolled.io.CsvReader;
import dev.unrolled.io.DataFileException;
import dev.unrolled.io.IdxReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad data at run time, one row per kind of bad input: each is refused with an exception of the
 * documented type whose message names the problem and where it is, and not one parameter or running
 * estimate of any model has changed. A batch larger than a trainer's capacity is not bad data: the
 * buffers grow, and the step is the one a trainer with room takes.
 */
class BadDataTest {
  private static final FitOptions ONE_EPOCH = FitOptions.epochs(1).batchSize(4).quiet();

  @TempDir Path dir;

  private interface Action {
    void run(BadDataSubjects s) throws Exception;
  }

  private record Row(String input, Class<? extends Exception> type, String message, Action action) {
    @Override
    public String toString() {
      return input;
    }
  }

  static List<Row> table() {
    return List.of(
        // Labels out of range
        new Row("a label beyond the classes of a Dataset", IllegalArgumentException.class,
            "label 3 at row 1 is outside [0, 3); labels are class indices 0..2", s ->
                Dataset.ofLabels(rows(4, 4), new int[] {0, 3, 1, 2}, 3)),
        new Row("a negative label in a Dataset", IllegalArgumentException.class,
            "label -1 at row 0 is outside [0, 3)", s -> Dataset.ofLabels(rows(4, 4), new int[] {-1, 0, 1, 2}, 3)),
        new Row("a label beyond the outputs in a batch", IllegalArgumentException.class,
            "labels[2] is 3 but must be in [0, 3) for a network with 3 outputs", s ->
                s.classifierTrainer.trainBatch(rows(4, 4), new int[] {0, 1, 3, 2})),
        new Row("label 2 for one sigmoid output", IllegalArgumentException.class,
            "labels[1] is 2 but must be in [0, 2) for a network with 1 output", s ->
                s.sigmoidTrainer.trainBatch(rows(3, 2), new int[] {0, 2, 1})),
        new Row("four classes for three outputs, fit", IllegalArgumentException.class,
            "the training data: the model has 3 outputs but the dataset has 4 classes; declare 4 output units", s ->
                s.classifierTrainer.fit(Dataset.ofLabels(rows(12, 4), labels(12, 4), 4), ONE_EPOCH)),
        new Row("four classes for three outputs, a batch of a Dataset", IllegalArgumentException.class,
            "the model has 3 outputs but the dataset has 4 classes", s ->
                s.classifierTrainer.trainBatch(Dataset.ofLabels(rows(12, 4), labels(12, 4), 4), identity(12), 0, 12)),
        // Rows of the wrong width
        new Row("an input row too wide", IllegalArgumentException.class,
            "inputs[1] has 5 values but the network needs 4", s -> {
              float[][] x = rows(3, 4);
              x[1] = new float[5];
              s.classifierTrainer.trainBatch(x, labels(3, 3));
            }),
        new Row("a target row too narrow", IllegalArgumentException.class,
            "targets[0] has 1 values but the network needs 2", s ->
                s.regressorTrainer.trainBatch(doubles(3, 3), doubles(3, 1))),
        new Row("a missing input row", IllegalArgumentException.class, "inputs[1] has no row but the network needs 4",
            s -> s.classifierTrainer.trainBatch(new float[][] {new float[4], null}, labels(2, 3))),
        new Row("fewer targets than inputs", IllegalArgumentException.class,
            "the batch has 3 input rows but 2 targets; pass one target per input row", s ->
                s.classifierTrainer.trainBatch(rows(3, 4), labels(2, 3))),
        new Row("ragged rows in a Dataset", IllegalArgumentException.class,
            "features row 1 has 3 columns but row 0 has 4; every row must have the same width", s ->
                Dataset.ofLabels(new float[][] {new float[4], new float[3]}, new int[] {0, 1}, 3)),
        new Row("five features for four inputs, fit", IllegalArgumentException.class,
            "the training data has 5 features but the model takes 4 inputs", s ->
                s.classifierTrainer.fit(Dataset.ofLabels(rows(12, 5), labels(12, 3), 3), ONE_EPOCH)),
        new Row("validation data of five features", IllegalArgumentException.class,
            "the validation data has 5 features but the model takes 4 inputs", s ->
                s.classifierTrainer.fit(classes(), ONE_EPOCH.validation(Dataset.ofLabels(rows(6, 5), labels(6, 3), 3)))),
        new Row("target rows of three for two outputs, fit", IllegalArgumentException.class,
            "the training data: the model has 2 outputs but the dataset's target rows have 3 values", s ->
                s.regressorTrainer.fit(Dataset.ofTargets(doubles(8, 3), doubles(8, 3)), ONE_EPOCH)),
        new Row("five features for four inputs, a batch of a Dataset", IllegalArgumentException.class,
            "the destination has 4 values but the dataset has 5 features", s ->
                s.classifierTrainer.trainBatch(Dataset.ofLabels(rows(12, 5), labels(12, 3), 3), identity(12), 0, 12)),
        new Row("a row index beyond a Dataset, in a batch", IllegalArgumentException.class,
            "row 12 is outside the dataset's 12 rows [0, 12)", s ->
                s.classifierTrainer.trainBatch(classes(), new int[] {0, 5, 12, 3}, 0, 4)),
        // Empty datasets
        new Row("a Dataset of no rows", IllegalArgumentException.class,
            "features have no rows; a Dataset needs at least one sample", s ->
                Dataset.ofLabels(new float[0][], new int[0], 3)),
        new Row("an empty batch", IllegalArgumentException.class, "the batch is empty: pass at least one input row",
            s -> s.classifierTrainer.trainBatch(new float[0][], new int[0])),
        new Row("an empty range of a Dataset", IllegalArgumentException.class,
            "batch range [5, 5) must be non-empty and inside the 12 row indices", s ->
                s.classifierTrainer.trainBatch(classes(), identity(12), 5, 5)),
        new Row("a subset of no rows", IllegalArgumentException.class, "subset needs at least one row index", s ->
            classes().subset(new int[0])),
        new Row("a split that leaves no validation rows", IllegalArgumentException.class,
            "split(0.99) of 12 rows leaves the validation part empty", s -> classes().split(0.99, 1)),
        new Row("a CSV file of a header only", DataFileException.class,
            "empty.csv has a header (line 1) but no data rows after it", s ->
                CsvReader.withHeader().read(new StringReader("a,b,c,d,species\n"), "empty.csv")),
        new Row("IDX files of no items", DataFileException.class, "hold no items; a Dataset needs at least one", s ->
            IdxReader.readDataset(Files.write(s.dir.resolve("images"), idx(0x0803, 0, 2, 2)),
                Files.write(s.dir.resolve("labels"), idx(0x0801, 0)))),
        // Non-finite features and targets
        new Row("a NaN feature in a Dataset", IllegalArgumentException.class,
            "features row 1, column 2 is NaN but every value must be finite", s ->
                Dataset.ofLabels(with(rows(4, 4), 1, 2, Float.NaN), labels(4, 3), 3)),
        new Row("an infinite target in a Dataset", IllegalArgumentException.class,
            "targets row 0, column 1 is Infinity but every value must be finite", s ->
                Dataset.ofTargets(doubles(4, 3), with(doubles(4, 2), 0, 1, Double.POSITIVE_INFINITY))),
        new Row("a feature beyond a FLOAT model's range, fit", IllegalArgumentException.class,
            "the training data: features row 3, column 0 is 1.0E39 but a FLOAT model needs values within the float "
                + "range", s ->
                s.classifierTrainer.fit(Dataset.ofLabels(with(doubles(12, 4), 3, 0, 1e39), labels(12, 3), 3), ONE_EPOCH)),
        new Row("a NaN input in a batch", IllegalArgumentException.class,
            "inputs[2][1] is NaN but a batch holds finite values only", s ->
                s.classifierTrainer.trainBatch(with(rows(4, 4), 2, 1, Float.NaN), labels(4, 3))),
        new Row("an infinite input in a batch, which tanh saturates", IllegalArgumentException.class,
            "inputs[2][1] is Infinity but a batch holds finite values only", s ->
                s.classifierTrainer.trainBatch(with(rows(4, 4), 2, 1, Float.POSITIVE_INFINITY), labels(4, 3))),
        new Row("a negative infinite input in a double batch", IllegalArgumentException.class,
            "inputs[0][0] is -Infinity but a batch holds finite values only", s ->
                s.regressorTrainer.trainBatch(with(doubles(4, 3), 0, 0, Double.NEGATIVE_INFINITY), doubles(4, 2))),
        new Row("a double input beyond a FLOAT model's range, in a batch", IllegalArgumentException.class,
            "inputs[1][2] is 1.0E39 but a FLOAT model needs values within the float range", s -> {
              double[][] y = new double[4][3];
              for (double[] row : y) {
                row[0] = 1;
              }
              s.classifierTrainer.trainBatch(with(doubles(4, 4), 1, 2, 1e39), y);
            }),
        new Row("a double target beyond a FLOAT model's range, in lossAndGradient", IllegalArgumentException.class,
            "targets[0][0] is -1.0E39 but a FLOAT model needs values within the float range", s ->
                s.classifier.lossAndGradient(doubles(4, 4), with(doubles(4, 3), 0, 0, -1e39),
                    new double[s.classifier.parameterCount()])),
        new Row("a NaN target in a batch", IllegalArgumentException.class,
            "targets[1][0] is NaN but a batch holds finite values only", s ->
                s.regressorTrainer.trainBatch(doubles(4, 3), with(doubles(4, 2), 1, 0, Double.NaN))),
        // Targets the loss cannot train on
        new Row("softmax target rows summing to 0.9, fit", IllegalArgumentException.class,
            "the training data: targets row 0 sums to 0.9 but SOFTMAX_CROSS_ENTROPY needs probability rows", s -> {
              float[][] y = new float[12][3];
              for (float[] row : y) {
                row[0] = 0.5f;
                row[1] = 0.4f;
              }
              s.classifierTrainer.fit(Dataset.ofTargets(rows(12, 4), y), ONE_EPOCH);
            }),
        new Row("a sigmoid target of 1.5, fit", IllegalArgumentException.class,
            "the training data: targets row 0, column 0 is 1.5 but SIGMOID_CROSS_ENTROPY needs targets in [0, 1]", s ->
                s.sigmoidTrainer.fit(Dataset.ofTargets(rows(6, 2), with(new float[6][1], 0, 0, 1.5f)), ONE_EPOCH)),
        // Batches too small for batch normalisation
        new Row("one row for a BATCH-normalised layer", IllegalArgumentException.class,
            "a training batch of 1 row(s) is too small: layer 1 normalises over the batch (norm = BATCH)", s ->
                s.batchNormTrainer.trainBatch(rows(1, 4), labels(1, 3))),
        new Row("a training set of one row for a BATCH-normalised layer, fit", IllegalArgumentException.class,
            "the training set has 1 rows, but this trainer needs batches of at least 2 rows", s ->
                s.batchNormTrainer.fit(Dataset.ofLabels(rows(1, 4), new int[] {0}, 3), ONE_EPOCH)),
        // Model files of another architecture
        new Row("a model file of a narrower network", ModelFileException.class,
            "holds a model of architecture 4 → 5 TANH → 3 IDENTITY, SOFTMAX_CROSS_ENTROPY, FLOAT, but the model to "
                + "load into is 4 → 8 TANH → 3 IDENTITY, SOFTMAX_CROSS_ENTROPY, FLOAT", s ->
                s.classifier.load(saved(new BadDataNetworks_NarrowClassifierModel(5), s.dir))),
        new Row("a model file of the same layers in double", ModelFileException.class,
            "holds a model of architecture 4 → 8 TANH → 3 IDENTITY, SOFTMAX_CROSS_ENTROPY, DOUBLE, but the model to "
                + "load into is 4 → 8 TANH → 3 IDENTITY, SOFTMAX_CROSS_ENTROPY, FLOAT", s ->
                s.classifier.load(saved(new BadDataNetworks_DoubleClassifierModel(5), s.dir))),
        new Row("a model file without the batch normalisation", ModelFileException.class,
            "but the model to load into is 4 → 8 RELU BATCH-norm → 3 IDENTITY", s ->
                s.batchNorm.load(saved(new BadDataNetworks_ClassifierModel(5), s.dir))),
        new Row("a truncated model file", ModelFileException.class, "is truncated: expected", s -> {
          Path file = saved(new BadDataNetworks_ClassifierModel(5), s.dir);
          Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 200));
          s.classifier.load(file);
        }),
        // Other checks the runtime makes
        new Row("early stopping without validation data", IllegalArgumentException.class,
            "earlyStopping(3) monitors the validation loss, but there is no validation data", s ->
                s.classifierTrainer.fit(classes(), ONE_EPOCH.earlyStopping(3))),
        new Row("parameters of the wrong length", IllegalArgumentException.class,
            "src has length 5 but the network needs 67", s -> s.classifier.setParameters(new double[5])),
        new Row("running estimates of the wrong length", IllegalArgumentException.class,
            "src has length 3 but the network needs 16", s -> s.batchNorm.setRunningEstimates(new double[3])),
        new Row("a subset index beyond the rows", IllegalArgumentException.class,
            "subset index 1 is row 12, outside [0, 12)", s -> classes().subset(new int[] {0, 12})));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void badDataIsRefusedNamingTheProblemBeforeAnyParameterChanges(Row row) {
    BadDataSubjects subjects = new BadDataSubjects(dir);
    List<Long> before = subjects.values();

    Exception thrown = null;
    try {
      row.action().run(subjects);
    } catch (Exception e) {
      thrown = e;
    }

    List<Long> after = subjects.values();
    long changed = Stream.iterate(0, i -> i + 1).limit(before.size()).filter(i -> !before.get(i).equals(after.get(i)))
        .count();
    assertWithMessage("%s: nothing thrown; %s of %s values changed", row, changed, before.size())
        .that(thrown).isNotNull();
    assertWithMessage("%s: %s", row, thrown).that(thrown).isInstanceOf(row.type());
    assertThat(thrown).hasMessageThat().contains(row.message());
    assertWithMessage("%s: values changed", row).that(after).isEqualTo(before);
  }

  @Test
  void theTableCoversEveryKindOfBadInputTheIssueNames() {
    List<String> inputs = table().stream().map(Row::input).toList();

    for (String kind : List.of("label", "row", "no rows", "NaN", "infinite", "model file")) {
      assertWithMessage(kind).that(inputs.stream().anyMatch(input -> input.contains(kind))).isTrue();
    }
    assertThat(inputs).containsNoDuplicates();
  }

  /**
   * Capacity is where the buffers start, not a limit: a batch larger than it grows them once, and the
   * step is bit for bit the one a trainer built with room for the batch takes, with shards or without.
   */
  @Test
  void aBatchLargerThanTheCapacityGrowsTheBuffersAndTakesTheSameStep() {
    for (Parallelism parallelism : List.of(Parallelism.none(), Parallelism.shards(3))) {
      BadDataNetworks_BatchNormModel small = new BadDataNetworks_BatchNormModel(9);
      BadDataNetworks_BatchNormModel roomy = new BadDataNetworks_BatchNormModel(9);
      try (BadDataNetworks_BatchNormTrainer tight = new BadDataNetworks_BatchNormTrainer(small, Optimizer.adam(0.01),
              3, parallelism);
          BadDataNetworks_BatchNormTrainer spacious = new BadDataNetworks_BatchNormTrainer(roomy,
              Optimizer.adam(0.01), 256, parallelism)) {
        for (int m : new int[] {40, 6, 200}) {
          assertThat(tight.trainBatch(rows(m, 4), labels(m, 3))).isEqualTo(spacious.trainBatch(rows(m, 4), labels(m, 3)));
        }
        tight.fit(classes(), FitOptions.epochs(2).batchSize(12).quiet());
        spacious.fit(classes(), FitOptions.epochs(2).batchSize(12).quiet());
      }
      assertWithMessage("%s", parallelism).that(values(small)).isEqualTo(values(roomy));
    }
  }

  private static List<Long> values(BadDataNetworks_BatchNormModel model) {
    double[] estimates = new double[model.runningEstimateCount()];
    model.getRunningEstimates(estimates);
    return Stream.of(model.parameters(), estimates).flatMapToDouble(Arrays::stream)
        .mapToObj(Double::doubleToRawLongBits).toList();
  }

  private static Path saved(Model model, Path dir) throws IOException {
    Path file = dir.resolve("other.unrl");
    model.save(file);
    return file;
  }

  private static byte[] idx(int magic, int... sizes) {
    ByteBuffer bytes = ByteBuffer.allocate(4 + 4 * sizes.length).putInt(magic);
    for (int size : sizes) {
      bytes.putInt(size);
    }
    return bytes.array();
  }
}
