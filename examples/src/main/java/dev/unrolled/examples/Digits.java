package dev.unrolled.examples;

import dev.unrolled.Activation;
import dev.unrolled.Dataset;
import dev.unrolled.Dense;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Optimizer;
import dev.unrolled.data.Standardizer;
import dev.unrolled.io.CsvReader;
import dev.unrolled.io.LabeledData;
import dev.unrolled.metrics.ConfusionMatrix;
import dev.unrolled.metrics.Metrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The UCI 8×8 handwritten digits (1,797 images, pixel counts 0–16): 64 → 64 ReLU → 10. Reads the
 * gzipped CSV scikit-learn ships ({@code ../shared/data/sklearn/digits.csv.gz} by default: no
 * header, the label in the last column).
 */
public final class Digits {

  /** 64 pixels → 64 ReLU units → 10 logits. */
  @Network(inputs = 64,
      layers = {@Dense(units = 64, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY)
  public interface Classifier {}

  private Digits() {}

  /** What a run measured on the held-out part. */
  public record Result(History history, double testAccuracy, ConfusionMatrix confusion) {}

  /** Reads {@code csv}, trains on a stratified 80% and scores the other 20%. */
  public static Result run(Path csv, FitOptions options) throws IOException {
    LabeledData digits = CsvReader.withoutHeader().read(csv);
    Dataset.Split parts = digits.toDataset().stratifiedSplit(0.8, 42);
    Standardizer scale = Standardizer.fit(parts.train());
    Dataset train = scale.apply(parts.train());
    Dataset test = scale.apply(parts.validation());

    Digits_ClassifierModel model = new Digits_ClassifierModel(42);
    Digits_ClassifierTrainer trainer = new Digits_ClassifierTrainer(model, Optimizer.adam(0.001));
    History history = trainer.fit(train, options.validation(test));
    return new Result(history, Metrics.accuracy(model, test), Metrics.confusionMatrix(model, test));
  }

  /** {@code [--quiet] [--out DIR] [digits.csv.gz]}. */
  public static void main(String[] args) throws IOException {
    ExampleOptions cli = ExampleOptions.parse(args);
    Path csv = SharedData.require(cli.dataPath(SharedData.find("sklearn/digits.csv.gz")), "digits.csv.gz",
        "scikit-learn's sklearn/datasets/data/digits.csv.gz, or the UCI optdigits data as CSV with the label last");
    cli.say("Digits: %s, 64-64-10 ReLU, softmax cross-entropy, Adam, stratified 80/20 split", csv);
    long start = System.nanoTime();
    Result result = run(csv, cli.withProgress(FitOptions.epochs(60).batchSize(32).shuffleSeed(1), 10));
    System.out.printf(Locale.ROOT, "digits: test accuracy %.1f%% (%d images), %.1f s%n", 100 * result.testAccuracy(),
        result.confusion().total(), (System.nanoTime() - start) / 1e9);
    cli.print(result.confusion().format("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    cli.chart(result.history(), "Digits", "digits");
  }
}
