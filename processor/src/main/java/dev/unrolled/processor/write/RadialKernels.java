package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.unrolled.processor.plan.Chunk;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Kernels of the radial-basis-function layer. Forward, per sample and unit:
 * {@code z[j] = β[j]·Σᵢ (x[i] − c_j[i])²}; the workspace then takes {@code a[j] = exp(−z[j])}.
 * Backward, with {@code d = ∂L/∂z} from the next layer: {@code ∂L/∂c_j[i] = −2β[j]·Σₛ d[s][j]·(x[s][i] − c_j[i])}
 * and, as {@code ∂z/∂s = β·r = z}, {@code ∂L/∂s[j] = Σₛ d[s][j]·z[s][j]}. Differences are taken
 * before squaring or multiplying, never expanded into {@code ‖x‖² − 2x·c + ‖c‖²}, which cancels
 * catastrophically when inputs sit far from the origin.
 *
 * <p>Small layers are unrolled like dense ones (centres at constant offsets of the flat
 * {@code C[j][i]} array, inputs or centres in locals); large ones loop over the transposed centres
 * {@code c[i][j]} so the innermost loop runs contiguously over units and vectorises.
 */
final class RadialKernels {
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");

  private final Numeric num;

  RadialKernels(Numeric num) {
    this.num = num;
  }

  List<MethodSpec> methods(LayerPlan layer) {
    List<MethodSpec> methods = new ArrayList<>();
    if (layer.isUnrolled()) {
      for (int k = 0; k < layer.forwardChunks().size(); k++) {
        methods.add(unrolledForward(layer, k));
      }
      for (int k = 0; k < layer.gradientChunks().size(); k++) {
        methods.add(unrolledGradient(layer, k));
      }
    } else {
      methods.add(loopedForward(layer));
      methods.add(loopedGradient(layer));
    }
    return methods;
  }

  static String forwardName(LayerPlan layer, int chunk) {
    return Names.chunked("radial", layer, layer.forwardChunks(), chunk);
  }

  static String gradientName(LayerPlan layer, int chunk) {
    return Names.chunked("radialGradient", layer, layer.gradientChunks(), chunk);
  }

  /** The looped kernels' names: one method each. */
  static String forwardName(LayerPlan layer) {
    return "radial" + layer.number();
  }

  static String gradientName(LayerPlan layer) {
    return "radialGradient" + layer.number();
  }

  private MethodSpec unrolledForward(LayerPlan layer, int index) {
    Chunk chunk = layer.forwardChunks().get(index);
    int in = layer.inputs();
    MethodSpec.Builder method = kernel(forwardName(layer, index))
        .addJavadoc("Layer $L (RBF) forward for units $L–$L of one sample: "
            + "{@code z[j] = β[j]·Σᵢ (x[i] − C[j][i])²}.\n", layer.number(), chunk.from(), chunk.to() - 1)
        .addParameter(num.vector(), "c")
        .addParameter(num.vector(), "beta")
        .addParameter(num.vector(), "x")
        .addParameter(num.vector(), "z");
    for (int i = 0; i < in; i++) {
      method.addStatement("$T x$L = x[$L]", num.scalar(), i, i);
    }
    method.addStatement("$T e, r", num.scalar());
    for (int j = chunk.from(); j < chunk.to(); j++) {
      for (int i = 0; i < in; i++) {
        method.addStatement("e = x$L - c[$L]", i, j * in + i)
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
  private MethodSpec unrolledGradient(LayerPlan layer, int index) {
    Chunk chunk = layer.gradientChunks().get(index);
    int in = layer.inputs();
    MethodSpec.Builder method = kernel(gradientName(layer, index))
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
    int unitsPerTile = Math.max(1, UnrolledKernels.TILE_SUMS / (in + 1));
    int inputsPerTile = Math.min(in, UnrolledKernels.TILE_SUMS);
    for (int j = chunk.from(); j < chunk.to(); j += unitsPerTile) {
      for (int i = 0; i < in; i += inputsPerTile) {
        gradientTile(method, j, Math.min(chunk.to(), j + unitsPerTile), i, Math.min(in, i + inputsPerTile), in);
      }
    }
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
        method.addStatement("$T s$L = $L", num.scalar(), j, zero);
      }
      for (int i = i0; i < i1; i++) {
        method.addStatement("$T c$L_$L = c[$L], g$L_$L = $L", num.scalar(), j, i, j * in + i, j, i, zero);
      }
    }
    method.beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] xs = x[s], ds = d[s]$L", num.scalar(), widths ? ", zs = z[s]" : "");
    for (int j = j0; j < j1; j++) {
      method.addStatement("$T d$L = ds[$L]", num.scalar(), j, j);
      if (widths) {
        method.addStatement("s$L += d$L * zs[$L]", j, j, j);
      }
      for (int i = i0; i < i1; i++) {
        method.addStatement("g$L_$L += d$L * (xs[$L] - c$L_$L)", j, i, j, i, j, i);
      }
    }
    method.endControlFlow();
    for (int j = j0; j < j1; j++) {
      if (widths) {
        method.addStatement("gs[$L] = s$L", j, j);
      }
      method.addStatement("$T scale$L = $L * beta[$L]", num.scalar(), j, num.literal("-2"), j);
      for (int i = i0; i < i1; i++) {
        method.addStatement("gc[$L] = scale$L * g$L_$L", j * in + i, j, j, i);
      }
    }
    method.addCode("$<}\n");
  }

