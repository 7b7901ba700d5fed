package dev.unrolled.examples;

import dev.unrolled.Activation;
import dev.unrolled.Dataset;
import dev.unrolled.Dense;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Optimizer;
import dev.unrolled.io.IdxReader;
import dev.unrolled.metrics.ConfusionMatrix;
import dev.unrolled.metrics.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * MNIST: 60,000 training and 10,000 test images of 28×28 pixels, 784 → 128 ReLU → 10. Reads the
 * four standard IDX files, gzipped or not, from a directory ({@code ../shared/data/mnist} by
 * default; they are published at https://yann.lecun.com/exdb/mnist/ and mirrored by torchvision).
 * Pixels are scaled to [0, 1].
 */
public final class Mnist {

  /** 784 pixels → 128 ReLU units → 10 logits: every layer looped. */
  @Network(inputs = 784,
      layers = {@Dense(units = 128, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY)
  public interface Classifier {}

  private Mnist() {}

  /** What a run measured on the 10,000 test images. */
  public record Result(History history, double testAccuracy, ConfusionMatrix confusion) {}

  /** The training and test sets in {@code directory}, with or without {@code .gz}. */
  public static Dataset.Split read(Path directory) throws IOException {
    return read(directory, "MNIST", "https://yann.lecun.com/exdb/mnist/ or a mirror");
  }

  /**
   * The four files under MNIST's names in {@code directory}, which Fashion-MNIST shares; a missing
   * one is reported as missing from {@code dataset}, to be fetched from {@code source}.
   */
  static Dataset.Split read(Path directory, String dataset, String source) throws IOException {
    return new Dataset.Split(
        IdxReader.readDataset(file(directory, "train-images-idx3-ubyte", dataset, source),
            file(directory, "train-labels-idx1-ubyte", dataset, source)),
        IdxReader.readDataset(file(directory, "t10k-images-idx3-ubyte", dataset, source),
            file(directory, "t10k-labels-idx1-ubyte", dataset, source)));
  }

  private static Path file(Path directory, String name, String dataset, String source) throws IOException {
    Path gz = directory.resolve(name + ".gz");
    Path plain = directory.resolve(name);
    if (Files.exists(gz)) {
      return gz;
    }
    if (!Files.exists(plain)) {
      throw new NoSuchFileException(plain.toString(), null, dataset + " needs " + name + " or " + name
          + ".gz in " + directory.toAbsolutePath().normalize() + " (from " + source + ")");
    }
    return plain;
  }

  /** Trains on the 60,000 training images, validates on the test set after every epoch. */
  public static Result run(Dataset.Split data, FitOptions options) {
    Mnist_ClassifierModel model = new Mnist_ClassifierModel(42);
    Mnist_ClassifierTrainer trainer = new Mnist_ClassifierTrainer(model, Optimizer.adam(0.001));
    History history = trainer.fit(data.train(), options.validation(data.validation()));
    return new Result(history, Metrics.accuracy(model, data.validation()),
        Metrics.confusionMatrix(model, data.validation()));
  }

  /** {@code [--quiet] [--out DIR] [directory with the IDX files]}. */
  public static void main(String[] args) throws IOException {
    ExampleOptions cli = ExampleOptions.parse(args);
    Path directory = SharedData.require(cli.dataPath(SharedData.find("mnist")), "the MNIST directory",
        "a directory with train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
            + "t10k-labels-idx1-ubyte.gz from https://yann.lecun.com/exdb/mnist/ or a mirror");
    cli.say("MNIST: %s, 784-128-10 ReLU, softmax cross-entropy, Adam, batches of 32, 10 epochs", directory);
    long start = System.nanoTime();
    Dataset.Split data = read(directory);
    cli.say("read %,d training and %,d test images in %.1f s", data.train().size(), data.validation().size(),
        (System.nanoTime() - start) / 1e9);
    Result result = run(data, cli.withProgress(FitOptions.epochs(10).batchSize(32).shuffleSeed(1), 1));
    System.out.printf(Locale.ROOT, "mnist: test accuracy %.2f%% (%,d images), %.1f s%n", 100 * result.testAccuracy(),
        result.confusion().total(), (System.nanoTime() - start) / 1e9);
    cli.print(result.confusion().format("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    cli.chart(result.history(), "MNIST", "mnist");
  }
}
