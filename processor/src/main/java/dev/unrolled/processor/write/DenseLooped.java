package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A large dense layer as constant-bound loops whose innermost loop runs contiguously over one row
 * (axpy form), which C2 vectorises; dot-product loops it cannot (floating-point reductions keep
 * their order). Four rows are combined per pass so each loaded row of the result is reused four
 * times. Weights are stored transposed, {@code w[i][j] = W[j][i]}, so the forward pass and the
 * weight gradient both run over outputs; propagating deltas runs over inputs from a copy of
 * {@code W} in {@code [out][in]} rows, refreshed once per batch.
 */
class DenseLooped extends RowDenseEmitter {
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");

  DenseLooped(LayerPlan layer, Numeric num, ClassName model, String input) {
    super(layer, num, model, Storage.TRANSPOSED, input);
  }

  String forwardName() {
    return "dense" + l;
  }

  String gradientName() {
    return "gradient" + l;
  }

  String biasGradientName() {
    return "biasGradient" + l;
  }

  String transposeName() {
    return "transpose" + l;
  }

  String propagateName() {
    return "propagate" + l;
  }

  @Override
  FieldSpec weightField() {
    return storage.field(layer, num, Names.weights(l), "Layer $L weights, transposed: {@code w$L[i][j] = W[j][i]} ($L → $L, $L).\n",
        l, l, layer.inputs(), layer.outputs(), layer.shapeName());
  }

  /** Propagating deltas reads {@code W} in {@code [out][in]} rows: a copy, refreshed once per batch. */
  @Override
  List<FieldSpec> trainingFields() {
    List<FieldSpec> fields = new ArrayList<>(super.trainingFields());
    if (layer.propagates()) {
      fields.add(FieldSpec.builder(num.matrix(), Names.weightRows(l)).build());
    }
    return fields;
  }

  /**
   * Whether a trainer's workspace may give the layer's weight gradient rows one block of buffers,
   * reused by every block: the rows are streamed in more than one block, and each block is updated
   * before the next one is computed, so the gradients stay in L1 and the weights, their backup and
   * the gradients no longer outgrow L2 together (784-128-10: 1.2 MB against a 1 MB L2).
   */
  boolean poolsGradientRows() {
    return streamsGradientRows() && rowsPerBlock() < layer.inputs();
  }

  @Override
  CodeBlock allocateTraining() {
    CodeBlock.Builder code;
    if (poolsGradientRows()) {
      String gw = Names.weightGradients(l);
      code = CodeBlock.builder()
          .beginControlFlow("if (pooled)")
          .addStatement("$T[][] pool = new $T[$L][$L]", num.scalar(), num.scalar(), rowsPerBlock(), layer.outputs())
          .addStatement("$L = new $T[$L][]", gw, num.scalar(), layer.inputs())
          .beginControlFlow("for (int i = 0; i < $L; i++)", layer.inputs())
          .addStatement("$L[i] = pool[i % $L]", gw, rowsPerBlock())
          .endControlFlow()
          .nextControlFlow("else")
          .addStatement("$L = $L", gw, storage.allocate(layer, num))
          .endControlFlow();
      for (String gradient : vectorGradients()) {
        code.addStatement("$L = new $T[$L]", gradient, num.scalar(), layer.outputs());
      }
    } else {
      code = super.allocateTraining().toBuilder();
    }
    if (layer.propagates()) {
      code.add(allocateWeightRows());
    }
    return code.build();
  }

  @Override
  void addForwardCalls(MethodSpec.Builder method) {
    if (hasBias()) {
      method.addStatement("$L($L, model.$L, model.$L, $L, m)", forwardName(), input, Names.weights(l),
          Names.biases(l), productRows());
    } else {
      method.addStatement("$L($L, model.$L, $L, m)", forwardName(), input, Names.weights(l), productRows());
    }
  }

  /**
   * The first layer, which sends no deltas back, hands its weight rows to the optimizer in blocks as
   * their gradients are done: a block's gradient rows are updated while they are still in L1, rather
   * than streamed through the caches once more after the pass (measured: the update was 60% of a
   * 784-128-10 batch-1 step, because weights, gradients and the update's backup together outgrow L2).
   */
  @Override
  boolean streamsGradientRows() {
    return !layer.propagates();
  }

