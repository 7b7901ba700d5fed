package dev.unrolled.onnx;

import dev.unrolled.Activation;
import dev.unrolled.Architecture;
import dev.unrolled.Norm;
import java.util.Optional;

/**
 * One layer as an ONNX file holds it, in Unrolled's terms: kind, widths, normalisation, the
 * activation its nodes compute, and its weights already in the flat layout's order ({@code W[out][in]}).
 * Vectors a file may omit (a bias, LayerNormalization's shift) are zeros.
 */
final class FileLayer {
  final Architecture.Kind kind;
  final int inputs;
  final int outputs;
  /** {@code W[out][in]} for a dense layer, {@code C[units][inputs]} for the RBF layer. */
  final double[] matrix;
  /** The dense layer's bias (zeros if the file has none), or the RBF layer's log-widths. */
  double[] vector;
  Norm norm = Norm.NONE;
  double epsilon;
  double[] gamma;
  double[] beta;
  double[] runningMean;
  double[] runningVariance;
  /** What the nodes after the layer compute, when it is one of Unrolled's activations. */
  Optional<Activation> activation = Optional.of(Activation.IDENTITY);
  /** The operators of those nodes, for messages: {@code "Sigmoid, Mul"}. */
  String activationNodes = "";
  /** Their values at {@link ActivationProbe#PROBES}, for messages. */
  double[] activationValues = ActivationProbe.PROBES.clone();

  FileLayer(Architecture.Kind kind, int inputs, int outputs, double[] matrix, double[] vector) {
    this.kind = kind;
    this.inputs = inputs;
    this.outputs = outputs;
    this.matrix = matrix;
    this.vector = vector;
  }

  /** {@code "RELU (nodes Relu)"}, or {@code "none of Unrolled's activations (nodes LeakyRelu: −0.75 at −2.5)"}. */
  String describeActivation() {
    String nodes = activationNodes.isEmpty() ? "no nodes" : "nodes " + activationNodes;
    return activation.map(a -> a + " (" + nodes + ")")
        .orElse("none of Unrolled's activations (" + nodes + ": " + activationValues[1] + " at "
            + ActivationProbe.PROBES[1] + ")");
  }
}
