package dev.unrolled.reference;

import dev.unrolled.Activation;
import dev.unrolled.Loss;

/**
 * The oracle for RBF networks, written from the definition only: a Gaussian layer
 * {@code φ_j(x) = exp(−β_j·‖x − c_j‖²)}, {@code β_j = exp(s_j)}, feeding a {@link ReferenceMlp}.
 * Flat layout: centres {@code C[units][inputs]} row-major, then {@code s[units]}, then the MLP's.
 * The chain rule is applied to {@code φ} directly ({@code ∂φ/∂c_ji = 2β_j·φ_j·(x_i − c_ji)},
 * {@code ∂φ/∂s_j = −β_j·‖x − c_j‖²·φ_j}), not through the scaled distance the generator uses.
 */
public final class ReferenceRbf {
  private final int inputs;
  private final int units;
  private final double[][] c; // c[j][i]
  private final double[] s; // log-widths
  private final ReferenceMlp dense;

  /**
   * @param denseSizes the dense part's sizes after the RBF layer: its hidden layers' units, then the outputs
   * @param activations one per dense layer
   */
  public ReferenceRbf(int inputs, int units, int[] denseSizes, Activation[] activations, Loss loss) {
    this.inputs = inputs;
    this.units = units;
    this.c = new double[units][inputs];
    this.s = new double[units];
    int[] sizes = new int[denseSizes.length + 1];
    sizes[0] = units;
    System.arraycopy(denseSizes, 0, sizes, 1, denseSizes.length);
    this.dense = new ReferenceMlp(sizes, activations, loss);
  }

  public int inputSize() {
    return inputs;
  }

  public int units() {
    return units;
  }

  public int outputSize() {
    return dense.outputSize();
  }

  /** The dense part, to which the RBF outputs are the inputs. */
  public ReferenceMlp dense() {
    return dense;
  }

  public int rbfParameterCount() {
    return units * inputs + units;
  }

  public int parameterCount() {
    return rbfParameterCount() + dense.parameterCount();
  }

  public void setParameters(double[] flat) {
    if (flat.length != parameterCount()) {
      throw new IllegalArgumentException("expected " + parameterCount() + " parameters, got " + flat.length);
    }
    int k = 0;
    for (int j = 0; j < units; j++) {
      for (int i = 0; i < inputs; i++) {
        c[j][i] = flat[k++];
      }
    }
    for (int j = 0; j < units; j++) {
      s[j] = flat[k++];
    }
    double[] rest = new double[dense.parameterCount()];
    System.arraycopy(flat, k, rest, 0, rest.length);
    dense.setParameters(rest);
  }

  /** {@code φ(x)}: one value per unit. */
  public double[] phi(double[] x) {
    if (x.length != inputs) {
      throw new IllegalArgumentException("expected " + inputs + " inputs, got " + x.length);
    }
    double[] phi = new double[units];
    for (int j = 0; j < units; j++) {
      phi[j] = Math.exp(-Math.exp(s[j]) * squaredDistance(x, c[j]));
    }
    return phi;
  }

  private double[][] phi(double[][] xs) {
    double[][] phis = new double[xs.length][];
    for (int r = 0; r < xs.length; r++) {
      phis[r] = phi(xs[r]);
    }
    return phis;
  }

  public double[] predict(double[] x) {
    return dense.predict(phi(x));
  }

  public double loss(double[][] x, double[][] y) {
    return dense.loss(phi(x), y);
  }

  /** Mean loss, and its gradient in the flat layout written into {@code grad}. */
  public double lossAndGradient(double[][] x, double[][] y, double[] grad) {
    if (grad.length != parameterCount()) {
      throw new IllegalArgumentException("gradient needs " + parameterCount() + " entries, got " + grad.length);
    }
    double[][] phis = phi(x);
    double[][] dPhi = new double[x.length][units];
    double[] denseGrad = new double[dense.parameterCount()];
    double loss = dense.lossAndGradient(phis, y, denseGrad, dPhi);
    double[][] gc = new double[units][inputs];
    double[] gs = new double[units];
    for (int r = 0; r < x.length; r++) {
      for (int j = 0; j < units; j++) {
        double beta = Math.exp(s[j]);
        double phi = phis[r][j];
        for (int i = 0; i < inputs; i++) {
          gc[j][i] += dPhi[r][j] * 2 * beta * phi * (x[r][i] - c[j][i]);
        }
        gs[j] += dPhi[r][j] * -beta * squaredDistance(x[r], c[j]) * phi;
      }
    }
    int k = 0;
    for (int j = 0; j < units; j++) {
      for (int i = 0; i < inputs; i++) {
        grad[k++] = gc[j][i];
      }
    }
    for (int j = 0; j < units; j++) {
      grad[k++] = gs[j];
    }
    System.arraycopy(denseGrad, 0, grad, k, denseGrad.length);
    return loss;
  }

  /** Central differences of {@link #loss} for every parameter; leaves the network at {@code params}. */
  public double[] finiteDifferenceGradient(double[] params, double[][] x, double[][] y, double h) {
    double[] p = params.clone();
    double[] grad = new double[p.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = params[k] + h;
      setParameters(p);
      double plus = loss(x, y);
      p[k] = params[k] - h;
      setParameters(p);
      double minus = loss(x, y);
      p[k] = params[k];
      grad[k] = (plus - minus) / (2 * h);
    }
    setParameters(params);
    return grad;
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return sum;
  }
}
