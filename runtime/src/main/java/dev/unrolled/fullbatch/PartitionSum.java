package dev.unrolled.fullbatch;

import dev.unrolled.Dataset;
import dev.unrolled.Model;
import dev.unrolled.Precision;
import java.util.Arrays;

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
  // A FLOAT model's rows are kept in float and fed to its float lossAndGradient, in its own
  // precision: no widening to double and back. Other models' rows are doubles.
  private final boolean single;
  private final double[][] inputs; // null when single
  private final double[][] targets;
  private final float[][] floatInputs; // null unless single
  private final float[][] floatTargets;
  private final double[] stagedFeatures; // single: what features() hands out, narrowed on commit
  private final double[] stagedTargets;
  private boolean staged;
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
    this.single = model.precision() == Precision.FLOAT;
    this.inputs = single ? null : new double[CHUNK_ROWS][model.inputSize()];
    this.targets = single ? null : new double[CHUNK_ROWS][model.outputSize()];
    this.floatInputs = single ? new float[CHUNK_ROWS][model.inputSize()] : null;
    this.floatTargets = single ? new float[CHUNK_ROWS][model.outputSize()] : null;
    this.stagedFeatures = single ? new double[model.inputSize()] : null;
    this.stagedTargets = single ? new double[model.outputSize()] : null;
    this.chunkGradient = new double[model.parameterCount()];
    this.gradient = new double[model.parameterCount()];
  }

  /**
   * Whether rows are held in float (a FLOAT model): then {@link #floatFeatures()} and
   * {@link #floatTargets()} take them without conversion.
   */
  public boolean holdsFloats() {
    return single;
  }

  /** The buffer for the next row's features ({@code inputSize()} values): fill it, then {@link #commit}. */
  public double[] features() {
    if (single) {
      staged = true;
      return stagedFeatures;
    }
    return inputs[filled];
  }

  /** The buffer for the next row's target row ({@code outputSize()} values). */
  public double[] targets() {
    if (single) {
      staged = true;
      return stagedTargets;
    }
    return targets[filled];
  }

  /** The next row's features in float, when {@link #holdsFloats()}: fill it, then {@link #commit}. */
  public float[] floatFeatures() {
    requireFloats();
    return floatInputs[filled];
  }

  /** The next row's target row in float, when {@link #holdsFloats()}. */
  public float[] floatTargets() {
    requireFloats();
    return floatTargets[filled];
  }

  /** Adds the row written into the buffers above. */
  public void commit() {
    if (finished) {
      throw new IllegalStateException("this partition sum is finished; start a new one");
    }
    if (staged) {
      narrow(stagedFeatures, floatInputs[filled]);
      narrow(stagedTargets, floatTargets[filled]);
      staged = false;
    }
    rows++;
    if (++filled == CHUNK_ROWS) {
      flush(filled);
    }
  }

  /** Adds row {@code row} of {@code data} (labels become one-hot rows, as {@link Dataset#targets} says). */
  public void add(Dataset data, int row) {
    if (single) {
      data.features(row, floatFeatures());
      data.targets(row, floatTargets());
    } else {
      data.features(row, features());
      data.targets(row, targets());
    }
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
      flush(filled);
    }
    return GradientSum.ofPartition(partition, partitions, rows, loss, gradient);
  }

  /** The first {@code m} rows through the model (lossAndGradient takes the batch size from the array length). */
  private void flush(int m) {
    double mean;
    if (single) {
      mean = model.lossAndGradient(m == CHUNK_ROWS ? floatInputs : Arrays.copyOf(floatInputs, m),
          m == CHUNK_ROWS ? floatTargets : Arrays.copyOf(floatTargets, m), chunkGradient);
    } else {
      mean = model.lossAndGradient(m == CHUNK_ROWS ? inputs : Arrays.copyOf(inputs, m),
          m == CHUNK_ROWS ? targets : Arrays.copyOf(targets, m), chunkGradient);
    }
    loss += m * mean;
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] += m * chunkGradient[i];
    }
    filled = 0;
  }

  private void requireFloats() {
    if (!single) {
      throw new IllegalStateException("this partition sum holds doubles (a " + model.precision()
          + " model); use features() and targets()");
    }
  }

  private static void narrow(double[] from, float[] to) {
    for (int i = 0; i < from.length; i++) {
      to[i] = (float) from[i];
    }
  }
}
