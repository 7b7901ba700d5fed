package dev.unrolled.support;

import dev.unrolled.Dataset;
import dev.unrolled.Parallelism;
import dev.unrolled.train.TrainerState;

/**
 * The part of a generated trainer's step that does not depend on the architecture: forward, loss
 * and fused output deltas, backward, and the guarded optimizer update — on the trainer's own
 * workspace, over shards with {@link ShardedStep}, or over the parts of a network split by layers
 * with {@link LayerSplitStep}. The generated trainer keeps what does: its
 * types, its input checks and its loaders.
 *
 * <p>Shard 0 is the trainer's own workspace, which also holds a batch given as arrays; the other
 * shards use runs of its rows, or load their own rows straight from a {@link Dataset}. Allocates
 * nothing per batch.
 */
public final class TrainingCore<M, W extends BatchWorkspace<M>> implements AutoCloseable {
  private final M model;
  private final W workspace;
  private final GuardedUpdate update;
  private final RowsAsReady updateRows = new RowsAsReady();
  private final ShardedStep sharded; // null on the single-threaded path of one shard
  private final Shards<M, W> shards; // null when sharded is
  private final LayerSplitStep<M, W> split; // null unless the trainer splits layers
  private final int shardCount;
  private final int partCount;
  private int minimumShardRows = 1;
  private String minimumRowsReason;
  private long dropoutSeed;
  private long steps;

  /** For FLOAT models: {@code gradients[k]} are {@code workspaces[k]}'s gradient rows. */
  public TrainingCore(M model, W[] workspaces, GuardedUpdate update, Parallelism parallelism, float[][][] gradients) {
    this.model = model;
    this.partCount = parallelism.parts();
    this.shardCount = partCount > 1 ? 1 : workspaces.length;
    this.workspace = workspaces[0];
    this.update = update;
    this.split = partCount > 1 ? new LayerSplitStep<>(model, workspaces, update, parallelism) : null;
    this.shards = shardCount == 1 ? null : new Shards<>(model, workspaces);
    this.sharded = shards == null ? null : new ShardedStep(parallelism, shards, gradients, update);
  }

  /** For DOUBLE models: {@code gradients[k]} are {@code workspaces[k]}'s gradient rows. */
  public TrainingCore(M model, W[] workspaces, GuardedUpdate update, Parallelism parallelism, double[][][] gradients) {
    this.model = model;
    this.partCount = parallelism.parts();
    this.shardCount = partCount > 1 ? 1 : workspaces.length;
    this.workspace = workspaces[0];
    this.update = update;
    this.split = partCount > 1 ? new LayerSplitStep<>(model, workspaces, update, parallelism) : null;
    this.shards = shardCount == 1 ? null : new Shards<>(model, workspaces);
    this.sharded = shards == null ? null : new ShardedStep(parallelism, shards, gradients, update);
  }

  /**
   * For networks with batch normalisation: every shard of a training batch needs at least
   * {@code rows} rows, because {@code why}.
   */
  public void minimumShardRows(int rows, String why) {
    this.minimumShardRows = rows;
    this.minimumRowsReason = why;
  }

  /**
   * The fewest rows a training batch may have: 1, since with fewer rows than shards the last shards
   * are simply empty; or, with a minimum per shard (batch normalisation), that minimum times the shards.
   */
  public int minimumBatchRows() {
    return minimumRowsReason == null ? 1 : minimumShardRows * shardCount;
  }

  /** The seed of the dropout masks (see {@code dev.unrolled.train.Dropout}); 0 until set. */
  public void dropoutSeed(long seed) {
    this.dropoutSeed = seed;
  }

  public long dropoutSeed() {
    return dropoutSeed;
  }

  /** Training batches given so far, counting those a non-finite loss skipped: the next step's number. */
  public long steps() {
    return steps;
  }