  /**
   * Weight rows per block: about 8 KB of gradients, in whole eight-row tiles where they fit; but at
   * least {@value #MIN_ROWS_PER_BLOCK} rows, since every block reads all the batch's deltas once: 8 KB
   * leaves a 2,048-unit layer one row, so a batch of 256 read 2 MB of deltas per gradient row
   * (784-2048-2048-10 at batch 256 trained about 1.6× faster with blocks of 24 rows; two sweeps on
   * the same machine, not interleaved).
   */
  int rowsPerBlock() {
    int rows = Math.max(1, (num.isFloat() ? 2048 : 1024) / layer.outputs());
    if (rows < 16) {
      return MIN_ROWS_PER_BLOCK;
    }
    return rows - rows % 8;
  }

  /** Rows per block of a wide layer: whole tiles of six (the gradient's) and of eight (the product's). */
  private static final int MIN_ROWS_PER_BLOCK = 24;

  @Override
  void addBackwardCalls(MethodSpec.Builder method) {
    if (hasBias()) {
      method.addStatement("$L($L, $L, m)", biasGradientName(), Names.deltas(l), Names.biasGradients(l));
    }
    if (streamsGradientRows()) {
      addStreamedGradientRows(method);
      return;
    }
    addGradientRows(method, "0", Integer.toString(layer.inputs()));
    if (layer.propagates()) {
      addTranspose(method);
      method.addStatement("$L($L, $L, $L, m)", propagateName(), Names.weightRows(l), Names.deltas(l),
          Names.deltas(l - 1));
    }
  }

  /**
   * The weight rows in blocks, each handed to {@code ready} as soon as its gradients are done; at
   * batch 1, when {@code ready} folds rank-one gradients, as the product {@code x[0] ⊗ d[0]} itself,
   * so that no gradient row is written at all (the optimizer forms each element as it updates it).
   */
  private void addStreamedGradientRows(MethodSpec.Builder method) {
    int in = layer.inputs();
    method.beginControlFlow("if (m == 1 && ready.foldsRankOne())")
        .addStatement("ready.rankOneRows($L, $L, $L[0], $L[0])", firstRow, firstRow + in, input, Names.deltas(l))
        .nextControlFlow("else");
    addGradientSetup(method);
    if (rowsPerBlock() >= in) { // one block: every row at once
      addGradientRows(method, "0", Integer.toString(in));
      method.addStatement("ready.rows($L, $L)", firstRow, firstRow + in);
    } else {
      int block = rowsPerBlock();
      method.beginControlFlow("for (int from = 0; from < $L; from += $L)", in, block)
          .addStatement(in % block == 0 ? CodeBlock.of("int to = from + $L", block)
              : CodeBlock.of("int to = $T.min($L, from + $L)", Math.class, in, block));
      addGradientRows(method, "from", "to");
      method.addStatement(firstRow == 0 ? CodeBlock.of("ready.rows(from, to)")
              : CodeBlock.of("ready.rows($L + from, $L + to)", firstRow, firstRow))
          .endControlFlow();
    }
    method.endControlFlow();
    if (rowCount() > in) {
      method.addStatement("ready.rows($L, $L)", firstRow + in, firstRow + rowCount());
    }
  }

  /** What a layer that streams its gradient rows does once before the first block; nothing here. */
  void addGradientSetup(MethodSpec.Builder method) {}

  /** The weight gradient rows {@code [from, to)}. */
  void addGradientRows(MethodSpec.Builder method, String from, String to) {
    method.addStatement("$L($L, $L, $L, m, $L, $L)", gradientName(), input, Names.deltas(l), Names.weightGradients(l),
        from, to);
  }

  /** The {@code [out][in]} copy of the weights that propagating the deltas reads. */
  CodeBlock allocateWeightRows() {
    return CodeBlock.of("$L = new $T[$L][$L];\n", Names.weightRows(l), num.scalar(), layer.outputs(), layer.inputs());
  }

  void addTranspose(MethodSpec.Builder method) {
    method.addStatement("$L(model.$L, $L)", transposeName(), Names.weights(l), Names.weightRows(l));
  }

