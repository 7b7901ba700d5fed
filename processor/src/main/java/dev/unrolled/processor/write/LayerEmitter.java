package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.unrolled.Activation;
import dev.unrolled.processor.plan.Chunk;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import javax.lang.model.element.Modifier;

/**
 * Everything one layer contributes to the generated classes: its parameter fields and their flat
 * layout, its initialisation, its workspace buffers, its forward and backward passes and their
 * kernels. There is one emitter per layer kind × code shape, chosen once in {@link Emitters}; the
 * writers walk the emitters and leave every per-layer question to them.
 */
abstract class LayerEmitter {
  final LayerPlan layer;
  final Numeric num;
  final ClassName model;
  final Storage storage;
  /** The rows this layer reads: {@code x}, or the previous layer's activations. */
  final String input;
  final int l;
  /** Where the layer's rows start among the optimizer's rows; set once by {@link Emitters}. */
  int firstRow;
  /** Where the layer's running estimates start among the model's running rows; set once by {@link Emitters}. */
  int firstRunningRow;
  /** The layers before and after this one (null at the ends); set once by {@link Emitters}. */
  LayerEmitter previous;
  LayerEmitter next;

  LayerEmitter(LayerPlan layer, Numeric num, ClassName model, Storage storage, String input) {
    this.layer = layer;
    this.num = num;
    this.model = model;
    this.storage = storage;
    this.input = input;
    this.l = layer.number();
  }

  // ---- the model: parameters ----

  /** The matrix field (weights or centres) and the vector field (biases or log-widths). */
  abstract List<FieldSpec> parameterFields();

  /** Seeded initialisation of the layer's parameters from {@code init}, in flat draw order. */
  abstract CodeBlock initialise();

  /** The layer's static kernels, added to the model. */
  abstract List<MethodSpec> kernels();

  /** The fields of the vector blocks after the matrix, in flat order: the biases (or log-widths). */
  List<String> vectors() {
    return List.of(Names.biases(l));
  }

  /** The gradient fields of {@link #vectors()}, in the same order. */
  List<String> vectorGradients() {
    return List.of(Names.biasGradients(l));
  }

  CodeBlock exportParameters(String dst) {
    return storage.export(layer, dst, Names.weights(l), vectors());
  }

  CodeBlock importParameters(String src) {
    return storage.importFrom(layer, num, src, Names.weights(l), vectors());
  }

  CodeBlock exportGradients(String dst) {
    return storage.export(layer, dst, Names.weightGradients(l), vectorGradients());
  }

  CodeBlock parameterRows() {
    return storage.rows(layer, firstRow, Names.weights(l), vectors());
  }

  CodeBlock gradientRows() {
    return storage.rows(layer, firstRow, Names.weightGradients(l), vectorGradients());
  }

  CodeBlock decayedRows() {
    return storage.decayedRows(layer, firstRow);
  }

  int rowCount() {
    return storage.rowCount(layer);
  }

  /** Rows of running estimates the model keeps for the layer: 2 for a BATCH layer (means, variances). */
  int runningRowCount() {
    return 0;
  }

  /** {@code array[firstRunningRow…] = } the layer's running estimates (in the model), or its batch statistics. */
  CodeBlock runningRows(String array, boolean batchStatistics) {
    return CodeBlock.of("");
  }

  // ---- the workspace ----

  /** Whether the layer keeps its batch in lanes, {@code [unit][sample]}, rather than in rows. */
  boolean lanes() {
    return false;
  }

  /** The activations this layer writes: {@code al}, or {@code zl} when the activation is the identity. */
  String activations() {
    return Names.activations(layer);
  }

  /** The rows the next layer reads: the activations, or with dropout {@code ol}, the kept ones. */
  String output() {
    return activations();
  }

  /** Row buffers of a batch: pre-activations, activations (unless they are the same), deltas. */
  List<FieldSpec> rowFields() {
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(FieldSpec.builder(num.matrix(), Names.preActivations(l)).build());
    if (layer.hasActivations()) {
      fields.add(FieldSpec.builder(num.matrix(), activations()).build());
    }
    fields.add(FieldSpec.builder(num.matrix(), Names.deltas(l)).build());
    return fields;
  }

  /** Every field the layer adds to the workspace: its rows, and what its kind needs besides. */
  List<FieldSpec> workspaceFields() {
    return rowFields();
  }

