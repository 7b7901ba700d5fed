package dev.unrolled.fullbatch;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.Optimizer;
import dev.unrolled.testing.LogisticModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** L-BFGS on functions with known minima, then on a model's full-batch loss. */
class LbfgsTest {
  /** Rosenbrock's valley, f = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1). */
  private static final Objective ROSENBROCK = (x, g) -> {
    double a = 1 - x[0];
    double b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  };

  @Test
  void findsTheMinimumOfRosenbrocksValleyFromTheClassicStart() {
    Lbfgs.Result r = Lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, Lbfgs.options().tolerance(1e-10));

    assertThat(r.reason()).isAnyOf(Lbfgs.Stop.GRADIENT, Lbfgs.Stop.FUNCTION_VALUE);
    assertThat(r.x()[0]).isWithin(1e-6).of(1.0);
    assertThat(r.x()[1]).isWithin(1e-6).of(1.0);
    assertThat(r.value()).isLessThan(1e-12);
    assertThat(r.iterations()).isLessThan(60); // gradient descent needs thousands
  }

  @Test
  void solvesAQuadraticWithCurvaturesFrom1To100() {
    // f = ½ Σ λᵢ (xᵢ − cᵢ)² with λ from 1 to 10²: minimum 0 at c. (The same problem with λ up to
    // 10⁴ takes L-BFGS, here and in SciPy's L-BFGS-B alike, about 200 iterations.)
    int n = 10;
    double[] lambda = new double[n];
    double[] c = new double[n];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < n; i++) {
      lambda[i] = Math.pow(10, 2.0 * i / (n - 1));
      c[i] = random.nextDouble(-3, 3);
    }
    Objective quadratic = (x, g) -> {
      double f = 0;
      for (int i = 0; i < n; i++) {
        g[i] = lambda[i] * (x[i] - c[i]);
        f += 0.5 * lambda[i] * (x[i] - c[i]) * (x[i] - c[i]);
      }
      return f;
    };

    Lbfgs.Result r = Lbfgs.minimize(quadratic, new double[n], Lbfgs.options().tolerance(1e-15));

    assertThat(r.reason()).isAnyOf(Lbfgs.Stop.GRADIENT, Lbfgs.Stop.FUNCTION_VALUE);
    for (int i = 0; i < n; i++) {
      assertThat(r.x()[i]).isWithin(1e-7).of(c[i]);
    }
    assertThat(r.iterations()).isAtMost(60);
    assertThat(r.evaluations()).isAtLeast(r.iterations() + 1);
  }

  @Test
  void leavesTheStartingPointUntouchedAndStopsAfterMaxIterations() {
    double[] start = {-1.2, 1};

    Lbfgs.Result r = Lbfgs.minimize(ROSENBROCK, start, Lbfgs.options().maxIterations(3).tolerance(0));

    assertThat(start).isEqualTo(new double[] {-1.2, 1});
    assertThat(r.reason()).isEqualTo(Lbfgs.Stop.MAX_ITERATIONS);
    assertThat(r.iterations()).isEqualTo(3);
    assertThat(r.value()).isLessThan(ROSENBROCK.evaluate(start, new double[2]));
  }

  @Test
  void zeroIterationsOnlyEvaluatesTheStart() {
    Lbfgs.Result r = Lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, Lbfgs.options().maxIterations(0));

    assertThat(r.iterations()).isEqualTo(0);
    assertThat(r.evaluations()).isEqualTo(1);
    assertThat(r.value()).isWithin(1e-12).of(24.2);
  }

  @Test
  void stepsBackFromRegionsWhereTheFunctionIsUndefined() {
    // f = x − log(x) is NaN below 0; the first trial step (1/|g| · 9 = 10) jumps past the minimum at 1.
    Objective f = (x, g) -> {
      g[0] = 1 - 1 / x[0];
      return x[0] <= 0 ? Double.NaN : x[0] - Math.log(x[0]);
    };

    Lbfgs.Result r = Lbfgs.minimize(f, new double[] {0.1}, Lbfgs.options().tolerance(1e-10));

    assertThat(r.x()[0]).isWithin(1e-6).of(1.0);
  }

  @Test
  void fitsALogisticModelToTheSameMinimumAsManyGradientSteps() {
    Dataset data = separableWithNoise(200, 3);
    LogisticModel byLbfgs = new LogisticModel(3);
    LogisticModel bySteps = new LogisticModel(3);

    Lbfgs.Result r = Lbfgs.fit(byLbfgs, data, Lbfgs.options().tolerance(1e-12).maxIterations(200));
    GradientStep step = new GradientStep(bySteps, Optimizer.sgd(2.0));
    double[] g = new double[4];
    FullBatch loss = FullBatch.of(bySteps, data);
    for (int i = 0; i < 5000; i++) {
      loss.evaluate(bySteps.parameters(), g);
      step.apply(g);
    }

    assertThat(byLbfgs.parameters()).usingTolerance(1e-4).containsExactly(bySteps.parameters()).inOrder();
    assertThat(r.x()).isEqualTo(byLbfgs.parameters());
    assertThat(r.iterations()).isLessThan(100);
  }

  @Test
  void rejectsAStartWhereTheObjectiveIsNotFinite() {
    Objective nan = (x, g) -> Double.NaN;

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Lbfgs.minimize(nan, new double[] {1}, Lbfgs.options()));

    assertThat(e).hasMessageThat().contains("NaN at the starting point");
  }

  @Test
  void rejectsSettingsOutsideTheirRange() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> Lbfgs.options().memory(0)))
        .hasMessageThat().contains("memory is 0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Lbfgs.options().maxIterations(-1)))
        .hasMessageThat().contains("maxIterations is -1");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Lbfgs.options().tolerance(-1e-3)))
        .hasMessageThat().contains("tolerance is -0.001");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Lbfgs.minimize(ROSENBROCK, new double[0], Lbfgs.options())))
        .hasMessageThat().contains("no coordinates");
  }

  /** Two Gaussian classes that overlap, so the logistic loss has a finite minimum. */
  static Dataset separableWithNoise(int n, int features) {
    SplittableRandom random = new SplittableRandom(11);
    double[][] x = new double[n][features];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      for (int k = 0; k < features; k++) {
        x[i][k] = random.nextDouble(-1, 1) + (labels[i] == 1 ? 0.5 : -0.5) * (k + 1) / features;
      }
    }
    return Dataset.ofLabels(x, labels, 2);
  }
}
