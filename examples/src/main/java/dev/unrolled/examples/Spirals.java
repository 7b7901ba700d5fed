package dev.unrolled.examples;

import dev.unrolled.Activation;
import dev.unrolled.Dataset;
import dev.unrolled.Dense;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Optimizer;
import dev.unrolled.metrics.Metrics;
import java.util.Locale;
import java.util.SplittableRandom;

/** Two interleaved spirals, the classic test of a network's capacity to bend a decision boundary. */
public final class Spirals {

  /** 2 coordinates → two tanh layers → 2 logits; the processor writes {@code Spirals_ClassifierModel}. */
  @Network(inputs = 2,
      layers = {@Dense(units = 32, activation = Activation.TANH),
                @Dense(units = 32, activation = Activation.TANH),
                @Dense(units = 2)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY)
  public interface Classifier {}

  private Spirals() {}

  /**
   * {@code pointsPerArm} points on each of two spirals, 1.5 turns each with the radius growing to
   * 3, the second arm the first rotated by half a turn, with a little seeded noise.
   */
  public static Dataset data(int pointsPerArm, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 2 * pointsPerArm;
    double[][] x = new double[n][];
    int[] labels = new int[n];
    for (int k = 0; k < pointsPerArm; k++) {
      double t = 3 * Math.PI * k / pointsPerArm;
      double r = 3 * (0.1 + 0.9 * k / pointsPerArm);
      for (int arm = 0; arm < 2; arm++) {
        double angle = t + arm * Math.PI;
        int row = 2 * k + arm;
        x[row] = new double[] {
            r * Math.cos(angle) + 0.02 * random.nextGaussian(),
            r * Math.sin(angle) + 0.02 * random.nextGaussian()};
        labels[row] = arm;
      }
    }
    return Dataset.ofLabels(x, labels, 2);
  }

  /** What a run measured. */
  public record Result(History history, double accuracy) {}

  /** Trains the classifier on 400 points; returns its history and training accuracy. */
  public static Result fit(FitOptions options) {
    Dataset data = data(200, 7);
    Spirals_ClassifierModel model = new Spirals_ClassifierModel(42);
    Spirals_ClassifierTrainer trainer = new Spirals_ClassifierTrainer(model, Optimizer.adam(0.01));
    History history = trainer.fit(data, options);
    return new Result(history, Metrics.accuracy(model, data));
  }

  /** Trains the classifier and returns its training accuracy. */
  public static double train(FitOptions options) {
    return fit(options).accuracy();
  }

  /** {@code [--quiet] [--out DIR]}: trains, prints progress and accuracy, draws the learning curves. */
  public static void main(String[] args) {
    ExampleOptions cli = ExampleOptions.parse(args).withoutData("Spirals");
    cli.say("Two interleaved spirals, 400 points, 2-32-32-2 tanh, softmax cross-entropy, Adam, batches of 32");
    if (!cli.quiet()) {
      System.out.print(new Spirals_ClassifierModel(42).summary());
    }
    long start = System.nanoTime();
    Result result = fit(cli.withProgress(FitOptions.epochs(400).batchSize(32).shuffleSeed(1), 50));
    System.out.printf(Locale.ROOT, "spirals: %d epochs, final loss %.4f, training accuracy %.1f%%, %.1f s%n",
        result.history().epochs().size(), result.history().last().trainLoss(), 100 * result.accuracy(),
        (System.nanoTime() - start) / 1e9);
    cli.chart(result.history(), "Two spirals", "spirals");
  }
}
