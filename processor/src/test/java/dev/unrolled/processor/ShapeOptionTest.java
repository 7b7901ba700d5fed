package dev.unrolled.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.unrolled.processor.validate.Message;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor option {@code -Aunrolled.shape=auto|lanes|rows}, which forces a layer code shape for
 * measurements and tests: {@code lanes} gives every dense layer of a vector-backend network that can
 * have them (no normalisation, no dropout) batch lanes whatever its size, {@code rows} never does.
 */
class ShapeOptionTest {
  private static final String WIDE = "@Network(inputs = 128,\n"
      + "    layers = {@Dense(units = 128, activation = Activation.TANH), @Dense(units = 10)},\n"
      + "    loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)";

  private static Compilation generate(String shape, JavaFileObject source) {
    return javac().withProcessors(new UnrolledProcessor())
        .withOptions("--add-modules", "jdk.incubator.vector", "-Aunrolled.shape=" + shape)
        .compile(source);
  }

  private static String model(Compilation compilation, String name) throws IOException {
    return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
  }

  @Test
  void lanesGoesToEveryDenseLayerWhateverItsSize() throws IOException {
    Compilation compilation = generate("lanes", Sources.network("test.Wide", WIDE));

    assertThat(compilation).succeeded();
    String model = model(compilation, "test.WideModel");
    assertThat(model).contains("dense 1   (m, 128)      TANH              16,512  batch lanes (else looped)");
    assertThat(model).contains("dense 2   (m, 10)       IDENTITY           1,290  batch lanes (else looped)");
  }

  @Test
  void rowsKeepsTheSmallLayersThatWouldHaveLanesUnrolled() throws IOException {
    Compilation compilation = generate("rows", Sources.network("test.Small", "@Network(inputs = 4,\n"
        + "    layers = {@Dense(units = 16, activation = Activation.TANH), @Dense(units = 3)},\n"
        + "    loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)"));

    assertThat(compilation).succeeded();
    String model = model(compilation, "test.SmallModel");
    assertThat(model).contains("dense 1   (m, 16)       TANH                  80  unrolled");
    assertThat(model).doesNotContain("batch lanes");
  }

  @Test
  void lanesLeavesNormalisedLayersAndThePlainBackendInRows() throws IOException {
    Compilation compilation = generate("lanes", Sources.network("test.Mixed", "@Network(inputs = 4,\n"
        + "    layers = {@Dense(units = 16, activation = Activation.TANH, norm = Norm.LAYER), @Dense(units = 3)},\n"
        + "    loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)"));
    Compilation plain = generate("lanes", Sources.network("test.Plain", WIDE.replace(", backend = Backend.VECTOR", "")));

    assertThat(compilation).succeeded();
    String model = model(compilation, "test.MixedModel");
    assertThat(model).contains("dense 1   (m, 16)       TANH        LAYER                     96  unrolled");
    assertThat(model).contains("dense 2   (m, 3)        IDENTITY                              51  batch lanes (else looped)");
    assertThat(plain).succeeded();
    assertThat(model(plain, "test.PlainModel")).doesNotContain("batch lanes");
  }

  @Test
  void anUnknownValueIsOneErrorFromTheCatalogue() {
    Compilation compilation = generate("fast", Sources.iris());

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[" + Message.SHAPE_OPTION_INVALID.tag()
        + "] the processor option unrolled.shape is \"fast\" but must be auto, lanes or rows");
  }

  /** The lane kernels are loops whatever the widths: wide layers stay far from the JIT limit. */
  @ParameterizedTest
  @ValueSource(strings = {"FLOAT", "DOUBLE"})
  void noMethodOfAWideLaneNetworkReachesTheJitLimit(String precision) throws IOException {
    Compilation compilation = generate("lanes", Sources.network("test.Deep", "@Network(inputs = 784,\n"
        + "    layers = {@Dense(units = 1000, activation = Activation.RELU),\n"
        + "              @Dense(units = 128, activation = Activation.SILU), @Dense(units = 10)},\n"
        + "    loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision." + precision + ", backend = Backend.VECTOR)"));
    assertThat(compilation).succeeded();
    assertThat(model(compilation, "test.DeepModel")).doesNotContain("unrolled (");

    int checked = 0;
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS || !file.getName().contains("Deep")) {
        continue;
      }
      for (Map.Entry<String, Integer> method
          : ClassFileMethods.codeLengths(file.openInputStream().readAllBytes()).entrySet()) {
        assertWithMessage("%s %s", file.getName(), method.getKey()).that(method.getValue()).isLessThan(8_000);
        checked++;
      }
    }
    assertThat(checked).isAtLeast(30);
  }

  @Test
  void theOptionIsDeclared() {
    assertThat(new UnrolledProcessor().getSupportedOptions()).containsAtLeastElementsIn(List.of("unrolled.shape"));
  }
}
