package dev.unrolled.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Trainer;
import dev.unrolled.reference.ReferenceMlp;
import dev.unrolled.reference.ReferenceOptimizers;
import dev.unrolled.reference.TestData;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Differential tests, EJML style: every network of {@link ParityNetworks}, {@link MatrixNetworks},
 * {@link VectorNetworks}, {@link LaneNetworks} and {@link ForcedLaneCases} against
 * {@link ReferenceMlp} on seeded random parameters and batches, through the {@code double}
 * interoperability contract. Each property runs over the whole table, reports every failing network
 * at once with the worst relative error per precision, and asserts how many networks it checked.
 */
class GeneratedVsReferenceTest {
  private static final List<NetCase> CASES = java.util.stream.Stream.of(
      ParityCases.all(), MatrixCases.all(), VectorCases.all(), LaneCases.all(), LaneCases.wide(), ForcedLaneCases.all()).flatMap(List::stream).toList();
  private static final double SGD_RATE = 0.1;
  private static final double ADAM_RATE = 0.01;

  /**
   * Parameters, a batch and the reference for one case. For FLOAT networks everything is rounded to
   * float first (parameters as the model stores them, inputs and targets as its float kernels read
   * them), so only the arithmetic differs between the two sides.
   */
  private static final class Fixture {
    final NetCase c;
    final ReferenceMlp reference;
    final double[] params;
    final Random random;

    Fixture(NetCase c, long seed) {
      this.c = c;
      this.random = new Random(seed);
      this.reference = c.newReference();
      double[] p = TestData.parameters(random, reference, 1.0);
      this.params = c.isFloat() ? TestData.roundToFloat(p) : p;
      reference.setParameters(params);
    }

    Model newModel() {
      Model model = c.newModel(1234);
      model.setParameters(params);
      return model;
    }

    double[][] inputs(int rows) {
      double[][] x = TestData.uniformInputs(random, rows, c.inputs());
      return c.isFloat() ? TestData.roundToFloat(x) : x;
    }

    double[][] targets(int rows, boolean oneHot) {
      double[][] y = TestData.targets(random, c.loss, rows, c.outputs(), oneHot);
      return c.isFloat() ? TestData.roundToFloat(y) : y;
    }
  }

  private static long seedOf(NetCase c) {
    return c.name.hashCode() * 1_000_003L + 17;
  }

  // -----------------------------------------------------------------------------------------------

  @Test
  void tableCoversTheContract() {
    new Coverage(CASES).assertComplete();
    assertEquals(ParityCases.COUNT + MatrixCases.COUNT + VectorCases.COUNT + LaneCases.COUNT
        + LaneCases.WIDE_COUNT + ForcedLaneCases.COUNT, CASES.size());
  }

  @Test
  void shapesConstantsAndParameterRoundTrip(TestReporter reporter) {
    ParityReport report = new ParityReport("shapes and parameter round trip");
    for (NetCase c : CASES) {
      report.check(c, () -> {
        Fixture f = new Fixture(c, seedOf(c));
        Model model = c.newModel(1);
        int count = f.reference.parameterCount();
        assertEquals(c.inputs(), model.inputSize(), "inputSize()");
        assertEquals(c.outputs(), model.outputSize(), "outputSize()");
        assertEquals(count, model.parameterCount(), "parameterCount()");
        assertEquals(c.inputs(), c.inputsConstant, "INPUTS");
        assertEquals(c.outputs(), c.outputsConstant, "OUTPUTS");
        assertEquals(count, c.parametersConstant, "PARAMETERS");
        assertEquals(c.loss, model.loss(), "loss()");
        assertEquals(c.precision, model.precision(), "precision()");
        assertFalse(model.summary().isBlank(), "summary() is blank");

        // Unrounded values in: DOUBLE keeps them exactly, FLOAT keeps their float rounding.
        double[] raw = TestData.parameters(new Random(seedOf(c) + 1), f.reference, 1.0);
        double[] sent = raw.clone();
        model.setParameters(sent);
        Arrays.fill(sent, 99); // the model must have copied, not kept, the caller's array
        double[] expected = c.isFloat() ? TestData.roundToFloat(raw) : raw;
        double[] back = new double[count];
        model.getParameters(back);
        assertArrayEquals(expected, back, 0, "getParameters after setParameters");
        assertArrayEquals(expected, model.parameters(), 0, "parameters()");
      });
    }
    finish(report, reporter);
  }

  @Test
  void predictMatchesReference(TestReporter reporter) {
    ParityReport report = new ParityReport("predict");
    for (NetCase c : CASES) {
      report.check(c, () -> {
        Fixture f = new Fixture(c, seedOf(c));
        Model model = f.newModel();
        double[] out = new double[c.outputs()];
        for (double[] x : f.inputs(5)) {
          model.predict(x, out);
          double[] expected = f.reference.predict(x);
          report.compare(c, "predict", out, expected);
          if (c.loss.isCrossEntropy() && clearWinner(expected)) {
            assertEquals(argMax(expected), model.classify(x), "classify(" + Arrays.toString(x) + ")");
          }
        }
      });
    }
    finish(report, reporter);
  }

