package dev.unrolled.files;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated models saved to and loaded from model files. */
class ModelFilesTest {
  @TempDir Path dir;

  /** Takes a few Adam steps on seeded random rows, so the parameters are no longer the initial ones. */
  private static void train(Trainer trainer, long seed) {
    Model model = trainer.model();
    Random random = new Random(seed);
    double[][] inputs = new double[16][model.inputSize()];
    double[][] targets = new double[16][model.outputSize()];
    for (int s = 0; s < inputs.length; s++) {
      for (int i = 0; i < inputs[s].length; i++) {
        inputs[s][i] = random.nextGaussian();
      }
      if (model.outputSize() == 1) {
        targets[s][0] = random.nextInt(2);
      } else {
        targets[s][random.nextInt(model.outputSize())] = 1; // one-hot
      }
    }
    for (int step = 0; step < 5; step++) {
      trainer.trainBatch(inputs, targets);
    }
  }

  private static long[] bits(double[] values) {
    return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
  }

  private static double[] randomRow(Random random, int width) {
    double[] row = new double[width];
    for (int i = 0; i < width; i++) {
      row[i] = 2 * random.nextGaussian();
    }
    return row;
  }

  /** Saves {@code trained}, loads it into {@code fresh}, and checks parameters and predictions. */
  private void assertRoundTrip(Model trained, Model fresh) throws IOException {
    Path file = dir.resolve("model.unrl");
    assertThat(bits(fresh.parameters())).isNotEqualTo(bits(trained.parameters()));

    trained.save(file);
    fresh.load(file);

    assertThat(bits(fresh.parameters())).isEqualTo(bits(trained.parameters()));
    Random random = new Random(11);
    for (int s = 0; s < 50; s++) {
      double[] input = randomRow(random, trained.inputSize());
      double[] expected = new double[trained.outputSize()];
      double[] actual = new double[trained.outputSize()];
      trained.predict(input, expected);
      fresh.predict(input, actual);
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void aFloatModelRoundTripsBitForBitAndPredictsTheSame() throws IOException {
    FileNetworks_FloatIrisModel trained = new FileNetworks_FloatIrisModel(1);
    FileNetworks_FloatIrisModel fresh = new FileNetworks_FloatIrisModel(2);
    train(new FileNetworks_FloatIrisTrainer(trained, Optimizer.adam(0.01)), 3);

    assertRoundTrip(trained, fresh);

    float[] input = {0.5f, -1.25f, 2f, 0.125f};
    float[] expected = new float[3];
    float[] actual = new float[3];
    trained.predict(input, expected);
    fresh.predict(input, actual);
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void aDoubleModelRoundTripsBitForBitAndPredictsTheSame() throws IOException {
    FileNetworks_DoubleRegressorModel trained = new FileNetworks_DoubleRegressorModel(1);
    train(new FileNetworks_DoubleRegressorTrainer(trained, Optimizer.adam(0.01)), 4);

    assertRoundTrip(trained, new FileNetworks_DoubleRegressorModel(2));
  }

  @Test
  void aLoopedFloatModelRoundTripsBitForBit() throws IOException {
    FileNetworks_WideFloatModel trained = new FileNetworks_WideFloatModel(1);
    train(new FileNetworks_WideFloatTrainer(trained, Optimizer.adam(0.01)), 5);

    assertThat(trained.summary()).contains("looped");
    assertRoundTrip(trained, new FileNetworks_WideFloatModel(2));
  }

  @Test
  void aLoopedDoubleModelRoundTripsBitForBit() throws IOException {
    FileNetworks_WideDoubleModel trained = new FileNetworks_WideDoubleModel(1);
    train(new FileNetworks_WideDoubleTrainer(trained, Optimizer.adam(0.01)), 6);

    assertThat(trained.summary()).contains("looped");
    assertRoundTrip(trained, new FileNetworks_WideDoubleModel(2));
  }

  @Test
  void aFileOfAnotherArchitectureIsRejectedNamingBoth() throws IOException {
    Path file = dir.resolve("iris.unrl");
    new FileNetworks_FloatIrisModel(1).save(file);
    FileNetworks_NarrowIrisModel narrow = new FileNetworks_NarrowIrisModel(2);
    double[] before = narrow.parameters();

    ModelFileException e = assertThrows(ModelFileException.class, () -> narrow.load(file));

    assertThat(e).hasMessageThat().contains(file.toString());
    assertThat(e).hasMessageThat().contains("holds a model of architecture "
        + "4 → 16 TANH → 3 IDENTITY, SOFTMAX_CROSS_ENTROPY, FLOAT, but the model to load into is "
        + "4 → 8 TANH → 3 IDENTITY, SOFTMAX_CROSS_ENTROPY, FLOAT");
    assertThat(bits(narrow.parameters())).isEqualTo(bits(before));
  }

  @Test
  void theSameShapeInAnotherPrecisionIsAnotherArchitecture() throws IOException {
    Path file = dir.resolve("iris.unrl");
    new FileNetworks_FloatIrisModel(1).save(file);
    FileNetworks_DoubleIrisModel twin = new FileNetworks_DoubleIrisModel(2);

    ModelFileException e = assertThrows(ModelFileException.class, () -> twin.load(file));

    assertThat(twin.parameterCount()).isEqualTo(FileNetworks_FloatIrisModel.PARAMETERS);
    assertThat(e).hasMessageThat().contains("SOFTMAX_CROSS_ENTROPY, FLOAT, but the model to load into is "
        + "4 → 16 TANH → 3 IDENTITY, SOFTMAX_CROSS_ENTROPY, DOUBLE");
  }

  @Test
  void readArchitectureGivesTheGeneratedArchitecture() throws IOException {
    Path file = dir.resolve("wide.unrl");
    new FileNetworks_WideDoubleModel(1).save(file);

    assertThat(ModelFile.readArchitecture(file)).isEqualTo(FileNetworks_WideDoubleModel.ARCHITECTURE);
  }

  @Test
  void theBestCheckpointOfAFitHoldsTheRestoredParameters() throws IOException {
    Random random = new Random(8);
    double[][] features = new double[120][];
    int[] labels = new int[120];
    for (int r = 0; r < features.length; r++) {
      labels[r] = r % 3;
      features[r] = randomRow(random, 4);
      features[r][labels[r]] += 3; // each class shifted along its own axis
    }
    Dataset.Split split = Dataset.ofLabels(features, labels, 3).split(0.75, 9);
    FileNetworks_FloatIrisModel model = new FileNetworks_FloatIrisModel(1);
    FileNetworks_FloatIrisModel fromFile = new FileNetworks_FloatIrisModel(2);
    Path file = dir.resolve("best.unrl");

    new FileNetworks_FloatIrisTrainer(model, Optimizer.adam(0.02)).fit(split.train(), FitOptions.epochs(30)
        .batchSize(16).validation(split.validation()).earlyStopping(3).checkpointBest(file));
    fromFile.load(file);

    assertThat(bits(fromFile.parameters())).isEqualTo(bits(model.parameters()));
  }
}
