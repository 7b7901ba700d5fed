package dev.unrolled.onnx;

import ai.onnx.proto.OnnxMl;
import dev.unrolled.Model;
import dev.unrolled.files.AtomicFile;
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
 * in {@code float} for FLOAT networks and {@code double} for DOUBLE ones, opset 17.
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
    OnnxMl.GraphProto graph = GraphExport.of(model, file);
    byte[] bytes = modelProto(graph, model.architecture().toString()).toByteArray();
    AtomicFile.write(file, out -> out.write(bytes));
  }

  /** {@code graph} as a model of IR version 8 importing the default opset 17. */
  static OnnxMl.ModelProto modelProto(OnnxMl.GraphProto graph, String description) {
    return OnnxMl.ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("Unrolled")
        .setDocString(description)
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(Op.OPSET))
        .setGraph(graph)
        .build();
  }

  /**
   * Replaces the parameters and running estimates of {@code model} with the weights of an ONNX file
   * of the same architecture: one written by {@link #export}, by PyTorch ({@code Gemm} with
   * {@code transB = 1}) or by Keras through tf2onnx ({@code MatMul} + {@code Add}). A file whose
   * network ends in logits loads into a cross-entropy model too.
   *
   * @throws OnnxFileException if the file is not an ONNX model, or its network differs from the
   *     model's: the message names the first difference (layer, width, normalisation, activation,
   *     loss head) or bad value; the model is then unchanged
   * @throws IOException if the file cannot be read
   */
  public static void load(Model model, Path file) throws IOException {
    requireArgument(model, "model");
    requireArgument(file, "file");
    OnnxGraph graph = OnnxGraph.read(file);
    double[][] weights = WeightImport.of(model, GraphReader.read(graph), graph);
    double[] previousParameters = model.parameters();
    double[] previousEstimates = new double[model.runningEstimateCount()];
    model.getRunningEstimates(previousEstimates);
    try {
      model.setParameters(weights[0]);
      model.setRunningEstimates(weights[1]);
    } catch (RuntimeException e) {
      // Every value was checked above; should the model refuse one all the same, it stays as it was.
      model.setParameters(previousParameters);
      model.setRunningEstimates(previousEstimates);
      throw new OnnxFileException(file + ": the model refused the file's weights: " + e.getMessage(), e);
    }
  }

  static void requireArgument(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is null");
    }
  }
}
