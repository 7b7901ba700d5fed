package dev.unrolled.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.unrolled.processor.validate.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A bug in the processor is one error on the declaration it hit; javac and the other declarations go on. */
class ContainmentTest {

  private static final JavaFileObject TWO_NETWORKS = JavaFileObjects.forSourceString("test.Nets", String.join("\n",
      "package test;",
      "import dev.unrolled.*;",
      "public class Nets {",
      "  @Network(inputs = 2, layers = @Dense(units = 2), loss = Loss.SOFTMAX_CROSS_ENTROPY)",
      "  public interface Unlucky {}",
      "  @Network(inputs = 2, layers = @Dense(units = 2), loss = Loss.SOFTMAX_CROSS_ENTROPY)",
      "  public interface Lucky {}",
      "  static Object proof = new Nets_LuckyModel(1); // compiles only if Lucky was generated",
      "}",
      ""));

  private static Compilation compileWith(RuntimeException or, Error error) {
    return javac().withProcessors(new UnrolledProcessor(type -> {
      if (type.getSimpleName().contentEquals("Unlucky")) {
        if (or != null) {
          throw or;
        }
        throw error;
      }
    })).compile(TWO_NETWORKS);
  }

  @Test
  void anExceptionBecomesOneInternalErrorWithItsCause() {
    Compilation compilation = compileWith(new IllegalStateException("simulated bug"), null);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[" + Message.INTERNAL_ERROR.tag() + "] internal error in the "
            + "Unrolled processor while generating code for test.Nets.Unlucky: java.lang.IllegalStateException: "
            + "simulated bug at dev.unrolled.processor.")
        .inFile(TWO_NETWORKS).onLineContaining("interface Unlucky");
    assertThat(compilation).hadErrorContaining("This is a bug in Unrolled, not in your code");
  }

  @Test
  void aProcessorPathWithoutJavaPoetIsNamedAsSuch() {
    Compilation compilation = compileWith(null, new NoClassDefFoundError("com/palantir/javapoet/TypeName"));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[" + Message.PROCESSOR_PATH_INCOMPLETE.tag() + "] the "
            + "annotation-processor path lacks JavaPoet (com.palantir.javapoet:javapoet, class "
            + "com/palantir/javapoet/TypeName)")
        .inFile(TWO_NETWORKS).onLineContaining("interface Unlucky");
  }

  @Test
  void linkageAndAssertionErrorsAreContainedToo() {
    for (Error error : new Error[] {new NoClassDefFoundError("org/example/Missing"),
        new UnsatisfiedLinkError("no such library"), new AssertionError("broken invariant"),
        new StackOverflowError()}) {
      Compilation compilation = compileWith(null, error);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining(error.getClass().getName())
          .inFile(TWO_NETWORKS).onLineContaining("interface Unlucky");
    }
  }
}
