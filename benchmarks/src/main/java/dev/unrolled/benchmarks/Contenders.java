package dev.unrolled.benchmarks;

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

  /** Milliseconds since this JVM started, for the first-prediction mains. */
  static long millisSinceJvmStart() {
    return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
  }
}
