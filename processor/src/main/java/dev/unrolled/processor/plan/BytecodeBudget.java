package dev.unrolled.processor.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Estimates the bytecode of unrolled methods, so the planner can split them well below HotSpot's
 * 8,000-byte compile limit (a larger method is never JIT-compiled and runs about 10× slower).
 * The figures are per-statement upper bounds read off javap output for float and double code.
 */
final class BytecodeBudget {
  /** Target size of one generated method; half the cliff leaves room for estimate error. */
  static final int METHOD_BYTES = 3_500;

  /** Loading one array element into a local: aload, sipush, xaload, xstore. */
  private static final int LOAD_LOCAL = 7;
  /** One {@code + w[k] * x} term: aload, sipush, xaload, xload, xmul, xadd. */
  private static final int MULTIPLY_ADD = 11;
  /**
   * One gradient sum of the batch-tiled kernel: {@code g = 0}, {@code g += d * xs[i]} in the loop over
   * the batch (xload, xload, aload, bipush, xaload, xmul, xadd, xstore), {@code gw[k] = g} after it.
   */
  private static final int GRADIENT_SUM = 25;
  /** One tile of at most {@link LayerPlan#TILE_SUMS} inputs: its loop over the batch, the row loads and the delta local. */
  private static final int GRADIENT_TILE = 40;
  /** Storing one result: aload, sipush, ..., xastore, plus the first product. */
  private static final int STORE = 16;
  /** One {@code e = x - c[k]; r += e * e} term of a squared distance. */
  private static final int SQUARED_DIFFERENCE = 20;
  /**
   * One centre gradient: its centre and sum locals set up, {@code g += d * (xs[i] - c)} in the loop
   * over the batch, {@code gw[k] = scale * g} after it.
   */
  private static final int RADIAL_GRADIENT_SUM = 36;

  private BytecodeBudget() {}

  /** Tiles of gradient sums over {@code inputs}: see {@link LayerPlan#TILE_SUMS}. */
  private static int tiles(int inputs) {
    return (inputs + LayerPlan.TILE_SUMS - 1) / LayerPlan.TILE_SUMS;
  }

  static int forwardBytes(int inputs, int outputs) {
    return inputs * LOAD_LOCAL + outputs * (STORE + MULTIPLY_ADD * inputs);
  }

  static int gradientBytes(int inputs, int outputs) {
    return outputs * (GRADIENT_SUM * (inputs + 1) + GRADIENT_TILE * tiles(inputs));
  }

  static int radialForwardBytes(int inputs, int outputs) {
    return inputs * LOAD_LOCAL + outputs * (STORE + SQUARED_DIFFERENCE * inputs);
  }

  static int radialGradientBytes(int inputs, int outputs) {
    return outputs * (RADIAL_GRADIENT_SUM * inputs + GRADIENT_SUM + GRADIENT_TILE * tiles(inputs));
  }

  static int propagateBytes(int inputs, int outputs) {
    return outputs * LOAD_LOCAL + inputs * (STORE + MULTIPLY_ADD * outputs);
  }

  /** Splits {@code [0, units)} into the fewest chunks whose estimated size fits one method. */
  static List<Chunk> split(int units, int fixedBytes, int bytesPerUnit) {
    int perMethod = Math.max(1, (METHOD_BYTES - fixedBytes) / bytesPerUnit);
    int methods = (units + perMethod - 1) / perMethod;
    int base = units / methods;
    int extra = units % methods;
    List<Chunk> chunks = new ArrayList<>();
    int from = 0;
    for (int k = 0; k < methods; k++) {
      int size = base + (k < extra ? 1 : 0);
      chunks.add(new Chunk(from, from + size));
      from += size;
    }
    return chunks;
  }
}
