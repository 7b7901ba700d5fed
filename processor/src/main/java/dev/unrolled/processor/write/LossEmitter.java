package dev.unrolled.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.processor.plan.LayerPlan;
import dev.unrolled.processor.plan.NetworkPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The loss, its fused gradient on the output layer, and what {@code predict} returns. Losses are
 * accumulated in double and computed from logits: log-sum-exp for softmax, {@code softplus(z) − y·z}
 * for the sigmoid, so logits of ±800 stay finite and exact; the softmax's log-sum-exp takes one
 * {@code Math.log} a batch ({@link LogSumProduct}). Where the planner says so, a small
 * softmax output keeps its exponentials in locals: half the {@code Math.exp} calls and no inner
 * loops, which made the 4-16-3 loss about twice as fast. A FLOAT model's cross-entropy takes its
 * exponentials and deltas in float ({@code FastMath}), like the lane losses: the double
 * {@code Math.exp} and its conversions were about a fifth of the 4-16-3 plain step's loss.
 */
final class LossEmitter {
  private static final ClassName MATH = ClassName.get(Math.class);
  private final NetworkPlan plan;
  private final Numeric num;
  private final LayerPlan output;
  private final int outputs;
  /** The name of {@link #lossRowsMethod()}. */
  static final String ROWS = "lossRows";

  LossEmitter(NetworkPlan plan, Numeric num) {
    this.plan = plan;
    this.num = num;
    this.output = plan.output();
    this.outputs = output.outputs();
  }

  /** The row {@code predict} and accuracy read: logits for cross-entropy, activations for MSE. */
  String lastRow() {
    return plan.loss().isCrossEntropy() ? Names.preActivations(output.number()) : Names.activations(output);
  }

  /** The workspace buffers the loss needs: a looped softmax's exponentials ({@link #softmaxLooped}). */
  List<FieldSpec> workspaceFields() {
    if (plan.loss() != Loss.SOFTMAX_CROSS_ENTROPY || plan.unrolledSoftmax()) {
      return List.of();
    }
    return List.of(FieldSpec.builder(num.vector(), "exps", Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("One sample's softmax exponentials, computed once for both the loss and the deltas.\n")
        .initializer("new $T[$L]", num.scalar(), outputs)
        .build());
  }

  /**
   * {@code double loss(int m, boolean withDelta)} of the workspace: the lane loss where the output
   * layer is in lanes, otherwise {@link #lossRowsMethod} over the whole batch.
   */
  MethodSpec lossMethod() {
    String z = Names.preActivations(output.number());
    String d = Names.deltas(output.number());
    MethodSpec.Builder method = WorkspaceWriter.overriding("loss")
        .returns(TypeName.DOUBLE)
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.BOOLEAN, "withDelta");
    if (plan.laneLoss()) {
      addLaneLoss(method, z, d);
    }
    return method.addJavadoc("The mean loss over rows [0, m), and with {@code withDelta} their deltas: {@code $L(0, m, m, withDelta)}.\n",
            ROWS)
        .addStatement("return $L(0, m, m, withDelta)", ROWS)
        .build();
  }

