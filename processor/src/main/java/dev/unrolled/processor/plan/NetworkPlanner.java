package dev.unrolled.processor.plan;

import dev.unrolled.Activation;
import dev.unrolled.Backend;
import dev.unrolled.processor.model.LayerDeclaration;
import dev.unrolled.processor.model.NetworkDeclaration;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Chooses each layer's code shape and splits unrolled code into methods. An RBF layer, when
 * declared, becomes layer 1 and the dense layers follow from layer 2.
 *
 * <p>A layer is unrolled when it has at most {@value #UNROLL_MAX_PRODUCTS} weights and at most
 * {@value #UNROLL_MAX_WIDTH} units on either side: there straight-line code with inputs in locals
 * beats loops and its methods stay small. Larger layers become constant-bound loops in axpy form,
 * which C2 vectorises; unrolling them would only hit the method-size cliff (one 784-input neuron is
 * already about 8 KB of bytecode).
 *
 * <p>With the vector backend, looped layers of at least {@value #VECTOR_MIN_UNITS} units get
 * Vector API tiles besides their loops: the tiles run over the units in whole vectors, so a
 * narrower layer (an output layer of 10 classes, say) would be all remainder and stays looped.
 */
public final class NetworkPlanner {
  static final int UNROLL_MAX_PRODUCTS = 512;
  static final int UNROLL_MAX_WIDTH = 64;
  static final int VECTOR_MIN_UNITS = 16;

  public NetworkPlan plan(NetworkDeclaration network) {
    List<LayerPlan> layers = new ArrayList<>();
    int inputs = network.inputs();
    int offset = 0;
    if (network.hasRbf()) {
      LayerPlan rbf = planRadial(inputs, network.rbf().units());
      layers.add(rbf);
      offset = rbf.parameterCount();
      inputs = rbf.outputs();
    }
    for (LayerDeclaration layer : network.layers()) {
      LayerPlan plan = planLayer(layer, layers.size() + 1, inputs, offset, network.backend() == Backend.VECTOR);
      layers.add(plan);
      offset += plan.parameterCount();
      inputs = layer.units();
    }
    TypeElement type = network.type();
    return new NetworkPlan(type, network.packageName(), network.baseName(), network.inputs(), layers,
        network.loss(), network.precision(), network.backend());
  }

  /**
   * The RBF layer is always layer 1 and never propagates (nothing before it trains). It takes the
   * dense layers' size rule; Vector API tiles exist only for dense products, so it stays looped.
   */
  private static LayerPlan planRadial(int in, int out) {
    if (!shouldUnroll(in, out)) {
      return new LayerPlan(1, in, out, Activation.IDENTITY, CodeShape.LOOPED, 0,
          List.of(), List.of(), List.of(), false, true);
    }
    List<Chunk> forward = BytecodeBudget.split(out, BytecodeBudget.radialForwardBytes(in, 0),
        BytecodeBudget.radialForwardBytes(in, 1) - BytecodeBudget.radialForwardBytes(in, 0));
    List<Chunk> gradient = BytecodeBudget.split(out, BytecodeBudget.radialGradientBytes(in, 0),
        BytecodeBudget.radialGradientBytes(in, 1) - BytecodeBudget.radialGradientBytes(in, 0));
    return new LayerPlan(1, in, out, Activation.IDENTITY, CodeShape.UNROLLED, 0,
        forward, gradient, List.of(), false, true);
  }

  private static LayerPlan planLayer(LayerDeclaration layer, int number, int in, int weightOffset,
      boolean vector) {
    int out = layer.units();
    boolean propagates = number > 1;
    if (!shouldUnroll(in, out)) {
      CodeShape shape = vector && out >= VECTOR_MIN_UNITS ? CodeShape.VECTOR : CodeShape.LOOPED;
      return new LayerPlan(number, in, out, layer.activation(), shape,
          weightOffset, List.of(), List.of(), List.of(), propagates, false);
    }
    List<Chunk> forward = BytecodeBudget.split(out, BytecodeBudget.forwardBytes(in, 0),
        BytecodeBudget.forwardBytes(in, 1) - BytecodeBudget.forwardBytes(in, 0));
    List<Chunk> gradient = BytecodeBudget.split(out, BytecodeBudget.gradientBytes(in, 0),
        BytecodeBudget.gradientBytes(in, 1) - BytecodeBudget.gradientBytes(in, 0));
    List<Chunk> propagate = propagates
        ? BytecodeBudget.split(in, BytecodeBudget.propagateBytes(0, out),
            BytecodeBudget.propagateBytes(1, out) - BytecodeBudget.propagateBytes(0, out))
        : List.of();
    return new LayerPlan(number, in, out, layer.activation(), CodeShape.UNROLLED,
        weightOffset, forward, gradient, propagate, propagates, false);
  }

  static boolean shouldUnroll(int in, int out) {
    return (long) in * out <= UNROLL_MAX_PRODUCTS && in <= UNROLL_MAX_WIDTH && out <= UNROLL_MAX_WIDTH;
  }
}