  private MethodSpec loopedForward(LayerPlan layer) {
    int in = layer.inputs();
    int out = layer.outputs();
    return kernel(forwardName(layer))
        .addJavadoc("Layer $L (RBF) forward for rows [0, m): {@code z[s][j] = β[j]·Σᵢ (x[s][i] − c[i][j])²},\n",
            layer.number())
        .addJavadoc("units innermost over the transposed centres.\n")
        .addParameter(num.matrix(), "x")
        .addParameter(num.matrix(), "c")
        .addParameter(num.vector(), "beta")
        .addParameter(num.matrix(), "z")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] xs = x[s], zs = z[s]", num.scalar())
        .addStatement("$T.fill(zs, $L)", ARRAYS, num.literal("0"))
        .beginControlFlow("for (int i = 0; i < $L; i++)", in)
        .addStatement("$T xi = xs[i]", num.scalar())
        .addStatement("$T[] ci = c[i]", num.scalar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", out)
        .addStatement("$T e = xi - ci[j]", num.scalar())
        .addStatement("zs[j] += e * e")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int j = 0; j < $L; j++)", out)
        .addStatement("zs[j] *= beta[j]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec loopedGradient(LayerPlan layer) {
    int in = layer.inputs();
    int out = layer.outputs();
    return kernel(gradientName(layer))
        .addJavadoc("Layer $L (RBF) gradients summed over rows [0, m): {@code gs[j] = Σₛ d[s][j]·z[s][j]},\n",
            layer.number())
        .addJavadoc("{@code gc[i][j] = −2β[j]·Σₛ d[s][j]·(x[s][i] − c[i][j])}, units innermost.\n")
        .addParameter(num.matrix(), "x")
        .addParameter(num.matrix(), "d")
        .addParameter(num.matrix(), "z")
        .addParameter(TypeName.INT, "m")
        .addParameter(num.matrix(), "c")
        .addParameter(num.vector(), "beta")
        .addParameter(num.matrix(), "gc")
        .addParameter(num.vector(), "gs")
        .beginControlFlow("for (int i = 0; i < $L; i++)", in)
        .addStatement("$T.fill(gc[i], $L)", ARRAYS, num.literal("0"))
        .endControlFlow()
        .addStatement("$T.fill(gs, $L)", ARRAYS, num.literal("0"))
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] xs = x[s], ds = d[s], zs = z[s]", num.scalar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", out)
        .addStatement("gs[j] += ds[j] * zs[j]")
        .endControlFlow()
        .beginControlFlow("for (int i = 0; i < $L; i++)", in)
        .addStatement("$T xi = xs[i]", num.scalar())
        .addStatement("$T[] ci = c[i], gi = gc[i]", num.scalar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", out)
        .addStatement("gi[j] += ds[j] * (xi - ci[j])")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int i = 0; i < $L; i++)", in)
        .addStatement("$T[] gi = gc[i]", num.scalar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", out)
        .addStatement("gi[j] *= $L * beta[j]", num.literal("-2"))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private static MethodSpec.Builder kernel(String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC);
  }
}
