package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A small dense layer with the batch in the lanes (see {@link LaneKernels}): its pre-activations,
 * activations and deltas are stored {@code [unit][sample]}, so each product, activation and slope
 * runs over the samples of the batch in whole vectors. {@code W} is kept flat {@code [out][in]}, as
 * in unrolled layers.
 *
 * <p>Where the layer meets rows — the input {@code x}, the loss, or a neighbour of another shape —
 * it converts: it reads its input rows into lanes, writes its outputs back to rows for a row
 * consumer, and takes its deltas from rows. Between two lane layers nothing is converted.
 */
final class DenseLanes extends DenseEmitter {
  /** For the output layer: whether the vector loss writes the deltas into the lanes itself. */
  final boolean lossInLanes;

  DenseLanes(LayerPlan layer, Numeric num, ClassName model, String input, boolean lossInLanes) {
    super(layer, num, model, Storage.FLAT, input);
    this.lossInLanes = lossInLanes;
  }

  @Override
  boolean lanes() {
    return true;
  }

  /** Whether the layer's input arrives as rows: {@code x}, or a layer of another shape. */
  private boolean rowsIn() {
    return previous == null || !previous.lanes();
  }

  /** Whether the layer's consumer reads rows: the loss and {@code predict}, or a layer of another shape. */
  private boolean rowsOut() {
    return next == null || !next.lanes();
  }

  private String inputLanes() {
    return Names.lanes(input);
  }

  private String zLanes() {
    return Names.lanes(Names.preActivations(l));
  }

  private String aLanes() {
    return Names.lanes(activations());
  }

  private String dLanes() {
    return Names.lanes(Names.deltas(l));
  }

  @Override
  FieldSpec weightField() {
    return storage.field(layer, num, Names.weights(l),
        "Layer $L weights {@code W[j][i]} at {@code j*$L + i} ($L → $L, batch lanes).\n",
        l, layer.inputs(), layer.inputs(), layer.outputs());
  }

  @Override
  List<FieldSpec> rowFields() {
    return rowsOut() ? super.rowFields() : List.of();
  }

  /** A workspace buffer of {@code units} lane rows, {@code units × stride} scalars. */
  private record LaneBuffer(String name, int units) {}

  /** The lane buffers: pre-activations, activations, deltas, and the input's when it arrives as rows. */
  private List<LaneBuffer> laneBuffers() {
    List<LaneBuffer> buffers = new ArrayList<>();
    if (rowsIn()) {
      buffers.add(new LaneBuffer(inputLanes(), layer.inputs()));
    }
    buffers.add(new LaneBuffer(zLanes(), layer.outputs()));
    if (layer.hasActivations()) {
      buffers.add(new LaneBuffer(aLanes(), layer.outputs()));
    }
    buffers.add(new LaneBuffer(dLanes(), layer.outputs()));
    return buffers;
  }

  @Override
  List<FieldSpec> workspaceFields() {
    List<FieldSpec> fields = new ArrayList<>(rowFields());
    for (LaneBuffer buffer : laneBuffers()) {
      fields.add(FieldSpec.builder(num.vector(), buffer.name()).build());
    }
    return fields;
  }

  @Override
  CodeBlock allocateRows() {
    CodeBlock.Builder code = super.allocateRows().toBuilder();
    for (LaneBuffer buffer : laneBuffers()) {
      code.addStatement("$L = new $T[$L * stride]", buffer.name(), num.scalar(), buffer.units());
    }
    return code.build();
  }

  /** The kernels live in {@link LaneKernels}, shared by every lane layer. */
  @Override
  List<MethodSpec> kernels() {
    return List.of();
  }

