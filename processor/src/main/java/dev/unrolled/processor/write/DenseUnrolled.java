package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.unrolled.processor.plan.Chunk;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A small dense layer as straight-line kernels, EJML style: the sample's inputs are loaded into
 * locals {@code x_0, x_1, …} (deltas into {@code d_0, d_1, …}) and every weight is read at a constant
 * offset of the flat {@code W[out][in]} array. Forward and propagation run one sample per call;
 * gradients run over the whole batch, with their sums {@code gw_<j>_<i>} (weight {@code W[j][i]}) and
 * {@code gb_<j>} in locals. Work is split into the chunks of units the planner sized to stay far below
 * HotSpot's 8,000-byte compile limit.
 *
 * <p>A tanh layer, whose activation runs over the batch end to end, has its forward kernels write the
 * pre-activations straight into that flat array; when the next layer is unrolled too, the activations
 * stay there and its kernels read them at {@code s·n}, so neither copy between rows and the flat array
 * is made (the 4-16-3 plain step went from about 183 to 167 ns a sample in float, 203 to 190 in
 * double, JDK 17, AVX2).
 */
final class DenseUnrolled extends RowDenseEmitter {
  DenseUnrolled(LayerPlan layer, Numeric num, ClassName model, String input) {
    super(layer, num, model, Storage.FLAT, input);
  }

  @Override
  FieldSpec weightField() {
    return storage.field(layer, num, Names.weights(l), "Layer $L weights {@code W[j][i]} at {@code j*$L + i} ($L → $L, unrolled).\n",
        l, layer.inputs(), layer.inputs(), layer.outputs());
  }

  /** A tanh layer without normalisation writes its pre-activations end to end for the activation. */
  @Override
  boolean productWritesFlat() {
    return flatActivation() && norm == null;
  }

  /**
   * Without dropout, and before another unrolled layer, the activations stay end to end: that
   * layer's kernels read them at {@code s·n}, as this layer's slope does.
   */
  @Override
  boolean activationsStayFlat() {
    return productWritesFlat() && dropout == null && next instanceof DenseUnrolled;
  }

  /** Whether the input is the previous layer's activations end to end ({@link #activationsStayFlat()}). */
  private boolean readsFlatInput() {
    return previous instanceof DenseUnrolled unrolled && unrolled.activationsStayFlat();
  }

  /** The input of sample {@code s} as kernel arguments: its row, or the flat array and its offset. */
  private CodeBlock inputOfSample() {
    return readsFlatInput() ? CodeBlock.of("$L, s * $L", inputOfBatch(), layer.inputs()) : CodeBlock.of("$L[s]", input);
  }

  @Override
  String inputName() {
    return inputOfBatch();
  }

  /** The input of the batch as a kernel argument: its rows, or the previous layer's flat array. */
  private String inputOfBatch() {
    return readsFlatInput() ? ((DenseUnrolled) previous).flatActivations() : input;
  }

  /** Input {@code i} of the sample at offset {@code xo} of the flat input. */
  private static CodeBlock flatInput(int i) {
    return i == 0 ? CodeBlock.of("x[xo]") : CodeBlock.of("x[xo + $L]", i);
  }

  @Override
  List<FieldSpec> rowFields() {
    List<FieldSpec> fields = new ArrayList<>(super.rowFields());
    if (activationsStayFlat()) {
      fields.removeIf(field -> field.name().equals(activations()));
    }
    return fields;
  }

  @Override
  CodeBlock activationSlope() {
    if (!activationsStayFlat()) {
      return super.activationSlope();
    }
    return eachUnit("$T[] ps = $L[s], zs = $L[s]", new Object[] {num.scalar(), Names.deltas(l), Names.preActivations(l)},
        layer.outputs(), "i", "ps[i] *= $L(zs[i], $L[s * $L + i])",
        ActivationFunctions.derivativeName(layer.activation()), flatActivations(), layer.outputs());
  }

  @Override
  void addForwardCalls(MethodSpec.Builder method) {
    CodeBlock output = productWritesFlat()
        ? CodeBlock.of("$L[s], $L, s * $L", productRows(), flatActivations(), layer.outputs())
        : CodeBlock.of("$L[s]", productRows());
    method.beginControlFlow("for (int s = 0; s < m; s++)");
    for (int k = 0; k < layer.forwardChunks().size(); k++) {
      if (hasBias()) {
        method.addStatement("$L(model.$L, model.$L, $L, $L)", forwardName(k),
            Names.weights(l), Names.biases(l), inputOfSample(), output);
      } else {
        method.addStatement("$L(model.$L, $L, $L)", forwardName(k), Names.weights(l), inputOfSample(), output);
      }
    }
    method.endControlFlow();
  }

