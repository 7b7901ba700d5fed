package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.unrolled.Activation;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A dense layer, {@code z = W·a_prev + b}, {@code a = f(z)}: what every code shape of it shares —
 * the fields' meaning, He or Glorot initialisation, and the slope of its rows before the deltas go
 * further back. The shapes supply the passes: {@link RowDenseEmitter} for the shapes that keep the
 * batch in rows, {@link DenseLanes} for the one that keeps it in lanes.
 */
abstract class DenseEmitter extends LayerEmitter {
  DenseEmitter(LayerPlan layer, Numeric num, ClassName model, Storage storage, String input) {
    super(layer, num, model, storage, input);
  }

  /** The weight field; its Javadoc says how this shape stores {@code W}. */
  abstract FieldSpec weightField();

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

  boolean hasActivation() {
    return layer.activation() != Activation.IDENTITY;
  }

  String function() {
    return ActivationFunctions.functionName(layer.activation());
  }
}
