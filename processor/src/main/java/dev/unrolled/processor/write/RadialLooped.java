package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.List;

/**
 * A large RBF layer as loops over the transposed centres {@code c[i][j]}, so the innermost loop runs
 * contiguously over units and vectorises.
 */
final class RadialLooped extends RadialEmitter {
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");

  RadialLooped(LayerPlan layer, Numeric num, ClassName model, String input) {
    super(layer, num, model, Storage.TRANSPOSED, input);
  }

  private String forwardName() {
    return "radial" + l;
  }

  private String gradientName() {
    return "radialGradient" + l;
  }

  @Override
  FieldSpec centreField() {
    return storage.field(layer, num, Names.weights(l),
        "Layer $L (RBF) centres, transposed: {@code w$L[i][j] = C[j][i]} ($L units of $L inputs, $L).\n",
        l, l, layer.outputs(), layer.inputs(), layer.shapeName());
  }

  @Override
  void addForwardCalls(MethodSpec.Builder method) {
    method.addStatement("$L($L, model.$L, $L, $L, m)", forwardName(), input, Names.weights(l), widths(),
        Names.preActivations(l));
  }

  @Override
  void addGradientCalls(MethodSpec.Builder method) {
    method.addStatement("$L($L, $L, $L, m, model.$L, $L, $L, $L)", gradientName(), input, Names.deltas(l),
        Names.preActivations(l), Names.weights(l), widths(), Names.weightGradients(l), Names.biasGradients(l));
  }

  @Override
  List<MethodSpec> kernels() {
    return List.of(forwardKernel(), gradientKernel());
  }

  private MethodSpec forwardKernel() {
    int in = layer.inputs();
    int out = layer.outputs();
    return kernel(forwardName())
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

  private MethodSpec gradientKernel() {
    int in = layer.inputs();
    int out = layer.outputs();
    return kernel(gradientName())
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
}
