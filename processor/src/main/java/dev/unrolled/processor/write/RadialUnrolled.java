package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.unrolled.processor.plan.Chunk;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RBF layer unrolled like a dense one: centres at constant offsets of the flat
 * {@code C[j][i]} array, inputs or centres in locals, gradient sums in locals, in the chunks of
 * units the planner sized below the bytecode budget.
 */
final class RadialUnrolled extends RadialEmitter {
  RadialUnrolled(LayerPlan layer, Numeric num, ClassName model, String input) {
    super(layer, num, model, Storage.FLAT, input);
  }

  private String forwardName(int chunk) {
    return Names.chunked("radial", layer, layer.forwardChunks(), chunk);
  }

  private String gradientName(int chunk) {
    return Names.chunked("radialGradient", layer, layer.gradientChunks(), chunk);
  }

  @Override
  FieldSpec centreField() {
    return storage.field(layer, num, Names.weights(l),
        "Layer $L (RBF) centres {@code C[j][i]} at {@code j*$L + i} ($L units of $L inputs, unrolled).\n",
        l, layer.inputs(), layer.outputs(), layer.inputs());
  }

  @Override
  void addForwardCalls(MethodSpec.Builder method) {
    method.beginControlFlow("for (int s = 0; s < m; s++)");
    for (int k = 0; k < layer.forwardChunks().size(); k++) {
      method.addStatement("$L(model.$L, $L, $L[s], $L[s])", forwardName(k), Names.weights(l), widths(),
          input, Names.preActivations(l));
    }
    method.endControlFlow();
  }

  @Override
  void addGradientCalls(MethodSpec.Builder method) {
    for (int k = 0; k < layer.gradientChunks().size(); k++) {
      method.addStatement("$L($L, $L, $L, m, model.$L, $L, $L, $L)", gradientName(k), input,
          Names.deltas(l), Names.preActivations(l), Names.weights(l), widths(), Names.weightGradients(l),
          Names.biasGradients(l));
    }
  }

  @Override
  List<MethodSpec> kernels() {
    List<MethodSpec> methods = new ArrayList<>(perChunk(layer.forwardChunks(), this::forwardKernel));
    methods.addAll(perChunk(layer.gradientChunks(), this::gradientKernel));
    return methods;
  }

  private MethodSpec forwardKernel(int index) {
    Chunk chunk = layer.forwardChunks().get(index);
    int in = layer.inputs();
    MethodSpec.Builder method = kernel(forwardName(index))
        .addJavadoc("Layer $L (RBF) forward for units $L–$L of one sample: "
            + "{@code z[j] = β[j]·Σᵢ (x[i] − C[j][i])²}.\n", layer.number(), chunk.from(), chunk.to() - 1)
        .addParameter(num.vector(), "c")
        .addParameter(num.vector(), "beta")
        .addParameter(num.vector(), "x")
        .addParameter(num.vector(), "z");
    for (int i = 0; i < in; i++) {
      method.addStatement("$T x_$L = x[$L]", num.scalar(), i, i);
    }
    method.addStatement("$T e, r", num.scalar());
    for (int j = chunk.from(); j < chunk.to(); j++) {
      for (int i = 0; i < in; i++) {
        method.addStatement("e = x_$L - c[$L]", i, j * in + i)
            .addStatement(i == 0 ? "r = e * e" : "r += e * e");
      }
      method.addStatement("z[$L] = beta[$L] * r", j, j);
    }
    return method.build();
  }

  /**
   * Gradients of a chunk of units, summed over the batch in locals as the dense unrolled kernels do:
   * per tile, the unit's centre coordinates and its sums live in locals for one pass over the rows.
   */
  private MethodSpec gradientKernel(int index) {
    Chunk chunk = layer.gradientChunks().get(index);
    int in = layer.inputs();
    MethodSpec.Builder method = kernel(gradientName(index))
        .addJavadoc("Layer $L (RBF) gradients of units $L–$L, summed over rows [0, m):\n",
            layer.number(), chunk.from(), chunk.to() - 1)
        .addJavadoc("{@code gs[j] = Σₛ d[s][j]·z[s][j]}, "
            + "{@code gc[j·$L + i] = −2β[j]·Σₛ d[s][j]·(x[s][i] − C[j][i])}.\n", in)
        .addParameter(num.matrix(), "x")
        .addParameter(num.matrix(), "d")
        .addParameter(num.matrix(), "z")
        .addParameter(TypeName.INT, "m")
        .addParameter(num.vector(), "c")
        .addParameter(num.vector(), "beta")
        .addParameter(num.vector(), "gc")
        .addParameter(num.vector(), "gs");
    eachTile(chunk, in, (j0, j1, i0, i1) -> gradientTile(method, j0, j1, i0, i1, in));
    return method.build();
  }

  /** Units [j0, j1), inputs [i0, i1), and the widths when {@code i0} is 0; in a block to reuse local slots. */
  private void gradientTile(MethodSpec.Builder method, int j0, int j1, int i0, int i1, int in) {
    boolean widths = i0 == 0;
    String zero = num.literal("0");
    method.addCode("{\n$>")
        .addComment("Units $L–$L, centre coordinates $L–$L$L: one pass over the batch.", j0, j1 - 1, i0, i1 - 1,
            widths ? " and widths" : "");
    for (int j = j0; j < j1; j++) {
      if (widths) {
        method.addStatement("$T gs_$L = $L", num.scalar(), j, zero);
      }
      for (int i = i0; i < i1; i++) {
        method.addStatement("$T c_$L_$L = c[$L], gc_$L_$L = $L", num.scalar(), j, i, j * in + i, j, i, zero);
      }
    }
    method.beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] xs = x[s], ds = d[s]$L", num.scalar(), widths ? ", zs = z[s]" : "");
    for (int j = j0; j < j1; j++) {
      method.addStatement("$T d_$L = ds[$L]", num.scalar(), j, j);
      if (widths) {
        method.addStatement("gs_$L += d_$L * zs[$L]", j, j, j);
      }
      for (int i = i0; i < i1; i++) {
        method.addStatement("gc_$L_$L += d_$L * (xs[$L] - c_$L_$L)", j, i, j, i, j, i);
      }
    }
    method.endControlFlow();
    for (int j = j0; j < j1; j++) {
      if (widths) {
        method.addStatement("gs[$L] = gs_$L", j, j);
      }
      method.addStatement("$T scale_$L = $L * beta[$L]", num.scalar(), j, num.literal("-2"), j);
      for (int i = i0; i < i1; i++) {
        method.addStatement("gc[$L] = scale_$L * gc_$L_$L", j * in + i, j, j, i);
      }
    }
    method.addCode("$<}\n");
  }
}
