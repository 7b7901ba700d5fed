package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.unrolled.Activation;
import dev.unrolled.processor.plan.CodeShape;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
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
  /** The normalisation after the product, or null. */
  final NormSteps norm;
  /** The dropout after the activation, or null. */
  final DropoutStep dropout;

  DenseEmitter(LayerPlan layer, Numeric num, ClassName model, Storage storage, String input) {
    super(layer, num, model, storage, input);
    this.norm = layer.normalised() ? new NormSteps(layer, num) : null;
    this.dropout = layer.hasDropout() ? new DropoutStep(layer, num, layer.shape() == CodeShape.VECTOR) : null;
  }

  /** The weight field; its Javadoc says how this shape stores {@code W}. */
  abstract FieldSpec weightField();

  @Override
  List<FieldSpec> parameterFields() {
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(weightField());
    if (norm != null) {
      fields.addAll(norm.modelFields());
    } else {
      fields.add(FieldSpec.builder(num.vector(), Names.biases(l), Modifier.FINAL)
          .addJavadoc("Layer $L biases.\n", l)
          .initializer("new $T[$L]", num.scalar(), layer.outputs())
          .build());
    }
    return fields;
  }

  /** He for the ReLU family and SiLU, Glorot otherwise; biases (or shifts) stay zero, scales start at 1. */
  @Override
  CodeBlock initialise() {
    CodeBlock limit = layer.activation().prefersHeInit()
        ? CodeBlock.of("$T.heLimit($L)", RuntimeTypes.WEIGHT_INIT, layer.inputs())
        : CodeBlock.of("$T.glorotLimit($L, $L)", RuntimeTypes.WEIGHT_INIT, layer.inputs(), layer.outputs());
    CodeBlock.Builder code = CodeBlock.builder().addStatement("init.$L($L, $L, $L, $L)", storage.initialiser(),
        Names.weights(l), layer.inputs(), layer.outputs(), limit);
    if (norm != null) {
      code.add(norm.initialise());
    }
    return code.build();
  }

  @Override
  int runningRowCount() {
    return norm != null && norm.batch() ? 2 : 0;
  }

  @Override
  CodeBlock runningRows(String array, boolean batchStatistics) {
    if (runningRowCount() == 0) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .addStatement("$L[$L] = $L", array, firstRunningRow,
            batchStatistics ? Names.batchMeans(l) : Names.runningMeans(l))
        .addStatement("$L[$L] = $L", array, firstRunningRow + 1,
            batchStatistics ? Names.batchVariances(l) : Names.runningVariances(l))
        .build();
  }

  /** Whether {@code z} has a bias term: not in a normalised layer, whose shift takes its place. */
  boolean hasBias() {
    return norm == null;
  }

  /** The rows the product kernels write: {@code zl}, or {@code nl} for the normalisation to read. */
  String productRows() {
    return norm != null ? Names.normalised(l) : Names.preActivations(l);
  }

  @Override
  List<String> vectors() {
    return norm != null ? List.of(Names.scale(l), Names.shift(l)) : super.vectors();
  }

  @Override
  List<String> vectorGradients() {
    return norm != null ? List.of(Names.scaleGradients(l), Names.shiftGradients(l)) : super.vectorGradients();
  }

  @Override
  String output() {
    return dropout != null ? Names.output(l) : activations();
  }

  @Override
  List<FieldSpec> workspaceFields() {
    List<FieldSpec> fields = new ArrayList<>(super.workspaceFields());
    if (norm != null) {
      fields.addAll(norm.workspaceFields());
    }
    if (dropout != null) {
      fields.addAll(dropout.workspaceFields());
    }
    return fields;
  }

  @Override
  CodeBlock allocateRows() {
    CodeBlock.Builder code = super.allocateRows().toBuilder();
    if (norm != null) {
      code.add(norm.allocate());
    }
    if (dropout != null) {
      code.add(dropout.allocate());
    }
    return code.build();
  }

  /** {@code ∂a/∂z}, and in a trainer step with dropout the kept multipliers too. */
  @Override
  CodeBlock slope() {
    if (dropout == null) {
      return activationSlope();
    }
    return CodeBlock.builder()
        .beginControlFlow("if (dropping)")
        .add(keptSlope())
        .nextControlFlow("else")
        .add(activationSlope())
        .endControlFlow()
        .build();
  }

  /** {@code d *= keep·f'(z)} for rows [0, m): the slope of a trainer step with dropout. */
  CodeBlock keptSlope() {
    return hasActivation()
        ? eachUnit("$T[] ps = $L[s], ks = $L[s], zs = $L[s], as = $L[s]",
            new Object[] {num.scalar(), Names.deltas(l), Names.keep(l), Names.preActivations(l), activations()},
            layer.outputs(), "i", "ps[i] *= ks[i] * $L(zs[i], as[i])",
            ActivationFunctions.derivativeName(layer.activation()))
        : eachUnit("$T[] ps = $L[s], ks = $L[s]", new Object[] {num.scalar(), Names.deltas(l), Names.keep(l)},
            layer.outputs(), "i", "ps[i] *= ks[i]");
  }

  /** {@code d *= f'(z)} for rows [0, m), nothing for the identity. */
  CodeBlock activationSlope() {
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
