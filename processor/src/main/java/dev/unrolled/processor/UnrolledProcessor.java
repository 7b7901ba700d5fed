package dev.unrolled.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.unrolled.Backend;
import dev.unrolled.Network;
import dev.unrolled.processor.model.NetworkDeclaration;
import dev.unrolled.processor.model.NetworkReader;
import dev.unrolled.processor.plan.NetworkPlan;
import dev.unrolled.processor.plan.NetworkPlanner;
import dev.unrolled.processor.plan.ShapeOverride;
import dev.unrolled.processor.validate.Message;
import dev.unrolled.processor.validate.NetworkValidator;
import dev.unrolled.processor.validate.ValidationReport;
import dev.unrolled.processor.write.ArchitectureWriter;
import dev.unrolled.processor.write.ModelWriter;
import dev.unrolled.processor.write.TrainerWriter;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
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
  /** The processor option choosing the kernels of networks that leave {@code backend} at DEFAULT. */
  public static final String BACKEND_OPTION = "unrolled.backend";
  /**
   * The processor option forcing layer code shapes, for measurements and tests: {@code auto} (the
   * planner's choice), {@code lanes} or {@code rows}; see {@link ShapeOverride}.
   */
  public static final String SHAPE_OPTION = "unrolled.shape";

  private final Consumer<TypeElement> beforeEach;
  private NetworkValidator validator;
  private Backend buildBackend = Backend.PLAIN;
  private ShapeOverride shapeOverride = ShapeOverride.AUTO;

  public UnrolledProcessor() {
    this(type -> {});
  }

  /** With a hook run before each declaration: the containment test makes it fail like a bug would. */
  UnrolledProcessor(Consumer<TypeElement> beforeEach) {
    this.beforeEach = beforeEach;
  }

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    validator = new NetworkValidator(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
    String option = processingEnv.getOptions().get(BACKEND_OPTION);
    if (option != null) {
      switch (option.trim().toLowerCase(Locale.ROOT)) {
        case "plain" -> buildBackend = Backend.PLAIN;
        case "vector" -> buildBackend = Backend.VECTOR;
        default -> processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            Message.BACKEND_OPTION_INVALID.format(option));
      }
    }
    String shape = processingEnv.getOptions().get(SHAPE_OPTION);
    if (shape != null) {
      switch (shape.trim().toLowerCase(Locale.ROOT)) {
        case "auto" -> shapeOverride = ShapeOverride.AUTO;
        case "lanes" -> shapeOverride = ShapeOverride.LANES;
        case "rows" -> shapeOverride = ShapeOverride.ROWS;
        default -> processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            Message.SHAPE_OPTION_INVALID.format(shape));
      }
    }
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(BACKEND_OPTION, SHAPE_OPTION);
  }

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
      beforeEach.accept(type);
      generate(type);
    } catch (NoClassDefFoundError e) {
      // A setup mistake, not a bug: javac -processorpath without JavaPoet (or the runtime).
      String missing = String.valueOf(e.getMessage());
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, missing.startsWith("com/palantir/javapoet")
          ? Message.PROCESSOR_PATH_INCOMPLETE.format("JavaPoet", "com.palantir.javapoet:javapoet, class " + missing)
          : missing.startsWith("dev/unrolled/")
              ? Message.PROCESSOR_PATH_INCOMPLETE.format("unrolled-runtime", "class " + missing)
              : Message.INTERNAL_ERROR.format(type.getQualifiedName(), describe(e)), type);
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
    ValidationReport runtime = validator.validateRuntime(type);
    if (!runtime.isClean()) {
      runtime.printTo(processingEnv.getMessager());
      return;
    }
    Optional<NetworkDeclaration> read = new NetworkReader(processingEnv.getElementUtils(), buildBackend).read(type);
    if (read.isEmpty()) {
      return; // javac has reported the unresolvable value already
    }
    NetworkDeclaration declaration = read.get();
    ValidationReport report = validator.validate(declaration);
    if (!report.isClean()) {
      report.printTo(processingEnv.getMessager());
      return; // before planning: an absurd size must fail fast, not allocate
    }
    NetworkPlan plan = new NetworkPlanner(shapeOverride).plan(declaration);
    JavaFile model = new ModelWriter(plan).write();
    // The last rule needs the methods the model declares; no file is written before it passes.
    report.addAll(validator.validateMembers(declaration, ModelWriter.signatures(model)));
    report.printTo(processingEnv.getMessager());
    if (!report.isClean()) {
      return;
    }
    JavaFile trainer = new TrainerWriter(plan).write();
    JavaFile architecture = new ArchitectureWriter(plan).write();
    for (JavaFile file : List.of(trainer, model, architecture)) {
      try {
        file.writeTo(processingEnv.getFiler());
      } catch (FilerException e) {
        // The name is taken by a source the validator could not tell apart from an earlier output.
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.NAME_CLASH.format(
            file.packageName() + "." + file.typeSpec().name(), "a type javac already knows (" + e.getMessage() + ")",
            type.getSimpleName()), type);
        return;
      }
    }
  }
}
