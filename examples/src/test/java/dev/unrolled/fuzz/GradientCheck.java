package dev.unrolled.fuzz;

import dev.unrolled.Activation;
import dev.unrolled.Architecture;
import dev.unrolled.Model;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import dev.unrolled.fuzz.RandomDeclaration.Layer;
import dev.unrolled.reference.ReferenceMlp;
import dev.unrolled.reference.ReferenceNormMlp;
import dev.unrolled.reference.ReferenceRbf;
import dev.unrolled.reference.TestData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Compares a generated model with {@link ReferenceMlp} (or {@link ReferenceRbf}, for a declaration
 * with an RBF layer) built from the same declaration, on the same
 * parameters, through the {@code double} contract: shape, architecture, the parameter round trip,
 * {@code lossAndGradient} on two batches (the second smaller, so buffers sized for the first are
 * caught out) and {@code predict}. FLOAT models get float-rounded parameters, inputs and targets so
 * that only the arithmetic differs; tolerances are those of the parity tests.
 */
final class GradientCheck {
  static final double DOUBLE_TOLERANCE = 1e-8;
  static final double FLOAT_TOLERANCE = 2e-3;

  private final RandomDeclaration d;
  private final boolean isFloat;
  private final double tolerance;
  private final Random random;
  private final List<String> mismatches = new ArrayList<>();
  private double worst;

  private GradientCheck(RandomDeclaration d, long seed) {
    this.d = d;
    this.isFloat = d.effectivePrecision() == Precision.FLOAT;
    this.tolerance = isFloat ? FLOAT_TOLERANCE : DOUBLE_TOLERANCE;
    this.random = new Random(seed);
  }

  /** Every disagreement (empty when the model agrees), and the largest relative error seen. */
  record Verdict(List<String> mismatches, double worstRelativeError) {}

  static Verdict run(RandomDeclaration d, Model model, long seed) {
    GradientCheck check = new GradientCheck(d, seed);
    check.compare(model);
    return new Verdict(check.mismatches, check.worst);
  }

  private boolean normalisedOrDropping() {
    return d.layers.stream().anyMatch(l -> l.effectiveNorm() != Norm.NONE || l.effectiveDropout() > 0);
  }

  private void compare(Model model) {
    if (normalisedOrDropping()) {
      compareNormalised(model);
      return;
    }
    ReferenceMlp mlp = reference();
    ReferenceRbf rbf = d.rbfUnits == null ? null : new ReferenceRbf(d.inputs, d.rbfUnits, denseSizes(), activations(), d.loss);
    int outputs = mlp.outputSize();
    int count = rbf == null ? mlp.parameterCount() : rbf.parameterCount();
    expectEqual("inputSize()", d.inputs, model.inputSize());
    expectEqual("outputSize()", outputs, model.outputSize());
    expectEqual("parameterCount()", count, model.parameterCount());
    expectEqual("loss()", d.loss, model.loss());
    expectEqual("precision()", d.effectivePrecision(), model.precision());
    expectEqual("architecture()", architecture(), model.architecture());
    if (!mismatches.isEmpty()) {
      return; // shapes disagree: comparing numbers would only throw
    }

    double[] params = round(rbf == null ? TestData.parameters(random, mlp, 1.0) : rbfParameters(rbf));
    if (rbf == null) {
      mlp.setParameters(params);
    } else {
      rbf.setParameters(params);
    }
    model.setParameters(params.clone());
    double[] back = new double[params.length];
    model.getParameters(back);
    if (!Arrays.equals(params, back)) {
      mismatches.add("getParameters after setParameters differs, relative error "
          + TestData.relativeError(back, params));
    }

    int[] rows = {4, 1};
    for (int b = 0; b < rows.length; b++) {
      double[][] x = round(TestData.uniformInputs(random, rows[b], d.inputs));
      double[][] y = round(TestData.targets(random, d.loss, rows[b], outputs, b == 1));
      double[] expected = new double[params.length];
      double expectedLoss = rbf == null ? mlp.lossAndGradient(x, y, expected) : rbf.lossAndGradient(x, y, expected);
      double[] gradient = new double[params.length];
      Arrays.fill(gradient, 1e3); // written, not accumulated
      double loss = model.lossAndGradient(x, y, gradient);
      within("loss (batch of " + rows[b] + ")", TestData.relativeError(loss, expectedLoss));
      within("gradient (batch of " + rows[b] + ")", TestData.relativeError(gradient, expected));
    }

    double[] x = round(TestData.uniformInputs(random, 1, d.inputs))[0];
    double[] out = new double[outputs];
    model.predict(x, out);
    within("predict", TestData.relativeError(out, rbf == null ? mlp.predict(x) : rbf.predict(x)));
  }

