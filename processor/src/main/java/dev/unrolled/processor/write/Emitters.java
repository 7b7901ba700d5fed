package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import dev.unrolled.processor.plan.LayerPlan;
import dev.unrolled.processor.plan.NetworkPlan;
import java.util.ArrayList;
import java.util.List;

/** The one place that maps a layer's kind and code shape to its emitter. */
final class Emitters {
  private Emitters() {}

  /** One emitter per layer of {@code plan}, in order, each reading the previous one's activations. */
  static List<LayerEmitter> of(NetworkPlan plan, Numeric num, ClassName model) {
    List<LayerEmitter> emitters = new ArrayList<>();
    String input = "x";
    int row = 0;
    int running = 0;
    for (LayerPlan layer : plan.layers()) {
      boolean output = layer == plan.output();
      LayerEmitter emitter = of(layer, num, model, input, output && plan.laneLoss());
      emitter.firstRow = row;
      emitter.firstRunningRow = running;
      if (!emitters.isEmpty()) {
        LayerEmitter previous = emitters.get(emitters.size() - 1);
        previous.next = emitter;
        emitter.previous = previous;
      }
      emitters.add(emitter);
      input = emitter.output();
      row += emitter.rowCount();
      running += emitter.runningRowCount();
    }
    return emitters;
  }

  private static LayerEmitter of(LayerPlan layer, Numeric num, ClassName model, String input, boolean laneLoss) {
    return switch (layer.kind()) {
      case RBF -> switch (layer.shape()) {
        case UNROLLED -> new RadialUnrolled(layer, num, model, input);
        case LOOPED -> new RadialLooped(layer, num, model, input);
        case VECTOR, LANES -> throw new IllegalArgumentException("the planner gives RBF layers no vector kernels");
      };
      case DENSE -> switch (layer.shape()) {
        case UNROLLED -> new DenseUnrolled(layer, num, model, input);
        case LOOPED -> new DenseLooped(layer, num, model, input);
        case VECTOR -> layer.tilesOverInputs() ? new DenseNarrow(layer, num, model, input)
            : new DenseVector(layer, num, model, input);
        case LANES -> new DenseLanes(layer, num, model, input, laneLoss);
      };
    };
  }
}
