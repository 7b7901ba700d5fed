package dev.unrolled.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unrolled.Backend;
import dev.unrolled.Loss;
import dev.unrolled.Precision;
import dev.unrolled.Norm;
import dev.unrolled.processor.plan.LayerPlan;
import dev.unrolled.processor.plan.NetworkPlan;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The public methods of {@code FooModel}: the {@code Model} contract and the fast entry points. */
final class ModelApi {
  private static final ClassName WORKSPACE = ClassName.get("", "Workspace");
  private static final ArrayTypeName DOUBLES = ArrayTypeName.of(TypeName.DOUBLE);
  /** A multiple of every lane width (8 or 16 floats, 4 or 8 doubles), so lane blocks have no padding. */
  private static final int PREDICTION_BLOCK = 64;

  private final NetworkPlan plan;
  private final Numeric num;
  private final LossEmitter loss;

  private final List<LayerEmitter> layers;

  ModelApi(NetworkPlan plan, Numeric num, LossEmitter loss, List<LayerEmitter> layers) {
    this.plan = plan;
    this.num = num;
    this.loss = loss;
    this.layers = layers;
  }

  void addTo(TypeSpec.Builder type) {
    type.addMethod(getter("inputSize", TypeName.INT, "INPUTS"))
        .addMethod(getter("outputSize", TypeName.INT, "OUTPUTS"))
        .addMethod(getter("parameterCount", TypeName.INT, "PARAMETERS"))
        .addMethod(override("architecture").returns(RuntimeTypes.ARCHITECTURE)
            .addStatement("return $T.ARCHITECTURE", ArchitectureWriter.name(plan)).build())
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
    type.addField(FieldSpec.builder(TypeName.INT, "PREDICTION_BLOCK", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("Rows per forward pass of a batch {@code predict} or {@code classify}: enough for the\n")
        .addJavadoc("batched kernels to reuse each weight across rows, few enough that a thread's buffers\n")
        .addJavadoc("stay small whatever the batch.\n")
        .initializer("$L", PREDICTION_BLOCK)
        .build())
        .addMethod(predictBatch(ArrayTypeName.of(DOUBLES), true))
        .addMethod(classifyBatch(ArrayTypeName.of(DOUBLES), true));
    if (num.isFloat()) {
      type.addMethod(predictBatch(num.matrix(), false)).addMethod(classifyBatch(num.matrix(), false));
    }
    type.addMethod(lossAndGradient(false));
    if (num.isFloat()) {
      type.addMethod(lossAndGradient(true));
    }
    type.addMethod(scratch());
    if (plan.hasBatchNorm()) {
      addRunningEstimates(type, layers);
    }
    if (plan.hasVectorLayers()) {
      type.addMethod(override("backend").returns(Backend.class)
          .addStatement("return VECTOR ? $T.VECTOR : $T.PLAIN", Backend.class, Backend.class).build());
    }
  }

  /**
   * The table; with vector tiles also which kernels this JVM runs, since that is decided at run
   * time; with batch normalisation the running estimates as they are now.
   */
  private MethodSpec summary() {
    MethodSpec.Builder method = override("summary").returns(String.class);
    CodeBlock.Builder text = CodeBlock.builder().add("SUMMARY");
    if (plan.hasVectorLayers()) {
      text.add(" + (VECTOR\n? $S + $L.describe() + $S\n: $S + $T.unavailableReason() + $S)",
          plan.hasTiledLayers() ? "Kernels: Vector API tiles, " : "Kernels: Vector API lanes, ",
          plan.hasTiledLayers() ? VectorKernels.CLASS_NAME : LaneKernels.CLASS_NAME, "\n",
          "Kernels: plain loops (", RuntimeTypes.VECTOR_SUPPORT, ")\n");
    }
    if (plan.hasBatchNorm()) {
      text.add("\n+ $T.describe(running, $T.ARCHITECTURE)", RuntimeTypes.RUNNING_ESTIMATES,
          ArchitectureWriter.name(plan));
    }
    return method.addStatement("return $L", text.build()).build();
  }

  private List<LayerPlan> batchLayers() {
    return plan.layers().stream().filter(layer -> layer.norm() == Norm.BATCH).toList();
  }

  /**
   * The running estimates of the BATCH layers, in layer order, means then variances: the model's
   * {@code running} rows, which {@code runningRows()} (in groups of layers, like the parameter rows)
   * collects once in the constructor, and the contract's methods over them.
   */
  private void addRunningEstimates(TypeSpec.Builder type, List<LayerEmitter> emitters) {
    List<LayerPlan> layers = batchLayers();
    int count = layers.stream().mapToInt(layer -> 2 * layer.outputs()).sum();
    type.addField(FieldSpec.builder(TypeName.INT, "RUNNING_ESTIMATES", Modifier.PUBLIC, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("Running means and variances of the BATCH layers, kept for prediction.\n")
        .initializer("$L", count)
        .build());
    type.addField(FieldSpec.builder(num.matrix(), "running", Modifier.FINAL)
        .addJavadoc("The running means and variances of each BATCH layer, in layer order.\n")
        .build());
    int rows = emitters.stream().mapToInt(LayerEmitter::runningRowCount).sum();
    ParameterSpec array = ParameterSpec.builder(num.matrix(), "rows").build();
    MethodSpec.Builder collect = MethodSpec.methodBuilder("runningRows")
        .addModifiers(Modifier.PRIVATE)
        .returns(num.matrix())
        .addStatement("$T[][] rows = new $T[$L][]", num.scalar(), num.scalar(), rows);
    type.addMethods(LayerGroups.addPerLayer(collect, "runningRows", array, plan.layersPerMethod(), emitters,
        layer -> layer.runningRows("rows", false)));
    type.addMethod(collect.addStatement("return rows").build());
    type.addMethod(override("runningEstimateCount").returns(TypeName.INT)
        .addStatement("return RUNNING_ESTIMATES").build());
    type.addMethod(override("getRunningEstimates")
        .addParameter(DOUBLES, "dst")
        .addStatement("$T.length(dst, RUNNING_ESTIMATES, $S)", RuntimeTypes.CHECKS, "dst")
        .addStatement("$T.export(running, dst)", RuntimeTypes.RUNNING_ESTIMATES)
        .build());
    type.addMethod(override("setRunningEstimates")
        .addParameter(DOUBLES, "src")
        .addJavadoc("Replaces the running estimates, after checking every one: finite, variances ≥ 0.\n")
        .addStatement("$T.length(src, RUNNING_ESTIMATES, $S)", RuntimeTypes.CHECKS, "src")
        .addStatement("$T.importFrom(src, running, $T.ARCHITECTURE)", RuntimeTypes.RUNNING_ESTIMATES,
            ArchitectureWriter.name(plan))
        .build());
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
    if (plan.hasDropout() || plan.hasBatchNorm()) {
      method.addStatement("ws.prepare(false, 0, 0, 0)"); // inference: no dropout, running estimates
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

  /**
   * Runs the rows through the scratch workspace in blocks of {@code PREDICTION_BLOCK}, prepared for
   * inference as one row is, and hands each block's last rows to {@code perRow} (which reads
   * {@code last}, the block row, and {@code from + s}, the batch row).
   */
  private void forwardBlocks(MethodSpec.Builder method, CodeBlock perRow) {
    method.beginControlFlow("if (n == 0)")
        .addStatement("return")
        .endControlFlow()
        .addStatement("$T ws = scratch($T.min(n, PREDICTION_BLOCK))", WORKSPACE, Math.class);
    if (plan.hasDropout() || plan.hasBatchNorm()) {
      method.addStatement("ws.prepare(false, 0, 0, 0)"); // inference: no dropout, running estimates
    }
    method.beginControlFlow("for (int from = 0; from < n; from += PREDICTION_BLOCK)")
        .addStatement("int m = $T.min(PREDICTION_BLOCK, n - from)", Math.class)
        .addStatement("ws.loadInputs(inputs, from, m)")
        .addStatement("ws.forward(this, m)")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] last = ws.$L[s]", num.scalar(), loss.lastRow())
        .addStatement(perRow)
        .endControlFlow()
        .endControlFlow();
  }

  private MethodSpec predictBatch(ArrayTypeName rowsType, boolean contract) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("predict")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(rowsType, "inputs")
        .addParameter(rowsType, "outputs");
    if (contract) {
      method.addAnnotation(Override.class)
          .addJavadoc("Blocks of rows through the batched forward pass; each row's result equals\n")
          .addJavadoc("{@link #predict(double[], double[])}'s bit for bit, since its sums run in the same order.\n");
      if (plan.hasVectorLayers()) {
        method.addJavadoc("(Vector API exponentials, like {@code predict}'s own, may change their last bits\n")
            .addJavadoc("when the JIT compiles them.)\n");
      }
    } else {
      method.addJavadoc("{@link #predict(double[][], double[][])} in float, without copying the input rows.\n");
    }
    method.addStatement("int n = $T.predictions(inputs, INPUTS, outputs, OUTPUTS)", RuntimeTypes.CHECKS);
    forwardBlocks(method, CodeBlock.of("outputs(last, outputs[from + s])"));
    return method.build();
  }

  private MethodSpec classifyBatch(ArrayTypeName rowsType, boolean contract) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("classify")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(rowsType, "inputs")
        .addParameter(ArrayTypeName.of(TypeName.INT), "classes");
    if (contract) {
      method.addAnnotation(Override.class)
          .addJavadoc("{@link #classify(double[])} of every row, through blocks like the batch {@code predict}.\n");
    } else {
      method.addJavadoc("{@link #classify(double[][], int[])} in float, without copying the input rows.\n");
    }
    method.addStatement("int n = $T.classifications(inputs, INPUTS, classes)", RuntimeTypes.CHECKS);
    forwardBlocks(method, CodeBlock.of("classes[from + s] = classOf(last)"));
    return method.build();
  }

  /**
   * {@code lossAndGradient} on double rows, or for a FLOAT model on float rows ({@code floatRows}),
   * which it reads without a copy or a range check.
   */
  private MethodSpec lossAndGradient(boolean floatRows) {
    TypeName rows = floatRows ? num.matrix() : ArrayTypeName.of(DOUBLES);
    MethodSpec.Builder method = override("lossAndGradient")
        .returns(TypeName.DOUBLE)
        .addParameter(rows, "inputs")
        .addParameter(rows, "targets")
        .addParameter(DOUBLES, "gradient")
        .addStatement("int m = $T.$L(inputs, INPUTS, targets, OUTPUTS)", RuntimeTypes.CHECKS,
            num.isFloat() && !floatRows ? "floatBatch" : "batch")
        .addStatement("$T.length(gradient, PARAMETERS, $S)", RuntimeTypes.CHECKS, "gradient");
    if (plan.hasBatchNorm()) {
      int first = batchLayers().get(0).number();
      method.beginControlFlow("if (m < 2)")
          .addStatement("throw new $T($S)", IllegalArgumentException.class, "a batch of one row has no batch statistics,"
              + " and layer " + first + " normalises over the batch (norm = BATCH): give at least 2 rows")
          .endControlFlow();
    }
    method.addStatement("$T ws = scratch(m)", WORKSPACE);
    if (plan.hasDropout() || plan.hasBatchNorm()) {
      method.addStatement("ws.evaluating()");
    }
    return method
        .addStatement("ws.ensureTraining(false)")
        .addStatement("ws.loadInputs(inputs, 0, m)")
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
