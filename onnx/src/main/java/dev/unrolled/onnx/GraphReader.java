package dev.unrolled.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.unrolled.Activation;
import dev.unrolled.Architecture;
import dev.unrolled.Norm;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an ONNX graph as a chain of layers: from the input, an optional RBF layer as
 * {@link Onnx#export} writes it, then for each dense layer a linear map ({@code Gemm} with
 * {@code transB} 0 or 1, or {@code MatMul} with an optional {@code Add} of the bias), an optional
 * {@code BatchNormalization} or {@code LayerNormalization}, and element-wise nodes up to the next
 * linear map; at the end an optional {@code Softmax}. Weights must be constants.
 */
final class GraphReader {
  /** Operators that end a run of element-wise nodes. */
  private static final Set<String> BOUNDARIES = Set.of("Gemm", "MatMul", "BatchNormalization",
      "LayerNormalization", "Softmax");
  private static final Set<String> PASS_THROUGH = Set.of("Identity", "Dropout");
  private static final Optional<Activation> NOTHING = Optional.of(Activation.IDENTITY);

  private final OnnxGraph graph;
  private final List<FileLayer> layers = new ArrayList<>();
  private boolean softmax;

  private GraphReader(OnnxGraph graph) {
    this.graph = graph;
  }

  /** The layers of the file in order. */
  static FileNetwork read(OnnxGraph graph) throws OnnxFileException {
    return new GraphReader(graph).read();
  }

  /** What the file holds: its layers and whether it ends in a softmax. */
  record FileNetwork(List<FileLayer> layers, boolean softmax) {}

  /** A run of element-wise nodes from a value up to the next boundary node (null at the graph's end). */
  private record Segment(List<NodeProto> nodes, String out, NodeProto boundary) {}

  private FileNetwork read() throws OnnxFileException {
    String value = graph.input;
    List<NodeProto> first = graph.consumers(value);
    if (first.size() == 1 && first.get(0).getOpType().equals("Unsqueeze")) {
      value = rbf(first.get(0));
    }
    Segment segment = segment(value);
    if (!segment.nodes().isEmpty() && !ActivationProbe.identify(evaluate(segment, value))
        .equals(NOTHING)) {
      throw graph.error("the graph transforms its input (" + ops(segment) + ") before the first layer; Unrolled's "
          + "networks start with a linear map");
    }
    while (segment.boundary() != null) {
      NodeProto node = segment.boundary();
      if (node.getOpType().equals("Softmax")) {
        segment = softmax(node);
      } else if (node.getOpType().equals("Gemm") || node.getOpType().equals("MatMul")) {
        FileLayer layer = linear(node);
        String z = normalisation(layer, biased(layer, node.getOutput(0)));
        segment = segment(z);
        layer.activationValues = evaluate(segment, z);
        layer.activation = ActivationProbe.identify(layer.activationValues);
        layer.activationNodes = ops(segment);
        layers.add(layer);
      } else {
        throw graph.error(OnnxGraph.describe(node) + " follows no Gemm or MatMul; Unrolled normalises only a "
            + "layer's linear map");
      }
    }
    if (!segment.out().equals(graph.output)) {
      throw graph.error("the graph's output " + graph.output + " is not the end of the chain of layers");
    }
    if (layers.isEmpty()) {
      throw graph.error("the graph has no Gemm or MatMul layer");
    }
    return new FileNetwork(List.copyOf(layers), softmax);
  }

  /** The RBF layer as {@link GraphExport} writes it: Unsqueeze, Sub C, Mul, ReduceSum, Mul Exp(s), Neg, Exp. */
  private String rbf(NodeProto unsqueeze) throws OnnxFileException {
    NodeProto sub = only(unsqueeze.getOutput(0), "Sub");
    Tensor centres = graph.constant(sub.getInput(1), "the RBF centres");
    NodeProto square = only(sub.getOutput(0), "Mul");
    NodeProto sum = only(square.getOutput(0), "ReduceSum");
    NodeProto scale = only(sum.getOutput(0), "Mul");
    String widths = scale.getInput(0).equals(sum.getOutput(0)) ? scale.getInput(1) : scale.getInput(0);
    NodeProto exp = graph.producer(widths).filter(n -> n.getOpType().equals("Exp"))
        .orElseThrow(() -> graph.error("the RBF widths are not Exp of stored log-widths"));
    Tensor logWidths = graph.constant(exp.getInput(0), "the RBF log-widths");
    NodeProto neg = only(scale.getOutput(0), "Neg");
    NodeProto phi = only(neg.getOutput(0), "Exp");
    if (centres.dims().length != 2 || logWidths.size() != centres.dims()[0]) {
      throw graph.error("the RBF centres are " + centres.shape() + " and the log-widths " + logWidths.shape()
          + "; Unrolled writes [units, inputs] and [units]");
    }
    int units = (int) centres.dims()[0];
    layers.add(new FileLayer(Architecture.Kind.RBF, (int) centres.dims()[1], units, centres.values(), logWidths.values()));
    return phi.getOutput(0);
  }

