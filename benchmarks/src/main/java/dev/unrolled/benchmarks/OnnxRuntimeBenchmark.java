package dev.unrolled.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.unrolled.Model;
import dev.unrolled.onnx.Onnx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Inference beside ONNX Runtime: the generated float {@code predict}, of the plain backend
 * ({@code generated-float}) and of the Vector API backend ({@code generated-vector}, the same
 * parameters), against ONNX Runtime's Java API (CPU, one intra-op and one inter-op thread) running
 * the graph {@link Onnx#export} wrote from the plain model. {@code predictOne}: one row in, its probabilities out (ns per
 * row). {@code predictBatch64}: 64 rows per call, reported as rows per second; the generated model
 * answers them with its batch {@code predict(float[][], float[][])} (one forward pass of the 64 rows
 * through its batched kernels, reading the caller's rows in place), and ONNX Runtime runs them as one
 * {@code [64, inputs]} tensor. ONNX Runtime reads its input from a direct buffer the benchmark fills
 * in place (no copy into the tensor) and copies the probabilities out, as a server answering requests
 * would. Set-up fails unless ONNX Runtime's probabilities are within 1e-5 of the row's largest
 * probability of what the generated model returns, for one row against {@code predict} and for every
 * row of a batch against the batch {@code predict}: a broken export fails the benchmark rather than
 * timing a different computation.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class OnnxRuntimeBenchmark {
  private static final int ROWS = 256;
  private static final int BATCH = 64;
  /** Of the row's largest probability, as the onnx module's ExportMatchesPredictTest allows for FLOAT. */
  private static final double TOLERANCE = 1e-5;

  /** Layer sizes: 4-16-3 tanh and 784-128-10 ReLU, softmax outputs, FLOAT. */
  @Param({"4-16-3", "784-128-10"})
  public String shape;

  @Param({"generated-float", "generated-vector", "onnxruntime"})
  public String contender;

  private float[][] x;
  private float[] out;
  /** {@code batches[b]}: rows {@code [64·b, 64·b + 64)} of {@code x}, which predictBatch64 cycles through. */
  private float[][][] batches;
  private float[][] batchOut;
  private Model model;
  private Path file;
  private OrtEnvironment environment;
  private OrtSession session;
  private FloatBuffer row;
  private FloatBuffer batch;
  private OnnxTensor rowTensor;
  private OnnxTensor batchTensor;
  private int next;
  private int nextBatch;

  @Setup(Level.Trial)
  public void setUp() throws IOException, OrtException {
    int[] sizes = Contenders.sizes(shape);
    x = new TeacherData(ROWS, sizes[0], sizes[sizes.length - 1], 11).x;
    out = new float[sizes[sizes.length - 1]];
    batches = new float[ROWS / BATCH][][];
    for (int b = 0; b < batches.length; b++) {
      batches[b] = java.util.Arrays.copyOfRange(x, b * BATCH, b * BATCH + BATCH);
    }
    batchOut = new float[BATCH][out.length];
    model = shape.equals("4-16-3") ? new Shapes_SmallModel(1) : new Shapes_MnistModel(1);
    if (contender.equals("generated-vector")) {
      // The same parameters (same seed, same layout) in the Vector API backend: batch lanes for
      // 4-16-3, register tiles for 784-128-10; the fork fails if the JVM fell back to plain loops.
      model = shape.equals("4-16-3") ? new Shapes_SmallVectorModel(1) : new Shapes_MnistVectorModel(1);
      TrainingSteps.requireVectorPath(model);
    }
    if (contender.equals("onnxruntime")) {
      file = Files.createTempFile("unrolled-" + shape, ".onnx");
      Onnx.export(model, file);
      environment = OrtEnvironment.getEnvironment();
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        session = environment.createSession(file.toString(), options);
      }
      row = direct(sizes[0]);
      batch = direct(BATCH * sizes[0]);
      rowTensor = OnnxTensor.createTensor(environment, row, new long[] {1, sizes[0]});
      batchTensor = OnnxTensor.createTensor(environment, batch, new long[] {BATCH, sizes[0]});
      checkAgreesWithPredict();
    } else if (!contender.startsWith("generated-")) {
      throw new IllegalArgumentException("no contender " + contender);
    }
  }

  /**
   * ONNX Runtime on the first row alone against {@code predict}, then on the first 64 rows against the
   * batch {@code predict} the generated contender runs.
   */
  private void checkAgreesWithPredict() throws OrtException {
    row.put(0, x[0]);
    check(rowTensor, 1);
    for (int r = 0; r < BATCH; r++) {
      batch.put(r * x[0].length, x[r]);
    }
    check(batchTensor, BATCH);
  }

  private void check(OnnxTensor input, int rows) throws OrtException {
    float[] expected = new float[out.length];
    try (OrtSession.Result result = session.run(Map.of("input", input))) {
      FloatBuffer actual = ((OnnxTensor) result.get(0)).getFloatBuffer();
      if (actual.limit() != rows * expected.length) {
        throw new IllegalStateException(shape + ": ONNX Runtime returned " + actual.limit() + " values for "
            + rows + " rows of " + expected.length + " outputs");
      }
      if (rows == BATCH) {
        generatedBatch(batches[0], batchOut);
      }
      for (int r = 0; r < rows; r++) {
        if (rows == BATCH) {
          System.arraycopy(batchOut[r], 0, expected, 0, expected.length);
        } else {
          generated(x[r], expected);
        }
        float scale = 0;
        for (float p : expected) {
          scale = Math.max(scale, Math.abs(p));
        }
        for (int j = 0; j < expected.length; j++) {
          float onnx = actual.get(r * expected.length + j);
          if (!(Math.abs(onnx - expected[j]) <= TOLERANCE * scale)) {
            throw new IllegalStateException(shape + ", batch of " + rows + ", row " + r + ", output " + j
                + ": ONNX Runtime " + onnx + ", predict " + expected[j] + ", more than " + TOLERANCE
                + " × " + scale + " apart: the exported graph does not compute what predict does");
          }
        }
      }
    }
  }

  private static FloatBuffer direct(int floats) {
    return ByteBuffer.allocateDirect(4 * floats).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException, OrtException {
    if (session != null) {
      rowTensor.close();
      batchTensor.close();
      session.close();
      Files.deleteIfExists(file);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public float[] predictOne() throws OrtException {
    float[] input = x[next];
    next = next + 1 == ROWS ? 0 : next + 1;
    if (session == null) {
      generated(input, out);
      return out;
    }
    row.put(0, input);
    return runInto(rowTensor, out);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public float[] predictBatch64() throws OrtException {
    int b = nextBatch;
    nextBatch = b + 1 == batches.length ? 0 : b + 1;
    if (session == null) {
      generatedBatch(batches[b], batchOut);
      return batchOut[BATCH - 1];
    }
    int first = b * BATCH;
    int width = x[0].length;
    for (int r = 0; r < BATCH; r++) {
      batch.put(r * width, x[(first + r) % ROWS]);
    }
    return runInto(batchTensor, out);
  }

  /** The generated model's float fast path. */
  private void generated(float[] input, float[] output) {
    if (model instanceof Shapes_SmallModel small) {
      small.predict(input, output);
    } else if (model instanceof Shapes_MnistModel mnist) {
      mnist.predict(input, output);
    } else if (model instanceof Shapes_SmallVectorModel small) {
      small.predict(input, output);
    } else {
      ((Shapes_MnistVectorModel) model).predict(input, output);
    }
  }

  /** The generated model's float batch fast path. */
  private void generatedBatch(float[][] inputs, float[][] outputs) {
    if (model instanceof Shapes_SmallModel small) {
      small.predict(inputs, outputs);
    } else if (model instanceof Shapes_MnistModel mnist) {
      mnist.predict(inputs, outputs);
    } else if (model instanceof Shapes_SmallVectorModel small) {
      small.predict(inputs, outputs);
    } else {
      ((Shapes_MnistVectorModel) model).predict(inputs, outputs);
    }
  }

  /** Runs the session and copies the last row of probabilities into {@code output}. */
  private float[] runInto(OnnxTensor input, float[] output) throws OrtException {
    try (OrtSession.Result result = session.run(Map.of("input", input))) {
      FloatBuffer probabilities = ((OnnxTensor) result.get(0)).getFloatBuffer();
      probabilities.get(probabilities.limit() - output.length, output);
      return output;
    }
  }
}