  /**
   * A declaration with normalised or dropout layers, against {@link ReferenceNormMlp}: the same
   * checks, with batches of at least two rows (batch statistics need them).
   */
  private void compareNormalised(Model model) {
    ReferenceNormMlp reference = new ReferenceNormMlp(d.inputs, d.rbfUnits == null ? 0 : d.rbfUnits, denseSizes(),
        activations(), d.layers.stream().map(Layer::effectiveNorm).toArray(Norm[]::new),
        d.layers.stream().mapToDouble(Layer::effectiveDropout).toArray(), d.loss);
    int outputs = reference.outputSize();
    expectEqual("inputSize()", d.inputs, model.inputSize());
    expectEqual("outputSize()", outputs, model.outputSize());
    expectEqual("parameterCount()", reference.parameterCount(), model.parameterCount());
    expectEqual("runningEstimateCount()", reference.runningEstimateCount(), model.runningEstimateCount());
    expectEqual("architecture()", architecture(), model.architecture());
    if (!mismatches.isEmpty()) {
      return;
    }
    double[] params = round(normalisedParameters(reference));
    reference.setParameters(params);
    model.setParameters(params.clone());
    double[] back = new double[params.length];
    model.getParameters(back);
    if (!Arrays.equals(params, back)) {
      mismatches.add("getParameters after setParameters differs, relative error " + TestData.relativeError(back, params));
    }
    int[] rows = {4, 2};
    for (int b = 0; b < rows.length; b++) {
      double[][] x = round(TestData.uniformInputs(random, rows[b], d.inputs));
      double[][] y = round(TestData.targets(random, d.loss, rows[b], outputs, b == 1));
      double[] expected = new double[params.length];
      double expectedLoss = reference.lossAndGradient(x, y, expected);
      double[] gradient = new double[params.length];
      Arrays.fill(gradient, 1e3); // written, not accumulated
      double loss = model.lossAndGradient(x, y, gradient);
      within("loss (batch of " + rows[b] + ")", TestData.relativeError(loss, expectedLoss));
      within("gradient (batch of " + rows[b] + ")", TestData.relativeError(gradient, expected));
    }
    double[] x = round(TestData.uniformInputs(random, 1, d.inputs))[0];
    double[] out = new double[outputs];
    model.predict(x, out);
    within("predict", TestData.relativeError(out, reference.predict(x)));
  }

  /**
   * RBF centres in the inputs' range and widths of order one; dense weights N(0, 1)/√fanIn, biases
   * and shifts N(0, 0.3²), scales U(0.5, 1.5): pre-activations of order one in every layer.
   */
  private double[] normalisedParameters(ReferenceNormMlp reference) {
    double[] p = new double[reference.parameterCount()];
    int k = 0;
    if (d.rbfUnits != null) {
      for (int j = 0; j < d.rbfUnits * d.inputs; j++) {
        p[k++] = 2 * random.nextDouble() - 1;
      }
      for (int j = 0; j < d.rbfUnits; j++) {
        p[k++] = Math.log((0.5 + 2 * random.nextDouble()) / d.inputs);
      }
    }
    for (int l = 0; l < reference.layerCount(); l++) {
      int in = reference.fanIn(l);
      int out = reference.fanOut(l);
      for (int j = 0; j < in * out; j++) {
        p[k++] = random.nextGaussian() / Math.sqrt(in);
      }
      if (reference.norm(l) != Norm.NONE) {
        for (int j = 0; j < out; j++) {
          p[k++] = 0.5 + random.nextDouble();
        }
      }
      for (int j = 0; j < out; j++) {
        p[k++] = 0.3 * random.nextGaussian();
      }
    }
    return p;
  }

  /** The dense part; with an RBF layer in front its inputs are the RBF units. */
  private ReferenceMlp reference() {
    int[] sizes = new int[d.layers.size() + 1];
    sizes[0] = d.rbfUnits == null ? d.inputs : d.rbfUnits;
    System.arraycopy(denseSizes(), 0, sizes, 1, d.layers.size());
    return new ReferenceMlp(sizes, activations(), d.loss);
  }

  private int[] denseSizes() {
    return d.layers.stream().mapToInt(Layer::units).toArray();
  }

  private Activation[] activations() {
    return d.layers.stream().map(Layer::effectiveActivation).toArray(Activation[]::new);
  }

  /** Centres in the inputs' range, {@code β·‖x − c‖²} of order one, dense parameters as usual. */
  private double[] rbfParameters(ReferenceRbf rbf) {
    double[] p = new double[rbf.parameterCount()];
    int k = 0;
    for (int j = 0; j < rbf.units() * d.inputs; j++) {
      p[k++] = 2 * random.nextDouble() - 1;
    }
    for (int j = 0; j < rbf.units(); j++) {
      p[k++] = Math.log((0.5 + 2 * random.nextDouble()) / d.inputs);
    }
    double[] dense = TestData.parameters(random, rbf.dense(), 1.0);
    System.arraycopy(dense, 0, p, k, dense.length);
    return p;
  }

  private Architecture architecture() {
    List<Architecture.Layer> layers = new ArrayList<>();
    for (Layer layer : d.layers) {
      layers.add(new Architecture.Layer(layer.units(), layer.effectiveActivation(), layer.effectiveNorm(),
          layer.effectiveDropout()));
    }
    return new Architecture(d.inputs, d.rbfUnits == null ? 0 : d.rbfUnits, layers, d.loss, d.effectivePrecision());
  }

  private void expectEqual(String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      mismatches.add(what + " is " + actual + ", expected " + expected);
    }
  }

  private void within(String what, double relativeError) {
    worst = Double.isNaN(relativeError) ? relativeError : Math.max(worst, relativeError);
    if (!(relativeError <= tolerance)) {
      mismatches.add(what + ": relative error " + relativeError + " > " + tolerance);
    }
  }

  private double[] round(double[] v) {
    return isFloat ? TestData.roundToFloat(v) : v;
  }

  private double[][] round(double[][] v) {
    return isFloat ? TestData.roundToFloat(v) : v;
  }
}
