package dev.unrolled.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.common.collect.ImmutableList;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratedCodeTest {
  /** HotSpot's HugeMethodLimit: a longer method is never JIT-compiled. */
  private static final int JIT_LIMIT = 8_000;

  private static Compilation generate(JavaFileObject... sources) {
    return javac().withProcessors(new UnrolledProcessor()).compile(sources);
  }

  private static List<JavaFileObject> generatedSources(Compilation compilation) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.SOURCE) {
        sources.add(file);
      }
    }
    return sources;
  }

  private static String contents(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"FLOAT", "DOUBLE"})
  void generatedSourcesCompileWithEveryLintWarningAsAnError(String precision) {
    for (JavaFileObject declaration : List.of(Sources.iris(), Sources.mnist(precision), Sources.mixed(precision),
        Sources.network("test.Normalised", "@Network(inputs = 5, layers = {@Dense(units = 7, activation = "
            + "Activation.TANH, norm = Norm.BATCH, dropout = 0.25), @Dense(units = 70, norm = Norm.LAYER, "
            + "activation = Activation.ELU, dropout = 0.5), @Dense(units = 3, norm = Norm.BATCH)}, "
            + "loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision." + precision + ")"))) {
      assertCompilesWithEveryLintWarningAsAnError(declaration);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"FLOAT", "DOUBLE"})
  void generatedRbfSourcesCompileWithEveryLintWarningAsAnError(String precision) {
    for (JavaFileObject declaration : List.of(Sources.surface(precision), Sources.bumps(precision),
        Sources.rbf(8, 64, precision))) {
      assertCompilesWithEveryLintWarningAsAnError(declaration);
    }
  }

  private static void assertCompilesWithEveryLintWarningAsAnError(JavaFileObject declaration) {
    Compilation generation = generate(declaration);
    assertThat(generation).succeeded();
    List<JavaFileObject> all = new ArrayList<>(generatedSources(generation));
    assertThat(all).hasSize(3); // model, trainer, the model's architecture
    all.add(declaration);

    Compilation strict = javac().withOptions("-proc:none", "-Xlint:all", "-Werror").compile(all);

    assertThat(strict).succeededWithoutWarnings();
  }

  @Test
  void theSameDeclarationGivesByteIdenticalSource() {
    assertRegeneratesByteIdentically(Sources.mixed("FLOAT"));
  }

  @Test
  void theSameRbfDeclarationGivesByteIdenticalSource() {
    assertRegeneratesByteIdentically(Sources.surface("FLOAT"));
    assertRegeneratesByteIdentically(Sources.bumps("DOUBLE"));
  }

  private static void assertRegeneratesByteIdentically(JavaFileObject declaration) {
    Compilation first = generate(declaration);
    Compilation second = generate(declaration);

    List<String> firstSources = generatedSources(first).stream().map(GeneratedCodeTest::contents).toList();
    List<String> secondSources = generatedSources(second).stream().map(GeneratedCodeTest::contents).toList();

    assertThat(firstSources).hasSize(3);
    assertThat(secondSources).containsExactlyElementsIn(firstSources).inOrder();
  }

  @Test
  void generatesModelAndTrainerNextToTheDeclaration() {
    Compilation compilation = generate(Sources.iris());

    assertThat(compilation).generatedSourceFile("test.IrisModel").contentsAsUtf8String()
        .contains("public final class IrisModel implements Iris, Model");
    assertThat(compilation).generatedSourceFile("test.IrisTrainer").contentsAsUtf8String()
        .contains("public IrisTrainer(IrisModel model, Optimizer optimizer)");
    // The model's ARCHITECTURE, inherited from an interface of its own: built when first read.
    assertThat(compilation).generatedSourceFile("test.IrisModelArchitecture").contentsAsUtf8String()
        .contains("public interface IrisModelArchitecture {");
    assertThat(compilation).generatedSourceFile("test.IrisModel").contentsAsUtf8String()
        .contains("public final class IrisModel implements Iris, Model, IrisModelArchitecture {");
  }

  @Test
  void nestedDeclarationsArePrefixedWithTheirOuterTypes() {
    JavaFileObject outer = com.google.testing.compile.JavaFileObjects.forSourceString("test.Outer",
        "package test;\n"
            + "import dev.unrolled.*;\n"
            + "public class Outer {\n"
            + "  @Network(inputs = 2, layers = @Dense(units = 1), loss = Loss.SIGMOID_CROSS_ENTROPY)\n"
            + "  public interface Gate {}\n"
            + "}\n");

    Compilation compilation = generate(outer);

    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.Outer_GateModel").isNotNull();
    assertThat(compilation).generatedSourceFile("test.Outer_GateTrainer").isNotNull();
  }

  @Test
  void smallLayersAreUnrolledAndLargeLayersLooped() {
    Compilation compilation = generate(Sources.mixed("FLOAT"));

    String model = contents(compilation.generatedSourceFile("test.MixedModel").orElseThrow());
    assertThat(model).contains("dense 1   (m, 64)       SIGMOID              448  unrolled");
    assertThat(model).contains("dense 3   (m, 70)       RELU                 630  looped");
    assertThat(model).contains("final float[] w1 = new float[384];");
    assertThat(model).contains("final float[][] w3 = new float[8][70];");
  }

  @Test
  void theRbfLayerIsLayerOneOfTheTableAndTheDenseLayersFollow() {
    String model = contents(generate(Sources.surface("FLOAT")).generatedSourceFile("test.SurfaceModel").orElseThrow());

    assertThat(model).contains(" * input     (m, 2)\n"
        + " * rbf 1     (m, 20)       GAUSSIAN              60  unrolled\n"
        + " * dense 2   (m, 8)        TANH                 168  unrolled (2 gradient methods, tanh over the batch)\n"
        + " * dense 3   (m, 1)        IDENTITY               9  unrolled\n"
        + " * Total parameters: 237 · loss MEAN_SQUARED_ERROR · precision FLOAT\n");
    assertThat(model).contains("+ \"rbf 1     (m, 20)       GAUSSIAN              60  unrolled\\n\"");
    assertThat(model).contains("PARAMETERS = 237;");
  }

  @Test
  void theArchitectureOfAnRbfNetworkIsBuiltWithItsRbfUnits() {
    String surface = contents(generate(Sources.surface("FLOAT")).generatedSourceFile("test.SurfaceModelArchitecture")
        .orElseThrow());
    String iris = contents(generate(Sources.iris()).generatedSourceFile("test.IrisModelArchitecture").orElseThrow());

    assertThat(surface).contains("  Architecture ARCHITECTURE = Architecture.withRbf(2, 20, "
        + "Loss.MEAN_SQUARED_ERROR, Precision.FLOAT,\n"
        + "      new Architecture.Layer(8, Activation.TANH),\n"
        + "      new Architecture.Layer(1, Activation.IDENTITY));");
    assertThat(iris).contains("ARCHITECTURE = Architecture.of(4, Loss.SOFTMAX_CROSS_ENTROPY, Precision.FLOAT,");
    assertThat(iris).doesNotContain("withRbf");
  }

  @Test
  void aSmallRbfLayerIsUnrolledAndALargeOneLooped() {
    String small = contents(generate(Sources.surface("FLOAT")).generatedSourceFile("test.SurfaceModel").orElseThrow());
    String large = contents(generate(Sources.bumps("DOUBLE")).generatedSourceFile("test.BumpsModel").orElseThrow());

    assertThat(small).contains("final float[] w1 = new float[40];");
    assertThat(small).contains("final float[] b1 = new float[20];");
    assertThat(small).contains("private static void radial1(float[] c, float[] beta, float[] x, float[] z) {");
    assertThat(small).contains("private static void radialGradient1(float[][] x, float[][] d, float[][] z, int m,");
    assertThat(small).contains("final float[] beta1 = new float[20];");
    assertThat(large).contains(" * rbf 1     (m, 300)      GAUSSIAN          30,300  looped (units innermost)\n");
    assertThat(large).contains("final double[][] w1 = new double[100][300];");
    assertThat(large).contains("final double[] b1 = new double[300];");
    assertThat(large).contains("private static void radial1(double[][] x, double[][] c, double[] beta, "
        + "double[][] z, int m) {");
    assertThat(large).contains("radial1(x, model.w1, beta1, z1, m);");
    assertThat(large).doesNotContain("radial1_");
  }

  @ParameterizedTest(name = "{0} inputs × {1} units: {2}")
  @CsvSource({
      "8,  64, 'unrolled (4 forward, 8 gradient methods)'",
      "64, 8,  'unrolled (4 forward, 8 gradient methods)'",
      "1,  64, unrolled (2 gradient methods)",
      "16, 32, 'unrolled (4 forward, 7 gradient methods)'",
      "8,  65, looped (units innermost)",
      "64, 9,  looped (units innermost)",
      "1,  65, looped (units innermost)",
      "65, 1,  looped (units innermost)"})
  void rbfLayersUnrollUpTo512CentreCoordinatesAnd64Wide(int inputs, int units, String shape) {
    String name = "Rbf" + inputs + "x" + units;
    String model = contents(generate(Sources.rbf(inputs, units, "FLOAT"))
        .generatedSourceFile("test." + name + "Model").orElseThrow());

    assertThat(model).containsMatch(" \\* rbf 1 +\\(m, " + units + "\\) +GAUSSIAN +[0-9,]+  "
        + Pattern.quote(shape) + "\n");
  }

  @Test
  void anRbfLayerSplitAcrossMethodsNamesThemByChunk() {
    String model = contents(generate(Sources.rbf(8, 64, "DOUBLE")).generatedSourceFile("test.Rbf8x64Model").orElseThrow());

    for (int k = 0; k < 4; k++) {
      assertThat(model).contains("private static void radial1_" + k + "(double[] c, double[] beta, double[] x, double[] z)");
      assertThat(model).contains("radial1_" + k + "(model.w1, beta1, x[s], z1[s]);");
    }
    assertThat(model).doesNotContain("radial1_4(");
    assertThat(model).contains("private static void radialGradient1_0(");
    assertThat(model).contains("radialGradient1_0(x, d1, z1, m, model.w1, beta1, gw1, gb1);");
  }

  @Test
  void centresAndWidthsAreInitialisedFromTheSeedAndNeverDecayed() {
    String model = contents(generate(Sources.surface("FLOAT")).generatedSourceFile("test.SurfaceModel").orElseThrow());
    String large = contents(generate(Sources.bumps("DOUBLE")).generatedSourceFile("test.BumpsModel").orElseThrow());
    // s = log(k^(2/n) / (8n)) for n inputs and k units.
    float surfaceWidth = (float) Math.log(Math.pow(20, 2.0 / 2) / (8.0 * 2));
    double bumpsWidth = Math.log(Math.pow(300, 2.0 / 100) / (8.0 * 100));

    assertThat(model).contains("init.uniform(w1, 2, 20, 1.0);");
    assertThat(model).contains("Arrays.fill(b1, " + surfaceWidth + "f);");
    assertThat(large).contains("init.uniformTransposed(w1, 100, 300, 1.0);");
    assertThat(large).contains("Arrays.fill(b1, " + bumpsWidth + ");");
    // Rows: w1, b1 (RBF, never decayed), then w2, b2, w3, b3 with only the weights decayed.
    assertThat(model).contains("boolean[] decayed = new boolean[6];\n"
        + "    decayed[2] = true;\n"
        + "    decayed[4] = true;\n"
        + "    return decayed;");
    // The looped RBF layer keeps its centres in 100 transposed rows, then its widths: rows 0–100. The
    // looped 300 → 16 layer's weights are rows 101–400 (one per input), the unrolled 16 → 3 layer's row 402.
    assertThat(large).contains("boolean[] decayed = new boolean[404];\n"
        + "    Arrays.fill(decayed, 101, 401, true);\n"
        + "    decayed[402] = true;\n"
        + "    return decayed;");
  }

  @ParameterizedTest
  @ValueSource(strings = {"FLOAT", "DOUBLE"})
  void noGeneratedRbfMethodReachesTheJitLimit(String precision) throws IOException {
    for (JavaFileObject declaration : List.of(Sources.surface(precision), Sources.bumps(precision),
        Sources.rbf(8, 64, precision), Sources.rbf(64, 8, precision), Sources.rbf(1, 64, precision),
        Sources.rbf(16, 32, precision), Sources.rbf(32, 16, precision), Sources.rbf(64, 64, precision),
        Sources.rbf(784, 1000, precision))) {
      Compilation compilation = generate(declaration);
      assertThat(compilation).succeeded();

      int checked = assertNoMethodReachesTheJitLimit(compilation, simpleName(declaration));

      assertThat(checked).isGreaterThan(20);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"FLOAT", "DOUBLE"})
  void noGeneratedMethodReachesTheJitLimit(String precision) throws IOException {
    for (JavaFileObject declaration : List.of(Sources.iris(), Sources.mnist(precision), Sources.mixed(precision),
        Sources.network("test.Widest", "@Network(inputs = 64, layers = {@Dense(units = 8, activation = "
            + "Activation.TANH), @Dense(units = 64), @Dense(units = 8)}, loss = Loss.MEAN_SQUARED_ERROR, "
            + "precision = Precision." + precision + ")"),
        // The widest unrolled tanh layers handing their activations on end to end (x[xo + i], f[o + j]).
        Sources.network("test.WidestFlat", "@Network(inputs = 8, layers = {@Dense(units = 64, activation = "
            + "Activation.TANH), @Dense(units = 8, activation = Activation.TANH), @Dense(units = 2)}, "
            + "loss = Loss.MEAN_SQUARED_ERROR, precision = Precision." + precision + ")"),
        Sources.network("test.WidestSoftmax", "@Network(inputs = 16, layers = @Dense(units = 32), "
            + "loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision." + precision + ")"),
        // As deep as a declaration may be (Network.MAX_LAYERS), behind an RBF layer too.
        Sources.network("test.Deep", "@Network(inputs = 8, rbf = @Rbf(units = 8), layers = {"
            + "@Dense(units = 8, activation = Activation.TANH), ".repeat(255) + "@Dense(units = 2)}, "
            + "loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision." + precision + ")"),
        // As deep, with every layer looped: optimizer rows of one row per input.
        Sources.network("test.DeepLooped", "@Network(inputs = 65, layers = {"
            + "@Dense(units = 65, activation = Activation.RELU), ".repeat(255) + "@Dense(units = 2)}, "
            + "loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision." + precision + ")"),
        // The widest unrolled normalised layers, with dropout.
        Sources.network("test.WidestNorm", "@Network(inputs = 64, layers = {@Dense(units = 8, activation = "
            + "Activation.TANH, norm = Norm.BATCH, dropout = 0.5), @Dense(units = 64, norm = Norm.LAYER, "
            + "activation = Activation.RELU, dropout = 0.1), @Dense(units = 8, norm = Norm.BATCH)}, "
            + "loss = Loss.MEAN_SQUARED_ERROR, precision = Precision." + precision + ")"),
        // As deep as a declaration may be, every layer normalised over the batch and dropping: the
        // running estimates, their folding and the summary grow with the layers.
        Sources.network("test.DeepNorm", "@Network(inputs = 8, layers = {"
            + "@Dense(units = 8, activation = Activation.RELU, norm = Norm.BATCH, dropout = 0.1), ".repeat(255)
            + "@Dense(units = 2, norm = Norm.BATCH)}, "
            + "loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision." + precision + ")"))) {
      Compilation compilation = generate(declaration);
      assertThat(compilation).succeeded();

      int checked = assertNoMethodReachesTheJitLimit(compilation, simpleName(declaration));

      assertThat(checked).isGreaterThan(20);
    }
  }

  /** Every method of every generated class stays under the limit; returns how many were measured. */
  private static int assertNoMethodReachesTheJitLimit(Compilation compilation, String declaration) throws IOException {
    int checked = 0;
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS || file.getName().endsWith("/" + declaration + ".class")) {
        continue;
      }
      byte[] bytes = file.openInputStream().readAllBytes();
      for (Map.Entry<String, Integer> method : ClassFileMethods.codeLengths(bytes).entrySet()) {
        assertWithMessage("%s %s", file.getName(), method.getKey()).that(method.getValue()).isLessThan(JIT_LIMIT);
        checked++;
      }
    }
    return checked;
  }

  private static String simpleName(JavaFileObject source) {
    String name = source.getName();
    return name.substring(name.lastIndexOf('/') + 1, name.length() - ".java".length());
  }

  @Test
  void classFileReaderSeesLongMethods() throws IOException {
    // Guards the JIT-limit test itself: a method known to be long must be measured as long.
    Compilation compilation = generate(Sources.network("test.Wide", "@Network(inputs = 64, "
        + "layers = @Dense(units = 8), loss = Loss.MEAN_SQUARED_ERROR)"));
    JavaFileObject model = compilation.generatedFiles().stream()
        .filter(f -> f.getName().endsWith("/WideModel.class")).findFirst().orElseThrow();

    Map<String, Integer> lengths = ClassFileMethods.codeLengths(model.openInputStream().readAllBytes());

    assertThat(ImmutableList.copyOf(lengths.keySet())).contains("dense1_0([F[F[F[F)V");
    assertThat(lengths.get("dense1_0([F[F[F[F)V")).isGreaterThan(1_000);
  }
}
