package dev.unrolled.examples;

import dev.unrolled.Activation;
import dev.unrolled.Dataset;
import dev.unrolled.Dense;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Network;
import dev.unrolled.Optimizer;
import dev.unrolled.Rbf;
import dev.unrolled.rbf.RbfCentres;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Regression of a 2-D surface, {@code f(u, v) = sin(πu)·cos(πv)} on [−1, 1]², with a
 * radial-basis-function network and a dense network of the same size: 20 hidden units and 81
 * parameters each. The RBF network is trained the classic two-stage way (k-means++ centres and
 * widths from their spacing, then gradient training of everything) and, for comparison, from its
 * seeded initialisation alone.
 */
public final class Surface {

  /** 2 → 20 Gaussian units → 1 linear output: 81 parameters. */
  @Network(inputs = 2, rbf = @Rbf(units = 20), layers = @Dense(units = 1),
      loss = Loss.MEAN_SQUARED_ERROR)
  public interface Radial {}

  /** 2 → 20 tanh → 1 linear output: also 81 parameters. */
  @Network(inputs = 2,
      layers = {@Dense(units = 20, activation = Activation.TANH), @Dense(units = 1)},
      loss = Loss.MEAN_SQUARED_ERROR)
  public interface Dense20 {}

  /** Grid points per side of the training data (a 21 × 21 grid: 441 points). */
  static final int TRAIN_SIDE = 21;
  /** Grid points per side of the test grid (101 × 101, mostly between the training points). */
  static final int TEST_SIDE = 101;
  private static final long SEED = 7;

  private Surface() {}

  /** The surface. */
  public static double f(double u, double v) {
    return Math.sin(Math.PI * u) * Math.cos(Math.PI * v);
  }

  /** The surface sampled on a {@code side × side} grid over [−1, 1]². */
  public static Dataset grid(int side) {
    double[][] x = new double[side * side][2];
    double[][] y = new double[side * side][1];
    int k = 0;
    for (int a = 0; a < side; a++) {
      for (int b = 0; b < side; b++) {
        double u = -1 + 2.0 * a / (side - 1);
        double v = -1 + 2.0 * b / (side - 1);
        x[k][0] = u;
        x[k][1] = v;
        y[k][0] = f(u, v);
        k++;
      }
    }
    return Dataset.ofTargets(x, y);
  }

  /** Plain mean squared error {@code (1/n) Σ (model(x) − f(x))²} over the test grid. */
  public static double testError(Model model) {
    Dataset test = grid(TEST_SIDE);
    double[] x = new double[2];
    double[] out = new double[1];
    double sum = 0;
    for (int k = 0; k < test.size(); k++) {
      test.features(k, x);
      model.predict(x, out);
      double e = out[0] - f(x[0], x[1]);
      sum += e * e;
    }
    return sum / test.size();
  }

  /**
   * One contender's outcome.
   *
   * @param name what was trained
   * @param initialError mean squared error on the test grid before gradient training (after k-means, for the two-stage run)
   * @param testError mean squared error on the test grid after training
   * @param seconds wall time of the initialisation plus training
   */
  public record Result(String name, double initialError, double testError, double seconds, History history) {}

  /** Trains the three contenders with the same optimizer, epochs, batches and shuffling. */
  public static List<Result> compare(FitOptions options) {
    Dataset train = grid(TRAIN_SIDE);
    List<Result> results = new ArrayList<>();

    long start = System.nanoTime();
    Surface_RadialModel twoStage = new Surface_RadialModel(SEED);
    RbfCentres.fromData(twoStage, train, SEED);
    double placed = testError(twoStage);
    History history = new Surface_RadialTrainer(twoStage, Optimizer.adam(0.01)).fit(train, options);
    results.add(new Result("RBF, k-means++ centres", placed, testError(twoStage), seconds(start), history));

    start = System.nanoTime();
    Surface_RadialModel seeded = new Surface_RadialModel(SEED);
    double initial = testError(seeded);
    history = new Surface_RadialTrainer(seeded, Optimizer.adam(0.01)).fit(train, options);
    results.add(new Result("RBF, seeded centres", initial, testError(seeded), seconds(start), history));

    start = System.nanoTime();
    Surface_Dense20Model dense = new Surface_Dense20Model(SEED);
    initial = testError(dense);
    history = new Surface_Dense20Trainer(dense, Optimizer.adam(0.01)).fit(train, options);
    results.add(new Result("dense, 20 tanh", initial, testError(dense), seconds(start), history));
    return results;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** {@code [--quiet] [--out DIR]}: trains the three networks and prints their errors and times. */
  public static void main(String[] args) {
    ExampleOptions cli = ExampleOptions.parse(args).withoutData("Surface");
    cli.say("f(u, v) = sin(pi u) cos(pi v) on [-1, 1]^2: %d training points on a grid, tested on %d; "
        + "Adam 0.01, 300 epochs of batches of 16", TRAIN_SIDE * TRAIN_SIDE, TEST_SIDE * TEST_SIDE);
    cli.print(new Surface_RadialModel(SEED).summary());
    cli.print(new Surface_Dense20Model(SEED).summary());
    // An untimed round first, so that no contender pays for the JIT compiling shared runtime code.
    compare(FitOptions.epochs(20).batchSize(16).shuffleSeed(1));
    List<Result> results = compare(FitOptions.epochs(300).batchSize(16).shuffleSeed(1));
    System.out.printf(Locale.ROOT, "%-24s %14s %14s %8s%n", "network (81 parameters)", "MSE at start",
        "MSE trained", "time");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "%-24s %14.2e %14.2e %7.2fs%n", r.name(), r.initialError(), r.testError(),
          r.seconds());
    }
    cli.chart(results.get(0).history(), "RBF network on sin(pi u) cos(pi v)", "surface");
  }
}
