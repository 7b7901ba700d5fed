package dev.unrolled.onnx;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.unrolled.Model;
import dev.unrolled.Precision;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An exported network, run by ONNX Runtime, returns what {@code predict} returns: every test network
 * (every activation × loss × precision in four code shapes, RBF, LAYER and BATCH normalisation), for
 * a single row and for a batch of 7, within 1e-5 (FLOAT) or 1e-9 (DOUBLE) of the row's largest value.
 */
class ExportMatchesPredictTest {
  @TempDir Path directory;

  static List<Class<?>> networks() {
    return Networks.all();
  }

  @Test
  void theMatrixHasEveryNetwork() {
    assertThat(networks()).hasSize(OnnxNetworks.COUNT + KindNetworks.COUNT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void onnxRuntimeAgreesWithPredict(Class<?> declaration) throws Exception {
    Model model = Networks.create(declaration, 7);
    Networks.scrambleRunningEstimates(model, 11);
    Path file = directory.resolve(declaration.getSimpleName() + ".onnx");
    Onnx.export(model, file);
    try (OrtSession session = new OrtSession(file, model.precision())) {
      assertAgrees(model, session, Networks.inputs(model, 1, 3));
      assertAgrees(model, session, Networks.inputs(model, 7, 5));
    }
  }

  /** Each row of ONNX Runtime's batch output against {@code predict} on that row. */
  static void assertAgrees(Model model, OrtSession session, double[][] rows) throws Exception {
    double tolerance = model.precision() == Precision.FLOAT ? 1e-5 : 1e-9;
    double[][] onnx = session.run(rows);
    assertThat(onnx).hasLength(rows.length);
    double[] expected = new double[model.outputSize()];
    for (int r = 0; r < rows.length; r++) {
      model.predict(rows[r], expected);
      double scale = 0;
      for (double value : expected) {
        scale = Math.max(scale, Math.abs(value));
      }
      assertWithMessage("row %s of %s", r, rows.length).that(onnx[r]).hasLength(expected.length);
      for (int j = 0; j < expected.length; j++) {
        assertWithMessage("row %s of %s, output %s: ONNX Runtime %s, predict %s", r, rows.length, j, onnx[r][j],
            expected[j]).that(Math.abs(onnx[r][j] - expected[j])).isAtMost(tolerance * scale);
      }
    }
  }
}
