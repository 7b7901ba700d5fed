package dev.unrolled.rbf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unrolled.Activation;
import dev.unrolled.Architecture;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Precision;
import dev.unrolled.Trainer;
import dev.unrolled.reference.ReferenceOptimizers;
import dev.unrolled.reference.ReferenceRbf;
import dev.unrolled.reference.TestData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every network of {@link RbfNetworks} against {@link ReferenceRbf} through the {@code double}
 * contract, on seeded random parameters and batches: loss, gradient, predictions, SGD and Adam
 * steps; the generated DOUBLE gradient also against central differences of its own loss. Each
 * property runs over the whole table and reports every failing network at once.
 */
class RbfVsReferenceTest {
  private static final List<RbfCase> CASES = RbfCases.all();
  private static final double DOUBLE_TOLERANCE = 1e-8;
  private static final double FLOAT_TOLERANCE = 2e-3;

  /** Seeded parameters, batches and the reference; FLOAT values rounded to float first. */
  private static final class Fixture {
    final RbfCase c;
    final ReferenceRbf reference;
    final double[] params;
    final Random random;

    Fixture(RbfCase c) {
      this.c = c;
      this.random = new Random(c.name.hashCode() * 1_000_003L + 29);
      this.reference = c.newReference();
      double[] p = parameters(random, reference);
      this.params = c.isFloat() ? TestData.roundToFloat(p) : p;
      reference.setParameters(params);
    }

    Model newModel() {
      Model model = c.newModel(1234);
      model.setParameters(params);
      return model;
    }

    double[][] inputs(int rows) {
      double[][] x = TestData.uniformInputs(random, rows, c.inputs);
      return c.isFloat() ? TestData.roundToFloat(x) : x;
    }

    double[][] targets(int rows, boolean oneHot) {
      double[][] y = TestData.targets(random, c.loss, rows, c.outputs(), oneHot);
      return c.isFloat() ? TestData.roundToFloat(y) : y;
    }
  }

  /**
   * Centres in the inputs' range U(−1, 1)ⁿ and widths with {@code β·‖x − c‖²} of order one
   * ({@code β ∈ [0.5, 2.5]/n}), so every unit responds and every path of the gradient matters.
   */
  static double[] parameters(Random random, ReferenceRbf net) {
    double[] p = new double[net.parameterCount()];
    int n = net.inputSize();
    int k = 0;
    for (int j = 0; j < net.units() * n; j++) {
      p[k++] = 2 * random.nextDouble() - 1;
    }
    for (int j = 0; j < net.units(); j++) {
      p[k++] = Math.log((0.5 + 2 * random.nextDouble()) / n);
    }
    double[] dense = TestData.parameters(random, net.dense(), 1.0);
    System.arraycopy(dense, 0, p, k, dense.length);
    return p;
  }

  // -----------------------------------------------------------------------------------------------

  @Test
  void theTableCoversEveryActivationLossAndPrecisionAndEveryCodeShape() {
    assertEquals(RbfCases.COUNT, CASES.size());
    Set<String> combinations = new java.util.HashSet<>();
    for (RbfCase c : CASES) {
      combinations.add(c.activations[0] + " " + c.loss + " " + c.precision);
    }
    for (Activation a : Activation.values()) {
      for (Loss l : Loss.values()) {
        for (Precision p : Precision.values()) {
          assertTrue(combinations.contains(a + " " + l + " " + p), "no RBF network with " + a + " " + l + " " + p);
        }
      }
    }
    Set<String> shapes = new java.util.TreeSet<>();
    for (RbfCase c : CASES) {
      String rbfRow = c.newModel(1).summary().lines().filter(line -> line.startsWith("rbf 1")).findFirst()
          .orElseThrow(() -> new AssertionError(c + ": summary() has no rbf 1 row"));
      shapes.add(c.precision + " " + rbfRow.substring(rbfRow.lastIndexOf("  ") + 2));
      if (c.name.startsWith("Vector")) {
        assertTrue(c.newModel(1).summary().contains("vector tiles"), c + ": dense layers not vector");
      }
    }
    for (Precision p : Precision.values()) {
      assertTrue(shapes.contains(p + " unrolled"), shapes.toString());
      assertTrue(shapes.contains(p + " looped (units innermost)"), shapes.toString());
      assertTrue(shapes.stream().anyMatch(s -> s.startsWith(p + " unrolled (") && s.contains(" forward")),
          "no chunked RBF layer in " + shapes);
    }
  }

