package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.unrolled.processor.plan.LayerPlan;
import dev.unrolled.processor.plan.NetworkPlan;
import java.util.function.IntFunction;

/**
 * Moves parameters (or gradients) between the internal storage and the flat contract layout
 * ({@code W[j][i]} at {@code offset + j·in + i}, then {@code b[j]}). Unrolled layers keep that
 * layout in one array; looped layers keep {@code w[i][j]} rows, transposed for their kernels.
 */
final class ParameterCode {
  static final ClassName WEIGHT_INIT = ClassName.get("dev.unrolled.support", "WeightInit");

  private ParameterCode() {}

  /** {@code dst[flat] = storage} for one layer. */
  static CodeBlock exportLayer(LayerPlan layer, String dst, String weights, String biases) {
    CodeBlock.Builder code = CodeBlock.builder();
    int in = layer.inputs();
    if (layer.isUnrolled()) {
      code.beginControlFlow("for (int k = 0; k < $L; k++)", layer.weightCount())
          .addStatement("$L[$L] = $L[k]", dst, plus(layer.weightOffset(), "k"), weights)
          .endControlFlow();
    } else {
      code.beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
          .beginControlFlow("for (int i = 0; i < $L; i++)", in)
          .addStatement("$L[$L] = $L[i][j]", dst, plus(layer.weightOffset(), "j * " + in + " + i"), weights)
          .endControlFlow()
          .endControlFlow();
    }
    return code.beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
        .addStatement("$L[$L + j] = $L[j]", dst, layer.biasOffset(), biases)
        .endControlFlow()
        .build();
  }

  /** {@code storage = src[flat]} for one layer, narrowed to the storage precision. */
  static CodeBlock importLayer(LayerPlan layer, Numeric num, String src, String weights, String biases) {
    CodeBlock.Builder code = CodeBlock.builder();
    int in = layer.inputs();
    String cast = num.isFloat() ? "(float) " : "";
    if (layer.isUnrolled()) {
      code.beginControlFlow("for (int k = 0; k < $L; k++)", layer.weightCount())
          .addStatement("$L[k] = $L$L[$L]", weights, cast, src, plus(layer.weightOffset(), "k"))
          .endControlFlow();
    } else {
      code.beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
          .beginControlFlow("for (int i = 0; i < $L; i++)", in)
          .addStatement("$L[i][j] = $L$L[$L]", weights, cast, src, plus(layer.weightOffset(), "j * " + in + " + i"))
          .endControlFlow()
          .endControlFlow();
    }
    return code.beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
        .addStatement("$L[j] = $L$L[$L + j]", biases, cast, src, layer.biasOffset())
        .endControlFlow()
        .build();
  }

  /** {@code offset + index}, or just the index for the first layer. */
  private static String plus(int offset, String index) {
    return offset == 0 ? index : offset + " + " + index;
  }

  /** Number of rows optimizers see: one per unrolled weight array, one per looped weight row, one per bias. */
  static int rowCount(NetworkPlan plan) {
    int rows = 0;
    for (LayerPlan layer : plan.layers()) {
      rows += (layer.isUnrolled() ? 1 : layer.inputs()) + 1;
    }
    return rows;
  }

  /** Builds and returns the array of parameter (or gradient) rows, in a fixed order. */
  static CodeBlock rows(NetworkPlan plan, Numeric num, IntFunction<String> weights, IntFunction<String> biases) {
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("$T[][] rows = new $T[$L][]", num.scalar(), num.scalar(), rowCount(plan))
        .addStatement("int r = 0");
    for (LayerPlan layer : plan.layers()) {
      int l = layer.number();
      if (layer.isUnrolled()) {
        code.addStatement("rows[r++] = $L", weights.apply(l));
      } else {
        code.beginControlFlow("for (int i = 0; i < $L; i++)", layer.inputs())
            .addStatement("rows[r++] = $L[i]", weights.apply(l))
            .endControlFlow();
      }
      code.addStatement("rows[r++] = $L", biases.apply(l));
    }
    return code.addStatement("return rows").build();
  }

  /** Returns which rows hold weights (decayed by weight decay) rather than biases. */
  static CodeBlock decayedRows(NetworkPlan plan) {
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("boolean[] decayed = new boolean[$L]", rowCount(plan))
        .addStatement("int r = 0");
    for (LayerPlan layer : plan.layers()) {
      if (layer.radial()) {
        // Decay would pull the centres towards the origin: they and the widths are never decayed.
        code.addStatement("r += $L", (layer.isUnrolled() ? 1 : layer.inputs()) + 1);
        continue;
      }
      if (layer.isUnrolled()) {
        code.addStatement("decayed[r++] = true");
      } else {
        code.beginControlFlow("for (int i = 0; i < $L; i++)", layer.inputs())
            .addStatement("decayed[r++] = true")
            .endControlFlow();
      }
      code.addStatement("r++");
    }
    return code.addStatement("return decayed").build();
  }

  /**
   * Centres uniform in [−1, 1]ⁿ (inputs are expected standardised) and one width for all units,
   * {@code σ = 2√n / k^(1/n)}: the spacing of a grid of k points over the cube, times √n so that
   * in many dimensions, where random points lie about √n apart, the units still overlap.
   */
  private static void initialiseRadial(CodeBlock.Builder code, LayerPlan layer, Numeric num) {
    int n = layer.inputs();
    int k = layer.outputs();
    double beta = Math.pow(k, 2.0 / n) / (8.0 * n);
    double s = Math.log(beta);
    code.addStatement("init.$L($L, $L, $L, 1.0)", layer.isUnrolled() ? "uniform" : "uniformTransposed",
        Names.weights(layer.number()), n, k)
        .add("// Widths: σ = 2√n / k^(1/n) for n = $L inputs and k = $L units, β = 1/(2σ²) = $L, s = log β.\n",
            n, k, beta)
        .addStatement("$T.fill($L, $L)", ClassName.get("java.util", "Arrays"), Names.biases(layer.number()),
            num.isFloat() ? (float) s + "f" : Double.toString(s));
  }

  /** Seeded initialisation of one layer: He for the ReLU family and SiLU, Glorot otherwise; biases stay zero. */
  static CodeBlock initialiseLayer(LayerPlan layer, Numeric num) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (layer.radial()) {
      initialiseRadial(code, layer, num);
      return code.build();
    }
    CodeBlock limit = layer.activation().prefersHeInit()
        ? CodeBlock.of("$T.heLimit($L)", WEIGHT_INIT, layer.inputs())
        : CodeBlock.of("$T.glorotLimit($L, $L)", WEIGHT_INIT, layer.inputs(), layer.outputs());
    return code.addStatement("init.$L($L, $L, $L, $L)", layer.isUnrolled() ? "uniform" : "uniformTransposed",
        Names.weights(layer.number()), layer.inputs(), layer.outputs(), limit).build();
  }
}
