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
 * One SGD training step (learning rate 0.01) per operation, single-threaded, on teacher-labelled
 * data cycled batch by batch. Samples per second = operations per second × batch size. The
 * contenders and data are {@link TrainingSteps}', shared with {@link TrainingPaired}, which runs
 * every contender of a shape in one JVM.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class TrainingBenchmark {
  /** Layer sizes / batch size. */
  @Param({"4-16-3/16", "784-128-10/32", "784-128-10/1", "784-256-128-10/64"})
  public String shape;

  @Param({"generated-float", "generated-vector", "generated-double", "hand-written", "encog", "smile", "dl4j", "djl"})
  public String contender;

  private TrainingSteps steps;

  @Setup
  public void setUp() {
    steps = TrainingSteps.of(contender, TrainingSteps.data(shape));
  }

  /** One step; fails the benchmark when the contender's loss is not finite ({@link TrainingSteps#next}). */
  @Benchmark
  public double trainStep() {
    return steps.next();
  }
}
