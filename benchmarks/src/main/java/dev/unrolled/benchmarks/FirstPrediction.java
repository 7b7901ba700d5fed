package dev.unrolled.benchmarks;

import java.util.SplittableRandom;
import org.encog.engine.network.activation.ActivationReLU;
import org.encog.engine.network.activation.ActivationSoftMax;
import org.encog.ml.data.basic.BasicMLData;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.layers.BasicLayer;
import smile.base.mlp.Layer;
import smile.base.mlp.OutputFunction;
import smile.classification.MLP;
import smile.math.MathEx;

/**
 * What a program does first: build the 784-128-10 ReLU network from a seed and predict one fixed
 * row, then print the class probabilities. {@link StartupHarness} times this in fresh JVMs, one
 * contender per process; {@code hello} prints a line and does nothing else, the baseline.
 *
 * <p>Each contender lives in its own nested class, so a JVM loads only the library it runs (the
 * harness puts only that library's jars on the class path).
 *
 * <pre>java -cp ... dev.unrolled.benchmarks.FirstPrediction generated-float</pre>
 */
public final class FirstPrediction {
  static final int INPUTS = 784;
  static final int HIDDEN = 128;
  static final int CLASSES = 10;
  static final long SEED = 1;
  /** Exit status of a contender this class does not know (the harness reports it as not measured). */
  static final int UNKNOWN_CONTENDER = 3;

  private FirstPrediction() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: FirstPrediction <contender>");
      System.exit(2);
    }
    if (args[0].equals("hello")) {
      System.out.println("hello, world");
      return;
    }
    double[] p = predict(args[0]);
    if (p == null) {
      System.err.println("FirstPrediction: no contender " + args[0]);
      System.exit(UNKNOWN_CONTENDER);
    }
    System.out.println(describe(args[0], p));
  }

  /** The class probabilities of {@link #row()}, or null if {@code contender} is not wired here. */
  static double[] predict(String contender) {
    switch (contender) {
      case "generated-float":
        return Generated.floatModel();
      case "generated-double":
        return Generated.doubleModel();
      case "hand-written":
        return HandWritten.predict();
      case "encog":
        return EncogNet.predict();
      case "smile":
        return SmileNet.predict();
      case "generated-vector":
        return Generated.vectorModel();
      case "dl4j":
        return Dl4jPeer.firstPrediction();
      case "djl":
        return DjlPeer.firstPrediction();
      default:
        return null;
    }
  }

  /** The fixed input row: deterministic values in [0, 1). */
  static double[] row() {
    double[] x = new double[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      x[i] = (i * 37 % 101) / 101.0;
    }
    return x;
  }

  static String describe(String contender, double[] p) {
    int best = 0;
    for (int j = 1; j < p.length; j++) {
      best = p[j] > p[best] ? j : best;
    }
    // Neither String.format nor '+': a cold JVM pays tens of milliseconds to load the Formatter, and
    // about 15 ms to bootstrap the invokedynamic string concatenation that javac emits for '+'.
    // That is the harness's cost, not the library's: hello pays neither.
    StringBuilder text = new StringBuilder(contender).append(": class ").append(best).append(" [");
    for (int j = 0; j < p.length; j++) {
      text.append(j == 0 ? "" : ", ").append(Math.round(p[j] * 10_000) / 10_000.0);
    }
    return text.append(']').toString();
  }

  private static final class Generated {
    static double[] floatModel() {
      double[] p = new double[CLASSES];
      new Shapes_MnistModel(SEED).predict(row(), p);
      return p;
    }

    static double[] vectorModel() {
      double[] p = new double[CLASSES];
      new Shapes_MnistVectorModel(SEED).predict(row(), p);
      return p;
    }

    static double[] doubleModel() {
      double[] p = new double[CLASSES];
      new Shapes_MnistDoubleModel(SEED).predict(row(), p);
      return p;
    }
  }

  /**
   * What a developer writes by hand (like {@link HandWrittenMlp}, which only trains): float weights
   * {@code w[j][i]} with Xavier-uniform initialisation, loops over runtime sizes, softmax.
   */
  private static final class HandWritten {
    static double[] predict() {
      int[] sizes = {INPUTS, HIDDEN, CLASSES};
      SplittableRandom random = new SplittableRandom(SEED);
      double[] x = row();
      float[] a = new float[INPUTS];
      for (int i = 0; i < INPUTS; i++) {
        a[i] = (float) x[i];
      }
      for (int l = 0; l + 1 < sizes.length; l++) {
        int in = sizes[l];
        int out = sizes[l + 1];
        double limit = Math.sqrt(6.0 / (in + out));
        float[][] w = new float[out][in];
        for (float[] wj : w) {
          for (int i = 0; i < in; i++) {
            wj[i] = (float) random.nextDouble(-limit, limit);
          }
        }
        float[] z = new float[out]; // biases start at zero
        for (int j = 0; j < out; j++) {
          for (int i = 0; i < in; i++) {
            z[j] += w[j][i] * a[i];
          }
          z[j] = l + 2 < sizes.length ? Math.max(0f, z[j]) : z[j];
        }
        a = z;
      }
      double max = Double.NEGATIVE_INFINITY;
      for (float v : a) {
        max = Math.max(max, v);
      }
      double sum = 0;
      double[] p = new double[a.length];
      for (int j = 0; j < a.length; j++) {
        p[j] = Math.exp(a[j] - max);
        sum += p[j];
      }
      for (int j = 0; j < a.length; j++) {
        p[j] /= sum;
      }
      return p;
    }
  }

  /** Encog 3.4: a {@code BasicNetwork} as in {@link Peers#encog}, seeded with {@code reset(seed)}. */
  private static final class EncogNet {
    static double[] predict() {
      BasicNetwork network = new BasicNetwork();
      network.addLayer(new BasicLayer(null, true, INPUTS));
      network.addLayer(new BasicLayer(new ActivationReLU(), true, HIDDEN));
      network.addLayer(new BasicLayer(new ActivationSoftMax(), false, CLASSES));
      network.getStructure().finalizeStructure();
      network.reset((int) SEED);
      return network.compute(new BasicMLData(row())).getData();
    }
  }

  /** Smile 3.1.1: an {@code MLP} as in {@link Peers#smile}, seeded through {@code MathEx.setSeed}. */
  private static final class SmileNet {
    static double[] predict() {
      MathEx.setSeed(SEED);
      MLP mlp = new MLP(Layer.input(INPUTS), Layer.rectifier(HIDDEN), Layer.mle(CLASSES, OutputFunction.SOFTMAX));
      double[] p = new double[CLASSES];
      mlp.predict(row(), p);
      return p;
    }
  }
}
