package dev.unrolled.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.unrolled.processor.validate.Message;
import dev.unrolled.support.RuntimeVersion;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics catalogue: each rule reports one error (or warning) with its tag and text, in the
 * right file, on the line and at the column of the narrowest element or value; nothing is generated
 * for a declaration with errors.
 */
class ValidationTest {

  private static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new UnrolledProcessor()).compile(sources);
  }

  /** {@code test.Bad} with the usual imports; the body starts on line 3. */
  private static JavaFileObject source(String body) {
    return JavaFileObjects.forSourceString("test.Bad", "package test;\nimport dev.unrolled.*;\n" + body);
  }

  /** Where a diagnostic must point: the line holding {@code line}, the column where {@code at} starts on it. */
  private record Spot(String line, String at) {
    static Spot at(String lineAndColumn) {
      return new Spot(lineAndColumn, lineAndColumn);
    }
  }

  private static Spot on(String line, String at) {
    return new Spot(line, at);
  }

  private static void assertOnly(Diagnostic.Kind kind, JavaFileObject source, Message message, Spot spot,
      String text) {
    Compilation compilation = compile(source);
    List<Diagnostic<? extends JavaFileObject>> ours = compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .toList();
    assertThat(ours).hasSize(1);
    Diagnostic<? extends JavaFileObject> d = ours.get(0);
    assertThat(d.getKind()).isEqualTo(kind);
    String message0 = d.getMessage(null);
    assertThat(message0).startsWith("[" + message.tag() + "] ");
    assertThat(message0).contains(text);
    assertThat(d.getSource()).isEqualTo(source);
    String[] lines = sourceText(source).split("\n", -1);
    int line = lineOf(lines, spot.line());
    assertThat(d.getLineNumber()).isEqualTo(line);
    assertThat(d.getColumnNumber()).isEqualTo(lines[line - 1].indexOf(spot.at()) + 1);
    if (kind == Diagnostic.Kind.ERROR) {
      assertThat(compilation).failed();
    } else {
      assertThat(compilation).succeeded();
    }
  }

  private static void assertError(JavaFileObject source, Message message, Spot spot, String text) {
    assertThat(message.kind()).isEqualTo(Diagnostic.Kind.ERROR);
    assertOnly(Diagnostic.Kind.ERROR, source, message, spot, text);
  }

  private static void assertWarning(JavaFileObject source, Message message, Spot spot, String text) {
    assertThat(message.kind()).isEqualTo(Diagnostic.Kind.WARNING);
    assertOnly(Diagnostic.Kind.WARNING, source, message, spot, text);
  }

  private static int lineOf(String[] lines, String fragment) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line contains " + fragment);
  }

  private static String sourceText(JavaFileObject source) {
    try {
      return source.getCharContent(true).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The types the processor generated from {@code source}, whether or not it compiles: a second
   * processor records the root elements of every later round, which are exactly the generated types.
   */
  private static Set<String> typesGeneratedFrom(JavaFileObject source) {
    Set<String> seen = new TreeSet<>();
    Set<String> declared = new TreeSet<>();
    javac().withProcessors(new UnrolledProcessor(), new AbstractProcessor() {
      private boolean first = true;

      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
          (first ? declared : seen).add(((TypeElement) root).getQualifiedName().toString());
        }
        first = false;
        return false;
      }
    }).compile(source);
    assertThat(declared).isNotEmpty();
    return seen;
  }

  private static final String FINE = "@Network(inputs = 4, layers = @Dense(units = 2), loss = Loss.SOFTMAX_CROSS_ENTROPY)\n";

  @Nested
  class Sizes {
    @Test
    void inputsMustBePositive() {
      assertError(source("@Network(inputs = 0,\n"
              + "  layers = @Dense(units = 2), loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "public interface Bad {}\n"),
          Message.INPUTS_NOT_POSITIVE, on("inputs = 0", "0,"), "inputs must be ≥ 1 but is 0; set inputs to");
    }

    @Test
    void unitsMustBePositiveAndTheErrorNamesTheLayer() {
      assertError(source("@Network(inputs = 4, layers = {\n"
              + "  @Dense(units = 8, activation = Activation.RELU),\n"
              + "  @Dense(units = -3)},\n"
              + "  loss = Loss.MEAN_SQUARED_ERROR)\n"
              + "public interface Bad {}\n"),
          Message.UNITS_NOT_POSITIVE, on("units = -3", "-3"), "units must be ≥ 1 but layer 2 declares -3");
    }

    @Test
    void layersMustNotBeEmpty() {
      assertError(source("@Network(inputs = 4, layers = {},\n"
              + "  loss = Loss.MEAN_SQUARED_ERROR)\n"
              + "public interface Bad {}\n"),
          Message.NO_LAYERS, on("layers = {}", "{}"), "layers is empty; declare at least the output layer");
    }

    @Test
    void aHugeNetworkFailsFastAtItsLargestLayer() {
      assertError(source("@Network(inputs = 100000,\n"
              + "  layers = {@Dense(units = 100000, activation = Activation.RELU), @Dense(units = 10)},\n"
              + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "public interface Bad {}\n"),
          Message.TOO_MANY_PARAMETERS, on("units = 100000", "100000,"),
          "the network has 10,001,100,010 parameters, over the budget of 50,000,000 (maxParameters); "
              + "the largest layer, layer 1, has 100,000 inputs × 100,000 units; no model can hold more");
    }

    @Test
    void anExplicitBudgetIsWhereTheErrorPoints() {
      assertError(source("@Network(inputs = 100, layers = @Dense(units = 10),\n"
              + "  loss = Loss.MEAN_SQUARED_ERROR, maxParameters = 1000)\n"
              + "public interface Bad {}\n"),
          Message.TOO_MANY_PARAMETERS, on("maxParameters = 1000", "1000)"),
          "the network has 1,010 parameters, over the budget of 1,000 (maxParameters); the largest layer, "
              + "layer 1, has 100 inputs × 10 units; check the sizes for a typo, or raise maxParameters to at "
              + "least 1,010");
    }

    @Test
    void theBudgetCanBeRaised() {
      Compilation compilation = compile(source("@Network(inputs = 8000, layers = @Dense(units = 8000),\n"
          + "  loss = Loss.MEAN_SQUARED_ERROR, maxParameters = 70_000_000)\n"
          + "interface Big {}\n"));
      assertThat(compilation).succeededWithoutWarnings();
      assertThat(compilation).generatedSourceFile("test.BigModel").contentsAsUtf8String()
          .contains("PARAMETERS = 64008000;");
    }

    @Test
    void aBudgetBeyondTheRangeOfLongStillFailsFast() {
      assertError(source("@Network(inputs = 2147483647, layers = {\n"
              + "  @Dense(units = 2147483647, activation = Activation.RELU),\n"
              + "  @Dense(units = 2147483647, activation = Activation.RELU),\n"
              + "  @Dense(units = 2147483647)}, loss = Loss.MEAN_SQUARED_ERROR)\n"
              + "public interface Bad {}\n"),
          Message.TOO_MANY_PARAMETERS, on("units = 2147483647, activation", "2147483647,"),
          "the network has more than 9,223,372,036,854,775,807 parameters, over the budget of 50,000,000");
    }

    @Test
    void tooManyLayers() {
      StringBuilder layers = new StringBuilder();
      for (int i = 0; i < 257; i++) {
        layers.append("@Dense(units = 1, activation = Activation.RELU), ");
      }
      assertError(source("@Network(inputs = 1, loss = Loss.MEAN_SQUARED_ERROR,\n  layers = {" + layers + "})\n"
              + "public interface Bad {}\n"),
          Message.TOO_MANY_LAYERS, on("layers = {", "{"),
          "the network declares 257 layers, more than the 256 the generated code is built for");
    }

    @Test
    void theBudgetMustBePositive() {
      assertError(source("@Network(inputs = 4, layers = @Dense(units = 2),\n"
              + "  loss = Loss.MEAN_SQUARED_ERROR, maxParameters = 0)\n"
              + "public interface Bad {}\n"),
          Message.MAX_PARAMETERS_NOT_POSITIVE, on("maxParameters = 0", "0)"),
          "maxParameters must be ≥ 1 but is 0; omit it for the default budget of 50,000,000");
    }
  }

  /**
   * The optional {@code rbf = @Rbf(units = k)}: its own size rule, its place in the parameter budget,
   * and the dense layers' rules unchanged around it (dense layers keep the numbers of their position
   * in {@code layers}).
   */
  @Nested
  class RbfLayers {
    @Test
    void rbfUnitsMustBePositive() {
      JavaFileObject source = source("@Network(inputs = 2, rbf = @Rbf(units = 0),\n"
          + "  layers = @Dense(units = 1), loss = Loss.MEAN_SQUARED_ERROR)\n"
          + "public interface Bad {}\n");

      assertError(source, Message.RBF_UNITS_NOT_POSITIVE, on("@Rbf(units = 0)", "0)"),
          "the RBF layer's units must be ≥ 1 but are 0; give it at least one unit, or leave out rbf for a "
              + "network without one");
      assertThat(typesGeneratedFrom(source)).isEmpty();
    }

    @Test
    void negativeRbfUnitsAreReportedAtTheirValue() {
      JavaFileObject source = source("@Network(inputs = 2,\n"
          + "  rbf = @Rbf(units = -20), layers = @Dense(units = 1),\n"
          + "  loss = Loss.MEAN_SQUARED_ERROR)\n"
          + "public interface Bad {}\n");

      assertError(source, Message.RBF_UNITS_NOT_POSITIVE, on("@Rbf(units = -20)", "-20)"),
          "the RBF layer's units must be ≥ 1 but are -20");
      assertThat(typesGeneratedFrom(source)).isEmpty();
    }

    @Test
    void aHugeRbfLayerFailsFastAtItsUnits() {
      assertError(source("@Network(inputs = 100000,\n"
              + "  rbf = @Rbf(units = 100000),\n"
              + "  layers = @Dense(units = 10), loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "public interface Bad {}\n"),
          Message.TOO_MANY_PARAMETERS, on("@Rbf(units = 100000)", "100000)"),
          "the network has 10,001,100,010 parameters, over the budget of 50,000,000 (maxParameters); "
              + "the largest layer, layer 1 (RBF), has 100,000 inputs × 100,000 units; no model can hold more");
    }

    @Test
    void anExplicitBudgetIsWhereTheErrorPointsAndTheRbfLayerIsNamed() {
      assertError(source("@Network(inputs = 10, rbf = @Rbf(units = 100), layers = @Dense(units = 1),\n"
              + "  loss = Loss.MEAN_SQUARED_ERROR, maxParameters = 1000)\n"
              + "public interface Bad {}\n"),
          Message.TOO_MANY_PARAMETERS, on("maxParameters = 1000", "1000)"),
          "the network has 1,201 parameters, over the budget of 1,000 (maxParameters); the largest layer, "
              + "layer 1 (RBF), has 10 inputs × 100 units; check the sizes for a typo, or raise maxParameters "
              + "to at least 1,201");
    }

    @Test
    void aDenseLayerLargerThanTheRbfLayerIsNamedByItsNumberInTheLayerTable() {
      assertError(source("@Network(inputs = 2, rbf = @Rbf(units = 10000),\n"
              + "  layers = {@Dense(units = 10000, activation = Activation.RELU), @Dense(units = 1)},\n"
              + "  loss = Loss.MEAN_SQUARED_ERROR)\n"
              + "public interface Bad {}\n"),
          Message.TOO_MANY_PARAMETERS, on("@Dense(units = 10000", "10000,"),
          "the network has 100,050,001 parameters, over the budget of 50,000,000 (maxParameters); the "
              + "largest layer, layer 2, has 10,000 inputs × 10,000 units");
    }

    @Test
    void theRbfLayerCountsTowardsTheBudget() {
      // 20,000 dense parameters fit a budget of 20,001; the RBF layer's 3 × 1,000 + 1,000 do not.
      assertError(source("@Network(inputs = 3, rbf = @Rbf(units = 1000),\n"
              + "  layers = {@Dense(units = 19, activation = Activation.RELU), @Dense(units = 1)},\n"
              + "  loss = Loss.MEAN_SQUARED_ERROR, maxParameters = 20001)\n"
              + "public interface Bad {}\n"),
          Message.TOO_MANY_PARAMETERS, on("maxParameters = 20001", "20001)"),
          "the network has 23,039 parameters, over the budget of 20,001 (maxParameters); the largest layer, "
              + "layer 2, has 1,000 inputs × 19 units");
    }

    @Test
    void aDeclarationWithoutRbfGeneratesNoRbfLayer() {
      Compilation compilation = compile(source(FINE + "interface Fine {}\n"));

      assertThat(compilation).succeededWithoutWarnings();
      String model = sourceText(compilation.generatedSourceFile("test.FineModel").orElseThrow());
      assertThat(sourceText(compilation.generatedSourceFile("test.FineModelArchitecture").orElseThrow()))
          .contains("Architecture.of(4, Loss.SOFTMAX_CROSS_ENTROPY, Precision.FLOAT,");
      assertThat(model).contains("dense 1   (m, 2)");
      assertThat(model).doesNotContain("rbf 1");
      assertThat(model).doesNotContain("radial");
      assertThat(model).doesNotContain("beta1");
    }

    @Test
    void aValidRbfDeclarationCompilesWithoutWarnings() {
      JavaFileObject source = source("@Network(inputs = 2, rbf = @Rbf(units = 20),\n"
          + "  layers = @Dense(units = 1), loss = Loss.MEAN_SQUARED_ERROR)\n"
          + "interface Surface {}\n");

      Compilation compilation = compile(source);

      assertThat(compilation).succeededWithoutWarnings();
      assertThat(compilation).generatedSourceFile("test.SurfaceModel").contentsAsUtf8String()
          .contains("PARAMETERS = 81;");
      assertThat(typesGeneratedFrom(source)).containsExactly("test.SurfaceModel", "test.SurfaceTrainer",
          "test.SurfaceModelArchitecture");
    }

    @Test
    void anRbfLayerWithEmptyLayersIsOnlyTheMissingOutputLayer() {
      assertError(source("@Network(inputs = 2, rbf = @Rbf(units = 20), layers = {},\n"
              + "  loss = Loss.MEAN_SQUARED_ERROR)\n"
              + "public interface Bad {}\n"),
          Message.NO_LAYERS, on("layers = {}", "{}"), "layers is empty; declare at least the output layer");
    }

    @Test
    void aCrossEntropyOutputAfterAnRbfLayerMustStillBeIdentity() {
      assertError(source("@Network(inputs = 4, rbf = @Rbf(units = 16),\n"
              + "  layers = @Dense(units = 3, activation = Activation.SOFTPLUS),\n"
              + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "public interface Bad {}\n"),
          Message.CROSS_ENTROPY_OUTPUT_ACTIVATION, on("Activation.SOFTPLUS", ".SOFTPLUS"),
          "the output layer of a SOFTMAX_CROSS_ENTROPY network must use Activation.IDENTITY, but layer 2 "
              + "declares SOFTPLUS");
    }

    @Test
    void softmaxAfterAnRbfLayerStillNeedsTwoOutputs() {
      assertError(source("@Network(inputs = 4, rbf = @Rbf(units = 16), layers = @Dense(units = 1),\n"
              + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "public interface Bad {}\n"),
          Message.SOFTMAX_NEEDS_TWO_OUTPUTS, on("@Dense(units = 1)", "1)"),
          "SOFTMAX_CROSS_ENTROPY needs at least 2 outputs but the output layer has 1");
    }

    @Test
    void anIdentityHiddenLayerAfterAnRbfLayerIsNumberedInTheLayerTable() {
      assertWarning(source("@Network(inputs = 2, rbf = @Rbf(units = 20),\n"
              + "  layers = {@Dense(units = 8), @Dense(units = 1)},\n"
              + "  loss = Loss.MEAN_SQUARED_ERROR)\n"
              + "interface Net {}\n"),
          Message.IDENTITY_HIDDEN_LAYER, on("@Dense(units = 8)", "@Dense(units = 8)"),
          "hidden layer 2 has Activation.IDENTITY (the default), so it and layer 3 collapse into one linear map");
    }

    @Test
    void aZeroUnitDenseLayerAfterAnRbfLayerIsNumberedInTheLayerTable() {
      assertError(source("@Network(inputs = 2, rbf = @Rbf(units = 20),\n"
              + "  layers = @Dense(units = 0), loss = Loss.MEAN_SQUARED_ERROR)\n"
              + "public interface Bad {}\n"),
          Message.UNITS_NOT_POSITIVE, on("@Dense(units = 0)", "0)"), "units must be ≥ 1 but layer 2 declares 0");
    }

    @Test
    void aMethodWithTheSignatureOfARadialKernelIsAMemberClash() {
      assertError(source("@Network(inputs = 2, rbf = @Rbf(units = 5), layers = @Dense(units = 1),\n"
              + "  loss = Loss.MEAN_SQUARED_ERROR)\n"
              + "public abstract class Bad {\n"
              + "  protected void radial1(float[] c, float[] beta, float[] x, float[] z) {}\n"
              + "}\n"),
          Message.MEMBER_CLASH, on("void radial1", "radial1"),
          "void radial1(float[], float[], float[], float[]) in test.Bad clashes with radial1(float[], float[], "
              + "float[], float[]) that the generated BadModel declares: the generated one is static and cannot "
              + "hide an instance method");
    }

    @Test
    void badRbfUnitsAreReportedWithTheOtherProblemsOfTheDeclaration() {
      JavaFileObject source = source("@Network(inputs = 0, rbf = @Rbf(units = -1),\n"
          + "  layers = @Dense(units = 0), loss = Loss.MEAN_SQUARED_ERROR)\n"
          + "public interface Bad {}\n");

      Compilation compilation = compile(source);

      assertThat(compilation).hadErrorCount(3);
      assertThat(compilation).hadErrorContaining(Message.INPUTS_NOT_POSITIVE.tag()).inFile(source)
          .onLineContaining("inputs = 0");
      assertThat(compilation).hadErrorContaining(Message.RBF_UNITS_NOT_POSITIVE.tag()).inFile(source)
          .onLineContaining("@Rbf(units = -1)");
      assertThat(compilation).hadErrorContaining(Message.UNITS_NOT_POSITIVE.tag()).inFile(source)
          .onLineContaining("@Dense(units = 0)");
      assertThat(typesGeneratedFrom(source)).isEmpty();
    }
  }

  @Nested
  class Losses {
    @Test
    void aCrossEntropyOutputMustBeIdentity() {
      assertError(source("@Network(inputs = 4, layers = {@Dense(units = 8, activation = Activation.RELU),\n"
              + "  @Dense(units = 3, activation = Activation.SIGMOID)},\n"
              + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "public interface Bad {}\n"),
          Message.CROSS_ENTROPY_OUTPUT_ACTIVATION, on("Activation.SIGMOID", ".SIGMOID"),
          "the output layer of a SOFTMAX_CROSS_ENTROPY network must use Activation.IDENTITY, but layer 2 "
              + "declares SIGMOID: the loss applies softmax to the logits itself; remove the activation");
    }

    @Test
    void softmaxNeedsTwoOutputs() {
      assertError(source("@Network(inputs = 4, layers = @Dense(units = 1),\n"
              + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "public interface Bad {}\n"),
          Message.SOFTMAX_NEEDS_TWO_OUTPUTS, on("units = 1", "1)"),
          "SOFTMAX_CROSS_ENTROPY needs at least 2 outputs but the output layer has 1; "
              + "for one output use Loss.SIGMOID_CROSS_ENTROPY");
    }
  }

  @Nested
  class NormAndDropout {
    @Test
    void dropoutAtOneIsAnErrorOnTheValue() {
      assertError(source("@Network(inputs = 4, layers = {\n"
              + "  @Dense(units = 8, activation = Activation.RELU, norm = Norm.BATCH, dropout = 1.0),\n"
              + "  @Dense(units = 3)},\n"
              + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "public interface Bad {}\n"),
          Message.DROPOUT_OUT_OF_RANGE, on("dropout = 1.0", "1.0"),
          "dropout is a probability in [0, 1) but layer 1 declares 1.0");
    }

    @Test
    void aNegativeDropoutIsAnErrorOnTheValue() {
      assertError(source("@Network(inputs = 4, layers = {\n"
              + "  @Dense(units = 8, dropout = -0.5, activation = Activation.TANH),\n"
              + "  @Dense(units = 3)},\n"
              + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "public interface Bad {}\n"),
          Message.DROPOUT_OUT_OF_RANGE, on("dropout = -0.5", "-0.5"), "but layer 1 declares -0.5");
    }

    @Test
    void dropoutOnTheOutputLayerIsAnErrorOnTheValue() {
      assertError(source("@Network(inputs = 4, layers = {\n"
              + "  @Dense(units = 8, activation = Activation.TANH),\n"
              + "  @Dense(units = 3, norm = Norm.LAYER, dropout = 0.25)},\n"
              + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "public interface Bad {}\n"),
          Message.DROPOUT_ON_OUTPUT_LAYER, on("dropout = 0.25", "0.25"),
          "the output layer, layer 2, declares dropout = 0.25");
    }

    @Test
    void normsAndDropoutOnHiddenLayersCompileWithoutWarnings() {
      Compilation compilation = compile(source("@Network(inputs = 4, layers = {\n"
          + "  @Dense(units = 8, activation = Activation.RELU, norm = Norm.BATCH, dropout = 0.2),\n"
          + "  @Dense(units = 80, activation = Activation.TANH, norm = Norm.LAYER, dropout = 0.5),\n"
          + "  @Dense(units = 3, norm = Norm.BATCH)},\n"
          + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
          + "public interface Bad {}\n"));

      assertThat(compilation).succeededWithoutWarnings();
    }
  }

  @Nested
  class TypeKinds {
    @Test
    void concreteClasses() {
      assertError(source(FINE + "public class Bad {}\n"), Message.NOT_INTERFACE_OR_ABSTRACT_CLASS,
          on("class Bad", "class"), "but Bad is a concrete class; declare it as an interface");
    }

    @Test
    void finalClasses() {
      assertError(source(FINE + "public final class Bad {}\n"), Message.NOT_INTERFACE_OR_ABSTRACT_CLASS,
          on("class Bad", "class"), "but Bad is a final class");
    }

    @Test
    void enums() {
      assertError(source(FINE + "public enum Bad { A }\n"), Message.NOT_INTERFACE_OR_ABSTRACT_CLASS,
          on("enum Bad", "enum"), "but Bad is an enum");
    }

    @Test
    void records() {
      assertError(source(FINE + "public record Bad(int x) {}\n"), Message.NOT_INTERFACE_OR_ABSTRACT_CLASS,
          on("record Bad", "record"), "but Bad is a record");
    }

    @Test
    void annotationTypes() {
      assertError(source(FINE + "public @interface Bad {}\n"), Message.NOT_INTERFACE_OR_ABSTRACT_CLASS,
          on("@interface Bad", "interface"), "but Bad is an annotation type");
    }

    @Test
    void sealedTypes() {
      assertError(source(FINE + "public sealed interface Bad permits Bad.Only {\n"
              + "  final class Only implements Bad {}\n"
              + "}\n"),
          Message.SEALED_TYPE, on("interface Bad", "interface"),
          "test.Bad is sealed, so the generated BadModel cannot implement or extend it");
    }

    @Test
    void typeParameters() {
      assertError(source(FINE + "public interface Bad<T, U extends Number> {}\n"), Message.GENERIC_TYPE,
          on("interface Bad", "interface"), "but Bad declares <T, U>; remove them");
    }

    @Test
    void privateNestedTypes() {
      assertError(source("public class Bad {\n" + FINE + "  private interface Net {}\n}\n"),
          Message.PRIVATE_TYPE, on("interface Net", "interface"),
          "test.Bad.Net is private, so the generated Bad_NetModel beside it cannot implement it");
    }

    @Test
    void typesNestedInPrivateTypes() {
      assertError(source("public class Bad {\n  private static class Hidden {\n" + FINE
              + "    interface Net {}\n  }\n}\n"),
          Message.PRIVATE_TYPE, on("interface Net", "interface"),
          "test.Bad.Hidden.Net is nested in private test.Bad.Hidden, so the generated Bad_Hidden_NetModel");
    }

    @Test
    void innerClasses() {
      assertError(source("public class Bad {\n" + FINE + "  abstract class Net {}\n}\n"),
          Message.INNER_CLASS, on("class Net", "class"),
          "test.Bad.Net is an inner (non-static) class, so the generated classes cannot extend it; "
              + "declare it static");
    }

    @Test
    void abstractClassesNeedANoArgumentConstructor() {
      assertError(source(FINE + "public abstract class Bad {\n  Bad(int x) {}\n  private Bad() {}\n}\n"),
          Message.NO_ACCESSIBLE_CONSTRUCTOR, on("abstract class Bad", "class"),
          "abstract class test.Bad has no non-private constructor without parameters (it declares "
              + "Bad(int) and private Bad()), but the generated model must call one; add protected Bad() {}");
    }

    @Test
    void theConstructorMustNotThrowCheckedExceptions() {
      assertError(source(FINE + "public abstract class Bad {\n"
              + "  protected Bad() throws java.io.IOException, IllegalStateException {}\n}\n"),
          Message.CONSTRUCTOR_THROWS, on("protected Bad()", "Bad()"),
          "the constructor Bad() declares throws java.io.IOException, which the generated BadModel(long seed) "
              + "cannot pass on");
    }

    @Test
    void aVarargsConstructorServesAsTheNoArgumentOne() {
      Compilation compilation = compile(source(FINE + "abstract class Fine {\n  protected Fine(int... sizes) {}\n}\n"));
      assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void deprecatedTypesCompileWithoutWarningsInTheGeneratedCode() {
      Compilation compilation = javac().withProcessors(new UnrolledProcessor())
          .withOptions("-Xlint:all,-processing", "-Werror")
          .compile(JavaFileObjects.forSourceString("test.Fine", "package test;\nimport dev.unrolled.*;\n"
              + FINE + "@Deprecated\npublic interface Fine {}\n"));
      assertThat(compilation).succeeded();
    }

    @Test
    void typesOfThePackageNamedLikeJavaLangTypesDoNotCaptureThem() {
      List<JavaFileObject> sources = new java.util.ArrayList<>();
      sources.add(source(FINE + "interface Fine {}\n"));
      for (String name : List.of("Math", "Double", "System", "Override", "String", "ThreadLocal",
          "IllegalArgumentException")) {
        sources.add(JavaFileObjects.forSourceString("test." + name, "package test;\nclass " + name + " {}\n"));
      }
      Compilation compilation = compile(sources.toArray(new JavaFileObject[0]));
      assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void abstractClassesWithAnAccessibleConstructorAreAccepted() {
      Compilation compilation = compile(source(FINE
          + "abstract class Fine {\n  protected Fine() throws IllegalStateException {}\n}\n"));
      assertThat(compilation).succeededWithoutWarnings();
      assertThat(compilation).generatedSourceFile("test.FineModel").contentsAsUtf8String()
          .contains("public final class FineModel extends Fine implements Model");
    }
  }

  @Nested
  class Names {
    @Test
    void anExistingTypeWhereTheModelWouldGo() {
      assertClashWithExisting("test.BadModel", "public class BadModel {}\n", "class");
    }

    @Test
    void anExistingTypeWhereTheModelsArchitectureWouldGo() {
      assertClashWithExisting("test.BadModelArchitecture",
          "public interface BadModelArchitecture {\n  int ARCHITECTURE = 1;\n}\n", "interface");
    }

    /** A type {@code name} of package {@code test} is in the way of what {@code Bad} generates: one error. */
    private void assertClashWithExisting(String name, String body, String kind) {
      JavaFileObject existing = JavaFileObjects.forSourceString(name, "package test;\n" + body);
      JavaFileObject source = source(FINE + "public interface Bad {}\n");
      Compilation compilation = compile(source, existing);
      assertThat(compilation).failed();
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining("[" + Message.NAME_CLASH.tag() + "] the generated class " + name
              + " would clash with the existing " + kind + " " + name + "; rename Bad or the other type")
          .inFile(source).onLineContaining("interface Bad");
    }

    @Test
    void twoDeclarationsGeneratingTheSameName() {
      JavaFileObject source = source("class Outer {\n" + FINE + "  interface Net {}\n}\n"
          + FINE + "interface Outer_Net {}\n");
      Compilation compilation = compile(source);
      assertThat(compilation).failed();
      assertThat(compilation).hadErrorCount(3); // one each for the model, the trainer and the architecture
      assertThat(compilation).hadErrorContaining("[" + Message.NAME_CLASH.tag() + "] the generated class "
              + "test.Outer_NetModel would clash with the class generated for test.Outer.Net")
          .inFile(source).onLineContaining("interface Outer_Net");
    }

    @Test
    void nestedTypesAndFieldsNamedLikeTypesTheModelUsesDoNotCaptureThem() {
      Compilation compilation = compile(source(FINE
          + "interface Fine {\n  enum Loss { MINE }\n  interface Model {}\n  class Architecture {}\n"
          + "  int Checks = 0;\n  String Math = \"\";\n  Object Arrays = null;\n  Object ARCHITECTURE = null;\n}\n"));
      assertThat(compilation).succeededWithoutWarnings();
    }
  }

  @Nested
  class Members {
    @Test
    void anAbstractMethodTheModelCannotImplement() {
      assertError(source(FINE + "public interface Bad {\n  void train();\n}\n"),
          Message.UNIMPLEMENTABLE_METHOD, on("void train()", "train"),
          "abstract method void train() in test.Bad cannot be implemented by the generated BadModel, which "
              + "provides only inputSize(), outputSize(), parameterCount(), architecture(), loss(), precision(), "
              + "summary(), predict(double[], double[]), classify(double[]), predict(float[], float[]), "
              + "classify(float[]), predict(double[][], double[][]), classify(double[][], int[]), "
              + "predict(float[][], float[][]), classify(float[][], int[]), "
              + "lossAndGradient(double[][], double[][], double[]), "
              + "lossAndGradient(float[][], float[][], double[]), getParameters(double[]), "
              + "setParameters(double[]); give it a body or remove it");
    }

    @Test
    void anInheritedAbstractMethodIsReportedOnTheType() {
      assertError(source(FINE + "public interface Bad extends Runnable {}\n"),
          Message.UNIMPLEMENTABLE_METHOD, on("interface Bad", "interface"),
          "abstract method void run() in java.lang.Runnable cannot be implemented by the generated BadModel");
    }

    @Test
    void abstractMethodsTheModelImplementsAreAccepted() {
      Compilation compilation = compile(source(FINE + "interface Fine {\n"
          + "  int inputSize();\n"
          + "  void predict(double[] input, double[] output);\n"
          + "  Object architecture();\n"
          + "  boolean equals(Object other);\n"
          + "  default String describe() { return \"fine\"; }\n"
          + "}\n"));
      assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void methodsOfGenericSuperinterfacesAreSeenWithTheirTypeArguments() {
      Compilation compilation = compile(source(FINE
          + "interface Fine extends Predictor<double[]>, Named<String> {}\n"
          + "interface Predictor<T> { void predict(T input, T output); }\n"
          + "interface Named<T> { T summary(); }\n"));
      assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void anInterfaceExtendingModelMayOverrideItsDefaults() {
      Compilation compilation = compile(source(FINE
          + "interface Fine extends Model {\n  @Override default double[] parameters() { return new double[0]; }\n}\n"));
      assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aModelDefaultRedeclaredAbstract() {
      assertError(source(FINE + "public interface Bad {\n  double[] parameters();\n}\n"),
          Message.MEMBER_CLASH, on("double[] parameters()", "parameters"),
          "it is abstract, and the model relies on Model's default for it");
    }

    @Test
    void anAbstractClassThatTakesAwayObjectsToString() {
      assertError(source(FINE + "public abstract class Bad {\n  public abstract String toString();\n}\n"),
          Message.UNIMPLEMENTABLE_METHOD, on("abstract String toString()", "toString"),
          "abstract method java.lang.String toString() in test.Bad cannot be implemented");
    }

    @Test
    void aPackagePrivateAbstractMethodOfASuperclassInAnotherPackage() {
      JavaFileObject other = JavaFileObjects.forSourceString("other.Base",
          "package other;\npublic abstract class Base {\n  protected Base() {}\n  abstract void helper();\n}\n");
      JavaFileObject source = source(FINE + "public abstract class Bad extends other.Base {}\n");
      Compilation compilation = compile(source, other);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining("[" + Message.UNIMPLEMENTABLE_METHOD.tag() + "] abstract method "
              + "void helper() (package-private, in another package) in other.Base cannot be implemented")
          .inFile(source).onLineContaining("class Bad");
    }

    @Test
    void aFinalMethodTheModelMustOverride() {
      assertError(source(FINE + "public abstract class Bad {\n  public final int inputSize() { return 4; }\n}\n"),
          Message.MEMBER_CLASH, on("public final int inputSize()", "inputSize"),
          "int inputSize() in test.Bad clashes with inputSize() that the generated BadModel declares: it is "
              + "final, so the model cannot override it; rename or remove it");
    }

    @Test
    void aDifferentReturnType() {
      assertError(source(FINE + "public interface Bad {\n  long parameterCount();\n}\n"),
          Message.MEMBER_CLASH, on("long parameterCount()", "parameterCount"),
          "it returns long but the generated one returns int");
    }

    @Test
    void aMethodNamedLikeAPrivateHelperOfTheModel() {
      assertError(source(FINE + "public abstract class Bad {\n  protected Object scratch(int m) { return null; }\n}\n"),
          Message.MEMBER_CLASH, on("protected Object scratch", "scratch"),
          "the generated one is private, which cannot override a protected method");
    }

    @Test
    void aStaticMethod() {
      assertError(source(FINE + "public abstract class Bad {\n  public static String summary() { return \"\"; }\n}\n"),
          Message.MEMBER_CLASH, on("static String summary()", "summary"),
          "it is static, and an instance method cannot hide a static one");
    }

    /** Found by the declaration fuzz: javac rejected the generated model ("weaker access privileges"). */
    @Test
    void aPackagePrivateClassMethodInPlaceOfAModelDefault() {
      assertError(source(FINE + "public abstract class Bad {\n  double[] parameters() { return null; }\n}\n"),
          Message.MEMBER_CLASH, on("double[] parameters()", "parameters"),
          "double[] parameters() in test.Bad clashes with parameters() that the generated BadModel declares: "
              + "the model inherits it in place of Model's public default, and it is package-private; make it "
              + "public or remove it");
    }

    @Test
    void aPublicClassMethodInPlaceOfAModelDefaultIsFine() {
      Compilation compilation = compile(source(FINE + "public abstract class Bad {\n"
          + "  public double[] parameters() { return new double[0]; }\n}\n"));
      assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aDefaultMethodThatModelAlsoProvides() {
      assertError(source(FINE + "public interface Bad {\n  default double[] parameters() { return null; }\n}\n"),
          Message.MEMBER_CLASH, on("default double[] parameters()", "parameters"),
          "Model has a default method of that signature too");
    }
  }

  @Nested
  class Warnings {
    @Test
    void aHiddenLayerWithoutActivation() {
      assertWarning(source("@Network(inputs = 4, layers = {@Dense(units = 8), @Dense(units = 3)},\n"
              + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "interface Net {}\n"),
          Message.IDENTITY_HIDDEN_LAYER, on("@Dense(units = 8)", "@Dense(units = 8)"),
          "hidden layer 1 has Activation.IDENTITY (the default), so it and layer 2 collapse into one linear map");
    }

    @Test
    void anExplicitIdentityHiddenLayer() {
      assertWarning(source("@Network(inputs = 4, layers = {\n"
              + "  @Dense(units = 8, activation = Activation.RELU),\n"
              + "  @Dense(units = 8, activation = Activation.IDENTITY),\n"
              + "  @Dense(units = 3)}, loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "interface Net {}\n"),
          Message.IDENTITY_HIDDEN_LAYER, on("Activation.IDENTITY", ".IDENTITY"),
          "hidden layer 2 has Activation.IDENTITY, so it and layer 3 collapse");
    }

    @Test
    void deepSaturatingStacks() {
      StringBuilder layers = new StringBuilder();
      for (int i = 1; i <= 6; i++) {
        layers.append("  @Dense(units = 8, activation = Activation.").append(i % 2 == 0 ? "TANH" : "SIGMOID")
            .append("), // layer ").append(i).append('\n');
      }
      assertWarning(source("@Network(inputs = 4, layers = {\n" + layers + "  @Dense(units = 3)},\n"
              + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
              + "interface Net {}\n"),
          Message.DEEP_SATURATING_LAYERS, on("// layer 5", ".SIGMOID"),
          "layer 5 is hidden SIGMOID/TANH layer number 5; their gradients shrink at every layer and vanish "
              + "beyond 4 of them; use RELU, LEAKY_RELU, ELU or SILU");
    }

    @Test
    void warningsCanBeSuppressedByTagOrAll() {
      for (String suppression : List.of("\"unrolled.identity-hidden-layer\"", "\"unrolled\"")) {
        Compilation compilation = compile(source("@SuppressWarnings(" + suppression + ")\n"
            + "@Network(inputs = 4, layers = {@Dense(units = 8), @Dense(units = 3)},\n"
            + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
            + "interface Net {}\n"));
        assertThat(compilation).succeededWithoutWarnings();
      }
    }
  }

  @Test
  void aRuntimeOfAnotherLevelIsOneClearError() {
    JavaFileObject olderRuntime = JavaFileObjects.forSourceString("dev.unrolled.support.RuntimeVersion",
        "package dev.unrolled.support;\npublic final class RuntimeVersion { public static final int LEVEL = 0; }\n");
    JavaFileObject source = source(FINE + "public interface Bad {}\n");
    Compilation compilation = compile(source, olderRuntime);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[" + Message.RUNTIME_MISMATCH.tag() + "] the classpath has "
            + "runtime level 0, but this processor generates code for runtime level " + RuntimeVersion.LEVEL + "; use unrolled-runtime and "
            + "unrolled-processor of the same version")
        .inFile(source).onLineContaining("interface Bad");
  }

  @Test
  void everyBadDeclarationGetsItsOwnErrors() {
    JavaFileObject source = source("public class Bad {\n"
        + "  @Network(inputs = -1, layers = @Dense(units = 2), loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
        + "  public interface One {}\n"
        + "  @Network(inputs = 2, layers = @Dense(units = 0), loss = Loss.MEAN_SQUARED_ERROR)\n"
        + "  public interface Two {}\n"
        + "  @Network(inputs = 2, layers = @Dense(units = 2), loss = Loss.MEAN_SQUARED_ERROR)\n"
        + "  interface Fine {}\n"
        + "}\n");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(Message.INPUTS_NOT_POSITIVE.tag()).inFile(source)
        .onLineContaining("inputs = -1");
    assertThat(compilation).hadErrorContaining(Message.UNITS_NOT_POSITIVE.tag()).inFile(source)
        .onLineContaining("units = 0");
  }

  @Test
  void allProblemsOfOneDeclarationAreReportedTogether() {
    Compilation compilation = compile(source("@Network(inputs = 0, layers = {@Dense(units = -1), @Dense(units = 0)},\n"
        + "  loss = Loss.MEAN_SQUARED_ERROR)\n"
        + "public interface Bad<T> {}\n"));
    assertThat(compilation).hadErrorCount(4);
  }
}
