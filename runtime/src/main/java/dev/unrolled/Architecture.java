package dev.unrolled;

import java.util.ArrayList;
import java.util.List;

/**
 * What a network is, independent of its parameters: input width, layers, loss and precision.
 * Generated models return theirs from {@link Model#architecture()}; model files store it so that
 * a file is only ever loaded into a model of the same architecture.
 *
 * @param inputs width of an input row
 * @param layers hidden layers, then the output layer (at least one)
 * @param loss the training objective
 * @param precision the arithmetic of the generated code
 */
public record Architecture(int inputs, List<Layer> layers, Loss loss, Precision precision) {

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
    requireNonNull(layers, "layers");
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("layers is empty; an architecture has at least an output layer");
    }
    layers = List.copyOf(layers);
    requireNonNull(loss, "loss");
    requireNonNull(precision, "precision");
  }

  /**
   * For example {@code Architecture.of(4, SOFTMAX_CROSS_ENTROPY, FLOAT, new Layer(16, TANH),
   * new Layer(3, IDENTITY))}.
   */
  public static Architecture of(int inputs, Loss loss, Precision precision, Layer... layers) {
    requireNonNull(layers, "layers");
    return new Architecture(inputs, List.of(layers), loss, precision);
  }

  /** Width of an output row: the last layer's units. */
  public int outputs() {
    return layers.get(layers.size() - 1).units();
  }

  /** Weights and biases of every layer, counted in {@code long} so that huge declarations cannot overflow. */
  public long parameterCount() {
    long count = 0;
    int previous = inputs;
    for (Layer layer : layers) {
      count += (long) previous * layer.units() + layer.units();
      previous = layer.units();
    }
    return count;
  }

  /** For example {@code 4 → 16 TANH → 3 IDENTITY, SOFTMAX_CROSS_ENTROPY, FLOAT}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    parts.add(Integer.toString(inputs));
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
