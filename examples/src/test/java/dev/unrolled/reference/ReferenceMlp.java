package dev.unrolled.reference;

import dev.unrolled.Activation;
import dev.unrolled.Loss;

/**
 * A plain, deliberately unclever multilayer perceptron in {@code double}: the oracle the generated
 * code is compared against. Everything follows DESIGN.md literally:
 *
 * <ul>
 *   <li>weights are kept as {@code W[l][out][in]}, the flat layout is layer by layer, {@code W[out][in]}
 *       row-major then {@code b[out]};
 *   <li>{@code z = W·a_prev + b}, {@code a = f(z)};
 *   <li>losses are the mean over samples and the sum over outputs, computed stably from the logits;
 *   <li>the backward pass is textbook backpropagation from the pre-activations {@code z}.
 * </ul>
 *
 * <p>Nothing here is shared with the generator: it is written from the contract only, so agreement
 * between the two means something.
 */
public final class ReferenceMlp {
  /** LEAKY_RELU slope below (and at) zero. */
  static final double LEAKY_SLOPE = 0.01;

  private final int[] sizes; // sizes[0] = inputs, sizes[l + 1] = units of layer l
  private final Activation[] activations; // one per layer, the last is the output activation
  private final Loss loss;
  private final double[][][] w; // w[l][out][in]
  private final double[][] b; // b[l][out]

  /**
   * @param sizes input width followed by the units of every layer (the last is the output layer)
   * @param activations one activation per layer ({@code sizes.length - 1} of them)
   */
  public ReferenceMlp(int[] sizes, Activation[] activations, Loss loss) {
    if (sizes.length < 2 || activations.length != sizes.length - 1) {
      throw new IllegalArgumentException(
          "need inputs plus at least one layer, and one activation per layer; got "
              + sizes.length + " sizes and " + activations.length + " activations");
    }
    if (loss.isCrossEntropy() && activations[activations.length - 1] != Activation.IDENTITY) {
      throw new IllegalArgumentException("a cross-entropy output layer must be IDENTITY (logits)");
    }
    this.sizes = sizes.clone();
    this.activations = activations.clone();
    this.loss = loss;
    int layers = activations.length;
    this.w = new double[layers][][];
    this.b = new double[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = new double[sizes[l + 1]][sizes[l]];
      b[l] = new double[sizes[l + 1]];
    }
  }

  public int layerCount() {
    return activations.length;
  }

  public int inputSize() {
    return sizes[0];
  }

  public int outputSize() {
    return sizes[sizes.length - 1];
  }

  public Loss loss() {
    return loss;
  }

  /** Input width of layer {@code l}. */
  public int fanIn(int l) {
    return sizes[l];
  }

  /** Units of layer {@code l}. */
  public int fanOut(int l) {
    return sizes[l + 1];
  }

  public Activation activation(int l) {
    return activations[l];
  }

  /** Offset of layer {@code l}'s weights in the flat layout (its biases follow the weights). */
  public int layerOffset(int l) {
    int offset = 0;
    for (int k = 0; k < l; k++) {
      offset += sizes[k + 1] * sizes[k] + sizes[k + 1];
    }
    return offset;
  }

  public int parameterCount() {
    return layerOffset(layerCount());
  }

  /** Replaces every parameter from the flat layout: per layer, {@code W[out][in]} row-major, then {@code b}. */
  public void setParameters(double[] flat) {
    if (flat.length != parameterCount()) {
      throw new IllegalArgumentException(
          "expected " + parameterCount() + " parameters, got " + flat.length);
    }
    int k = 0;
    for (int l = 0; l < layerCount(); l++) {
      for (int j = 0; j < fanOut(l); j++) {
        for (int i = 0; i < fanIn(l); i++) {
          w[l][j][i] = flat[k++];
        }
      }
      for (int j = 0; j < fanOut(l); j++) {
        b[l][j] = flat[k++];
      }
    }
  }

  /** The parameters in the flat layout. */
  public double[] getParameters() {
    double[] flat = new double[parameterCount()];
    int k = 0;
    for (int l = 0; l < layerCount(); l++) {
      for (int j = 0; j < fanOut(l); j++) {
        for (int i = 0; i < fanIn(l); i++) {
          flat[k++] = w[l][j][i];
        }
      }
      for (int j = 0; j < fanOut(l); j++) {
        flat[k++] = b[l][j];
      }
    }
    return flat;
  }

  // ---------------------------------------------------------------------------------------------
  // Forward pass

  /** Pre-activations {@code z[l]} and activations {@code a[l]} of one sample; {@code a[0]} is the input. */
  private static final class Pass {
    final double[][] z;
    final double[][] a;

    Pass(int layers) {
      z = new double[layers + 1][];
      a = new double[layers + 1][];
    }
  }

