package dev.unrolled.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unrolled.Activation;
import dev.unrolled.processor.plan.LayerPlan;
import dev.unrolled.processor.plan.NetworkPlan;
import javax.lang.model.element.Modifier;

/**
 * The model's nested {@code Workspace}: every buffer one batch needs (rows of inputs, targets,
 * pre-activations, activations, deltas; the gradients; transposed weight copies), sized for a batch
 * capacity and reallocated only when a larger batch arrives, plus the passes that run the kernels
 * over them. Trainers own one; the model keeps one for {@code predict} and {@code lossAndGradient}.
 */
final class WorkspaceWriter {
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
  private static final ClassName DATASET = ClassName.get("dev.unrolled", "Dataset");

  private final NetworkPlan plan;
  private final Numeric num;
  private final ClassName model;
  private final LossKernel loss;

  WorkspaceWriter(NetworkPlan plan, Numeric num, ClassName model, LossKernel loss) {
    this.plan = plan;
    this.num = num;
    this.model = model;
    this.loss = loss;
  }

  TypeSpec write() {
    TypeSpec.Builder type = TypeSpec.classBuilder("Workspace")
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Buffers for batches of up to {@code capacity} rows, and the passes over them.\n")
        .addJavadoc("Rows are arrays of their own so every kernel's inner loop runs over one contiguous row.\n");
    addFields(type);
    type.addMethod(MethodSpec.constructorBuilder()
        .addParameter(TypeName.INT, "capacity")
        .addStatement("allocate(capacity)")
        .build());
    type.addMethod(MethodSpec.methodBuilder("ensureCapacity")
        .addJavadoc("Grows the row buffers for batches of {@code m} rows; allocates only when m is a new maximum.\n")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("if (m > capacity)")
        .addStatement("allocate(m)")
        .endControlFlow()
        .build());
    addAllocate(type);
    addEnsureTraining(type);
    addLoaders(type);
    type.addMethod(forward());
    for (LayerPlan layer : plan.layers()) {
      type.addMethod(forwardLayer(layer));
    }
    type.addMethod(loss.lossMethod());
    type.addMethod(backward());
    for (LayerPlan layer : plan.layers()) {
      type.addMethod(backwardLayer(layer));
    }
    addGradientTo(type);
    type.addMethod(gradientRows());
    return type.build();
  }

  private void addFields(TypeSpec.Builder type) {
    ArrayTypeName rows = num.matrix();
    type.addField(TypeName.INT, "capacity")
        .addField(FieldSpec.builder(rows, "x").addJavadoc("Input rows of the batch: own buffers or the caller's rows.\n").build())
        .addField(rows, "xRows")
        .addField(FieldSpec.builder(rows, "y").addJavadoc("Target rows of the batch: own buffers or the caller's rows.\n").build())
        .addField(rows, "yRows");
    for (LayerPlan layer : plan.layers()) {
      int l = layer.number();
      type.addField(rows, Names.preActivations(l));
      if (layer.hasActivations()) {
        type.addField(rows, Names.activations(layer));
      }
      type.addField(rows, Names.deltas(l));
      if (layer.radial()) {
        type.addField(FieldSpec.builder(num.vector(), Names.widths(l), Modifier.FINAL)
            .addJavadoc("{@code β = exp(s)} of layer $L's units, taken once per forward pass.\n", l)
            .initializer("new $T[$L]", num.scalar(), layer.outputs())
            .build());
      }
    }
    for (LayerPlan layer : plan.layers()) {
      int l = layer.number();
      // Training buffers, as large as the weights: allocated by ensureTraining(), never for predict.
      type.addField(layer.isUnrolled() ? num.vector() : num.matrix(), Names.weightGradients(l));
      type.addField(num.vector(), Names.biasGradients(l));
      if (!layer.isUnrolled() && layer.propagates()) {
        type.addField(num.matrix(), Names.weightRows(l));
      }
    }
    type.addField(FieldSpec.builder(TypeName.INT, "correct")
        .addJavadoc("Correct classifications in the last batch passed to {@code loss}.\n")
        .build());
  }

