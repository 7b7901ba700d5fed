package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each rule on one- or two-element rows, against values worked out by hand (or in a few lines of Python). */
class OptimizerTest {
  private static final double TOLERANCE = 1e-12;

  /** One parameter row and its gradient row, bound as a single decayed row. */
  private static final class Single {
    final double[][] params;
    final double[][] grads;
    final ParameterUpdater updater;

    Single(Optimizer optimizer, double... initial) {
      params = new double[][] {initial.clone()};
      grads = new double[][] {new double[initial.length]};
      updater = optimizer.bind(params, grads, new boolean[] {true});
    }

    double[] step(double... gradient) {
      System.arraycopy(gradient, 0, grads[0], 0, gradient.length);
      updater.step();
      return params[0].clone();
    }
  }

  @Test
  void sgdSubtractsLearningRateTimesGradient() {
    Single sgd = new Single(Optimizer.sgd(0.1), 1.0, -2.0);

    assertThat(sgd.step(0.5, 0.25)).usingTolerance(TOLERANCE).containsExactly(0.95, -2.025).inOrder();
    assertThat(sgd.updater.steps()).isEqualTo(1);
  }

  @Test
  void momentumAccumulatesVelocityStartingAtZero() {
    Single momentum = new Single(Optimizer.momentum(0.1, 0.9), 0.0);

    // v = 1, 1.9, 2.71; p = -0.1, -0.29, -0.561
    assertThat(momentum.step(1.0)[0]).isWithin(TOLERANCE).of(-0.1);
    assertThat(momentum.step(1.0)[0]).isWithin(TOLERANCE).of(-0.29);
    assertThat(momentum.step(1.0)[0]).isWithin(TOLERANCE).of(-0.561);
  }

  @Test
  void firstMomentumStepEqualsSgd() {
    Single momentum = new Single(Optimizer.momentum(0.05, 0.9), 3.0, 4.0);
    Single sgd = new Single(Optimizer.sgd(0.05), 3.0, 4.0);

    assertThat(momentum.step(0.7, -1.5)).usingTolerance(TOLERANCE)
        .containsExactly(sgd.step(0.7, -1.5)).inOrder();
  }

  @Test
  void nesterovLooksAheadAlongTheVelocity() {
    Single nesterov = new Single(Optimizer.nesterov(0.1, 0.9), 0.0);

    // v = 1: p -= 0.1·(1 + 0.9·1); v = 1.9: p -= 0.1·(1 + 0.9·1.9)
    assertThat(nesterov.step(1.0)[0]).isWithin(TOLERANCE).of(-0.19);
    assertThat(nesterov.step(1.0)[0]).isWithin(TOLERANCE).of(-0.461);
  }

  @Test
  void adamAppliesBiasCorrectionOverThreeSteps() {
    Single adam = new Single(Optimizer.adam(0.1), 0.0);

    // t=1: m = 0.1, v = 0.001, m̂ = 1, v̂ = 1, so p = -0.1/(1 + 1e-8).
    // t=2: m = -0.11, v = 0.004999, m̂ = -0.11/0.19, v̂ = 0.004999/0.001999; t=3 likewise.
    assertThat(adam.step(1.0)[0]).isWithin(TOLERANCE).of(-0.09999999900000002);
    assertThat(adam.step(-2.0)[0]).isWithin(TOLERANCE).of(-0.06338964652792518);
    assertThat(adam.step(0.5)[0]).isWithin(TOLERANCE).of(-0.04972058032617855);
  }

  @Test
  void adamAddsEpsilonAfterTheSquareRoot() {
    Single adam = new Single(Optimizer.adam(1.0, 0.9, 0.999, 0.5), 0.0);

    // m̂ = 1, v̂ = 1: p = -1/(√1 + 0.5); with ε inside the root it would be -1/√1.5.
    assertThat(adam.step(1.0)[0]).isWithin(TOLERANCE).of(-1.0 / 1.5);
  }

  @Test
  void rmsPropDividesByTheRootOfTheSquaredGradientAverage() {
    Single rms = new Single(Optimizer.rmsProp(0.01), 1.0);

    // v = 0.04, p = 1 - 0.01·2/(0.2 + 1e-8); v = 0.0796, p -= 0.02/(√0.0796 + 1e-8)
    assertThat(rms.step(2.0)[0]).isWithin(TOLERANCE).of(0.9000000049999998);
    assertThat(rms.step(2.0)[0]).isWithin(TOLERANCE).of(0.8291118870117289);
  }

