package dev.unrolled.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unrolled.Backend;
import dev.unrolled.Loss;
import dev.unrolled.Precision;
import dev.unrolled.processor.plan.NetworkPlan;
import javax.lang.model.element.Modifier;

/** The public methods of {@code FooModel}: the {@code Model} contract and the fast entry points. */
final class ModelApi {
  private static final ClassName WORKSPACE = ClassName.get("", "Workspace");
  private static final ArrayTypeName DOUBLES = ArrayTypeName.of(TypeName.DOUBLE);

  private final NetworkPlan plan;
  private final Numeric num;
  private final LossEmitter loss;

  ModelApi(NetworkPlan plan, Numeric num, LossEmitter loss) {
    this.plan = plan;
    this.num = num;
    this.loss = loss;
  }

  void addTo(TypeSpec.Builder type) {
    type.addMethod(getter("inputSize", TypeName.INT, "INPUTS"))
        .addMethod(getter("outputSize", TypeName.INT, "OUTPUTS"))
        .addMethod(getter("parameterCount", TypeName.INT, "PARAMETERS"))
        .addMethod(getter("architecture", RuntimeTypes.ARCHITECTURE, "ARCHITECTURE"))
        .addMethod(override("loss").returns(Loss.class)
            .addStatement("return $T.$L", Loss.class, plan.loss().name()).build())
        .addMethod(override("precision").returns(Precision.class)
            .addStatement("return $T.$L", Precision.class, plan.precision().name()).build())
        .addMethod(summary())
        .addMethod(predict(DOUBLES, true))
        .addMethod(classify(DOUBLES, true));
    if (num.isFloat()) {
      type.addMethod(predict(num.vector(), false)).addMethod(classify(num.vector(), false));
    }
    type.addMethod(lossAndGradient()).addMethod(scratch());
    if (plan.hasVectorLayers()) {
      type.addMethod(override("backend").returns(Backend.class)
          .addStatement("return VECTOR ? $T.VECTOR : $T.PLAIN", Backend.class, Backend.class).build());
    }
  }

  /** The table; with vector tiles also which kernels this JVM runs, since that is decided at run time. */
  private MethodSpec summary() {
    MethodSpec.Builder method = override("summary").returns(String.class);
    if (!plan.hasVectorLayers()) {
      return method.addStatement("return SUMMARY").build();
    }
    return method
        .addStatement("return SUMMARY + (VECTOR\n? $S + $L.describe() + $S\n: $S + $T.unavailableReason() + $S)",
            plan.hasTiledLayers() ? "Kernels: Vector API tiles, " : "Kernels: Vector API lanes, ",
            plan.hasTiledLayers() ? VectorKernels.CLASS_NAME : LaneKernels.CLASS_NAME, "\n",
            "Kernels: plain loops (", RuntimeTypes.VECTOR_SUPPORT, ")\n")
        .build();
  }

  private static MethodSpec.Builder override(String name) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
  }

  private static MethodSpec getter(String name, TypeName type, String constant) {
    return override(name).returns(type).addStatement("return $L", constant).build();
  }

  /** Puts one input row into the scratch workspace and runs the forward pass. */
  private void forwardOne(MethodSpec.Builder method, boolean copies) {
    method.addStatement("$T.length(input, INPUTS, $S)", RuntimeTypes.CHECKS, "input")
        .addStatement("$T ws = scratch(1)", WORKSPACE);
    if (copies) {
      method.addStatement("$T[] row = ws.xRows[0]", num.scalar())
          .beginControlFlow("for (int i = 0; i < INPUTS; i++)")
          .addStatement("row[i] = (float) input[i]")
          .endControlFlow()
          .addStatement("ws.x[0] = row");
    } else {
      method.addStatement("ws.x[0] = input");
    }
    method.addStatement("ws.forward(this, 1)");
  }

  private MethodSpec predict(ArrayTypeName rowType, boolean contract) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("predict")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(rowType, "input")
        .addParameter(rowType, "output");
    if (contract) {
      method.addAnnotation(Override.class);
    } else {
      method.addJavadoc("{@link #predict(double[], double[])} in float, without copying the input.\n");
    }
    method.addStatement("$T.length(output, OUTPUTS, $S)", RuntimeTypes.CHECKS, "output");
    forwardOne(method, num.isFloat() && contract);
    return method.addStatement("outputs(ws.$L[0], output)", loss.lastRow()).build();
  }

  private MethodSpec classify(ArrayTypeName rowType, boolean contract) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("classify")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.INT)
        .addParameter(rowType, "input");
    if (contract) {
      method.addAnnotation(Override.class);
    } else {
      method.addJavadoc("The most probable class of {@code input}, in float, allocating nothing.\n");
    }
    forwardOne(method, num.isFloat() && contract);
    return method.addStatement("return classOf(ws.$L[0])", loss.lastRow()).build();
  }

  private MethodSpec lossAndGradient() {
    return override("lossAndGradient")
        .returns(TypeName.DOUBLE)
        .addParameter(ArrayTypeName.of(DOUBLES), "inputs")
        .addParameter(ArrayTypeName.of(DOUBLES), "targets")
        .addParameter(DOUBLES, "gradient")
        .addStatement("int m = $T.batch(inputs, INPUTS, targets, OUTPUTS)", RuntimeTypes.CHECKS)
        .addStatement("$T.length(gradient, PARAMETERS, $S)", RuntimeTypes.CHECKS, "gradient")
        .addStatement("$T ws = scratch(m)", WORKSPACE)
        .addStatement("ws.ensureTraining()")
        .addStatement("ws.loadInputs(inputs, m)")
        .addStatement("ws.loadTargets(targets, m)")
        .addStatement("ws.forward(this, m)")
        .addStatement("double mean = ws.loss(m, true)")
        .addStatement("ws.backward(this, m)")
        .addStatement("ws.gradientTo(gradient)")
        .addStatement("return mean")
        .build();
  }

  /** Each thread gets its own workspace, so predict and lossAndGradient may run concurrently. */
  private MethodSpec scratch() {
    return MethodSpec.methodBuilder("scratch")
        .addModifiers(Modifier.PRIVATE)
        .returns(WORKSPACE)
        .addParameter(TypeName.INT, "m")
        .addStatement("$T ws = scratch.get()", WORKSPACE)
        .beginControlFlow("if (ws == null)")
        .addStatement("ws = new $T(m)", WORKSPACE)
        .addStatement("scratch.set(ws)")
        .endControlFlow()
        .addStatement("ws.ensureCapacity(m)")
        .addStatement("return ws")
        .build();
  }
}