  @Test
  void constantsArchitectureAndParameterRoundTrip() {
    check("shapes", c -> {
      ReferenceRbf reference = c.newReference();
      Model model = c.newModel(1);
      assertEquals(c.inputs, model.inputSize(), "inputSize()");
      assertEquals(c.outputs(), model.outputSize(), "outputSize()");
      assertEquals(reference.parameterCount(), model.parameterCount(), "parameterCount()");
      assertEquals(c.inputs, c.inputsConstant, "INPUTS");
      assertEquals(c.outputs(), c.outputsConstant, "OUTPUTS");
      assertEquals(reference.parameterCount(), c.parametersConstant, "PARAMETERS");

      Architecture.Layer[] layers = new Architecture.Layer[c.denseSizes.length];
      for (int l = 0; l < layers.length; l++) {
        layers[l] = new Architecture.Layer(c.denseSizes[l], c.activations[l]);
      }
      Architecture expected = Architecture.withRbf(c.inputs, c.units, c.loss, c.precision, layers);
      assertEquals(expected, model.architecture(), "architecture()");
      assertEquals(model.parameterCount(), model.architecture().parameterCount(), "architecture().parameterCount()");

      double[] raw = parameters(new Random(5), reference);
      double[] sent = raw.clone();
      model.setParameters(sent);
      Arrays.fill(sent, 99);
      assertArrayEquals(c.isFloat() ? TestData.roundToFloat(raw) : raw, model.parameters(), 0,
          "getParameters after setParameters");
    });
  }

  @Test
  void predictMatchesReference() {
    check("predict", c -> {
      Fixture f = new Fixture(c);
      Model model = f.newModel();
      double[] out = new double[c.outputs()];
      for (double[] x : f.inputs(5)) {
        model.predict(x, out);
        assertClose(c, "predict", f.reference.predict(x), out);
      }
    });
  }

  @Test
  void lossAndGradientMatchReference() {
    check("lossAndGradient", c -> {
      Fixture f = new Fixture(c);
      Model model = f.newModel();
      int[] rows = {7, 1, 11}; // shrinking and growing batches catch buffers sized for one batch
      for (int b = 0; b < rows.length; b++) {
        double[][] x = f.inputs(rows[b]);
        double[][] y = f.targets(rows[b], b == 1);
        double[] expected = new double[f.reference.parameterCount()];
        double expectedLoss = f.reference.lossAndGradient(x, y, expected);
        double[] gradient = new double[model.parameterCount()];
        Arrays.fill(gradient, 1e3); // written, not accumulated
        double loss = model.lossAndGradient(x, y, gradient);
        assertClose(c, "loss of " + rows[b] + " rows", new double[] {expectedLoss}, new double[] {loss});
        assertClose(c, "gradient of " + rows[b] + " rows", expected, gradient);
      }
      assertArrayEquals(f.params, model.parameters(), 0, "lossAndGradient changed the parameters");
    });
  }

  @Test
  void sgdStepMatchesReference() {
    check("SGD step", c -> {
      Fixture f = new Fixture(c);
      Model model = f.newModel();
      Trainer trainer = c.newTrainer(model, Optimizer.sgd(0.1));
      assertSame(model, trainer.model());
      double[][] x = f.inputs(6);
      double[][] y = f.targets(6, true);
      double[] g = new double[f.reference.parameterCount()];
      double expectedLoss = f.reference.lossAndGradient(x, y, g);

      double loss = trainer.trainBatch(x, y);

      assertClose(c, "loss before the step", new double[] {expectedLoss}, new double[] {loss});
      assertStep(c, f.params, model.parameters(), ReferenceOptimizers.sgdStep(f.params, g, 0.1));
    });
  }

  /** As in the dense parity tests, FLOAT feeds the reference Adam the model's own gradient. */
  @Test
  void adamStepsMatchReference() {
    check("Adam steps", c -> {
      Fixture f = new Fixture(c);
      Model model = f.newModel();
      Trainer trainer = c.newTrainer(model, Optimizer.adam(0.01));
      ReferenceOptimizers.Adam adam = new ReferenceOptimizers.Adam(f.reference.parameterCount(), 0.01);
      double[] start = f.params;
      int[] rows = {6, 3};
      for (int step = 0; step < 2; step++) {
        double[][] x = f.inputs(rows[step]);
        double[][] y = f.targets(rows[step], step == 0);
        f.reference.setParameters(start);
        double[] g = new double[f.reference.parameterCount()];
        f.reference.lossAndGradient(x, y, g);
        if (c.isFloat()) {
          model.lossAndGradient(x, y, g);
        }
        trainer.trainBatch(x, y);
        double[] expected = adam.step(start, g);
        double[] actual = model.parameters();
        assertStep(c, start, actual, expected);
        start = c.isFloat() ? actual : expected;
      }
    });
  }

  /** The oracle itself: its analytic gradient against central differences of its own loss. */
  @Test
  void referenceGradientMatchesFiniteDifferences() {
    for (String name : List.of("TanhMseDouble", "SiluSoftmaxDouble", "ChunkedDouble")) {
      RbfCase c = byName(name);
      Fixture f = new Fixture(c);
      double[][] x = f.inputs(4);
      double[][] y = f.targets(4, false);
      double[] analytic = new double[f.reference.parameterCount()];
      f.reference.lossAndGradient(x, y, analytic);
      double[] numeric = f.reference.finiteDifferenceGradient(f.params, x, y, 1e-6);
      double error = TestData.relativeError(analytic, numeric);
      assertTrue(error < 1e-7, name + ": reference gradient relative error " + error);
    }
  }

