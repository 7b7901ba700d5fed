package dev.unrolled.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.unrolled.Activation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Tells which {@link Activation} a run of element-wise nodes computes by evaluating it on probe
 * values. Exporters spell the same function differently (SiLU as {@code Sigmoid} and {@code Mul};
 * softplus as {@code Softplus} or {@code Log}, {@code Exp} and {@code Add}; Unrolled's own DOUBLE
 * decompositions), so the function is compared, not the spelling.
 */
final class ActivationProbe {
  /** Both signs, near and far from 0, where every pair of Unrolled's activations differs by far more than 1e-6. */
  static final double[] PROBES = {-6, -2.5, -1, -0.3, -0.02, 0, 0.03, 0.4, 1.1, 3, 7};
  private static final double TOLERANCE = 1e-6; // float constants (LeakyRelu's alpha) are 2e-8 off

  private ActivationProbe() {}

  /** The activation whose values at {@link #PROBES} are {@code outputs}, if one is. */
  static Optional<Activation> identify(double[] outputs) {
    for (Activation activation : Activation.values()) {
      boolean matches = true;
      for (int k = 0; k < PROBES.length && matches; k++) {
        double expected = reference(activation, PROBES[k]);
        matches = Math.abs(outputs[k] - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
      }
      if (matches) {
        return Optional.of(activation);
      }
    }
    return Optional.empty();
  }

  /** The definition in docs/mathematics.md, evaluated plainly. */
  static double reference(Activation activation, double z) {
    switch (activation) {
      case IDENTITY: return z;
      case SIGMOID: return 1 / (1 + Math.exp(-z));
      case TANH: return Math.tanh(z);
      case RELU: return Math.max(0, z);
      case LEAKY_RELU: return z > 0 ? z : 0.01 * z;
      case ELU: return z > 0 ? z : Math.expm1(z);
      case SOFTPLUS: return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
      case SILU: return z / (1 + Math.exp(-z));
      default: throw new IllegalArgumentException("no definition of " + activation);
    }
  }

  /**
   * Evaluates {@code segment} (nodes in graph order) with {@code in} set to the probes and returns
   * the values of {@code out}. Side inputs must be constants with one value (or all values equal).
   */
  static double[] evaluate(List<NodeProto> segment, String in, String out, OnnxGraph graph) throws OnnxFileException {
    Map<String, double[]> values = new HashMap<>();
    values.put(in, PROBES.clone());
    for (NodeProto node : segment) {
      double[][] args = new double[node.getInputCount()][];
      for (int i = 0; i < args.length; i++) {
        String name = node.getInput(i);
        args[i] = name.isEmpty() ? null : values.containsKey(name) ? values.get(name) : scalar(name, node, graph);
      }
      values.put(node.getOutput(0), apply(node, args, graph));
    }
    return values.get(out);
  }

  private static double[] scalar(String name, NodeProto node, OnnxGraph graph) throws OnnxFileException {
    Tensor tensor = graph.constant(name, "input " + name + " of " + OnnxGraph.describe(node));
    double first = tensor.size() == 0 ? Double.NaN : tensor.values()[0];
    for (double value : tensor.values()) {
      if (Double.compare(value, first) != 0) {
        throw graph.error(OnnxGraph.describe(node) + " combines the layer's values with a tensor of differing values "
            + tensor.shape() + "; between layers Unrolled reads only an activation applied to every unit alike");
      }
    }
    double[] broadcast = new double[PROBES.length];
    java.util.Arrays.fill(broadcast, first);
    return broadcast;
  }

  private static double[] apply(NodeProto node, double[][] a, OnnxGraph graph) throws OnnxFileException {
    switch (node.getOpType()) {
      case "Identity": case "Dropout": return a[0]; // Dropout is the identity at inference
      case "Relu": return map(a[0], z -> Math.max(0, z));
      case "Sigmoid": return map(a[0], z -> 1 / (1 + Math.exp(-z)));
      case "Tanh": return map(a[0], Math::tanh);
      case "Exp": return map(a[0], Math::exp);
      case "Log": return map(a[0], Math::log);
      case "Abs": return map(a[0], Math::abs);
      case "Neg": return map(a[0], z -> -z);
      case "Softplus": return map(a[0], z -> Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
      case "LeakyRelu": {
        double alpha = floatAttribute(node, "alpha", 0.01);
        return map(a[0], z -> z >= 0 ? z : alpha * z);
      }
      case "Elu": {
        double alpha = floatAttribute(node, "alpha", 1.0);
        return map(a[0], z -> z >= 0 ? z : alpha * Math.expm1(z));
      }
      case "Add": return zip(a[0], a[1], Double::sum);
      case "Sub": return zip(a[0], a[1], (x, y) -> x - y);
      case "Mul": return zip(a[0], a[1], (x, y) -> x * y);
      case "Div": return zip(a[0], a[1], (x, y) -> x / y);
      case "Max": return zip(a[0], a[1], Math::max);
      case "Min": return zip(a[0], a[1], Math::min);
      case "Greater": return zip(a[0], a[1], (x, y) -> x > y ? 1 : 0);
      case "Less": return zip(a[0], a[1], (x, y) -> x < y ? 1 : 0);
      case "Where": {
        double[] r = new double[PROBES.length];
        for (int k = 0; k < r.length; k++) {
          r[k] = a[0][k] != 0 ? a[1][k] : a[2][k];
        }
        return r;
      }
      default:
        throw graph.error(OnnxGraph.describe(node) + " is not an operator Unrolled reads between layers; it reads "
            + "Gemm or MatMul (+ Add), BatchNormalization, LayerNormalization, element-wise activations and Softmax");
    }
  }

  private static double floatAttribute(NodeProto node, String name, double fallback) {
    for (AttributeProto attribute : node.getAttributeList()) {
      if (attribute.getName().equals(name)) {
        return attribute.getF();
      }
    }
    return fallback;
  }

  private static double[] map(double[] x, DoubleUnaryOperator f) {
    double[] r = new double[x.length];
    for (int k = 0; k < r.length; k++) {
      r[k] = f.applyAsDouble(x[k]);
    }
    return r;
  }

  private static double[] zip(double[] x, double[] y, DoubleBinaryOperator f) {
    double[] r = new double[x.length];
    for (int k = 0; k < r.length; k++) {
      r[k] = f.applyAsDouble(x[k], y[k]);
    }
    return r;
  }
}
