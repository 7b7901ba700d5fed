package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.unrolled.Activation;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A dense layer, {@code z = W·a_prev + b}, {@code a = f(z)}: what every code shape of it shares —
 * the fields' meaning, He or Glorot initialisation, the activation after the product, the slope
 * before the deltas go further back. The shapes supply the kernels and the calls to them.
 */
abstract class DenseEmitter extends LayerEmitter {
  DenseEmitter(LayerPlan layer, Numeric num, ClassName model, Storage storage, String input) {
    super(layer, num, model, storage, input);
  }

  /** The weight field; its Javadoc says how this shape stores {@code W}. */
  abstract FieldSpec weightField();

  /** The kernel calls of the forward pass: {@code z = W·input + b} over rows [0, m). */
  abstract void addForwardCalls(MethodSpec.Builder method);

  /** The kernel calls of the backward pass: the gradients, then the deltas of the previous layer. */
  abstract void addBackwardCalls(MethodSpec.Builder method);

  @Override
  List<FieldSpec> parameterFields() {
    return List.of(weightField(), FieldSpec.builder(num.vector(), Names.biases(l), Modifier.FINAL)
        .addJavadoc("Layer $L biases.\n", l)
        .initializer("new $T[$L]", num.scalar(), layer.outputs())
        .build());
  }

  /** He for the ReLU family and SiLU, Glorot otherwise; biases stay zero. */
  @Override
  CodeBlock initialise() {
    CodeBlock limit = layer.activation().prefersHeInit()
        ? CodeBlock.of("$T.heLimit($L)", RuntimeTypes.WEIGHT_INIT, layer.inputs())
        : CodeBlock.of("$T.glorotLimit($L, $L)", RuntimeTypes.WEIGHT_INIT, layer.inputs(), layer.outputs());
    return CodeBlock.builder().addStatement("init.$L($L, $L, $L, $L)", storage.initialiser(), Names.weights(l),
        layer.inputs(), layer.outputs(), limit).build();
  }

  @Override
  MethodSpec forward() {
    String z = Names.preActivations(l);
    MethodSpec.Builder method = pass("forward")
        .addJavadoc("Layer $L ($L, $L): {@code $L = W$L·$L + b$L}", l, layer.shape().label(),
            layer.activation(), z, l, input, l);
    if (hasActivation()) {
      method.addJavadoc(", {@code $L = $L($L)}", activations(), function(), z);
    }
    method.addJavadoc(".\n");
    addForwardCalls(method);
    if (hasActivation()) {
      method.addCode(eachUnit("$T[] zs = $L[s], as = $L[s]", new Object[] {num.scalar(), z, activations()},
          layer.outputs(), "j", "as[j] = $L(zs[j])", function()));
    }
    return method.build();
  }

  @Override
  MethodSpec backward(LayerEmitter previous) {
    String d = Names.deltas(l);
    MethodSpec.Builder method = pass("backward")
        .addJavadoc("Layer $L: gradients {@code gw$L = d$Lᵀ·$L}, {@code gb$L = Σ d$L}", l, l, l, input, l, l);
    if (layer.propagates()) {
      method.addJavadoc("; then {@code d$L = (d$L·W$L) ⊙ f'(z$L)}", l - 1, l, l, l - 1);
    }
    method.addJavadoc(".\n");
    addBackwardCalls(method);
    if (layer.propagates()) {
      method.addCode(previous.slope());
    }
    return method.build();
  }

  @Override
  CodeBlock slope() {
    if (!hasActivation()) {
      return CodeBlock.of("");
    }
    return eachUnit("$T[] ps = $L[s], zs = $L[s], as = $L[s]",
        new Object[] {num.scalar(), Names.deltas(l), Names.preActivations(l), activations()},
        layer.outputs(), "i", "ps[i] *= $L(zs[i], as[i])", ActivationFunctions.derivativeName(layer.activation()));
  }

  @Override
  Set<Activation> activationsUsed() {
    return Set.of(layer.activation());
  }

  private boolean hasActivation() {
    return layer.activation() != Activation.IDENTITY;
  }

  private String function() {
    return ActivationFunctions.functionName(layer.activation());
  }
}
