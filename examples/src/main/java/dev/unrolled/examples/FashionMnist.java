package dev.unrolled.examples;

import dev.unrolled.Activation;
import dev.unrolled.Dataset;
import dev.unrolled.Dense;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.LearningRateSchedule;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Network;
import dev.unrolled.Norm;
import dev.unrolled.Optimizer;
import dev.unrolled.Trainer;
import dev.unrolled.metrics.ConfusionMatrix;
import dev.unrolled.metrics.Metrics;
import dev.unrolled.train.EpochStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Fashion-MNIST: 60,000 training and 10,000 test images of clothing, 28×28 pixels, 10 classes, in
 * MNIST's IDX format and file names ({@code ../shared/data/fashion-mnist} by default; published at
 * https://github.com/zalandoresearch/fashion-mnist). Pixels are scaled to [0, 1]. Two networks of
 * the same sizes, 784 → 256 ReLU → 128 ReLU → 10, get the same budget (epochs, batch size,
 * shuffle seed and optimizer, see {@link #optimizer}): a {@link Plain} one and one with batch
 * normalisation on both hidden layers ({@link Normalised}). Run from the repository root with
 * {@code mvn -B -q -Prun -Dexample=FashionMnist -DskipTests package -pl examples -am}, adding
 * {@code -Dargs="path/to/fashion-mnist"} when the data is elsewhere.
 */
public final class FashionMnist {

  /** The class names, in label order. */
  public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
      "Shirt", "Sneaker", "Bag", "Ankle boot");

  /** 784 pixels → 256 ReLU → 128 ReLU → 10 logits, nothing normalised or dropped. */
  @Network(inputs = 784,
      layers = {@Dense(units = 256, activation = Activation.RELU), @Dense(units = 128, activation = Activation.RELU),
          @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY)
  public interface Plain {}

  /**
   * The same sizes with batch normalisation on both hidden layers (no bias; a scale and a shift per
   * unit). No dropout: in this budget, dropout 0.1 or 0.2 on top of it lowered the mean test
   * accuracy of three seeded runs (docs/examples.md has the measurements).
   */
  @Network(inputs = 784,
      layers = {@Dense(units = 256, activation = Activation.RELU, norm = Norm.BATCH),
          @Dense(units = 128, activation = Activation.RELU, norm = Norm.BATCH), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY)
  public interface Normalised {}

  /** The budget of {@link #main}: 8 epochs of batches of 64, shuffle seed 1. */
  public static final FitOptions BUDGET = FitOptions.epochs(8).batchSize(64).shuffleSeed(1);

  private static final double LEARNING_RATE = 0.003;

  private FashionMnist() {}

  /**
   * What a run measured on the 10,000 test images, and the budget it had: the fit options and the
   * optimizer it was given.
   */
  public record Result(History history, double testAccuracy, ConfusionMatrix confusion, FitOptions options,
      Optimizer optimizer) {}

  /** The training and test sets in {@code directory}, with or without {@code .gz}. */
  public static Dataset.Split read(Path directory) throws IOException {
    return Mnist.read(directory, "Fashion-MNIST", "https://github.com/zalandoresearch/fashion-mnist");
  }

  /**
   * The optimizer both networks get: Adam at 0.003, its rate annealed along a cosine to 0 over the
   * steps {@code options} make on {@code trainSize} rows, so that a run of any length ends on small
   * steps.
   */
  public static Optimizer optimizer(FitOptions options, int trainSize) {
    long steps = (long) options.epochs() * ((trainSize + options.batchSize() - 1) / options.batchSize());
    return Optimizer.adam(LEARNING_RATE).withSchedule(LearningRateSchedule.cosine(steps, 0.0));
  }

  /** Trains {@link Plain} on {@code data.train()} with {@code options}; validates on the test set every epoch. */
  public static Result trainPlain(Dataset.Split data, FitOptions options) {
    Optimizer optimizer = optimizer(options, data.train().size());
    FashionMnist_PlainModel model = new FashionMnist_PlainModel(42);
    return train(model, new FashionMnist_PlainTrainer(model, optimizer), optimizer, data, options);
  }

  /** Trains {@link Normalised} as {@link #trainPlain} trains {@link Plain}. */
  public static Result trainNormalised(Dataset.Split data, FitOptions options) {
    Optimizer optimizer = optimizer(options, data.train().size());
    FashionMnist_NormalisedModel model = new FashionMnist_NormalisedModel(42);
    return train(model, new FashionMnist_NormalisedTrainer(model, optimizer), optimizer, data, options);
  }

  // The test accuracy comes from classify, so the normalised network is scored with its running estimates.
  private static Result train(Model model, Trainer trainer, Optimizer optimizer, Dataset.Split data,
      FitOptions options) {
    History history = trainer.fit(data.train(), options.validation(data.validation()));
    return new Result(history, Metrics.accuracy(model, data.validation()),
        Metrics.confusionMatrix(model, data.validation()), options, optimizer);
  }

  /** {@code [--quiet] [--out DIR] [directory with the IDX files]}. */
  public static void main(String[] args) throws IOException {
    ExampleOptions cli = ExampleOptions.parse(args);
    Path directory = SharedData.require(cli.dataPath(SharedData.find("fashion-mnist")), "the Fashion-MNIST directory",
        "a directory with train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
            + "t10k-labels-idx1-ubyte.gz from https://github.com/zalandoresearch/fashion-mnist");
    long start = System.nanoTime();
    Dataset.Split data = read(directory);
    cli.say("Fashion-MNIST: %s, %,d training and %,d test images read in %.1f s", directory, data.train().size(),
        data.validation().size(), (System.nanoTime() - start) / 1e9);
    cli.say("both 784-256-128-10 ReLU, softmax cross-entropy, %d epochs, batches of %d, %s", BUDGET.epochs(),
        BUDGET.batchSize(), optimizer(BUDGET, data.train().size()));
    FitOptions options = cli.withProgress(BUDGET, 1);
    cli.say("plain:");
    Result plain = trainPlain(data, options);
    cli.say("batch-normalised hidden layers:");
    Result normalised = trainNormalised(data, options);
    report("plain", plain);
    report("batch-normalised", normalised);
    cli.print(normalised.confusion().format(CLASSES.toArray(new String[0])));
    cli.chart(plain.history(), "Fashion-MNIST, plain", "fashion-mnist-plain");
    cli.chart(normalised.history(), "Fashion-MNIST, batch-normalised", "fashion-mnist-normalised");
  }

  private static void report(String name, Result result) {
    double seconds = 0;
    for (EpochStats epoch : result.history().epochs()) {
      seconds += epoch.seconds();
    }
    System.out.printf(Locale.ROOT, "fashion-mnist %s: test accuracy %.2f%% (%,d images), %d epochs in %.1f s%n",
        name, 100 * result.testAccuracy(), result.confusion().total(), result.history().epochs().size(), seconds);
  }
}
