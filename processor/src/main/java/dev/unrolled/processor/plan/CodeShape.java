package dev.unrolled.processor.plan;

/** How a layer's kernels are written. */
public enum CodeShape {
  /** Straight-line code: no loops, weights read at constant offsets, inputs held in locals. */
  UNROLLED("unrolled"),
  /** Constant-bound loops in axpy form over weight rows, four rows per pass, batch rows innermost. */
  LOOPED("looped"),
  /**
   * Vector API register tiles (eight batch rows × two vectors of units) when the JVM has
   * {@code jdk.incubator.vector}, with the {@link #LOOPED} kernels kept as the fallback.
   */
  VECTOR("vector tiles, looped fallback"),
  /**
   * The batch in the lanes: activations and deltas stored {@code [unit][sample]}, every product and
   * activation computed across the samples, in Vector API lanes when the JVM has
   * {@code jdk.incubator.vector} and in plain loops over the samples otherwise.
   */
  LANES("batch lanes, looped fallback");

  private final String label;

  CodeShape(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