  private NodeProto only(String value, String op) throws OnnxFileException {
    List<NodeProto> next = graph.consumers(value);
    if (next.size() != 1 || !next.get(0).getOpType().equals(op)) {
      throw graph.error("after " + value + " the RBF layer continues with " + op + " in the form Unrolled exports, "
          + "but the file has " + next.stream().map(OnnxGraph::describe).collect(Collectors.toList()));
    }
    return next.get(0);
  }

  /** {@code Gemm} (alpha = beta = 1, transA = 0, transB 0 or 1) or {@code MatMul} with a constant weight. */
  private FileLayer linear(NodeProto node) throws OnnxFileException {
    String what = "the weight of " + OnnxGraph.describe(node);
    Tensor weight = graph.constant(node.getInput(1), what);
    boolean gemm = node.getOpType().equals("Gemm");
    if (gemm && (floatAttribute(node, "alpha", 1) != 1 || floatAttribute(node, "beta", 1) != 1
        || intAttribute(node, "transA", 0) != 0)) {
      throw graph.error(OnnxGraph.describe(node) + " scales or transposes its input (alpha, beta, transA); "
          + "Unrolled reads Gemm as PyTorch and Keras write it: alpha 1, beta 1, transA 0");
    }
    if (weight.dims().length != 2) {
      throw graph.error(what + " has shape " + weight.shape() + "; a layer's weight is a matrix");
    }
    boolean outFirst = gemm && intAttribute(node, "transB", 0) == 1; // PyTorch's nn.Linear: W[out][in]
    int out = (int) weight.dims()[outFirst ? 0 : 1];
    int in = (int) weight.dims()[outFirst ? 1 : 0];
    double[] matrix = outFirst ? weight.values() : weight.transposed();
    double[] bias = new double[out];
    if (gemm && node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
      addBias(bias, graph.constant(node.getInput(2), "the bias of " + OnnxGraph.describe(node)), node);
    }
    return new FileLayer(Architecture.Kind.DENSE, in, out, matrix, bias);
  }

  /** Takes an {@code Add} of a constant vector right after the linear map as its bias (Keras' MatMul + Add). */
  private String biased(FileLayer layer, String h) throws OnnxFileException {
    List<NodeProto> next = graph.consumers(h);
    if (next.size() == 1 && next.get(0).getOpType().equals("Add")) {
      NodeProto add = next.get(0);
      String other = add.getInput(0).equals(h) ? add.getInput(1) : add.getInput(0);
      if (graph.isConstant(other) && graph.constant(other, "bias").size() == layer.outputs) {
        addBias(layer.vector, graph.constant(other, "the bias of " + OnnxGraph.describe(add)), add);
        return add.getOutput(0);
      }
    }
    return h;
  }

  private void addBias(double[] bias, Tensor values, NodeProto node) throws OnnxFileException {
    if (values.size() != bias.length) {
      throw graph.error("the bias of " + OnnxGraph.describe(node) + " has shape " + values.shape() + " for "
          + bias.length + " units");
    }
    for (int j = 0; j < bias.length; j++) {
      bias[j] += values.values()[j];
    }
  }

