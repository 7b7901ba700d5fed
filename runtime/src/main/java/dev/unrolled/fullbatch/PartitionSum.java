package dev.unrolled.fullbatch;

import dev.unrolled.Dataset;
import dev.unrolled.Model;

/**
 * Adds up a model's loss and gradient over the rows of one partition, in the order
 * {@link GradientSum} fixes: rows in the order given, in chunks of {@link #CHUNK_ROWS}; each chunk
 * goes through the model's own {@link Model#lossAndGradient} (the generated forward and backward
 * passes, in the model's precision) and its mean is scaled back to a sum, {@code m·L} and
 * {@code m·g}, then added to the running sums chunk after chunk.
 *
 * <p>Rows are written straight into the chunk's buffers, so a partition allocates its buffers once
 * and nothing per row:
 *
 * <pre>{@code
 * PartitionSum sum = new PartitionSum(model);
 * for (Row r : rows) {
 *   r.copyFeaturesTo(sum.features());
 *   r.copyTargetsTo(sum.targets());
 *   sum.commit();
 * }
 * GradientSum partial = sum.finish(partition, partitions);
 * }</pre>
 *
 * <p>Not thread-safe; the model's parameters must not change while rows are added.
 */
public final class PartitionSum {
  /** Rows per call of the generated code: large enough to amortise a call, small enough for cache. */
  public static final int CHUNK_ROWS = 256;

  private final Model model;
  private final double[][] inputs;
  private final double[][] targets;
  private final double[] chunkGradient;
  private final double[] gradient;
  private double loss;
  private long rows;
  private int filled;
  private boolean finished;

  /** Sums for {@code model} at its current parameters. */
  public PartitionSum(Model model) {
    if (model == null) {
      throw new IllegalArgumentException("model is null");
    }
    this.model = model;
    this.inputs = new double[CHUNK_ROWS][model.inputSize()];
    this.targets = new double[CHUNK_ROWS][model.outputSize()];
    this.chunkGradient = new double[model.parameterCount()];
    this.gradient = new double[model.parameterCount()];
  }

  /** The buffer for the next row's features ({@code inputSize()} values): fill it, then {@link #commit}. */
  public double[] features() {
    return inputs[filled];
  }

  /** The buffer for the next row's target row ({@code outputSize()} values). */
  public double[] targets() {
    return targets[filled];
  }

  /** Adds the row written into {@link #features()} and {@link #targets()}. */
  public void commit() {
    if (finished) {
      throw new IllegalStateException("this partition sum is finished; start a new one");
    }
    rows++;
    if (++filled == CHUNK_ROWS) {
      flush(inputs, targets);
    }
  }

  /** Adds row {@code row} of {@code data} (labels become one-hot rows, as {@link Dataset#targets} says). */
  public void add(Dataset data, int row) {
    data.features(row, features());
    data.targets(row, targets());
    commit();
  }

  /** Rows added so far. */
  public long rows() {
    return rows;
  }

  /**
   * Sums the last, partial chunk and returns the sums as partition {@code partition} of
   * {@code partitions}. A partition without rows gives zero sums.
   */
  public GradientSum finish(int partition, int partitions) {
    if (finished) {
      throw new IllegalStateException("this partition sum is finished already");
    }
    finished = true;
    if (filled > 0) {
      // lossAndGradient takes the batch size from the array length.
      double[][] x = new double[filled][];
      double[][] y = new double[filled][];
      System.arraycopy(inputs, 0, x, 0, filled);
      System.arraycopy(targets, 0, y, 0, filled);
      flush(x, y);
    }
    return GradientSum.ofPartition(partition, partitions, rows, loss, gradient);
  }

  private void flush(double[][] x, double[][] y) {
    int m = x.length;
    double mean = model.lossAndGradient(x, y, chunkGradient);
    loss += m * mean;
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] += m * chunkGradient[i];
    }
    filled = 0;
  }
}
