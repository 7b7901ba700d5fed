package dev.unrolled.processor.plan;

import dev.unrolled.Activation;
import dev.unrolled.Architecture;
import dev.unrolled.Architecture.LayerSpan;
import dev.unrolled.Norm;
import java.util.List;

/**
 * How one row of the layer table is generated: its code shape, its method splits and the labels the
 * architecture table shows. The writers pick the layer's emitter by {@link #kind()} and {@link #shape()}
 * and read everything else from here.
 *
 * @param span the layer's row of the runtime's layer table: kind, number, widths, offset, blocks
 * @param forwardChunks for unrolled layers: output units per forward method
 * @param gradientChunks for unrolled layers: output units per weight-gradient method
 * @param propagateChunks for unrolled layers: input units per delta-propagation method
 * @param propagates whether the delta is passed back to a previous layer (false for layer 1)
 * @param hasActivations whether {@code a} differs from {@code z} and needs buffers of its own
 * @param batchActivation whether the activation runs over the whole batch laid end to end, in one
 *     loop C2 vectorises, rather than row by row (rows of an unrolled layer are too short for that)
 * @param activationLabel the activation column of the architecture table
 * @param shapeLabel the code-shape column of the architecture table
 */
public record LayerPlan(
    LayerSpan span,
    CodeShape shape,
    List<Chunk> forwardChunks,
    List<Chunk> gradientChunks,
    List<Chunk> propagateChunks,
    boolean propagates,
    boolean hasActivations,
    boolean batchActivation,
    String activationLabel,
    String shapeLabel) {

  /**
   * Gradient sums an unrolled kernel keeps in locals during one pass over the batch: few enough for
   * the x86 registers. The bytecode estimate counts one tile per this many inputs.
   */
  public static final int TILE_SUMS = 16;

  public LayerPlan {
    forwardChunks = List.copyOf(forwardChunks);
    gradientChunks = List.copyOf(gradientChunks);
    propagateChunks = List.copyOf(propagateChunks);
  }

  /**
   * A layer in vector tiles with fewer units than {@code NetworkPlanner.VECTOR_MIN_UNITS} (an output
   * layer of 10 classes, say), which tiles over its units would leave all remainder: its weight
   * gradient and the deltas it sends back run the tiles over its inputs, with the roles of its two
   * sides swapped. Its forward pass stays looped.
   */
  public boolean tilesOverInputs() {
    return shape == CodeShape.VECTOR && outputs() < NetworkPlanner.VECTOR_MIN_UNITS;
  }

  /** The code shape as the generated comments name it. */
  public String shapeName() {
    return tilesOverInputs() ? "looped, backward in vector tiles over the inputs" : shape.label();
  }

  /** Rows of the gradient a tiled layer's {@code outer} computes: its inputs, or its outputs when swapped. */
  public int gradientRows() {
    return tilesOverInputs() ? outputs() : inputs();
  }

  /** Columns of the gradient a tiled layer's {@code outer} computes, the side in vectors. */
  public int gradientColumns() {
    return tilesOverInputs() ? inputs() : outputs();
  }

  public Architecture.Kind kind() {
    return span.kind();
  }

  /** The layer's number in the layer table: 1 is the first layer after the input. */
  public int number() {
    return span.number();
  }

  public int inputs() {
    return span.inputs();
  }

  public int outputs() {
    return span.outputs();
  }

  public Activation activation() {
    return span.activation();
  }

  /** The dense layer's normalisation; {@code NONE} for the RBF layer. */
  public Norm norm() {
    return span.norm();
  }

  /** Whether the layer normalises its pre-activations: a scale and a shift instead of a bias. */
  public boolean normalised() {
    return span.normalised();
  }

  /** The dense layer's dropout probability, 0 for none. */
  public double dropout() {
    return span.dropout();
  }

  public boolean hasDropout() {
    return span.dropout() > 0;
  }

  public int weightCount() {
    return Math.toIntExact(span.matrix().length());
  }

  /** Where {@code W[0][0]} (or {@code C[0][0]}) sits in the flat parameter layout. */
  public int weightOffset() {
    return Math.toIntExact(span.offset());
  }

  public int biasOffset() {
    return Math.toIntExact(span.vector().offset());
  }

  public int parameterCount() {
    return Math.toIntExact(span.parameterCount());
  }
}