  @Test
  void lossAndGradientMatchReference(TestReporter reporter) {
    ParityReport report = new ParityReport("lossAndGradient");
    for (NetCase c : CASES) {
      report.check(c, () -> {
        Fixture f = new Fixture(c, seedOf(c));
        Model model = f.newModel();
        // Batch sizes shrink and grow so scratch buffers sized for one batch are caught out.
        // 19 rows also take the vector tiles' packed forward product (from 16 rows on), 7 and 1 read W in place.
        int[] rows = {7, 1, 19};
        for (int b = 0; b < rows.length; b++) {
          double[][] x = f.inputs(rows[b]);
          double[][] y = f.targets(rows[b], b == 1);
          double[] expected = new double[f.reference.parameterCount()];
          double expectedLoss = f.reference.lossAndGradient(x, y, expected);
          double[] gradient = new double[model.parameterCount()];
          Arrays.fill(gradient, 1e3); // written, not accumulated
          double loss = model.lossAndGradient(x, y, gradient);
          report.compare(c, "loss (batch of " + rows[b] + ")", loss, expectedLoss);
          report.compare(c, "gradient (batch of " + rows[b] + ")", gradient, expected);
        }
        assertArrayEquals(f.params, model.parameters(), 0, "lossAndGradient changed parameters");
      });
    }
    finish(report, reporter);
  }

