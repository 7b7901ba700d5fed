package dev.unrolled.support;

import dev.unrolled.Parallelism;
import java.lang.ref.Cleaner;

/**
 * The data-parallel part of a generated trainer's step, as {@link Parallelism} specifies it: cuts a
 * batch into shards with bounds that depend only on the batch size and the shard count, has
 * {@link Work} run forward, loss and backward on each shard in its own workspace (on whichever
 * thread), then sums the shard gradients into shard 0's gradient rows, which the optimizer is bound
 * to, as {@code g₀ ← Σₖ (mₖ/m)·gₖ} for k = 0, 1, 2, … in that order, element by element. Every
 * floating-point operation and its order are fixed by the shards alone, so the result is the same
 * bits for any thread count. The sum itself is split over the threads by gradient rows, which does
 * not change any element's order either. Given the trainer's {@link GuardedUpdate}, each thread
 * also takes the optimizer step of the rows it has just summed, while they are in its cache: the
 * rules are element-wise, so this too changes no bit (an updater that cannot be split steps on the
 * calling thread after the sum).
 *
 * <p>Allocates nothing per batch. {@link #close()} stops the threads; if the owner is dropped
 * without closing, a {@link Cleaner} stops them once it has been garbage-collected.
 */
public final class ShardedStep implements AutoCloseable {
  /** What the generated trainer does for one shard, in that shard's own buffers. */
  public interface Work {
    /**
     * Forward pass and loss on rows {@code [from, from + rows)} of the batch, which shard
     * {@code shard} loads or shares into its rows {@code [0, rows)}; with {@code training}, the
     * fused output gradient and, if the loss is finite, the backward pass filling the shard's
     * gradient rows. Returns the shard's mean loss.
     */
    double run(int shard, int from, int rows, boolean training);

    /** Correct classifications in the shard's last {@link #run}. */
    int correct(int shard);

    /**
     * After a training pass with a finite loss: folds shard {@code shard}'s batch statistics into
     * the model's running estimates with {@code weight}, its share of the rows (see
     * {@link BatchWorkspace#foldStatistics}); called for the shards in order, on the calling thread.
     */
    default void foldStatistics(int shard, boolean first, double weight) {}
  }

  private static final Cleaner CLEANER = Cleaner.create();
  /** Gradient-sum tasks per thread: more than one evens out threads that are slowed down. */
  private static final int CHUNKS_PER_THREAD = 4;

  private final Work work;
  private final int shards;
  private final int[] bounds;
  private final double[] losses;
  private final float[][][] floatGradients; // exactly one of the two is non-null
  private final double[][][] doubleGradients;
  private final float[] floatWeights;
  private final double[] doubleWeights;
  private final int[] chunks; // gradient rows [chunks[c], chunks[c+1]) are summed by task c
  private final WorkerPool pool; // null with one thread
  private final Cleaner.Cleanable cleanable;
  private final WorkerPool.Task shardTask = this::runShard;
  private final WorkerPool.Task sumTask = this::sumChunk;
  private final GuardedUpdate update; // null: the caller steps
  private final boolean fused; // the update taken row by row with the sum
  private boolean training;
  private boolean closed;
  private int used; // shards with rows in the current batch: a prefix of the shards
  private int correct;

  /** Float gradients: {@code gradients[k]} are shard k's rows, all shaped alike. */
  public ShardedStep(Parallelism parallelism, Work work, float[][][] gradients) {
    this(parallelism, work, gradients, null);
  }

  /** Double gradients: {@code gradients[k]} are shard k's rows, all shaped alike. */
  public ShardedStep(Parallelism parallelism, Work work, double[][][] gradients) {
    this(parallelism, work, gradients, null);
  }

  /**
   * Float gradients, and the {@code update} bound to shard 0's gradient rows, which
   * {@link #train} then takes once the batch's gradient is summed.
   */
  public ShardedStep(Parallelism parallelism, Work work, float[][][] gradients, GuardedUpdate update) {
    this(parallelism, work, gradients, null, rowLengths(gradients[0]), update);
  }

  /** Double gradients and the update; see {@link #ShardedStep(Parallelism, Work, float[][][], GuardedUpdate)}. */
  public ShardedStep(Parallelism parallelism, Work work, double[][][] gradients, GuardedUpdate update) {
    this(parallelism, work, null, gradients, rowLengths(gradients[0]), update);
  }

  private ShardedStep(Parallelism parallelism, Work work, float[][][] floats, double[][][] doubles,
      int[] rowLengths, GuardedUpdate update) {
    this.work = work;
    this.update = update;
    this.fused = update != null && update.splitsRows() && update.rows() == rowLengths.length;
    this.shards = parallelism.shards();
    int given = floats != null ? floats.length : doubles.length;
    if (given != shards) {
      throw new IllegalArgumentException(given + " gradient sets for " + shards + " shards");
    }
    this.bounds = new int[shards + 1];
    this.losses = new double[shards];
    this.floatGradients = floats;
    this.doubleGradients = doubles;
    this.floatWeights = floats != null ? new float[shards] : null;
    this.doubleWeights = doubles != null ? new double[shards] : null;
    int threads = parallelism.threads();
    this.chunks = chunks(rowLengths, threads == 1 ? 1 : threads * CHUNKS_PER_THREAD);
    this.pool = threads == 1 ? null : new WorkerPool(threads);
    this.cleanable = pool == null ? null : CLEANER.register(this, pool::close);
  }

