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
  /** One {@code g[k] += d * x} statement: aload, sipush, dup2, xaload, xload, xload, xmul, xadd, xastore. */
  private static final int ACCUMULATE = 15;
  /** Storing one result: aload, sipush, ..., xastore, plus the first product. */
  private static final int STORE = 16;

  private BytecodeBudget() {}

  static int forwardBytes(int inputs, int outputs) {
    return inputs * LOAD_LOCAL + outputs * (STORE + MULTIPLY_ADD * inputs);
  }

  static int gradientBytes(int inputs, int outputs) {
    return inputs * LOAD_LOCAL + outputs * (LOAD_LOCAL + STORE + ACCUMULATE * inputs);
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
