package dev.unrolled;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  /**
   * One dense layer: its width, activation, normalisation and dropout probability, as
   * {@link Dense} declares them.
   */
  public record Layer(int units, Activation activation, Norm norm, double dropout) {
    public Layer {
      if (units < 1) {
        throw new IllegalArgumentException("units is " + units + "; a layer has at least 1 unit");
      }
      requireNonNull(activation, "activation");
      requireNonNull(norm, "norm");
      if (!(dropout >= 0 && dropout < 1)) {
        throw new IllegalArgumentException("dropout is " + dropout + "; it is a probability in [0, 1)");
      }
      // −0 is the probability 0. Records compare doubles bit by bit, so without this a model file
      // holding −0 would be "another architecture" that prints exactly like the model's own.
      dropout = dropout == 0 ? 0.0 : dropout;
    }

    /** A layer without normalisation or dropout. */
    public Layer(int units, Activation activation) {
      this(units, activation, Norm.NONE, 0.0);
    }

    /** Whether it normalises its pre-activations, and so has a scale and a shift instead of a bias. */
    public boolean normalised() {
      return norm != Norm.NONE;
    }

    /** {@code 16 TANH}, or {@code 16 TANH BATCH-norm dropout 0.2}. */
    @Override
    public String toString() {
      return units + " " + activation + (normalised() ? " " + norm + "-norm" : "")
          + (dropout > 0 ? " dropout " + dropout : "");
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

  /** What a layer computes; its parameter blocks follow from it (see {@link #table()}). */
  public enum Kind {
    /** {@code φ_j = exp(−β_j‖x − c_j‖²)}, {@code β_j = exp(s_j)}: centres {@code C[out][in]}, then {@code s[out]}. */
    RBF,
    /**
     * {@code a = f(W·x + b)}: weights {@code W[out][in]}, then biases {@code b[out]}; normalised,
     * {@code a = f(γ⊙ĥ + β)} with {@code ĥ} the normalised {@code W·x}: {@code W}, then {@code γ[out]},
     * then {@code β[out]}.
     */
    DENSE
  }

  /**
   * A run of the flat parameter layout that one layer owns.
   *
   * @param name {@code "W"} and {@code "b"} for a dense layer ({@code "W"}, {@code "gamma"} and
   *     {@code "beta"} for a normalised one), {@code "C"} and {@code "s"} for the RBF layer
   * @param title what one of its values is called in messages: "weight", "bias", "scale", "shift",
   *     "RBF centre", "RBF log-width"
   * @param offset where the block starts in the flat layout
   * @param rows its rows: the layer's outputs
   * @param columns values per row, row-major: the layer's inputs for a matrix, 1 for a vector
   * @param matrix whether it is the layer's matrix ({@code W[out][in]}, {@code C[out][in]}) rather
   *     than a vector ({@code b[out]}, {@code s[out]}): named with two indices even for one input
   * @param decayed whether weight decay applies to it: dense weights only
   */
  public record Block(String name, String title, long offset, int rows, int columns, boolean matrix,
      boolean decayed) {
    /** How many parameters it holds. */
    public long length() {
      return (long) rows * columns;
    }

    /** {@code "W[1][3]"} (or {@code "b[1]"}) for the {@code k}-th value of the block. */
    public String element(long k) {
      return matrix ? name + "[" + k / columns + "][" + k % columns + "]" : name + "[" + k + "]";
    }
  }

  /**
   * One row of the layer table.
   *
   * @param number what users, diagnostics, the generated fields ({@code w2}) and {@code summary()} call
   *     the layer: 1 for the first layer after the input, counting the RBF layer
   * @param activation the dense layer's activation; {@code IDENTITY} for the RBF layer (it has none)
   * @param norm the dense layer's normalisation; {@code NONE} for the RBF layer
   * @param dropout the dense layer's dropout probability; 0 for the RBF layer
   * @param offset where the layer's first parameter sits in the flat layout
   * @param blocks the layer's parameters in flat order
   */
  public record LayerSpan(Kind kind, int number, int inputs, int outputs, Activation activation, Norm norm,
      double dropout, long offset, List<Block> blocks) {
    public LayerSpan {
      blocks = List.copyOf(blocks);
    }

    /**
     * "layer 2 weight W[1][3]" for flat index {@code index} inside this layer, with row and column
     * of a matrix block; empty when the index is not the layer's.
     */
    public Optional<String> describe(long index) {
      for (Block block : blocks) {
        long k = index - block.offset();
        if (k >= 0 && k < block.length()) {
          return Optional.of("layer " + number + " " + block.title() + " " + block.element(k));
        }
      }
      return Optional.empty();
    }

    /** Its parameters: the sum of its blocks. */
    public long parameterCount() {
      long count = 0;
      for (Block block : blocks) {
        count += block.length(); // a matrix of at most (2³¹ − 1)² values and a vector: below 2⁶³
      }
      return count;
    }

    /** The first block: the weights of a dense layer, the centres of the RBF layer. */
    public Block matrix() {
      return blocks.get(0);
    }

    /**
     * The second block: the biases of a dense layer (the scales {@code γ} of a normalised one), the
     * log-widths of the RBF layer.
     */
    public Block vector() {
      return blocks.get(1);
    }

    /** The vector blocks after the matrix: {@code b}; {@code γ} and {@code β}; or {@code s}. */
    public List<Block> vectors() {
      return blocks.subList(1, blocks.size());
    }

    /** Whether the layer normalises its pre-activations (see {@link Norm}). */
    public boolean normalised() {
      return norm != Norm.NONE;
    }
  }

  /**
   * The layer table: every layer in flat-layout order with its widths, offset and blocks. This is the
   * one place that walks the layers; parameter counts, model files, {@code GradientStep}, {@code RbfCentres} and the
   * annotation processor all read it. Computed in {@code long}; offsets saturate at
   * {@code Long.MAX_VALUE}, which only an absurd declaration reaches (the processor reports those).
   */
  public List<LayerSpan> table() {
    List<LayerSpan> table = new ArrayList<>();
    long offset = 0;
    int in = inputs;
    if (hasRbf()) {
      table.add(span(Kind.RBF, 1, in, rbfUnits, Activation.IDENTITY, Norm.NONE, 0, offset,
          new String[] {"C", "RBF centre", "s", "RBF log-width"}, false));
      offset = saturatedSum(offset, table.get(0).parameterCount());
      in = rbfUnits;
    }
    for (Layer layer : layers) {
      LayerSpan span = span(Kind.DENSE, table.size() + 1, in, layer.units(), layer.activation(), layer.norm(),
          layer.dropout(), offset, layer.normalised()
              ? new String[] {"W", "weight", "gamma", "scale", "beta", "shift"}
              : new String[] {"W", "weight", "b", "bias"}, true);
      table.add(span);
      offset = saturatedSum(offset, span.parameterCount());
      in = layer.units();
    }
    return List.copyOf(table);
  }

  /**
   * A layer of a matrix block {@code [out][in]} and vector blocks {@code [out]}; {@code names}: name,
   * title of each, the matrix first.
   */
  private static LayerSpan span(Kind kind, int number, int in, int out, Activation activation, Norm norm,
      double dropout, long offset, String[] names, boolean matrixDecayed) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block(names[0], names[1], offset, out, in, true, matrixDecayed));
    long at = saturatedSum(offset, (long) in * out);
    for (int k = 2; k < names.length; k += 2) {
      blocks.add(new Block(names[k], names[k + 1], at, out, 1, false, false));
      at = saturatedSum(at, out);
    }
    return new LayerSpan(kind, number, in, out, activation, norm, dropout, offset, blocks);
  }

  private static long saturatedSum(long a, long b) {
    long sum = a + b;
    return sum < a ? Long.MAX_VALUE : sum; // both are non-negative: a wrap shows as a smaller sum
  }

  /** Parameters of the RBF layer, first in the flat layout: centres {@code C[rbfUnits][inputs]}, then {@code s}. */
  public long rbfParameterCount() {
    return hasRbf() ? table().get(0).parameterCount() : 0;
  }

  /** Whether some layer normalises over the batch ({@link Norm#BATCH}), so the model keeps running estimates. */
  public boolean hasBatchNorm() {
    return layers.stream().anyMatch(layer -> layer.norm() == Norm.BATCH);
  }

  /** Whether some layer drops outputs in training. */
  public boolean hasDropout() {
    return layers.stream().anyMatch(layer -> layer.dropout() > 0);
  }

  /**
   * How many running estimates the model keeps: for each {@link Norm#BATCH} layer in order, its
   * running means, then its running variances (see {@link Model#getRunningEstimates}).
   */
  public int runningEstimateCount() {
    long count = 0;
    for (Layer layer : layers) {
      if (layer.norm() == Norm.BATCH) {
        count += 2L * layer.units();
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, count);
  }

  /**
   * Where running estimate {@code index} sits (the layout of {@link #runningEstimateCount()}): its
   * layer's number in the layer table, whether it is a variance, and its unit.
   *
   * @param layer the layer's number in the {@link #table() layer table}
   */
  public record RunningEstimate(int layer, boolean variance, int unit) {
    /** {@code layer 2 running variance rv[1]}, or {@code layer 2 running mean rm[1]}. */
    @Override
    public String toString() {
      return "layer " + layer + (variance ? " running variance rv[" : " running mean rm[") + unit + "]";
    }
  }

  /** Running estimate {@code index}, in [0, {@link #runningEstimateCount()}). */
  public RunningEstimate runningEstimate(int index) {
    int start = 0;
    for (LayerSpan span : table()) {
      if (span.norm() != Norm.BATCH) {
        continue;
      }
      int units = span.outputs();
      int k = index - start;
      if (k >= 0 && k < 2 * units) {
        return new RunningEstimate(span.number(), k >= units, k % units);
      }
      start += 2 * units;
    }
    throw new IndexOutOfBoundsException("running estimate " + index + " of " + runningEstimateCount());
  }

  /** Width of an output row: the last layer's units. */
  public int outputs() {
    return layers.get(layers.size() - 1).units();
  }

  /** Every layer's parameters, from the {@link #table() layer table}. */
  public long parameterCount() {
    List<LayerSpan> table = table();
    LayerSpan last = table.get(table.size() - 1);
    return saturatedSum(last.offset(), last.parameterCount());
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
