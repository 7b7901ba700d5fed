package dev.unrolled.onnx;

import static com.google.common.truth.Truth.assertThat;

import dev.unrolled.Model;
import dev.unrolled.Precision;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in PyTorch's and Keras' shapes load into models of the same architecture: the model then
 * holds the file's weights in its flat layout and predicts what ONNX Runtime computes from the file.
 */
class ForeignFilesTest {
  @TempDir Path directory;

  @Test
  void pytorchClassifierEndingInLogitsLoads() throws Exception {
    ForeignGraph torch = new ForeignGraph(4, 1).torchLinear(16).apply(Op.TANH, Map.of()).torchLinear(3);
    Path file = torch.write(directory.resolve("torch.onnx"));
    Model model = new LoadNetworks_IrisModel(42);

    Onnx.load(model, file);

    assertThat(model.parameters()).isEqualTo(torch.parameters());
    assertPredictsSoftmaxOf(model, file);
  }

  @Test
  void pytorchFileLoadsIntoDoubleModel() throws Exception {
    ForeignGraph torch = new ForeignGraph(4, 2).torchLinear(16).apply(Op.TANH, Map.of()).torchLinear(3)
        .apply(Op.SOFTMAX, Map.of("axis", 1));
    Model model = new LoadNetworks_IrisDoubleModel(42);

    Onnx.load(model, torch.write(directory.resolve("torch.onnx")));

    assertThat(model.parameters()).isEqualTo(torch.parameters());
  }

  @Test
  void pytorchBatchNormFoldsTheLinearBiasIntoTheRunningMean() throws Exception {
    double[] estimates = new double[32];
    ForeignGraph torch = new ForeignGraph(4, 3).torchLinear(16).batchNorm(1e-5, estimates)
        .apply(Op.RELU, Map.of()).torchLinear(3);
    Path file = torch.write(directory.resolve("torch-bn.onnx"));
    Model model = new LoadNetworks_BatchNormedModel(42);

    Onnx.load(model, file);

    assertThat(model.parameters()).isEqualTo(torch.parameters());
    assertThat(LoadRoundTripTest.estimates(model)).isEqualTo(estimates);
    assertPredictsSoftmaxOf(model, file);
  }

  @Test
  void pytorchSiluAndSigmoidHeadLoad() throws Exception {
    ForeignGraph torch = new ForeignGraph(4, 4).torchLinear(8).torchSilu().torchLinear(2).apply(Op.SIGMOID, Map.of());
    Path file = torch.write(directory.resolve("torch-silu.onnx"));
    Model model = new LoadNetworks_SwishModel(42);

    Onnx.load(model, file);

    assertThat(model.parameters()).isEqualTo(torch.parameters());
    try (OrtSession session = new OrtSession(file, Precision.FLOAT)) {
      ExportMatchesPredictTest.assertAgrees(model, session, Networks.inputs(model, 5, 9));
    }
  }

  @Test
  void kerasMatMulAddClassifierLoads() throws Exception {
    ForeignGraph keras = new ForeignGraph(4, 5).kerasDense(16).apply(Op.TANH, Map.of()).kerasDense(3)
        .apply(Op.SOFTMAX, Map.of("axis", -1));
    Path file = keras.write(directory.resolve("keras.onnx"));
    Model model = new LoadNetworks_IrisModel(42);

    Onnx.load(model, file);

    assertThat(model.parameters()).isEqualTo(keras.parameters());
    try (OrtSession session = new OrtSession(file, Precision.FLOAT)) {
      ExportMatchesPredictTest.assertAgrees(model, session, Networks.inputs(model, 5, 9));
    }
  }

  /** The file ends in logits: the model's softmax of ONNX Runtime's logits is its prediction. */
  private static void assertPredictsSoftmaxOf(Model model, Path file) throws Exception {
    double[][] rows = Networks.inputs(model, 6, 10);
    double[][] logits;
    try (OrtSession session = new OrtSession(file, Precision.FLOAT)) {
      logits = session.run(rows);
    }
    double[] predicted = new double[model.outputSize()];
    for (int r = 0; r < rows.length; r++) {
      model.predict(rows[r], predicted);
      double max = Double.NEGATIVE_INFINITY;
      for (double z : logits[r]) {
        max = Math.max(max, z);
      }
      double sum = 0;
      for (double z : logits[r]) {
        sum += Math.exp(z - max);
      }
      for (int j = 0; j < predicted.length; j++) {
        assertThat(predicted[j]).isWithin(1e-5).of(Math.exp(logits[r][j] - max) / sum);
      }
    }
  }
}
