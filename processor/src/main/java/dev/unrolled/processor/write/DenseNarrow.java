package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A layer too narrow for vector tiles over its units (see {@link LayerPlan#tilesOverInputs()}): the
 * forward pass stays looped, while the backward pass runs the tiles over the inputs. The deltas go
 * back through {@code productTransposed}, which is vectorised over the inputs already; the weight
 * gradient is {@code outer} with the roles of the two sides swapped, {@code gᵀ = Σₛ d[s]ᵀ·a[s]}, into
 * {@code [out][in]} rows that are then transposed into the optimizer's {@code [in][out]} rows.
 */
final class DenseNarrow extends DenseLooped {
  DenseNarrow(LayerPlan layer, Numeric num, ClassName model, String input) {
    super(layer, num, model, input);
  }

  @Override
  List<FieldSpec> trainingFields() {
    List<FieldSpec> fields = new ArrayList<>(super.trainingFields());
    fields.add(FieldSpec.builder(num.matrix(), Names.weightGradientRows(l))
        .addJavadoc("Layer $L's weight gradients as the tiles compute them, {@code [out][in]}.\n", l)
        .build());
    return fields;
  }

  /** The tiles' gradient rows, and the plain loops' copy of the weights, each only where it is read. */
  @Override
  CodeBlock allocateWeightRows() {
    return CodeBlock.builder()
        .beginControlFlow("if (VECTOR)")
        .addStatement("$L = new $T[$L][$L]", Names.weightGradientRows(l), num.scalar(), layer.outputs(),
            layer.inputs())
        .nextControlFlow("else")
        .add(super.allocateWeightRows())
        .endControlFlow()
        .build();
  }

  @Override
  void addBackwardCalls(MethodSpec.Builder method) {
    String gwr = Names.weightGradientRows(l);
    method.beginControlFlow("if (VECTOR)");
    if (hasBias()) {
      method.addStatement("$L($L, $L, m)", biasGradientName(), Names.deltas(l), Names.biasGradients(l));
    }
    method.addStatement("$L.outer($L, $L, $L, null, m, $L, $L, rowPanel, columnPanel)", VectorKernels.CLASS_NAME,
            Names.deltas(l), input, gwr, layer.outputs(), layer.inputs())
        .addStatement("$L.transposeRows($L, $L, $L, $L)", VectorKernels.CLASS_NAME, gwr, Names.weightGradients(l),
            layer.outputs(), layer.inputs())
        .addStatement("$L.productTransposed($L, model.$L, $L, m, $L, $L, panel)", VectorKernels.CLASS_NAME,
            Names.deltas(l), Names.weights(l), Names.deltas(l - 1), layer.outputs(), layer.inputs())
        .nextControlFlow("else");
    super.addBackwardCalls(method);
    method.endControlFlow();
  }

  /** The deltas through the tiles, as the whole pass sends them (the looped copy is not allocated). */
  @Override
  CodeBlock splitPropagate() {
    return SplitPhases.vectorPropagate(this, super.splitPropagate());
  }
}
