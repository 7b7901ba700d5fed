package dev.unrolled.benchmarks;

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
 * so they run in one JMH invocation and the report compares each with {@code plain}. The trainers and
 * data are {@link RegularisationSteps}', shared with {@link RegularisationPaired}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class RegularisationBenchmark {
  /** The network's layer sizes and batch size, as {@link TrainingBenchmark}'s shape parameter. */
  static final String SHAPE = "784-256-128-10/64";

  @Param({"plain", "batch-norm", "dropout", "batch-norm+dropout"})
  public String variant;

  private RegularisationSteps steps;

  @Setup
  public void setUp() {
    steps = RegularisationSteps.of(variant, RegularisationSteps.data());
  }

  /** One step; a loss that is not finite fails the benchmark, as in {@link TrainingBenchmark}. */
  @Benchmark
  public double trainStep() {
    return steps.next();
  }
}
