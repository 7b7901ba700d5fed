package dev.unrolled.benchmarks;

import java.util.SplittableRandom;

/**
 * Synthetic data every contender trains on: uniform inputs in [0, 1) labelled by a random linear
 * "teacher" (the arg-max of W·x), so the task is learnable and accuracy rises for everyone.
 */
final class TeacherData {
  final float[][] x;
  final int[] labels;

  TeacherData(int rows, int inputs, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] teacher = new double[classes][inputs];
    for (double[] row : teacher) {
      for (int i = 0; i < inputs; i++) {
        row[i] = random.nextGaussian();
      }
    }
    x = new float[rows][inputs];
    labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < inputs; i++) {
        x[r][i] = (float) random.nextDouble();
      }
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        double score = 0;
        for (int i = 0; i < inputs; i++) {
          score += teacher[c][i] * (x[r][i] - 0.5);
        }
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      labels[r] = best;
    }
  }

  double[][] asDouble() {
    double[][] copy = new double[x.length][];
    for (int r = 0; r < x.length; r++) {
      copy[r] = new double[x[r].length];
      for (int i = 0; i < x[r].length; i++) {
        copy[r][i] = x[r][i];
      }
    }
    return copy;
  }

  /** The rows as consecutive batches of {@code m} (the rows themselves, not copies); a last partial batch is left out. */
  float[][][] inputBatches(int m) {
    float[][][] batches = new float[x.length / m][m][];
    for (int k = 0; k < batches.length; k++) {
      System.arraycopy(x, k * m, batches[k], 0, m);
    }
    return batches;
  }

  /** The labels of {@link #inputBatches(int)}. */
  int[][] labelBatches(int m) {
    int[][] batches = new int[labels.length / m][m];
    for (int k = 0; k < batches.length; k++) {
      System.arraycopy(labels, k * m, batches[k], 0, m);
    }
    return batches;
  }
}