  private Pass forward(double[] x) {
    if (x.length != inputSize()) {
      throw new IllegalArgumentException("expected " + inputSize() + " inputs, got " + x.length);
    }
    Pass pass = new Pass(layerCount());
    pass.a[0] = x.clone();
    for (int l = 0; l < layerCount(); l++) {
      double[] z = new double[fanOut(l)];
      double[] a = new double[fanOut(l)];
      for (int j = 0; j < fanOut(l); j++) {
        double sum = b[l][j];
        for (int i = 0; i < fanIn(l); i++) {
          sum += w[l][j][i] * pass.a[l][i];
        }
        z[j] = sum;
        a[j] = activate(activations[l], sum);
      }
      pass.z[l + 1] = z;
      pass.a[l + 1] = a;
    }
    return pass;
  }

  /** Pre-activations of every layer for one sample: {@code result[l]} is layer {@code l}'s {@code z}. */
  public double[][] preActivations(double[] x) {
    Pass pass = forward(x);
    double[][] z = new double[layerCount()][];
    for (int l = 0; l < layerCount(); l++) {
      z[l] = pass.z[l + 1];
    }
    return z;
  }

  /** The output layer's pre-activations (logits for cross-entropy losses). */
  public double[] logits(double[] x) {
    return forward(x).z[layerCount()];
  }

