package dev.unrolled.fullbatch;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.Optimizer;
import dev.unrolled.testing.LogisticModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
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

  /** A listener that ends the run after iteration {@code after}, keeping that iteration's state. */
  private static final class StopAfter implements Consumer<Lbfgs.Iteration> {
    private final int after;
    Lbfgs.State state;

    StopAfter(int after) {
      this.after = after;
    }

    @Override
    public void accept(Lbfgs.Iteration it) {
      if (it.number() == after) {
        state = it.state();
        throw new IllegalStateException("stopped after iteration " + after);
      }
    }
  }

  /** A run stopped after iteration k and resumed from its state: the same result, bit for bit. */
  private static void resumesToTheSameBits(Objective f, double[] start, Lbfgs.Options options) {
    List<Integer> numbers = new ArrayList<>();
    Lbfgs.Result whole = Lbfgs.minimize(f, start, options, it -> numbers.add(it.number()));
    assertThat(numbers).isNotEmpty();
    assertThat(numbers.get(numbers.size() - 1)).isEqualTo(whole.iterations());
    for (int k = 1; k <= whole.iterations(); k++) {
      StopAfter stop = new StopAfter(k);
      assertThrows(IllegalStateException.class, () -> Lbfgs.minimize(f, start, options, stop));
      assertThat(stop.state.iterations()).isEqualTo(k);
      assertThat(stop.state.pairs()).isAtMost(options.memory());
      int[] evaluations = {0};
      Objective counted = (x, g) -> {
        evaluations[0]++;
        return f.evaluate(x, g);
      };

      Lbfgs.Result resumed = Lbfgs.resume(counted, stop.state, options, null);

      assertWithMessage("resumed after iteration %s", k).that(resumed.x()).isEqualTo(whole.x());
      assertThat(resumed.value()).isEqualTo(whole.value());
      assertThat(resumed.gradientNorm()).isEqualTo(whole.gradientNorm());
      assertThat(resumed.iterations()).isEqualTo(whole.iterations());
      assertThat(resumed.evaluations()).isEqualTo(whole.evaluations());
      assertThat(resumed.reason()).isEqualTo(whole.reason());
      assertThat(stop.state.evaluations() + evaluations[0]).isEqualTo(whole.evaluations());
    }
  }

  @Test
  void aRunStoppedAfterAnyIterationResumesToTheSameBits() {
    // Rosenbrock with memory 3: the ring of pairs wraps many times before the minimum.
    resumesToTheSameBits(ROSENBROCK, new double[] {-1.2, 1}, Lbfgs.options().memory(3).tolerance(1e-12));
    // A model's loss, 4 parameters, stopped by the iteration limit.
    Dataset data = separableWithNoise(200, 3);
    LogisticModel model = new LogisticModel(3);
    resumesToTheSameBits(FullBatch.of(model, data), model.parameters(), Lbfgs.options().maxIterations(25).tolerance(0));
  }

  @Test
  void aStateOfAFinishedRunResumesToItsResultWithoutEvaluating() {
    Lbfgs.State[] last = new Lbfgs.State[1];
    Lbfgs.Result whole = Lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, Lbfgs.options().maxIterations(7),
        it -> {
          if (it.stop() != null) {
            last[0] = it.state();
          }
        });
    assertThat(whole.reason()).isEqualTo(Lbfgs.Stop.MAX_ITERATIONS);
    Objective never = (x, g) -> {
      throw new AssertionError("evaluated");
    };

    Lbfgs.Result again = Lbfgs.resume(never, last[0], Lbfgs.options().maxIterations(7), null);

    assertThat(again.x()).isEqualTo(whole.x());
    assertThat(again.iterations()).isEqualTo(7);
    assertThat(again.evaluations()).isEqualTo(whole.evaluations());
    assertThat(again.reason()).isEqualTo(Lbfgs.Stop.MAX_ITERATIONS);
  }

  @Test
  void moreIterationsGoOnAsARunThatAskedForThemFromTheStart() {
    double[] start = {-1.2, 1};
    Lbfgs.State[] last = new Lbfgs.State[1];
    Lbfgs.minimize(ROSENBROCK, start, Lbfgs.options().maxIterations(5).tolerance(0), it -> last[0] = it.state());
    Lbfgs.Result longer = Lbfgs.minimize(ROSENBROCK, start, Lbfgs.options().maxIterations(12).tolerance(0));

    Lbfgs.Result resumed = Lbfgs.resume(ROSENBROCK, last[0], Lbfgs.options().maxIterations(12).tolerance(0), null);

    assertThat(resumed.x()).isEqualTo(longer.x());
    assertThat(resumed.evaluations()).isEqualTo(longer.evaluations());
  }

  @Test
  void aStateIsACopyAndListenersSeeEveryIteration() {
    List<Lbfgs.State> states = new ArrayList<>();
    Lbfgs.Result r = Lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, Lbfgs.options().memory(2).maxIterations(6)
        .tolerance(0), it -> states.add(it.state()));

    assertThat(states).hasSize(6);
    for (int k = 0; k < states.size(); k++) {
      assertThat(states.get(k).iterations()).isEqualTo(k + 1);
      assertThat(states.get(k).pairs()).isAtMost(2);
    }
    assertThat(states.get(5).x()).isEqualTo(r.x());
    assertThat(states.get(4).x()).isNotEqualTo(r.x()); // not the run's own arrays
    double[] x = {1, 2};
    Lbfgs.State state = new Lbfgs.State(0, 1, x, 3, new double[2], Double.NaN, new double[0][], new double[0][]);
    x[0] = 9;
    assertThat(state.x()).isEqualTo(new double[] {1, 2});
  }

  @Test
  void refusesStatesThatNoRunCouldHaveMade() {
    double[] two = {1, 2};
    double[][] none = new double[0][];
    double[][] pair = {{1, 0}};
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new Lbfgs.State(0, 1, two, 1, new double[3], Double.NaN, none, none)))
        .hasMessageThat().contains("a point of 2 coordinates and a gradient of 3");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new Lbfgs.State(3, 3, two, 1, two, 2, none, none)))
        .hasMessageThat().contains("3 iterations and 3 evaluations");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new Lbfgs.State(1, 2, two, Double.NaN, two, 2, none, none)))
        .hasMessageThat().contains("its value is NaN");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new Lbfgs.State(1, 2, two, 1, two, Double.NaN, none, none)))
        .hasMessageThat().contains("previous value is NaN after 1 iterations");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new Lbfgs.State(1, 2, two, 1, two, 2, pair, new double[][] {{-1, 0}})))
        .hasMessageThat().contains("pair 0 has curvature sᵀy = -1.0");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new Lbfgs.State(1, 2, two, 1, two, 2, pair, none)))
        .hasMessageThat().contains("1 s vectors and 0 y vectors");
    Lbfgs.State threePairs = new Lbfgs.State(3, 4, two, 1, two, 2, new double[][] {{1, 0}, {0, 1}, {1, 1}},
        new double[][] {{1, 0}, {0, 1}, {1, 1}});
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Lbfgs.resume(ROSENBROCK, threePairs, Lbfgs.options().memory(2), null)))
        .hasMessageThat().contains("holds 3 pairs but these options keep 2");
  }

  @Test
  void theThreeArgumentMinimizeIsTheListenedOne() {
    double[] start = {-1.2, 1};
    Lbfgs.Result plain = Lbfgs.minimize(ROSENBROCK, start, Lbfgs.options());
    Lbfgs.Result listened = Lbfgs.minimize(ROSENBROCK, start, Lbfgs.options(), it -> it.state());

    assertThat(listened.x()).isEqualTo(plain.x());
    assertThat(Arrays.equals(listened.x(), plain.x())).isTrue();
    assertThat(listened.evaluations()).isEqualTo(plain.evaluations());
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
