package dev.unrolled.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.unrolled.processor.validate.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each rule: one error, on the narrowest element, naming the problem; nothing generated. */
class ValidationTest {

  private static Compilation compile(JavaFileObject source) {
    return javac().withProcessors(new UnrolledProcessor()).compile(source);
  }

  private static JavaFileObject source(String body) {
    return JavaFileObjects.forSourceString("test.Bad", "package test;\n"
        + "import dev.unrolled.*;\n"
        + body);
  }

  private static void assertSingleError(JavaFileObject source, Message message, String line, String text) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[" + message.tag() + "]")
        .inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorContaining(text);
  }

  @Test
  void nonPositiveInputs() {
    assertSingleError(source("@Network(inputs = 0,\n"
            + "  layers = @Dense(units = 2), loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
            + "public interface Bad {}\n"),
        Message.INPUTS_NOT_POSITIVE, "inputs = 0", "inputs must be ≥ 1 but is 0");
  }

  @Test
  void nonPositiveUnitsPointsAtTheLayer() {
    assertSingleError(source("@Network(inputs = 4, layers = {\n"
            + "  @Dense(units = 8),\n"
            + "  @Dense(units = -3)},\n"
            + "  loss = Loss.MEAN_SQUARED_ERROR)\n"
            + "public interface Bad {}\n"),
        Message.UNITS_NOT_POSITIVE, "units = -3", "units must be ≥ 1 but layer 2 declares -3");
  }

  @Test
  void noLayers() {
    assertSingleError(source("@Network(inputs = 4, layers = {},\n"
            + "  loss = Loss.MEAN_SQUARED_ERROR)\n"
            + "public interface Bad {}\n"),
        Message.NO_LAYERS, "layers = {}", "layers is empty");
  }

  @Test
  void crossEntropyOutputMustBeIdentity() {
    assertSingleError(source("@Network(inputs = 4, layers = {@Dense(units = 8),\n"
            + "  @Dense(units = 3, activation = Activation.SIGMOID)},\n"
            + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
            + "public interface Bad {}\n"),
        Message.CROSS_ENTROPY_OUTPUT_ACTIVATION, "activation = Activation.SIGMOID",
        "the loss applies softmax to the logits itself");
  }

  @Test
  void softmaxNeedsTwoOutputs() {
    assertSingleError(source("@Network(inputs = 4, layers = @Dense(units = 1),\n"
            + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
            + "public interface Bad {}\n"),
        Message.SOFTMAX_NEEDS_TWO_OUTPUTS, "units = 1", "use Loss.SIGMOID_CROSS_ENTROPY");
  }

  @Test
  void concreteClassesAreRejected() {
    assertSingleError(source("@Network(inputs = 4, layers = @Dense(units = 2),\n"
            + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
            + "public class Bad {}\n"),
        Message.NOT_INTERFACE_OR_ABSTRACT_CLASS, "public class Bad", "but Bad is a concrete class");
  }

  @Test
  void enumsAreRejected() {
    assertSingleError(source("@Network(inputs = 4, layers = @Dense(units = 2),\n"
            + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
            + "public enum Bad { A }\n"),
        Message.NOT_INTERFACE_OR_ABSTRACT_CLASS, "public enum Bad", "but Bad is an enum");
  }

  @Test
  void abstractClassesNeedANoArgumentConstructor() {
    assertSingleError(source("@Network(inputs = 4, layers = @Dense(units = 2),\n"
            + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
            + "public abstract class Bad { Bad(int x) {} }\n"),
        Message.NO_ACCESSIBLE_CONSTRUCTOR, "public abstract class Bad", "needs a non-private constructor");
  }

  @Test
  void abstractClassesWithAConstructorAreAccepted() {
    Compilation compilation = compile(source("@Network(inputs = 4, layers = @Dense(units = 2),\n"
        + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
        + "public abstract class Bad { protected Bad() {} }\n"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.BadModel").contentsAsUtf8String()
        .contains("public final class BadModel extends Bad implements Model");
  }

  @Test
  void genericTypesAreRejected() {
    assertSingleError(source("@Network(inputs = 4, layers = @Dense(units = 2),\n"
            + "  loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
            + "public interface Bad<T> {}\n"),
        Message.GENERIC_TYPE, "public interface Bad<T>", "cannot have type parameters");
  }

  @Test
  void everyBadDeclarationGetsItsOwnErrors() {
    JavaFileObject source = source("public class Bad {\n"
        + "  @Network(inputs = -1, layers = @Dense(units = 2), loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
        + "  public interface One {}\n"
        + "  @Network(inputs = 2, layers = @Dense(units = 0), loss = Loss.MEAN_SQUARED_ERROR)\n"
        + "  public interface Two {}\n"
        + "  @Network(inputs = 2, layers = @Dense(units = 2), loss = Loss.MEAN_SQUARED_ERROR)\n"
        + "  public interface Fine {}\n"
        + "}\n");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(Message.INPUTS_NOT_POSITIVE.tag()).inFile(source)
        .onLineContaining("inputs = -1");
    assertThat(compilation).hadErrorContaining(Message.UNITS_NOT_POSITIVE.tag()).inFile(source)
        .onLineContaining("units = 0");
  }
}
