package dev.unrolled.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Precision;
import dev.unrolled.processor.model.MethodSignature;
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
  static final ClassName MODEL = ClassName.get("dev.unrolled", "Model");
  static final ClassName ARCHITECTURE = ClassName.get("dev.unrolled", "Architecture");
  static final ClassName CHECKS = ClassName.get("dev.unrolled.support", "Checks");
  static final ClassName VECTOR_SUPPORT = ClassName.get("dev.unrolled.support", "VectorSupport");
  private static final String PROCESSOR = "dev.unrolled.processor.UnrolledProcessor";

  private final NetworkPlan plan;
  private final Numeric num;
  private final ClassName self;
  private final LossKernel loss;

  public ModelWriter(NetworkPlan plan) {
    this.plan = plan;
    this.num = Numeric.of(plan.precision());
    this.self = ClassName.get(plan.packageName(), plan.modelName());
    this.loss = new LossKernel(plan, num);
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
    type.addSuperinterface(MODEL);
    addConstants(type);
    addParameterFields(type);
    type.addField(FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), ClassName.get("", "Workspace")),
            "scratch", Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("Buffers for predict and lossAndGradient, one set per calling thread, created on first use.\n")
        .initializer("new $T<>()", ThreadLocal.class)
        .build());
    addConstructor(type);
    new ModelApi(plan, num, loss).addTo(type);
    addParameterMethods(type);
    addKernels(type);
    type.addType(new WorkspaceWriter(plan, num, self, loss).write());
    if (plan.hasVectorLayers()) {
      type.addType(new VectorKernels(num).type());
    }
    return JavaFile.builder(plan.packageName(), type.build())
        .build();
  }

  /**
   * Seeded initialisation straight into the storage, in the flat draw order: the same values as
   * drawing a flat array and calling setParameters, at half the work while a fresh JVM still
   * interprets. Deep networks initialise through per-group helpers, keeping the constructor small.
   */
  private void addConstructor(TypeSpec.Builder type) {
    ClassName weightInit = ParameterCode.WEIGHT_INIT;
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A model with parameters drawn from {@code seed}: the same seed gives the same\n")
        .addJavadoc("parameters on every JDK.\n")
        .addParameter(TypeName.LONG, "seed")
        .addStatement("$T init = new $T(seed)", weightInit, weightInit);
    type.addMethods(LayerGroups.addPerLayer(constructor, "initialise",
        ParameterSpec.builder(weightInit, "init").build(), false, plan.layers(),
        layer -> ParameterCode.initialiseLayer(layer, num)));
    type.addMethod(constructor.addCode("// Biases start at zero.\n").build());
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
        + "</pre>\n\n"
        + "<p>Parameters follow the flat layout of {@link dev.unrolled.Model} in\n"
        + "{@code getParameters}/{@code setParameters}; inside, unrolled layers keep {@code W[out][in]}\n"
        + "in one array and looped layers keep transposed rows {@code w[i][j]}, so their inner loops\n"
        + "run contiguously." + (plan.rbf() == null ? "" : " The RBF layer keeps its centres {@code C[j][i]}\n"
            + "the same way, and its log-widths {@code s} where a dense layer keeps biases.") + "\n\n"
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
            .build())
        .addField(FieldSpec.builder(ARCHITECTURE, "ARCHITECTURE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The declared architecture, as stored in model files.\n")
            .initializer(architecture())
            .build());
    if (plan.hasVectorLayers()) {
      type.addField(FieldSpec.builder(TypeName.BOOLEAN, "VECTOR", Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("Whether the layers planned as vector tiles run them: only when this JVM has\n")
          .addJavadoc("jdk.incubator.vector; otherwise they run their plain loops. Constant, so the JIT\n")
          .addJavadoc("drops the path not taken.\n")
          .initializer("$T.available()", VECTOR_SUPPORT)
          .build());
    }
  }

  /**
   * {@code Architecture.of(inputs, loss, precision, new Architecture.Layer(units, activation), ...)}, or
   * {@code Architecture.withRbf(inputs, rbfUnits, loss, precision, ...)}.
   */
  private CodeBlock architecture() {
    CodeBlock.Builder code = CodeBlock.builder();
    if (plan.rbf() == null) {
      code.add("$T.of(INPUTS, ", ARCHITECTURE);
    } else {
      code.add("$T.withRbf(INPUTS, $L, ", ARCHITECTURE, plan.rbf().outputs());
    }
    code.add("$T.$L, $T.$L", Loss.class, plan.loss().name(), Precision.class, plan.precision().name());
    for (LayerPlan layer : plan.denseLayers()) {
      // "$T.Layer" rather than a nested ClassName, which JavaPoet imports even when told to qualify.
      code.add(",\n    new $T.Layer($L, $T.$L)", ARCHITECTURE, layer.outputs(),
          Activation.class, layer.activation().name());
    }
    return code.add(")").build();
  }

  private static FieldSpec constant(TypeName type, String name, String doc, int value) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc + "\n")
        .initializer("$L", value)
        .build();
  }

  private void addParameterFields(TypeSpec.Builder type) {
    for (LayerPlan layer : plan.layers()) {
      int l = layer.number();
      if (layer.radial()) {
        addRadialFields(type, layer);
        continue;
      }
      FieldSpec.Builder weights = layer.isUnrolled()
          ? FieldSpec.builder(num.vector(), Names.weights(l), Modifier.FINAL)
              .addJavadoc("Layer $L weights {@code W[j][i]} at {@code j*$L + i} ($L → $L, unrolled).\n",
                  l, layer.inputs(), layer.inputs(), layer.outputs())
              .initializer("new $T[$L]", num.scalar(), layer.weightCount())
          : FieldSpec.builder(num.matrix(), Names.weights(l), Modifier.FINAL)
              .addJavadoc("Layer $L weights, transposed: {@code w$L[i][j] = W[j][i]} ($L → $L, $L).\n",
                  l, l, layer.inputs(), layer.outputs(), layer.shape().label())
              .initializer("new $T[$L][$L]", num.scalar(), layer.inputs(), layer.outputs());
      type.addField(weights.build());
      type.addField(FieldSpec.builder(num.vector(), Names.biases(l), Modifier.FINAL)
          .addJavadoc("Layer $L biases.\n", l)
          .initializer("new $T[$L]", num.scalar(), layer.outputs())
          .build());
    }
  }

  /** The RBF layer keeps its centres where a dense layer keeps weights, its log-widths where biases. */
  private void addRadialFields(TypeSpec.Builder type, LayerPlan layer) {
    int l = layer.number();
    FieldSpec.Builder centres = layer.isUnrolled()
        ? FieldSpec.builder(num.vector(), Names.weights(l), Modifier.FINAL)
            .addJavadoc("Layer $L (RBF) centres {@code C[j][i]} at {@code j*$L + i} ($L units of $L inputs, unrolled).\n",
                l, layer.inputs(), layer.outputs(), layer.inputs())
            .initializer("new $T[$L]", num.scalar(), layer.weightCount())
        : FieldSpec.builder(num.matrix(), Names.weights(l), Modifier.FINAL)
            .addJavadoc("Layer $L (RBF) centres, transposed: {@code w$L[i][j] = C[j][i]} ($L units of $L inputs, $L).\n",
                l, l, layer.outputs(), layer.inputs(), layer.shape().label())
            .initializer("new $T[$L][$L]", num.scalar(), layer.inputs(), layer.outputs());
    type.addField(centres.build());
    type.addField(FieldSpec.builder(num.vector(), Names.biases(l), Modifier.FINAL)
        .addJavadoc("Layer $L (RBF) log-widths {@code s}: unit j has {@code β = exp(s[j])}.\n", l)
        .initializer("new $T[$L]", num.scalar(), layer.outputs())
        .build());
  }

  private void addParameterMethods(TypeSpec.Builder type) {
    ParameterSpec dst = ParameterSpec.builder(ArrayTypeName.of(TypeName.DOUBLE), "dst").build();
    ParameterSpec src = ParameterSpec.builder(ArrayTypeName.of(TypeName.DOUBLE), "src").build();
    MethodSpec.Builder get = MethodSpec.methodBuilder("getParameters")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(dst)
        .addStatement("$T.length(dst, PARAMETERS, $S)", CHECKS, "dst");
    MethodSpec.Builder set = MethodSpec.methodBuilder("setParameters")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(src)
        .addStatement("$T.length(src, PARAMETERS, $S)", CHECKS, "src");
    type.addMethods(LayerGroups.addPerLayer(get, "getParameters", dst, false, plan.layers(),
        layer -> ParameterCode.exportLayer(layer, "dst", Names.weights(layer.number()), Names.biases(layer.number()))));
    type.addMethods(LayerGroups.addPerLayer(set, "setParameters", src, false, plan.layers(),
        layer -> ParameterCode.importLayer(layer, num, "src", Names.weights(layer.number()),
            Names.biases(layer.number()))));
    type.addMethod(get.build()).addMethod(set.build());
    type.addMethod(MethodSpec.methodBuilder("parameterRows")
        .addJavadoc("The parameter storage as rows for an optimizer to update in place.\n")
        .returns(num.matrix())
        .addCode(ParameterCode.rows(plan, num, Names::weights, Names::biases))
        .build());
    type.addMethod(MethodSpec.methodBuilder("decayedRows")
        .addModifiers(Modifier.STATIC)
        .addJavadoc("Which of {@code parameterRows()} hold weights (subject to weight decay).\n")
        .returns(ArrayTypeName.of(TypeName.BOOLEAN))
        .addCode(ParameterCode.decayedRows(plan))
        .build());
  }

  private void addKernels(TypeSpec.Builder type) {
    UnrolledKernels unrolled = new UnrolledKernels(num);
    LoopedKernels looped = new LoopedKernels(num);
    RadialKernels radial = new RadialKernels(num);
    Set<Activation> used = EnumSet.noneOf(Activation.class);
    for (LayerPlan layer : plan.layers()) {
      if (layer.radial()) {
        type.addMethods(radial.methods(layer));
        continue;
      }
      type.addMethods(layer.isUnrolled() ? unrolled.methods(layer) : looped.methods(layer));
      used.add(layer.activation());
    }
    type.addMethods(new ActivationFunctions(num).methods(used));
    type.addMethods(loss.modelHelpers());
    if (loss.needsArgmax()) {
      type.addMethod(loss.argmax());
    }
  }
}
