package dev.unrolled.train;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Model;
import dev.unrolled.Trainer;
import dev.unrolled.data.Shuffling;
import dev.unrolled.metrics.Evaluation;
import dev.unrolled.support.Finite;
import java.util.Arrays;

/** One run of {@link Fit#run}: buffers allocated here, once, so the batch loop allocates nothing. */
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
  private final EpochStats[] done;
  private final boolean trainScored;
  private final boolean validationScored;
  private final Checkpoints checkpoints;

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
    this.done = new EpochStats[options.epochs()];
    this.trainScored = Fit.isScored(model, train);
    this.validationScored = validation != null && Fit.isScored(model, validation);
    this.checkpoints = Checkpoints.start(options, validation != null);
  }

  History run() {
    for (TrainingListener l : listeners) {
      l.onFitStart(options.epochs(), batches, train.size());
    }
    EarlyStopping stopping = new EarlyStopping(options.patience(), options.minDelta());
    int count = 0;
    boolean stopped = false;
    while (count < done.length && !stopped) {
      EpochStats stats = runEpoch(count + 1);
      done[count++] = stats;
      if (options.earlyStopping()) {
        if (stopping.record(stats.epoch(), stats.validationLoss()) && bestParameters != null) {
          trainer.model().getParameters(bestParameters);
        }
        stopped = stopping.shouldStop() && count < done.length;
      }
      checkpoints.epochEnded(trainer.model(), stats);
      if (listeners.length > 0) {
        History soFar = History.of(Arrays.asList(done).subList(0, count), false);
        for (TrainingListener l : listeners) {
          l.onEpochEnd(stats, soFar);
        }
      }
    }
    if (bestParameters != null && stopping.bestEpoch() != 0 && stopping.bestEpoch() != count) {
      trainer.model().setParameters(bestParameters);
    }
    History history = History.of(Arrays.asList(done).subList(0, count), stopped);
    for (TrainingListener l : listeners) {
      l.onFitEnd(history);
    }
    return history;
  }

  private EpochStats runEpoch(int epoch) {
    long start = System.nanoTime();
    Shuffling.shuffle(order, Shuffling.derive(options.shuffleSeed(), epoch));
    int n = order.length;
    int size = options.batchSize();
    double lossSum = 0;
    double loss = 0;
    long correct = 0;
    for (int b = 0, from = 0; b < batches; b++) {
      int to = b == batches - 1 ? n : from + size; // the last batch takes a remainder too small for a step
      loss = trainer.trainBatch(train, order, from, to);
      if (!Double.isFinite(loss)) {
        // The trainer took no step and undid an overflowed one: the parameters are the last finite ones.
        throw new TrainingDivergedException(epoch, b + 1, batches, loss, parametersFinite());
      }
      lossSum += loss * (to - from);
      correct += trainer.lastBatchCorrect();
      for (TrainingListener l : listeners) {
        l.onBatchEnd(epoch, b + 1, batches, loss);
      }
      from = to;
    }
    if (trainer.restoreIfNotFinite()) { // the last step overflowed, and no next batch revealed it
      throw TrainingDivergedException.afterStep(epoch, batches, batches, loss, parametersFinite());
    }
    long trained = System.nanoTime();
    Evaluation scored = validation == null
        ? null : evaluate(trainer, validation, validationRows, size, validationScored);
    double trainSeconds = Math.max(trained - start, 1) / NANOS_PER_SECOND;
    return new EpochStats(epoch, lossSum / n, trainScored ? (double) correct / n : Double.NaN,
        scored == null ? Double.NaN : scored.loss(), scored == null ? Double.NaN : scored.accuracy(),
        n, (System.nanoTime() - start) / NANOS_PER_SECOND, n / trainSeconds);
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