  /**
   * Forward, loss and backward on every shard of a batch of {@code m} rows; if the batch's loss is
   * finite, the weighted sum of the shard gradients into shard 0's rows and, with an update, its
   * step. Returns the batch's mean loss {@code Σₖ (mₖ/m)·Lₖ}.
   */
  public double train(int m) {
    double loss = pass(m, true);
    if (!Double.isFinite(loss)) {
      return loss;
    }
    for (int k = 0; k < used; k++) {
      work.foldStatistics(k, k == 0, (double) (bounds[k + 1] - bounds[k]) / m);
    }
    if (fused) {
      update.begin();
      run(sumTask, chunks.length - 1);
      update.end();
      return loss;
    }
    if (used > 1) {
      run(sumTask, chunks.length - 1);
    }
    if (update != null) { // an updater that cannot be split by rows
      update.step();
    }
    return loss;
  }

  /** Forward and loss only, on every shard of a batch of {@code m} rows; returns the mean loss. */
  public double evaluate(int m) {
    return pass(m, false);
  }

  /** Correct classifications in the last batch, over all its shards. */
  public int correct() {
    return correct;
  }

  /** Stops the threads and refuses further batches; idempotent. */
  @Override
  public void close() {
    closed = true;
    if (cleanable != null) {
      cleanable.clean();
    }
  }

  /**
   * Row bounds of the shards of {@code m} rows: the first {@code m mod shards} shards get one row
   * more than the others, so with fewer rows than shards the last shards are empty.
   */
  static void cut(int m, int shards, int[] bounds) {
    int q = m / shards;
    int r = m % shards;
    for (int k = 0; k <= shards; k++) {
      bounds[k] = k * q + Math.min(k, r);
    }
  }

  private double pass(int m, boolean training) {
    if (closed) {
      throw new IllegalStateException("this trainer is closed; create a new one to train further");
    }
    cut(m, shards, bounds);
    this.training = training;
    this.used = Math.min(m, shards);
    run(shardTask, used);
    double loss = 0;
    int hits = 0;
    for (int k = 0; k < used; k++) {
      double weight = (double) (bounds[k + 1] - bounds[k]) / m;
      loss += weight * losses[k];
      hits += work.correct(k);
      if (floatWeights != null) {
        floatWeights[k] = (float) weight;
      } else {
        doubleWeights[k] = weight;
      }
    }
    correct = hits;
    return loss;
  }

  private void run(WorkerPool.Task task, int count) {
    if (pool == null || count == 1) {
      for (int i = 0; i < count; i++) {
        task.run(i);
      }
    } else {
      pool.run(task, count);
    }
  }

  private void runShard(int k) {
    losses[k] = work.run(k, bounds[k], bounds[k + 1] - bounds[k], training);
  }

  /**
   * Rows of chunk {@code c}: the shard sum, if more than one shard has rows; fused, one row at a
   * time, then the step of that row while its gradient and parameters are in the L1 cache.
   */
  private void sumChunk(int c) {
    if (!fused) {
      sumRows(chunks[c], chunks[c + 1]);
      return;
    }
    for (int r = chunks[c]; r < chunks[c + 1]; r++) {
      if (used > 1) {
        sumRows(r, r + 1);
      }
      update.stepRows(r, r + 1);
    }
  }

  private void sumRows(int from, int to) {
    if (floatGradients != null) {
      sum(floatGradients, floatWeights, used, from, to);
    } else {
      sum(doubleGradients, doubleWeights, used, from, to);
    }
  }

  /** {@code g[0][r] ← Σₖ w[k]·g[k][r]} for rows [from, to), shards 0 … used−1 in that order. */
  static void sum(float[][][] g, float[] w, int used, int from, int to) {
    float w0 = w[0];
    float w1 = w[1];
    for (int r = from; r < to; r++) {
      float[] d = g[0][r];
      float[] s = g[1][r];
      for (int j = 0; j < d.length; j++) {
        d[j] = w0 * d[j] + w1 * s[j];
      }
      for (int k = 2; k < used; k++) {
        float wk = w[k];
        float[] sk = g[k][r];
        for (int j = 0; j < d.length; j++) {
          d[j] += wk * sk[j];
        }
      }
    }
  }

  /** {@code g[0][r] ← Σₖ w[k]·g[k][r]} for rows [from, to), shards 0 … used−1 in that order. */
  static void sum(double[][][] g, double[] w, int used, int from, int to) {
    double w0 = w[0];
    double w1 = w[1];
    for (int r = from; r < to; r++) {
      double[] d = g[0][r];
      double[] s = g[1][r];
      for (int j = 0; j < d.length; j++) {
        d[j] = w0 * d[j] + w1 * s[j];
      }
      for (int k = 2; k < used; k++) {
        double wk = w[k];
        double[] sk = g[k][r];
        for (int j = 0; j < d.length; j++) {
          d[j] += wk * sk[j];
        }
      }
    }
  }

  /**
   * Splits rows into at most {@code parts} runs of about equal element counts; returns the bounds.
   * Where the runs split changes no result: each element's sum is computed in one piece.
   */
  static int[] chunks(int[] rowLengths, int parts) {
    long total = 0;
    for (int length : rowLengths) {
      total += length;
    }
    int n = Math.max(1, Math.min(parts, rowLengths.length));
    int[] bounds = new int[n + 1];
    int c = 1;
    long seen = 0;
    for (int r = 0; r < rowLengths.length && c < n; r++) {
      seen += rowLengths[r];
      if (seen * n >= total * c) {
        bounds[c++] = r + 1;
      }
    }
    while (c <= n) {
      bounds[c++] = rowLengths.length;
    }
    return bounds;
  }

  private static int[] rowLengths(float[][] rows) {
    int[] lengths = new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      lengths[r] = rows[r].length;
    }
    return lengths;
  }

  private static int[] rowLengths(double[][] rows) {
    int[] lengths = new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      lengths[r] = rows[r].length;
    }
    return lengths;
  }
}