  @Override
  void addBackwardCalls(MethodSpec.Builder method) {
    String d = Names.deltas(l);
    for (int k = 0; k < layer.gradientChunks().size(); k++) {
      if (hasBias()) {
        method.addStatement("$L($L, $L, m, $L, $L)", gradientName(k), inputOfBatch(), d,
            Names.weightGradients(l), Names.biasGradients(l));
      } else {
        method.addStatement("$L($L, $L, m, $L)", gradientName(k), inputOfBatch(), d, Names.weightGradients(l));
      }
    }
    if (layer.propagates()) {
      method.beginControlFlow("for (int s = 0; s < m; s++)");
      for (int k = 0; k < layer.propagateChunks().size(); k++) {
        method.addStatement("$L(model.$L, $L[s], $L[s])", propagateName(k), Names.weights(l), d,
            Names.deltas(l - 1));
      }
      method.endControlFlow();
    }
  }

  @Override
  List<MethodSpec> productKernels() {
    List<MethodSpec> methods = new ArrayList<>(perChunk(layer.forwardChunks(), this::forwardKernel));
    methods.addAll(perChunk(layer.gradientChunks(), this::gradientKernel));
    methods.addAll(perChunk(layer.propagateChunks(), this::propagateKernel));
    return methods;
  }

  private String forwardName(int chunk) {
    return Names.chunked("dense", layer, layer.forwardChunks(), chunk);
  }

  private String gradientName(int chunk) {
    return Names.chunked("gradient", layer, layer.gradientChunks(), chunk);
  }

  private String propagateName(int chunk) {
    return Names.chunked("propagate", layer, layer.propagateChunks(), chunk);
  }

  private MethodSpec forwardKernel(int index) {
    Chunk chunk = layer.forwardChunks().get(index);
    int in = layer.inputs();
    MethodSpec.Builder method = kernel(forwardName(index))
        .addJavadoc(hasBias()
            ? "Layer $L forward for units $L–$L of one sample: {@code z[j] = b[j] + Σᵢ W[j][i]·x[i]}.\n"
            : "Layer $L forward for units $L–$L of one sample: {@code h[j] = Σᵢ W[j][i]·x[i]}.\n",
            layer.number(), chunk.from(), chunk.to() - 1)
        .addParameter(num.vector(), "w");
    if (hasBias()) {
      method.addParameter(num.vector(), "b");
    }
    method.addParameter(num.vector(), "x");
    if (readsFlatInput()) {
      method.addParameter(TypeName.INT, "xo");
    }
    method.addParameter(num.vector(), hasBias() ? "z" : "h");
    if (productWritesFlat()) {
      method.addParameter(num.vector(), "f")
          .addParameter(TypeName.INT, "o")
          .addJavadoc("Also writes them end to end into {@code f} from {@code o}.\n");
    }
    if (readsFlatInput()) {
      for (int i = 0; i < in; i++) {
        method.addStatement("$T x_$L = $L", num.scalar(), i, flatInput(i));
      }
    } else {
      loadLocals(method, "x", in);
    }
    for (int j = chunk.from(); j < chunk.to(); j++) {
      CodeBlock.Builder sum = CodeBlock.builder();
      if (hasBias()) {
        sum.add("b[$L]", j);
      } else {
        sum.add("w[$L] * x_0", j * in);
      }
      for (int i = hasBias() ? 0 : 1; i < in; i++) {
        sum.add("$W+ w[$L] * x_$L", j * in + i, i);
      }
      method.addStatement("$L$L[$L] = $L", productWritesFlat() ? CodeBlock.of("f[o + $L] = ", j) : "",
          hasBias() ? "z" : "h", j, sum.build());
    }
    return method.build();
  }

