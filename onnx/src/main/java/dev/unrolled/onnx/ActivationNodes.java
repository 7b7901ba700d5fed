package dev.unrolled.onnx;

import dev.unrolled.Activation;
import dev.unrolled.Precision;
import java.util.Map;

/**
 * The nodes that apply an {@link Activation} to a layer's pre-activation {@code z}, with the
 * formulas of the generated code. FLOAT networks get one standard operator per activation (SiLU:
 * {@code Mul(z, Sigmoid(z))}, as PyTorch writes it; opset 17 has no {@code Swish}). DOUBLE networks
 * get the same where ONNX Runtime runs it in double, and otherwise the generated code's own formula
 * in elementary operators:
 * <ul>
 *   <li>LEAKY_RELU {@code Max(z, 0.01·z)}: {@code LeakyRelu}'s float attribute would make the slope
 *       the float nearest 0.01, 2·10⁻⁸ off; {@code 0.01·z > z} exactly when {@code z < 0}.
 *   <li>ELU {@code Where(z > 0, z, e^z − 1)} and SOFTPLUS {@code max(z, 0) + log(1 + e^−|z|)}: ONNX
 *       Runtime has no double kernels for {@code Elu} and {@code Softplus}.
 *   <li>SILU {@code z / (1 + e^−z)}: ONNX Runtime fuses {@code Mul(z, Sigmoid(z))} into a
 *       {@code QuickGelu} node that has no double kernel either.
 * </ul>
 */
final class ActivationNodes {
  /** LEAKY_RELU's slope below 0. */
  static final double LEAKY_SLOPE = 0.01;

  private final GraphBuilder graph;
  private final boolean single;

  ActivationNodes(GraphBuilder graph, Precision precision) {
    this.graph = graph;
    this.single = precision == Precision.FLOAT;
  }

  /** Applies {@code activation} to {@code z}; the result is named {@code prefix + ".a"}, or is {@code z} for IDENTITY. */
  String apply(Activation activation, String z, String prefix) {
    String a = prefix + ".a";
    switch (activation) {
      case IDENTITY:
        return z;
      case SIGMOID:
        return graph.node(Op.SIGMOID, a, Map.of(), z);
      case TANH:
        return graph.node(Op.TANH, a, Map.of(), z);
      case RELU:
        return graph.node(Op.RELU, a, Map.of(), z);
      case LEAKY_RELU:
        return single ? graph.node(Op.LEAKY_RELU, a, Map.of("alpha", (float) LEAKY_SLOPE), z)
            : graph.node(Op.MAX, a, Map.of(), z, mul(z, graph.scalar(prefix + ".slope", LEAKY_SLOPE), prefix + ".leaky"));
      case ELU:
        return single ? graph.node(Op.ELU, a, Map.of("alpha", 1.0f), z) : elu(z, prefix, a);
      case SOFTPLUS:
        return single ? graph.node(Op.SOFTPLUS, a, Map.of(), z) : softplus(z, prefix, a);
      case SILU:
        return single ? mul(z, graph.node(Op.SIGMOID, prefix + ".sigmoid", Map.of(), z), a) : silu(z, prefix, a);
      default:
        throw new IllegalArgumentException("no ONNX form for " + activation);
    }
  }

  private String elu(String z, String p, String a) {
    String positive = graph.node(Op.GREATER, p + ".positive", Map.of(), z, graph.scalar(p + ".zero", 0));
    String expm1 = graph.node(Op.SUB, p + ".expm1", Map.of(), graph.node(Op.EXP, p + ".exp", Map.of(), z),
        graph.scalar(p + ".one", 1));
    return graph.node(Op.WHERE, a, Map.of(), positive, z, expm1);
  }

  private String softplus(String z, String p, String a) {
    String decay = graph.node(Op.EXP, p + ".decay", Map.of(),
        graph.node(Op.NEG, p + ".negative_abs", Map.of(), graph.node(Op.ABS, p + ".abs", Map.of(), z)));
    String log = graph.node(Op.LOG, p + ".log1p", Map.of(),
        graph.node(Op.ADD, p + ".one_plus", Map.of(), graph.scalar(p + ".one", 1), decay));
    return graph.node(Op.ADD, a, Map.of(), graph.node(Op.RELU, p + ".relu", Map.of(), z), log);
  }

  private String silu(String z, String p, String a) {
    String exp = graph.node(Op.EXP, p + ".exp", Map.of(), graph.node(Op.NEG, p + ".negative", Map.of(), z));
    return graph.node(Op.DIV, a, Map.of(), z, graph.node(Op.ADD, p + ".denominator", Map.of(), graph.scalar(p + ".one", 1), exp));
  }

  private String mul(String x, String y, String output) {
    return graph.node(Op.MUL, output, Map.of(), x, y);
  }
}
