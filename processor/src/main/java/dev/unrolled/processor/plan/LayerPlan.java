package dev.unrolled.processor.plan;

import dev.unrolled.Activation;
import java.util.List;

/**
 * How one dense layer is generated.
 *
 * @param number 1-based layer number (layer 0 is the input)
 * @param weightOffset where {@code W[0][0]} sits in the flat parameter layout
 * @param forwardChunks for unrolled layers: output units per forward method
 * @param gradientChunks for unrolled layers: output units per weight-gradient method
 * @param propagateChunks for unrolled layers: input units per delta-propagation method
 * @param propagates whether the delta is passed back to a previous layer (false for layer 1)
 */
public record LayerPlan(
    int number,
    int inputs,
    int outputs,
    Activation activation,
    CodeShape shape,
    int weightOffset,
    List<Chunk> forwardChunks,
    List<Chunk> gradientChunks,
    List<Chunk> propagateChunks,
    boolean propagates) {

  public LayerPlan {
    forwardChunks = List.copyOf(forwardChunks);
    gradientChunks = List.copyOf(gradientChunks);
    propagateChunks = List.copyOf(propagateChunks);
  }

  public int weightCount() {
    return inputs * outputs;
  }

  public int biasOffset() {
    return weightOffset + weightCount();
  }

  public int parameterCount() {
    return weightCount() + outputs;
  }

  public boolean isUnrolled() {
    return shape == CodeShape.UNROLLED;
  }

  /** True for Vector API kernels (which keep the looped ones as their fallback). */
  public boolean isVector() {
    return shape == CodeShape.VECTOR;
  }
}
