package dev.unrolled.onnx;

import ai.onnx.proto.OnnxMl;
import dev.unrolled.Architecture;
import dev.unrolled.Architecture.LayerSpan;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import java.nio.file.Path;
import java.util.Map;

/**
 * The ONNX graph of a model's {@code predict}: input {@code "input"} {@code [N, inputs]}, output
 * {@code "output"} {@code [N, outputs]}, one group of nodes per layer of the
 * {@linkplain Architecture#table() layer table}, named {@code layer<number>.*} as the layer table
 * numbers them. See docs/onnx.md for the operators of each layer kind.
 */
final class GraphExport {
  static final String INPUT = "input";
  static final String OUTPUT = "output";
  /** The ε of both normalisations, as ONNX's float attribute holds it. */
  static final float NORM_EPSILON = 1e-5f;

  private final Architecture architecture;
  private final double[] parameters;
  private final double[] estimates;
  private final GraphBuilder graph;
  private final ActivationNodes activations;
  /** Where the next BATCH layer's running means start in {@link #estimates}. */
  private int nextEstimate;

  private GraphExport(Model model) {
    this.architecture = model.architecture();
    this.parameters = model.parameters();
    this.estimates = new double[model.runningEstimateCount()];
    model.getRunningEstimates(estimates);
    this.graph = new GraphBuilder("unrolled", architecture.precision());
    this.activations = new ActivationNodes(graph, architecture.precision());
  }

  /** The graph of {@code model}, after checking that every value fits the model's precision. */
  static OnnxMl.GraphProto of(Model model, Path file) throws OnnxFileException {
    GraphExport export = new GraphExport(model);
    export.requireFinite(file);
    return export.build();
  }

  private OnnxMl.GraphProto build() {
    String value = graph.input(INPUT, architecture.inputs());
    for (LayerSpan layer : architecture.table()) {
      value = layer.kind() == Architecture.Kind.RBF ? rbf(layer, value) : dense(layer, value);
    }
    value = head(value);
    graph.output(OUTPUT, architecture.outputs(), value);
    return graph.build();
  }

  /**
   * {@code φ = exp(−exp(s) ⊙ Σᵢ (x − C)²)}, the distances summed directly (not expanded into
   * {@code ‖x‖² − 2x·c + ‖c‖²}, which cancels near a centre), and {@code exp(s)} computed in the
   * graph so that the file keeps the model's own log-widths.
   */
  private String rbf(LayerSpan layer, String x) {
    String p = prefix(layer);
    String centres = graph.tensor(p + ".centres", parameters, offset(layer.matrix()), layer.outputs(), layer.inputs());
    String logWidths = graph.tensor(p + ".log_widths", parameters, offset(layer.vector()), layer.outputs());
    String rows = graph.node(Op.UNSQUEEZE, p + ".x", Map.of(), x, graph.int64s(p + ".unsqueeze_axes", 1));
    String difference = graph.node(Op.SUB, p + ".difference", Map.of(), rows, centres);
    String squares = graph.node(Op.MUL, p + ".squares", Map.of(), difference, difference);
    String distance = graph.node(Op.REDUCE_SUM, p + ".distance", Map.of("keepdims", 0), squares,
        graph.int64s(p + ".sum_axes", 2));
    String widths = graph.node(Op.EXP, p + ".widths", Map.of(), logWidths);
    String scaled = graph.node(Op.MUL, p + ".scaled", Map.of(), distance, widths);
    return graph.node(Op.EXP, p + ".a", Map.of(), graph.node(Op.NEG, p + ".exponent", Map.of(), scaled));
  }

  /** {@code Gemm} with {@code transB = 1} (PyTorch's {@code nn.Linear}), a normalisation if any, the activation. */
  private String dense(LayerSpan layer, String x) {
    String p = prefix(layer);
    String weight = graph.tensor(p + ".weight", parameters, offset(layer.matrix()), layer.outputs(), layer.inputs());
    Map<String, Object> linear = Map.of("transB", 1);
    String z;
    if (!layer.normalised()) {
      String bias = graph.tensor(p + ".bias", parameters, offset(layer.vector()), layer.outputs());
      z = graph.node(Op.GEMM, p + ".z", linear, x, weight, bias);
    } else {
      String h = graph.node(Op.GEMM, p + ".h", linear, x, weight);
      z = normalise(layer, h, p);
    }
    return activations.apply(layer.activation(), z, p);
  }

  /**
   * LAYER: {@code LayerNormalization} over the last axis; BATCH: {@code BatchNormalization} in
   * inference form with the running estimates, as {@code predict} normalises.
   */
  private String normalise(LayerSpan layer, String h, String p) {
    int units = layer.outputs();
    String gamma = graph.tensor(p + ".gamma", parameters, offset(layer.vectors().get(0)), units);
    String beta = graph.tensor(p + ".beta", parameters, offset(layer.vectors().get(1)), units);
    if (layer.norm() == Norm.LAYER) {
      return graph.node(Op.LAYER_NORMALIZATION, p + ".z", Map.of("axis", -1, "epsilon", NORM_EPSILON), h, gamma, beta);
    }
    String mean = graph.tensor(p + ".running_mean", estimates, nextEstimate, units);
    String variance = graph.tensor(p + ".running_var", estimates, nextEstimate + units, units);
    nextEstimate += 2 * units;
    return graph.node(Op.BATCH_NORMALIZATION, p + ".z", Map.of("epsilon", NORM_EPSILON), h, gamma, beta, mean, variance);
  }

  /** What {@code predict} applies after the output layer: softmax or sigmoid for the cross-entropies. */
  private String head(String logits) {
    Loss loss = architecture.loss();
    switch (loss) {
      case SOFTMAX_CROSS_ENTROPY:
        return graph.node(Op.SOFTMAX, "probabilities", Map.of("axis", -1), logits);
      case SIGMOID_CROSS_ENTROPY:
        return graph.node(Op.SIGMOID, "probabilities", Map.of(), logits);
      default:
        return logits;
    }
  }

  private void requireFinite(Path file) throws OnnxFileException {
    boolean single = architecture.precision() == Precision.FLOAT;
    for (int i = 0; i < parameters.length; i++) {
      if (!fits(parameters[i], single)) {
        throw new OnnxFileException("not exporting " + file + ": parameter " + i + " ("
            + Layers.describe(architecture, i) + ") is " + parameters[i] + rangeNote(parameters[i])
            + "; an ONNX export holds finite parameters only. Training probably diverged: lower the learning "
            + "rate or standardise the inputs, and train again");
      }
    }
    for (int i = 0; i < estimates.length; i++) {
      if (!fits(estimates[i], single)) {
        throw new OnnxFileException("not exporting " + file + ": running estimate " + i + " ("
            + architecture.runningEstimate(i) + ") is " + estimates[i] + rangeNote(estimates[i])
            + "; reset the running estimates with setRunningEstimates or train again");
      }
    }
  }

  private static boolean fits(double value, boolean single) {
    return Double.isFinite(single ? (float) value : value);
  }

  private static String rangeNote(double value) {
    return Double.isFinite(value) ? ", beyond the range of a FLOAT model's floats" : "";
  }

  private static String prefix(LayerSpan layer) {
    return "layer" + layer.number();
  }

  private static int offset(Architecture.Block block) {
    return Math.toIntExact(block.offset());
  }
}
