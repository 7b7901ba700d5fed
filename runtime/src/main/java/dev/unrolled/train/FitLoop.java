package dev.unrolled.train;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Model;
import dev.unrolled.Trainer;
import dev.unrolled.data.Shuffling;
import dev.unrolled.metrics.Evaluation;
import dev.unrolled.support.Finite;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of {@link Fit#run}: buffers allocated here, once, so the batch loop allocates nothing
 * (training checkpoints, when asked for, allocate as they save). Where the fit stands — epochs
 * finished, the batch of the epoch under way and its sums, the row order, early stopping — lives in
 * fields that a training checkpoint records and {@link #resume} puts back.
 */
final class FitLoop {
  private static final double NANOS_PER_SECOND = 1e9;

  private final Trainer trainer;
  private final Dataset train;
  private final Dataset validation; // null when none
  private final FitOptions options;
  private final TrainingListener[] listeners;
  private final int batches;
  private final int[] order;
  private final int[] validationRows;
  private final double[] bestParameters; // null unless restoring the best epoch
  private final List<EpochStats> done;
  private final boolean trainScored;
  private final boolean validationScored;
  private final Checkpoints checkpoints;
  private final EarlyStopping stopping;
  private final TrainingCheckpoints training; // null unless checkpointing or resuming
  private boolean stopped;
  // The epoch under way (done.size() + 1): its next batch (0: not begun, rows not yet shuffled),
  // the sums so far and its training time before the current stretch of batches.
  private int nextBatch;
  private double lossSum;
  private long correct;
  private long elapsedNanos;

  FitLoop(Trainer trainer, Dataset train, Dataset validation, FitOptions options) {
    Model model = trainer.model();
    this.trainer = trainer;
    this.train = train;
    this.validation = validation;
    this.options = options;
    this.listeners = options.listeners().toArray(new TrainingListener[0]);
    this.batches = batchCount(train.size(), options.batchSize(), trainer.minimumBatchRows());
    this.order = Shuffling.identity(train.size());
    this.validationRows = validation == null ? null : Shuffling.identity(validation.size());
    this.bestParameters = options.restoreBestWeights() ? new double[model.parameterCount()] : null;
    this.done = new ArrayList<>(options.epochs());
    this.trainScored = Fit.isScored(model, train);
    this.validationScored = validation != null && Fit.isScored(model, validation);
    this.checkpoints = Checkpoints.start(options, validation != null);
    this.stopping = new EarlyStopping(options.patience(), options.minDelta());
    this.training = TrainingCheckpoints.start(trainer, options, train, validation, batches);
  }

  History run() {
    if (training != null) {
      training.resume(this);
    }
    for (TrainingListener l : listeners) {
      l.onFitStart(options.epochs(), batches, train.size());
    }
    while (done.size() < options.epochs() && !stopped) {
      EpochStats stats = runEpoch(done.size() + 1);
      done.add(stats);
      if (options.earlyStopping()) {
        if (stopping.record(stats.epoch(), stats.validationLoss()) && bestParameters != null) {
          trainer.model().getParameters(bestParameters);
        }
        stopped = stopping.shouldStop() && done.size() < options.epochs();
      }
      checkpoints.epochEnded(trainer.model(), stats);
      if (training != null) {
        training.save(this, stats.epoch(), 0);
      }
      if (listeners.length > 0) {
        History soFar = History.of(done, false);
        for (TrainingListener l : listeners) {
          l.onEpochEnd(stats, soFar);
        }
      }
    }
    int count = done.size();
    if (bestParameters != null && stopping.bestEpoch() != 0 && stopping.bestEpoch() != count) {
      trainer.model().setParameters(bestParameters);
    }
    History history = History.of(done, stopped);
    for (TrainingListener l : listeners) {
      l.onFitEnd(history);
    }
    return history;
  }

  private EpochStats runEpoch(int epoch) {
    long start = System.nanoTime();
    if (nextBatch == 0) {
      Shuffling.shuffle(order, Shuffling.derive(options.shuffleSeed(), epoch));
      lossSum = 0;
      correct = 0;
      elapsedNanos = 0;
    }
    int n = order.length;
    int size = options.batchSize();
    double loss = 0;
    for (int b = nextBatch; b < batches; b++) {
      int from = b * size;
      int to = b == batches - 1 ? n : from + size; // the last batch takes a remainder too small for a step
      loss = trainer.trainBatch(train, order, from, to);
      if (!Double.isFinite(loss)) {
        // The trainer took no step and undid an overflowed one: the parameters are the last finite ones.
        throw new TrainingDivergedException(epoch, b + 1, batches, loss, parametersFinite());
      }
      lossSum += loss * (to - from);
      correct += trainer.lastBatchCorrect();
      nextBatch = b + 1;
      for (TrainingListener l : listeners) {
        l.onBatchEnd(epoch, b + 1, batches, loss);
      }
      if (training != null && nextBatch < batches && training.due(epoch, nextBatch, batches)) {
        if (trainer.restoreIfNotFinite()) { // a checkpoint holds finite parameters only
          throw TrainingDivergedException.afterStep(epoch, nextBatch, batches, loss, parametersFinite());
        }
        elapsedNanos += System.nanoTime() - start;
        training.save(this, epoch, nextBatch);
        start = System.nanoTime(); // the save is not training time
      }
    }
    if (trainer.restoreIfNotFinite()) { // the last step overflowed, and no next batch revealed it
      throw TrainingDivergedException.afterStep(epoch, batches, batches, loss, parametersFinite());
    }
    long trained = System.nanoTime();
    elapsedNanos += trained - start;
    nextBatch = 0;
    Evaluation scored = validation == null
        ? null : evaluate(trainer, validation, validationRows, size, validationScored);
    double trainSeconds = Math.max(elapsedNanos, 1) / NANOS_PER_SECOND;
    return new EpochStats(epoch, lossSum / n, trainScored ? (double) correct / n : Double.NaN,
        scored == null ? Double.NaN : scored.loss(), scored == null ? Double.NaN : scored.accuracy(),
        n, (elapsedNanos + System.nanoTime() - trained) / NANOS_PER_SECOND, n / trainSeconds);
  }

  /**
   * Where the fit stands, for a training checkpoint. Between epochs ({@code nextBatch} 0) the row
   * order is the last epoch's, which the next shuffles again.
   */
  FitProgress progress(long trainFingerprint, long validationFingerprint) {
    return new FitProgress(options.batchSize(), options.shuffleSeed(), options.patience(), options.minDelta(),
        options.restoreBestWeights(), batches, train.size(), trainFingerprint,
        validation == null ? -1 : validation.size(), validationFingerprint, done, stopped, nextBatch, lossSum, correct,
        elapsedNanos, order.clone(), stopping.bestLoss(), stopping.bestEpoch(), stopping.baseline(),
        stopping.epochsWithoutImprovement(), bestParameters == null ? null : bestParameters.clone(),
        checkpoints.bestLoss());
  }

  /** Puts back a checkpoint's progress, already checked against this fit's options and data. */
  void restore(FitProgress progress) {
    done.clear();
    done.addAll(progress.epochs());
    stopped = progress.stopped();
    nextBatch = progress.nextBatch();
    lossSum = progress.lossSum();
    correct = progress.correct();
    elapsedNanos = progress.elapsedNanos();
    System.arraycopy(progress.order(), 0, order, 0, order.length);
    stopping.restore(progress.bestLoss(), progress.bestEpoch(), progress.baseline(),
        progress.epochsWithoutImprovement());
    if (bestParameters != null) {
      System.arraycopy(progress.bestParameters(), 0, bestParameters, 0, bestParameters.length);
    }
    checkpoints.bestLoss(progress.checkpointBestLoss());
    // A fit that ended on its last epoch with its patience used up goes no further when asked for
    // more epochs, as one that had asked for them from the start would have stopped there.
    if (nextBatch == 0 && options.earlyStopping() && !done.isEmpty() && stopping.shouldStop()) {
      stopped = true;
    }
  }


  /**
   * Batches of an epoch of {@code n} rows: {@code ⌈n/size⌉}, except that a last batch smaller than
   * the trainer's minimum (a network with batch normalisation needs two rows per shard) joins the
   * one before it.
   */
  static int batchCount(int n, int size, int minimumRows) {
    if (n < minimumRows) {
      throw new IllegalArgumentException("the training set has " + n + " rows, but this trainer needs batches of at least "
          + minimumRows + " rows (" + minimumRowsReason(minimumRows) + ")");
    }
    int batches = (int) ((n + (long) size - 1) / size);
    int last = n - (batches - 1) * size;
    return batches > 1 && last < minimumRows ? batches - 1 : batches;
  }

  private static String minimumRowsReason(int minimumRows) {
    return "batch normalisation needs at least 2 rows in each of its " + minimumRows / 2 + " shard(s)";
  }

  /** Only on the way out of a diverged fit, so its allocation does not matter. */
  private boolean parametersFinite() {
    return Finite.all(trainer.model().parameters());
  }

  /** Loss and accuracy over {@code rows} of {@code data}, in batches, without any step. */
  static Evaluation evaluate(Trainer trainer, Dataset data, int[] rows, int batchSize, boolean scored) {
    int n = rows.length;
    double lossSum = 0;
    long correct = 0;
    for (int from = 0; from < n; ) {
      int to = from + Math.min(batchSize, n - from);
      lossSum += trainer.evaluateBatch(data, rows, from, to) * (to - from);
      correct += trainer.lastBatchCorrect();
      from = to;
    }
    return new Evaluation(lossSum / n, scored ? (double) correct / n : Double.NaN, n);
  }
}