  @Test
  void weightDecayAppliesToDecayedRowsOnly() {
    double[][] params = {{2.0}, {2.0}};
    double[][] grads = {{1.0}, {1.0}};
    ParameterUpdater sgd = Optimizer.sgd(0.1).withWeightDecay(0.5).bind(params, grads, new boolean[] {true, false});

    sgd.step();

    assertThat(params[0][0]).isWithin(TOLERANCE).of(2.0 - 0.1 * (1.0 + 0.5 * 2.0));
    assertThat(params[1][0]).isWithin(TOLERANCE).of(1.9);
  }

  @Test
  void adamWeightDecayIsCoupledToTheGradient() {
    double[][] params = {{2.0}, {2.0}};
    double[][] grads = {{1.0}, {1.0}};
    ParameterUpdater adam = Optimizer.adam(0.1).withWeightDecay(0.5).bind(params, grads, new boolean[] {true, false});

    adam.step();
    adam.step();

    assertThat(params[0][0]).isWithin(TOLERANCE).of(1.8000739958343985);
    assertThat(params[1][0]).isWithin(TOLERANCE).of(1.8000000020000007);
  }

  @Test
  void adamWShrinksDecayedRowsBeforeTheAdamStep() {
    double[][] params = {{2.0}, {2.0}};
    double[][] grads = {{1.0}, {1.0}};
    ParameterUpdater adamW = Optimizer.adamW(0.1, 0.5).bind(params, grads, new boolean[] {true, false});

    adamW.step();
    assertThat(params[0][0]).isWithin(TOLERANCE).of(1.800000001); // 2 - 0.1·0.5·2, then - 0.1/(1 + 1e-8)
    assertThat(params[1][0]).isWithin(TOLERANCE).of(1.900000001);

    adamW.step();
    assertThat(params[0][0]).isWithin(TOLERANCE).of(1.6100000019500005);
    assertThat(params[1][0]).isWithin(TOLERANCE).of(1.8000000020000007);
  }

  @Test
  void withWeightDecayReplacesAdamWsDecoupledDecay() {
    Optimizer adamW = Optimizer.adamW(0.1, 0.01).withWeightDecay(0.5);
    Single single = new Single(adamW, 2.0);

    assertThat(adamW.weightDecay()).isEqualTo(0.5);
    assertThat(single.step(1.0)[0]).isWithin(TOLERANCE).of(1.800000001);
  }

  @Test
  void scheduleScalesTheLearningRatePerStep() {
    Single sgd = new Single(Optimizer.sgd(1.0).withSchedule(LearningRateSchedule.stepDecay(1, 0.5)), 0.0);

    assertThat(sgd.step(1.0)[0]).isWithin(TOLERANCE).of(-1.0);
    assertThat(sgd.step(1.0)[0]).isWithin(TOLERANCE).of(-1.5);
    assertThat(sgd.step(1.0)[0]).isWithin(TOLERANCE).of(-1.75);
    assertThat(sgd.updater.steps()).isEqualTo(3);
  }

  @Test
  void scheduleReturningNegativeFactorIsRejectedAtThatStep() {
    Single sgd = new Single(Optimizer.sgd(1.0).withSchedule(step -> step < 1 ? 1 : -1), 0.0);
    sgd.step(1.0);

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> sgd.step(1.0));

