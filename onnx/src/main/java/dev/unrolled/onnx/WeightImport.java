package dev.unrolled.onnx;

import dev.unrolled.Activation;
import dev.unrolled.Architecture;
import dev.unrolled.Architecture.LayerSpan;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import java.util.List;
import java.util.Optional;

/**
 * Matches the layers read from a file against a model's architecture, naming the first mismatch,
 * then puts the file's weights in the model's flat layout and running-estimate layout. Nothing is
 * set on the model until every check has passed.
 */
final class WeightImport {
  private final Architecture architecture;
  private final List<LayerSpan> table;
  private final GraphReader.FileNetwork network;
  private final OnnxGraph graph;

  private WeightImport(Model model, GraphReader.FileNetwork network, OnnxGraph graph) {
    this.architecture = model.architecture();
    this.table = architecture.table();
    this.network = network;
    this.graph = graph;
  }

  /** The file's parameters (first) and running estimates (second), checked against {@code model}. */
  static double[][] of(Model model, GraphReader.FileNetwork network, OnnxGraph graph) throws OnnxFileException {
    WeightImport match = new WeightImport(model, network, graph);
    match.requireSameArchitecture();
    double[] parameters = match.parameters();
    double[] estimates = match.runningEstimates();
    match.requireValues(parameters, estimates);
    return new double[][] {parameters, estimates};
  }

  private void requireSameArchitecture() throws OnnxFileException {
    List<FileLayer> layers = network.layers();
    for (int k = 0; k < Math.min(layers.size(), table.size()); k++) {
      requireSameLayer(table.get(k), layers.get(k), k == table.size() - 1);
    }
    if (layers.size() != table.size()) {
      throw mismatch("the file has " + layers.size() + " layers, the model " + table.size());
    }
    if (network.softmax() && architecture.loss() != Loss.SOFTMAX_CROSS_ENTROPY) {
      throw mismatch("loss head: the file ends in Softmax, but the model's loss is " + architecture.loss()
          + ", whose predict " + (architecture.loss() == Loss.SIGMOID_CROSS_ENTROPY ? "applies a sigmoid"
          : "returns the output activation"));
    }
  }

  private void requireSameLayer(LayerSpan span, FileLayer layer, boolean last) throws OnnxFileException {
    String name = Layers.title(span);
    if (layer.kind != span.kind()) {
      throw mismatch(name + " is " + (span.kind() == Architecture.Kind.RBF ? "an RBF layer" : "a dense layer")
          + " in the model, " + (layer.kind == Architecture.Kind.RBF ? "an RBF layer" : "a dense layer") + " in the file");
    }
    if (layer.inputs != span.inputs()) {
      throw mismatch(name + " takes " + layer.inputs + " inputs in the file, " + span.inputs() + " in the model");
    }
    if (layer.outputs != span.outputs()) {
      throw mismatch(name + " has " + layer.outputs + " units in the file, " + span.outputs() + " in the model");
    }
    if (layer.norm != span.norm()) {
      throw mismatch(name + " is " + normName(span.norm()) + " in the model, " + normName(layer.norm) + " in the file");
    }
    if (layer.norm != Norm.NONE && Math.abs(layer.epsilon - GraphExport.NORM_EPSILON) > 1e-6 * GraphExport.NORM_EPSILON) {
      throw mismatch(name + " normalises with epsilon " + layer.epsilon + " in the file; Unrolled's normalisation "
          + "uses 1e-5 (Keras' default is 1e-3: give epsilon=1e-5 when building the model)");
    }
    if (layer.norm == Norm.LAYER && !allZero(layer.vector)) {
      throw mismatch(name + " adds a bias before its LayerNormalization in the file; a normalised layer of Unrolled "
          + "has none (declare the linear layer with bias=False)");
    }
    if (span.kind() == Architecture.Kind.DENSE) {
      requireActivation(span, layer, last, name);
    }
  }

