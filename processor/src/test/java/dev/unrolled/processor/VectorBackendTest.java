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
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector backend at compile time: chosen per network ({@code backend = Backend.VECTOR}) or per
 * build ({@code -Aunrolled.backend=vector}), compiled only when javac sees jdk.incubator.vector, and
 * planned per layer. What it computes is tested in the examples module, in JVMs with and without the
 * module.
 */
class VectorBackendTest {
  private static final String[] WITH_MODULE = {"--add-modules", "jdk.incubator.vector"};

  private static Compilation generate(List<String> options, JavaFileObject... sources) {
    return javac().withProcessors(new UnrolledProcessor()).withOptions(options).compile(sources);
  }

  private static JavaFileObject mnist(String backend) {
    return Sources.network("test.Mnist", "@Network(inputs = 784,\n"
        + "    layers = {@Dense(units = 128, activation = Activation.RELU), @Dense(units = 10)},\n"
        + "    loss = Loss.SOFTMAX_CROSS_ENTROPY" + backend + ")");
  }

  private static String model(Compilation compilation) throws IOException {
    return compilation.generatedSourceFile("test.MnistModel").orElseThrow().getCharContent(true).toString();
  }

  @Test
  void layersWideEnoughGetVectorTilesAndKeepTheirLoops() throws IOException {
    Compilation compilation = generate(List.of(WITH_MODULE), mnist(", backend = Backend.VECTOR"));

    assertThat(compilation).succeeded();
    String model = model(compilation);
    assertThat(model).contains("dense 1   (m, 128)      RELU             100,480  vector tiles 8×2 (else looped)");
    // Ten output units would be all remainder in 16-lane vectors: that layer stays looped.
    assertThat(model).contains("dense 2   (m, 10)       IDENTITY           1,290  looped");
    assertThat(model).contains("static final boolean VECTOR = VectorSupport.available();");
    assertThat(model).contains("private static final class VectorKernels {");
    assertThat(model).contains("VectorKernels.product(x, model.w1, model.b1, z1, m, 784, 128, panel);");
    assertThat(model).contains("dense1(x, model.w1, model.b1, z1, m);");
    assertThat(model).contains("public Backend backend() {");
  }

  @Test
  void theProcessorOptionChoosesTheBackendOfNetworksLeftAtDefault() throws IOException {
    Compilation byOption = generate(List.of("--add-modules", "jdk.incubator.vector", "-Aunrolled.backend=vector"),
        mnist(""));
    Compilation overridden = generate(List.of("--add-modules", "jdk.incubator.vector", "-Aunrolled.backend=vector"),
        mnist(", backend = Backend.PLAIN"));
    Compilation plain = generate(List.of(), mnist(""));

    assertThat(byOption).succeeded();
    assertThat(model(byOption)).contains("vector tiles");
    assertThat(model(overridden)).doesNotContain("vector tiles");
    assertThat(model(overridden)).doesNotContain("VectorKernels");
    assertThat(model(plain)).doesNotContain("VectorKernels");
  }

  @Test
  void vectorWithoutTheModuleIsOneErrorOnTheValue() {
    JavaFileObject source = mnist(", backend = Backend.VECTOR");
    Compilation compilation = generate(List.of(), source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[" + Message.VECTOR_MODULE_MISSING.tag() + "] backend = "
            + "Backend.VECTOR needs the Vector API at compile time, but javac runs without --add-modules "
            + "jdk.incubator.vector")
        .inFile(source).onLineContaining("backend = Backend.VECTOR");
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    String line = sourceLine(source, error.getLineNumber());
    // javac places a qualified enum constant at its dot, as for every other enum value.
    assertThat(error.getColumnNumber()).isEqualTo(line.indexOf(".VECTOR") + 1);
  }