  /** Sets the step count, for a trainer resumed from a checkpoint. */
  public void steps(long steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps is " + steps + "; a step count is at least 0");
    }
    this.steps = steps;
  }

  /** What this trainer carries between steps, for a checkpoint; see {@link TrainerState}. */
  public TrainerState trainerState() {
    return new TrainerState(update.updater().state(), steps, dropoutSeed, shardCount, partCount);
  }

  /**
   * Puts back a {@link #trainerState()}: checks the shard count and the optimizer state before
   * changing anything.
   */
  public void restoreTrainerState(TrainerState state) {
    if (state == null) {
      throw new IllegalArgumentException("the trainer state is null; pass one from Trainer.trainerState()");
    }
    if (state.shards() != shardCount) {
      throw new IllegalArgumentException("the trainer state comes from a trainer of " + state.shards()
          + " shard(s), but this one cuts batches into " + shardCount + "; gradients summed over other shards "
          + "differ in their last bits, so resume with Parallelism.shards(" + state.shards() + ")");
    }
    if (state.parts() != partCount) {
      throw new IllegalArgumentException("the trainer state comes from a trainer that splits layers into "
          + state.parts() + " part(s), but this one " + (partCount == 1 ? "does not split them" : "into " + partCount)
          + "; partial sums added over other parts differ in their last bits, so resume with "
          + (state.parts() == 1 ? "a trainer that does not split layers" : "Parallelism.splitLayers(" + state.parts() + ")"));
    }
    update.updater().restore(state.optimizer()); // checks, then changes; throws before any change
    steps = state.steps();
    dropoutSeed = state.dropoutSeed();
  }

  /**
   * One optimizer step on rows [0, m) of the trainer's workspace; returns the loss before the
   * update. A non-finite loss takes no step, and undoes the previous one if it left non-finite
   * parameters.
   */
  public double step(int m) {
    checkRows(m);
    if (sharded != null) {
      return shardedStep(m);
    }
    if (split != null) {
      workspace.prepare(true, dropoutSeed, steps++, 0);
      double loss = split.train(m);
      if (!split.inputsFinite()) {
        steps--; // a batch refused: as if it had never been given
      } else if (!Double.isFinite(loss)) {
        update.restoreIfNotFinite();
      }
      return loss;
    }
    workspace.prepare(true, dropoutSeed, steps++, 0);
    workspace.forward(model, m);
    double loss = workspace.loss(m, true);
    if (!Double.isFinite(loss)) {
      update.restoreIfNotFinite();
      return loss;
    }
    workspace.foldStatistics(model, true, 1.0);
    if (update.splitsRows()) { // each run of rows updated as the backward pass finishes it
      update.begin();
      updateRows.count = 0;
      workspace.backward(model, m, updateRows);
      update.end();
      updateRows.checkEvery(update.rows());
    } else {
      workspace.backward(model, m);
      update.step();
    }
    return loss;
  }

  /**
   * Takes the guarded update of each run of rows the backward pass reports, rank-one runs folded
   * into it where the optimizer allows, and counts them.
   */
  private final class RowsAsReady implements ReadyRows {
    int count;

    @Override
    public void rows(int from, int to) {
      update.stepRows(from, to);
      count += to - from;
    }

    @Override
    public boolean foldsRankOne() {
      return update.foldsRankOne();
    }

    @Override
    public void rankOneRows(int from, int to, float[] a, float[] d) {
      update.stepRankOne(from, to, a, d);
      count += to - from;
    }

    @Override
    public void rankOneRows(int from, int to, double[] a, double[] d) {
      update.stepRankOne(from, to, a, d);
      count += to - from;
    }

    /** A pass that missed or repeated rows is a bug in the generated code: never leave it silent. */
    void checkEvery(int rows) {
      if (count != rows) {
        throw new IllegalStateException("the backward pass reported " + count + " parameter rows ready, but there are "
            + rows + "; rows were missed or repeated");
      }
    }
  }

  private void checkRows(int m) {
    if (m < minimumBatchRows()) {
      throw new IllegalArgumentException("a training batch of " + m + " row(s) is too small: " + minimumRowsReason
          + (shardCount > 1 ? ", and it is cut into " + shardCount + " shards, so give at least " : ", so give at least ")
          + minimumBatchRows() + " rows");
    }
  }

  /** A step on rows {@code rows[from..to)} of {@code data}: each shard loads its own rows. */
  public double trainBatch(Dataset data, int[] rows, int from, int to) {
    if (sharded == null) {
      return step(loadRows(data, rows, from, to));
    }
    int m = Checks.range(rows, from, to);
    checkRows(m);
    shards.select(data, rows, from);
    try {
      return shardedStep(m);
    } finally {
      shards.select(null, null, 0);
    }
  }

  /** The mean loss on rows {@code rows[from..to)} of {@code data}, without a step. */
  public double evaluateBatch(Dataset data, int[] rows, int from, int to) {
    if (sharded == null) {
      int m = loadRows(data, rows, from, to);
      workspace.prepare(false, 0, 0, 0);
      workspace.forward(model, m);
      return workspace.loss(m, false);
    }
    int m = Checks.range(rows, from, to);
    shards.select(data, rows, from);
    try {
      return sharded.evaluate(m);
    } finally {
      shards.select(null, null, 0);
    }
  }

  /** See {@link GuardedUpdate#restoreIfNotFinite()}. */
  public boolean restoreIfNotFinite() {
    return update.restoreIfNotFinite();
  }

  /**
   * Whether the parts of a trainer that splits layers check the input values themselves, each its
   * own columns, during the step: the trainer then checks only the batch's shape before it, and
   * after it, if {@link #inputsFinite()} is false, the whole batch for the message.
   */
  public boolean checksInputsInParts() {
    return split != null;
  }

  /** Whether the last step's inputs were all finite: false only after a split step refused them. */
  public boolean inputsFinite() {
    return split == null || split.inputsFinite();
  }

  /** Correct classifications in the last batch, over all shards. */
  public int lastBatchCorrect() {
    return sharded != null ? sharded.correct() : split != null ? split.correct() : workspace.correct();
  }

  /** Stops the threads of a data-parallel trainer (nothing to do otherwise); idempotent. */
  @Override
  public void close() {
    if (sharded != null) {
      sharded.close();
    }
    if (split != null) {
      split.close();
    }
  }

  /**
   * {@link #step} over shards: their gradients summed in shard order, then the same guarded update,
   * which {@link ShardedStep} takes row by row on its threads.
   */
  private double shardedStep(int m) {
    shards.step(dropoutSeed, steps++);
    double loss = sharded.train(m);
    if (!Double.isFinite(loss)) {
      update.restoreIfNotFinite();
    }
    return loss;
  }

  private int loadRows(Dataset data, int[] rows, int from, int to) {
    int m = Checks.range(rows, from, to);
    workspace.ensureCapacity(m);
    workspace.loadRows(data, rows, from, m);
    return m;
  }

  /** The work of each shard, in its own workspace; shard 0 is the trainer's. */
  private static final class Shards<M, W extends BatchWorkspace<M>> implements ShardedStep.Work {
    private final M model;
    private final W[] workspaces;
    private Dataset data; // where each shard loads its rows during a dataset batch; null: rows in shard 0
    private int[] rows;
    private int offset;
    private long seed;
    private long step;

    Shards(M model, W[] workspaces) {
      this.model = model;
      this.workspaces = workspaces;
    }

    void select(Dataset data, int[] rows, int offset) {
      this.data = data;
      this.rows = rows;
      this.offset = offset;
    }

    void step(long seed, long step) {
      this.seed = seed;
      this.step = step;
    }

    @Override
    public double run(int shard, int from, int m, boolean training) {
      W ws = workspaces[shard];
      ws.prepare(training, seed, step, from);
      ws.ensureCapacity(m);
      if (data != null) {
        ws.loadRows(data, rows, offset + from, m);
      } else if (shard > 0) {
        ws.shareRows(workspaces[0], from, m);
      }
      ws.forward(model, m);
      double loss = ws.loss(m, training);
      if (training && Double.isFinite(loss)) {
        ws.backward(model, m);
      }
      return loss;
    }

    @Override
    public int correct(int shard) {
      return workspaces[shard].correct();
    }

    @Override
    public void foldStatistics(int shard, boolean first, double weight) {
      workspaces[shard].foldStatistics(model, first, weight);
    }
  }
}