  @Override
  MethodSpec forward() {
    int in = layer.inputs();
    int out = layer.outputs();
    MethodSpec.Builder method = pass("forward")
        .addJavadoc("Layer $L ($L, $L): {@code $L = W$L·$L + b$L}", l, layer.shapeName(), layer.activation(),
            zLanes(), l, inputLanes(), l);
    if (layer.hasActivations()) {
      method.addJavadoc(", {@code $L = $L($L)}", aLanes(), ActivationFunctions.functionName(layer.activation()),
          zLanes());
    }
    method.addJavadoc(", one sample per lane.\n")
        .addStatement("int mp = lanes(m)");
    if (rowsIn()) {
      method.addStatement("toLanes($L, $L, $L, stride, m, mp)", input, inputLanes(), in);
    }
    method.beginControlFlow("if (VECTOR)")
        .addStatement("$L.product($L, $L, model.$L, $L, 1, model.$L, $L, $L, stride, mp)", LaneKernels.CLASS_NAME,
            inputLanes(), in, Names.weights(l), in, Names.biases(l), zLanes(), out);
    if (layer.hasActivations()) {
      method.addStatement("$L.$L($L, $L, $L, stride, mp)", LaneKernels.CLASS_NAME,
          ActivationFunctions.functionName(layer.activation()), zLanes(), aLanes(), out);
    }
    method.nextControlFlow("else")
        .addStatement("lanesProduct($L, $L, model.$L, $L, 1, model.$L, $L, $L, stride, m)", inputLanes(), in,
            Names.weights(l), in, Names.biases(l), zLanes(), out);
    if (layer.hasActivations()) {
      method.addCode(LaneKernels.plainActivation(layer.activation(), zLanes(), aLanes(), out));
    }
    method.endControlFlow();
    if (rowsOut()) {
      method.addStatement("toRows($L, $L, $L, stride, m)", zLanes(), Names.preActivations(l), out);
      if (layer.hasActivations()) {
        method.addStatement("toRows($L, $L, $L, stride, m)", aLanes(), activations(), out);
      }
    }
    return method.build();
  }

  @Override
  MethodSpec backward(LayerEmitter previous) {
    int in = layer.inputs();
    int out = layer.outputs();
    MethodSpec.Builder method = pass("backward")
        .addJavadoc("Layer $L: gradients {@code gw$L = d$Lᵀ·$L}, {@code gb$L = Σ d$L} over the lanes", l, l, l,
            input, l, l);
    if (layer.propagates()) {
      method.addJavadoc("; then {@code d$L = (d$L·W$L) ⊙ f'(z$L)}", l - 1, l, l, l - 1);
    }
    method.addJavadoc(".\n").addStatement("int mp = lanes(m)");
    if (rowsOut() && lossInLanes) {
      method.beginControlFlow("if (!VECTOR)") // the vector loss wrote the lanes
          .addStatement("toLanes($L, $L, $L, stride, m, mp)", Names.deltas(l), dLanes(), out)
          .endControlFlow();
    } else if (rowsOut()) {
      method.addStatement("toLanes($L, $L, $L, stride, m, mp)", Names.deltas(l), dLanes(), out);
    }
    method.beginControlFlow("if (VECTOR)")
        .addStatement("$L.gradient($L, $L, $L, $L, $L, $L, stride, mp, laneScratch, laneRows, laneAcross)",
            LaneKernels.CLASS_NAME,
            dLanes(), out, inputLanes(), in, Names.weightGradients(l), Names.biasGradients(l))
        .nextControlFlow("else")
        .addStatement("lanesGradient($L, $L, $L, $L, $L, $L, stride, m)", dLanes(), out, inputLanes(), in,
            Names.weightGradients(l), Names.biasGradients(l))
        .endControlFlow();
    if (layer.propagates()) {
      // A row neighbour gets its deltas through this layer's input lanes, which the gradients above
      // were the last to read.
      String target = previous.lanes() ? Names.lanes(Names.deltas(l - 1)) : inputLanes();
      method.beginControlFlow("if (VECTOR)")
          .addStatement("$L.product($L, $L, model.$L, 1, $L, null, $L, $L, stride, mp)", LaneKernels.CLASS_NAME,
              dLanes(), out, Names.weights(l), in, target, in)
          .nextControlFlow("else")
          .addStatement("lanesProduct($L, $L, model.$L, 1, $L, null, $L, $L, stride, m)", dLanes(), out,
              Names.weights(l), in, target, in)
          .endControlFlow();
      if (!previous.lanes()) {
        method.addStatement("toRows($L, $L, $L, stride, m)", target, Names.deltas(l - 1), in);
      }
      method.addCode(previous.slope());
    }
    return method.build();
  }

  @Override
  CodeBlock slope() {
    if (rowsOut() || !hasActivation()) {
      return super.slope();
    }
    String derivative = ActivationFunctions.derivativeName(layer.activation());
    return CodeBlock.builder()
        .beginControlFlow("if (VECTOR)")
        .addStatement("$L.$L($L, $L, $L, $L, stride, mp)", LaneKernels.CLASS_NAME, derivative, dLanes(), zLanes(),
            aLanes(), layer.outputs())
        .nextControlFlow("else")
        .add(LaneKernels.plainSlope(layer.activation(), dLanes(), zLanes(), aLanes(), layer.outputs()))
        .endControlFlow()
        .build();
  }
}