  /** Softmax probabilities, sigmoid probabilities, or the output activation (MSE). */
  public double[] predict(double[] x) {
    Pass pass = forward(x);
    double[] z = pass.z[layerCount()];
    switch (loss) {
      case SOFTMAX_CROSS_ENTROPY:
        return softmax(z);
      case SIGMOID_CROSS_ENTROPY: {
        double[] p = new double[z.length];
        for (int j = 0; j < z.length; j++) {
          p[j] = sigmoid(z[j]);
        }
        return p;
      }
      default:
        return pass.a[layerCount()];
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Loss and gradient

  /** Mean over samples, sum over outputs, per DESIGN.md; stable for huge logits. */
  public double loss(double[][] inputs, double[][] targets) {
    checkBatch(inputs, targets);
    int m = inputs.length;
    double total = 0;
    for (int s = 0; s < m; s++) {
      Pass pass = forward(inputs[s]);
      total += sampleLoss(pass.z[layerCount()], pass.a[layerCount()], targets[s]);
    }
    return loss == Loss.MEAN_SQUARED_ERROR ? total / (2.0 * m) : total / m;
  }

  /** Unnormalised loss of one sample (MSE: the plain sum of squares, halved by the caller). */
  private double sampleLoss(double[] z, double[] a, double[] y) {
    double sum = 0;
    switch (loss) {
      case SOFTMAX_CROSS_ENTROPY: {
        double lse = logSumExp(z);
        for (int j = 0; j < z.length; j++) {
          sum -= y[j] * (z[j] - lse); // log softmax(z)_j = z_j − logsumexp(z)
        }
        return sum;
      }
      case SIGMOID_CROSS_ENTROPY:
        for (int j = 0; j < z.length; j++) {
          // −[y log σ(z) + (1−y) log(1−σ(z))] = softplus(z) − y·z, with softplus written stably
          sum += Math.max(z[j], 0) + Math.log1p(Math.exp(-Math.abs(z[j]))) - y[j] * z[j];
        }
        return sum;
      default:
        for (int j = 0; j < a.length; j++) {
          double d = a[j] - y[j];
          sum += d * d;
        }
        return sum;
    }
  }

  /**
   * Mean loss of the batch, and its gradient with respect to every parameter written into
   * {@code grad} (flat layout), by textbook backpropagation.
   */
  public double lossAndGradient(double[][] inputs, double[][] targets, double[] grad) {
    return lossAndGradient(inputs, targets, grad, null);
  }

  /**
   * {@link #lossAndGradient(double[][], double[][], double[])}, and when {@code inputGrad} is not null
   * also the gradient with respect to every input, {@code inputGrad[s][i] = ∂L/∂x[s][i]}: what a
   * layer in front of this network (an RBF layer) needs.
   */
  public double lossAndGradient(double[][] inputs, double[][] targets, double[] grad, double[][] inputGrad) {
    checkBatch(inputs, targets);
    if (grad.length != parameterCount()) {
      throw new IllegalArgumentException(
          "gradient needs " + parameterCount() + " entries, got " + grad.length);
    }
    int layers = layerCount();
    int m = inputs.length;
    double[][][] gw = new double[layers][][];
    double[][] gb = new double[layers][];
    for (int l = 0; l < layers; l++) {
      gw[l] = new double[fanOut(l)][fanIn(l)];
      gb[l] = new double[fanOut(l)];
    }
    double total = 0;
    for (int s = 0; s < m; s++) {
      Pass pass = forward(inputs[s]);
      double[] zOut = pass.z[layers];
      double[] aOut = pass.a[layers];
      double[] y = targets[s];
      total += sampleLoss(zOut, aOut, y);

      // δ at the output: dL/dz of the mean loss.
      double[] delta = new double[outputSize()];
      switch (loss) {
        case SOFTMAX_CROSS_ENTROPY: {
          double[] p = softmax(zOut);
          for (int j = 0; j < delta.length; j++) {
            delta[j] = (p[j] - y[j]) / m;
          }
          break;
        }
        case SIGMOID_CROSS_ENTROPY:
          for (int j = 0; j < delta.length; j++) {
            delta[j] = (sigmoid(zOut[j]) - y[j]) / m;
          }
          break;
        default:
          for (int j = 0; j < delta.length; j++) {
            delta[j] = (aOut[j] - y[j]) * derivative(activations[layers - 1], zOut[j]) / m;
          }
          break;
      }

      // Walk back: dW = δ·a_prevᵀ, db = δ, δ_prev = (Wᵀ·δ) ⊙ f'(z_prev).
      for (int l = layers - 1; l >= 0; l--) {
        double[] aPrev = pass.a[l];
        for (int j = 0; j < fanOut(l); j++) {
          gb[l][j] += delta[j];
          for (int i = 0; i < fanIn(l); i++) {
            gw[l][j][i] += delta[j] * aPrev[i];
          }
        }
        if (l == 0 && inputGrad != null) {
          for (int i = 0; i < fanIn(0); i++) {
            double back = 0;
            for (int j = 0; j < fanOut(0); j++) {
              back += w[0][j][i] * delta[j];
            }
            inputGrad[s][i] = back;
          }
        }
        if (l > 0) {
          double[] prev = new double[fanIn(l)];
          for (int i = 0; i < fanIn(l); i++) {
            double back = 0;
            for (int j = 0; j < fanOut(l); j++) {
              back += w[l][j][i] * delta[j];
            }
            prev[i] = back * derivative(activations[l - 1], pass.z[l][i]);
          }
          delta = prev;
        }
      }
    }
    int k = 0;
    for (int l = 0; l < layers; l++) {
      for (int j = 0; j < fanOut(l); j++) {
        for (int i = 0; i < fanIn(l); i++) {
          grad[k++] = gw[l][j][i];
        }
      }
      for (int j = 0; j < fanOut(l); j++) {
        grad[k++] = gb[l][j];
      }
    }
    return loss == Loss.MEAN_SQUARED_ERROR ? total / (2.0 * m) : total / m;
  }

  /**
   * Central differences {@code (L(p + h·e_k) − L(p − h·e_k)) / 2h} for every parameter {@code k};
   * leaves {@code net} with {@code params} set.
   */
  public static double[] finiteDifferenceGradient(
      ReferenceMlp net, double[] params, double[][] inputs, double[][] targets, double h) {
    double[] p = params.clone();
    double[] grad = new double[p.length];
    for (int k = 0; k < p.length; k++) {
      double saved = p[k];
      p[k] = saved + h;
      net.setParameters(p);
      double plus = net.loss(inputs, targets);
      p[k] = saved - h;
      net.setParameters(p);
      double minus = net.loss(inputs, targets);
      p[k] = saved;
      grad[k] = (plus - minus) / (2 * h);
    }
    net.setParameters(params);
    return grad;
  }

  private void checkBatch(double[][] inputs, double[][] targets) {
    if (inputs.length == 0 || inputs.length != targets.length) {
      throw new IllegalArgumentException(
          "need a non-empty batch with one target row per input; got "
              + inputs.length + " inputs and " + targets.length + " targets");
    }
    for (double[] y : targets) {
      if (y.length != outputSize()) {
        throw new IllegalArgumentException(
            "expected target rows of " + outputSize() + ", got " + y.length);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Scalar functions, straight from DESIGN.md

  public static double activate(Activation f, double z) {
    switch (f) {
      case IDENTITY:
        return z;
      case SIGMOID:
        return sigmoid(z);
      case TANH:
        return Math.tanh(z);
      case RELU:
        return z > 0 ? z : 0;
      case LEAKY_RELU:
        return z > 0 ? z : LEAKY_SLOPE * z;
      case ELU:
        return z > 0 ? z : Math.expm1(z);
      case SOFTPLUS:
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
      case SILU:
        return z * sigmoid(z);
      default:
        throw new AssertionError(f);
    }
  }

  /** {@code f'(z)}; at the kinks (z = 0) the derivative from the left is used, as DESIGN.md says for RELU. */
  public static double derivative(Activation f, double z) {
    switch (f) {
      case IDENTITY:
        return 1;
      case SIGMOID: {
        double s = sigmoid(z);
        return s * (1 - s);
      }
      case TANH: {
        double t = Math.tanh(z);
        return 1 - t * t;
      }
      case RELU:
        return z > 0 ? 1 : 0;
      case LEAKY_RELU:
        return z > 0 ? 1 : LEAKY_SLOPE;
      case ELU:
        return z > 0 ? 1 : Math.exp(z);
      case SOFTPLUS:
        return sigmoid(z);
      case SILU: {
        double s = sigmoid(z);
        return s * (1 + z * (1 - s));
      }
      default:
        throw new AssertionError(f);
    }
  }

  /** {@code 1/(1+e^-z)} without overflow for either sign. */
  public static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  public static double logSumExp(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : z) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }

  public static double[] softmax(double[] z) {
    double lse = logSumExp(z);
    double[] p = new double[z.length];
    for (int j = 0; j < z.length; j++) {
      p[j] = Math.exp(z[j] - lse);
    }
    return p;
  }
}
