package dev.unrolled.resume;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.LearningRateSchedule;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import dev.unrolled.Trainer;
import dev.unrolled.io.IdxReader;
import dev.unrolled.train.EpochStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * The fits that are interrupted and resumed: each builds its data, a fresh model with a fixed seed
 * and its trainer the same way every time, in this JVM or in a child ({@link KilledFitChild}).
 */
public enum ResumeRuns {
  /** SGD with momentum on a small unrolled network, with validation and early stopping. */
  SMALL_MOMENTUM {
    @Override
    Data data() {
      return new Data(blobs(600, 4, 3, 1), blobs(150, 4, 3, 2));
    }

    @Override
    Fitting start(Data data) {
      Model model = new ResumeNetworks_SmallModel(7);
      return new Fitting(model, new ResumeNetworks_SmallTrainer((ResumeNetworks_SmallModel) model,
          Optimizer.momentum(0.05, 0.9)), FitOptions.epochs(12).batchSize(16).shuffleSeed(11)
          .validation(data.validation()).earlyStopping(3).minDelta(1e-4));
    }
  },

  /** Adam with a cosine schedule on an MNIST-sized network and 3,000 MNIST images. */
  MNIST_ADAM {
    @Override
    Data data() {
      return new Data(mnist(3000), null);
    }

    @Override
    Fitting start(Data data) {
      ResumeNetworks_MnistSizedModel model = new ResumeNetworks_MnistSizedModel(3);
      Optimizer adam = Optimizer.adam(1e-3).withSchedule(LearningRateSchedule.cosine(282, 0.05));
      return new Fitting(model, new ResumeNetworks_MnistSizedTrainer(model, adam),
          FitOptions.epochs(3).batchSize(32).shuffleSeed(5));
    }
  },

  /**
   * A data-parallel trainer (two shards on two threads) of a network with batch and layer
   * normalisation and dropout, Adam with warm-up then step decay.
   */
  PARALLEL_NORMALISED {
    @Override
    Data data() {
      return new Data(blobs(600, 12, 3, 3), blobs(120, 12, 3, 4));
    }

    @Override
    Fitting start(Data data) {
      ResumeNetworks_NormalisedModel model = new ResumeNetworks_NormalisedModel(21);
      Optimizer adam = Optimizer.adam(3e-3)
          .withSchedule(LearningRateSchedule.linearWarmup(20, LearningRateSchedule.stepDecay(50, 0.5)));
      ResumeNetworks_NormalisedTrainer trainer =
          new ResumeNetworks_NormalisedTrainer(model, adam, Parallelism.shards(2).threads(2));
      trainer.dropoutSeed(99);
      return new Fitting(model, trainer, FitOptions.epochs(6).batchSize(30).shuffleSeed(17)
          .validation(data.validation()));
    }
  };

  /** The MNIST files in the shared data, from the project or from a module's directory. */
  static final Path MNIST = Files.isDirectory(Path.of("..", "shared", "data", "mnist"))
      ? Path.of("..", "shared", "data", "mnist") : Path.of("..", "..", "shared", "data", "mnist");

  /** Training and validation data (null when none). */
  record Data(Dataset train, Dataset validation) {}

  /** A fresh model, its trainer and the fit's options, before any checkpoint option. */
  record Fitting(Model model, Trainer trainer, FitOptions options) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      if (trainer instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  /** What a fit ended with: every parameter and running estimate, and each epoch's training loss. */
  record Outcome(double[] parameters, double[] runningEstimates, double[] trainLosses, boolean stoppedEarly) {
    static Outcome of(Model model, History history) {
      double[] estimates = new double[model.runningEstimateCount()];
      model.getRunningEstimates(estimates);
      return new Outcome(model.parameters(), estimates,
          history.epochs().stream().mapToDouble(EpochStats::trainLoss).toArray(), history.stoppedEarly());
    }

    /** Equal bits, not merely close values. */
    boolean sameBits(Outcome other) {
      return Arrays.equals(parameters, other.parameters) && Arrays.equals(runningEstimates, other.runningEstimates)
          && Arrays.equals(trainLosses, other.trainLosses) && stoppedEarly == other.stoppedEarly;
    }

    @Override
    public String toString() {
      return "Outcome[" + parameters.length + " parameters, first " + parameters[0] + ", losses "
          + Arrays.toString(trainLosses) + ", stoppedEarly " + stoppedEarly + "]";
    }
  }

  abstract Data data();

  abstract Fitting start(Data data);

  /** Whether the run needs the shared MNIST files. */
  boolean needsMnist() {
    return this == MNIST_ADAM;
  }

  /** Fits a fresh model with {@code extra} applied to the options, and returns what it ended with. */
  Outcome fit(Data data, java.util.function.UnaryOperator<FitOptions> extra) throws Exception {
    try (Fitting fitting = start(data)) {
      History history = fitting.trainer().fit(data.train(), extra.apply(fitting.options()));
      return Outcome.of(fitting.model(), history);
    }
  }

  /** Gaussian blobs: {@code classes} centres in {@code width} dimensions, rows labelled by centre. */
  static Dataset blobs(int rows, int width, int classes, long seed) {
    Random centres = new Random(1000 + width * 31L + classes);
    double[][] centre = new double[classes][width];
    for (double[] c : centre) {
      for (int j = 0; j < width; j++) {
        c[j] = centres.nextGaussian() * 1.5;
      }
    }
    Random random = new Random(seed);
    double[][] features = new double[rows][width];
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = random.nextInt(classes);
      for (int j = 0; j < width; j++) {
        features[i][j] = centre[labels[i]][j] + random.nextGaussian();
      }
    }
    return Dataset.ofLabels(features, labels, classes);
  }

  /** The first {@code rows} MNIST test images, pixels scaled to [0, 1]. */
  static Dataset mnist(int rows) {
    try {
      Dataset all = IdxReader.readDataset(file("t10k-images-idx3-ubyte"), file("t10k-labels-idx1-ubyte"));
      int[] first = new int[rows];
      Arrays.setAll(first, i -> i);
      return all.subset(first);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path file(String name) {
    Path gz = MNIST.resolve(name + ".gz");
    return Files.exists(gz) ? gz : MNIST.resolve(name);
  }
}
