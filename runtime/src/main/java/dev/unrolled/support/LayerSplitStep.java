package dev.unrolled.support;

import dev.unrolled.Parallelism;
import java.lang.ref.Cleaner;

/**
 * A training step split by layers, as {@link Parallelism#splitLayers} specifies it: every part runs
 * the phases of {@link BatchWorkspace#splitPhases()} over the whole batch in its own workspace,
 * part {@code p} always on thread {@code p mod threads}, so that its weight rows, their gradients
 * and their backup stay in one core's caches from batch to batch; between two phases every part
 * waits for the others. The parts hand each run of parameter rows they finish to the trainer's
 * {@link GuardedUpdate}, which updates it at once on the part's thread; the rules are element-wise,
 * and the parts own disjoint rows, so this changes no bit. Which thread runs a part never changes a
 * bit either: the parts' sums are added in part order, whatever the thread count.
 *
 * <p>With as many threads as parts, each thread runs its part's whole step as one task and the parts
 * meet at a {@link PartBarrier} between two phases; with fewer, each phase is handed out through the
 * pool in turn.
 *
 * <p>Allocates nothing per batch. {@link #close()} stops the threads; if the owner is dropped without
 * closing, a {@link Cleaner} stops them once it has been garbage-collected.
 */
final class LayerSplitStep<M, W extends BatchWorkspace<M>> implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  private final M model;
  private final W[] parts;
  private final GuardedUpdate update;
  private final PartRows[] ready;
  private final int forwardPhases;
  private final int phases;
  private final WorkerPool pool; // null with one thread
  private final Cleaner.Cleanable cleanable;
  private final WorkerPool.Task phaseTask = this::runPhase;
  private final WorkerPool.Task stepTask = this::runStep;
  private final PartBarrier barrier; // null unless every part has a thread of its own
  private int phase;
  private int m;
  private boolean closed;
  private boolean inputsFinite = true;

  /**
   * The parts are the trainer's workspaces, {@code parts[0]} its own; {@code update} must split by
   * rows (every optimizer of {@code dev.unrolled.Optimizer} does).
   */
  LayerSplitStep(M model, W[] parts, GuardedUpdate update, Parallelism parallelism) {
    String why = parts[0].whyNotSplit();
    if (parts[0].splitPhases() == 0) {
      throw new IllegalArgumentException("Parallelism.splitLayers cannot split this network: " + why
          + "; use Parallelism.shards instead");
    }
    if (!update.splitsRows()) {
      throw new IllegalArgumentException("Parallelism.splitLayers needs an optimizer whose step can be "
          + "taken in runs of rows (every built-in optimizer can); use Parallelism.shards instead");
    }
    this.model = model;
    this.parts = parts;
    this.update = update;
    this.forwardPhases = parts[0].splitForwardPhases();
    this.phases = parts[0].splitPhases();
    this.ready = new PartRows[parts.length];
    for (int p = 0; p < parts.length; p++) {
      parts[p].joinSplit(parts, p);
      ready[p] = new PartRows(update);
    }
    int threads = parallelism.threads();
    this.pool = threads == 1 ? null : new WorkerPool(threads);
    this.barrier = threads == parts.length ? new PartBarrier(parts.length) : null;
    this.cleanable = pool == null ? null : CLEANER.register(this, pool::close);
  }

  /**
   * One training step over rows [0, m) of {@code parts[0]}: the forward phases and the loss; then,
   * if the loss is finite, the backward phases with the optimizer step. Returns the loss. The parts
   * check their columns of the inputs as they read them; if one is not finite, no backward phase
   * runs, {@link #inputsFinite()} is false and the loss NaN.
   */
  double train(int m) {
    if (closed) {
      throw new IllegalStateException("this trainer is closed; create a new one to train further");
    }
    for (int p = 1; p < parts.length; p++) {
      parts[p].ensureCapacity(m);
      parts[p].shareRows(parts[0], 0, m);
    }
    this.m = m;
    for (PartRows rows : ready) {
      rows.count = 0;
    }
    double loss;
    if (barrier != null) {
      loss = trainTogether();
    } else {
      loss = trainPhaseByPhase();
    }
    if (!inputsFinite || !Double.isFinite(loss)) {
      return inputsFinite ? loss : Double.NaN;
    }
    update.end();
    long reported = 0;
    for (PartRows rows : ready) {
      reported += rows.count;
    }
    if (reported != update.rows()) { // a bug in the generated phases: never leave it silent
      throw new IllegalStateException("the split backward pass reported " + reported
          + " parameter rows ready, but there are " + update.rows() + "; rows were missed or repeated");
    }
    return loss;
  }

  /** Each phase handed out in turn; the backward phases only after a finite loss. Returns the loss. */
  private double trainPhaseByPhase() {
    for (int k = 0; k < forwardPhases; k++) {
      run(k);
    }
    inputsFinite = allInputsFinite();
    double loss = parts[0].splitLoss();
    if (!inputsFinite || !Double.isFinite(loss)) {
      return loss;
    }
    update.begin();
    for (int k = forwardPhases; k < phases; k++) {
      run(k);
    }
    return loss;
  }

  /**
   * Each part's whole step as one task on its own thread, the parts meeting at the barrier between
   * phases. The step is begun before the forward phases, since the parts take it up without coming
   * back to this thread; a step begun and not ended changes nothing (it only fixes the step's rate).
   */
  private double trainTogether() {
    update.begin();
    barrier.reset();
    try {
      pool.runEach(stepTask, parts.length);
    } catch (RuntimeException | Error e) {
      Throwable cause = barrier.failure();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
    inputsFinite = allInputsFinite();
    return parts[0].splitLoss();
  }

  private boolean allInputsFinite() {
    boolean finite = true;
    for (W part : parts) {
      finite &= part.splitInputsFinite();
    }
    return finite;
  }

  /** Part {@code part}'s whole step, on its own thread: every part decides alike whether to go back. */
  private void runStep(int part) {
    W me = parts[part];
    PartRows rows = ready[part];
    long met = 0;
    try {
      for (int k = 0; k < forwardPhases; k++) {
        me.splitPhase(model, k, m, rows);
        barrier.await(part, ++met);
      }
      // Every part adds up the same loss, bit for bit, and sees every part's input check.
      if (!allInputsFinite() || !Double.isFinite(me.splitLoss())) {
        return;
      }
      for (int k = forwardPhases; k < phases; k++) {
        me.splitPhase(model, k, m, rows);
        if (k < phases - 1) {
          barrier.await(part, ++met);
        }
      }
    } catch (RuntimeException | Error e) {
      barrier.abort(e);
      throw e;
    }
  }

  /** Whether every input of the last batch was finite. */
  boolean inputsFinite() {
    return inputsFinite;
  }

  /** Correct classifications in the last batch. */
  int correct() {
    return parts[0].splitCorrect();
  }

  @Override
  public void close() {
    closed = true;
    if (cleanable != null) {
      cleanable.clean();
    }
  }

  private void run(int phase) {
    this.phase = phase;
    if (pool == null) {
      for (int p = 0; p < parts.length; p++) {
        runPhase(p);
      }
    } else {
      pool.runEach(phaseTask, parts.length);
    }
  }

  private void runPhase(int part) {
    parts[part].splitPhase(model, phase, m, ready[part]);
  }

  /**
   * A part's runs of finished rows, updated at once on the part's thread, and counted. Each count
   * sits on a cache line of its own: the parts count a run every few microseconds, and two counts
   * on one line would pass it between the cores at each.
   */
  @SuppressWarnings("unused") // the padding
  private static final class PartRows implements ReadyRows {
    private long before1, before2, before3, before4, before5, before6, before7;
    private final GuardedUpdate update;
    long count;
    private long after1, after2, after3, after4, after5, after6, after7;

    PartRows(GuardedUpdate update) {
      this.update = update;
    }

    @Override
    public void rows(int from, int to) {
      update.stepRows(from, to);
      count += to - from;
    }
  }
}
