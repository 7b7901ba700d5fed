package dev.unrolled.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unrolled.processor.plan.NetworkPlan;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The workspace's phases of a training step split by layers ({@code Parallelism.splitLayers}): each
 * part owns a run of every level of units, the inputs (level 0) and each layer's units (level k),
 * and so the rows of each layer's weights that its run of inputs multiplies.
 *
 * <ul>
 *   <li>Phase 0: the first layer's partial product over the part's inputs (the bias in part 0).
 *   <li>Phase k, 1 ≤ k < L: layer k's pre-activations of the part's own units, the parts' partial
 *       sums added in part order, and their activations; then layer k+1's partial product over them.
 *   <li>Phase L: the part's own rows of the batch: the sum of each output unit, then their loss
 *       and output deltas. The step's loss is the parts' shares added in part order, which every part
 *       adds up alike once all have run phase L.
 *   <li>Phases L+1 … 2L, layer l from L down to 1: the deltas of layer l's units from the parts that
 *       own them (l < L), or of the output layer's rows from the parts that own them (l = L); the bias
 *       gradient (part 0); the deltas of the part's units of layer l−1
 *       through its own weight rows, then their slope; the gradients of its weight rows in blocks,
 *       each handed to the optimizer as it is done.
 * </ul>
 *
 * <p>An output layer too small for the looped or vector shapes (unrolled, or in lanes) is not split:
 * in phase L every part gathers the last hidden layer's pre-activations and activations and runs
 * the output layer's own forward pass, in phase L+1 its own backward pass (the same bits in every
 * part; each fills gradients of its own, and all the deltas of the last hidden layer), and part 0
 * hands the output layer's rows to the optimizer at the start of phase L+2, once no part reads its
 * weights any more.
 *
 * <p>Between two phases every part waits for the others, so a phase only reads what earlier
 * phases wrote. A part reads the other parts' partial sums and deltas, never their weights: a
 * part's weight rows are read and written by that part alone.
 */
final class SplitPhases {
  private final NetworkPlan plan;
  private final Numeric num;
  private final ClassName model;
  private final List<LayerEmitter> layers;
  /** Layers, L. */
  private final int count;
  /** Layers split into parts: all, or all but an output layer that every part runs whole. */
  private final int split;

  SplitPhases(NetworkPlan plan, Numeric num, ClassName model, List<LayerEmitter> layers) {
    this.plan = plan;
    this.num = num;
    this.model = model;
    this.layers = layers;
    this.count = layers.size();
    this.split = layers.get(count - 1) instanceof DenseLooped ? count : count - 1;
  }

  /** Whether every part runs the output layer whole. */
  private boolean wholeOutput() {
    return split < count;
  }

  /** Why a step of this network cannot be split by layers, or null when it can. */
  static String whyNot(List<LayerEmitter> layers) {
    for (LayerEmitter layer : layers) {
      String which = "layer " + layer.l;
      if (layer instanceof RadialUnrolled || layer instanceof RadialLooped) {
        return which + " is a radial-basis-function layer";
      }
      if (layer instanceof DenseEmitter dense && dense.norm != null) {
        return which + " is normalised";
      }
      if (layer instanceof DenseEmitter dense && dense.dropout != null) {
        return which + " has dropout";
      }
      if (layer instanceof DenseLooped || layer.next == null && layers.size() > 1) {
        continue; // a small output layer runs whole in every part
      }
      return which + (layer instanceof DenseUnrolled ? " is unrolled" : " keeps the batch in vector lanes")
          + " (a layer this small gains nothing from threads)";
    }
    return null;
  }

  /** The deltas of a part's units through the vector tiles, or {@code looped} without them. */
  static CodeBlock vectorPropagate(DenseLooped layer, CodeBlock looped) {
    int l = layer.l;
    return CodeBlock.builder()
        .beginControlFlow("if (VECTOR)")
        .addStatement("$L.productTransposedRange($L, model.$L, $L, m, $L, lo[$L], hi[$L], panel)",
            VectorKernels.CLASS_NAME, Names.deltas(l), Names.weights(l), Names.deltas(l - 1),
            layer.layer.outputs(), l - 1, l - 1)
        .nextControlFlow("else")
        .add(looped)
        .endControlFlow()
        .build();
  }

