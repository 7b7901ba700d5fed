package dev.unrolled.benchmarks;

import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * The generated float trainers of {@link TrainingBenchmark} with data-parallel shards: one SGD step
 * per operation, as there, for the default single-threaded trainer ({@code none}) and for
 * {@code shards/threads}. {@code 2/1} shows what sharding alone costs; {@code 2/2} against
 * {@code none} is the speed-up of a second thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ParallelTrainingBenchmark {
  @Param({"784-128-10/32", "784-256-128-10/64"})
  public String shape;

  @Param({"none", "2/1", "2/2", "4/2"})
  public String parallelism;

  private interface Step {
    double run(int batch);
  }

  private Step step;
  private AutoCloseable trainer;
  private int batches;
  private int next;

  @Setup
  public void setUp() {
    String[] parts = shape.split("/");
    int m = Integer.parseInt(parts[1]);
    boolean deep = parts[0].equals("784-256-128-10");
    TeacherData data = new TeacherData(2048, 784, 10, 7);
    float[][][] x = data.inputBatches(m);
    int[][] y = data.labelBatches(m);
    batches = x.length;
    Parallelism p = parallelism();
    Optimizer sgd = Optimizer.sgd(0.01);
    if (deep) {
      Shapes_DeepTrainer t = new Shapes_DeepTrainer(new Shapes_DeepModel(1), sgd, p);
      trainer = t;
      step = k -> t.trainBatch(x[k], y[k]);
    } else {
      Shapes_MnistTrainer t = new Shapes_MnistTrainer(new Shapes_MnistModel(1), sgd, p);
      trainer = t;
      step = k -> t.trainBatch(x[k], y[k]);
    }
  }

  private Parallelism parallelism() {
    if (parallelism.equals("none")) {
      return Parallelism.none();
    }
    String[] parts = parallelism.split("/");
    return Parallelism.shards(Integer.parseInt(parts[0])).threads(Integer.parseInt(parts[1]));
  }

  @TearDown
  public void tearDown() throws Exception {
    trainer.close();
  }

  @Benchmark
  public double trainStep() {
    double loss = step.run(next);
    next = next + 1 == batches ? 0 : next + 1;
    return loss;
  }
}
