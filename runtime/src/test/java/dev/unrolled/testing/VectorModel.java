package dev.unrolled.testing;

import dev.unrolled.Architecture;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Precision;

/**
 * A model that is only its parameter vector and its running estimates, for any {@link Architecture}:
 * enough for model files, which never run the network. Values are kept as given, even for a FLOAT
 * architecture, and {@link #setRunningEstimates} checks the length only, so that a test sees
 * whatever a load passes on.
 */
public final class VectorModel implements Model {
  private final Architecture architecture;
  private final double[] parameters;
  private final double[] estimates;

  /** A model keeping the running estimates its architecture implies, as a generated model does. */
  public VectorModel(Architecture architecture) {
    this(architecture, architecture.runningEstimateCount());
  }

  /** A model keeping {@code runningEstimates} running estimates, whatever its architecture implies. */
  public VectorModel(Architecture architecture, int runningEstimates) {
    this(architecture, Math.toIntExact(architecture.parameterCount()), runningEstimates);
  }

  /**
   * A model of {@code parameters} parameters and {@code runningEstimates} running estimates, whatever
   * its architecture implies: what a model file of another implementation holds.
   */
  public VectorModel(Architecture architecture, int parameters, int runningEstimates) {
    this.architecture = architecture;
    this.parameters = new double[parameters];
    this.estimates = new double[runningEstimates];
  }

  /**
   * Parameters 0.5, −1.25, 2.0, … and running estimates 0.25, 0.75, 1.25, … : distinct, exactly
   * representable as floats, and valid as means and variances alike.
   */
  public static VectorModel filled(Architecture architecture) {
    VectorModel model = new VectorModel(architecture);
    for (int i = 0; i < model.parameters.length; i++) {
      model.parameters[i] = (i % 2 == 0 ? 1 : -1) * (0.5 + 0.75 * i);
    }
    for (int i = 0; i < model.estimates.length; i++) {
      model.estimates[i] = 0.25 + 0.5 * i;
    }
    return model;
  }

  /** A fresh copy of the running estimates. */
  public double[] runningEstimates() {
    return estimates.clone();
  }

  @Override
  public int runningEstimateCount() {
    return estimates.length;
  }

  @Override
  public void getRunningEstimates(double[] dst) {
    requireLength(dst);
    System.arraycopy(estimates, 0, dst, 0, estimates.length);
  }

  @Override
  public void setRunningEstimates(double[] src) {
    requireLength(src);
    System.arraycopy(src, 0, estimates, 0, estimates.length);
  }

  private void requireLength(double[] array) {
    if (array.length != estimates.length) {
      throw new IllegalArgumentException("length " + array.length + "; the model keeps " + estimates.length
          + " running estimates");
    }
  }

  @Override
  public int inputSize() {
    return architecture.inputs();
  }

  @Override
  public int outputSize() {
    return architecture.outputs();
  }

  @Override
  public int parameterCount() {
    return parameters.length;
  }

  @Override
  public void getParameters(double[] dst) {
    System.arraycopy(parameters, 0, dst, 0, parameters.length);
  }

  @Override
  public void setParameters(double[] src) {
    System.arraycopy(src, 0, parameters, 0, parameters.length);
  }

  @Override
  public void predict(double[] input, double[] output) {
    throw new UnsupportedOperationException("a VectorModel only holds parameters");
  }

  @Override
  public double lossAndGradient(double[][] inputs, double[][] targets, double[] gradient) {
    throw new UnsupportedOperationException("a VectorModel only holds parameters");
  }

  @Override
  public Architecture architecture() {
    return architecture;
  }

  @Override
  public Loss loss() {
    return architecture.loss();
  }

  @Override
  public Precision precision() {
    return architecture.precision();
  }

  @Override
  public String summary() {
    return architecture.toString();
  }
}
