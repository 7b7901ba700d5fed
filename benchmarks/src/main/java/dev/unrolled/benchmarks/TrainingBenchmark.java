package dev.unrolled.benchmarks;

import dev.unrolled.Optimizer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One SGD training step (learning rate 0.01) per operation, single-threaded, on teacher-labelled
 * data cycled batch by batch. Samples per second = operations per second × batch size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class TrainingBenchmark {
  private static final float LEARNING_RATE = 0.01f;

  /** Layer sizes / batch size. */
  @Param({"4-16-3/16", "784-128-10/32", "784-128-10/1", "784-256-128-10/64"})
  public String shape;

  @Param({"generated-float", "generated-vector", "generated-double", "hand-written", "encog", "smile", "dl4j", "djl"})
  public String contender;

  /** One training step on batch {@code batch}, returning its loss (see {@link Peers.Step}). */
  private interface Step {
    double run(int batch);
  }

  private Step step;
  private int batches;
  private int next;

  @Setup
  public void setUp() {
    String[] parts = shape.split("/");
    int m = Integer.parseInt(parts[1]);
    int[] sizes = Contenders.sizes(parts[0]);
    int rows = sizes[0] > 100 ? 2048 : 4096;
    TeacherData data = new TeacherData(rows, sizes[0], sizes[sizes.length - 1], 7);
    batches = rows / m;
    float[][][] x = new float[batches][m][];
    double[][][] xd = new double[batches][m][];
    int[][] y = new int[batches][m];
    double[][] asDouble = data.asDouble();
    for (int k = 0; k < batches; k++) {
      for (int s = 0; s < m; s++) {
        x[k][s] = data.x[k * m + s];
        xd[k][s] = asDouble[k * m + s];
        y[k][s] = data.labels[k * m + s];
      }
    }
    step = create(parts[0], sizes, x, xd, y, data, m);
  }

  private Step create(
      String layers, int[] sizes, float[][][] x, double[][][] xd, int[][] y, TeacherData data, int m) {
    boolean tanh = Contenders.tanh(sizes);
    switch (contender) {
      case "generated-float":
        return generatedFloat(layers, x, y);
      case "generated-vector":
        return generatedVector(layers, x, y);
      case "generated-double":
        return generatedDouble(layers, xd, y);
      case "hand-written": {
        HandWrittenMlp mlp = new HandWrittenMlp(sizes, tanh, LEARNING_RATE, 1);
        return k -> mlp.trainBatch(data.x, data.labels, k * m, m);
      }
      case "encog":
        return Peers.encog(sizes, tanh, LEARNING_RATE, xd, y)::run;
      case "smile":
        return Peers.smile(sizes, tanh, LEARNING_RATE, xd, y)::run;
      case "dl4j":
        Contenders.requireSingleThreadedNatives(contender);
        return Dl4jPeer.train(sizes, tanh, LEARNING_RATE, x, y)::run;
      case "djl":
        Contenders.requireSingleThreadedNatives(contender);
        return DjlPeer.train(sizes, tanh, LEARNING_RATE, x, y)::run;
      default:
        throw new IllegalArgumentException("no contender " + contender);
    }
  }

  private static Step generatedFloat(String layers, float[][][] x, int[][] y) {
    Optimizer sgd = Optimizer.sgd(LEARNING_RATE);
    switch (layers) {
      case "4-16-3": {
        Shapes_SmallTrainer t = new Shapes_SmallTrainer(new Shapes_SmallModel(1), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-128-10": {
        Shapes_MnistTrainer t = new Shapes_MnistTrainer(new Shapes_MnistModel(1), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-256-128-10": {
        Shapes_DeepTrainer t = new Shapes_DeepTrainer(new Shapes_DeepModel(1), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      default:
        throw new IllegalArgumentException("no generated-float network " + layers);
    }
  }

  /** The float networks with {@code backend = Backend.VECTOR}: 4-16-3 in batch lanes, the others in tiles. */
  private static Step generatedVector(String layers, float[][][] x, int[][] y) {
    Optimizer sgd = Optimizer.sgd(LEARNING_RATE);
    switch (layers) {
      case "4-16-3": {
        Shapes_SmallVectorModel model = new Shapes_SmallVectorModel(1);
        requireVectorPath(model);
        Shapes_SmallVectorTrainer t = new Shapes_SmallVectorTrainer(model, sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-128-10": {
        Shapes_MnistVectorModel model = new Shapes_MnistVectorModel(1);
        requireVectorPath(model);
        Shapes_MnistVectorTrainer t = new Shapes_MnistVectorTrainer(model, sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-256-128-10": {
        Shapes_DeepVectorModel model = new Shapes_DeepVectorModel(1);
        requireVectorPath(model);
        Shapes_DeepVectorTrainer t = new Shapes_DeepVectorTrainer(model, sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      default:
        throw new IllegalArgumentException("no generated-vector network " + layers);
    }
  }

  /** A vector contender silently running its plain fallback would make the figures a lie. */
  static void requireVectorPath(dev.unrolled.Model model) {
    if (model.backend() != dev.unrolled.Backend.VECTOR) {
      throw new IllegalStateException("generated-vector runs plain loops here: " + model.summary());
    }
  }

  private static Step generatedDouble(String layers, double[][][] xd, int[][] y) {
    Optimizer sgd = Optimizer.sgd(LEARNING_RATE);
    switch (layers) {
      case "4-16-3": {
        Shapes_SmallDoubleTrainer t = new Shapes_SmallDoubleTrainer(new Shapes_SmallDoubleModel(1), sgd);
        return k -> t.trainBatch(xd[k], y[k]);
      }
      case "784-128-10": {
        Shapes_MnistDoubleTrainer t = new Shapes_MnistDoubleTrainer(new Shapes_MnistDoubleModel(1), sgd);
        return k -> t.trainBatch(xd[k], y[k]);
      }
      case "784-256-128-10": {
        Shapes_DeepDoubleTrainer t = new Shapes_DeepDoubleTrainer(new Shapes_DeepDoubleModel(1), sgd);
        return k -> t.trainBatch(xd[k], y[k]);
      }
      default:
        throw new IllegalArgumentException("no generated-double network " + layers);
    }
  }

  /**
   * One step; fails the benchmark when the contender's loss is not finite, so a contender that
   * diverged (and then often runs at a different speed on NaNs) is never reported.
   */
  @Benchmark
  public double trainStep() {
    double loss = step.run(next);
    if (!Double.isFinite(loss)) {
      throw new IllegalStateException(contender + " on " + shape + ": loss " + loss + " at batch " + next);
    }
    next = next + 1 == batches ? 0 : next + 1;
    return loss;
  }
}