  @Override
  List<MethodSpec> productKernels() {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(forwardKernel());
    if (hasBias()) {
      methods.add(biasGradientKernel());
    }
    methods.add(gradientKernel());
    if (layer.propagates()) {
      methods.add(transposeKernel(false));
      methods.add(propagateKernel(false));
    }
    return methods;
  }

  /** The forward product's pass over the batch for inputs {@code i … i+3}. */
  private CodeBlock fourInputs() {
    return CodeBlock.builder()
        .addStatement("$T[] w_0 = w[i], w_1 = w[i + 1], w_2 = w[i + 2], w_3 = w[i + 3]", num.scalar())
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] as = a[s], zs = z[s]", num.scalar())
        .addStatement("$T a_0 = as[i], a_1 = as[i + 1], a_2 = as[i + 2], a_3 = as[i + 3]", num.scalar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
        .addStatement("zs[j] += a_0 * w_0[j] + a_1 * w_1[j] + a_2 * w_2[j] + a_3 * w_3[j]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** The forward product's pass over the batch for input {@code i} alone. */
  private CodeBlock oneInput() {
    return CodeBlock.builder()
        .addStatement("$T[] wi = w[i]", num.scalar())
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T ai = a[s][i]", num.scalar())
        .addStatement("$T[] zs = z[s]", num.scalar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
        .addStatement("zs[j] += ai * wi[j]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec forwardKernel() {
    int in = layer.inputs();
    int out = layer.outputs();
    int blocked = in - in % 4;
    MethodSpec.Builder method = kernel(forwardName())
        .addJavadoc(hasBias()
            ? "Layer $L forward for rows [0, m): {@code z[s][j] = b[j] + Σᵢ a[s][i]·W[j][i]},\n"
            : "Layer $L forward for rows [0, m): {@code z[s][j] = Σᵢ a[s][i]·W[j][i]} (the product, to be normalised),\n",
            layer.number())
        .addJavadoc("four weight rows per pass over the batch, outputs innermost.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "w");
    if (hasBias()) {
      method.addParameter(num.vector(), "b");
    }
    method.addParameter(num.matrix(), "z")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement(hasBias() ? CodeBlock.of("$T.arraycopy(b, 0, z[s], 0, $L)", System.class, out)
            : CodeBlock.of("$T.fill(z[s], $L)", ARRAYS, num.literal("0")))
        .endControlFlow();
    if (blocked > 0) {
      method.beginControlFlow("for (int i = 0; i < $L; i += 4)", blocked).addCode(fourInputs()).endControlFlow();
    }
    if (blocked < in) {
      method.beginControlFlow("for (int i = $L; i < $L; i++)", blocked, in).addCode(oneInput()).endControlFlow();
    }
    return method.build();
  }

  private MethodSpec biasGradientKernel() {
    return kernel(biasGradientName())
        .addJavadoc("Layer $L bias gradients over rows [0, m): {@code gb[j] = Σₛ d[s][j]}.\n", layer.number())
        .addParameter(num.matrix(), "d")
        .addParameter(num.vector(), "gb")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T.fill(gb, $L)", ARRAYS, num.literal("0"))
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] ds = d[s]", num.scalar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
        .addStatement("gb[j] += ds[j]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec gradientKernel() {
    int out = layer.outputs();
    return kernel(gradientName())
        .addJavadoc("Layer $L weight gradient rows {@code from ≤ i < to} over batch rows [0, m):\n", layer.number())
        .addJavadoc("{@code gw[i][j] = Σₛ a[s][i]·d[s][j]}; four batch rows per pass, outputs innermost.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "d")
        .addParameter(num.matrix(), "gw")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to")
        .beginControlFlow("for (int i = from; i < to; i++)")
        .addStatement("$T[] g = gw[i]", num.scalar())
        .addStatement("$T.fill(g, $L)", ARRAYS, num.literal("0"))
        .addStatement("int s = 0")
        .beginControlFlow("for (; s + 3 < m; s += 4)")
        .addStatement("$T a_0 = a[s][i], a_1 = a[s + 1][i], a_2 = a[s + 2][i], a_3 = a[s + 3][i]",
            num.scalar())
        .addStatement("$T[] d_0 = d[s], d_1 = d[s + 1], d_2 = d[s + 2], d_3 = d[s + 3]", num.scalar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", out)
        .addStatement("g[j] += a_0 * d_0[j] + a_1 * d_1[j] + a_2 * d_2[j] + a_3 * d_3[j]")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (; s < m; s++)")
        .addStatement("$T ai = a[s][i]", num.scalar())
        .addStatement("$T[] ds = d[s]", num.scalar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", out)
        .addStatement("g[j] += ai * ds[j]")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** {@code rows = wᵀ}; with {@code ranged}, only weight rows {@code from ≤ i < to} (a part's share). */
  private MethodSpec transposeKernel(boolean ranged) {
    MethodSpec.Builder method = kernel(ranged ? transposeRangeName() : transposeName())
        .addJavadoc(ranged ? "Copies layer $L's weight rows {@code from ≤ i < to} into {@code [out][in]} rows.\n"
            : "Copies layer $L's weights into {@code [out][in]} rows: {@code rows[j][i] = w[i][j]}.\n", layer.number())
        .addParameter(num.matrix(), "w")
        .addParameter(num.matrix(), "rows");
    if (ranged) {
      method.addParameter(TypeName.INT, "from").addParameter(TypeName.INT, "to");
    }
    return method.addCode(inputLoop(ranged))
        .addStatement("$T[] wi = w[i]", num.scalar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
        .addStatement("rows[j][i] = wi[j]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** {@code for (i over the inputs) {}, or over {@code [from, to)}: opened, for the caller to close. */
  private CodeBlock inputLoop(boolean ranged) {
    return ranged ? CodeBlock.builder().beginControlFlow("for (int i = from; i < to; i++)").build()
        : CodeBlock.builder().beginControlFlow("for (int i = 0; i < $L; i++)", layer.inputs()).build();
  }


  /**
   * The deltas sent back to every input, or with {@code ranged} to inputs {@code from ≤ i < to} only
   * (a part's units of the layer below; the other columns of {@code p} stay as they are).
   */
  private MethodSpec propagateKernel(boolean ranged) {
    int out = layer.outputs();
    int blocked = out - out % 4;
    MethodSpec.Builder method = kernel(ranged ? propagateRangeName() : propagateName());
    if (ranged) {
      method.addJavadoc("Layer $L deltas back to units {@code from ≤ i < to} of layer $L, before their slope.\n",
          layer.number(), layer.number() - 1);
    } else {
      method.addJavadoc("Layer $L deltas back to layer $L, before its activation slope:\n",
              layer.number(), layer.number() - 1)
          .addJavadoc("{@code p[s][i] = Σⱼ d[s][j]·W[j][i]}; four weight rows per pass, inputs innermost.\n");
    }
    method.addParameter(num.matrix(), "rows")
        .addParameter(num.matrix(), "d")
        .addParameter(num.matrix(), "p")
        .addParameter(TypeName.INT, "m");
    if (ranged) {
      method.addParameter(TypeName.INT, "from").addParameter(TypeName.INT, "to");
    }
    method.beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] ds = d[s], ps = p[s]", num.scalar())
        .addStatement(ranged ? CodeBlock.of("$T.fill(ps, from, to, $L)", ARRAYS, num.literal("0"))
            : CodeBlock.of("$T.fill(ps, $L)", ARRAYS, num.literal("0")));
    if (blocked > 0) {
      method.beginControlFlow("for (int j = 0; j < $L; j += 4)", blocked)
          .addStatement("$T d_0 = ds[j], d_1 = ds[j + 1], d_2 = ds[j + 2], d_3 = ds[j + 3]", num.scalar())
          .addStatement("$T[] r_0 = rows[j], r_1 = rows[j + 1], r_2 = rows[j + 2], r_3 = rows[j + 3]",
              num.scalar())
          .addCode(inputLoop(ranged))
          .addStatement("ps[i] += d_0 * r_0[i] + d_1 * r_1[i] + d_2 * r_2[i] + d_3 * r_3[i]")
          .endControlFlow()
          .endControlFlow();
    }
    if (blocked < out) {
      method.beginControlFlow("for (int j = $L; j < $L; j++)", blocked, out)
          .addStatement("$T dj = ds[j]", num.scalar())
          .addStatement("$T[] r = rows[j]", num.scalar())
          .addCode(inputLoop(ranged))
          .addStatement("ps[i] += dj * r[i]")
          .endControlFlow()
          .endControlFlow();
    }
    return method.endControlFlow().build();
  }


  // ---- a network split by layers (Parallelism.splitLayers; see SplitPhases) ----

  String forwardRangeName() {
    return "denseRange" + l;
  }

  String transposeRangeName() {
    return "transposeRange" + l;
  }

  String propagateRangeName() {
    return "propagateRange" + l;
  }

  /**
   * Whether a split step sums this layer's weight gradients by columns: with fewer than 16 units the
   * loops over a row's units are too short for C2's vector loops, while a part's run of inputs is not.
   */
  boolean narrowSplit() {
    return layer.outputs() < 16;
  }

  String gradientColumnsName() {
    return "gradientColumns" + l;
  }

  /** The kernels of a split network: the product over a run of inputs, the deltas of a run of inputs. */
  List<MethodSpec> splitKernels() {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(forwardRangeKernel());
    methods.add(forwardRestKernel());
    if (narrowSplit()) {
      methods.add(gradientColumnsKernel());
    }
    if (layer.propagates()) {
      methods.add(transposeKernel(true));
      methods.add(propagateKernel(true));
    }
    return methods;
  }

  /**
   * This part's partial pre-activations: its run {@code [lo, hi)} of the inputs times the same rows
   * of {@code W}, plus the bias in part 0.
   */
  CodeBlock splitProduct() {
    return CodeBlock.of("$L($L, model.$L, part == 0 ? model.$L : null, $L, m, lo[$L], hi[$L]);\n", forwardRangeName(),
        input, Names.weights(l), Names.biases(l), Names.partials(l), l - 1, l - 1);
  }

  /** The deltas of this part's run of the previous layer's units, before their slope. */
  CodeBlock splitPropagate() {
    return CodeBlock.builder()
        .addStatement("$L(model.$L, $L, lo[$L], hi[$L])", transposeRangeName(), Names.weights(l), Names.weightRows(l),
            l - 1, l - 1)
        .addStatement("$L($L, $L, $L, m, lo[$L], hi[$L])", propagateRangeName(), Names.weightRows(l), Names.deltas(l),
            Names.deltas(l - 1), l - 1, l - 1)
        .build();
  }

  /** What the gradient of a run of rows needs once before its first block. */
  CodeBlock splitGradientSetup() {
    return CodeBlock.of("");
  }

  /**
   * The weight gradient rows {@code [from, to)} of a split step, into part 0's gradient rows: the
   * ones the optimizer is bound to, each row written by the part that owns it.
   */
  CodeBlock splitGradientRows(String from, String to) {
    if (narrowSplit()) {
      return CodeBlock.of("$L($L, $L, $L, team[0].$L, m, $L, $L);\n", gradientColumnsName(), input, Names.deltas(l),
          Names.gradientColumns(l), Names.weightGradients(l), from, to);
    }
    return CodeBlock.of("$L($L, $L, team[0].$L, m, $L, $L);\n", gradientName(), input, Names.deltas(l),
        Names.weightGradients(l), from, to);
  }

  /**
   * A narrow layer's gradient rows {@code [from, to)}: summed by columns, {@code gt[j][i]}, over the run
   * of inputs, then copied into the rows; the same terms in the same order as {@code gradient}, so
   * the same bits.
   */
  private MethodSpec gradientColumnsKernel() {
    int out = layer.outputs();
    return kernel(gradientColumnsName())
        .addJavadoc("Layer $L weight gradient rows {@code from ≤ i < to} over batch rows [0, m), summed by columns\n",
            layer.number())
        .addJavadoc("into {@code gt[j][i]} (the loops run over the inputs), then copied into {@code gw[i][j]}.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "d")
        .addParameter(num.matrix(), "gt")
        .addParameter(num.matrix(), "gw")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to")
        .beginControlFlow("for (int j = 0; j < $L; j++)", out)
        .addStatement("$T[] g = gt[j]", num.scalar())
        .addStatement("$T.fill(g, from, to, $L)", ARRAYS, num.literal("0"))
        .addStatement("int s = 0")
        .beginControlFlow("for (; s + 3 < m; s += 4)")
        .addStatement("$T d_0 = d[s][j], d_1 = d[s + 1][j], d_2 = d[s + 2][j], d_3 = d[s + 3][j]", num.scalar())
        .addStatement("$T[] a_0 = a[s], a_1 = a[s + 1], a_2 = a[s + 2], a_3 = a[s + 3]", num.scalar())
        .beginControlFlow("for (int i = from; i < to; i++)")
        .addStatement("g[i] += a_0[i] * d_0 + a_1[i] * d_1 + a_2[i] * d_2 + a_3[i] * d_3")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (; s < m; s++)")
        .addStatement("$T dj = d[s][j]", num.scalar())
        .addStatement("$T[] as = a[s]", num.scalar())
        .beginControlFlow("for (int i = from; i < to; i++)")
        .addStatement("g[i] += as[i] * dj")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int i = from; i < to; i++)")
        .addStatement("$T[] row = gw[i]", num.scalar())
        .beginControlFlow("for (int j = 0; j < $L; j++)", out)
        .addStatement("row[j] = gt[j][i]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * The gradients of this part's weight rows, in blocks, each handed to {@code ready} (and so to the
   * optimizer) as soon as it is done.
   */
  CodeBlock splitGradient() {
    int block = rowsPerBlock();
    return CodeBlock.builder()
        .add(splitGradientSetup())
        .beginControlFlow("for (int i0 = lo[$L]; i0 < hi[$L]; i0 += $L)", l - 1, l - 1, block)
        .addStatement("int i1 = $T.min(hi[$L], i0 + $L)", Math.class, l - 1, block)
        .add(splitGradientRows("i0", "i1"))
        .addStatement(firstRow == 0 ? CodeBlock.of("ready.rows(i0, i1)")
            : CodeBlock.of("ready.rows($L + i0, $L + i1)", firstRow, firstRow))
        .endControlFlow()
        .build();
  }

  private MethodSpec forwardRangeKernel() {
    int out = layer.outputs();
    return kernel(forwardRangeName())
        .addJavadoc("Layer $L's product over inputs {@code from ≤ i < to}, for rows [0, m):\n", layer.number())
        .addJavadoc("{@code z[s][j] = b[j] + Σᵢ a[s][i]·W[j][i]}, {@code b} zero when null; a part's share of a split layer.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "w")
        .addParameter(num.vector(), "b")
        .addParameter(num.matrix(), "z")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .beginControlFlow("if (b == null)")
        .addStatement("$T.fill(z[s], $L)", ARRAYS, num.literal("0"))
        .nextControlFlow("else")
        .addStatement("$T.arraycopy(b, 0, z[s], 0, $L)", System.class, out)
        .endControlFlow()
        .endControlFlow()
        .addStatement("int i = from")
        .beginControlFlow("for (; i + 3 < to; i += 4)")
        .addCode(fourInputs())
        .endControlFlow()
        .beginControlFlow("if (i < to)")
        .addStatement("$L(a, w, z, m, i, to)", forwardRestName())
        .endControlFlow()
        .build();
  }

  /**
   * The inputs a range's passes of four leave over, one at a time. In a method of their own: with
   * this loop beside them, C2 compiled the passes of four about 28% slower than the whole layer's
   * (784-128 at batch 32, JDK 17), even for ranges that never reach it.
   */
  private MethodSpec forwardRestKernel() {
    return kernel(forwardRestName())
        .addJavadoc("Layer $L's product over the inputs {@code from ≤ i < to} that a range's passes of four leave over.\n",
            layer.number())
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "w")
        .addParameter(num.matrix(), "z")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to")
        .beginControlFlow("for (int i = from; i < to; i++)")
        .addCode(oneInput())
        .endControlFlow()
        .build();
  }

  private String forwardRestName() {
    return "denseRangeRest" + l;
  }


  /** {@code d *= f'(z)} for this part's units of the layer, after the next layer sent the deltas back. */
  CodeBlock splitSlope() {
    if (!hasActivation()) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] ps = $L[s], zs = $L[s], as = $L[s]", num.scalar(), Names.deltas(l), Names.preActivations(l),
            activations())
        .beginControlFlow("for (int i = lo[$L]; i < hi[$L]; i++)", l, l)
        .addStatement("ps[i] *= $L(zs[i], as[i])", ActivationFunctions.derivativeName(layer.activation()))
        .endControlFlow()
        .endControlFlow()
        .build();
  }
}
