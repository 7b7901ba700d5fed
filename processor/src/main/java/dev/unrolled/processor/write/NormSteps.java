package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.unrolled.Norm;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The normalisation of a dense layer whose batch is in rows, between its product and its activation
 * (see {@link Norm}): the product {@code h = W·a} (no bias) goes into {@code nl}, which this step
 * normalises in place to {@code ĥ = (h − μ)·inv} with {@code inv = 1/√(σ² + ε)}, then writes
 * {@code z = γ⊙ĥ + β}. Backward, it turns {@code dl = ∂L/∂z} into {@code ∂L/∂h} in place (so the
 * product's gradient and propagation kernels run on it unchanged) and sums the gradients of
 * {@code γ} and {@code β}. Its kernels are constant-bound loops over contiguous rows, whatever the
 * shape of the product around them.
 */
final class NormSteps {
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
  /** {@code ε} of the contract. */
  static final String EPSILON = "1e-5";

  private final LayerPlan layer;
  private final Numeric num;
  private final int l;
  private final int units;

  NormSteps(LayerPlan layer, Numeric num) {
    this.layer = layer;
    this.num = num;
    this.l = layer.number();
    this.units = layer.outputs();
  }

  boolean batch() {
    return layer.norm() == Norm.BATCH;
  }

  // ---- the model ----

  /** {@code γ} and {@code β}, and for BATCH the running estimates. */
  List<FieldSpec> modelFields() {
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(vectorField(Names.scale(l), "Layer $L scales {@code γ} ($L norm; 1 to start).\n"));
    fields.add(vectorField(Names.shift(l), "Layer $L shifts {@code β} ($L norm; 0 to start).\n"));
    if (batch()) {
      fields.add(vectorField(Names.runningMeans(l), "Layer $L running means, for prediction ($L norm; 0 to start).\n"));
      fields.add(vectorField(Names.runningVariances(l),
          "Layer $L running variances, for prediction ($L norm; 1 to start).\n"));
    }
    return fields;
  }

  /**
   * Set once, by {@link #initialise()} in the constructor's per-group helpers: as initialisers they
   * would all land in the constructor, which a deep network would push past the 8,000-byte limit.
   */
  private FieldSpec vectorField(String name, String javadoc) {
    return FieldSpec.builder(num.vector(), name)
        .addJavadoc(javadoc, l, layer.norm())
        .build();
  }

  /** {@code γ = 1}, {@code β = 0}, and for BATCH running means of 0 and variances of 1. */
  CodeBlock initialise() {
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("$L = new $T[$L]", Names.scale(l), num.scalar(), units)
        .addStatement("$T.fill($L, $L)", ARRAYS, Names.scale(l), num.literal("1"))
        .addStatement("$L = new $T[$L]", Names.shift(l), num.scalar(), units);
    if (batch()) {
      code.addStatement("$L = new $T[$L]", Names.runningMeans(l), num.scalar(), units)
          .addStatement("$L = new $T[$L]", Names.runningVariances(l), num.scalar(), units)
          .addStatement("$T.fill($L, $L)", ARRAYS, Names.runningVariances(l), num.literal("1"));
    }
    return code.build();
  }

  // ---- the workspace ----

  List<FieldSpec> workspaceFields() {
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(FieldSpec.builder(num.matrix(), Names.normalised(l)).build());
    fields.add(FieldSpec.builder(num.vector(), Names.inverseDeviations(l)).build());
    if (batch()) {
      fields.add(FieldSpec.builder(num.vector(), Names.batchMeans(l)).build());
      fields.add(FieldSpec.builder(num.vector(), Names.batchVariances(l)).build());
    }
    return fields;
  }

  CodeBlock allocate() {
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("$L = new $T[n][$L]", Names.normalised(l), num.scalar(), units)
        .addStatement("$L = new $T[$L]", Names.inverseDeviations(l), num.scalar(), batch() ? units : "n");
    if (batch()) {
      code.addStatement("$L = new $T[$L]", Names.batchMeans(l), num.scalar(), units)
          .addStatement("$L = new $T[$L]", Names.batchVariances(l), num.scalar(), units);
    }
    return code.build();
  }

  // ---- the passes ----

  /** After the product into {@code nl}: normalise it and write {@code z}. */
  CodeBlock forward(String z) {
    String n = Names.normalised(l);
    String inv = Names.inverseDeviations(l);
    String scale = "model." + Names.scale(l);
    String shift = "model." + Names.shift(l);
    if (!batch()) {
      return CodeBlock.builder()
          .addStatement("layerNorm$L($L, $L, $L, $L, $L, m)", l, n, inv, scale, shift, z)
          .build();
    }
    return CodeBlock.builder()
        .beginControlFlow("if (batchStatistics)")
        .addStatement("batchStatistics$L($L, $L, $L, $L, m)", l, n, Names.batchMeans(l), Names.batchVariances(l), inv)
        .addStatement("normalise$L($L, $L, $L, $L, $L, $L, m)", l, n, Names.batchMeans(l), inv, scale, shift, z)
        .nextControlFlow("else")
        .addStatement("inverseDeviations$L(model.$L, $L)", l, Names.runningVariances(l), inv)
        .addStatement("normalise$L($L, model.$L, $L, $L, $L, $L, m)", l, n, Names.runningMeans(l), inv, scale, shift, z)
        .endControlFlow()
        .build();
  }

  /** Before the product's gradients: {@code dl ← ∂L/∂h}, and the gradients of {@code γ}, {@code β}. */
  CodeBlock backward() {
    return CodeBlock.builder()
        .addStatement("$LNormBackward$L($L, $L, $L, model.$L, $L, $L, m)", batch() ? "batch" : "layer", l,
            Names.deltas(l), Names.normalised(l), Names.inverseDeviations(l), Names.scale(l),
            Names.scaleGradients(l), Names.shiftGradients(l))
        .build();
  }

  /** The javadoc of the passes: what the step computes. */
  String forwardDoc() {
    return batch()
        ? "{@code ĥ = (h − μ)/√(σ² + ε)} per unit over the batch (running estimates in prediction), "
            + "{@code z = γ⊙ĥ + β}"
        : "{@code ĥ = (h − μ)/√(σ² + ε)} over the units of each sample, {@code z = γ⊙ĥ + β}";
  }

  // ---- the kernels ----

  List<MethodSpec> kernels() {
    List<MethodSpec> kernels = new ArrayList<>();
    if (batch()) {
      kernels.add(batchStatistics());
      kernels.add(inverseDeviations());
      kernels.add(normalise());
      kernels.add(batchBackward());
    } else {
      kernels.add(layerNorm());
      kernels.add(layerBackward());
    }
    return kernels;
  }

  private MethodSpec.Builder kernel(String name) {
    return LayerEmitter.kernel(name + l);
  }

  private CodeBlock inverse(String variance) {
    return num.narrow("1 / $T.sqrt($L + $L)", Math.class, variance, EPSILON);
  }

  private MethodSpec batchStatistics() {
    TypeName t = num.scalar();
    return kernel("batchStatistics")
        .addJavadoc("Layer $L batch statistics of rows [0, m) of {@code h}, per unit: the mean, the variance\n", l)
        .addJavadoc("(mean squared deviation, in a second pass) and {@code inv = 1/√(var + ε)}.\n")
        .addParameter(num.matrix(), "h")
        .addParameter(num.vector(), "mean")
        .addParameter(num.vector(), "var")
        .addParameter(num.vector(), "inv")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T.fill(mean, $L)", ARRAYS, num.literal("0"))
        .addStatement("$T.fill(var, $L)", ARRAYS, num.literal("0"))
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] hs = h[s]", t)
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("mean[j] += hs[j]")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("mean[j] /= m")
        .endControlFlow()
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] hs = h[s]", t)
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("$T e = hs[j] - mean[j]", t)
        .addStatement("var[j] += e * e")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("var[j] /= m")
        .endControlFlow()
        .addStatement("inverseDeviations$L(var, inv)", l)
        .build();
  }

  private MethodSpec inverseDeviations() {
    return kernel("inverseDeviations")
        .addJavadoc("Layer $L: {@code inv[j] = 1/√(var[j] + ε)}.\n", l)
        .addParameter(num.vector(), "var")
        .addParameter(num.vector(), "inv")
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("inv[j] = $L", inverse("var[j]"))
        .endControlFlow()
        .build();
  }

  private MethodSpec normalise() {
    TypeName t = num.scalar();
    return kernel("normalise")
        .addJavadoc("Layer $L over rows [0, m): {@code n ← ĥ = (n − mean)·inv} in place, {@code z = scale·ĥ + shift}.\n", l)
        .addParameter(num.matrix(), "n")
        .addParameter(num.vector(), "mean")
        .addParameter(num.vector(), "inv")
        .addParameter(num.vector(), "scale")
        .addParameter(num.vector(), "shift")
        .addParameter(num.matrix(), "z")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] ns = n[s], zs = z[s]", t)
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("$T v = (ns[j] - mean[j]) * inv[j]", t)
        .addStatement("ns[j] = v")
        .addStatement("zs[j] = scale[j] * v + shift[j]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * With {@code g = ∂L/∂z} summed per unit ({@code gshift = Σₛ g}, {@code gscale = Σₛ g·ĥ}), the
   * gradient through the batch statistics is {@code ∂L/∂h = γ·inv·(g − gshift/m − ĥ·gscale/m)}.
   */
  private MethodSpec batchBackward() {
    TypeName t = num.scalar();
    return kernel("batchNormBackward")
        .addJavadoc("Layer $L backward over rows [0, m), through the batch statistics: {@code gshift = Σₛ d},\n", l)
        .addJavadoc("{@code gscale = Σₛ d·ĥ}, then {@code d ← γ·inv·(d − gshift/m − ĥ·gscale/m)}, the delta of\n")
        .addJavadoc("{@code h = W·a}.\n")
        .addParameter(num.matrix(), "d")
        .addParameter(num.matrix(), "n")
        .addParameter(num.vector(), "inv")
        .addParameter(num.vector(), "scale")
        .addParameter(num.vector(), "gscale")
        .addParameter(num.vector(), "gshift")
        .addParameter(TypeName.INT, "m")
        .addCode(sumScaleAndShift())
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] ds = d[s], ns = n[s]", t)
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("ds[j] = scale[j] * inv[j] * (ds[j] - gshift[j] / m - ns[j] * (gscale[j] / m))")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private CodeBlock sumScaleAndShift() {
    return CodeBlock.builder()
        .addStatement("$T.fill(gscale, $L)", ARRAYS, num.literal("0"))
        .addStatement("$T.fill(gshift, $L)", ARRAYS, num.literal("0"))
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] ds = d[s], ns = n[s]", num.scalar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("gshift[j] += ds[j]")
        .addStatement("gscale[j] += ds[j] * ns[j]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec layerNorm() {
    TypeName t = num.scalar();
    return kernel("layerNorm")
        .addJavadoc("Layer $L over rows [0, m), each over its $L units: {@code n ← ĥ = (n − μ)·inv} in place with\n", l, units)
        .addJavadoc("{@code inv[s] = 1/√(σ² + ε)}, then {@code z = scale·ĥ + shift}.\n")
        .addParameter(num.matrix(), "n")
        .addParameter(num.vector(), "inv")
        .addParameter(num.vector(), "scale")
        .addParameter(num.vector(), "shift")
        .addParameter(num.matrix(), "z")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] ns = n[s], zs = z[s]", t)
        .addStatement("$T sum = $L", t, num.literal("0"))
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("sum += ns[j]")
        .endControlFlow()
        .addStatement("$T mean = sum / $L", t, units)
        .addStatement("$T squares = $L", t, num.literal("0"))
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("$T e = ns[j] - mean", t)
        .addStatement("squares += e * e")
        .endControlFlow()
        .addStatement("$T r = $L", t, inverse("squares / " + units))
        .addStatement("inv[s] = r")
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("$T v = (ns[j] - mean) * r", t)
        .addStatement("ns[j] = v")
        .addStatement("zs[j] = scale[j] * v + shift[j]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * Per sample, with {@code g = γ⊙∂L/∂z}: {@code ∂L/∂h = inv·(g − mean(g) − ĥ·mean(g⊙ĥ))}, the means
   * over the layer's units.
   */
  private MethodSpec layerBackward() {
    TypeName t = num.scalar();
    return kernel("layerNormBackward")
        .addJavadoc("Layer $L backward over rows [0, m): {@code gshift = Σₛ d}, {@code gscale = Σₛ d·ĥ}, then per sample,\n", l)
        .addJavadoc("with {@code g = scale·d}, {@code d ← inv·(g − mean(g) − ĥ·mean(g·ĥ))}, the delta of {@code h = W·a}.\n")
        .addParameter(num.matrix(), "d")
        .addParameter(num.matrix(), "n")
        .addParameter(num.vector(), "inv")
        .addParameter(num.vector(), "scale")
        .addParameter(num.vector(), "gscale")
        .addParameter(num.vector(), "gshift")
        .addParameter(TypeName.INT, "m")
        .addCode(sumScaleAndShift())
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] ds = d[s], ns = n[s]", t)
        .addStatement("$T g = $L, gn = $L", t, num.literal("0"), num.literal("0"))
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("$T e = scale[j] * ds[j]", t)
        .addStatement("g += e")
        .addStatement("gn += e * ns[j]")
        .endControlFlow()
        .addStatement("g /= $L", units)
        .addStatement("gn /= $L", units)
        .addStatement("$T r = inv[s]", t)
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .addStatement("ds[j] = r * (scale[j] * ds[j] - g - ns[j] * gn)")
        .endControlFlow()
        .endControlFlow()
        .build();
  }
}
