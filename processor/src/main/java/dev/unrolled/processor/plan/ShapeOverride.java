package dev.unrolled.processor.plan;

/**
 * The processor option {@code unrolled.shape}, for measurements and tests that need one code shape
 * whatever the planner would choose; not part of the public contract. {@link #AUTO} is the planner's
 * own choice.
 */
public enum ShapeOverride {
  /** The planner's choice by size, batch-lane rule included. */
  AUTO,
  /**
   * Batch lanes for every dense layer of a vector-backend network that can have them (no
   * normalisation, no dropout), whatever its size.
   */
  LANES,
  /** Never batch lanes: the planner's choice among unrolled, looped and vector tiles. */
  ROWS
}
