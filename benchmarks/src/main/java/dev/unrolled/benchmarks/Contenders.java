package dev.unrolled.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * What the training and inference benchmarks share: the contender names, how a layer-size text such
 * as {@code "784-128-10"} reads, which hidden activation a shape uses, and the fixed input row of the
 * start-to-first-prediction mains.
 */
final class Contenders {
  private Contenders() {}

  /** {@code "784-128-10"} as {@code {784, 128, 10}}. */
  static int[] sizes(String layers) {
    String[] text = layers.split("-");
    int[] sizes = new int[text.length];
    for (int l = 0; l < sizes.length; l++) {
      sizes[l] = Integer.parseInt(text[l]);
    }
    return sizes;
  }

  /** The small 4-input network uses tanh hidden layers, the MNIST-sized ones ReLU. */
  static boolean tanh(int[] sizes) {
    return sizes[0] < 100;
  }

  /** The input every first-prediction method uses: {@code x[i] = ((37 i) mod 101) / 100}. */
  static float[] fixedRow(int inputs) {
    float[] row = new float[inputs];
    for (int i = 0; i < inputs; i++) {
      row[i] = (i * 37 % 101) / 100f;
    }
    return row;
  }

  /** Converts probabilities to double for the first-prediction methods. */
  static double[] toDouble(float[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i];
    }
    return result;
  }

  /**
   * Fails unless {@code OMP_NUM_THREADS}, {@code OPENBLAS_NUM_THREADS} and {@code MKL_NUM_THREADS}
   * are 1: the native peers read them when their libraries load (the in-process settings do not
   * stop ND4J from computing on a second thread), and a JMH fork inherits them from the launching
   * process. The exec-maven-plugin configuration sets them; a plain {@code java} command must too.
   */
  static void requireSingleThreadedNatives(String contender) {
    for (String name : new String[] {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}) {
      if (!"1".equals(System.getenv(name))) {
        throw new IllegalStateException(contender + " must run single-threaded: set OMP_NUM_THREADS=1"
            + " OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 in the environment of the command that starts"
            + " JMH (" + name + " is " + System.getenv(name) + ")");
      }
    }
  }

  /** Milliseconds since this JVM started, for the first-prediction mains. */
  static long millisSinceJvmStart() {
    return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
  }
}