  /**
   * Float rows give the bits of the same values as doubles: a FLOAT model reads them in its own
   * precision (Spark partitions do), any other model widens them first.
   */
  @Test
  void lossAndGradientOnFloatRowsGiveTheBitsOfTheSameDoubles(TestReporter reporter) {
    ParityReport report = new ParityReport("lossAndGradient on float rows");
    for (NetCase c : CASES) {
      report.check(c, () -> {
        Fixture f = new Fixture(c, seedOf(c));
        Model model = f.newModel();
        for (int m : new int[] {5, 1, 9}) {
          float[][] x = toFloats(f.inputs(m));
          float[][] y = toFloats(f.targets(m, m == 1));
          double[] fromDoubles = new double[model.parameterCount()];
          double[] fromFloats = new double[model.parameterCount()];
          double expected = model.lossAndGradient(toDoubles(x), toDoubles(y), fromDoubles);

          double loss = model.lossAndGradient(x, y, fromFloats);

          assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(loss), "loss, batch of " + m);
          assertArrayEquals(fromDoubles, fromFloats, 0, "gradient, batch of " + m);
        }
      });
    }
    finish(report, reporter);
  }

  private static float[][] toFloats(double[][] rows) {
    float[][] out = new float[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      out[r] = new float[rows[r].length];
      for (int c = 0; c < rows[r].length; c++) {
        out[r][c] = (float) rows[r][c];
      }
    }
    return out;
  }

  private static double[][] toDoubles(float[][] rows) {
    double[][] out = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      out[r] = new double[rows[r].length];
      for (int c = 0; c < rows[r].length; c++) {
        out[r][c] = rows[r][c];
      }
    }
    return out;
  }

  @Test
  void sgdStepMatchesReference(TestReporter reporter) {
    ParityReport report = new ParityReport("one SGD step");
    for (NetCase c : CASES) {
      report.check(c, () -> {
        Fixture f = new Fixture(c, seedOf(c));
        Model model = f.newModel();
        Trainer trainer = c.newTrainer(model, Optimizer.sgd(SGD_RATE));
        assertSame(model, trainer.model(), "trainer.model()");
        double[][] x = f.inputs(6);
        double[][] y = f.targets(6, true);
        double[] g = new double[f.reference.parameterCount()];
        double expectedLoss = f.reference.lossAndGradient(x, y, g);

        double loss = trainer.trainBatch(x, y);

        report.compare(c, "loss before the step", loss, expectedLoss);
        double[] expected = ReferenceOptimizers.sgdStep(f.params, g, SGD_RATE);
        report.compareStep(c, "SGD step", f.params, model.parameters(), expected);
      });
    }
    finish(report, reporter);
  }

  /**
   * Two Adam steps on batches of different sizes, the second exercising bias correction at t = 2.
   * DOUBLE follows the reference trajectory with the reference gradient. FLOAT feeds the reference
   * Adam the model's own gradient at the model's parameters: Adam divides by |g|, so a float rounding
   * error in an entry with |g| near ε would move that entry by up to the learning rate; gradient
   * accuracy itself is {@link #lossAndGradientMatchReference}'s job.
   */
  @Test
  void adamStepsMatchReference(TestReporter reporter) {
    ParityReport report = new ParityReport("two Adam steps");
    for (NetCase c : CASES) {
      report.check(c, () -> {
        Fixture f = new Fixture(c, seedOf(c));
        Model model = f.newModel();
        Trainer trainer = c.newTrainer(model, Optimizer.adam(ADAM_RATE));
        ReferenceOptimizers.Adam adam =
            new ReferenceOptimizers.Adam(f.reference.parameterCount(), ADAM_RATE);
        double[] start = f.params;
        int[] rows = {6, 3};
        for (int step = 1; step <= 2; step++) {
          double[][] x = f.inputs(rows[step - 1]);
          double[][] y = f.targets(rows[step - 1], step == 1);
          f.reference.setParameters(start);
          double[] g = new double[f.reference.parameterCount()];
          double expectedLoss = f.reference.lossAndGradient(x, y, g);
          if (c.isFloat()) {
            model.lossAndGradient(x, y, g);
          }

          double loss = trainer.trainBatch(x, y);

          report.compare(c, "loss before Adam step " + step, loss, expectedLoss);
          double[] expected = adam.step(start, g);
          double[] actual = model.parameters();
          report.compareStep(c, "Adam step " + step, start, actual, expected);
          start = c.isFloat() ? actual : expected;
        }
      });
    }
    finish(report, reporter);
  }

  @Test
  void seededInitialisation(TestReporter reporter) {
    ParityReport report = new ParityReport("seeded initialisation");
    for (NetCase c : CASES) {
      report.check(c, () -> {
        double[] a = c.newModel(7).parameters();
        assertArrayEquals(a, c.newModel(7).parameters(), 0, "same seed, different parameters");
        assertFalse(Arrays.equals(a, c.newModel(8).parameters()), "seeds 7 and 8 agree");
        assertTrue(TestData.allFinite(a), "non-finite initial parameter");
        if (c.isFloat()) {
          assertArrayEquals(TestData.roundToFloat(a), a, 0, "FLOAT parameters are not floats");
        }
        checkInitialScale(c, c.newReference(), a);
      });
    }
    finish(report, reporter);
  }

  /** Biases start at zero; weights of a large layer have He (2/in) or Glorot (2/(in+out)) variance. */
  private static void checkInitialScale(NetCase c, ReferenceMlp net, double[] p) {
    for (int l = 0; l < net.layerCount(); l++) {
      int in = net.fanIn(l);
      int out = net.fanOut(l);
      int w = net.layerOffset(l);
      double sumSquares = 0;
      boolean anyNonZero = false;
      for (int k = w; k < w + in * out; k++) {
        sumSquares += p[k] * p[k];
        anyNonZero |= p[k] != 0;
      }
      assertTrue(anyNonZero, "layer " + l + " weights are all zero");
      for (int k = w + in * out; k < w + in * out + out; k++) {
        assertEquals(0, p[k], 0, "layer " + l + " bias " + (k - w - in * out));
      }
      if (in * out >= 500) { // enough weights for the sample variance to mean something
        boolean he = net.activation(l).prefersHeInit();
        double expected = he ? 2.0 / in : 2.0 / (in + out);
        double ratio = sumSquares / (in * out) / expected;
        assertTrue(ratio > 0.6 && ratio < 1.5, "layer " + l + " (" + net.activation(l)
            + ") weight variance is " + ratio + "× the " + (he ? "He" : "Glorot") + " variance");
      }
    }
  }

  /** Central differences of the generated model's own loss, independent of the reference. */
  @Test
  void generatedDoubleGradientMatchesFiniteDifferences(TestReporter reporter) {
    List<String> names =
        List.of("DeepSoftmaxDouble", "MixedMseDouble", "LargeSigmoidDouble", "OutputSiluDouble",
            "EluMseVectorDouble");
    ParityReport report = new ParityReport("generated DOUBLE gradient vs central differences");
    for (String name : names) {
      NetCase c = CASES.stream().filter(k -> k.name.equals(name)).findFirst().orElseThrow();
      report.check(c, () -> {
        Fixture f = new Fixture(c, seedOf(c));
        Model model = f.newModel();
        double[][] x = f.inputs(5);
        assertTrue(TestData.closestToKink(f.reference, x) > 1e-4, "batch too close to a kink");
        double[][] y = f.targets(5, false);
        double[] analytic = new double[model.parameterCount()];
        model.lossAndGradient(x, y, analytic);

        double[] numeric = TestData.centralDifferences(model, f.params, x, y, 1e-5);
        double error = TestData.relativeError(analytic, numeric);
        assertTrue(error <= 1e-6, "relative error " + error + " against central differences");
      });
    }
    report.assertAllPassed(5);
    reporter.publishEntry("parity", report.summary());
  }

  // -----------------------------------------------------------------------------------------------

  private static void finish(ParityReport report, TestReporter reporter) {
    reporter.publishEntry("parity", report.summary());
    report.assertAllPassed(ParityCases.COUNT + MatrixCases.COUNT + VectorCases.COUNT + LaneCases.COUNT
        + LaneCases.WIDE_COUNT + ForcedLaneCases.COUNT);
  }

  static int argMax(double[] v) {
    if (v.length == 1) {
      return v[0] >= 0.5 ? 1 : 0;
    }
    int best = 0;
    for (int j = 1; j < v.length; j++) {
      if (v[j] > v[best]) {
        best = j;
      }
    }
    return best;
  }

  /** Whether the top class wins by a margin no float rounding can overturn. */
  static boolean clearWinner(double[] p) {
    if (p.length == 1) {
      return Math.abs(p[0] - 0.5) > 1e-3;
    }
    double[] sorted = p.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length - 1] - sorted[sorted.length - 2] > 1e-3;
  }
}
