package dev.unrolled.processor;

import com.google.auto.service.AutoService;
import dev.unrolled.Network;
import dev.unrolled.processor.model.NetworkDeclaration;
import dev.unrolled.processor.model.NetworkReader;
import dev.unrolled.processor.plan.NetworkPlan;
import dev.unrolled.processor.plan.NetworkPlanner;
import dev.unrolled.processor.validate.Message;
import dev.unrolled.processor.validate.NetworkValidator;
import dev.unrolled.processor.validate.ValidationReport;
import dev.unrolled.processor.write.ModelWriter;
import dev.unrolled.processor.write.TrainerWriter;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates {@code FooModel} and {@code FooTrainer} for every {@code @Network} type {@code Foo}:
 * read the annotation → validate → plan each layer's code shape → write with JavaPoet. Nothing is
 * generated for a declaration with errors, and no exception escapes: an unexpected failure becomes
 * one "internal error" on the declaration, and the other declarations are still processed.
 */
@AutoService(Processor.class)
public final class UnrolledProcessor extends AbstractProcessor {

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Network.class.getCanonicalName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (Element element : round.getElementsAnnotatedWith(Network.class)) {
      if (element instanceof TypeElement type) {
        processContained(type);
      }
    }
    return false;
  }

  private void processContained(TypeElement type) {
    try {
      generate(type);
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      // Everything but a dying JVM (OutOfMemoryError and the like) stays inside the processor.
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Message.INTERNAL_ERROR.format(type.getQualifiedName(), describe(e)), type);
    }
  }

  /** The failure and where it happened, so a bug report pinpoints the writer at fault. */
  private static String describe(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    for (StackTraceElement frame : trace) {
      if (frame.getClassName().startsWith("dev.unrolled.processor")) {
        return e + " at " + frame;
      }
    }
    return e.toString();
  }

  private void generate(TypeElement type) throws IOException {
    Optional<NetworkDeclaration> declaration = new NetworkReader(processingEnv.getElementUtils()).read(type);
    if (declaration.isEmpty()) {
      return; // javac has reported the unresolvable value already
    }
    ValidationReport report = new NetworkValidator().validate(declaration.get());
    report.printTo(processingEnv.getMessager());
    if (!report.isClean()) {
      return;
    }
    NetworkPlan plan = new NetworkPlanner().plan(declaration.get());
    new ModelWriter(plan).write().writeTo(processingEnv.getFiler());
    new TrainerWriter(plan).write().writeTo(processingEnv.getFiler());
  }
}
