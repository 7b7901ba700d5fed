package dev.unrolled.benchmarks;

import dev.unrolled.Model;
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
 * What batch normalisation and dropout cost a training step: 784-256-128-10 ReLU softmax, vector
 * backend, batch 64, one SGD step (learning rate 0.01) per operation, single-threaded, on the
 * teacher-labelled data {@link TrainingBenchmark} uses, with the same fork options. The variants are
 * {@link Shapes.DeepVector} as it is ({@code plain}), with {@code Norm.BATCH} on both hidden layers
 * ({@code batch-norm}), with dropout 0.2 on both ({@code dropout}), and with both
 * ({@code batch-norm+dropout}, {@link Shapes.DeepVectorRegularised}); one parameter of one benchmark,
 * so they run in one JMH invocation and the report compares each with {@code plain}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class RegularisationBenchmark {
  /** The network's layer sizes and batch size, as {@link TrainingBenchmark}'s shape parameter. */
  static final String SHAPE = "784-256-128-10/64";
  private static final int BATCH = 64;
  private static final float LEARNING_RATE = 0.01f;

  @Param({"plain", "batch-norm", "dropout", "batch-norm+dropout"})
  public String variant;

  /** One training step on batch {@code k}, returning its loss. */
  private interface Step {
    double run(int k);
  }

  private Step step;
  private int batches;
  private int next;

  @Setup
  public void setUp() {
    int rows = 2048;
    TeacherData data = new TeacherData(rows, 784, 10, 7);
    batches = rows / BATCH;
    float[][][] x = new float[batches][BATCH][];
    int[][] y = new int[batches][BATCH];
    for (int k = 0; k < batches; k++) {
      for (int s = 0; s < BATCH; s++) {
        x[k][s] = data.x[k * BATCH + s];
        y[k][s] = data.labels[k * BATCH + s];
      }
    }
    step = create(x, y);
  }

  private Step create(float[][][] x, int[][] y) {
    Optimizer sgd = Optimizer.sgd(LEARNING_RATE);
    switch (variant) {
      case "plain": {
        Shapes_DeepVectorTrainer t = new Shapes_DeepVectorTrainer(vector(new Shapes_DeepVectorModel(1)), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "batch-norm": {
        Shapes_DeepVectorBatchNormTrainer t =
            new Shapes_DeepVectorBatchNormTrainer(vector(new Shapes_DeepVectorBatchNormModel(1)), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "dropout": {
        Shapes_DeepVectorDropoutTrainer t =
            new Shapes_DeepVectorDropoutTrainer(vector(new Shapes_DeepVectorDropoutModel(1)), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "batch-norm+dropout": {
        Shapes_DeepVectorRegularisedTrainer t =
            new Shapes_DeepVectorRegularisedTrainer(vector(new Shapes_DeepVectorRegularisedModel(1)), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      default:
        throw new IllegalArgumentException("no variant " + variant);
    }
  }

  private static <M extends Model> M vector(M model) {
    TrainingBenchmark.requireVectorPath(model);
    return model;
  }

  /** One step; a loss that is not finite fails the benchmark, as in {@link TrainingBenchmark}. */
  @Benchmark
  public double trainStep() {
    double loss = step.run(next);
    if (!Double.isFinite(loss)) {
      throw new IllegalStateException(variant + " on " + SHAPE + ": loss " + loss + " at batch " + next);
    }
    next = next + 1 == batches ? 0 : next + 1;
    return loss;
  }
}
