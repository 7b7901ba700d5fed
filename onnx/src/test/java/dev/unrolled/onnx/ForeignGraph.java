package dev.unrolled.onnx;

import ai.onnx.proto.OnnxMl;
import dev.unrolled.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Float32 ONNX graphs in the shapes other exporters write, built with the library's protobuf
 * classes: PyTorch's {@code nn.Linear} as {@code Gemm} with {@code transB = 1} and {@code W[out][in]},
 * Keras' {@code Dense} through tf2onnx as {@code MatMul} with {@code W[in][out]}, then {@code Add}.
 * Keeps the weights it wrote in Unrolled's flat layout, as the loaded model should hold them.
 */
final class ForeignGraph {
  private final GraphBuilder graph = new GraphBuilder("foreign", Precision.FLOAT);
  private final SplittableRandom random;
  private final List<Double> flat = new ArrayList<>();
  private String value;
  private int width;
  private int layer;

  ForeignGraph(int inputs, long seed) {
    this.random = new SplittableRandom(seed);
    this.value = graph.input("input.1", inputs);
    this.width = inputs;
  }

  /** PyTorch's {@code nn.Linear(width, units)}: {@code Gemm(x, W[out][in], b, transB = 1)}. */
  ForeignGraph torchLinear(int units) {
    double[] w = values(units * width);
    double[] b = values(units);
    String name = "fc" + ++layer;
    value = graph.node(Op.GEMM, "/" + name + "/Gemm_output_0", Map.of("alpha", 1f, "beta", 1f, "transB", 1), value,
        graph.tensor(name + ".weight", w, 0, units, width), graph.tensor(name + ".bias", b, 0, units));
    record(w);
    record(b);
    width = units;
    return this;
  }

  /** Keras' {@code Dense(units)} through tf2onnx: {@code Add(MatMul(x, W[in][out]), b)}. */
  ForeignGraph kerasDense(int units) {
    double[] w = values(width * units); // [in][out]
    double[] b = values(units);
    String name = "dense_" + ++layer;
    String product = graph.node(Op.MAT_MUL, name + "/MatMul:0", Map.of(), value,
        graph.tensor(name + "/kernel", w, 0, width, units));
    value = graph.node(Op.ADD, name + "/BiasAdd:0", Map.of(), product, graph.tensor(name + "/bias", b, 0, units));
    double[] outFirst = new double[w.length];
    for (int i = 0; i < width; i++) {
      for (int j = 0; j < units; j++) {
        outFirst[j * width + i] = w[i * units + j];
      }
    }
    record(outFirst);
    record(b);
    width = units;
    return this;
  }

  /**
   * PyTorch's {@code nn.BatchNorm1d} in evaluation mode after a biased linear layer; the loaded
   * model holds the bias folded into the running mean ({@code recorded} gets γ, β).
   */
  ForeignGraph batchNorm(double epsilon, double[] foldedEstimates) {
    double[] gamma = values(width);
    double[] beta = values(width);
    double[] mean = values(width);
    double[] variance = new double[width];
    for (int j = 0; j < width; j++) {
      variance[j] = random.nextDouble(0.3, 2);
    }
    // The linear layer's bias is the last thing recorded: Unrolled's normalised layer has none.
    double[] bias = new double[width];
    for (int j = width - 1; j >= 0; j--) {
      bias[j] = flat.remove(flat.size() - 1);
    }
    for (int j = 0; j < width; j++) {
      // A FLOAT model keeps its running estimates in float: the folded mean is rounded once more.
      foldedEstimates[j] = (float) ((float) mean[j] - bias[j]);
      foldedEstimates[width + j] = (float) variance[j];
    }
    String p = "bn" + layer;
    value = graph.node(Op.BATCH_NORMALIZATION, "/" + p + "/BatchNormalization_output_0",
        Map.of("epsilon", (float) epsilon, "momentum", 0.9f), value, graph.tensor(p + ".weight", gamma, 0, width),
        graph.tensor(p + ".bias", beta, 0, width), graph.tensor(p + ".running_mean", mean, 0, width),
        graph.tensor(p + ".running_var", variance, 0, width));
    record(gamma);
    record(beta);
    return this;
  }

  /** A one-input operator such as {@code Relu} or {@code Softmax} (with its attributes). */
  ForeignGraph apply(Op op, Map<String, Object> attributes) {
    value = graph.node(op, "/" + op.getOpName() + layer + "_output_0", attributes, value);
    return this;
  }

  /** PyTorch's {@code nn.SiLU}: {@code Mul(x, Sigmoid(x))}. */
  ForeignGraph torchSilu() {
    String sigmoid = graph.node(Op.SIGMOID, "/act" + layer + "/Sigmoid_output_0", Map.of(), value);
    value = graph.node(Op.MUL, "/act" + layer + "/Mul_output_0", Map.of(), value, sigmoid);
    return this;
  }

  /** The parameters written so far, in Unrolled's flat layout, as floats widened to double. */
  double[] parameters() {
    return flat.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Writes the graph, with its output at the current value. */
  Path write(Path file) throws IOException {
    graph.output("output", width, value);
    OnnxMl.ModelProto model = Onnx.modelProto(graph.build(), "written by ForeignGraph");
    Files.write(file, model.toByteArray());
    return file;
  }

  private double[] values(int n) {
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      v[k] = random.nextDouble(-1, 1);
    }
    return v;
  }

  private void record(double[] values) {
    for (double v : values) {
      flat.add((double) (float) v); // the file holds float32
    }
  }
}
