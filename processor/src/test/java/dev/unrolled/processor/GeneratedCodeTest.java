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
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
    for (JavaFileObject declaration : List.of(Sources.iris(), Sources.mnist(precision), Sources.mixed(precision))) {
      Compilation generation = generate(declaration);
      assertThat(generation).succeeded();
      List<JavaFileObject> all = new ArrayList<>(generatedSources(generation));
      assertThat(all).hasSize(2);
      all.add(declaration);

      Compilation strict = javac().withOptions("-proc:none", "-Xlint:all", "-Werror").compile(all);

      assertThat(strict).succeededWithoutWarnings();
    }
  }

  @Test
  void theSameDeclarationGivesByteIdenticalSource() {
    Compilation first = generate(Sources.mixed("FLOAT"));
    Compilation second = generate(Sources.mixed("FLOAT"));

    List<String> firstSources = generatedSources(first).stream().map(GeneratedCodeTest::contents).toList();
    List<String> secondSources = generatedSources(second).stream().map(GeneratedCodeTest::contents).toList();

    assertThat(firstSources).hasSize(2);
    assertThat(secondSources).containsExactlyElementsIn(firstSources).inOrder();
  }

  @Test
  void generatesModelAndTrainerNextToTheDeclaration() {
    Compilation compilation = generate(Sources.iris());

    assertThat(compilation).generatedSourceFile("test.IrisModel").contentsAsUtf8String()
        .contains("public final class IrisModel implements Iris, Model");
    assertThat(compilation).generatedSourceFile("test.IrisTrainer").contentsAsUtf8String()
        .contains("public IrisTrainer(IrisModel model, Optimizer optimizer)");
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

  @ParameterizedTest
  @ValueSource(strings = {"FLOAT", "DOUBLE"})
  void noGeneratedMethodReachesTheJitLimit(String precision) throws IOException {
    for (JavaFileObject declaration : List.of(Sources.iris(), Sources.mnist(precision), Sources.mixed(precision),
        Sources.network("test.Widest", "@Network(inputs = 64, layers = {@Dense(units = 8, activation = "
            + "Activation.TANH), @Dense(units = 64), @Dense(units = 8)}, loss = Loss.MEAN_SQUARED_ERROR, "
            + "precision = Precision." + precision + ")"),
        Sources.network("test.WidestSoftmax", "@Network(inputs = 16, layers = @Dense(units = 32), "
            + "loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision." + precision + ")"),
        Sources.network("test.Deep", "@Network(inputs = 8, layers = {"
            + "@Dense(units = 8, activation = Activation.TANH), ".repeat(199) + "@Dense(units = 2)}, "
            + "loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision." + precision + ")"))) {
      Compilation compilation = generate(declaration);
      assertThat(compilation).succeeded();

      int checked = 0;
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() != JavaFileObject.Kind.CLASS || file.getName().endsWith("/" + simpleName(declaration) + ".class")) {
          continue;
        }
        byte[] bytes = file.openInputStream().readAllBytes();
        for (Map.Entry<String, Integer> method : ClassFileMethods.codeLengths(bytes).entrySet()) {
          assertWithMessage("%s %s", file.getName(), method.getKey()).that(method.getValue()).isLessThan(JIT_LIMIT);
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(20);
    }
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
