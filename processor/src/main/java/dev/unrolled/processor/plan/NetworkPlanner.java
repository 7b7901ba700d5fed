package dev.unrolled.processor.plan;

import dev.unrolled.Activation;
import dev.unrolled.Architecture.LayerSpan;
import dev.unrolled.Backend;
import dev.unrolled.Loss;
import dev.unrolled.processor.model.NetworkDeclaration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes every code-shape decision, from the declaration's layer table: per layer, unrolled or looped
 * (or vector tiles) and the method splits; per network, the softmax in locals and how many layers'
 * bookkeeping one method holds. The writers only carry these decisions out, and the architecture
 * table shows them.
 *
 * <p>A layer is unrolled when it has at most {@value #UNROLL_MAX_PRODUCTS} weights and at most
 * {@value #UNROLL_MAX_WIDTH} units on either side: there straight-line code with inputs in locals
 * beats loops and its methods stay small. Larger layers become constant-bound loops in axpy form,
 * which C2 vectorises; unrolling them would only hit the method-size cliff (one 784-input neuron is
 * already about 8 KB of bytecode).
 *
 * <p>With the vector backend, looped dense layers of at least {@value #VECTOR_MIN_UNITS} units get
 * Vector API tiles besides their loops: the tiles run over the units in whole vectors. A narrower
 * layer (an output layer of 10 classes, say) would be all remainder there, so its forward pass stays
 * looped, while its weight gradient and the deltas it sends back run the same tiles over its inputs
 * (see {@link LayerPlan#tilesOverInputs()}): looped, that backward pass of a 512 → 10 output layer
 * ran at about 4 GFLOP/s and took 7% of a 784-512-512-10 step at batch 256. Layers that are narrow
 * on both sides keep the batch in the lanes instead: one sample per lane, so a 16-unit layer fills
 * its vectors whatever its width. Layers with normalisation or dropout keep their batch in rows,
 * where those steps are written.
 *
 * <p>Which layers get batch lanes comes from {@code LaneCrossover} (BENCHMARKS.md, "Batch lanes
 * against rows: the crossover"): a W → W (tanh) → W float step, lanes against rows, in paired
 * rounds, on a quiet 2-core AMD EPYC (Zen 4, AVX-512: 16 float lanes), JDK 17 (the full run of
 * that table, load 1.4–1.6, with the gathered lane transposes). From batch 16 on, lanes won against
 * unrolled rows at every width that unrolls (8 and 16: 0.37–0.85× the time; 4: a tie at batch 16,
 * 0.70–0.80× from 32), and against vector tiles at 24 units, which fill one 16-lane vector and
 * leave a remainder (0.62–0.65×); from 32 units on, where the tiles run whole vectors, the tiles won
 * at every batch (lanes 1.2–2.2× slower), so a layer gets lanes when the plain backend would unroll
 * it or when neither side is wider than {@value #LANES_MAX_WIDTH}. Below one vector of samples the
 * lanes are half padding: at batch 8 they lost at every width (1.0–2.2× the time), but the batch
 * size is known only at run time and a step of 16 rows or more is the common case, so the choice is
 * made from the declaration alone. The plain backend never gets lanes: their plain loops over the
 * samples took 1.5–8.6× the time of the plain rows at every width and batch measured.
 */
public final class NetworkPlanner {
  static final int UNROLL_MAX_PRODUCTS = 512;
  static final int UNROLL_MAX_WIDTH = 64;
  static final int VECTOR_MIN_UNITS = 16;
  /**
   * Widest side of a layer that keeps the batch in lanes although it would not unroll: up to here the
   * vector tiles measured slower than the lanes (24 units), from 32 units faster.
   */
  static final int LANES_MAX_WIDTH = 24;
  /** Widest softmax written out in locals: about 60 bytes of bytecode per output. */
  public static final int UNROLL_SOFTMAX_MAX = 32;
  /**
   * Per-layer bookkeeping (parameter copies, buffer allocation) costs about 56 bytes of bytecode a
   * layer, so a network of ~150 layers would push one such method past HotSpot's 8,000-byte compile
   * limit; groups of 40 layers stay near 2.2 KB.
   */
  static final int LAYERS_PER_METHOD = 40;

  private final ShapeOverride override;

  public NetworkPlanner() {
    this(ShapeOverride.AUTO);
  }

  /** A planner that forces batch lanes, or rows, where {@code override} says so. */
  public NetworkPlanner(ShapeOverride override) {
    this.override = override;
  }

  public NetworkPlan plan(NetworkDeclaration network) {
    List<LayerPlan> layers = new ArrayList<>();
    for (LayerSpan span : network.table()) {
      layers.add(switch (span.kind()) {
        case RBF -> planRadial(span);
        case DENSE -> planDense(span, network.backend() == Backend.VECTOR);
      });
    }
    LayerPlan output = layers.get(layers.size() - 1);
    boolean unrolledSoftmax = network.loss() == Loss.SOFTMAX_CROSS_ENTROPY
        && output.shape() == CodeShape.UNROLLED && output.outputs() <= UNROLL_SOFTMAX_MAX;
    return new NetworkPlan(network, layers, LAYERS_PER_METHOD, unrolledSoftmax);
  }

  /**
   * The RBF layer is always layer 1 and never propagates (nothing before it trains). It takes the
   * dense layers' size rule; Vector API tiles exist only for dense products, so it stays looped.
   */
  private static LayerPlan planRadial(LayerSpan span) {
    int in = span.inputs();
    int out = span.outputs();
    if (!shouldUnroll(in, out)) {
      return new LayerPlan(span, CodeShape.LOOPED, List.of(), List.of(), List.of(), false, true, false,
          "GAUSSIAN", "looped (units innermost)");
    }
    List<Chunk> forward = split(out, BytecodeBudget::radialForwardBytes, in);
    List<Chunk> gradient = split(out, BytecodeBudget::radialGradientBytes, in);
    return new LayerPlan(span, CodeShape.UNROLLED, forward, gradient, List.of(), false, true, false,
        "GAUSSIAN", unrolledLabel(forward, gradient, List.of(), false));
  }

  private LayerPlan planDense(LayerSpan span, boolean vector) {
    int in = span.inputs();
    int out = span.outputs();
    boolean propagates = span.number() > 1;
    boolean hasActivations = span.activation() != Activation.IDENTITY;
    String activation = span.activation().name();
    if (vector && !span.normalised() && span.dropout() == 0 && wantsLanes(in, out)) {
      return new LayerPlan(span, CodeShape.LANES, List.of(), List.of(), List.of(), propagates, hasActivations,
          false, activation, "batch lanes (else looped)");
    }
    if (!shouldUnroll(in, out)) {
      if (vector && out >= VECTOR_MIN_UNITS) {
        return new LayerPlan(span, CodeShape.VECTOR, List.of(), List.of(), List.of(), propagates, hasActivations,
            false, activation, "vector tiles 8×2 (else looped)");
      }
      if (vector && propagates && in >= VECTOR_MIN_UNITS && !span.normalised() && span.dropout() == 0) {
        return new LayerPlan(span, CodeShape.VECTOR, List.of(), List.of(), List.of(), propagates, hasActivations,
            false, activation, "looped; backward in vector tiles over the inputs (else looped)");
      }
      return new LayerPlan(span, CodeShape.LOOPED, List.of(), List.of(), List.of(), propagates, hasActivations,
          false, activation, "looped (axpy rows, 4 per pass)");
    }
    List<Chunk> forward = split(out, BytecodeBudget::forwardBytes, in);
    List<Chunk> gradient = split(out, BytecodeBudget::gradientBytes, in);
    // Propagation is split over the inputs it writes: each chunk reads every delta.
    List<Chunk> propagate = propagates ? split(in, (width, units) -> BytecodeBudget.propagateBytes(units, width), out)
        : List.of();
    // The tanh's functions (FastMath's float tanh and double array tanh) are plain arithmetic, which
    // C2 vectorises over the batch end to end; the other activations call exponentials it does not.
    // 4-16-3, the 16 tanh of a sample, copies included: float 42 -> 21 ns, double 112 -> 58 ns (JDK 17).
    boolean batchActivation = span.activation() == Activation.TANH;
    return new LayerPlan(span, CodeShape.UNROLLED, forward, gradient, propagate, propagates, hasActivations,
        batchActivation, activation, unrolledLabel(forward, gradient, propagate, batchActivation));
  }

  /** The bytecode estimate of a method over {@code units} units, given the other width. */
  private interface Estimate {
    int bytes(int width, int units);
  }

  /** {@code units} split into methods by the estimate's fixed cost and cost per unit. */
  private static List<Chunk> split(int units, Estimate estimate, int width) {
    int fixed = estimate.bytes(width, 0);
    return BytecodeBudget.split(units, fixed, estimate.bytes(width, 1) - fixed);
  }

  /**
   * "unrolled", "unrolled (4 forward, 2 gradient methods)" when a pass is split, and
   * "unrolled (tanh over the batch)" or "unrolled (2 gradient methods, tanh over the batch)" when the
   * activation runs over the batch end to end.
   */
  private static String unrolledLabel(List<Chunk> forward, List<Chunk> gradient, List<Chunk> propagate,
      boolean batchActivation) {
    List<String> splits = new ArrayList<>();
    addSplit(splits, forward, "forward");
    addSplit(splits, gradient, "gradient");
    addSplit(splits, propagate, "propagate");
    List<String> notes = new ArrayList<>();
    if (!splits.isEmpty()) {
      notes.add(String.join(", ", splits) + " methods");
    }
    if (batchActivation) {
      notes.add("tanh over the batch");
    }
    return notes.isEmpty() ? "unrolled" : "unrolled (" + String.join(", ", notes) + ")";
  }

  private static void addSplit(List<String> splits, List<Chunk> chunks, String pass) {
    if (chunks.size() > 1) {
      splits.add(chunks.size() + " " + pass);
    }
  }

  /** Whether a dense layer that can keep the batch in lanes (vector backend, no norm or dropout) does. */
  private boolean wantsLanes(int in, int out) {
    return switch (override) {
      case LANES -> true;
      case ROWS -> false;
      case AUTO -> shouldUnroll(in, out) || (in <= LANES_MAX_WIDTH && out <= LANES_MAX_WIDTH);
    };
  }

  static boolean shouldUnroll(int in, int out) {
    return (long) in * out <= UNROLL_MAX_PRODUCTS && in <= UNROLL_MAX_WIDTH && out <= UNROLL_MAX_WIDTH;
  }
}
