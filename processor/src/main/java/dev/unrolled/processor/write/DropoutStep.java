package dev.unrolled.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.unrolled.processor.plan.LayerPlan;
import dev.unrolled.train.Dropout;
import java.util.List;

/**
 * Dropout on a hidden layer whose batch is in rows, after its activation: in a trainer step the
 * layer passes on {@code ol = droppedl = al ⊙ keepl}, with {@code keepl} holding {@code 1/(1 − p)}
 * for the outputs {@link Dropout}'s mask keeps and 0 for the others, and its slope multiplies the
 * deltas by {@code keepl} as well; otherwise {@code ol} is {@code al} itself, with no copy.
 */
final class DropoutStep {
  private final LayerPlan layer;
  private final Numeric num;
  private final int l;
  /** Whether the model has {@link VectorKernels}, whose dropout hashes a row in vectors when {@code VECTOR}. */
  private final boolean vectorKernels;

  DropoutStep(LayerPlan layer, Numeric num, boolean vectorKernels) {
    this.layer = layer;
    this.num = num;
    this.l = layer.number();
    this.vectorKernels = vectorKernels;
  }

  List<FieldSpec> workspaceFields() {
    return List.of(FieldSpec.builder(num.matrix(), Names.keep(l)).build(),
        FieldSpec.builder(num.matrix(), Names.dropped(l)).build(),
        FieldSpec.builder(num.matrix(), Names.output(l))
            .addJavadoc("What layer $L passes on: {@code $L} in a trainer step, {@code $L} otherwise.\n", l,
                Names.dropped(l), Names.activations(layer))
            .build());
  }

  CodeBlock allocate() {
    return CodeBlock.builder()
        .addStatement("$L = new $T[n][$L]", Names.keep(l), num.scalar(), layer.outputs())
        .addStatement("$L = new $T[n][$L]", Names.dropped(l), num.scalar(), layer.outputs())
        .addStatement("$L = $L", Names.output(l), Names.activations(layer))
        .build();
  }

  /** At the end of the forward pass: which rows the layer passes on. */
  CodeBlock forward() {
    return CodeBlock.builder()
        .beginControlFlow("if (dropping)")
        .addStatement("dropout$L($L, $L, $L, dropoutSeed, dropoutStep, firstRow, m)", l, Names.activations(layer),
            Names.keep(l), Names.dropped(l))
        .addStatement("$L = $L", Names.output(l), Names.dropped(l))
        .nextControlFlow("else")
        .addStatement("$L = $L", Names.output(l), Names.activations(layer))
        .endControlFlow()
        .build();
  }

  /** The dropout kernel: the mask of each row from {@link Dropout}, the multipliers and the kept outputs. */
  MethodSpec kernel() {
    TypeName t = num.scalar();
    double p = layer.dropout();
    String scale = num.isFloat() ? Float.toString((float) (1 / (1 - p))) + "f" : Double.toString(1 / (1 - p));
    return LayerEmitter.kernel("dropout" + l)
        .addJavadoc("Layer $L dropout (p = $L) over rows [0, m), batch rows from {@code firstRow}: {@code keep = 1/(1 − p)}\n",
            l, p)
        .addJavadoc("where the mask of step {@code step} under {@code seed} keeps the output, else 0; {@code out = a·keep}.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "keep")
        .addParameter(num.matrix(), "out")
        .addParameter(TypeName.LONG, "seed")
        .addParameter(TypeName.LONG, "step")
        .addParameter(TypeName.INT, "firstRow")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("int key = $T.rowKey(seed, step, $L, firstRow + s)", RuntimeTypes.DROPOUT, l)
        .addCode(vectorKernels ? CodeBlock.builder()
            .beginControlFlow("if (VECTOR)")
            .addStatement("$L.dropout(a[s], keep[s], out[s], key, $L, $L, $L)", VectorKernels.CLASS_NAME,
                Dropout.threshold(p), scale, layer.outputs())
            .addStatement("continue")
            .endControlFlow()
            .build() : CodeBlock.of(""))
        .addStatement("$T[] as = a[s], ks = keep[s], os = out[s]", t)
        .beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
        .addStatement("$T k = $L * $T.keptBit(key, j, $L)", t, scale, RuntimeTypes.DROPOUT, Dropout.threshold(p))
        .addStatement("ks[j] = k")
        .addStatement("os[j] = as[j] * k")
        .endControlFlow()
        .endControlFlow()
        .build();
  }
}