  /**
   * The gradients of a chunk of units, summed over the batch in locals: one pass over the rows per
   * tile of at most {@value LayerPlan#TILE_SUMS} sums, so they stay in registers, instead of a read-modify-write
   * of every gradient element per sample (the 4-16-3 backward pass went from about 62 to 55 ns per
   * sample). Each sum adds the samples in the same order as before, so results are bit-identical.
   */
  private MethodSpec gradientKernel(int index) {
    Chunk chunk = layer.gradientChunks().get(index);
    int in = layer.inputs();
    MethodSpec.Builder method = kernel(gradientName(index))
        .addJavadoc("Layer $L gradients of units $L–$L, summed over rows [0, m):\n",
            layer.number(), chunk.from(), chunk.to() - 1)
        .addJavadoc("{@code gb[j] = Σₛ d[s][j]}, {@code gw[j·$L + i] = Σₛ d[s][j]·x[s][i]}.\n", in)
        .addParameter(readsFlatInput() ? num.vector() : num.matrix(), "x")
        .addParameter(num.matrix(), "d")
        .addParameter(TypeName.INT, "m")
        .addParameter(num.vector(), "gw");
    if (hasBias()) {
      method.addParameter(num.vector(), "gb");
    }
    eachTile(chunk, in, (j0, j1, i0, i1) -> gradientTile(method, j0, j1, i0, i1, in));
    return method.build();
  }

  /**
   * Sums for units [j0, j1) and inputs [i0, i1) (and the biases when {@code i0} is 0), in a block of
   * their own so javac reuses the local slots: past 256 locals every access would grow a byte.
   */
  private void gradientTile(MethodSpec.Builder method, int j0, int j1, int i0, int i1, int in) {
    boolean biases = i0 == 0 && hasBias();
    method.addCode("{\n$>")
        .addComment("Units $L–$L, inputs $L–$L$L: one pass over the batch.", j0, j1 - 1, i0, i1 - 1,
            biases ? " and biases" : "");
    for (int j = j0; j < j1; j++) {
      if (biases) {
        method.addStatement("$T gb_$L = $L", num.scalar(), j, num.literal("0"));
      }
      for (int i = i0; i < i1; i++) {
        method.addStatement("$T gw_$L_$L = $L", num.scalar(), j, i, num.literal("0"));
      }
    }
    method.beginControlFlow("for (int s = 0; s < m; s++)");
    if (readsFlatInput()) {
      method.addStatement("$T[] ds = d[s]", num.scalar())
          .addStatement("int xo = s * $L", in);
    } else {
      method.addStatement("$T[] xs = x[s], ds = d[s]", num.scalar());
    }
    for (int j = j0; j < j1; j++) {
      method.addStatement("$T d_$L = ds[$L]", num.scalar(), j, j);
      if (biases) {
        method.addStatement("gb_$L += d_$L", j, j);
      }
      for (int i = i0; i < i1; i++) {
        method.addStatement("gw_$L_$L += d_$L * $L", j, i, j,
            readsFlatInput() ? flatInput(i) : CodeBlock.of("xs[$L]", i));
      }
    }
    method.endControlFlow();
    storeSums(method, j0, j1, i0, i1, in, biases);
    method.addCode("$<}\n");
  }

  private static void storeSums(MethodSpec.Builder method, int j0, int j1, int i0, int i1, int in,
      boolean biases) {
    for (int j = j0; j < j1; j++) {
      if (biases) {
        method.addStatement("gb[$L] = gb_$L", j, j);
      }
      for (int i = i0; i < i1; i++) {
        method.addStatement("gw[$L] = gw_$L_$L", j * in + i, j, i);
      }
    }
  }

  private MethodSpec propagateKernel(int index) {
    Chunk chunk = layer.propagateChunks().get(index);
    int in = layer.inputs();
    int out = layer.outputs();
    MethodSpec.Builder method = kernel(propagateName(index))
        .addJavadoc("Layer $L deltas of one sample back to units $L–$L of layer $L, before the slope:\n",
            layer.number(), chunk.from(), chunk.to() - 1, layer.number() - 1)
        .addJavadoc("{@code p[i] = Σⱼ d[j]·W[j][i]}.\n")
        .addParameter(num.vector(), "w")
        .addParameter(num.vector(), "d")
        .addParameter(num.vector(), "p");
    loadLocals(method, "d", out);
    for (int i = chunk.from(); i < chunk.to(); i++) {
      CodeBlock.Builder sum = CodeBlock.builder().add("d_0 * w[$L]", i);
      for (int j = 1; j < out; j++) {
        sum.add("$W+ d_$L * w[$L]", j, j * in + i);
      }
      method.addStatement("p[$L] = $L", i, sum.build());
    }
    return method.build();
  }

  private void loadLocals(MethodSpec.Builder method, String array, int count) {
    for (int i = 0; i < count; i++) {
      method.addStatement("$T $L_$L = $L[$L]", num.scalar(), array, i, array, i);
    }
  }
}
