package dev.unrolled.testing;

import dev.unrolled.Activation;
import dev.unrolled.Architecture;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Precision;
import java.util.Arrays;

/** Hand-written logistic regression, {@code p = σ(w·x + b)}: a tiny stand-in for a generated model. */
public final class LogisticModel implements Model {
  public final double[] weights;
  public final double[] bias = new double[1];

  public LogisticModel(int inputs) {
    this.weights = new double[inputs];
  }

  @Override
  public int inputSize() {
    return weights.length;
  }

  @Override
  public int outputSize() {
    return 1;
  }

  @Override
  public int parameterCount() {
    return weights.length + 1;
  }

  @Override
  public void getParameters(double[] dst) {
    System.arraycopy(weights, 0, dst, 0, weights.length);
    dst[weights.length] = bias[0];
  }

  @Override
  public void setParameters(double[] src) {
    System.arraycopy(src, 0, weights, 0, weights.length);
    bias[0] = src[weights.length];
  }

  @Override
  public void predict(double[] input, double[] output) {
    output[0] = 1 / (1 + Math.exp(-logit(input)));
  }

  @Override
  public double lossAndGradient(double[][] inputs, double[][] targets, double[] gradient) {
    Arrays.fill(gradient, 0);
    double loss = 0;
    int m = inputs.length;
    for (int i = 0; i < m; i++) {
      double z = logit(inputs[i]);
      loss += softplus(z) - targets[i][0] * z;
      double delta = (1 / (1 + Math.exp(-z)) - targets[i][0]) / m;
      for (int k = 0; k < weights.length; k++) {
        gradient[k] += delta * inputs[i][k];
      }
      gradient[weights.length] += delta;
    }
    return loss / m;
  }

  @Override
  public Architecture architecture() {
    return Architecture.of(weights.length, Loss.SIGMOID_CROSS_ENTROPY, Precision.DOUBLE,
        new Architecture.Layer(1, Activation.IDENTITY));
  }

  @Override
  public Loss loss() {
    return Loss.SIGMOID_CROSS_ENTROPY;
  }

  @Override
  public Precision precision() {
    return Precision.DOUBLE;
  }

  @Override
  public String summary() {
    return "logistic regression, " + weights.length + " inputs";
  }

  public double logit(double[] x) {
    double z = bias[0];
    for (int k = 0; k < weights.length; k++) {
      z += weights[k] * x[k];
    }
    return z;
  }

  public static double softplus(double z) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }
}
