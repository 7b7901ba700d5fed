package dev.unrolled.processor.write;

import dev.unrolled.processor.plan.Chunk;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.List;

/**
 * The naming scheme of generated members, so generated code reads the same in every network:
 * layer {@code l} has weights {@code wl} and biases {@code bl} (for the RBF layer: centres and
 * log-widths, with {@code betal = exp(bl)}); its pre-activations {@code zl},
 * activations {@code al}, deltas {@code dl} (∂L/∂z) and gradients {@code gwl}, {@code gbl}. Layer 0
 * is the input {@code x}; targets are {@code y}.
 */
final class Names {
  /** The naming scheme, for the generated class Javadoc. */
  static final String LEGEND = """
      <p>Names, for layer {@code l} (layer 0 is the input): {@code wl} its weights {@code W}, or the RBF
      centres {@code C}; {@code bl} its biases {@code b}, or the RBF log-widths {@code s} (with
      {@code betal = exp(bl)}); for each row of a batch, {@code zl} the pre-activations,
      {@code al = f(zl)} the activations ({@code zl} itself for the identity), {@code dl = ∂L/∂zl} the
      deltas; {@code gwl}, {@code gbl} the gradients of the mean loss; {@code wrl} a copy of {@code W} in
      {@code [out][in]} rows for propagating deltas; {@code x} the inputs, {@code y} the targets, {@code m}
      the rows of the batch ({@code s} indexes them). Inside an unrolled kernel, {@code x_i} and {@code d_j}
      hold one sample's input {@code i} and delta {@code j}, and {@code gw_j_i}, {@code gb_j} sum the
      gradients over the batch; the RBF kernels hold centre {@code c_j_i} and sum {@code gc_j_i},
      {@code gs_j} (centres, log-widths), with {@code e = x − c} and {@code r = ‖x − c‖²}; the loss keeps
      the softmax exponentials in {@code e0, e1, …}. A normalised layer keeps {@code scalel}, {@code shiftl}
      ({@code γ}, {@code β}) instead of biases, its product and then {@code ĥ} in {@code nl}, and
      {@code invl = 1/√(σ² + ε)}; with batch normalisation also the batch's {@code meanl}, {@code varl} and the
      model's {@code runningMeanl}, {@code runningVarl}. A dropout layer passes on {@code ol}: in training the
      kept outputs {@code droppedl = al ⊙ keepl}, otherwise {@code al}.
      """;

  private Names() {}

  static String weights(int layer) {
    return "w" + layer;
  }

  static String biases(int layer) {
    return "b" + layer;
  }

  static String preActivations(int layer) {
    return "z" + layer;
  }

  /** The activations of a layer; for an identity layer they are its pre-activations. */
  static String activations(LayerPlan layer) {
    return layer.hasActivations() ? "a" + layer.number() : preActivations(layer.number());
  }

  /** {@code β = exp(s)} of the RBF layer's units. */
  static String widths(int layer) {
    return "beta" + layer;
  }

  /** A part's partial pre-activations of a layer, in a network split by layers. */
  static String partials(int layer) {
    return "partial" + layer;
  }

  /** A narrow layer's weight gradients of a split step as it sums them, {@code [out][in]}. */
  static String gradientColumns(int layer) {
    return "gradientColumns" + layer;
  }

  static String deltas(int layer) {
    return "d" + layer;
  }

  static String weightGradients(int layer) {
    return "gw" + layer;
  }

  static String biasGradients(int layer) {
    return "gb" + layer;
  }

  /** Weight gradients in {@code [out][in]} rows, as tiles over a narrow layer's inputs compute them. */
  static String weightGradientRows(int layer) {
    return "gwr" + layer;
  }

  /** {@code W} in {@code [out][in]} rows, refreshed before propagating deltas through a looped layer. */
  static String weightRows(int layer) {
    return "wr" + layer;
  }

  /** The {@code [unit][sample]} copy of a batch buffer in a lane layer: {@code z2Lanes}, {@code xLanes}. */
  static String lanes(String rows) {
    return rows + "Lanes";
  }

  /** The scale {@code γ} of a normalised layer. */
  static String scale(int layer) {
    return "scale" + layer;
  }

  /** The shift {@code β} of a normalised layer. */
  static String shift(int layer) {
    return "shift" + layer;
  }

  static String scaleGradients(int layer) {
    return "gscale" + layer;
  }

  static String shiftGradients(int layer) {
    return "gshift" + layer;
  }

  /** A normalised layer's rows: its product {@code h = W·a}, then {@code ĥ} in place. */
  static String normalised(int layer) {
    return "n" + layer;
  }

  /** {@code 1/√(σ² + ε)}: one per sample (LAYER) or per unit (BATCH). */
  static String inverseDeviations(int layer) {
    return "inv" + layer;
  }

  /** The batch means and variances of a BATCH layer, from its last forward pass with batch statistics. */
  static String batchMeans(int layer) {
    return "mean" + layer;
  }

  static String batchVariances(int layer) {
    return "var" + layer;
  }

  /** The running estimates of a BATCH layer, in the model. */
  static String runningMeans(int layer) {
    return "runningMean" + layer;
  }

  static String runningVariances(int layer) {
    return "runningVar" + layer;
  }

  /** A dropout layer's multipliers of the last training pass: {@code 1/(1 − p)} for kept outputs, else 0. */
  static String keep(int layer) {
    return "keep" + layer;
  }

  /** A dropout layer's kept outputs {@code a ⊙ keep}, in training. */
  static String dropped(int layer) {
    return "dropped" + layer;
  }

  /** The rows a dropout layer passes on: {@code droppedl} in training, {@code al} otherwise. */
  static String output(int layer) {
    return "o" + layer;
  }

  /** {@code dense3}, or {@code dense3_1} for the second of several chunks. */
  static String chunked(String base, LayerPlan layer, List<Chunk> chunks, int index) {
    return chunks.size() == 1 ? base + layer.number() : base + layer.number() + "_" + index;
  }
}
