package dev.unrolled.processor.plan;

import dev.unrolled.Activation;
import java.util.List;

/**
 * How one layer is generated: a dense layer, or the radial-basis-function layer in front of them.
 * An RBF layer stores its centres where a dense layer stores weights ({@code C[j][i]} in place of
 * {@code W[j][i]}) and its log-widths {@code s} where a dense layer stores biases, so parameter
 * storage, the flat layout and the optimizers treat both alike; only the kernels differ.
 *
 * @param number 1-based layer number (layer 0 is the input)
 * @param activation the dense layer's activation; {@code IDENTITY} (unused) for the RBF layer
 * @param weightOffset where {@code W[0][0]} (or {@code C[0][0]}) sits in the flat parameter layout
 * @param forwardChunks for unrolled layers: output units per forward method
 * @param gradientChunks for unrolled layers: output units per weight-gradient method
 * @param propagateChunks for unrolled layers: input units per delta-propagation method
 * @param propagates whether the delta is passed back to a previous layer (false for layer 1)
 * @param radial whether this is the RBF layer: {@code z = β ⊙ ‖x − c‖²}, {@code a = exp(−z)}
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
    boolean propagates,
    boolean radial) {

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

  /** Whether {@code a} differs from {@code z} and needs buffers of its own. */
  public boolean hasActivations() {
    return radial || activation != Activation.IDENTITY;
  }

  public boolean isUnrolled() {
    return shape == CodeShape.UNROLLED;
  }

  /** True for Vector API kernels (which keep the looped ones as their fallback). */
  public boolean isVector() {
    return shape == CodeShape.VECTOR;
  }
}
