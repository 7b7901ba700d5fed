package dev.unrolled.spark;

import dev.unrolled.train.ConsoleListener;
import dev.unrolled.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link SparkTrainer#fit(TrainingData, SparkFitOptions)} trains: epochs of mini-batch steps,
 * each step on the share {@code fraction} of the rows that {@link Sampling} picks for it, so that an
 * epoch of {@code round(1 / fraction)} steps sees about every row once; optionally scored on
 * validation data after every epoch, stopped early when that loss stops falling, and reported to
 * the runtime's {@link TrainingListener}s. Immutable: every method returns a new options object.
 *
 * <pre>{@code
 * History h = trainer.fit(train, SparkFitOptions.epochs(30).fraction(0.01).seed(42)
 *     .validation(held).earlyStopping(3).console());   // steps, loss, samples/s, ETA
 * }</pre>
 */
public final class SparkFitOptions {
  private int epochs;
  private double fraction = 1;
  private long seed;
  private TrainingData validation;
  private int patience; // 0: no early stopping
  private double minDelta;
  private boolean restoreBest = true;
  private List<TrainingListener> listeners = List.of();
  private Checkpointing checkpointing = Checkpointing.none();

  private SparkFitOptions() {}

  /** {@code n} epochs (at least 1) of full-batch steps, until {@link #fraction} says otherwise. */
  public static SparkFitOptions epochs(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("epochs is " + n + "; give at least 1");
    }
    SparkFitOptions o = new SparkFitOptions();
    o.epochs = n;
    return o;
  }

  /** The share of rows each step takes, in (0, 1] (default 1: full-batch steps, one per epoch). */
  public SparkFitOptions fraction(double fraction) {
    Sampling.checkFraction(fraction);
    SparkFitOptions o = copy();
    o.fraction = fraction;
    return o;
  }

  /** The seed of the steps' row sampling (default 0). */
  public SparkFitOptions seed(long seed) {
    SparkFitOptions o = copy();
    o.seed = seed;
    return o;
  }

  /** Rows whose mean loss is computed after every epoch, at the epoch's parameters. */
  public SparkFitOptions validation(TrainingData data) {
    if (data == null) {
      throw new IllegalArgumentException("validation data is null; omit validation(...) to train without it");
    }
    SparkFitOptions o = copy();
    o.validation = data;
    return o;
  }

  /**
   * Stops when the validation loss has not fallen by more than {@link #minDelta} for
   * {@code patience} epochs (at least 1), then restores the best epoch's parameters unless
   * {@link #restoreBestParameters(boolean) restoreBestParameters(false)}; as {@code FitOptions} does
   * on one machine. Requires {@link #validation}.
   */
  public SparkFitOptions earlyStopping(int patience) {
    if (patience < 1) {
      throw new IllegalArgumentException("patience is " + patience + "; give the number of epochs "
          + "without improvement to tolerate (at least 1)");
    }
    SparkFitOptions o = copy();
    o.patience = patience;
    return o;
  }

  /** The smallest decrease of the validation loss that counts as an improvement (default 0). */
  public SparkFitOptions minDelta(double delta) {
    if (!(delta >= 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("minDelta is " + delta + "; give a finite loss decrease of at least 0");
    }
    SparkFitOptions o = copy();
    o.minDelta = delta;
    return o;
  }

  /** Whether early stopping restores the best epoch's parameters at the end (default true). */
  public SparkFitOptions restoreBestParameters(boolean restore) {
    SparkFitOptions o = copy();
    o.restoreBest = restore;
    return o;
  }

  /** Adds a listener: called on the driver after every step and epoch. */
  public SparkFitOptions listener(TrainingListener listener) {
    if (listener == null) {
      throw new IllegalArgumentException("listener is null");
    }
    SparkFitOptions o = copy();
    List<TrainingListener> more = new ArrayList<>(listeners);
    more.add(listener);
    o.listeners = List.copyOf(more);
    return o;
  }

  /** Progress on standard output: a bar per epoch, then loss, val_loss, samples/s and ETA. */
  public SparkFitOptions console() {
    return listener(new ConsoleListener());
  }

  /**
   * Saves a training checkpoint to {@code file} after every {@code n}-th step (counted over the
   * whole fit) and at the end of every epoch, each save replacing the last atomically: the
   * parameters, the optimizer's state, the step number that sampling uses, the epochs finished and
   * the position in the one under way, early stopping's state and best parameters, and what
   * identifies the training and validation data. See {@link Checkpointing}.
   */
  public SparkFitOptions checkpointTraining(Path file, int n) {
    SparkFitOptions o = copy();
    o.checkpointing = checkpointing.andCheckpointTraining(file, n);
    return o;
  }

  /**
   * Goes on from the fit recorded in {@code file} (a missing file is an error), to the bits of the
   * fit that was never interrupted. Everything is checked before anything changes; a checkpoint of
   * other data or partitions, options, optimizer or architecture is refused with an
   * {@link java.io.UncheckedIOException} caused by a {@link dev.unrolled.train.TrainingCheckpointException}
   * that names the first difference.
   */
  public SparkFitOptions resumeFrom(Path file) {
    SparkFitOptions o = copy();
    o.checkpointing = checkpointing.andResumeFrom(file);
    return o;
  }

  /**
   * Both: checkpoints to {@code file} every {@code n} steps, and resumes from it when it exists as the
   * fit starts — run the same program again after its driver died and it goes on.
   */
  public SparkFitOptions resumable(Path file, int n) {
    SparkFitOptions o = copy();
    o.checkpointing = Checkpointing.resumable(file, n);
    return o;
  }

  Checkpointing checkpointing() {
    return checkpointing;
  }

  int epochCount() {
    return epochs;
  }

  /** Steps per epoch: about one pass over the rows. */
  int stepsPerEpoch() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(1 / fraction)));
  }

  double fractionOfRows() {
    return fraction;
  }

  long samplingSeed() {
    return seed;
  }

  TrainingData validationData() {
    return validation;
  }

  int patience() {
    return patience;
  }

  double minimumDelta() {
    return minDelta;
  }

  boolean restoresBest() {
    return restoreBest;
  }

  List<TrainingListener> listenerList() {
    return listeners;
  }

  private SparkFitOptions copy() {
    SparkFitOptions o = new SparkFitOptions();
    o.epochs = epochs;
    o.fraction = fraction;
    o.seed = seed;
    o.validation = validation;
    o.patience = patience;
    o.minDelta = minDelta;
    o.restoreBest = restoreBest;
    o.listeners = listeners;
    o.checkpointing = checkpointing;
    return o;
  }
}
