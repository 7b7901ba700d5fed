package dev.unrolled.parity;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Trainer;
import dev.unrolled.reference.ReferenceNormMlp;
import dev.unrolled.reference.ReferenceOptimizers;
import dev.unrolled.reference.TestData;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Normalised and dropout layers against {@link ReferenceNormMlp}, an independent plain reference
 * (itself checked against finite differences): {@code lossAndGradient} with batch statistics and
 * no dropout; SGD and Adam trainer steps with the dropout masks of the trainer's seed and step,
 * which the reference draws from the same function; the running estimates those steps leave; and
 * {@code predict} with them. Every activation × loss × precision × both norms in every code shape
 * (see {@link NormNetworks}), 1e-8 relative in DOUBLE and 2e-3 in FLOAT.
 */
class NormParityTest {
  private static final double DOUBLE_TOLERANCE = 1e-8;
  private static final double FLOAT_TOLERANCE = 2e-3;

  static Stream<NormCase> cases() {
    return NormCases.all().stream();
  }

  @Test
  void everyNetworkIsListed() {
    assertThat(NormCases.all()).hasSize(NormCases.COUNT);
  }

  private static double tolerance(NormCase c) {
    return c.isFloat() ? FLOAT_TOLERANCE : DOUBLE_TOLERANCE;
  }

  /** Values the model's precision holds exactly, so that only the arithmetic differs. */
  private static double[] exact(NormCase c, double[] values) {
    double[] out = values.clone();
    if (c.isFloat()) {
      for (int k = 0; k < out.length; k++) {
        out[k] = (float) out[k];
      }
    }
    return out;
  }

  private static double[][] exact(NormCase c, double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int s = 0; s < rows.length; s++) {
      out[s] = exact(c, rows[s]);
    }
    return out;
  }

  /** Parameters of U(−0.7, 0.7), scales of U(0.5, 1.5): every path matters, none saturates. */
  private static double[] parameters(NormCase c, ReferenceNormMlp reference, Random random) {
    double[] p = new double[reference.parameterCount()];
    for (int k = 0; k < p.length; k++) {
      p[k] = 1.4 * random.nextDouble() - 0.7;
    }
    for (int l = 0; l < reference.layerCount(); l++) {
      if (reference.norm(l) != dev.unrolled.Norm.NONE) {
        int scales = reference.layerOffset(l) + reference.fanIn(l) * reference.fanOut(l);
        for (int j = 0; j < reference.fanOut(l); j++) {
          p[scales + j] = 0.5 + random.nextDouble();
        }
      }
    }
    return exact(c, p);
  }

  private static double[][] inputs(NormCase c, Random random, int rows) {
    return exact(c, TestData.uniformInputs(random, rows, c.inputs));
  }

  private static double[][] targets(NormCase c, Random random, int rows) {
    return exact(c, TestData.targets(random, c.loss, rows, c.outputs(), false));
  }

  private static double[] parametersOf(Model model) {
    double[] p = new double[model.parameterCount()];
    model.getParameters(p);
    return p;
  }

  private static double[] runningEstimatesOf(Model model) {
    double[] r = new double[model.runningEstimateCount()];
    model.getRunningEstimates(r);
    return r;
  }

  private static void assertClose(NormCase c, String what, double actual, double expected) {
    assertWithMessage("%s of %s", what, c).that(TestData.relativeError(actual, expected))
        .isAtMost(tolerance(c));
  }

  private static void assertClose(NormCase c, String what, double[] actual, double[] expected) {
    assertWithMessage("%s of %s", what, c).that(TestData.relativeError(actual, expected))
        .isAtMost(tolerance(c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lossAndGradientUseTheBatchStatisticsAndNoDropout(NormCase c) {
    Random random = new Random(c.name.hashCode());
    ReferenceNormMlp reference = c.newReference();
    Model model = c.newModel(1);
    assertThat(model.parameterCount()).isEqualTo(reference.parameterCount());
    assertThat(c.parametersConstant).isEqualTo(reference.parameterCount());
    double[] p = parameters(c, reference, random);
    reference.setParameters(p);
    model.setParameters(p);
    for (int rows : new int[] {7, 2, 13}) {
      double[][] x = inputs(c, random, rows);
      double[][] y = targets(c, random, rows);
      double[] expected = new double[p.length];
      double expectedLoss = reference.lossAndGradient(x, y, expected);
      double[] gradient = new double[p.length];

      double loss = model.lossAndGradient(x, y, gradient);

      assertClose(c, "loss of " + rows + " rows", loss, expectedLoss);
      assertClose(c, "gradient of " + rows + " rows", gradient, expected);
    }
    assertThat(runningEstimatesOf(model)).isEqualTo(reference.runningEstimates()); // untouched
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sgdStepsDropWithTheTrainersMasksAndUpdateTheRunningEstimates(NormCase c) {
    Random random = new Random(31 * c.name.hashCode());
    ReferenceNormMlp reference = c.newReference();
    Model model = c.newModel(1);
    double[] p = parameters(c, reference, random);
    reference.setParameters(p);
    model.setParameters(p);
    Trainer trainer = c.newTrainer(model, Optimizer.sgd(0.05)).dropoutSeed(11);
    int[] rows = {9, 5, 12};
    for (int step = 0; step < rows.length; step++) {
      double[][] x = inputs(c, random, rows[step]);
      double[][] y = targets(c, random, rows[step]);
      double expectedLoss = reference.trainStepSgd(x, y, 0.05, reference.masks(11, step, rows[step]));

      double loss = trainer.trainBatch(x, y);

      assertClose(c, "loss of step " + step, loss, expectedLoss);
    }
    assertClose(c, "parameters after 3 SGD steps", parametersOf(model), reference.parameters());
    assertClose(c, "running estimates after 3 SGD steps", runningEstimatesOf(model), reference.runningEstimates());
    for (double[] x : inputs(c, random, 3)) {
      double[] out = new double[c.outputs()];
      model.predict(x, out);
      assertClose(c, "predict with the running estimates", out, reference.predict(x));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void adamStepsMatchTheReferenceUnderTheDefaultSeed(NormCase c) {
    Random random = new Random(17 * c.name.hashCode());
    ReferenceNormMlp reference = c.newReference();
    Model model = c.newModel(1);
    double[] p = parameters(c, reference, random);
    reference.setParameters(p);
    model.setParameters(p);
    Trainer trainer = c.newTrainer(model, Optimizer.adam(0.01));
    ReferenceOptimizers.Adam adam = new ReferenceOptimizers.Adam(p.length, 0.01);
    for (int step = 0; step < 2; step++) {
      double[][] x = inputs(c, random, 8);
      double[][] y = targets(c, random, 8);
      double expectedLoss = reference.trainStepAdam(adam, x, y, reference.masks(0, step, 8));

      double loss = trainer.trainBatch(x, y);

      assertClose(c, "loss of Adam step " + step, loss, expectedLoss);
    }
    assertClose(c, "parameters after 2 Adam steps", parametersOf(model), reference.parameters());
    assertClose(c, "running estimates after 2 Adam steps", runningEstimatesOf(model), reference.runningEstimates());
  }
}
