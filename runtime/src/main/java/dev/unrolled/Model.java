package dev.unrolled;

import dev.unrolled.files.ModelFile;
import dev.unrolled.files.ModelFileException;
import dev.unrolled.support.Checks;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A generated network's parameters and its forward and backward passes, seen through {@code double}
 * arrays. This is the interoperability contract (tests, external optimizers, distributed
 * aggregation); each generated model also has faster entry points in its own precision.
 *
 * <p>Parameters are exposed in one flat layout: layer by layer, the weights {@code W[out][in]}
 * row-major ({@code W[j][i]} at {@code j*in + i}), then the biases {@code b[out]}. A network with an
 * {@link Rbf} layer starts with it: its centres {@code C[units][inputs]} row-major, then its
 * log-widths {@code s[units]}.
 *
 * <p>Thread safety: generated models serve {@link #predict}, {@link #classify} and
 * {@link #lossAndGradient} from many threads at once. Each calling thread gets its own scratch
 * buffers on first use, so later calls allocate nothing: for {@code predict} and {@code classify}
 * one row of activations per layer (a few kilobytes even for MNIST-sized networks), or as many
 * rows as the largest batch the thread passed to them, at most 64; the first
 * {@code lossAndGradient} on a thread adds gradient buffers as large as the parameters. The buffers
 * live in a {@code ThreadLocal} of the model, so a thread keeps them until it ends or, after the
 * model is dropped, until the JDK clears stale entries; prefer a bounded thread pool to a thread
 * per request. The parameters must not change meanwhile: finish training, or
 * {@link #setParameters}, before sharing a model between threads.
 */
public interface Model {
  /** Width of an input row. */
  int inputSize();

  /** Width of an output row (the last layer's units). */
  int outputSize();

  /** Number of trainable parameters: the length of the flat parameter vector. */
  int parameterCount();

  /** Copies the parameters, in the flat layout, into {@code dst} (length {@link #parameterCount()}). */
  void getParameters(double[] dst);

  /** Replaces the parameters with {@code src} (flat layout, length {@link #parameterCount()}). */
  void setParameters(double[] src);

  /**
   * Runs the network on one input and writes softmax probabilities, sigmoid probabilities or the
   * output activation (for mean squared error) into {@code output}.
   */
  void predict(double[] input, double[] output);

  /**
   * Runs the network on each row of {@code inputs} and writes what {@link #predict(double[], double[])}
   * writes into the matching row of {@code outputs}: the results are those of {@code predict} called
   * row by row, bit for bit. Generated models run the rows through their batched kernels in blocks
   * of 64, each row's sums in the same order as for one row: several times faster than one call per
   * row with {@link Backend#VECTOR} kernels, which reuse each weight across rows, and a little faster
   * with plain loops. This default calls {@code predict} per row. (One caveat, not of batching: on
   * {@link Backend#VECTOR}, activations computed through the Vector API's exponentials change their
   * last bits when the JIT compiles them, and so does {@code predict} itself.) Thread safety and
   * allocation are as for {@code predict}. For example:
   *
   * <pre>{@code
   * double[][] probabilities = new double[rows.length][model.outputSize()];
   * model.predict(rows, probabilities);
   * }</pre>
   *
   * @throws NullPointerException if {@code inputs} or {@code outputs} is null
   * @throws IllegalArgumentException if the arrays have different numbers of rows, or a row is missing
   *     or has the wrong width ({@link #inputSize()}, {@link #outputSize()}); nothing is written then.
   *     An empty batch is fine and writes nothing.
   */
  default void predict(double[][] inputs, double[][] outputs) {
    int n = Checks.predictions(inputs, inputSize(), outputs, outputSize());
    for (int s = 0; s < n; s++) {
      predict(inputs[s], outputs[s]);
    }
  }

  /**
   * Writes {@code classify(inputs[s])} into {@code classes[s]} for every row: equal to
   * {@link #classify(double[])} row by row, computed like {@link #predict(double[][], double[][])}.
   *
   * @throws NullPointerException if {@code inputs} or {@code classes} is null
   * @throws IllegalArgumentException if {@code classes} does not have one element per input row, or a
   *     row is missing or has the wrong width; nothing is written then
   */
  default void classify(double[][] inputs, int[] classes) {
    int n = Checks.classifications(inputs, inputSize(), classes);
    for (int s = 0; s < n; s++) {
      classes[s] = classify(inputs[s]);
    }
  }

  /**
   * Mean loss over the batch, and its gradient with respect to every parameter (flat layout) written
   * into {@code gradient}. Parameters are not changed.
   */
  double lossAndGradient(double[][] inputs, double[][] targets, double[] gradient);

  /**
   * {@link #lossAndGradient(double[][], double[][], double[])} on float rows. A FLOAT model reads
   * them as they are — no copy, and no check of the float range, which floats cannot leave — so
   * code that holds its rows in float (Spark partitions, {@link dev.unrolled.fullbatch.PartitionSum})
   * feeds it in its own precision. Other models widen the rows to double first; the result is the
   * same as passing those doubles.
   *
   * @throws IllegalArgumentException if the batch is empty, a row has the wrong width, or a value is
   *     NaN or infinite
   */
  default double lossAndGradient(float[][] inputs, float[][] targets, double[] gradient) {
    return lossAndGradient(widen(inputs), widen(targets), gradient);
  }

  /**
   * How many running estimates the model keeps besides its parameters: for each layer with
   * {@link Norm#BATCH} normalisation, in layer order, the running means of its units, then their
   * running variances. 0 for a network without batch normalisation.
   */
  default int runningEstimateCount() {
    return 0;
  }

  /**
   * Copies the running estimates (see {@link #runningEstimateCount()}) into {@code dst}. Trainer
   * steps update them; {@code predict} and {@code classify} normalise with them; model files keep them.
   */
  default void getRunningEstimates(double[] dst) {
    if (dst == null || dst.length != runningEstimateCount()) {
      throw new IllegalArgumentException("dst has length " + (dst == null ? "null" : dst.length)
          + "; the model keeps " + runningEstimateCount() + " running estimates");
    }
  }

  /**
   * Replaces the running estimates with {@code src} (layout of {@link #runningEstimateCount()}).
   * Variances must be non-negative and every value finite.
   */
  default void setRunningEstimates(double[] src) {
    if (src == null || src.length != runningEstimateCount()) {
      throw new IllegalArgumentException("src has length " + (src == null ? "null" : src.length)
          + "; the model keeps " + runningEstimateCount() + " running estimates");
    }
  }

  /** {@code rows} as doubles, for the default float {@code lossAndGradient}; nulls are left to its checks. */
  private static double[][] widen(float[][] rows) {
    if (rows == null) {
      return null;
    }
    double[][] wide = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r] != null) {
        wide[r] = new double[rows[r].length];
        for (int c = 0; c < rows[r].length; c++) {
          wide[r][c] = rows[r][c];
        }
      }
    }
    return wide;
  }

  /** The declared architecture: input width, layers, loss and precision. */
  Architecture architecture();

  /** The training objective the model was declared with. */
  Loss loss();

  /** The arithmetic of the generated code. */
  Precision precision();

  /** A Keras-style table of the layers: output shape, activation, parameter count, code shape. */
  String summary();

  /**
   * The kernels this model runs in this JVM: {@link Backend#VECTOR} when it was generated with
   * Vector API kernels and the JVM has {@code jdk.incubator.vector}, else {@link Backend#PLAIN}.
   * Never {@link Backend#DEFAULT}.
   */
  default Backend backend() {
    return Backend.PLAIN;
  }

  /** Index of the most probable class for {@code input} (for one sigmoid output: 1 when p ≥ 0.5). */
  default int classify(double[] input) {
    double[] out = new double[outputSize()];
    predict(input, out);
    if (out.length == 1) {
      return out[0] >= 0.5 ? 1 : 0;
    }
    int best = 0;
    for (int j = 1; j < out.length; j++) {
      if (out[j] > out[best]) {
        best = j;
      }
    }
    return best;
  }

  /** A fresh copy of the flat parameter vector. */
  default double[] parameters() {
    double[] p = new double[parameterCount()];
    getParameters(p);
    return p;
  }

  /**
   * Saves the architecture, parameters and running estimates to {@code file}, atomically replacing
   * it; see {@link ModelFile} for the format. For example {@code model.save(Path.of("iris.unrl"))}.
   *
   * @throws ModelFileException if a parameter or running estimate is not finite, or a running
   *     variance is negative; nothing is written then
   * @throws IOException if the file cannot be written; the previous file, if any, is unchanged
   */
  default void save(Path file) throws IOException {
    ModelFile.save(this, file);
  }

  /**
   * Replaces the parameters and running estimates with those saved in {@code file} by a model of the
   * same architecture.
   *
   * @throws ModelFileException if the file is not an intact model file of this architecture; the
   *     parameters and running estimates are then unchanged
   * @throws IOException if the file cannot be read
   */
  default void load(Path file) throws IOException {
    ModelFile.load(this, file);
  }
}
