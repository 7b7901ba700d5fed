package dev.unrolled.benchmarks;

import java.util.SplittableRandom;

/**
 * What a Java developer writes by hand: a generic MLP over {@code float[]} with loops over runtime
 * sizes, weights {@code w[l][j][i]}, ReLU or tanh hidden layers, softmax cross-entropy, plain SGD.
 * Buffers are allocated once; the point of comparison is the code shape, not allocation.
 */
final class HandWrittenMlp {
  private final int[] sizes;
  private final boolean tanh;
  private final float[][][] w;
  private final float[][] b;
  private final float[][][] gw;
  private final float[][] gb;
  private final float[][] a; // activations per layer of one sample (a[0] = input)
  private final float[][] delta;
  private final float learningRate;

  HandWrittenMlp(int[] sizes, boolean tanh, float learningRate, long seed) {
    this.sizes = sizes.clone();
    this.tanh = tanh;
    this.learningRate = learningRate;
    int layers = sizes.length - 1;
    w = new float[layers][][];
    b = new float[layers][];
    gw = new float[layers][][];
    gb = new float[layers][];
    a = new float[sizes.length][];
    delta = new float[sizes.length][];
    SplittableRandom random = new SplittableRandom(seed);
    for (int l = 0; l < layers; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      w[l] = new float[out][in];
      gw[l] = new float[out][in];
      b[l] = new float[out];
      gb[l] = new float[out];
      double limit = Math.sqrt(6.0 / (in + out));
      for (int j = 0; j < out; j++) {
        for (int i = 0; i < in; i++) {
          w[l][j][i] = (float) (random.nextDouble(-limit, limit));
        }
      }
    }
    for (int l = 0; l < sizes.length; l++) {
      a[l] = new float[sizes[l]];
      delta[l] = new float[sizes[l]];
    }
  }

  /** Softmax probabilities of one input row into {@code output}. */
  void predict(float[] input, float[] output) {
    int layers = sizes.length - 1;
    System.arraycopy(input, 0, a[0], 0, sizes[0]);
    for (int l = 0; l < layers; l++) {
      boolean hidden = l < layers - 1;
      for (int j = 0; j < sizes[l + 1]; j++) {
        float z = b[l][j];
        for (int i = 0; i < sizes[l]; i++) {
          z += w[l][j][i] * a[l][i];
        }
        a[l + 1][j] = hidden ? (tanh ? (float) Math.tanh(z) : Math.max(0f, z)) : z;
      }
    }
    float[] logits = a[layers];
    float max = logits[0];
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (float v : logits) {
      sum += Math.exp(v - max);
    }
    for (int j = 0; j < logits.length; j++) {
      output[j] = (float) (Math.exp(logits[j] - max) / sum);
    }
  }

  /** One SGD step on {@code rows[from..from+m)}; returns the mean loss. */
  double trainBatch(float[][] x, int[] labels, int from, int m) {
    int layers = sizes.length - 1;
    for (int l = 0; l < layers; l++) {
      for (float[] row : gw[l]) {
        java.util.Arrays.fill(row, 0f);
      }
      java.util.Arrays.fill(gb[l], 0f);
    }
    double loss = 0;
    for (int s = from; s < from + m; s++) {
      System.arraycopy(x[s], 0, a[0], 0, sizes[0]);
      for (int l = 0; l < layers; l++) {
        boolean hidden = l < layers - 1;
        for (int j = 0; j < sizes[l + 1]; j++) {
          float z = b[l][j];
          for (int i = 0; i < sizes[l]; i++) {
            z += w[l][j][i] * a[l][i];
          }
          a[l + 1][j] = hidden ? (tanh ? (float) Math.tanh(z) : Math.max(0f, z)) : z;
        }
      }
      float[] logits = a[layers];
      float max = logits[0];
      for (float v : logits) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (float v : logits) {
        sum += Math.exp(v - max);
      }
      int y = labels[s];
      loss += Math.log(sum) + max - logits[y];
      for (int j = 0; j < logits.length; j++) {
        delta[layers][j] = (float) ((Math.exp(logits[j] - max) / sum - (j == y ? 1 : 0)) / m);
      }
      for (int l = layers - 1; l >= 0; l--) {
        for (int j = 0; j < sizes[l + 1]; j++) {
          float d = delta[l + 1][j];
          gb[l][j] += d;
          for (int i = 0; i < sizes[l]; i++) {
            gw[l][j][i] += d * a[l][i];
          }
        }
        if (l > 0) {
          for (int i = 0; i < sizes[l]; i++) {
            float back = 0;
            for (int j = 0; j < sizes[l + 1]; j++) {
              back += w[l][j][i] * delta[l + 1][j];
            }
            float act = a[l][i];
            delta[l][i] = back * (tanh ? 1 - act * act : (act > 0 ? 1 : 0));
          }
        }
      }
    }
    for (int l = 0; l < layers; l++) {
      for (int j = 0; j < sizes[l + 1]; j++) {
        b[l][j] -= learningRate * gb[l][j];
        for (int i = 0; i < sizes[l]; i++) {
          w[l][j][i] -= learningRate * gw[l][j][i];
        }
      }
    }
    return loss / m;
  }
}