  /** {@code BatchNormalization} (inference form) or {@code LayerNormalization} (last axis) after the linear map. */
  private String normalisation(FileLayer layer, String h) throws OnnxFileException {
    List<NodeProto> next = graph.consumers(h);
    if (next.size() != 1) {
      return h;
    }
    NodeProto node = next.get(0);
    String name = OnnxGraph.describe(node);
    if (node.getOpType().equals("BatchNormalization")) {
      if (intAttribute(node, "training_mode", 0) != 0 || node.getOutputCount() > 1) {
        throw graph.error(name + " is in training mode; export the network in evaluation mode (model.eval())");
      }
      layer.norm = Norm.BATCH;
      layer.gamma = vector(node, 1, "scale", layer);
      layer.beta = vector(node, 2, "shift", layer);
      layer.runningMean = vector(node, 3, "running mean", layer);
      layer.runningVariance = vector(node, 4, "running variance", layer);
    } else if (node.getOpType().equals("LayerNormalization")) {
      long axis = intAttribute(node, "axis", -1);
      if (axis != -1 && axis != 1) {
        throw graph.error(name + " normalises over axis " + axis + "; Unrolled's LAYER norm is over a row's units");
      }
      layer.norm = Norm.LAYER;
      layer.gamma = vector(node, 1, "scale", layer);
      layer.beta = node.getInputCount() > 2 && !node.getInput(2).isEmpty() ? vector(node, 2, "shift", layer)
          : new double[layer.outputs];
    } else {
      return h;
    }
    layer.epsilon = floatAttribute(node, "epsilon", 1e-5);
    return node.getOutput(0);
  }

  private double[] vector(NodeProto node, int input, String what, FileLayer layer) throws OnnxFileException {
    Tensor tensor = graph.constant(node.getInput(input), "the " + what + " of " + OnnxGraph.describe(node));
    if (tensor.size() != layer.outputs) {
      throw graph.error("the " + what + " of " + OnnxGraph.describe(node) + " has shape " + tensor.shape() + " for "
          + layer.outputs + " units");
    }
    return tensor.values();
  }

  private Segment softmax(NodeProto node) throws OnnxFileException {
    long axis = intAttribute(node, "axis", -1);
    if (layers.isEmpty() || (axis != -1 && axis != 1)) {
      throw graph.error(OnnxGraph.describe(node) + " is not a softmax over the output layer's units");
    }
    softmax = true;
    Segment after = segment(node.getOutput(0));
    if (after.boundary() != null || !ActivationProbe.identify(evaluate(after, node.getOutput(0)))
        .equals(NOTHING)) {
      throw graph.error("the graph goes on after its Softmax (" + ops(after) + "); Unrolled's networks end there");
    }
    return after;
  }

  /** The element-wise nodes reachable from {@code start} before a boundary node, and where they lead. */
  private Segment segment(String start) throws OnnxFileException {
    Set<String> reached = new HashSet<>(List.of(start));
    Set<NodeProto> nodes = new HashSet<>();
    List<NodeProto> boundaries = new ArrayList<>();
    Deque<String> pending = new ArrayDeque<>(List.of(start));
    while (!pending.isEmpty()) {
      for (NodeProto node : graph.consumers(pending.pop())) {
        if (BOUNDARIES.contains(node.getOpType())) {
          if (!boundaries.contains(node)) {
            boundaries.add(node);
          }
        } else if (nodes.add(node)) {
          reached.addAll(node.getOutputList());
          pending.addAll(node.getOutputList());
        }
      }
    }
    List<NodeProto> ordered = graph.nodes().stream().filter(nodes::contains).collect(Collectors.toList());
    if (boundaries.size() > 1) {
      throw graph.error(start + " feeds " + boundaries.size() + " layers (" + boundaries.stream()
          .map(OnnxGraph::describe).collect(Collectors.joining(", ")) + "); Unrolled reads a chain of layers");
    }
    if (boundaries.isEmpty()) {
      if (!reached.contains(graph.output)) {
        throw graph.error("the chain of layers ends at " + start + ", not at the graph's output " + graph.output);
      }
      return new Segment(ordered, graph.output, null);
    }
    NodeProto boundary = boundaries.get(0);
    if (!reached.contains(boundary.getInput(0))) {
      throw graph.error(OnnxGraph.describe(boundary) + " takes its data from " + boundary.getInput(0)
          + ", not from the layer before it");
    }
    return new Segment(ordered, boundary.getInput(0), boundary);
  }

  private double[] evaluate(Segment segment, String in) throws OnnxFileException {
    return ActivationProbe.evaluate(segment.nodes(), in, segment.out(), graph);
  }

  /** The operators of a run, without the pass-through ones ({@code Identity}, inference {@code Dropout}). */
  private static String ops(Segment segment) {
    return segment.nodes().stream().map(NodeProto::getOpType).filter(op -> !PASS_THROUGH.contains(op))
        .collect(Collectors.joining(", "));
  }

  private static double floatAttribute(NodeProto node, String name, double fallback) {
    return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
        .map(a -> (double) a.getF()).orElse(fallback);
  }

  private static long intAttribute(NodeProto node, String name, long fallback) {
    return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
        .map(AttributeProto::getI).orElse(fallback);
  }
}
