package dev.unrolled.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unrolled.Activation;
import dev.unrolled.processor.model.MethodSignature;
import dev.unrolled.processor.plan.CodeShape;
import dev.unrolled.processor.plan.LayerPlan;
import dev.unrolled.processor.plan.NetworkPlan;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** Writes {@code FooModel}: parameters, the Model contract, fast entry points and all kernels. */
public final class ModelWriter {
  private static final String PROCESSOR = "dev.unrolled.processor.UnrolledProcessor";

  private final NetworkPlan plan;
  private final Numeric num;
  private final ClassName self;
  private final LossEmitter loss;
  private final List<LayerEmitter> layers;
  private final ParameterMethods parameters;

  public ModelWriter(NetworkPlan plan) {
    this.plan = plan;
    this.num = Numeric.of(plan.precision());
    this.self = ClassName.get(plan.packageName(), plan.modelName());
    this.loss = new LossEmitter(plan, num);
    this.layers = Emitters.of(plan, num, self);
    this.parameters = new ParameterMethods(plan, num, layers);
  }

  public JavaFile write() {
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(generated(plan))
        .addOriginatingElement(plan.type())
        .alwaysQualify(inheritedMemberTypes(plan.type()).toArray(String[]::new))
        .addJavadoc(classJavadoc());
    if (usesDeprecated(plan.type())) {
      // Implementing a deprecated type is the user's choice; the generated code must still compile cleanly.
      type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "deprecation").build());
    }
    ClassName declared = ClassName.get(plan.type());
    if (plan.isInterface()) {
      type.addSuperinterface(declared);
    } else {
      type.superclass(declared);
    }
    type.addSuperinterface(RuntimeTypes.MODEL);
    // ARCHITECTURE, inherited: in an interface of its own so that it is built on first use.
    type.addSuperinterface(ArchitectureWriter.name(plan));
    addConstants(type);
    parameters.addFields(type);
    type.addField(FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), ClassName.get("", "Workspace")),
            "scratch", Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("Buffers for predict and lossAndGradient, one set per calling thread, created on first use.\n")
        .initializer("new $T<>()", ThreadLocal.class)
        .build());
    parameters.addConstructor(type);
    new ModelApi(plan, num, loss, layers).addTo(type);
    parameters.addMethods(type);
    type.addMethod(finiteInputs());
    addKernels(type);
    type.addType(new WorkspaceWriter(plan, num, self, loss, layers).write());
    if (plan.hasTiledLayers()) {
      type.addType(new VectorKernels(num, plan.layers().stream().filter(LayerPlan::hasDropout)
          .mapToInt(LayerPlan::outputs).max().orElse(0), tiledActivations(false), tiledActivations(true)).type());
    }
    if (plan.hasLaneLayers()) {
      type.addType(new LaneKernels(num, self).type(laneActivations(), plan.laneLoss() ? plan.loss() : null));
    }
    return JavaFile.builder(plan.packageName(), type.build())
        .build();
  }

  /**
   * The batch check's scan of the input values, shared by the trainer (whole rows) and the parts of a
   * step split by layers (their own columns): in vectors where the model has vector tiles.
   */
  private MethodSpec finiteInputs() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("finiteInputs")
        .addModifiers(Modifier.STATIC)
        .addJavadoc("Whether the values in columns {@code [from, to)} of rows {@code [0, m)} are all finite.\n")
        .returns(TypeName.BOOLEAN)
        .addParameter(num.matrix(), "rows")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to");
    if (plan.hasTiledLayers()) {
      return method.addStatement("return VECTOR ? $L.finiteColumns(rows, m, from, to)\n: $T.finiteColumns(rows, m, from, to)",
          VectorKernels.CLASS_NAME, RuntimeTypes.CHECKS).build();
    }
    return method.addStatement("return $T.finiteColumns(rows, m, from, to)", RuntimeTypes.CHECKS).build();
  }

  /** Whether the declared type, a type around it, or its constructors are deprecated. */
  private static boolean usesDeprecated(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getAnnotation(Deprecated.class) != null) {
        return true;
      }
    }
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.CONSTRUCTOR && member.getAnnotation(Deprecated.class) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Simple names of the member types and fields the model inherits from the declared type: inside
   * the model they would capture a plain {@code Loss} or {@code Checks.length(...)}, so types of
   * those names are written qualified.
   */
  private static Set<String> inheritedMemberTypes(TypeElement type) {
    Set<String> names = new TreeSet<>();
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof TypeElement || member.getKind() == ElementKind.FIELD) {
        names.add(member.getSimpleName().toString());
      }
    }
    List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
    supertypes.add(type.getSuperclass());
    for (TypeMirror supertype : supertypes) {
      if (supertype instanceof DeclaredType declared) {
        names.addAll(inheritedMemberTypes((TypeElement) declared.asElement()));
      }
    }
    return names;
  }

  /** The methods {@code model} declares, for the validator's member rules. */
  public static List<MethodSignature> signatures(JavaFile model) {
    List<MethodSignature> signatures = new ArrayList<>();
    for (MethodSpec method : model.typeSpec().methodSpecs()) {
      if (!method.isConstructor()) {
        signatures.add(new MethodSignature(method.name(),
            method.parameters().stream().map(p -> p.type().toString()).toList(),
            method.returnType().toString(), method.modifiers()));
      }
    }
    return signatures;
  }

  static AnnotationSpec generated(NetworkPlan plan) {
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", PROCESSOR)
        .addMember("comments", "$S", "from " + plan.type().getQualifiedName())
        .build();
  }

  private String classJavadoc() {
    return "The network declared by {@link " + plan.type().getQualifiedName() + "}, generated by Unrolled:"
        + " do not edit.\n\n<pre>\n" + ArchitectureTable.table(plan).replace("&", "&amp;").replace("<", "&lt;")
        + "</pre>\n\n" + Names.LEGEND + "\n"
        + "<p>Parameters follow the flat layout of {@link dev.unrolled.Model} in\n"
        + "{@code getParameters}/{@code setParameters}; inside, unrolled layers keep {@code W[out][in]}\n"
        + "(or the RBF centres {@code C[out][in]}) in one array and looped layers keep transposed rows\n"
        + "{@code w[i][j]}, so their inner loops run contiguously.\n\n"
        + "<p>Thread safety: {@code predict}, {@code classify} and {@code lossAndGradient} may be called\n"
        + "from many threads at once; each thread gets its own scratch buffers on its first call.\n"
        + "Parameters must not change meanwhile: train, or call {@code setParameters}, before sharing.\n";
  }

  private void addConstants(TypeSpec.Builder type) {
    type.addField(constant(TypeName.INT, "INPUTS", "Width of an input row.", plan.inputs()))
        .addField(constant(TypeName.INT, "OUTPUTS", "Width of an output row.", plan.outputs()))
        .addField(constant(TypeName.INT, "PARAMETERS", "Number of trainable parameters.", plan.parameterCount()))
        .addField(FieldSpec.builder(String.class, "SUMMARY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$S", ArchitectureTable.table(plan))
            .build());
    if (plan.hasVectorLayers()) {
      type.addField(FieldSpec.builder(TypeName.BOOLEAN, "VECTOR", Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("Whether the layers planned as vector tiles run them: only when this JVM has\n")
          .addJavadoc("jdk.incubator.vector; otherwise they run their plain loops. Constant, so the JIT\n")
          .addJavadoc("drops the path not taken.\n")
          .initializer("$T.available()", RuntimeTypes.VECTOR_SUPPORT)
          .build());
    }
    if (plan.hasLaneLayers()) {
      type.addField(FieldSpec.builder(TypeName.INT, "LANE_WIDTH", Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("Samples per vector in the layers that keep the batch in lanes; 1 in plain loops.\n")
          .initializer("VECTOR ? $L.LANES : 1", LaneKernels.CLASS_NAME)
          .build());
    }
  }

  private static FieldSpec constant(TypeName type, String name, String doc, int value) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc + "\n")
        .initializer("$L", value)
        .build();
  }

  /** The activations of the layers in vector tiles; of those with dropout only, if {@code dropoutOnly}. */
  private Set<Activation> tiledActivations(boolean dropoutOnly) {
    Set<Activation> used = EnumSet.noneOf(Activation.class);
    for (LayerPlan layer : plan.layers()) {
      if (layer.shape() == CodeShape.VECTOR && (layer.hasDropout() || !dropoutOnly)) {
        used.add(layer.activation());
      }
    }
    return used;
  }

  private Set<Activation> laneActivations() {
    Set<Activation> used = EnumSet.noneOf(Activation.class);
    for (LayerEmitter layer : layers) {
      if (layer.lanes()) {
        used.addAll(layer.activationsUsed());
      }
    }
    return used;
  }

  private void addKernels(TypeSpec.Builder type) {
    Set<Activation> used = EnumSet.noneOf(Activation.class);
    boolean splits = SplitPhases.whyNot(layers) == null;
    for (LayerEmitter layer : layers) {
      type.addMethods(layer.kernels());
      if (splits && layer instanceof DenseLooped split) {
        type.addMethods(split.splitKernels());
      }
      used.addAll(layer.activationsUsed());
    }
    if (plan.hasLaneLayers()) {
      type.addMethods(new LaneKernels(num, self).plainMethods());
    }
    type.addMethods(new ActivationFunctions(num).methods(used));
    type.addMethods(loss.modelHelpers());
    if (loss.needsArgmax()) {
      type.addMethod(loss.argmax());
    }
  }
}