    assertThat(e).hasMessageThat().contains("factor -1.0 at step 1");
  }

  @Test
  void floatRowsFollowTheSameRules() {
    float[][] params = {{1f, -2f}, {0f}};
    float[][] grads = {{0.5f, 0.25f}, {1f}};
    ParameterUpdater sgd = Optimizer.sgd(0.1).bind(params, grads, new boolean[] {true, false});

    sgd.step();

    assertThat(params[0]).usingTolerance(1e-6).containsExactly(0.95f, -2.025f).inOrder();
    assertThat(params[1][0]).isWithin(1e-6f).of(-0.1f);
  }

  @Test
  void floatAdamMatchesDoubleAdamToFloatPrecision() {
    float[][] params = {{0f}};
    float[][] grads = {{0f}};
    ParameterUpdater adam = Optimizer.adam(0.1).bind(params, grads, new boolean[] {true});
    float[] gradients = {1f, -2f, 0.5f};
    double[] expected = {-0.09999999900000002, -0.06338964652792518, -0.04972058032617855};

    for (int t = 0; t < 3; t++) {
      grads[0][0] = gradients[t];
      adam.step();
      assertThat((double) params[0][0]).isWithin(1e-6).of(expected[t]);
    }
  }

  @Test
  void floatMomentumRmsPropAndAdamWAgreeWithDouble() {
    Optimizer[] optimizers = {
        Optimizer.nesterov(0.05, 0.8), Optimizer.rmsProp(0.01).withWeightDecay(0.1), Optimizer.adamW(0.02, 0.3)};
    for (Optimizer optimizer : optimizers) {
      float[][] pf = {{1.5f, -0.5f}, {0.25f}};
      float[][] gf = {{0f, 0f}, {0f}};
      double[][] pd = {{1.5, -0.5}, {0.25}};
      double[][] gd = {{0, 0}, {0}};
      boolean[] decayed = {true, false};
      ParameterUpdater f = optimizer.bind(pf, gf, decayed);
      ParameterUpdater d = optimizer.bind(pd, gd, decayed);
      for (int t = 0; t < 5; t++) {
        gf[0][0] = (float) (gd[0][0] = 0.5 - 0.25 * t);
        gf[0][1] = (float) (gd[0][1] = 1.0 / (t + 1));
        gf[1][0] = (float) (gd[1][0] = -0.75);
        f.step();
        d.step();
      }
      assertThat(pf[0][0]).isWithin(1e-5f).of((float) pd[0][0]);
      assertThat(pf[0][1]).isWithin(1e-5f).of((float) pd[0][1]);
      assertThat(pf[1][0]).isWithin(1e-5f).of((float) pd[1][0]);
    }
  }

  @Test
  void updatersBoundFromOneOptimizerKeepSeparateState() {
    Optimizer momentum = Optimizer.momentum(0.1, 0.9);
    Single first = new Single(momentum, 0.0);
    Single second = new Single(momentum, 0.0);

    first.step(1.0);
    first.step(1.0);

    assertThat(second.step(1.0)[0]).isWithin(TOLERANCE).of(-0.1);
    assertThat(second.updater.steps()).isEqualTo(1);
  }

  @Test
  void copiesKeepTheRuleAndDescribeThemselves() {
    Optimizer adamW = Optimizer.adamW(1e-3, 0.01);
    Optimizer scheduled = Optimizer.adam(1e-3).withSchedule(LearningRateSchedule.exponential(0.5));

    assertThat(Optimizer.adam(1e-3).toString()).isEqualTo("Adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8)");
    assertThat(adamW.toString()).isEqualTo("AdamW(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8, weightDecay=0.01)");
    assertThat(Optimizer.sgd(0.1).withWeightDecay(1e-4).toString()).isEqualTo("SGD(lr=0.1, weightDecay=1.0E-4)");
    assertThat(Optimizer.nesterov(0.1, 0.9).toString()).isEqualTo("Nesterov(lr=0.1, mu=0.9)");
    assertThat(scheduled.toString()).contains("schedule=Exponential[gammaPerStep=0.5]");
    assertThat(scheduled.learningRate()).isEqualTo(1e-3);
    assertThat(Optimizer.rmsProp(0.01).toString()).isEqualTo("RMSProp(lr=0.01, alpha=0.99, eps=1.0E-8)");
  }

  @Test
  void invalidSettingsAreRejectedWithTheirValue() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(0)))
        .hasMessageThat().contains("learning rate is 0.0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(Double.NaN)))
        .hasMessageThat().contains("learning rate is NaN");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Optimizer.momentum(0.1, 1.0)))
        .hasMessageThat().contains("momentum is 1.0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Optimizer.nesterov(0.1, 0)))
        .hasMessageThat().contains("Nesterov momentum is 0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(0.1, 0.9, 1.5, 1e-8)))
        .hasMessageThat().contains("beta2 is 1.5");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Optimizer.rmsProp(0.1, 0.9, 0)))
        .hasMessageThat().contains("epsilon is 0.0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(0.1).withWeightDecay(-1)))
        .hasMessageThat().contains("weight decay is -1.0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(0.1).withSchedule(null)))
        .hasMessageThat().contains("LearningRateSchedule.constant()");
  }
}
