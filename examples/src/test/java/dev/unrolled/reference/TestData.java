package dev.unrolled.reference;

import dev.unrolled.Loss;
import dev.unrolled.Model;
import java.util.Random;

/** Seeded random batches and parameters, and the error measures every differential test uses. */
public final class TestData {
  private TestData() {}

  /**
   * Central differences {@code (L(p + h·e_k) − L(p − h·e_k)) / 2h} of a generated model's own loss
   * for every parameter, independent of any reference; leaves {@code model} at {@code params}.
   */
  public static double[] centralDifferences(Model model, double[] params, double[][] x, double[][] y, double h) {
    double[] p = params.clone();
    double[] scratch = new double[p.length];
    double[] numeric = new double[p.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = params[k] + h;
      model.setParameters(p);
      double plus = model.lossAndGradient(x, y, scratch);
      p[k] = params[k] - h;
      model.setParameters(p);
      double minus = model.lossAndGradient(x, y, scratch);
      p[k] = params[k];
      numeric[k] = (plus - minus) / (2 * h);
    }
    model.setParameters(params);
    return numeric;
  }

  /** {@code ‖a − b‖₂ / ‖b‖₂} (or {@code ‖a‖₂} when {@code b} is zero). */
  public static double relativeError(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
    }
    double diff = 0;
    double norm = 0;
    for (int k = 0; k < a.length; k++) {
      double d = a[k] - b[k];
      diff += d * d;
      norm += b[k] * b[k];
    }
    return norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
  }

  /** {@code |a − b| / max(|b|, 1e-12)}. */
  public static double relativeError(double a, double b) {
    return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
  }

  /** Element-wise {@code a − b}. */
  public static double[] minus(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      d[k] = a[k] - b[k];
    }
    return d;
  }

  public static double norm(double[] a) {
    double sum = 0;
    for (double v : a) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }

  public static boolean allFinite(double[] a) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Rows of U(−1, 1). */
  public static double[][] uniformInputs(Random random, int rows, int width) {
    double[][] x = new double[rows][width];
    for (double[] row : x) {
      for (int i = 0; i < width; i++) {
        row[i] = 2 * random.nextDouble() - 1;
      }
    }
    return x;
  }

  /**
   * Targets suited to {@code loss}: probability rows for softmax (one-hot when {@code oneHot}),
   * values in [0, 1] for sigmoid (0/1 when {@code oneHot}), N(0, 1) reals for MSE.
   */
  public static double[][] targets(Random random, Loss loss, int rows, int width, boolean oneHot) {
    double[][] y = new double[rows][width];
    for (double[] row : y) {
      switch (loss) {
        case SOFTMAX_CROSS_ENTROPY:
          if (oneHot) {
            row[random.nextInt(width)] = 1;
          } else {
            double sum = 0;
            for (int j = 0; j < width; j++) {
              row[j] = random.nextDouble() + 1e-3;
              sum += row[j];
            }
            for (int j = 0; j < width; j++) {
              row[j] /= sum;
            }
          }
          break;
        case SIGMOID_CROSS_ENTROPY:
          for (int j = 0; j < width; j++) {
            row[j] = oneHot ? random.nextInt(2) : random.nextDouble();
          }
          break;
        default:
          for (int j = 0; j < width; j++) {
            row[j] = random.nextGaussian();
          }
          break;
      }
    }
    return y;
  }

  /**
   * Parameters in the flat layout: weights N(0, 1)·scale/√fanIn, biases N(0, 0.3²), so
   * pre-activations are O(1): activations neither saturate nor vanish and every path matters.
   */
  public static double[] parameters(Random random, ReferenceMlp net, double scale) {
    double[] p = new double[net.parameterCount()];
    int k = 0;
    for (int l = 0; l < net.layerCount(); l++) {
      double std = scale / Math.sqrt(net.fanIn(l));
      for (int n = 0; n < net.fanOut(l) * net.fanIn(l); n++) {
        p[k++] = std * random.nextGaussian();
      }
      for (int n = 0; n < net.fanOut(l); n++) {
        p[k++] = 0.3 * random.nextGaussian();
      }
    }
    return p;
  }

  /** The value a FLOAT model stores for {@code v}. */
  public static double[] roundToFloat(double[] v) {
    double[] r = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      r[k] = (float) v[k];
    }
    return r;
  }

  public static double[][] roundToFloat(double[][] v) {
    double[][] r = new double[v.length][];
    for (int k = 0; k < v.length; k++) {
      r[k] = roundToFloat(v[k]);
    }
    return r;
  }

  public static float[][] toFloat(double[][] v) {
    float[][] r = new float[v.length][];
    for (int k = 0; k < v.length; k++) {
      r[k] = new float[v[k].length];
      for (int j = 0; j < v[k].length; j++) {
        r[k][j] = (float) v[k][j];
      }
    }
    return r;
  }

  /** Smallest |z| over every unit of every layer for the batch: how far the data is from a kink. */
  public static double closestToKink(ReferenceMlp net, double[][] inputs) {
    double min = Double.POSITIVE_INFINITY;
    for (double[] x : inputs) {
      for (double[] z : net.preActivations(x)) {
        for (double v : z) {
          min = Math.min(min, Math.abs(v));
        }
      }
    }
    return min;
  }
}