  private DenseLooped layer(int l) {
    return (DenseLooped) layers.get(l - 1);
  }

  /** Fields and methods of the split phases, added to the workspace. */
  void addTo(TypeSpec.Builder type) {
    ClassName workspace = model.nestedClass("Workspace");
    type.addField(FieldSpec.builder(ArrayTypeName.of(workspace), "team", Modifier.PRIVATE)
            .addJavadoc("The parts of a trainer that splits layers, {@code team[0]} holding the batch; null otherwise.\n")
            .build())
        .addField(FieldSpec.builder(TypeName.INT, "part", Modifier.PRIVATE)
            .addJavadoc("This workspace's place in {@code team}.\n")
            .build())
        .addField(FieldSpec.builder(int[].class, "lo", Modifier.PRIVATE)
            .addJavadoc("The run of each level this part owns, {@code [lo[k], hi[k])}: the inputs (level 0), then\n")
            .addJavadoc("the units of layer k.\n")
            .build())
        .addField(FieldSpec.builder(int[].class, "hi", Modifier.PRIVATE).build())
        .addField(FieldSpec.builder(TypeName.DOUBLE, "splitLoss", Modifier.PRIVATE)
            .addJavadoc(wholeOutput() ? "The mean loss of the last split forward phases.\n"
                : "This part's share of the mean loss of the last split forward phases: its rows' loss over m.\n")
            .build())
        .addField(FieldSpec.builder(TypeName.BOOLEAN, "inputsFinite", Modifier.PRIVATE)
            .addJavadoc("Whether this part's columns of the last split step's inputs were all finite.\n")
            .build());
    for (int l = 1; l <= split; l++) {
      type.addField(FieldSpec.builder(num.matrix(), Names.partials(l))
          .addJavadoc("Layer $L's partial pre-activations over this part's inputs (split steps only).\n", l)
          .build());
      if (l < count) {
        type.addField(FieldSpec.builder(num.vector(), outbox(l))
                .addJavadoc("Layer $L's partial sums of the other parts' units, each part's in a block of its own, row\n", l)
                .addJavadoc("after row: what the others read, in one contiguous run each (split steps only).\n")
                .build())
            .addField(FieldSpec.builder(num.vector(), deltasOut(l))
                .addJavadoc("The deltas of this part's units of layer $L, row after row, for the others to read.\n", l)
                .build());
      }
      if (layer(l).narrowSplit()) {
        type.addField(FieldSpec.builder(num.matrix(), Names.gradientColumns(l))
            .addJavadoc("Layer $L's weight gradients of this part's inputs, summed by columns (split steps only).\n", l)
            .build());
      }
    }
    type.addMethods(allocatePartials())
        .addMethod(joinSplit(workspace))
        .addMethod(runOf())
        .addMethod(constant("splitPhases", 2 * count + 1))
        .addMethod(constant("splitForwardPhases", count + 1))
        .addMethod(splitLoss())
        .addMethod(WorkspaceWriter.overriding("whyNotSplit").returns(String.class).addStatement("return null").build())
        .addMethod(WorkspaceWriter.overriding("splitInputsFinite").returns(TypeName.BOOLEAN)
            .addStatement("return inputsFinite").build())
        .addMethods(wholeOutput() ? List.of() : List.of(splitCorrect(), rowRunOf()))
        .addMethod(dispatch())
        .addMethods(dispatchGroups());
    for (int phase = 0; phase <= 2 * count; phase++) {
      type.addMethod(phase(phase));
    }
  }

  /** The step's loss: every part's, or the parts' shares of their own rows added in part order. */
  private MethodSpec splitLoss() {
    MethodSpec.Builder method = WorkspaceWriter.overriding("splitLoss").returns(TypeName.DOUBLE);
    return wholeOutput() ? method.addStatement("return splitLoss").build()
        : method.addCode(teamTotal(TypeName.DOUBLE, "splitLoss")).build();
  }

  /** The step's correct classifications, the parts' counts of their own rows added. */
  private MethodSpec splitCorrect() {
    return WorkspaceWriter.overriding("splitCorrect").returns(TypeName.INT)
        .addCode(teamTotal(TypeName.INT, "correct"))
        .build();
  }