  /** The activation functions the layer's code calls, so the model emits them once. */
  Set<Activation> activationsUsed() {
    return Set.of();
  }

  /** {@code new float[n][units]} for each of {@link #rowFields()}. */
  CodeBlock allocateRows() {
    CodeBlock.Builder code = CodeBlock.builder();
    for (FieldSpec field : rowFields()) {
      code.addStatement("$N = new $T[n][$L]", field, num.scalar(), layer.outputs());
    }
    return code.build();
  }

  /** Gradient buffers, as large as the parameters: allocated only by workspaces that train. */
  List<FieldSpec> trainingFields() {
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(FieldSpec.builder(storage.type(num), Names.weightGradients(l)).build());
    for (String gradient : vectorGradients()) {
      fields.add(FieldSpec.builder(num.vector(), gradient).build());
    }
    return fields;
  }

  CodeBlock allocateTraining() {
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("$L = $L", Names.weightGradients(l), storage.allocate(layer, num));
    for (String gradient : vectorGradients()) {
      code.addStatement("$L = new $T[$L]", gradient, num.scalar(), layer.outputs());
    }
    return code.build();
  }

  /** {@code forwardl(model, m)}: this layer's forward pass over rows [0, m). */
  abstract MethodSpec forward();

  /**
   * {@code backwardl(model, m)}: this layer's gradients and, if it propagates, the deltas of
   * {@code previous} (null for layer 1) through {@code previous}'s {@link #slope()}.
   */
  abstract MethodSpec backward(LayerEmitter previous);

  /**
   * Whether {@link #backward} takes a {@code ReadyRows ready} and reports the layer's rows to it
   * itself, run by run as their gradients are done; otherwise the workspace reports all of them
   * after the layer's backward pass.
   */
  boolean streamsGradientRows() {
    return false;
  }

  /**
   * Multiplies the deltas written into this layer's {@code d} by the layer's slope
   * {@code ∂a/∂z}, after the next layer propagated into them; empty for the identity.
   */
  abstract CodeBlock slope();

  /** {@code forwardl}/{@code backwardl} with the workspace's parameters. */
  MethodSpec.Builder pass(String name) {
    return MethodSpec.methodBuilder(name + l)
        .addModifiers(Modifier.PRIVATE)
        .addParameter(model, "model")
        .addParameter(TypeName.INT, "m");
  }

  /** One unrolled kernel per chunk of a pass, in chunk order. */
  static List<MethodSpec> perChunk(List<Chunk> chunks, IntFunction<MethodSpec> kernel) {
    List<MethodSpec> methods = new ArrayList<>();
    for (int k = 0; k < chunks.size(); k++) {
      methods.add(kernel.apply(k));
    }
    return methods;
  }

  /** Writes the gradient sums of units [j0, j1) over inputs [i0, i1). */
  interface Tile {
    void write(int j0, int j1, int i0, int i1);
  }

  /**
   * The tiles of an unrolled gradient kernel for the units of {@code chunk}: at most
   * {@link LayerPlan#TILE_SUMS} sums each, so they stay in registers during one pass over the batch.
   */
  static void eachTile(Chunk chunk, int in, Tile tile) {
    int unitsPerTile = Math.max(1, LayerPlan.TILE_SUMS / (in + 1));
    int inputsPerTile = Math.min(in, LayerPlan.TILE_SUMS);
    for (int j = chunk.from(); j < chunk.to(); j += unitsPerTile) {
      for (int i = 0; i < in; i += inputsPerTile) {
        tile.write(j, Math.min(chunk.to(), j + unitsPerTile), i, Math.min(in, i + inputsPerTile));
      }
    }
  }

  /** A private static kernel of the model. */
  static MethodSpec.Builder kernel(String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC);
  }

  /** {@code for (s) for (j) body}, with {@code rows} the row locals of sample {@code s}. */
  CodeBlock eachUnit(String rows, Object[] rowArgs, int units, String index, String body, Object... args) {
    return CodeBlock.builder()
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement(rows, rowArgs)
        .beginControlFlow("for (int $L = 0; $L < $L; $L++)", index, index, units, index)
        .addStatement(body, args)
        .endControlFlow()
        .endControlFlow()
        .build();
  }
}
