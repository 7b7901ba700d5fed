package dev.unrolled.testing;

import dev.unrolled.Architecture;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Precision;

/**
 * A model that is only its parameter vector, for any {@link Architecture}: enough for model files,
 * which never run the network. Parameters are kept as given, even for a FLOAT architecture.
 */
public final class VectorModel implements Model {
  private final Architecture architecture;
  private final double[] parameters;

  public VectorModel(Architecture architecture) {
    this.architecture = architecture;
    this.parameters = new double[Math.toIntExact(architecture.parameterCount())];
  }

  /** Parameters 0.5, −1.25, 2.0, … : distinct, exactly representable as floats. */
  public static VectorModel filled(Architecture architecture) {
    VectorModel model = new VectorModel(architecture);
    for (int i = 0; i < model.parameters.length; i++) {
      model.parameters[i] = (i % 2 == 0 ? 1 : -1) * (0.5 + 0.75 * i);
    }
    return model;
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
