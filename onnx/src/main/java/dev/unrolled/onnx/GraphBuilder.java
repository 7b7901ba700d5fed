package dev.unrolled.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.unrolled.Precision;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXUtils;

/**
 * Collects one graph's inputs, initializers, nodes and outputs, in the precision of the network:
 * FLOAT networks get {@code float} tensors, DOUBLE networks {@code double} ones. Tensors and nodes
 * are built by Tribuo ({@link ONNXUtils}, {@link Op#build}); its {@link ONNXContext} only names the
 * nodes here, because its own graph builder has float inputs and one-dimensional double tensors only.
 */
final class GraphBuilder {
  /** The symbolic batch dimension of inputs and outputs. */
  static final String BATCH = "N";

  private final ONNXContext names = new ONNXContext();
  private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
  private final Precision precision;

  GraphBuilder(String name, Precision precision) {
    this.precision = precision;
    graph.setName(name);
  }

  /** The element type of every value in the graph. */
  TensorProto.DataType elementType() {
    return precision == Precision.FLOAT ? TensorProto.DataType.FLOAT : TensorProto.DataType.DOUBLE;
  }

  /** Declares the graph input {@code name} of shape {@code [N, width]}. */
  String input(String name, int width) {
    graph.addInput(valueInfo(name, width));
    return name;
  }

  /** Declares {@code name}, of shape {@code [N, width]}, as the graph output, copied from {@code value}. */
  void output(String name, int width, String value) {
    node(Op.IDENTITY, name, Map.of(), value);
    graph.addOutput(valueInfo(name, width));
  }

  /** A constant tensor of the network's precision, {@code values} row-major in {@code dims}. */
  String tensor(String name, double[] values, int offset, int... dims) {
    List<Integer> shape = Arrays.stream(dims).boxed().collect(Collectors.toList());
    int length = Arrays.stream(dims).reduce(1, Math::multiplyExact);
    TensorProto tensor = precision == Precision.FLOAT
        ? ONNXUtils.floatTensorBuilder(names, name, shape, (FloatBuffer buffer) -> {
          for (int k = 0; k < length; k++) {
            buffer.put((float) values[offset + k]);
          }
        })
        : ONNXUtils.doubleTensorBuilder(names, name, shape, (DoubleBuffer buffer) -> buffer.put(values, offset, length));
    graph.addInitializer(tensor.toBuilder().setName(name)); // Tribuo appends "_0"; these names are unique already
    return name;
  }

  /** A one-element tensor of the network's precision, shape {@code [1]}: it broadcasts against any value. */
  String scalar(String name, double value) {
    return tensor(name, new double[] {value}, 0, 1);
  }

  /** A one-dimensional int64 tensor, as operators take axes. */
  String int64s(String name, long... values) {
    graph.addInitializer(ONNXUtils.arrayBuilder(names, name, values).toBuilder().setName(name));
    return name;
  }

  /** Adds {@code op(inputs)} writing the value {@code output}, and returns that name. */
  String node(Op op, String output, Map<String, Object> attributes, String... inputs) {
    graph.addNode(op.build(names, inputs, new String[] {output}, attributes));
    return output;
  }

  OnnxMl.GraphProto build() {
    return graph.build();
  }

  private OnnxMl.ValueInfoProto valueInfo(String name, int width) {
    OnnxMl.TensorShapeProto shape = OnnxMl.TensorShapeProto.newBuilder()
        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH))
        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(width))
        .build();
    OnnxMl.TypeProto type = OnnxMl.TypeProto.newBuilder()
        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(elementType().getNumber()).setShape(shape))
        .build();
    return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }
}
