package dev.unrolled.benchmarks;

import jdk.incubator.vector.FloatVector;

/**
 * Prints the width in bits of {@code FloatVector.SPECIES_PREFERRED}, the widest vector the JIT
 * compiles to on this CPU (512 with AVX-512, 256 with AVX2), for {@code benchmarks/regenerate.sh}:
 * {@link PeakFlopsBenchmark} runs at that width and narrower, and the report's peak is the row at
 * that width. Needs {@code --add-modules jdk.incubator.vector}.
 */
public final class VectorWidth {
  private VectorWidth() {}

  public static void main(String[] args) {
    System.out.println(FloatVector.SPECIES_PREFERRED.vectorBitSize());
  }
}
