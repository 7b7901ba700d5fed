package dev.unrolled.examples;

import dev.unrolled.Activation;
import dev.unrolled.Dataset;
import dev.unrolled.Dense;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Optimizer;
import dev.unrolled.Precision;
import java.util.Locale;

/** Regression: fit {@code sin(x)} on [−π, π] with mean squared error. */
public final class Sine {

  /** 1 → 16 tanh → 16 tanh → 1, in double precision. */
  @Network(inputs = 1,
      layers = {@Dense(units = 16, activation = Activation.TANH),
                @Dense(units = 16, activation = Activation.TANH),
                @Dense(units = 1)},
      loss = Loss.MEAN_SQUARED_ERROR,
      precision = Precision.DOUBLE)
  public interface Regressor {}

  private Sine() {}

  /** {@code n} evenly spaced points of sin on [−π, π]. */
  public static Dataset data(int n) {
    double[][] x = new double[n][1];
    double[][] y = new double[n][1];
    for (int k = 0; k < n; k++) {
      x[k][0] = -Math.PI + 2 * Math.PI * k / (n - 1);
      y[k][0] = Math.sin(x[k][0]);
    }
    return Dataset.ofTargets(x, y);
  }

  /** Plain mean squared error {@code (1/n) Σ (f(x) − sin x)²} of a model over {@code data}. */
  public static double meanSquaredError(Sine_RegressorModel model, int n) {
    double[] out = new double[1];
    double sum = 0;
    Dataset points = data(n);
    double[] x = new double[1];
    double[] y = new double[1];
    for (int k = 0; k < n; k++) {
      points.features(k, x);
      points.targets(k, y);
      model.predict(x, out);
      sum += (out[0] - y[0]) * (out[0] - y[0]);
    }
    return sum / n;
  }

  /** What a run measured. */
  public record Result(History history, double meanSquaredError) {}

  /** Trains the regressor on 256 points; returns its history and its error on a finer grid. */
  public static Result fit(FitOptions options) {
    Sine_RegressorModel model = new Sine_RegressorModel(3);
    Sine_RegressorTrainer trainer = new Sine_RegressorTrainer(model, Optimizer.adam(0.01));
    History history = trainer.fit(data(256), options);
    return new Result(history, meanSquaredError(model, 1000));
  }

  /** Trains the regressor and returns its mean squared error on a finer grid. */
  public static double train(FitOptions options) {
    return fit(options).meanSquaredError();
  }

  /** {@code [--quiet] [--out DIR]}: trains, prints progress and the error, draws the learning curve. */
  public static void main(String[] args) {
    ExampleOptions cli = ExampleOptions.parse(args).withoutData("Sine");
    cli.say("sin(x) on [-pi, pi], 256 points, 1-16-16-1 tanh, mean squared error, Adam");
    cli.print(new Sine_RegressorModel(3).summary());
    long start = System.nanoTime();
    Result result = fit(cli.withProgress(FitOptions.epochs(400).batchSize(16).shuffleSeed(1), 50));
    System.out.printf(Locale.ROOT, "sine: mean squared error on 1,000 points %.2e, %.1f s%n",
        result.meanSquaredError(), (System.nanoTime() - start) / 1e9);
    cli.chart(result.history(), "sin(x)", "sine");
  }
}
