package dev.unrolled.onnx;

import dev.unrolled.Architecture;
import dev.unrolled.Architecture.LayerSpan;
import java.util.Optional;

/** Names of parameters and layers in messages, as model files and {@code summary()} name them. */
final class Layers {
  private Layers() {}

  /** {@code "layer 2 weight W[1][3]"} for flat parameter {@code index}. */
  static String describe(Architecture architecture, long index) {
    return architecture.table().stream().map(span -> span.describe(index)).flatMap(Optional::stream).findFirst()
        .orElse("beyond the last layer");
  }

  /** {@code "layer 2 (dense, 16 units, TANH)"}. */
  static String title(LayerSpan span) {
    return "layer " + span.number() + " (" + (span.kind() == Architecture.Kind.RBF ? "RBF, " + span.outputs() + " units"
        : "dense, " + span.outputs() + " units, " + span.activation()
            + (span.normalised() ? ", " + span.norm() + "-norm" : "")) + ")";
  }
}
