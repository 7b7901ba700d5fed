package dev.unrolled.onnx;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnx.proto.OnnxMl;
import dev.unrolled.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of another architecture, or no ONNX model at all, is refused with a message naming the
 * first difference, and the model keeps its parameters and running estimates.
 */
class LoadRefusalTest {
  @TempDir Path directory;

  @Test
  void anotherWidthNamesTheLayerAndBothWidths() throws Exception {
    Path file = new ForeignGraph(4, 1).torchLinear(8).apply(Op.TANH, Map.of()).torchLinear(3).write(path());
    assertThat(refusal(new LoadNetworks_IrisModel(42), file))
        .contains("layer 1 (dense, 16 units, TANH) has 8 units in the file, 16 in the model");
  }

  @Test
  void anotherInputWidthIsTheFirstMismatch() throws Exception {
    Path file = new ForeignGraph(5, 1).torchLinear(16).apply(Op.TANH, Map.of()).torchLinear(3).write(path());
    assertThat(refusal(new LoadNetworks_IrisModel(42), file))
        .contains("layer 1 (dense, 16 units, TANH) takes 5 inputs in the file, 4 in the model");
  }

  @Test
  void anotherActivationNamesBoth() throws Exception {
    Path file = new ForeignGraph(4, 1).torchLinear(16).apply(Op.RELU, Map.of()).torchLinear(3).write(path());
    assertThat(refusal(new LoadNetworks_IrisModel(42), file))
        .contains("layer 1 (dense, 16 units, TANH) applies RELU (nodes Relu) in the file, TANH in the model");
  }

  @Test
  void anActivationUnrolledLacksIsNamedByItsNodes() throws Exception {
    Path file = new ForeignGraph(4, 1).torchLinear(16).apply(Op.LEAKY_RELU, Map.of("alpha", 0.3f)).torchLinear(3)
        .write(path());
    assertThat(refusal(new LoadNetworks_IrisModel(42), file))
        .contains("applies none of Unrolled's activations (nodes LeakyRelu: ");
  }

  @Test
  void aSoftmaxHeadOnARegressorIsALossHeadMismatch() throws Exception {
    Path file = new ForeignGraph(4, 1).torchLinear(16).apply(Op.TANH, Map.of()).torchLinear(3)
        .apply(Op.SOFTMAX, Map.of("axis", 1)).write(path());
    assertThat(refusal(new LoadNetworks_RegressorModel(42), file))
        .contains("loss head: the file ends in Softmax, but the model's loss is MEAN_SQUARED_ERROR");
  }

  @Test
  void aSigmoidHeadOnASoftmaxClassifierIsALossHeadMismatch() throws Exception {
    Path file = new ForeignGraph(4, 1).torchLinear(16).apply(Op.TANH, Map.of()).torchLinear(3)
        .apply(Op.SIGMOID, Map.of()).write(path());
    assertThat(refusal(new LoadNetworks_IrisModel(42), file))
        .contains("layer 2 (dense, 3 units, IDENTITY) applies SIGMOID (nodes Sigmoid) in the file, IDENTITY in the "
            + "model (loss head: the model's SOFTMAX_CROSS_ENTROPY expects logits, then a Softmax or nothing)");
  }

  @Test
  void anExtraLayerIsCounted() throws Exception {
    Path file = new ForeignGraph(4, 1).torchLinear(16).apply(Op.TANH, Map.of()).torchLinear(3).torchLinear(3)
        .write(path());
    assertThat(refusal(new LoadNetworks_IrisModel(42), file)).contains("the file has 3 layers, the model 2");
  }

  @Test
  void aMissingNormalisationIsNamed() throws Exception {
    Path file = new ForeignGraph(4, 1).torchLinear(16).apply(Op.RELU, Map.of()).torchLinear(3).write(path());
    assertThat(refusal(new LoadNetworks_BatchNormedModel(42), file))
        .contains("layer 1 (dense, 16 units, RELU, BATCH-norm) is BATCH-normalised in the model, not normalised in the file");
  }

  @Test
  void kerasDefaultEpsilonIsRefused() throws Exception {
    Path file = new ForeignGraph(4, 1).kerasDense(16).batchNorm(1e-3, new double[32]).apply(Op.RELU, Map.of())
        .kerasDense(3).write(path());
    assertThat(refusal(new LoadNetworks_BatchNormedModel(42), file)).contains("normalises with epsilon 0.001");
  }

  @Test
  void randomBytesAreNotAnOnnxModel() throws Exception {
    byte[] bytes = new byte[1000];
    new SplittableRandom(3).nextBytes(bytes);
    Path file = Files.write(path(), bytes);
    assertThat(refusal(new LoadNetworks_IrisModel(42), file)).contains("is not an ONNX model");
  }

  @Test
  void anEmptyFileIsNotAnOnnxModel() throws Exception {
    Path file = Files.write(path(), new byte[0]);
    assertThat(refusal(new LoadNetworks_IrisModel(42), file)).contains("is not an ONNX model: it has no graph");
  }

  @Test
  void aTruncatedExportIsRefused() throws Exception {
    Path file = path();
    Onnx.export(new LoadNetworks_IrisModel(1), file);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));
    assertThat(refusal(new LoadNetworks_IrisModel(42), file)).contains("is not an ONNX model");
  }

  @Test
  void halfPrecisionWeightsAreRefusedByName() throws Exception {
    Path file = new ForeignGraph(4, 1).torchLinear(16).apply(Op.TANH, Map.of()).torchLinear(3).write(path());
    OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file)).toBuilder();
    model.getGraphBuilder().getInitializerBuilder(0).setDataType(OnnxMl.TensorProto.DataType.FLOAT16_VALUE);
    Files.write(file, model.build().toByteArray());
    assertThat(refusal(new LoadNetworks_IrisModel(42), file)).contains("holds FLOAT16 elements");
  }

  @Test
  void aNonFiniteWeightIsRefusedByItsPlace() throws Exception {
    Path file = new ForeignGraph(4, 1).torchLinear(16).apply(Op.TANH, Map.of()).torchLinear(3).write(path());
    OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file)).toBuilder();
    OnnxMl.TensorProto.Builder bias = model.getGraphBuilder().getInitializerBuilder(1);
    byte[] raw = bias.getRawData().toByteArray();
    java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(4, Float.NaN);
    bias.setRawData(com.google.protobuf.ByteString.copyFrom(raw));
    Files.write(file, model.build().toByteArray());
    assertThat(refusal(new LoadNetworks_IrisModel(42), file)).contains("parameter 65 (layer 1 bias b[1]) is NaN");
  }

  private Path path() {
    return directory.resolve("file.onnx");
  }

  /** Loads {@code file} into {@code model}, expecting a refusal; checks the model kept everything. */
  private static String refusal(Model model, Path file) throws Exception {
    if (model.runningEstimateCount() > 0) {
      Networks.scrambleRunningEstimates(model, 5);
    }
    double[] parameters = model.parameters();
    double[] estimates = LoadRoundTripTest.estimates(model);
    OnnxFileException e = assertThrows(OnnxFileException.class, () -> Onnx.load(model, file));
    assertThat(model.parameters()).isEqualTo(parameters);
    assertThat(LoadRoundTripTest.estimates(model)).isEqualTo(estimates);
    assertThat(e).hasMessageThat().startsWith(file.toString());
    return e.getMessage();
  }
}