  /** Central differences of each generated DOUBLE model's own loss, independent of the reference. */
  @Test
  void generatedDoubleGradientMatchesFiniteDifferences() {
    check("DOUBLE gradient vs central differences", c -> {
      if (c.isFloat()) {
        return;
      }
      Fixture f = new Fixture(c);
      Model model = f.newModel();
      double[][] x = f.inputs(5);
      double[][] phis = new double[x.length][];
      for (int r = 0; r < x.length; r++) {
        phis[r] = f.reference.phi(x[r]);
      }
      assertTrue(TestData.closestToKink(f.reference.dense(), phis) > 1e-4, "batch too close to a kink");
      double[][] y = f.targets(5, false);
      double[] analytic = new double[model.parameterCount()];
      model.lossAndGradient(x, y, analytic);
      double[] numeric = TestData.centralDifferences(model, f.params, x, y, 1e-5);
      double error = TestData.relativeError(analytic, numeric);
      assertTrue(error <= 1e-6, "relative error " + error + " against central differences");
    });
  }

  /**
   * The seeded start: centres uniform in [−1, 1]ⁿ, every {@code s = log(k^(2/n)/(8n))}, dense biases
   * zero; the same seed gives the same parameters.
   */
  @Test
  void seededInitialisationSpreadsCentresOverTheCube() {
    check("seeded initialisation", c -> {
      double[] p = c.newModel(7).parameters();
      assertArrayEquals(p, c.newModel(7).parameters(), 0, "same seed, different parameters");
      assertFalse(Arrays.equals(p, c.newModel(8).parameters()), "seeds 7 and 8 agree");
      int centres = c.units * c.inputs;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < centres; k++) {
        min = Math.min(min, p[k]);
        max = Math.max(max, p[k]);
      }
      assertTrue(min >= -1 && max <= 1, "centres in [" + min + ", " + max + "]");
      if (centres >= 100) {
        assertTrue(min < -0.8 && max > 0.8, "centres only span [" + min + ", " + max + "]");
      }
      double s = Math.log(Math.pow(c.units, 2.0 / c.inputs) / (8.0 * c.inputs));
      for (int j = 0; j < c.units; j++) {
        assertEquals(c.isFloat() ? (float) s : s, p[centres + j], 0, "s[" + j + "]");
      }
      assertTrue(TestData.allFinite(p), "non-finite initial parameter");
    });
  }

  @Test
  void centresAndWidthsAreNeverWeightDecayed() {
    check("weight decay", c -> {
      Fixture f = new Fixture(c);
      double[][] x = f.inputs(4);
      double[][] y = f.targets(4, true);
      Model plain = f.newModel();
      Model decayed = f.newModel();
      c.newTrainer(plain, Optimizer.sgd(0.1)).trainBatch(x, y);
      c.newTrainer(decayed, Optimizer.sgd(0.1).withWeightDecay(0.5)).trainBatch(x, y);
      int rbf = f.reference.rbfParameterCount();
      double[] a = plain.parameters();
      double[] b = decayed.parameters();
      assertArrayEquals(Arrays.copyOf(a, rbf), Arrays.copyOf(b, rbf), 0, "decay moved centres or widths");
      int firstDense = rbf; // the first dense weight: decayed, so it must differ
      assertTrue(a[firstDense] != b[firstDense], "decay did not reach the dense weights");
    });
  }

  // -----------------------------------------------------------------------------------------------

  private static RbfCase byName(String name) {
    return CASES.stream().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
  }

  /** Runs {@code property} on every case and fails once, listing every case that failed. */
  private static void check(String property, Consumer<RbfCase> test) {
    List<String> failures = new ArrayList<>();
    for (RbfCase c : CASES) {
      try {
        test.accept(c);
      } catch (AssertionError | RuntimeException e) {
        failures.add(c + ": " + e.getMessage());
      }
    }
    assertTrue(failures.isEmpty(), property + " failed for " + failures.size() + " of " + CASES.size()
        + " networks:\n" + String.join("\n", failures));
  }

  private static double tolerance(RbfCase c) {
    return c.isFloat() ? FLOAT_TOLERANCE : DOUBLE_TOLERANCE;
  }

  private static void assertClose(RbfCase c, String what, double[] expected, double[] actual) {
    double error = TestData.relativeError(actual, expected);
    assertTrue(error <= tolerance(c), what + ": relative error " + error + " > " + tolerance(c));
  }

  /** The step taken against the expected step; FLOAT may differ by the rounding of the parameters. */
  private static void assertStep(RbfCase c, double[] start, double[] actual, double[] expected) {
    double[] expectedStep = TestData.minus(expected, start);
    double[] actualStep = TestData.minus(actual, start);
    double rounding = c.isFloat() ? 0x1p-22 * TestData.norm(expected) : 0;
    double diff = TestData.norm(TestData.minus(actualStep, expectedStep));
    double error = Math.max(diff - rounding, 0) / Math.max(TestData.norm(expectedStep), 1e-300);
    assertTrue(error <= tolerance(c), "step relative error " + error + " > " + tolerance(c));
  }
}
