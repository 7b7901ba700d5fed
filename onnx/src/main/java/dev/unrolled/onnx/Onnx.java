package dev.unrolled.onnx;

import ai.onnx.proto.OnnxMl;
import dev.unrolled.Model;
import java.io.IOException;
import java.nio.file.Path;

/**
 * ONNX export of generated networks and import of weights.
 *
 * <pre>{@code
 * Onnx.export(model, Path.of("iris.onnx"));       // run it in ONNX Runtime, from any language
 * Onnx.load(model, Path.of("iris-pytorch.onnx")); // weights trained elsewhere, same architecture
 * }</pre>
 *
 * <p>The exported graph computes what {@link Model#predict} returns, for a batch: input
 * {@code "input"} of shape {@code [N, inputs]}, output {@code "output"} of shape {@code [N, outputs]},
 * in {@code float} for FLOAT networks and {@code double} for DOUBLE ones, opset {@value Op#OPSET}.
 * The operators of each layer kind, and what {@link #load} accepts, are in docs/onnx.md.
 */
public final class Onnx {
  /** ONNX IR version 8, the one that goes with opset 17. */
  static final long IR_VERSION = 8;

  private Onnx() {}

  /**
   * Writes {@code model} as an ONNX graph to {@code file}, atomically replacing it.
   *
   * @throws OnnxFileException if a parameter or running estimate is not finite (or, for a FLOAT model,
   *     beyond the range of floats); nothing is written then
   * @throws IOException if the file cannot be written; the previous file, if any, is unchanged
   */
  public static void export(Model model, Path file) throws IOException {
    requireArgument(model, "model");
    requireArgument(file, "file");
    OnnxMl.ModelProto proto = OnnxMl.ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("Unrolled")
        .setDocString(model.architecture().toString())
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(Op.OPSET))
        .setGraph(GraphExport.of(model, file))
        .build();
    AtomicFile.write(file, proto.toByteArray());
  }

  static void requireArgument(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is null");
    }
  }
}
