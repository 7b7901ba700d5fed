package dev.unrolled.onnx;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What export refuses, and that a refused or finished export leaves no stray file. */
class ExportRefusalTest {
  @TempDir Path directory;

  @Test
  void aNonFiniteParameterIsNamedAndTheOldFileStays() throws Exception {
    Model model = new LoadNetworks_IrisModel(1);
    Path file = directory.resolve("iris.onnx");
    Files.write(file, new byte[] {1, 2, 3});
    double[] parameters = model.parameters();
    parameters[65] = Double.POSITIVE_INFINITY;
    model.setParameters(parameters);

    OnnxFileException e = assertThrows(OnnxFileException.class, () -> Onnx.export(model, file));

    assertThat(e).hasMessageThat().contains("parameter 65 (layer 1 bias b[1]) is Infinity");
    assertThat(Files.readAllBytes(file)).isEqualTo(new byte[] {1, 2, 3});
    assertThat(Files.list(directory).count()).isEqualTo(1);
  }

  @Test
  void exportReplacesTheFileWithoutLeavingATemporaryOne() throws Exception {
    Path file = directory.resolve("iris.onnx");
    Files.write(file, new byte[] {1, 2, 3});
    Onnx.export(new LoadNetworks_IrisModel(1), file);
    assertThat(Files.size(file)).isGreaterThan(3L);
    assertThat(Files.list(directory).count()).isEqualTo(1);
  }

  @Test
  void runningEstimatesOfTrainingAreExported() throws Exception {
    LoadNetworks_BatchNormedModel model = new LoadNetworks_BatchNormedModel(3);
    try (LoadNetworks_BatchNormedTrainer trainer = new LoadNetworks_BatchNormedTrainer(model, Optimizer.adam(0.01))) {
      double[][] inputs = Networks.inputs(model, 16, 4);
      double[][] targets = new double[16][3];
      for (int r = 0; r < 16; r++) {
        targets[r][r % 3] = 1;
      }
      for (int step = 0; step < 5; step++) {
        trainer.trainBatch(inputs, targets);
      }
    }
    Path file = directory.resolve("trained.onnx");
    Onnx.export(model, file);
    try (OrtSession session = new OrtSession(file, model.precision())) {
      ExportMatchesPredictTest.assertAgrees(model, session, Networks.inputs(model, 9, 6));
    }
  }
}
