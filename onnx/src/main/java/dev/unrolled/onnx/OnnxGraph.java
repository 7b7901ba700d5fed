package dev.unrolled.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ONNX file's graph as {@link Onnx#load} walks it: the one data input and output, the constants
 * (initializers and {@code Constant} nodes), and who consumes and produces each value. Refuses
 * what is not an ONNX model with one graph input and one output.
 */
final class OnnxGraph {
  final Path file;
  final String input;
  final OnnxMl.ValueInfoProto inputInfo;
  final String output;
  private final List<NodeProto> nodes;
  private final Map<String, TensorProto> constants = new HashMap<>();
  private final Map<String, List<NodeProto>> consumers = new HashMap<>();
  private final Map<String, NodeProto> producers = new HashMap<>();

  private OnnxGraph(Path file, OnnxMl.GraphProto graph) throws OnnxFileException {
    this.file = file;
    for (TensorProto initializer : graph.getInitializerList()) {
      constants.put(initializer.getName(), initializer);
    }
    this.nodes = graph.getNodeList();
    for (NodeProto node : nodes) {
      if (node.getOpType().equals("Constant") && node.getAttributeCount() == 1 && node.getAttribute(0).hasT()) {
        constants.put(node.getOutput(0), node.getAttribute(0).getT());
        continue;
      }
      for (String value : node.getInputList()) {
        List<NodeProto> readers = consumers.computeIfAbsent(value, k -> new ArrayList<>());
        if (!readers.contains(node)) { // Mul(d, d) reads d once
          readers.add(node);
        }
      }
      for (String value : node.getOutputList()) {
        producers.put(value, node);
      }
    }
    // Older exporters also list the initializers as graph inputs; the data input is the one that is not.
    List<OnnxMl.ValueInfoProto> inputs = graph.getInputList().stream()
        .filter(info -> !constants.containsKey(info.getName())).toList();
    if (inputs.size() != 1 || graph.getOutputCount() != 1) {
      throw error("the graph has " + inputs.size() + " data inputs and " + graph.getOutputCount()
          + " outputs; a network Unrolled can load has one of each");
    }
    this.inputInfo = inputs.get(0);
    this.input = inputInfo.getName();
    this.output = graph.getOutput(0).getName();
  }

  /** Reads {@code file}, refusing anything that is not a protobuf-encoded ONNX model with a graph. */
  static OnnxGraph read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    OnnxMl.ModelProto model;
    try {
      model = OnnxMl.ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxFileException(file + " is not an ONNX model: its bytes are not a ModelProto (" + e.getMessage()
          + "); export the network again", e);
    }
    if (!model.hasGraph() || model.getIrVersion() <= 0 || model.getOpsetImportCount() == 0) {
      throw new OnnxFileException(file + " is not an ONNX model: it has " + (model.hasGraph() ? "" : "no graph, ")
          + "IR version " + model.getIrVersion() + " and " + model.getOpsetImportCount()
          + " opset imports; a model file of another format, or a damaged one?");
    }
    return new OnnxGraph(file, model.getGraph());
  }

  /** The nodes that read {@code value}, in graph order. */
  List<NodeProto> consumers(String value) {
    return consumers.getOrDefault(value, List.of());
  }

  /** The node that writes {@code value}, if a node does. */
  Optional<NodeProto> producer(String value) {
    return Optional.ofNullable(producers.get(value));
  }

  /** The graph's nodes in their (topological) file order. */
  List<NodeProto> nodes() {
    return nodes;
  }

  boolean isConstant(String value) {
    return constants.containsKey(value);
  }

  /** The values of constant {@code value}; {@code what} names it in messages. */
  Tensor constant(String value, String what) throws OnnxFileException {
    TensorProto tensor = constants.get(value);
    if (tensor == null) {
      throw error(what + " (" + value + ") is computed in the graph, not stored as a constant; Unrolled reads "
          + "stored weights only");
    }
    return Tensor.of(tensor, what, this);
  }

  OnnxFileException error(String message) {
    return new OnnxFileException(file + ": " + message);
  }

  /** {@code "Gemm node 'fc1'"}, for messages. */
  static String describe(NodeProto node) {
    return node.getOpType() + " node '" + (node.getName().isEmpty() ? node.getOutput(0) : node.getName()) + "'";
  }
}
