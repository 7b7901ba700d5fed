package dev.unrolled.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unrolled.processor.plan.CodeShape;
import dev.unrolled.processor.plan.LayerPlan;
import dev.unrolled.processor.plan.NetworkPlan;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The model's nested {@code Workspace}: every buffer one batch needs (rows of inputs, targets,
 * pre-activations, activations, deltas; the gradients; transposed weight copies), sized for a batch
 * capacity and reallocated only when a larger batch arrives, plus the passes that run the kernels
 * over them. Trainers own one; the model keeps one for {@code predict} and {@code lossAndGradient}.
 */
final class WorkspaceWriter {
  private static final ClassName DATASET = RuntimeTypes.DATASET;

  /** Up to this many outputs, labels use shared target rows (a table of outputs² values). */
  static final int SHARED_TARGET_OUTPUTS = 64;
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");

  private final NetworkPlan plan;
  private final Numeric num;
  private final ClassName model;
  private final LossEmitter loss;
  private final List<LayerEmitter> layers;

  WorkspaceWriter(NetworkPlan plan, Numeric num, ClassName model, LossEmitter loss, List<LayerEmitter> layers) {
    this.plan = plan;
    this.num = num;
    this.model = model;
    this.loss = loss;
    this.layers = layers;
  }

  TypeSpec write() {
    TypeSpec.Builder type = TypeSpec.classBuilder("Workspace")
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.BATCH_WORKSPACE, model))
        .addJavadoc("Buffers for batches of up to {@code capacity} rows, and the passes over them.\n")
        .addJavadoc("Rows are arrays of their own so every kernel's inner loop runs over one contiguous row.\n");
    addFields(type);
    type.addMethod(MethodSpec.constructorBuilder()
        .addParameter(TypeName.INT, "capacity")
        .addStatement("allocate(capacity)")
        .build());
    type.addMethod(overriding("ensureCapacity")
        .addJavadoc("Grows the row buffers for batches of {@code m} rows; allocates only when m is a new maximum.\n")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("if (m > capacity)")
        .addStatement("allocate(m)")
        .endControlFlow()
        .build());
    addAllocate(type);
    addEnsureTraining(type);
    addLoaders(type);
    addModes(type);
    type.addMethod(forward());
    for (LayerEmitter layer : layers) {
      type.addMethod(layer.forward());
    }
    type.addMethod(loss.lossMethod());
    type.addMethod(loss.lossRowsMethod());
    type.addMethod(backward());
    for (int k = 0; k < layers.size(); k++) {
      type.addMethod(layers.get(k).backward(k == 0 ? null : layers.get(k - 1)));
    }
    addGradientTo(type);
    type.addMethods(gradientRows());
    type.addMethod(correct());
    String whyNotSplit = SplitPhases.whyNot(layers);
    if (whyNotSplit == null) {
      new SplitPhases(plan, num, model, layers).addTo(type);
    } else {
      type.addMethod(overriding("whyNotSplit").returns(String.class).addStatement("return $S", whyNotSplit).build());
    }
    return type.build();
  }

  private void addFields(TypeSpec.Builder type) {
    ArrayTypeName rows = num.matrix();
    type.addField(TypeName.INT, "capacity")
        .addField(FieldSpec.builder(rows, "x").addJavadoc("Input rows of the batch: own buffers or the caller's rows.\n").build())
        .addField(rows, "xRows")
        .addField(FieldSpec.builder(rows, "y").addJavadoc("Target rows of the batch: own buffers or the caller's rows.\n").build())
        .addField(rows, "yRows");
    for (LayerEmitter layer : layers) {
      type.addFields(layer.workspaceFields());
    }
    for (LayerEmitter layer : layers) {
      type.addFields(layer.trainingFields()); // allocated by ensureTraining(), never for predict
    }
    if (plan.hasLaneLayers()) {
      type.addField(FieldSpec.builder(TypeName.INT, "stride")
              .addJavadoc("Lane buffers hold unit {@code j} of sample {@code s} at {@code j·stride + s}: the capacity\n")
              .addJavadoc("in whole vectors.\n")
              .build())
          .addField(FieldSpec.builder(num.vector(), "laneScratch")
              .addJavadoc("The lanes of a few vectors, for adding them up in a fixed order.\n")
              .build())
          .addField(FieldSpec.builder(num.vector(), "laneRows")
              .addJavadoc("One side of a lane layer moved to rows for its weight gradients: {@code stride × $L}.\n",
                  maxLaneWidth())
              .build())
          .addField(FieldSpec.builder(int[].class, "laneAcross")
              .addJavadoc("{@code laneAcross[u] = u·stride}: where a vector's lanes gather one sample of\n")
              .addJavadoc("{@code LANE_WIDTH} consecutive units.\n")
              .build());
      if (plan.laneLoss()) {
        type.addField(FieldSpec.builder(num.vector(), "yLanes")
            .addJavadoc("The targets in lanes, for the loss.\n")
            .build());
      }
    }
    if (plan.hasTiledLayers()) {
      type.addField(FieldSpec.builder(num.vector(), "panel")
              .addJavadoc("One block of a weight matrix packed for the vector tiles ({@code VectorKernels.PANEL} scalars);\n")
              .addJavadoc("null without jdk.incubator.vector.\n")
              .build())
          .addField(FieldSpec.builder(num.vector(), "rowPanel")
              .addJavadoc("A tiled layer's inputs (a narrow layer's deltas) packed for its weight gradient: {@code capacity × $L};\n",
                  maxTiled(LayerPlan::gradientRows))
              .addJavadoc("allocated with the training buffers, when the vector tiles run.\n")
              .build())
          .addField(FieldSpec.builder(num.vector(), "columnPanel")
              .addJavadoc("A tiled layer's deltas (a narrow layer's inputs) packed for its weight gradient:\n")
              .addJavadoc("{@code capacity × VectorKernels.columns($L)}.\n",
                  maxTiled(LayerPlan::gradientColumns))
              .build());
    }
    type.addFields(loss.workspaceFields());
    type.addField(FieldSpec.builder(TypeName.INT, "correct")
        .addJavadoc("Correct classifications in the last batch passed to {@code loss}.\n")
        .build());
  }

  /** A public method of {@code BatchWorkspace}, which the runtime's training core calls. */
  static MethodSpec.Builder overriding(String name) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
  }

  private static MethodSpec correct() {
    return overriding("correct").returns(TypeName.INT).addStatement("return correct").build();
  }

  /** Gradient and transposed-weight buffers exist only in workspaces that train. */
  private void addEnsureTraining(TypeSpec.Builder type) {
    ParameterSpec pooled = ParameterSpec.builder(TypeName.BOOLEAN, "pooled").build();
    MethodSpec.Builder method = MethodSpec.methodBuilder("ensureTraining")
        .addJavadoc("Allocates the buffers the backward pass needs, once; inference never does. With\n")
        .addJavadoc("{@code pooled}, for a trainer of one shard whose optimizer takes the rows the pass reports\n")
        .addJavadoc("ready, a layer that streams its gradient rows in blocks gives them one block of buffers:\n")
        .addJavadoc("its gradients cannot be read after the pass.\n")
        .addParameter(pooled)
        .beginControlFlow("if ($L != null)", Names.weightGradients(1))
        .addStatement("return")
        .endControlFlow();
    type.addMethods(perLayer(method, "allocateTraining", pooled, LayerEmitter::allocateTraining));
    if (plan.hasTiledLayers()) {
      method.beginControlFlow("if (VECTOR)")
          .addStatement("allocateGradientPanels()")
          .endControlFlow();
    }
    type.addMethod(method.build());
  }

  /** The largest {@code side} (rows or columns of the weight gradient) of the layers in vector tiles. */
  private int maxTiled(java.util.function.ToIntFunction<LayerPlan> side) {
    return plan.layers().stream().filter(layer -> layer.shape() == CodeShape.VECTOR).mapToInt(side).max().orElse(0);
  }

  /** The widest side of any lane layer: the most units or inputs its gradient kernel moves to rows. */
  private int maxLaneWidth() {
    return plan.layers().stream().filter(layer -> layer.shape() == CodeShape.LANES)
        .mapToInt(layer -> Math.max(layer.inputs(), layer.outputs())).max().orElse(0);
  }

  private int runningRowCount() {
    return layers.stream().mapToInt(LayerEmitter::runningRowCount).sum();
  }

  private List<MethodSpec> perLayer(MethodSpec.Builder method, String helperName, ParameterSpec parameter,
      Function<LayerEmitter, CodeBlock> code) {
    return LayerGroups.addPerLayer(method, helperName, parameter, plan.layersPerMethod(), layers, code);
  }

  private void addAllocate(TypeSpec.Builder type) {
    ParameterSpec n = ParameterSpec.builder(TypeName.INT, "n").build();
    MethodSpec.Builder method = MethodSpec.methodBuilder("allocate")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(n)
        .addStatement("capacity = n")
        .addStatement("x = new $T[n][]", num.scalar())
        .addStatement("xRows = new $T[n][$L]", num.scalar(), plan.inputs())
        .addStatement("y = new $T[n][]", num.scalar())
        .addStatement("yRows = new $T[n][$L]", num.scalar(), plan.outputs());
    if (plan.hasLaneLayers()) {
      method.addStatement("stride = lanes(n)")
          .addStatement("laneScratch = new $T[$L * LANE_WIDTH]", num.scalar(), LaneKernels.SCRATCH_VECTORS)
          .addStatement("laneRows = new $T[stride * $L]", num.scalar(), maxLaneWidth())
          .addStatement("laneAcross = new int[LANE_WIDTH]")
          .beginControlFlow("for (int u = 0; u < LANE_WIDTH; u++)")
          .addStatement("laneAcross[u] = u * stride")
          .endControlFlow();
      if (plan.laneLoss()) {
        method.addStatement("yLanes = new $T[$L * stride]", num.scalar(), plan.outputs());
      }
      type.addMethod(MethodSpec.methodBuilder("lanes")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addJavadoc("{@code m} rounded up to whole vectors: the lanes the vector kernels compute.\n")
          .returns(TypeName.INT)
          .addParameter(TypeName.INT, "m")
          .addStatement("return (m + LANE_WIDTH - 1) / LANE_WIDTH * LANE_WIDTH")
          .build());
    }
    if (plan.hasTiledLayers()) {
      method.beginControlFlow("if (VECTOR && panel == null)")
          .addStatement("panel = new $T[$L.PANEL]", num.scalar(), VectorKernels.CLASS_NAME)
          .endControlFlow()
          .beginControlFlow("if (rowPanel != null)")
          .addStatement("allocateGradientPanels()")
          .endControlFlow();
      type.addMethod(MethodSpec.methodBuilder("allocateGradientPanels")
          .addModifiers(Modifier.PRIVATE)
          .addJavadoc("The packed inputs and deltas of the tiled weight gradients, for {@code capacity} rows.\n")
          .addStatement("rowPanel = new $T[capacity * $L]", num.scalar(), maxTiled(LayerPlan::gradientRows))
          .addStatement("columnPanel = new $T[capacity * $L.columns($L)]", num.scalar(), VectorKernels.CLASS_NAME,
              maxTiled(LayerPlan::gradientColumns))
          .build());
    }
    type.addMethods(perLayer(method, "allocate", n, LayerEmitter::allocateRows));
    if (SplitPhases.whyNot(layers) == null) {
      method.beginControlFlow("if (team != null)")
          .addStatement("allocatePartials()")
          .endControlFlow();
    }
    if (plan.hasBatchNorm()) {
      method.addStatement("statistics = new $T[$L][]", num.scalar(), runningRowCount());
      type.addMethods(perLayer(method, "statisticsRows", null, layer -> layer.runningRows("statistics", true)));
    }
    type.addMethod(method.build());
  }

  private void addLoaders(TypeSpec.Builder type) {
    type.addMethod(MethodSpec.methodBuilder("loadInputs")
        .addJavadoc("Uses the caller's input rows {@code [from, from+m)} as they are: no copy.\n")
        .addParameter(num.matrix(), "rows")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T.arraycopy(rows, from, x, 0, m)", System.class)
        .build());
    type.addMethod(MethodSpec.methodBuilder("loadTargets")
        .addJavadoc("Uses the caller's target rows as they are: no copy.\n")
        .addParameter(num.matrix(), "rows")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T.arraycopy(rows, 0, y, 0, m)", System.class)
        .build());
    if (num.isFloat()) {
      type.addMethod(copyingLoader("loadInputs", "x", "xRows", plan.inputs(), true));
      type.addMethod(copyingLoader("loadTargets", "y", "yRows", plan.outputs(), false));
    }
    type.addMethod(plan.outputs() <= SHARED_TARGET_OUTPUTS ? sharedLabels(type) : filledLabels());
    type.addMethod(shareRows());
    type.addMethod(overriding("loadRows")
        .addJavadoc("Copies rows {@code rows[from..from+m)} of {@code data} into the own buffers.\n")
        .addParameter(DATASET, "data")
        .addParameter(ArrayTypeName.of(TypeName.INT), "rows")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("int row = rows[from + s]")
        .addStatement("data.features(row, xRows[s])")
        .addStatement("data.targets(row, yRows[s])")
        .addStatement("x[s] = xRows[s]")
        .addStatement("y[s] = yRows[s]")
        .endControlFlow()
        .build());
  }

  /**
   * Labels point each target at a shared row per class: target rows are only read (they may be the
   * caller's), so no one-hot row is filled per sample and step. The table holds outputs² values, so
   * wider outputs fill their own rows instead.
   */
  private MethodSpec sharedLabels(TypeSpec.Builder type) {
    int classes = plan.outputs() == 1 ? 2 : plan.outputs();
    type.addField(FieldSpec.builder(num.matrix(), "TARGET_OF_LABEL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Row {@code c}: the target row of label {@code c}. Never written.\n")
        .initializer("targetsOfLabels()")
        .build());
    MethodSpec.Builder table = MethodSpec.methodBuilder("targetsOfLabels")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc(plan.outputs() == 1 ? "The targets of labels 0 and 1: rows {0} and {1}.\n"
            : "The one-hot target rows of the labels: row {@code c} is 1 at {@code c}, else 0.\n")
        .returns(num.matrix())
        .addStatement("$T[][] rows = new $T[$L][$L]", num.scalar(), num.scalar(), classes, plan.outputs());
    if (plan.outputs() == 1) {
      table.addStatement("rows[1][0] = $L", num.literal("1"));
    } else {
      table.beginControlFlow("for (int c = 0; c < $L; c++)", classes)
          .addStatement("rows[c][c] = $L", num.literal("1"))
          .endControlFlow();
    }
    type.addMethod(table.addStatement("return rows").build());
    return MethodSpec.methodBuilder("loadLabels")
        .addJavadoc(plan.outputs() == 1
            ? "Targets from 0/1 labels: the label itself is the single output's target, in a shared row.\n"
            : "Targets from class labels: the shared one-hot row of each class.\n")
        .addParameter(ArrayTypeName.of(TypeName.INT), "labels")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("y[s] = TARGET_OF_LABEL[labels[s]]")
        .endControlFlow()
        .build();
  }

  private MethodSpec filledLabels() {
    return MethodSpec.methodBuilder("loadLabels")
        .addJavadoc("Targets from class labels: one-hot rows.\n")
        .addParameter(ArrayTypeName.of(TypeName.INT), "labels")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] row = yRows[s]", num.scalar())
        .addStatement("$T.fill(row, $L)", ARRAYS, num.literal("0"))
        .addStatement("row[labels[s]] = $L", num.literal("1"))
        .addStatement("y[s] = row")
        .endControlFlow()
        .build();
  }

  /** For data-parallel trainers: a shard's rows are a run of the batch loaded in shard 0. */
  private MethodSpec shareRows() {
    ClassName workspace = model.nestedClass("Workspace");
    return overriding("shareRows")
        .addJavadoc("Uses rows {@code [from, from+m)} of the batch in {@code batch} as rows {@code [0, m)}: no copy.\n")
        .addParameter(ParameterizedTypeName.get(RuntimeTypes.BATCH_WORKSPACE, model), "batch")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T rows = ($T) batch", workspace, workspace)
        .addStatement("$T.arraycopy(rows.x, from, x, 0, m)", System.class)
        .addStatement("$T.arraycopy(rows.y, from, y, 0, m)", System.class)
        .build();
  }

  /** With {@code offset}, rows {@code [from, from+m)}: a batch prediction's block. */
  private MethodSpec copyingLoader(String name, String refs, String buffers, int width, boolean offset) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addJavadoc("Copies double rows into the own float buffers.\n")
        .addParameter(ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE)), "rows");
    if (offset) {
      method.addParameter(TypeName.INT, "from");
    }
    return method.addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] src = rows[$L]", TypeName.DOUBLE, offset ? "from + s" : "s")
        .addStatement("$T[] dst = $L[s]", num.scalar(), buffers)
        .beginControlFlow("for (int k = 0; k < $L; k++)", width)
        .addStatement("dst[k] = (float) src[k]")
        .endControlFlow()
        .addStatement("$L[s] = dst", refs)
        .endControlFlow()
        .build();
  }

  /**
   * What a forward pass computes: a trainer step's (dropout, batch statistics) or inference; and
   * the step's batch statistics folded into the model's running estimates.
   */
  private void addModes(TypeSpec.Builder type) {
    MethodSpec.Builder prepare = overriding("prepare")
        .addParameter(TypeName.BOOLEAN, "training")
        .addParameter(TypeName.LONG, "seed")
        .addParameter(TypeName.LONG, "step")
        .addParameter(TypeName.INT, "firstRow");
    if (plan.hasDropout()) {
      type.addField(FieldSpec.builder(TypeName.BOOLEAN, "dropping")
              .addJavadoc("Whether forward passes drop outputs: in trainer steps only.\n").build())
          .addField(TypeName.LONG, "dropoutSeed")
          .addField(TypeName.LONG, "dropoutStep")
          .addField(FieldSpec.builder(TypeName.INT, "firstRow")
              .addJavadoc("The batch row of this workspace's row 0: its shard's first row.\n").build());
      prepare.addStatement("dropping = training")
          .addStatement("dropoutSeed = seed")
          .addStatement("dropoutStep = step")
          .addStatement("this.firstRow = firstRow");
    }
    MethodSpec.Builder fold = overriding("foldStatistics")
        .addParameter(model, "model")
        .addParameter(TypeName.BOOLEAN, "first")
        .addParameter(TypeName.DOUBLE, "weight");
    if (plan.hasBatchNorm()) {
      type.addField(FieldSpec.builder(TypeName.BOOLEAN, "batchStatistics")
              .addJavadoc("Whether BATCH layers normalise with the batch's statistics (trainer steps and\n")
              .addJavadoc("lossAndGradient) rather than the running estimates (prediction).\n").build())
          .addField(FieldSpec.builder(TypeName.INT, "statisticsRows")
              .addJavadoc("The rows of the last forward pass with batch statistics.\n").build());
      type.addField(FieldSpec.builder(num.matrix(), "statistics")
          .addJavadoc("The BATCH layers' batch means and variances, in the order of the model's running rows.\n")
          .build());
      prepare.addStatement("batchStatistics = training");
      fold.addStatement("$T.fold(model.running, statistics, statisticsRows, first, weight)",
          RuntimeTypes.RUNNING_ESTIMATES);
    }
    type.addMethod(prepare.build()).addMethod(fold.build());
    if (!plan.hasDropout() && !plan.hasBatchNorm()) {
      return;
    }
    MethodSpec.Builder evaluating = MethodSpec.methodBuilder("evaluating")
        .addJavadoc("For lossAndGradient: the training objective, with batch statistics, without dropout.\n");
    if (plan.hasDropout()) {
      evaluating.addStatement("dropping = false");
    }
    if (plan.hasBatchNorm()) {
      evaluating.addStatement("batchStatistics = true");
    }
    type.addMethod(evaluating.build());
  }

  private MethodSpec forward() {
    MethodSpec.Builder method = overriding("forward")
        .addJavadoc("Forward pass over rows [0, m) of {@code x}, layer by layer.\n")
        .addParameter(model, "model")
        .addParameter(TypeName.INT, "m");
    if (plan.hasBatchNorm()) {
      method.beginControlFlow("if (batchStatistics)")
          .addStatement("statisticsRows = m")
          .endControlFlow();
    }
    for (LayerEmitter layer : layers) {
      method.addStatement("forward$L(model, m)", layer.l);
    }
    return method.build();
  }

  private MethodSpec backward() {
    MethodSpec.Builder method = overriding("backward")
        .addJavadoc("Backward pass over rows [0, m), from the output deltas written by {@code loss}\n")
        .addJavadoc("down to layer 1: fills every weight and bias gradient, and reports the parameter rows\n")
        .addJavadoc("to {@code ready} (a streaming layer's block by block, the others' at the end).\n")
        .addParameter(model, "model")
        .addParameter(TypeName.INT, "m")
        .addParameter(RuntimeTypes.READY_ROWS, "ready");
    // Only the first layer streams its rows; the others' rows follow it and go in one run at the end.
    int streamed = 0;
    for (int k = layers.size() - 1; k >= 0; k--) {
      LayerEmitter layer = layers.get(k);
      if (layer.streamsGradientRows()) {
        method.addStatement("backward$L(model, m, ready)", layer.l);
        streamed = layer.firstRow + layer.rowCount();
      } else {
        method.addStatement("backward$L(model, m)", layer.l);
      }
    }
    LayerEmitter last = layers.get(layers.size() - 1);
    int rows = last.firstRow + last.rowCount();
    if (streamed < rows) {
      method.addStatement("ready.rows($L, $L)", streamed, rows);
    }
    return method.build();
  }

  private void addGradientTo(TypeSpec.Builder type) {
    ParameterSpec g = ParameterSpec.builder(ArrayTypeName.of(TypeName.DOUBLE), "g").build();
    MethodSpec.Builder method = MethodSpec.methodBuilder("gradientTo")
        .addJavadoc("Writes the gradients in the flat parameter layout.\n")
        .addParameter(g);
    type.addMethods(perLayer(method, "gradientTo", g, layer -> layer.exportGradients("g")));
    type.addMethod(method.build());
  }

  private List<MethodSpec> gradientRows() {
    return ParameterMethods.rows(MethodSpec.methodBuilder("gradientRows")
        .addJavadoc("The gradient rows, in the same order as {@code parameterRows()} of the model.\n"),
        plan, num, layers, LayerEmitter::gradientRows);
  }
}
