package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.unrolled.processor.plan.LayerPlan;

/**
 * A large dense layer with Vector API register tiles (see {@link VectorKernels}) when the JVM has
 * {@code jdk.incubator.vector}, and its looped kernels otherwise: the model's constant
 * {@code VECTOR} picks one, so the JIT drops the other.
 */
final class DenseVector extends DenseLooped {
  DenseVector(LayerPlan layer, Numeric num, ClassName model, String input) {
    super(layer, num, model, input);
  }

  @Override
  void addForwardCalls(MethodSpec.Builder method) {
    method.beginControlFlow("if (VECTOR)")
        .addStatement("$L.product($L, model.$L, $L, $L, m, $L, $L, panel)", VectorKernels.CLASS_NAME, input,
            Names.weights(l), hasBias() ? "model." + Names.biases(l) : "null", productRows(), layer.inputs(),
            layer.outputs())
        .nextControlFlow("else");
    super.addForwardCalls(method);
    method.endControlFlow();
  }

  @Override
  void addBackwardCalls(MethodSpec.Builder method) {
    if (streamsGradientRows()) {
      super.addBackwardCalls(method); // the blocks of rows, each through addGradientRows below
      return;
    }
    method.beginControlFlow("if (VECTOR)")
        .addStatement("$L.outer($L, $L, $L, $L, m, $L, $L, rowPanel, columnPanel)", VectorKernels.CLASS_NAME, input,
            Names.deltas(l), Names.weightGradients(l), hasBias() ? Names.biasGradients(l) : "null", layer.inputs(),
            layer.outputs());
    if (layer.propagates()) { // through W itself: no transposed copy (the looped branch makes one)
      method.addStatement("$L.productTransposed($L, model.$L, $L, m, $L, $L, panel)", VectorKernels.CLASS_NAME,
          Names.deltas(l), Names.weights(l), Names.deltas(l - 1), layer.outputs(), layer.inputs());
    }
    method.nextControlFlow("else");
    super.addBackwardCalls(method);
    method.endControlFlow();
  }

  /** The deltas packed once for every block of rows that follows. */
  @Override
  void addGradientSetup(MethodSpec.Builder method) {
    method.beginControlFlow("if (VECTOR)")
        .addStatement("$L.packColumns($L, m, $L, columnPanel)", VectorKernels.CLASS_NAME, Names.deltas(l),
            layer.outputs())
        .endControlFlow();
  }

  /** With a mask where the scalar slope chooses (see {@code VectorClass.CHOSEN_SLOPES}). */
  @Override
  CodeBlock activationSlope() {
    if (!VectorClass.CHOSEN_SLOPES.contains(layer.activation())) {
      return super.activationSlope();
    }
    return CodeBlock.builder()
        .beginControlFlow("if (VECTOR)")
        .addStatement("$L.$L($L, $L, $L, m, $L)", VectorKernels.CLASS_NAME, VectorKernels.slopeName(layer.activation()),
            Names.deltas(l), Names.preActivations(l), activations(), layer.outputs())
        .nextControlFlow("else")
        .add(super.activationSlope())
        .endControlFlow()
        .build();
  }

  /** With dropout too: the keep multipliers and the slope's mask in one pass, with the looped bits. */
  @Override
  CodeBlock keptSlope() {
    if (!VectorClass.CHOSEN_SLOPES.contains(layer.activation())) {
      return super.keptSlope();
    }
    return CodeBlock.builder()
        .beginControlFlow("if (VECTOR)")
        .addStatement("$L.$L($L, $L, $L, $L, m, $L)", VectorKernels.CLASS_NAME,
            VectorKernels.keptSlopeName(layer.activation()), Names.deltas(l), Names.keep(l),
            Names.preActivations(l), activations(), layer.outputs())
        .nextControlFlow("else")
        .add(super.keptSlope())
        .endControlFlow()
        .build();
  }

  /** Only the looped branch reads the copy: the tiles send the deltas back through W itself. */
  @Override
  CodeBlock allocateWeightRows() {
    return CodeBlock.builder()
        .beginControlFlow("if (!VECTOR)")
        .add(super.allocateWeightRows())
        .endControlFlow()
        .build();
  }

  @Override
  void addGradientRows(MethodSpec.Builder method, String from, String to) {
    if (!streamsGradientRows()) { // inside the looped branch of addBackwardCalls
      super.addGradientRows(method, from, to);
      return;
    }
    method.beginControlFlow("if (VECTOR)")
        .addStatement("$L.outerRows($L, $L, $L, m, $L, $L, $L, rowPanel, columnPanel)", VectorKernels.CLASS_NAME,
            input, Names.deltas(l), Names.weightGradients(l), from, to, layer.outputs())
        .nextControlFlow("else");
    super.addGradientRows(method, from, to);
    method.endControlFlow();
  }

  @Override
  CodeBlock splitProduct() {
    return CodeBlock.builder()
        .beginControlFlow("if (VECTOR)")
        .addStatement("$L.productRange($L, model.$L, part == 0 ? model.$L : null, $L, m, lo[$L], hi[$L], $L, panel)",
            VectorKernels.CLASS_NAME, input, Names.weights(l), Names.biases(l), Names.partials(l), l - 1, l - 1,
            layer.outputs())
        .nextControlFlow("else")
        .add(super.splitProduct())
        .endControlFlow()
        .build();
  }

  @Override
  CodeBlock splitPropagate() {
    return SplitPhases.vectorPropagate(this, super.splitPropagate());
  }

  @Override
  CodeBlock splitGradientSetup() {
    return CodeBlock.builder()
        .beginControlFlow("if (VECTOR)")
        .addStatement("$L.packColumns($L, m, $L, columnPanel)", VectorKernels.CLASS_NAME, Names.deltas(l),
            layer.outputs())
        .endControlFlow()
        .build();
  }

  @Override
  CodeBlock splitGradientRows(String from, String to) {
    return CodeBlock.builder()
        .beginControlFlow("if (VECTOR)")
        .addStatement("$L.outerRows($L, $L, team[0].$L, m, $L, $L, $L, rowPanel, columnPanel)", VectorKernels.CLASS_NAME,
            input, Names.deltas(l), Names.weightGradients(l), from, to, layer.outputs())
        .nextControlFlow("else")
        .add(super.splitGradientRows(from, to))
        .endControlFlow()
        .build();
  }

  @Override
  CodeBlock splitSlope() {
    if (!VectorClass.CHOSEN_SLOPES.contains(layer.activation())) {
      return super.splitSlope();
    }
    return CodeBlock.builder()
        .beginControlFlow("if (VECTOR)")
        .addStatement("$L.$L($L, $L, $L, m, lo[$L], hi[$L])", VectorKernels.CLASS_NAME,
            VectorKernels.rangeName(VectorKernels.slopeName(layer.activation())), Names.deltas(l), Names.preActivations(l),
            activations(), l, l)
        .nextControlFlow("else")
        .add(super.splitSlope())
        .endControlFlow()
        .build();
  }
}
