package dev.unrolled.onnx;

import static com.google.common.truth.Truth.assertThat;

import dev.unrolled.Model;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Export, then load into a model of the same declaration with other parameters: the same parameters and running estimates. */
class LoadRoundTripTest {
  @TempDir Path directory;

  static List<Class<?>> networks() {
    return Networks.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void loadGivesBackWhatExportWrote(Class<?> declaration) throws Exception {
    Model source = Networks.create(declaration, 7);
    Networks.scrambleRunningEstimates(source, 11);
    Path file = directory.resolve("network.onnx");
    Onnx.export(source, file);

    Model target = Networks.create(declaration, 8);
    assertThat(target.parameters()).isNotEqualTo(source.parameters());
    Onnx.load(target, file);

    assertThat(target.parameters()).isEqualTo(source.parameters());
    assertThat(estimates(target)).isEqualTo(estimates(source));
  }

  static double[] estimates(Model model) {
    double[] estimates = new double[model.runningEstimateCount()];
    model.getRunningEstimates(estimates);
    return estimates;
  }
}