  /** Gradient and transposed-weight buffers exist only in workspaces that train. */
  private void addEnsureTraining(TypeSpec.Builder type) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("ensureTraining")
        .addJavadoc("Allocates the buffers the backward pass needs, once; inference never does.\n")
        .beginControlFlow("if ($L != null)", Names.biasGradients(1))
        .addStatement("return")
        .endControlFlow();
    type.addMethods(LayerGroups.addPerLayer(method, "allocateTraining", null, false, plan.layers(),
        this::allocateTrainingLayer));
    type.addMethod(method.build());
  }

  private CodeBlock allocateTrainingLayer(LayerPlan layer) {
    int l = layer.number();
    CodeBlock.Builder code = CodeBlock.builder();
    if (layer.isUnrolled()) {
      code.addStatement("$L = new $T[$L]", Names.weightGradients(l), num.scalar(), layer.weightCount());
    } else {
      code.addStatement("$L = new $T[$L][$L]", Names.weightGradients(l), num.scalar(), layer.inputs(),
          layer.outputs());
    }
    code.addStatement("$L = new $T[$L]", Names.biasGradients(l), num.scalar(), layer.outputs());
    if (!layer.isUnrolled() && layer.propagates()) {
      code.addStatement("$L = new $T[$L][$L]", Names.weightRows(l), num.scalar(), layer.outputs(), layer.inputs());
    }
    return code.build();
  }

  private void addAllocate(TypeSpec.Builder type) {
    ParameterSpec n = ParameterSpec.builder(TypeName.INT, "n").build();
    MethodSpec.Builder method = MethodSpec.methodBuilder("allocate")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(n)
        .addStatement("capacity = n")
        .addStatement("x = new $T[n][]", num.scalar())
        .addStatement("xRows = new $T[n][$L]", num.scalar(), plan.inputs())
        .addStatement("y = new $T[n][]", num.scalar())
        .addStatement("yRows = new $T[n][$L]", num.scalar(), plan.outputs());
    type.addMethods(LayerGroups.addPerLayer(method, "allocate", n, false, plan.layers(), this::allocateLayer));
    type.addMethod(method.build());
  }

  private CodeBlock allocateLayer(LayerPlan layer) {
    int l = layer.number();
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("$L = new $T[n][$L]", Names.preActivations(l), num.scalar(), layer.outputs());
    if (layer.hasActivations()) {
      code.addStatement("$L = new $T[n][$L]", Names.activations(layer), num.scalar(), layer.outputs());
    }
    return code.addStatement("$L = new $T[n][$L]", Names.deltas(l), num.scalar(), layer.outputs()).build();
  }

  private void addLoaders(TypeSpec.Builder type) {
    type.addMethod(MethodSpec.methodBuilder("loadInputs")
        .addJavadoc("Uses the caller's input rows as they are: no copy.\n")
        .addParameter(num.matrix(), "rows")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T.arraycopy(rows, 0, x, 0, m)", System.class)
        .build());
    type.addMethod(MethodSpec.methodBuilder("loadTargets")
        .addJavadoc("Uses the caller's target rows as they are: no copy.\n")
        .addParameter(num.matrix(), "rows")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T.arraycopy(rows, 0, y, 0, m)", System.class)
        .build());
    if (num.isFloat()) {
      type.addMethod(copyingLoader("loadInputs", "x", "xRows", plan.inputs()));
      type.addMethod(copyingLoader("loadTargets", "y", "yRows", plan.outputs()));
    }
    MethodSpec.Builder labels = MethodSpec.methodBuilder("loadLabels")
        .addJavadoc(plan.outputs() == 1
            ? "Targets from 0/1 labels: the label itself is the single output's target.\n"
            : "Targets from class labels: one-hot rows.\n")
        .addParameter(ArrayTypeName.of(TypeName.INT), "labels")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] row = yRows[s]", num.scalar());
    if (plan.outputs() == 1) {
      labels.addStatement("row[0] = labels[s]");
    } else {
      labels.addStatement("$T.fill(row, $L)", ARRAYS, num.literal("0"))
          .addStatement("row[labels[s]] = $L", num.literal("1"));
    }
    type.addMethod(labels.addStatement("y[s] = row").endControlFlow().build());
    type.addMethod(shareRows());
    type.addMethod(MethodSpec.methodBuilder("loadRows")
        .addJavadoc("Copies rows {@code rows[from..from+m)} of {@code data} into the own buffers.\n")
        .addParameter(DATASET, "data")
        .addParameter(ArrayTypeName.of(TypeName.INT), "rows")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("int row = rows[from + s]")
        .addStatement("data.features(row, xRows[s])")
        .addStatement("data.targets(row, yRows[s])")
        .addStatement("x[s] = xRows[s]")
        .addStatement("y[s] = yRows[s]")
        .endControlFlow()
        .build());
  }

  /** For data-parallel trainers: a shard's rows are a run of the batch loaded in shard 0. */
  private MethodSpec shareRows() {
    ClassName workspace = model.nestedClass("Workspace");
    return MethodSpec.methodBuilder("shareRows")
        .addJavadoc("Uses rows {@code [from, from+m)} of the batch in {@code batch} as rows {@code [0, m)}: no copy.\n")
        .addParameter(workspace, "batch")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T.arraycopy(batch.x, from, x, 0, m)", System.class)
        .addStatement("$T.arraycopy(batch.y, from, y, 0, m)", System.class)
        .build();
  }

  private MethodSpec copyingLoader(String name, String refs, String buffers, int width) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("Copies double rows into the own float buffers.\n")
        .addParameter(ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE)), "rows")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] src = rows[s]", TypeName.DOUBLE)
        .addStatement("$T[] dst = $L[s]", num.scalar(), buffers)
        .beginControlFlow("for (int k = 0; k < $L; k++)", width)
        .addStatement("dst[k] = (float) src[k]")
        .endControlFlow()
        .addStatement("$L[s] = dst", refs)
        .endControlFlow()
        .build();
  }

  private MethodSpec forward() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("forward")
        .addJavadoc("Forward pass over rows [0, m) of {@code x}, layer by layer.\n")
        .addParameter(model, "model")
        .addParameter(TypeName.INT, "m");
    for (LayerPlan layer : plan.layers()) {
      method.addStatement("forward$L(model, m)", layer.number());
    }
    return method.build();
  }

  private String inputOf(LayerPlan layer) {
    return layer.number() == 1 ? "x" : Names.activations(plan.layers().get(layer.number() - 2));
  }

  private MethodSpec forwardLayer(LayerPlan layer) {
    if (layer.radial()) {
      return forwardRadial(layer);
    }
    int l = layer.number();
    String z = Names.preActivations(l);
    MethodSpec.Builder method = MethodSpec.methodBuilder("forward" + l)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Layer $L ($L, $L): {@code $L = W$L·$L + b$L}", l, layer.shape().label(),
            layer.activation(), z, l, inputOf(layer), l)
        .addParameter(model, "model")
        .addParameter(TypeName.INT, "m");
    if (layer.activation() != Activation.IDENTITY) {
      method.addJavadoc(", {@code $L = $L($L)}", Names.activations(layer),
          ActivationFunctions.functionName(layer.activation()), z);
    }
    method.addJavadoc(".\n");
    if (layer.isUnrolled()) {
      method.beginControlFlow("for (int s = 0; s < m; s++)");
      for (int k = 0; k < layer.forwardChunks().size(); k++) {
        method.addStatement("$L(model.$L, model.$L, $L[s], $L[s])", UnrolledKernels.forwardName(layer, k),
            Names.weights(l), Names.biases(l), inputOf(layer), z);
      }
      method.endControlFlow();
    } else if (layer.isVector()) {
      method.beginControlFlow("if (VECTOR)")
          .addStatement("$L.product($L, model.$L, model.$L, $L, m, $L, $L)", VectorKernels.CLASS_NAME,
              inputOf(layer), Names.weights(l), Names.biases(l), z, layer.inputs(), layer.outputs())
          .nextControlFlow("else")
          .addStatement("dense$L($L, model.$L, model.$L, $L, m)", l, inputOf(layer),
              Names.weights(l), Names.biases(l), z)
          .endControlFlow();
    } else {
      method.addStatement("dense$L($L, model.$L, model.$L, $L, m)", l, inputOf(layer),
          Names.weights(l), Names.biases(l), z);
    }
    if (layer.activation() != Activation.IDENTITY) {
      method.beginControlFlow("for (int s = 0; s < m; s++)")
          .addStatement("$T[] zs = $L[s], as = $L[s]", num.scalar(), z, Names.activations(layer))
          .beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
          .addStatement("as[j] = $L(zs[j])", ActivationFunctions.functionName(layer.activation()))
          .endControlFlow()
          .endControlFlow();
    }
    return method.build();
  }

  private MethodSpec forwardRadial(LayerPlan layer) {
    int l = layer.number();
    String z = Names.preActivations(l);
    String a = Names.activations(layer);
    String beta = Names.widths(l);
    MethodSpec.Builder method = MethodSpec.methodBuilder("forward" + l)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Layer $L (RBF, $L): widths {@code $L = exp(b$L)}, {@code $L[s][j] = $L[j]·‖x[s] − c_j‖²},\n",
            l, layer.shape().label(), beta, l, z, beta)
        .addJavadoc("{@code $L = exp(−$L)}.\n", a, z)
        .addParameter(model, "model")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
        .addStatement("$L[j] = $L", beta, num.narrow("$T.exp(model.$L[j])", Math.class, Names.biases(l)))
        .endControlFlow();
    if (layer.isUnrolled()) {
      method.beginControlFlow("for (int s = 0; s < m; s++)");
      for (int k = 0; k < layer.forwardChunks().size(); k++) {
        method.addStatement("$L(model.$L, $L, x[s], $L[s])", RadialKernels.forwardName(layer, k),
            Names.weights(l), beta, z);
      }
      method.endControlFlow();
    } else {
      method.addStatement("$L(x, model.$L, $L, $L, m)", RadialKernels.forwardName(layer), Names.weights(l), beta, z);
    }
    return method.beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] zs = $L[s], as = $L[s]", num.scalar(), z, a)
        .beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
        .addStatement("as[j] = $L", num.narrow("$T.exp(-zs[j])", Math.class))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec backward() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("backward")
        .addJavadoc("Backward pass over rows [0, m), from the output deltas written by {@code loss}\n")
        .addJavadoc("down to layer 1: fills every weight and bias gradient.\n")
        .addParameter(model, "model")
        .addParameter(TypeName.INT, "m");
    for (int k = plan.layers().size() - 1; k >= 0; k--) {
      method.addStatement("backward$L(model, m)", plan.layers().get(k).number());
    }
    return method.build();
  }

  private MethodSpec backwardLayer(LayerPlan layer) {
    if (layer.radial()) {
      return backwardRadial(layer);
    }
    int l = layer.number();
    String d = Names.deltas(l);
    MethodSpec.Builder method = MethodSpec.methodBuilder("backward" + l)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Layer $L: gradients {@code gw$L = d$Lᵀ·$L}, {@code gb$L = Σ d$L}", l, l, l,
            inputOf(layer), l, l)
        .addParameter(model, "model")
        .addParameter(TypeName.INT, "m");
    if (layer.propagates()) {
      method.addJavadoc("; then {@code d$L = (d$L·W$L) ⊙ f'(z$L)}", l - 1, l, l, l - 1);
    }
    method.addJavadoc(".\n");
    String gw = Names.weightGradients(l);
    String gb = Names.biasGradients(l);
    if (layer.isUnrolled()) {
      for (int k = 0; k < layer.gradientChunks().size(); k++) {
        method.addStatement("$L($L, $L, m, $L, $L)", UnrolledKernels.gradientName(layer, k),
            inputOf(layer), d, gw, gb);
      }
      if (layer.propagates()) {
        method.beginControlFlow("for (int s = 0; s < m; s++)");
        for (int k = 0; k < layer.propagateChunks().size(); k++) {
          method.addStatement("$L(model.$L, $L[s], $L[s])", UnrolledKernels.propagateName(layer, k),
              Names.weights(l), d, Names.deltas(l - 1));
        }
        method.endControlFlow();
      }
    } else if (layer.isVector()) {
      method.beginControlFlow("if (VECTOR)")
          .addStatement("$L.outer($L, $L, $L, $L, m, $L, $L)", VectorKernels.CLASS_NAME, inputOf(layer), d, gw, gb,
              layer.inputs(), layer.outputs());
      if (layer.propagates()) {
        method.addStatement("transpose$L(model.$L, $L)", l, Names.weights(l), Names.weightRows(l))
            .addStatement("$L.product($L, $L, null, $L, m, $L, $L)", VectorKernels.CLASS_NAME, d,
                Names.weightRows(l), Names.deltas(l - 1), layer.outputs(), layer.inputs());
      }
      method.nextControlFlow("else")
          .addStatement("gradient$L($L, $L, $L, $L, m)", l, inputOf(layer), d, gw, gb);
      if (layer.propagates()) {
        method.addStatement("transpose$L(model.$L, $L)", l, Names.weights(l), Names.weightRows(l))
            .addStatement("propagate$L($L, $L, $L, m)", l, Names.weightRows(l), d, Names.deltas(l - 1));
      }
      method.endControlFlow();
    } else {
      method.addStatement("gradient$L($L, $L, $L, $L, m)", l, inputOf(layer), d, gw, gb);
      if (layer.propagates()) {
        method.addStatement("transpose$L(model.$L, $L)", l, Names.weights(l), Names.weightRows(l))
            .addStatement("propagate$L($L, $L, $L, m)", l, Names.weightRows(l), d, Names.deltas(l - 1));
      }
    }
    if (layer.propagates()) {
      LayerPlan previous = plan.layers().get(l - 2);
      if (previous.radial()) {
        method.addComment("Through the RBF units: a = exp(−z), so ∂a/∂z = −a.")
            .beginControlFlow("for (int s = 0; s < m; s++)")
            .addStatement("$T[] ps = $L[s], as = $L[s]", num.scalar(), Names.deltas(l - 1), Names.activations(previous))
            .beginControlFlow("for (int i = 0; i < $L; i++)", previous.outputs())
            .addStatement("ps[i] *= -as[i]")
            .endControlFlow()
            .endControlFlow();
      } else if (previous.activation() != Activation.IDENTITY) {
        method.beginControlFlow("for (int s = 0; s < m; s++)")
            .addStatement("$T[] ps = $L[s], zs = $L[s], as = $L[s]", num.scalar(), Names.deltas(l - 1),
                Names.preActivations(l - 1), Names.activations(previous))
            .beginControlFlow("for (int i = 0; i < $L; i++)", previous.outputs())
            .addStatement("ps[i] *= $L(zs[i], as[i])", ActivationFunctions.derivativeName(previous.activation()))
            .endControlFlow()
            .endControlFlow();
      }
    }
    return method.build();
  }

  private MethodSpec backwardRadial(LayerPlan layer) {
    int l = layer.number();
    String d = Names.deltas(l);
    String z = Names.preActivations(l);
    String beta = Names.widths(l);
    String gc = Names.weightGradients(l);
    String gs = Names.biasGradients(l);
    MethodSpec.Builder method = MethodSpec.methodBuilder("backward" + l)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Layer $L (RBF): centre gradients {@code $L = −2$L ⊙ Σₛ $L[s]·(x[s] − c)}, width gradients\n",
            l, gc, beta, d)
        .addJavadoc("{@code $L = Σₛ $L[s] ⊙ $L[s]} (as {@code ∂z/∂s = β·‖x − c‖² = z}).\n", gs, d, z)
        .addParameter(model, "model")
        .addParameter(TypeName.INT, "m");
    if (layer.isUnrolled()) {
      for (int k = 0; k < layer.gradientChunks().size(); k++) {
        method.addStatement("$L(x, $L, $L, m, model.$L, $L, $L, $L)", RadialKernels.gradientName(layer, k),
            d, z, Names.weights(l), beta, gc, gs);
      }
    } else {
      method.addStatement("$L(x, $L, $L, m, model.$L, $L, $L, $L)", RadialKernels.gradientName(layer),
          d, z, Names.weights(l), beta, gc, gs);
    }
    return method.build();
  }

  private void addGradientTo(TypeSpec.Builder type) {
    ParameterSpec g = ParameterSpec.builder(ArrayTypeName.of(TypeName.DOUBLE), "g").build();
    MethodSpec.Builder method = MethodSpec.methodBuilder("gradientTo")
        .addJavadoc("Writes the gradients in the flat parameter layout.\n")
        .addParameter(g);
    type.addMethods(LayerGroups.addPerLayer(method, "gradientTo", g, false, plan.layers(),
        layer -> ParameterCode.exportLayer(layer, "g", Names.weightGradients(layer.number()),
            Names.biasGradients(layer.number()))));
    type.addMethod(method.build());
  }

  private MethodSpec gradientRows() {
    return MethodSpec.methodBuilder("gradientRows")
        .addJavadoc("The gradient rows, in the same order as {@code parameterRows()} of the model.\n")
        .returns(num.matrix())
        .addCode(ParameterCode.rows(plan, num, Names::weightGradients, Names::biasGradients))
        .build();
  }
}
