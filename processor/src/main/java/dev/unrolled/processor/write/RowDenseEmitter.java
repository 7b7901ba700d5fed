package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A dense layer whose batch stays in rows ({@code z[s][j]}): the unrolled and looped shapes (and the
 * vector tiles over them). The forward pass is the shape's product kernels, then the activation row
 * by row; the backward pass is its gradient and propagation kernels, then the previous layer's slope.
 */
abstract class RowDenseEmitter extends DenseEmitter {
  RowDenseEmitter(LayerPlan layer, Numeric num, ClassName model, Storage storage, String input) {
    super(layer, num, model, storage, input);
  }

  /**
   * The kernel calls of the forward pass: {@code z = W·input + b} over rows [0, m), or in a
   * normalised layer {@code n = W·input} (see {@link #productRows()}, {@link #hasBias()}).
   */
  abstract void addForwardCalls(MethodSpec.Builder method);

  /** The product's kernels: forward, gradients, propagation. */
  abstract List<MethodSpec> productKernels();

  @Override
  final List<MethodSpec> kernels() {
    List<MethodSpec> kernels = new ArrayList<>(productKernels());
    if (norm != null) {
      kernels.addAll(norm.kernels());
    }
    if (dropout != null) {
      kernels.add(dropout.kernel());
    }
    return kernels;
  }

  /** The kernel calls of the backward pass: the gradients, then the deltas of the previous layer. */
  abstract void addBackwardCalls(MethodSpec.Builder method);

  @Override
  MethodSpec forward() {
    String z = Names.preActivations(l);
    MethodSpec.Builder method = pass("forward");
    if (norm == null) {
      method.addJavadoc("Layer $L ($L, $L): {@code $L = W$L·$L + b$L}", l, layer.shapeName(),
          layer.activation(), z, l, inputName(), l);
    } else {
      method.addJavadoc("Layer $L ($L, $L, $L norm): {@code $L = h = W$L·$L}, $L", l, layer.shapeName(),
          layer.activation(), layer.norm(), productRows(), l, inputName(), norm.forwardDoc());
    }
    if (hasActivation()) {
      method.addJavadoc(", {@code $L = $L($L)}", activationsStayFlat() ? flatActivations() : activations(),
          function(), z);
    }
    if (dropout != null) {
      method.addJavadoc(", then in a trainer step dropout (p = $L) into {@code $L}", layer.dropout(), output());
    }
    method.addJavadoc(".\n");
    addForwardCalls(method);
    if (norm != null) {
      method.addCode(norm.forward(z));
    }
    if (flatActivation()) {
      // Rows this short are too short for C2 to vectorise the loop over each; over the whole batch
      // laid end to end it does, and the copies cost less than the scalar calls they save.
      String flat = flatActivations();
      int n = layer.outputs();
      if (!productWritesFlat()) {
        method.beginControlFlow("for (int s = 0; s < m; s++)")
            .addStatement("System.arraycopy($L[s], 0, $L, s * $L, $L)", z, flat, n, n)
            .endControlFlow();
      }
      method.addCode(flatFunction(flat, n));
      if (!activationsStayFlat()) {
        method.beginControlFlow("for (int s = 0; s < m; s++)")
            .addStatement("System.arraycopy($L, s * $L, $L[s], 0, $L)", flat, n, activations(), n)
            .endControlFlow();
      }
    } else if (hasActivation()) {
      method.addCode(eachUnit("$T[] zs = $L[s], as = $L[s]", new Object[] {num.scalar(), z, activations()},
          layer.outputs(), "j", "as[j] = $L(zs[j])", function()));
    }
    if (dropout != null) {
      method.addCode(dropout.forward());
    }
    return method.build();
  }

  /** Whether the activation runs over the batch end to end ({@link #flatActivations()}): the plan's choice. */
  boolean flatActivation() {
    return layer.batchActivation();
  }

  /** The name of what the layer reads, for the Javadoc: the input rows, or an array they stay in. */
  String inputName() {
    return input;
  }

  /**
   * Whether the product kernels write the pre-activations into {@link #flatActivations()} as well
   * as into their rows, which saves the copy before the activation.
   */
  boolean productWritesFlat() {
    return false;
  }

  /**
   * Whether the activations stay in {@link #flatActivations()}, with no rows of their own: the next
   * layer and this layer's slope read them there, which saves the copy after the activation.
   */
  boolean activationsStayFlat() {
    return false;
  }

  /** The activation over the first {@code m · n} values of {@code flat}. */
  private CodeBlock flatFunction(String flat, int n) {
    if (!num.isFloat()) {
      return CodeBlock.builder().addStatement("$T.tanh($L, m * $L)", RuntimeTypes.FAST_MATH, flat, n).build();
    }
    return CodeBlock.builder()
        .beginControlFlow("for (int k = 0, end = m * $L; k < end; k++)", n)
        .addStatement("$L[k] = $L($L[k])", flat, function(), flat)
        .endControlFlow()
        .build();
  }

  /** The batch's pre-activations end to end, row after row, where the flat activation runs. */
  String flatActivations() {
    return "flat" + l;
  }

  @Override
  List<FieldSpec> workspaceFields() {
    List<FieldSpec> fields = new ArrayList<>(super.workspaceFields());
    if (flatActivation()) {
      fields.add(FieldSpec.builder(num.vector(), flatActivations()).build());
    }
    return fields;
  }

  @Override
  CodeBlock allocateRows() {
    CodeBlock code = super.allocateRows();
    return flatActivation()
        ? code.toBuilder().addStatement("$L = new $T[n * $L]", flatActivations(), num.scalar(), layer.outputs()).build()
        : code;
  }

  @Override
  MethodSpec backward(LayerEmitter previous) {
    String d = Names.deltas(l);
    MethodSpec.Builder method = pass("backward");
    if (streamsGradientRows()) {
      method.addParameter(RuntimeTypes.READY_ROWS, "ready");
    }
    if (norm == null) {
      method.addJavadoc("Layer $L: gradients {@code gw$L = d$Lᵀ·$L}, {@code gb$L = Σ d$L}", l, l, l, inputName(), l, l);
    } else {
      method.addJavadoc("Layer $L: the gradients of the scale and shift, {@code d$L ← ∂L/∂h} through the $L norm,\n",
          l, l, layer.norm())
          .addJavadoc("then {@code gw$L = d$Lᵀ·$L}", l, l, inputName());
    }
    if (layer.propagates()) {
      method.addJavadoc("; then {@code d$L = (d$L·W$L) ⊙ f'(z$L)}", l - 1, l, l, l - 1);
    }
    if (streamsGradientRows()) {
      method.addJavadoc(";\neach block of weight rows goes to {@code ready} as soon as its gradients are done, or, on one\n")
          .addJavadoc("sample, the rows as {@code $L[0] ⊗ d$L[0]} for the optimizer to fold into its step unwritten", inputName(), l);
    }
    method.addJavadoc(".\n");
    if (norm != null) {
      method.addCode(norm.backward());
    }
    addBackwardCalls(method);
    if (layer.propagates()) {
      method.addCode(previous.slope());
    }
    return method.build();
  }
}