  /**
   * {@code double lossRows(int from, int to, int m, boolean withDelta)}: the loss of rows
   * {@code [from, to)} of a batch of {@code m}, each divided by {@code m}, so that the shares of
   * the parts of a split step add up to the batch's mean; the deltas of those rows.
   */
  MethodSpec lossRowsMethod() {
    String z = Names.preActivations(output.number());
    String d = Names.deltas(output.number());
    MethodSpec.Builder method = MethodSpec.methodBuilder(ROWS)
        .addModifiers(Modifier.PRIVATE)
        .returns(TypeName.DOUBLE)
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.BOOLEAN, "withDelta");
    boolean softmax = plan.loss() == Loss.SOFTMAX_CROSS_ENTROPY;
    method.addStatement("double total = 0.0")
        .addStatement("int hits = 0")
        .addStatement("double scale = 1.0 / m");
    if (plan.loss().isCrossEntropy() && num.isFloat()) {
      method.addStatement("float deltaScale = 1f / m");
    }
    method.addCode(softmax ? LogSumProduct.declare() : CodeBlock.of(""))
        .beginControlFlow("for (int s = from; s < to; s++)")
        .addStatement(rowLocals(z, d))
        .beginControlFlow("if (classOf($L) == targetClass(t))", plan.loss().isCrossEntropy() ? "z" : "a")
        .addStatement("hits++")
        .endControlFlow();
    switch (plan.loss()) {
      case SOFTMAX_CROSS_ENTROPY -> softmaxCrossEntropy(method);
      case SIGMOID_CROSS_ENTROPY -> sigmoidCrossEntropy(method);
      case MEAN_SQUARED_ERROR -> squaredError(method);
    }
    return method.endControlFlow()
        .addCode(softmax ? LogSumProduct.finish() : CodeBlock.of(""))
        .addJavadoc("Returns the loss of rows [from, to) over m; counts their correct classifications in {@code correct}.\n")
        .addStatement("correct = hits")
        .addStatement("return total * scale")
        .build();
  }

  /**
   * The sample's rows, each declared only where the loss reads it: the pre-activations {@code z}
   * (logits for cross-entropy; for the squared error only through a non-identity slope), the
   * activations {@code a} (squared error), the targets {@code t} and the deltas {@code d}.
   */
  private CodeBlock rowLocals(String z, String d) {
    boolean squaredError = !plan.loss().isCrossEntropy();
    CodeBlock.Builder rows = CodeBlock.builder().add("$T[] ", num.scalar());
    if (!squaredError || output.activation() != Activation.IDENTITY) {
      rows.add("z = $L[s], ", z);
    }
    if (squaredError) {
      rows.add("a = $L[s], ", Names.activations(output));
    }
    return rows.add("t = y[s], d = $L[s]", d).build();
  }

  /**
   * With the vector kernels, a cross-entropy on a lane output layer runs lane by lane, in the
   * model's precision, and writes the deltas straight into the layer's lanes; the class decisions
   * too.
   */
  private void addLaneLoss(MethodSpec.Builder method, String z, String d) {
    method.beginControlFlow("if (VECTOR)")
        .addStatement("int mp = lanes(m)")
        .addStatement("toLanes(y, yLanes, $L, stride, m, mp)", outputs)
        .addStatement("correct = $L.hits($L, yLanes, $L, stride, m, mp)", LaneKernels.CLASS_NAME,
            Names.lanes(z), outputs)
        .addStatement("return $L.$L($L, yLanes, $L, $L, stride, m, mp, withDelta, laneScratch)",
            LaneKernels.CLASS_NAME, LaneKernels.lossName(plan.loss()), Names.lanes(z), Names.lanes(d), outputs)
        .endControlFlow();
  }

  private void softmaxCrossEntropy(MethodSpec.Builder method) {
    method.addJavadoc("Softmax cross-entropy {@code −Σⱼ yⱼ log softmax(z)ⱼ} per sample, through\n")
        .addJavadoc("log-sum-exp; the fused gradient on the logits is {@code (softmax(z) − y)/m}.\n");
    if (plan.unrolledSoftmax()) {
      softmaxUnrolled(method);
    } else {
      softmaxLooped(method);
    }
  }

  private void sigmoidCrossEntropy(MethodSpec.Builder method) {
    method.addJavadoc("Sigmoid cross-entropy {@code Σⱼ softplus(zⱼ) − yⱼ·zⱼ} per sample (equal to\n")
        .addJavadoc("{@code −[y log σ(z) + (1−y) log(1−σ(z))]}); the fused gradient is {@code (σ(z) − y)/m}.\n")
        .beginControlFlow("for (int j = 0; j < $L; j++)", outputs)
        .addStatement("double zj = z[j]")
        .addStatement("total += $T.max(zj, 0.0) - zj * t[j] + $T.log1p($T.exp(-$T.abs(zj)))", MATH, MATH, MATH, MATH)
        .beginControlFlow("if (withDelta)")
        .addStatement("d[j] = $L", num.isFloat()
            ? CodeBlock.of("($T.sigmoid(z[j]) - t[j]) * deltaScale", RuntimeTypes.FAST_MATH)
            : CodeBlock.of("(1.0 / (1.0 + $T.exp(-zj)) - t[j]) * scale", MATH))
        .endControlFlow()
        .endControlFlow();
  }

  private void squaredError(MethodSpec.Builder method) {
    method.addJavadoc("Squared error {@code ½ Σⱼ (aⱼ − yⱼ)²} per sample; the gradient on the\n")
        .addJavadoc("pre-activations is {@code (a − y)·f'(z)/m}.\n")
        .beginControlFlow("for (int j = 0; j < $L; j++)", outputs)
        .addStatement(num.isFloat() ? "double diff = (double) a[j] - t[j]" : "double diff = a[j] - t[j]")
        .addStatement("total += 0.5 * diff * diff")
        .beginControlFlow("if (withDelta)")
        .addStatement("d[j] = $L", num.narrow(outputSlope()))
        .endControlFlow()
        .endControlFlow();
  }

  /**
   * Softmax of a small output layer in locals: each {@code e_j = exp(z_j − max)} is computed once
   * and serves both the log-sum-exp and the delta {@code e_j/Σe − y_j}. FLOAT models take the
   * exponentials, their sum and the deltas in float ({@code FastMath.exp}, within 3 float ulps): a
   * double {@code Math.exp} costs two conversions an output. The terms {@code t_j·(max − z_j)} stay
   * in double, where the difference of two floats is exact.
   */
  private void softmaxUnrolled(MethodSpec.Builder method) {
    method.addStatement("$T max = z[0]", num.scalar());
    for (int j = 1; j < outputs; j++) {
      method.addStatement("max = $T.max(max, z[$L])", MATH, j);
    }
    CodeBlock.Builder sum = CodeBlock.builder().add("e0");
    for (int j = 0; j < outputs; j++) {
      method.addStatement("$T e$L = $L", num.scalar(), j, exp(CodeBlock.of("z[$L] - max", j)));
      if (j > 0) {
        sum.add("$W+ e$L", j);
      }
    }
    method.addStatement("$T sum = $L", num.scalar(), sum.build());
    CodeBlock.Builder weight = CodeBlock.builder().add(num.isFloat() ? "(double) t[0]" : "t[0]");
    for (int j = 0; j < outputs; j++) {
      method.addStatement("total += t[$L] * ($Lmax - z[$L])", j, num.isFloat() ? "(double) " : "", j);
      if (j > 0) {
        weight.add("$W+ t[$L]", j);
      }
    }
    method.addStatement("double weight = $L", weight.build())
        .addCode(LogSumProduct.add("weight", "sum"));
    method.beginControlFlow("if (withDelta)")
        .addStatement("$T share = $L / sum", num.scalar(), deltaScale());
    for (int j = 0; j < outputs; j++) {
      method.addStatement("d[$L] = e$L * share - t[$L] * $L", j, j, j, deltaScale());
    }
    method.endControlFlow();
  }

  /**
   * Softmax of a looped output layer: the exponentials wait in the workspace's {@code exps} for the
   * deltas, one exponential per output (computing them twice cost about 2% of a 784-128-10
   * batch-32 step); in float for FLOAT models, as in {@link #softmaxUnrolled}.
   */
  private void softmaxLooped(MethodSpec.Builder method) {
    method.addStatement("$T max = z[0]", num.scalar())
        .beginControlFlow("for (int j = 1; j < $L; j++)", outputs)
        .addStatement("max = $T.max(max, z[j])", MATH)
        .endControlFlow()
        .addStatement("$T sum = 0", num.scalar())
        .addStatement("double weight = 0.0")
        .beginControlFlow("for (int j = 0; j < $L; j++)", outputs)
        .addStatement("$T e = $L", num.scalar(), exp(CodeBlock.of("z[j] - max")))
        .addStatement("exps[j] = e")
        .addStatement("sum += e")
        .addStatement("weight += t[j]")
        .addStatement("total += t[j] * ($Lmax - z[j])", num.isFloat() ? "(double) " : "")
        .endControlFlow()
        .addCode(LogSumProduct.add("weight", "sum"))
        .beginControlFlow("if (withDelta)")
        .addStatement("$T share = $L / sum", num.scalar(), deltaScale())
        .beginControlFlow("for (int j = 0; j < $L; j++)", outputs)
        .addStatement("d[j] = exps[j] * share - t[j] * $L", deltaScale())
        .endControlFlow()
        .endControlFlow();
  }

  /** {@code 1/m} in the model's precision, for the cross-entropy deltas. */
  private String deltaScale() {
    return num.isFloat() ? "deltaScale" : "scale";
  }

  /** {@code e^x} in the model's precision. */
  private CodeBlock exp(CodeBlock x) {
    return CodeBlock.of("$T.exp($L)", num.isFloat() ? RuntimeTypes.FAST_MATH : MATH, x);
  }

  private String outputSlope() {
    Activation activation = output.activation();
    return activation == Activation.IDENTITY
        ? "diff * scale"
        : "diff * " + ActivationFunctions.derivativeName(activation) + "(z[j], a[j]) * scale";
  }

  /** Static helpers of the model: output transformation and class decisions. */
  List<MethodSpec> modelHelpers() {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(outputs(ArrayTypeName.of(TypeName.DOUBLE)));
    if (num.isFloat()) {
      methods.add(outputs(ArrayTypeName.of(TypeName.FLOAT)));
    }
    methods.add(classOf());
    methods.add(targetClass());
    return methods;
  }

  private MethodSpec outputs(ArrayTypeName target) {
    boolean narrow = target.componentType().equals(TypeName.FLOAT);
    MethodSpec.Builder method = MethodSpec.methodBuilder("outputs")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(num.vector(), "last")
        .addParameter(target, "out");
    String cast = narrow ? "(float) " : "";
    switch (plan.loss()) {
      case SOFTMAX_CROSS_ENTROPY:
        return method.addJavadoc("Softmax of the logits, shifted by their maximum so no exponent overflows.\n")
            .addStatement("double max = last[0]")
            .beginControlFlow("for (int j = 1; j < $L; j++)", outputs)
            .addStatement("max = $T.max(max, last[j])", MATH)
            .endControlFlow()
            .addStatement("double sum = 0.0")
            .beginControlFlow("for (int j = 0; j < $L; j++)", outputs)
            .addStatement("sum += $T.exp(last[j] - max)", MATH)
            .endControlFlow()
            .beginControlFlow("for (int j = 0; j < $L; j++)", outputs)
            .addStatement("out[j] = $L($T.exp(last[j] - max) / sum)", cast, MATH)
            .endControlFlow()
            .build();
      case SIGMOID_CROSS_ENTROPY:
        return method.addJavadoc("Sigmoid of each logit.\n")
            .beginControlFlow("for (int j = 0; j < $L; j++)", outputs)
            .addStatement("out[j] = $L(1.0 / (1.0 + $T.exp(-last[j])))", cast, MATH)
            .endControlFlow()
            .build();
      default:
        return method.addJavadoc("The output layer's activations.\n")
            .beginControlFlow("for (int j = 0; j < $L; j++)", outputs)
            .addStatement("out[j] = last[j]")
            .endControlFlow()
            .build();
    }
  }

  private MethodSpec classOf() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("classOf")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeName.INT)
        .addParameter(num.vector(), "last");
    if (outputs == 1) {
      String threshold = plan.loss().isCrossEntropy() ? num.literal("0") : num.literal("0.5");
      return method.addJavadoc("The predicted class of one output: 1 when the probability is at least ½.\n")
          .addStatement("return last[0] >= $L ? 1 : 0", threshold)
          .build();
    }
    return method.addJavadoc("The predicted class: the first largest output.\n")
        .addStatement("return argmax(last)")
        .build();
  }

  private MethodSpec targetClass() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("targetClass")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeName.INT)
        .addParameter(num.vector(), "t");
    if (outputs == 1) {
      return method.addJavadoc("The class a one-output target stands for: 1 when it is at least ½.\n")
          .addStatement("return t[0] >= $L ? 1 : 0", num.literal("0.5"))
          .build();
    }
    return method.addJavadoc("The class a target row stands for: its first largest entry.\n")
        .addStatement("return argmax(t)")
        .build();
  }

  /** Whether {@link #modelHelpers()} calls {@code argmax}. */
  boolean needsArgmax() {
    return outputs > 1;
  }

  MethodSpec argmax() {
    return MethodSpec.methodBuilder("argmax")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeName.INT)
        .addParameter(num.vector(), "row")
        .addStatement("int best = 0")
        .beginControlFlow("for (int j = 1; j < $L; j++)", outputs)
        .beginControlFlow("if (row[j] > row[best])")
        .addStatement("best = j")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return best")
        .build();
  }
}
