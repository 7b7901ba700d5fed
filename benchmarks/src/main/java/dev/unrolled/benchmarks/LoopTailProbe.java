package dev.unrolled.benchmarks;

import java.util.Arrays;
import java.util.Random;

/**
 * Why the plain backend's 784-128-10 step is slower on JDK 25 than on JDK 17: the layer-1 kernels
 * as generated (rows of 128 floats) beside the same kernels over rows padded to 136, in ns per
 * call (batch 32).
 *
 * <p>C2 vectorises a constant 128-trip axpy loop with 8-lane vectors (its 10% residual-iteration
 * rule, {@code LoopPercentProfileLimit}, keeps it from 16) and runs the rest scalar: a pre-loop
 * that aligns the store (2–8 iterations) and a post-loop. JDK 17 steps its main loop by one
 * vector, so pre- and post-loop add up to 8 scalar iterations per call; JDK 25 steps it by two
 * vectors and emits no one-vector drain loop, so they add up to 16, whatever the row's alignment.
 * A row length of 8 mod 16 (136) brings JDK 25 back to 8, and so does
 * {@code -XX:MaxVectorSize=32} (it gets the drain loop). No other loop shape over rows of 128
 * avoids it. A development diagnostic, not a benchmark of record: fastest of many short runs,
 * kernels interleaved. Run it with
 * {@code java -cp <benchmarks classpath> dev.unrolled.benchmarks.LoopTailProbe [runs]} on each JDK.
 */
public final class LoopTailProbe {
  private static final int M = 32;
  private static final int IN = 784;

  private interface Kernel {
    void run();
  }

  private static void dense128(float[][] a, float[][] w, float[][] z) {
    for (int i = 0; i < IN; i += 4) {
      float[] w_0 = w[i], w_1 = w[i + 1], w_2 = w[i + 2], w_3 = w[i + 3];
      for (int s = 0; s < M; s++) {
        float[] as = a[s], zs = z[s];
        float a_0 = as[i], a_1 = as[i + 1], a_2 = as[i + 2], a_3 = as[i + 3];
        for (int j = 0; j < 128; j++) {
          zs[j] += a_0 * w_0[j] + a_1 * w_1[j] + a_2 * w_2[j] + a_3 * w_3[j];
        }
      }
    }
  }

  private static void dense136(float[][] a, float[][] w, float[][] z) {
    for (int i = 0; i < IN; i += 4) {
      float[] w_0 = w[i], w_1 = w[i + 1], w_2 = w[i + 2], w_3 = w[i + 3];
      for (int s = 0; s < M; s++) {
        float[] as = a[s], zs = z[s];
        float a_0 = as[i], a_1 = as[i + 1], a_2 = as[i + 2], a_3 = as[i + 3];
        for (int j = 0; j < 136; j++) {
          zs[j] += a_0 * w_0[j] + a_1 * w_1[j] + a_2 * w_2[j] + a_3 * w_3[j];
        }
      }
    }
  }

  private static void gradient128(float[][] a, float[][] d, float[][] gw) {
    for (int i = 0; i < IN; i++) {
      float[] g = gw[i];
      for (int s = 0; s < M; s += 4) {
        float a_0 = a[s][i], a_1 = a[s + 1][i], a_2 = a[s + 2][i], a_3 = a[s + 3][i];
        float[] d_0 = d[s], d_1 = d[s + 1], d_2 = d[s + 2], d_3 = d[s + 3];
        for (int j = 0; j < 128; j++) {
          g[j] += a_0 * d_0[j] + a_1 * d_1[j] + a_2 * d_2[j] + a_3 * d_3[j];
        }
      }
    }
  }

  private static void gradient136(float[][] a, float[][] d, float[][] gw) {
    for (int i = 0; i < IN; i++) {
      float[] g = gw[i];
      for (int s = 0; s < M; s += 4) {
        float a_0 = a[s][i], a_1 = a[s + 1][i], a_2 = a[s + 2][i], a_3 = a[s + 3][i];
        float[] d_0 = d[s], d_1 = d[s + 1], d_2 = d[s + 2], d_3 = d[s + 3];
        for (int j = 0; j < 136; j++) {
          g[j] += a_0 * d_0[j] + a_1 * d_1[j] + a_2 * d_2[j] + a_3 * d_3[j];
        }
      }
    }
  }

  private static float[][] rows(Random random, int n, int width) {
    float[][] rows = new float[n][width];
    for (float[] row : rows) {
      for (int k = 0; k < width; k++) {
        row[k] = (float) random.nextGaussian();
      }
    }
    return rows;
  }

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Random random = new Random(1);
    float[][] x = rows(random, M, IN);
    float[][] w128 = rows(random, IN, 128), z128 = rows(random, M, 128), d128 = rows(random, M, 128);
    float[][] w136 = rows(random, IN, 136), z136 = rows(random, M, 136), d136 = rows(random, M, 136);
    float[][] g128 = new float[IN][128], g136 = new float[IN][136];
    String[] names = {"dense, rows of 128", "dense, rows of 136", "gradient, rows of 128", "gradient, rows of 136"};
    Kernel[] kernels = {() -> dense128(x, w128, z128), () -> dense136(x, w136, z136),
        () -> gradient128(x, d128, g128), () -> gradient136(x, d136, g136)};
    double[] best = new double[kernels.length];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    for (int round = 0; round < 10; round++) { // interleaved, so load changes hit every kernel
      for (int k = 0; k < kernels.length; k++) {
        for (int run = 0; run < runs; run++) {
          long start = System.nanoTime();
          kernels[k].run();
          best[k] = Math.min(best[k], System.nanoTime() - start);
        }
      }
    }
    System.out.printf("Java %s, layer 784→128, batch %d, fastest of %d calls:%n", Runtime.version(), M, 10 * runs);
    for (int k = 0; k < kernels.length; k++) {
      System.out.printf("%-22s %9.0f ns%n", names[k], best[k]);
    }
  }
}
