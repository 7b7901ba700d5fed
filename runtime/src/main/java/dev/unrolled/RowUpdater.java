package dev.unrolled;

import dev.unrolled.train.OptimizerState;

import dev.unrolled.support.RowSplitUpdate;
import java.util.Arrays;

/**
 * The part of every {@link ParameterUpdater} that does not depend on the rule: counting steps and
 * turning the schedule into this step's learning rate, once per step rather than per element. Every
 * rule is element-wise, so a step can also be taken in runs of rows ({@link RowSplitUpdate}), on
 * several threads, with the same bits.
 */
abstract class RowUpdater implements ParameterUpdater, RowSplitUpdate {
  private final String optimizer; // Optimizer.identity(): what a restored state must match
  private final double learningRate;
  private final LearningRateSchedule schedule;
  /** Weight-decay coefficient per row: the optimizer's decay on decayed rows, 0 elsewhere. */
  final double[] decay;
  private long steps;

  RowUpdater(Optimizer optimizer, double[] decay) {
    this.optimizer = optimizer.identity();
    this.learningRate = optimizer.learningRate();
    this.schedule = optimizer.schedule();
    this.decay = decay;
  }

  @Override
  public final void step() {
    begin();
    update(0, decay.length);
    end();
  }

  @Override
  public final long steps() {
    return steps;
  }

  @Override
  public final int rows() {
    return decay.length;
  }

  @Override
  public final void begin() {
    double factor = schedule.factor(steps);
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalStateException("learning-rate schedule " + schedule + " gave factor " + factor
          + " at step " + steps + "; a schedule must return a finite factor of at least 0");
    }
    prepare(learningRate * factor, steps + 1);
  }

  @Override
  public final void end() {
    steps++;
  }

  @Override
  public final OptimizerState state() {
    String[] names = bufferNames();
    Object[] buffers = buffers();
    double[][] flat = new double[buffers.length][];
    for (int b = 0; b < buffers.length; b++) {
      flat[b] = flatten(buffers[b]);
    }
    return new OptimizerState(optimizer, steps, Arrays.asList(names), flat);
  }

  @Override
  public final void restore(OptimizerState state) {
    if (state == null) {
      throw new IllegalArgumentException("the optimizer state is null; pass one from ParameterUpdater.state()");
    }
    if (!state.optimizer().equals(optimizer)) {
      throw new IllegalArgumentException("the optimizer state was made by " + state.optimizer()
          + ", but this trainer's optimizer is " + optimizer + "; resume with the optimizer the run started with");
    }
    String[] names = bufferNames();
    Object[] buffers = buffers();
    if (!state.bufferNames().equals(Arrays.asList(names))) {
      throw new IllegalArgumentException("the optimizer state holds the buffers " + state.bufferNames() + ", but "
          + optimizer + " keeps " + Arrays.toString(names));
    }
    for (int b = 0; b < buffers.length; b++) {
      double[] values = state.buffers()[b];
      long size = size(buffers[b]);
      if (values == null || values.length != size) {
        throw new IllegalArgumentException("the optimizer state's buffer " + names[b] + " holds "
            + (values == null ? "nothing" : values.length + " values") + ", but this trainer's holds " + size
            + " (one per parameter); resume into a trainer of the model the state was saved from");
      }
      for (int i = 0; i < values.length; i++) {
        boolean single = buffers[b] instanceof float[][];
        if (!Double.isFinite(values[i]) || single && !Float.isFinite((float) values[i])) {
          throw new IllegalArgumentException("the optimizer state's buffer " + names[b] + "[" + i + "] is "
              + values[i] + "; a state that training left finite is finite");
        }
      }
    }
    for (int b = 0; b < buffers.length; b++) {
      unflatten(state.buffers()[b], buffers[b]);
    }
    steps = state.steps();
  }

  /** The names of the rule's per-parameter buffers, in the order of {@link #buffers()}. */
  abstract String[] bufferNames();

  /** The rule's per-parameter buffers, each a {@code float[][]} or {@code double[][]} shaped like the rows. */
  abstract Object[] buffers();

  private static long size(Object rows) {
    long size = 0;
    if (rows instanceof float[][]) {
      for (float[] row : (float[][]) rows) {
        size += row.length;
      }
    } else {
      for (double[] row : (double[][]) rows) {
        size += row.length;
      }
    }
    return size;
  }

  private static double[] flatten(Object rows) {
    double[] flat = new double[Math.toIntExact(size(rows))];
    int at = 0;
    if (rows instanceof float[][]) {
      for (float[] row : (float[][]) rows) {
        for (float value : row) {
          flat[at++] = value;
        }
      }
    } else {
      for (double[] row : (double[][]) rows) {
        System.arraycopy(row, 0, flat, at, row.length);
        at += row.length;
      }
    }
    return flat;
  }

  private static void unflatten(double[] flat, Object rows) {
    int at = 0;
    if (rows instanceof float[][]) {
      for (float[] row : (float[][]) rows) {
        for (int k = 0; k < row.length; k++) {
          row[k] = (float) flat[at++];
        }
      }
    } else {
      for (double[] row : (double[][]) rows) {
        System.arraycopy(flat, at, row, 0, row.length);
        at += row.length;
      }
    }
  }

  /**
   * Fixes the scalars of one step with learning rate {@code lr}; {@code t} is the 1-based step
   * number. Called on the thread that begins the step; the threads that update rows see them
   * afterwards through the hand-off that gives them the rows.
   */
  abstract void prepare(double lr, long t);
}
