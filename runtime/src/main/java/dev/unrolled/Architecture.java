package dev.unrolled;

import java.util.ArrayList;
import java.util.List;

/**
 * What a network is, independent of its parameters: input width, the optional radial-basis-function
 * layer, the dense layers, loss and precision. Generated models return theirs from
 * {@link Model#architecture()}; model files store it so that a file is only ever loaded into a model
 * of the same architecture.
 *
 * @param inputs width of an input row
 * @param rbfUnits units of the {@link Rbf} layer in front of the dense layers; 0 for none
 * @param layers dense hidden layers, then the output layer (at least one)
 * @param loss the training objective
 * @param precision the arithmetic of the generated code
 */
public record Architecture(int inputs, int rbfUnits, List<Layer> layers, Loss loss, Precision precision) {

  /** One dense layer: its width and activation. */
  public record Layer(int units, Activation activation) {
    public Layer {
      if (units < 1) {
        throw new IllegalArgumentException("units is " + units + "; a layer has at least 1 unit");
      }
      requireNonNull(activation, "activation");
    }

    @Override
    public String toString() {
      return units + " " + activation;
    }
  }

  public Architecture {
    if (inputs < 1) {
      throw new IllegalArgumentException("inputs is " + inputs + "; an input row has at least 1 value");
    }
    if (rbfUnits < 0) {
      throw new IllegalArgumentException("rbfUnits is " + rbfUnits + "; give 0 for no RBF layer");
    }
    requireNonNull(layers, "layers");
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("layers is empty; an architecture has at least an output layer");
    }
    layers = List.copyOf(layers);
    requireNonNull(loss, "loss");
    requireNonNull(precision, "precision");
  }

  /** A network without an RBF layer. */
  public Architecture(int inputs, List<Layer> layers, Loss loss, Precision precision) {
    this(inputs, 0, layers, loss, precision);
  }

  /**
   * For example {@code Architecture.of(4, SOFTMAX_CROSS_ENTROPY, FLOAT, new Layer(16, TANH),
   * new Layer(3, IDENTITY))}.
   */
  public static Architecture of(int inputs, Loss loss, Precision precision, Layer... layers) {
    requireNonNull(layers, "layers");
    return new Architecture(inputs, 0, List.of(layers), loss, precision);
  }

  /**
   * For example {@code Architecture.withRbf(2, 20, MEAN_SQUARED_ERROR, FLOAT, new Layer(1, IDENTITY))}:
   * {@code rbfUnits} radial units in front of the dense layers.
   */
  public static Architecture withRbf(int inputs, int rbfUnits, Loss loss, Precision precision, Layer... layers) {
    requireNonNull(layers, "layers");
    return new Architecture(inputs, rbfUnits, List.of(layers), loss, precision);
  }

  /** Whether the network starts with a radial-basis-function layer. */
  public boolean hasRbf() {
    return rbfUnits > 0;
  }

  /** Parameters of the RBF layer, first in the flat layout: centres {@code C[rbfUnits][inputs]}, then {@code s}. */
  public long rbfParameterCount() {
    return (long) rbfUnits * inputs + rbfUnits;
  }

  /** Width of an output row: the last layer's units. */
  public int outputs() {
    return layers.get(layers.size() - 1).units();
  }

  /**
   * Centres and widths of the RBF layer, weights and biases of every dense layer, counted in
   * {@code long} so that huge declarations cannot overflow.
   */
  public long parameterCount() {
    long count = rbfParameterCount();
    int previous = hasRbf() ? rbfUnits : inputs;
    for (Layer layer : layers) {
      count += (long) previous * layer.units() + layer.units();
      previous = layer.units();
    }
    return count;
  }

  /**
   * For example {@code 4 → 16 TANH → 3 IDENTITY, SOFTMAX_CROSS_ENTROPY, FLOAT}, or
   * {@code 2 → 20 RBF → 1 IDENTITY, MEAN_SQUARED_ERROR, FLOAT}.
   */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    parts.add(Integer.toString(inputs));
    if (hasRbf()) {
      parts.add(rbfUnits + " RBF");
    }
    for (Layer layer : layers) {
      parts.add(layer.toString());
    }
    return String.join(" → ", parts) + ", " + loss + ", " + precision;
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is null");
    }
  }
}
