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
import java.util.List;
import java.util.Locale;

/**
 * Fisher's iris, the classic back-propagation classifier: 4 measurements → 16 tanh → 3 species.
 * Reads a CSV with a header and a {@code species} column ({@code ../shared/data/iris.csv} by
 * default), splits it 80/20 keeping the class proportions, standardises on the training part.
 */
public final class Iris {

  /** 4 measurements → 16 tanh units → 3 logits; the processor writes {@code Iris_ClassifierModel}. */
  @Network(inputs = 4,
      layers = {@Dense(units = 16, activation = Activation.TANH), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY)
  public interface Classifier {}

  private Iris() {}

  /** What a run measured on the held-out part. */
  public record Result(History history, double testAccuracy, ConfusionMatrix confusion, List<String> classNames) {}

  /** Reads {@code csv}, trains on a stratified 80% and scores the other 20%. */
  public static Result run(Path csv, FitOptions options) throws IOException {
    LabeledData iris = CsvReader.withHeader().labelColumn("species").read(csv);
    Dataset.Split parts = iris.toDataset().stratifiedSplit(0.8, 42);
    Standardizer scale = Standardizer.fit(parts.train());
    Dataset train = scale.apply(parts.train());
    Dataset test = scale.apply(parts.validation());

    Iris_ClassifierModel model = new Iris_ClassifierModel(42);
    Iris_ClassifierTrainer trainer = new Iris_ClassifierTrainer(model, Optimizer.adam(0.01));
    History history = trainer.fit(train, options.validation(test));
    return new Result(history, Metrics.accuracy(model, test), Metrics.confusionMatrix(model, test),
        iris.classNames());
  }

  /** {@code [--quiet] [--out DIR] [iris.csv]}. */
  public static void main(String[] args) throws IOException {
    ExampleOptions cli = ExampleOptions.parse(args);
    Path csv = SharedData.require(cli.dataPath(SharedData.find("iris.csv")), "iris.csv",
        "a CSV with a header and a species column, e.g. from https://archive.ics.uci.edu/dataset/53/iris");
    cli.say("Iris: %s, 4-16-3 tanh, softmax cross-entropy, Adam, stratified 80/20 split", csv);
    long start = System.nanoTime();
    Result result = run(csv, cli.withProgress(FitOptions.epochs(200).batchSize(16).shuffleSeed(1), 20));
    System.out.printf(Locale.ROOT, "iris: test accuracy %.1f%% (%d flowers), %.1f s%n", 100 * result.testAccuracy(),
        result.confusion().total(), (System.nanoTime() - start) / 1e9);
    cli.print(result.confusion().format(result.classNames().toArray(new String[0])));
    cli.chart(result.history(), "Iris", "iris");
  }
}