  /** Returns the sum of every part's {@code field}, in part order. */
  private CodeBlock teamTotal(TypeName type, String field) {
    return CodeBlock.builder()
        .addStatement("$T total = 0", type)
        .beginControlFlow("for ($T other : team)", model.nestedClass("Workspace"))
        .addStatement("total += other.$L", field)
        .endControlFlow()
        .addStatement("return total")
        .build();
  }

  /** Where part {@code p}'s run of the batch's rows starts, the rows whose loss it computes. */
  private static MethodSpec rowRunOf() {
    return MethodSpec.methodBuilder("rowRunOf")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Where part {@code p}'s run of the rows of a batch of {@code m} starts, {@code ⌊p·m/parts⌋} (m for\n")
        .addJavadoc("{@code p = parts}): the rows whose outputs, loss and output deltas it computes.\n")
        .returns(TypeName.INT)
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "p")
        .addStatement("return (int) ((long) m * p / team.length)")
        .build();
  }

  private static MethodSpec constant(String name, int value) {
    return WorkspaceWriter.overriding(name).returns(TypeName.INT).addStatement("return $L", value).build();
  }

  /** {@code allocatePartials()}, and its helpers when the network is deep. */
  private List<MethodSpec> allocatePartials() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("allocatePartials")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("The partial sums of a split step, for {@code capacity} rows.\n");
    List<MethodSpec> methods = new java.util.ArrayList<>(LayerGroups.addPerLayer(method, "allocatePartials", null,
        plan.layersPerMethod(), layers.subList(0, split), this::allocatePartials));
    methods.add(method.build());
    return methods;
  }

  private CodeBlock allocatePartials(LayerEmitter emitter) {
    int l = emitter.l;
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("$L = new $T[capacity][$L]", Names.partials(l), num.scalar(), layer(l).layer.outputs());
    if (l < count) {
      code.addStatement("$L = new $T[capacity * $L]", outbox(l), num.scalar(), layer(l).layer.outputs())
          .addStatement("$L = new $T[capacity * $L]", deltasOut(l), num.scalar(), layer(l).layer.outputs());
    }
    if (layer(l).narrowSplit()) {
      code.addStatement("$L = new $T[$L][$L]", Names.gradientColumns(l), num.scalar(), layer(l).layer.outputs(),
          layer(l).layer.inputs());
    }
    return code.build();
  }


  private MethodSpec joinSplit(ClassName workspace) {
    CodeBlock.Builder widths = CodeBlock.builder().add("$L", plan.inputs());
    for (LayerEmitter layer : layers) {
      widths.add(", $L", layer.layer.outputs());
    }
    return WorkspaceWriter.overriding("joinSplit")
        .addParameter(ArrayTypeName.of(ParameterizedTypeName.get(RuntimeTypes.BATCH_WORKSPACE, model)), "team")
        .addParameter(TypeName.INT, "part")
        .addStatement("$T[] parts = new $T[team.length]", workspace, workspace)
        .beginControlFlow("for (int q = 0; q < team.length; q++)")
        .addStatement("parts[q] = ($T) team[q]", workspace)
        .endControlFlow()
        .addStatement("this.team = parts")
        .addStatement("this.part = part")
        .addStatement("int[] widths = {$L}", widths.build())
        .addStatement("lo = new int[widths.length]")
        .addStatement("hi = new int[widths.length]")
        .beginControlFlow("for (int k = 0; k < widths.length; k++)")
        .addStatement("lo[k] = runOf(widths[k], team.length, part)")
        .addStatement("hi[k] = runOf(widths[k], team.length, part + 1)")
        .endControlFlow()
        .addStatement("allocatePartials()")
        .build();
  }

  private static MethodSpec runOf() {
    return MethodSpec.methodBuilder("runOf")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Where part {@code p}'s run of {@code n} units starts: {@code p·n/parts} rounded to a multiple of 8\n")
        .addJavadoc("(whole vectors for the tiles), and {@code n} for {@code p = parts}.\n")
        .returns(TypeName.INT)
        .addParameter(TypeName.INT, "n")
        .addParameter(TypeName.INT, "parts")
        .addParameter(TypeName.INT, "p")
        .addStatement("return p == parts ? n : $T.min(n, (int) (((long) n * p / parts + 4) / 8 * 8))", Math.class)
        .build();
  }

  /** Phases per dispatching method: a deep network's switch would outgrow the JIT's method limit. */
  private static final int PHASES_PER_SWITCH = 64;

  private MethodSpec dispatch() {
    MethodSpec.Builder method = WorkspaceWriter.overriding("splitPhase")
        .addParameter(model, "model")
        .addParameter(TypeName.INT, "phase")
        .addParameter(TypeName.INT, "m")
        .addParameter(RuntimeTypes.READY_ROWS, "ready");
    int phases = 2 * count + 1;
    if (phases <= PHASES_PER_SWITCH) {
      return method.addCode(switchOver(0, phases)).build();
    }
    for (int first = 0; first < phases; first += PHASES_PER_SWITCH) {
      method.beginControlFlow("if (phase < $L)", Math.min(phases, first + PHASES_PER_SWITCH))
          .addStatement("splitPhases$L(model, phase, m, ready)", first / PHASES_PER_SWITCH)
          .addStatement("return")
          .endControlFlow();
    }
    return method.addStatement("throw new $T($S + phase)", IllegalArgumentException.class, "no split phase ").build();
  }

  /** The dispatching methods of phases beyond the first {@link #PHASES_PER_SWITCH}; none for most networks. */
  private List<MethodSpec> dispatchGroups() {
    List<MethodSpec> methods = new java.util.ArrayList<>();
    int phases = 2 * count + 1;
    if (phases <= PHASES_PER_SWITCH) {
      return methods;
    }
    for (int first = 0; first < phases; first += PHASES_PER_SWITCH) {
      methods.add(MethodSpec.methodBuilder("splitPhases" + first / PHASES_PER_SWITCH)
          .addModifiers(Modifier.PRIVATE)
          .addParameter(model, "model")
          .addParameter(TypeName.INT, "phase")
          .addParameter(TypeName.INT, "m")
          .addParameter(RuntimeTypes.READY_ROWS, "ready")
          .addCode(switchOver(first, Math.min(phases, first + PHASES_PER_SWITCH)))
          .build());
    }
    return methods;
  }

  private CodeBlock switchOver(int from, int to) {
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (phase)");
    for (int phase = from; phase < to; phase++) {
      code.addStatement(phase > count ? "case $L -> splitPhase$L(model, m, ready)" : "case $L -> splitPhase$L(model, m)",
          phase, phase);
    }
    return code.addStatement("default -> throw new $T($S + phase)", IllegalArgumentException.class, "no split phase ")
        .endControlFlow()
        .build();
  }

  private MethodSpec phase(int phase) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("splitPhase" + phase)
        .addModifiers(Modifier.PRIVATE)
        .addParameter(model, "model")
        .addParameter(TypeName.INT, "m");
    if (phase == 0) {
      return method.addJavadoc("Split phase 0: layer 1's partial product over this part's inputs, and whether they are finite.\n")
          .addStatement("inputsFinite = finiteInputs(x, m, lo[0], hi[0])")
          .addCode(layer(1).splitProduct())
          .addCode(post(1))
          .build();
    }
    if (phase < split) {
      return method.addJavadoc("Split phase $L: layer $L's own units, then layer $L's partial product over them.\n",
              phase, phase, phase + 1)
          .addCode(sum(phase, true))
          .addCode(layer(phase + 1).splitProduct())
          .addCode(post(phase + 1))
          .build();
    }
    if (phase == split && wholeOutput()) {
      return method.addJavadoc("Split phase $L: layer $L's own units.\n", phase, phase)
          .addCode(sum(phase, true))
          .build();
    }
    if (phase == count) {
      if (wholeOutput()) {
        method.addJavadoc("Split phase $L: every output, the loss and the output deltas, alike in every part.\n", phase);
        LayerEmitter last = layers.get(count - 1);
        DenseLooped hidden = layer(split);
        method.addCode(gather(split, Names.preActivations(split)));
        if (!hidden.activations().equals(Names.preActivations(split))) {
          method.addCode(gather(split, hidden.activations()));
        }
        method.addStatement("forward$L(model, m)", last.l);
        return method.addStatement("splitLoss = loss(m, true)").build();
      }
      return method.addJavadoc("Split phase $L: this part's rows of the batch: every output, their loss and output deltas.\n",
              phase)
          .addStatement("int start = rowRunOf(m, part), end = rowRunOf(m, part + 1)")
          .addCode(sum(count, false))
          .addStatement("splitLoss = $L(start, end, m, true)", LossEmitter.ROWS)
          .build();
    }
    int l = 2 * count + 1 - phase;
    method.addParameter(RuntimeTypes.READY_ROWS, "ready");
    if (l > split) {
      return method.addJavadoc("Split phase $L: the output layer's gradients and all the deltas of layer $L, alike\n",
              phase, l - 1)
          .addJavadoc("in every part; the optimizer takes the output layer's rows in the next phase.\n")
          .addStatement("backward$L(model, m)", l)
          .build();
    }
    DenseLooped layer = layer(l);
    method.addJavadoc("Split phase $L: layer $L's gradients of this part's rows", phase, l);
    if (l > 1) {
      method.addJavadoc(", and the deltas of its units of layer $L", l - 1);
    }
    method.addJavadoc(".\n");
    if (l < split) {
      method.addCode(gatherDeltas(l));
    } else if (l == count) {
      method.addCode(gatherOutputDeltas());
    }
    int biasRow = layer.firstRow + layer.layer.inputs();
    method.beginControlFlow("if (part == 0)");
    if (l == split && wholeOutput()) {
      LayerEmitter last = layers.get(count - 1);
      method.addComment("no part reads the output layer's weights any more")
          .addStatement("ready.rows($L, $L)", last.firstRow, last.firstRow + last.rowCount());
    }
    method.addStatement("$L($L, $L, m)", layer.biasGradientName(), Names.deltas(l), Names.biasGradients(l))
        .addStatement("ready.rows($L, $L)", biasRow, biasRow + 1)
        .endControlFlow();
    if (l > 1) {
      method.addCode(layer.splitPropagate());
      method.addCode(layer(l - 1).splitSlope());
      if (l - 1 < split) {
        method.addCode(postDeltas(l - 1));
      }
    }
    return method.addCode(layer.splitGradient()).build();
  }

  /**
   * Layer {@code l}'s pre-activations, the parts' partial sums added in part order, and its
   * activations: of this part's units in every row, or with {@code own} false of every unit in this
   * part's rows {@code [start, end)}.
   */
  private CodeBlock sum(int l, boolean own) {
    DenseLooped layer = layer(l);
    String partial = Names.partials(l);
    CodeBlock.Builder code = CodeBlock.builder();
    String from;
    String to;
    if (own) { // the others' partial sums of this part's units, from their outboxes
      from = "lo[" + l + "]";
      to = "hi[" + l + "]";
      code.addStatement("int ownUnits = hi[$L] - lo[$L], ownBlock = m * lo[$L] - lo[$L]", l, l, l, l)
          .beginControlFlow("for (int s = 0; s < m; s++)")
          .addStatement("$T[] zs = $L[s]", num.scalar(), Names.preActivations(l))
          .addStatement("int row = ownBlock + s * ownUnits")
          .beginControlFlow("for (int q = 0; q < team.length; q++)")
          .addStatement("$T[] ps = q == part ? $L[s] : team[q].$L", num.scalar(), partial, outbox(l))
          .addStatement("int at = q == part ? 0 : row")
          .beginControlFlow("if (q == 0)")
          .beginControlFlow("for (int j = $L; j < $L; j++)", from, to)
          .addStatement("zs[j] = ps[at + j]")
          .endControlFlow()
          .nextControlFlow("else")
          .beginControlFlow("for (int j = $L; j < $L; j++)", from, to)
          .addStatement("zs[j] += ps[at + j]")
          .endControlFlow()
          .endControlFlow()
          .endControlFlow();
    } else { // every unit, of this part's rows [start, end)
      from = "0";
      to = Integer.toString(layer.layer.outputs());
      code.beginControlFlow("for (int s = start; s < end; s++)")
          .addStatement("$T[] zs = $L[s]", num.scalar(), Names.preActivations(l))
          .addStatement("$T.arraycopy(team[0].$L[s], 0, zs, 0, $L)", System.class, partial, to)
          .beginControlFlow("for (int q = 1; q < team.length; q++)")
          .addStatement("$T[] ps = team[q].$L[s]", num.scalar(), partial)
          .beginControlFlow("for (int j = 0; j < $L; j++)", to)
          .addStatement("zs[j] += ps[j]")
          .endControlFlow()
          .endControlFlow();
    }
    if (layer.hasActivation()) {
      code.addStatement("$T[] as = $L[s]", num.scalar(), layer.activations())
          .beginControlFlow("for (int j = $L; j < $L; j++)", from, to)
          .addStatement("as[j] = $L(zs[j])", layer.function())
          .endControlFlow();
    }
    return code.endControlFlow().build();
  }

  private static String outbox(int l) {
    return "outbox" + l;
  }

  private static String deltasOut(int l) {
    return "deltasOut" + l;
  }

  /**
   * Copies this part's partial sums of hidden layer {@code l}'s units owned by each other part into
   * that part's block of the outbox: what another core reads then comes in one contiguous run, and
   * the rows the product writes are never read by another core (so writing them next step needs no
   * other core's copy invalidated).
   */
  private CodeBlock post(int l) {
    if (l >= count) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .beginControlFlow("for (int q = 0; q < team.length; q++)")
        .beginControlFlow("if (q == part)")
        .addStatement("continue")
        .endControlFlow()
        .addStatement("int from = team[q].lo[$L], width = team[q].hi[$L] - from, block = m * from", l, l)
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T.arraycopy($L[s], from, $L, block + s * width, width)", System.class, Names.partials(l),
            outbox(l))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** Copies the deltas of this part's units of layer {@code l}, row after row, for the others to gather. */
  private CodeBlock postDeltas(int l) {
    return CodeBlock.builder()
        .beginControlFlow("for (int s = 0, from = lo[$L], width = hi[$L] - from; s < m; s++)", l, l)
        .addStatement("$T.arraycopy($L[s], from, $L, s * width, width)", System.class, Names.deltas(l), deltasOut(l))
        .endControlFlow()
        .build();
  }

  /** The deltas of layer {@code l}'s units that the other parts computed, from their runs, into this part's rows. */
  private CodeBlock gatherDeltas(int l) {
    return fromOtherParts(l, CodeBlock.of("$T.arraycopy(other.$L, s * width, $L[s], from, width)", System.class,
        deltasOut(l), Names.deltas(l)));
  }

  /** The output deltas of the rows of the batch that the other parts computed, into this part's rows. */
  private CodeBlock gatherOutputDeltas() {
    String deltas = Names.deltas(count);
    return CodeBlock.builder()
        .beginControlFlow("for (int q = 0; q < team.length; q++)")
        .beginControlFlow("if (q == part)")
        .addStatement("continue")
        .endControlFlow()
        .addStatement("$T[][] others = team[q].$L", num.scalar(), deltas)
        .beginControlFlow("for (int s = rowRunOf(m, q), to = rowRunOf(m, q + 1); s < to; s++)")
        .addStatement("$T.arraycopy(others[s], 0, $L[s], 0, $L)", System.class, deltas, layer(count).layer.outputs())
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** Rows {@code rows} of layer {@code l}'s units that the other parts computed, into this part's rows. */
  private CodeBlock gather(int l, String rows) {
    return fromOtherParts(l, CodeBlock.of("$T.arraycopy(other.$L[s], from, $L[s], from, width)", System.class, rows,
        rows));
  }

  /** {@code copy} of each row {@code s}, for every other part: {@code other}, its run {@code [from, from + width)}. */
  private CodeBlock fromOtherParts(int l, CodeBlock copy) {
    return CodeBlock.builder()
        .beginControlFlow("for (int q = 0; q < team.length; q++)")
        .beginControlFlow("if (q == part)")
        .addStatement("continue")
        .endControlFlow()
        .addStatement("$T other = team[q]", model.nestedClass("Workspace"))
        .addStatement("int from = other.lo[$L], width = other.hi[$L] - from", l, l)
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement(copy)
        .endControlFlow()
        .endControlFlow()
        .build();
  }

}
