package dev.unrolled.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

/**
 * The ONNX operators Unrolled writes, at {@link #OPSET}, with the attributes each may carry.
 * Tribuo's {@link ONNXOperator} checks input counts and attribute names and types when a node is
 * built; its own operator list stops at opset 13 and lacks the activations, so this one extends it.
 */
enum Op implements ONNXOperator {
  GEMM("Gemm", 2, 1, attr("alpha", AttributeType.FLOAT), attr("beta", AttributeType.FLOAT),
      attr("transA", AttributeType.INT), attr("transB", AttributeType.INT)),
  MAT_MUL("MatMul", 2, 0),
  ADD("Add", 2, 0),
  SUB("Sub", 2, 0),
  MUL("Mul", 2, 0),
  DIV("Div", 2, 0),
  MAX("Max", 2, 0),
  NEG("Neg", 1, 0),
  ABS("Abs", 1, 0),
  EXP("Exp", 1, 0),
  LOG("Log", 1, 0),
  GREATER("Greater", 2, 0),
  WHERE("Where", 3, 0),
  UNSQUEEZE("Unsqueeze", 2, 0),
  REDUCE_SUM("ReduceSum", 1, 1, attr("keepdims", AttributeType.INT)),
  BATCH_NORMALIZATION("BatchNormalization", 5, 0, attr("epsilon", AttributeType.FLOAT),
      attr("momentum", AttributeType.FLOAT)),
  LAYER_NORMALIZATION("LayerNormalization", 2, 1, attr("axis", AttributeType.INT),
      attr("epsilon", AttributeType.FLOAT), attr("stash_type", AttributeType.INT)),
  SIGMOID("Sigmoid", 1, 0),
  TANH("Tanh", 1, 0),
  RELU("Relu", 1, 0),
  LEAKY_RELU("LeakyRelu", 1, 0, attr("alpha", AttributeType.FLOAT)),
  ELU("Elu", 1, 0, attr("alpha", AttributeType.FLOAT)),
  SOFTPLUS("Softplus", 1, 0),
  SOFTMAX("Softmax", 1, 0, attr("axis", AttributeType.INT)),
  IDENTITY("Identity", 1, 0);

  /**
   * The opset of every graph Unrolled writes: 17, the first with {@code LayerNormalization}, which
   * PyTorch also writes by default for {@code nn.LayerNorm}; ONNX Runtime 1.14 and later run it.
   */
  static final int OPSET = 17;

  private final String name;
  private final int inputs;
  private final int optionalInputs;
  private final Map<String, ONNXAttribute> attributes;

  Op(String name, int inputs, int optionalInputs, ONNXAttribute... attributes) {
    this.name = name;
    this.inputs = inputs;
    this.optionalInputs = optionalInputs;
    this.attributes = Collections.unmodifiableMap(Arrays.stream(attributes)
        .collect(Collectors.toMap(ONNXAttribute::getName, a -> a, (a, b) -> a, LinkedHashMap::new)));
  }

  private static ONNXAttribute attr(String name, AttributeType type) {
    return new ONNXAttribute(name, type, false);
  }

  @Override
  public String getOpName() {
    return name;
  }

  @Override
  public int getNumInputs() {
    return inputs;
  }

  @Override
  public int getNumOptionalInputs() {
    return optionalInputs;
  }

  @Override
  public int getNumOutputs() {
    return 1;
  }

  @Override
  public Map<String, ONNXAttribute> getAttributes() {
    return attributes;
  }

  @Override
  public Set<String> getMandatoryAttributeNames() {
    return Collections.emptySet();
  }

  @Override
  public int getOpVersion() {
    return OPSET;
  }

  /** The default ONNX domain ({@code ai.onnx}), which a node states by leaving its domain empty. */
  @Override
  public String getOpDomain() {
    return null;
  }
}