  /** The activation; after the output layer also the loss head, which the same nodes may hold (a sigmoid). */
  private void requireActivation(LayerSpan span, FileLayer layer, boolean last, String name) throws OnnxFileException {
    Optional<Activation> found = layer.activation;
    if (last && architecture.loss() == Loss.SIGMOID_CROSS_ENTROPY && found.equals(Optional.of(Activation.SIGMOID))) {
      return; // the loss head: predict's sigmoid of the logits
    }
    if (last && architecture.loss() == Loss.SOFTMAX_CROSS_ENTROPY && found.equals(Optional.of(Activation.IDENTITY))) {
      return; // logits, with or without the file's Softmax
    }
    if (!found.equals(Optional.of(span.activation()))) {
      throw mismatch(name + " applies " + layer.describeActivation() + " in the file, " + span.activation()
          + " in the model" + (last && architecture.loss().isCrossEntropy()
          ? " (loss head: the model's " + architecture.loss() + " expects logits"
              + (architecture.loss() == Loss.SIGMOID_CROSS_ENTROPY ? " or their sigmoid)" : ", then a Softmax or nothing)")
          : ""));
    }
  }

  private double[] parameters() {
    double[] parameters = new double[Math.toIntExact(architecture.parameterCount())];
    for (int k = 0; k < table.size(); k++) {
      LayerSpan span = table.get(k);
      FileLayer layer = network.layers().get(k);
      put(parameters, span.matrix(), layer.matrix);
      if (span.normalised()) {
        put(parameters, span.vectors().get(0), layer.gamma);
        put(parameters, span.vectors().get(1), layer.beta);
      } else {
        put(parameters, span.vector(), layer.vector); // bias, or the RBF log-widths
      }
    }
    return parameters;
  }

  /** Running means and variances of the BATCH layers; a bias before BatchNormalization folds into the mean. */
  private double[] runningEstimates() {
    double[] estimates = new double[architecture.runningEstimateCount()];
    int at = 0;
    for (int k = 0; k < table.size(); k++) {
      FileLayer layer = network.layers().get(k);
      if (table.get(k).norm() != Norm.BATCH) {
        continue;
      }
      int units = layer.outputs;
      for (int j = 0; j < units; j++) {
        estimates[at + j] = layer.runningMean[j] - layer.vector[j]; // BN(h + b) with mean m is BN(h) with m − b
        estimates[at + units + j] = layer.runningVariance[j];
      }
      at += 2 * units;
    }
    return estimates;
  }

  private void requireValues(double[] parameters, double[] estimates) throws OnnxFileException {
    boolean single = architecture.precision() == Precision.FLOAT;
    for (int i = 0; i < parameters.length; i++) {
      if (!Double.isFinite(single ? (float) parameters[i] : parameters[i])) {
        throw graph.error("parameter " + i + " (" + Layers.describe(architecture, i) + ") is " + parameters[i]
            + (Double.isFinite(parameters[i]) ? ", beyond the range of a FLOAT model's floats" : "")
            + "; the model takes finite parameters only");
      }
    }
    for (int i = 0; i < estimates.length; i++) {
      Architecture.RunningEstimate where = architecture.runningEstimate(i);
      double value = estimates[i];
      if (!Double.isFinite(single ? (float) value : value) || (where.variance() && value < 0)) {
        throw graph.error(where + " is " + value + "; running estimates are finite and variances not negative");
      }
    }
  }

  private static void put(double[] parameters, Architecture.Block block, double[] values) {
    System.arraycopy(values, 0, parameters, Math.toIntExact(block.offset()), values.length);
  }

  private static boolean allZero(double[] values) {
    for (double value : values) {
      if (value != 0) {
        return false;
      }
    }
    return true;
  }

  private static String normName(Norm norm) {
    return norm == Norm.NONE ? "not normalised" : norm + "-normalised";
  }

  private OnnxFileException mismatch(String what) {
    return graph.error(what + "; the model is " + architecture);
  }
}