  @Test
  void vectorByOptionWithoutTheModuleIsOneErrorOnTheAnnotation() {
    JavaFileObject source = mnist("");
    Compilation compilation = generate(List.of("-Aunrolled.backend=vector"), source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("the build's -Aunrolled.backend=vector needs the Vector API")
        .inFile(source).onLineContaining("@Network");
  }

  @Test
  void anUnknownOptionValueIsOneError() {
    Compilation compilation = generate(List.of("-Aunrolled.backend=fast"), mnist(""));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[" + Message.BACKEND_OPTION_INVALID.tag()
        + "] the processor option unrolled.backend is \"fast\" but must be plain or vector");
  }

  @Test
  void anRbfLayerNeverGetsVectorTilesWhileTheDenseLayersAfterItDo() throws IOException {
    Compilation large = generate(List.of(WITH_MODULE), Sources.network("test.Mnist",
        "@Network(inputs = 784, rbf = @Rbf(units = 128),\n"
            + "    layers = {@Dense(units = 128, activation = Activation.RELU), @Dense(units = 10)},\n"
            + "    loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)"));
    Compilation small = generate(List.of(WITH_MODULE), Sources.network("test.Mnist",
        "@Network(inputs = 2, rbf = @Rbf(units = 20),\n"
            + "    layers = {@Dense(units = 64, activation = Activation.RELU), @Dense(units = 1)},\n"
            + "    loss = Loss.MEAN_SQUARED_ERROR, backend = Backend.VECTOR)"));

    assertThat(large).succeeded();
    assertThat(small).succeeded();
    String looped = model(large);
    String unrolled = model(small);
    assertThat(looped).contains("rbf 1     (m, 128)      GAUSSIAN         100,480  looped (units innermost)");
    assertThat(looped).contains("dense 2   (m, 128)      RELU              16,512  vector tiles 8×2 (else looped)");
    assertThat(looped).contains("radial1(x, model.w1, beta1, z1, m);");
    assertThat(looped).contains("VectorKernels.product(a1, model.w2, model.b2, z2, m, 128, 128, panel);");
    assertThat(unrolled).contains("rbf 1     (m, 20)       GAUSSIAN              60  unrolled");
    assertThat(unrolled).contains("dense 2   (m, 64)       RELU               1,344  vector tiles 8×2 (else looped)");
    assertThat(unrolled).contains("radial1(model.w1, beta1, x[s], z1[s]);");
    assertThat(unrolled).contains("VectorKernels.product(a1, model.w2, model.b2, z2, m, 20, 64, panel);");
    for (String model : List.of(looped, unrolled)) {
      assertThat(model).doesNotContain("model.w1, model.b1");
      assertThat(model).containsMatch("radialGradient1\\(x, d1, z1, m, model.w1, beta1, gw1, gb1\\);");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"FLOAT", "DOUBLE"})
  void noMethodOfAVectorRbfNetworkReachesTheJitLimit(String precision) throws IOException {
    Compilation compilation = generate(List.of(WITH_MODULE), Sources.network("test.Deep",
        "@Network(inputs = 8, rbf = @Rbf(units = 64),\n"
            + "    layers = {@Dense(units = 1000, activation = Activation.RELU), @Dense(units = 10)},\n"
            + "    loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision." + precision
            + ", backend = Backend.VECTOR)"));
    assertThat(compilation).succeeded();

    int checked = 0;
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS || !file.getName().contains("DeepModel")) {
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

  @ParameterizedTest
  @ValueSource(strings = {"FLOAT", "DOUBLE"})
  void noVectorMethodReachesTheJitLimit(String precision) throws IOException {
    Compilation compilation = generate(List.of(WITH_MODULE), Sources.network("test.Deep",
        "@Network(inputs = 784, layers = {@Dense(units = 1000, activation = Activation.RELU),\n"
            + "    @Dense(units = 333, activation = Activation.TANH), @Dense(units = 10)},\n"
            + "    loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision." + precision
            + ", backend = Backend.VECTOR)"));
    assertThat(compilation).succeeded();

    int checked = 0;
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS || !file.getName().contains("DeepModel$VectorKernels")) {
        continue;
      }
      for (Map.Entry<String, Integer> method
          : ClassFileMethods.codeLengths(file.openInputStream().readAllBytes()).entrySet()) {
        assertWithMessage("%s %s", file.getName(), method.getKey()).that(method.getValue()).isLessThan(1_000);
        checked++;
      }
    }
    assertThat(checked).isAtLeast(10);
  }

  private static String sourceLine(JavaFileObject source, long line) {
    try {
      return source.getCharContent(true).toString().split("\n", -1)[(int) line - 1];
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
