package dev.unrolled.benchmarks;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The single-core floating-point peak of this machine, the yardstick for "% of peak": 12
 * independent fused multiply-add chains ({@code acc = acc * a + b}) kept in vector registers.
 * Twelve chains cover the FMA latency (4 cycles) times the two FMA ports of current x86 cores with
 * room to spare, so the loop is bound by FMA throughput, never by latency or memory.
 *
 * <p>Each operation is one floating-point operation: a method's score in ops/s is its FLOP/s
 * (one FMA = 2 flops per lane). {@code SPECIES_PREFERRED} is 512 bits on AVX-512 machines and 256
 * on AVX2 ones ({@link VectorWidth} prints it): {@code benchmarks/regenerate.sh} runs the methods at
 * that width and narrower ones, never wider (the Vector API would emulate a 512-bit species on an
 * AVX2 machine in scalar code), and the report takes the peak from the preferred width. The scalar method ({@link Math#fma}) gives 2 flops × FMA
 * ports × clock, hence the clock the vector figures imply. Runs need
 * {@code --add-modules jdk.incubator.vector}, set on the fork.
 *
 * <p>The loops sit in the benchmark methods themselves, species taken from constants: a helper
 * taking the species as a parameter gets compiled on its own (the loop is hot long before the
 * caller is) with a non-constant species, and its vectors are then boxed — 30× slower.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx512m"})
public class PeakFlopsBenchmark {
  /** Loop trips per call: enough that the call overhead is noise. */
  static final int TRIPS = 4096;
  static final int CHAINS = 12;

  private static final VectorSpecies<Float> F512 = FloatVector.SPECIES_512;
  private static final VectorSpecies<Float> F256 = FloatVector.SPECIES_256;
  private static final VectorSpecies<Double> D512 = DoubleVector.SPECIES_512;
  private static final VectorSpecies<Double> D256 = DoubleVector.SPECIES_256;

  // Distinct starting values per chain, read from fields so C2 cannot merge identical chains.
  private final float[] floats = new float[CHAINS + 2];
  private final double[] doubles = new double[CHAINS + 2];

  public PeakFlopsBenchmark() {
    for (int k = 0; k < CHAINS; k++) {
      floats[k] = 0.01f * (k + 1);
      doubles[k] = 0.01 * (k + 1);
    }
    // acc * 0.999 + 1e-3 converges to 1: no overflow, no denormals.
    floats[CHAINS] = 0.999f;
    floats[CHAINS + 1] = 1e-3f;
    doubles[CHAINS] = 0.999;
    doubles[CHAINS + 1] = 1e-3;
  }

  /** FP32, 16 lanes (AVX-512 machines: {@code SPECIES_PREFERRED}). */
  @Benchmark
  @OperationsPerInvocation(TRIPS * CHAINS * 16 * 2)
  public float float512() {
    FloatVector a = FloatVector.broadcast(F512, floats[CHAINS]);
    FloatVector b = FloatVector.broadcast(F512, floats[CHAINS + 1]);
    FloatVector c0 = FloatVector.broadcast(F512, floats[0]);
    FloatVector c1 = FloatVector.broadcast(F512, floats[1]);
    FloatVector c2 = FloatVector.broadcast(F512, floats[2]);
    FloatVector c3 = FloatVector.broadcast(F512, floats[3]);
    FloatVector c4 = FloatVector.broadcast(F512, floats[4]);
    FloatVector c5 = FloatVector.broadcast(F512, floats[5]);
    FloatVector c6 = FloatVector.broadcast(F512, floats[6]);
    FloatVector c7 = FloatVector.broadcast(F512, floats[7]);
    FloatVector c8 = FloatVector.broadcast(F512, floats[8]);
    FloatVector c9 = FloatVector.broadcast(F512, floats[9]);
    FloatVector c10 = FloatVector.broadcast(F512, floats[10]);
    FloatVector c11 = FloatVector.broadcast(F512, floats[11]);
    for (int t = 0; t < TRIPS; t++) {
      c0 = c0.fma(a, b);
      c1 = c1.fma(a, b);
      c2 = c2.fma(a, b);
      c3 = c3.fma(a, b);
      c4 = c4.fma(a, b);
      c5 = c5.fma(a, b);
      c6 = c6.fma(a, b);
      c7 = c7.fma(a, b);
      c8 = c8.fma(a, b);
      c9 = c9.fma(a, b);
      c10 = c10.fma(a, b);
      c11 = c11.fma(a, b);
    }
    return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
        .reduceLanes(VectorOperators.ADD);
  }

  /** FP32, 8 lanes (AVX2 machines: {@code SPECIES_PREFERRED}). */
  @Benchmark
  @OperationsPerInvocation(TRIPS * CHAINS * 8 * 2)
  public float float256() {
    FloatVector a = FloatVector.broadcast(F256, floats[CHAINS]);
    FloatVector b = FloatVector.broadcast(F256, floats[CHAINS + 1]);
    FloatVector c0 = FloatVector.broadcast(F256, floats[0]);
    FloatVector c1 = FloatVector.broadcast(F256, floats[1]);
    FloatVector c2 = FloatVector.broadcast(F256, floats[2]);
    FloatVector c3 = FloatVector.broadcast(F256, floats[3]);
    FloatVector c4 = FloatVector.broadcast(F256, floats[4]);
    FloatVector c5 = FloatVector.broadcast(F256, floats[5]);
    FloatVector c6 = FloatVector.broadcast(F256, floats[6]);
    FloatVector c7 = FloatVector.broadcast(F256, floats[7]);
    FloatVector c8 = FloatVector.broadcast(F256, floats[8]);
    FloatVector c9 = FloatVector.broadcast(F256, floats[9]);
    FloatVector c10 = FloatVector.broadcast(F256, floats[10]);
    FloatVector c11 = FloatVector.broadcast(F256, floats[11]);
    for (int t = 0; t < TRIPS; t++) {
      c0 = c0.fma(a, b);
      c1 = c1.fma(a, b);
      c2 = c2.fma(a, b);
      c3 = c3.fma(a, b);
      c4 = c4.fma(a, b);
      c5 = c5.fma(a, b);
      c6 = c6.fma(a, b);
      c7 = c7.fma(a, b);
      c8 = c8.fma(a, b);
      c9 = c9.fma(a, b);
      c10 = c10.fma(a, b);
      c11 = c11.fma(a, b);
    }
    return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
        .reduceLanes(VectorOperators.ADD);
  }

  /** FP64, 8 lanes. */
  @Benchmark
  @OperationsPerInvocation(TRIPS * CHAINS * 8 * 2)
  public double double512() {
    DoubleVector a = DoubleVector.broadcast(D512, doubles[CHAINS]);
    DoubleVector b = DoubleVector.broadcast(D512, doubles[CHAINS + 1]);
    DoubleVector c0 = DoubleVector.broadcast(D512, doubles[0]);
    DoubleVector c1 = DoubleVector.broadcast(D512, doubles[1]);
    DoubleVector c2 = DoubleVector.broadcast(D512, doubles[2]);
    DoubleVector c3 = DoubleVector.broadcast(D512, doubles[3]);
    DoubleVector c4 = DoubleVector.broadcast(D512, doubles[4]);
    DoubleVector c5 = DoubleVector.broadcast(D512, doubles[5]);
    DoubleVector c6 = DoubleVector.broadcast(D512, doubles[6]);
    DoubleVector c7 = DoubleVector.broadcast(D512, doubles[7]);
    DoubleVector c8 = DoubleVector.broadcast(D512, doubles[8]);
    DoubleVector c9 = DoubleVector.broadcast(D512, doubles[9]);
    DoubleVector c10 = DoubleVector.broadcast(D512, doubles[10]);
    DoubleVector c11 = DoubleVector.broadcast(D512, doubles[11]);
    for (int t = 0; t < TRIPS; t++) {
      c0 = c0.fma(a, b);
      c1 = c1.fma(a, b);
      c2 = c2.fma(a, b);
      c3 = c3.fma(a, b);
      c4 = c4.fma(a, b);
      c5 = c5.fma(a, b);
      c6 = c6.fma(a, b);
      c7 = c7.fma(a, b);
      c8 = c8.fma(a, b);
      c9 = c9.fma(a, b);
      c10 = c10.fma(a, b);
      c11 = c11.fma(a, b);
    }
    return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
        .reduceLanes(VectorOperators.ADD);
  }

  /** FP64, 4 lanes. */
  @Benchmark
  @OperationsPerInvocation(TRIPS * CHAINS * 4 * 2)
  public double double256() {
    DoubleVector a = DoubleVector.broadcast(D256, doubles[CHAINS]);
    DoubleVector b = DoubleVector.broadcast(D256, doubles[CHAINS + 1]);
    DoubleVector c0 = DoubleVector.broadcast(D256, doubles[0]);
    DoubleVector c1 = DoubleVector.broadcast(D256, doubles[1]);
    DoubleVector c2 = DoubleVector.broadcast(D256, doubles[2]);
    DoubleVector c3 = DoubleVector.broadcast(D256, doubles[3]);
    DoubleVector c4 = DoubleVector.broadcast(D256, doubles[4]);
    DoubleVector c5 = DoubleVector.broadcast(D256, doubles[5]);
    DoubleVector c6 = DoubleVector.broadcast(D256, doubles[6]);
    DoubleVector c7 = DoubleVector.broadcast(D256, doubles[7]);
    DoubleVector c8 = DoubleVector.broadcast(D256, doubles[8]);
    DoubleVector c9 = DoubleVector.broadcast(D256, doubles[9]);
    DoubleVector c10 = DoubleVector.broadcast(D256, doubles[10]);
    DoubleVector c11 = DoubleVector.broadcast(D256, doubles[11]);
    for (int t = 0; t < TRIPS; t++) {
      c0 = c0.fma(a, b);
      c1 = c1.fma(a, b);
      c2 = c2.fma(a, b);
      c3 = c3.fma(a, b);
      c4 = c4.fma(a, b);
      c5 = c5.fma(a, b);
      c6 = c6.fma(a, b);
      c7 = c7.fma(a, b);
      c8 = c8.fma(a, b);
      c9 = c9.fma(a, b);
      c10 = c10.fma(a, b);
      c11 = c11.fma(a, b);
    }
    return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
        .reduceLanes(VectorOperators.ADD);
  }

  /** FP32 scalar {@code Math.fma} (vfmadd231ss): 2 flops × FMA ports × clock. */
  @Benchmark
  @OperationsPerInvocation(TRIPS * CHAINS * 2)
  public float floatScalar() {
    float a = floats[CHAINS];
    float b = floats[CHAINS + 1];
    float c0 = floats[0], c1 = floats[1], c2 = floats[2], c3 = floats[3];
    float c4 = floats[4], c5 = floats[5], c6 = floats[6], c7 = floats[7];
    float c8 = floats[8], c9 = floats[9], c10 = floats[10], c11 = floats[11];
    for (int t = 0; t < TRIPS; t++) {
      c0 = Math.fma(c0, a, b);
      c1 = Math.fma(c1, a, b);
      c2 = Math.fma(c2, a, b);
      c3 = Math.fma(c3, a, b);
      c4 = Math.fma(c4, a, b);
      c5 = Math.fma(c5, a, b);
      c6 = Math.fma(c6, a, b);
      c7 = Math.fma(c7, a, b);
      c8 = Math.fma(c8, a, b);
      c9 = Math.fma(c9, a, b);
      c10 = Math.fma(c10, a, b);
      c11 = Math.fma(c11, a, b);
    }
    return c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11;
  }
}
