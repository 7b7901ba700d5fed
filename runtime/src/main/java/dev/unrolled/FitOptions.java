package dev.unrolled;

import dev.unrolled.train.ConsoleListener;
import dev.unrolled.train.Fit;
import dev.unrolled.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How {@link Fit#run} trains: epochs, batch size, validation, early stopping, shuffling,
 * listeners and checkpoints. Immutable: every {@code with}-style method returns a new instance.
 *
 * <pre>{@code
 * FitOptions options = FitOptions.epochs(200).batchSize(16).validation(test)
 *     .earlyStopping(10).shuffleSeed(7).console();
 * }</pre>
 *
 * <p>Nothing is printed unless a listener is added, for example with {@link #console()}.
 */
public final class FitOptions {
  /** The batch size unless {@link #batchSize(int)} says otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  private final int epochs;
  private final int batchSize;
  private final Dataset validation; // null when none
  private final int patience; // 0 when early stopping is off
  private final double minDelta;
  private final boolean restoreBestWeights;
  private final long shuffleSeed;
  private final List<TrainingListener> listeners;
  private final CheckpointOptions checkpoints;

  private FitOptions(int epochs, int batchSize, Dataset validation, int patience, double minDelta,
      boolean restoreBestWeights, long shuffleSeed, List<TrainingListener> listeners, CheckpointOptions checkpoints) {
    this.epochs = epochs;
    this.batchSize = batchSize;
    this.validation = validation;
    this.patience = patience;
    this.minDelta = minDelta;
    this.restoreBestWeights = restoreBestWeights;
    this.shuffleSeed = shuffleSeed;
    this.listeners = List.copyOf(listeners);
    this.checkpoints = checkpoints;
  }

  /** Options for {@code n} epochs (at least 1), batch size 32, no validation, silent. */
  public static FitOptions epochs(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("epochs is " + n + "; train for at least 1 epoch");
    }
    return new FitOptions(n, DEFAULT_BATCH_SIZE, null, 0, 0, true, 0, List.of(), CheckpointOptions.NONE);
  }

  /** Samples per optimizer step (at least 1); the last batch of an epoch may be smaller. */
  public FitOptions batchSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batchSize is " + size + "; give at least 1 sample per step");
    }
    return new FitOptions(epochs, size, validation, patience, minDelta, restoreBestWeights, shuffleSeed, listeners,
        checkpoints);
  }

  /** Data scored after every epoch (loss, and accuracy where it means something). */
  public FitOptions validation(Dataset data) {
    if (data == null) {
      throw new IllegalArgumentException("validation data is null; omit validation(...) to train without it");
    }
    return new FitOptions(epochs, batchSize, data, patience, minDelta, restoreBestWeights, shuffleSeed, listeners,
        checkpoints);
  }

  /**
   * Stops when the validation loss has not improved by more than {@link #minDelta(double)} for
   * {@code patience} epochs (at least 1), then restores the best epoch's parameters unless
   * {@link #restoreBestWeights(boolean) restoreBestWeights(false)}. Requires {@link #validation}.
   */
  public FitOptions earlyStopping(int patience) {
    if (patience < 1) {
      throw new IllegalArgumentException("patience is " + patience + "; give the number of epochs "
          + "without improvement to tolerate (at least 1)");
    }
    return new FitOptions(epochs, batchSize, validation, patience, minDelta, restoreBestWeights, shuffleSeed, listeners,
        checkpoints);
  }

  /** The smallest decrease of the validation loss that counts as an improvement (default 0). */
  public FitOptions minDelta(double delta) {
    if (!(delta >= 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("minDelta is " + delta + "; give a finite loss decrease of at least 0");
    }
    return new FitOptions(epochs, batchSize, validation, patience, delta, restoreBestWeights, shuffleSeed, listeners,
        checkpoints);
  }

  /** Whether early stopping restores the best epoch's parameters at the end (default true). */
  public FitOptions restoreBestWeights(boolean restore) {
    return new FitOptions(epochs, batchSize, validation, patience, minDelta, restore, shuffleSeed, listeners,
        checkpoints);
  }

  /** Seed of the per-epoch shuffles (default 0); each epoch derives its own permutation from it. */
  public FitOptions shuffleSeed(long seed) {
    return new FitOptions(epochs, batchSize, validation, patience, minDelta, restoreBestWeights, seed, listeners,
        checkpoints);
  }

  /** Adds a listener; listeners are called in the order they were added. */
  public FitOptions listener(TrainingListener listener) {
    if (listener == null) {
      throw new IllegalArgumentException("listener is null; pass a TrainingListener");
    }
    List<TrainingListener> more = new ArrayList<>(listeners);
    more.add(listener);
    return new FitOptions(epochs, batchSize, validation, patience, minDelta, restoreBestWeights, shuffleSeed, more,
        checkpoints);
  }

  /** Adds a {@link ConsoleListener} printing one line per epoch to {@code System.out}. */
  public FitOptions console() {
    return listener(new ConsoleListener());
  }

  /**
   * Adds a {@link ConsoleListener} on {@code System.out} that prints the first and the last epoch
   * and every {@code everyEpochs}-th in between.
   */
  public FitOptions console(int everyEpochs) {
    return listener(new ConsoleListener(System.out, System.console() != null, everyEpochs));
  }

  /** Removes every {@link ConsoleListener}, keeping other listeners. */
  public FitOptions quiet() {
    List<TrainingListener> kept = new ArrayList<>(listeners);
    kept.removeIf(l -> l instanceof ConsoleListener);
    return new FitOptions(epochs, batchSize, validation, patience, minDelta, restoreBestWeights, shuffleSeed, kept,
        checkpoints);
  }

  /**
   * Saves the model to {@code file} after every {@code epochs}-th epoch (n, 2n, 3n, …; n at least 1),
   * each save atomically replacing the last, so an interrupted fit leaves the latest complete
   * checkpoint. Load it with {@link Model#load}. A failed save ends the fit with an
   * {@link java.io.UncheckedIOException} naming the epoch and the file.
   */
  public FitOptions checkpointEvery(int epochs, Path file) {
    return new FitOptions(this.epochs, batchSize, validation, patience, minDelta, restoreBestWeights, shuffleSeed,
        listeners, checkpoints.withEvery(epochs, file));
  }

  /**
   * Saves the model to {@code file} after each epoch that lowers the best loss so far: the validation
   * loss when there is validation data, else the training loss; NaN never counts. The file ends up
   * with the best epoch's parameters, the ones early stopping restores. Failures end the fit as for
   * {@link #checkpointEvery}.
   */
  public FitOptions checkpointBest(Path file) {
    return new FitOptions(epochs, batchSize, validation, patience, minDelta, restoreBestWeights, shuffleSeed,
        listeners, checkpoints.withBest(file));
  }

  /**
   * Saves a training checkpoint to {@code file} after every {@code everyBatches}-th optimizer step
   * and at the end of every epoch, each save atomically replacing the last: the parameters and
   * running estimates, the optimizer's moments and step count (so the schedule's position), the
   * epoch and batch, the shuffled order, the dropout seed, early stopping's state and best
   * parameters, and fingerprints of the data. {@link #resumeFrom} continues from it bit for bit. A
   * failed save ends the fit with an {@link java.io.UncheckedIOException} naming the file.
   *
   * <p>A save takes about as long as writing the model and optimizer state to disk once (the file
   * is forced to the device); choose {@code everyBatches} so that this is small beside the steps in
   * between. Use a different file than {@link #checkpointEvery} and {@link #checkpointBest}.
   */
  public FitOptions checkpointTraining(Path file, int everyBatches) {
    return new FitOptions(epochs, batchSize, validation, patience, minDelta, restoreBestWeights, shuffleSeed,
        listeners, checkpoints.withTraining(everyBatches, file));
  }

  /**
   * Resumes the fit recorded in the training checkpoint {@code file}: the model, the trainer and the
   * loop continue exactly where the checkpoint left them, and the parameters at the end are those of
   * the fit that was never stopped, bit for bit. The fit must be the same: the same model and
   * optimizer, the same trainer parallelism (shards), batch size, shuffle seed, early-stopping
   * settings and data (checked by fingerprint); {@link #epochs} may be larger, to train on. A
   * checkpoint of a finished fit returns its history without training. The returned history holds
   * every epoch, those before the checkpoint included.
   *
   * <p>A missing, damaged or foreign file, or one of another fit, ends the fit before any change with
   * an {@link java.io.UncheckedIOException} whose cause is a
   * {@link dev.unrolled.train.TrainingCheckpointException} naming the first difference.
   */
  public FitOptions resumeFrom(Path file) {
    return new FitOptions(epochs, batchSize, validation, patience, minDelta, restoreBestWeights, shuffleSeed,
        listeners, checkpoints.withResume(file, false));
  }

  /**
   * {@link #checkpointTraining checkpointTraining(file, everyBatches)}, and {@link #resumeFrom
   * resumeFrom(file)} when {@code file} exists as the fit starts: run the same program again after a
   * crash, or after killing it, and it goes on from the last checkpoint (Keras calls this
   * {@code BackupAndRestore}). The file is kept when the fit ends; delete it to start afresh.
   */
  public FitOptions resumable(Path file, int everyBatches) {
    return new FitOptions(epochs, batchSize, validation, patience, minDelta, restoreBestWeights, shuffleSeed,
        listeners, checkpoints.withTraining(everyBatches, file).withResume(file, true));
  }

  /** Batches between training checkpoints; 0 when off. */
  public int checkpointTrainingEvery() {
    return checkpoints.trainingEvery();
  }

  /** Where training checkpoints go, if anywhere. */
  public Optional<Path> checkpointTrainingFile() {
    return Optional.ofNullable(checkpoints.trainingFile());
  }

  /** The training checkpoint to resume from, if any. */
  public Optional<Path> resumeFile() {
    return Optional.ofNullable(checkpoints.resumeFile());
  }

  /** Whether a missing {@link #resumeFile()} means a fresh start ({@link #resumable}) rather than an error. */
  public boolean resumeIfPresent() {
    return checkpoints.resumeIfPresent();
  }

  /** Number of epochs. */
  public int epochs() {
    return epochs;
  }

  /** Samples per optimizer step. */
  public int batchSize() {
    return batchSize;
  }

  /** The validation data, if any. */
  public Optional<Dataset> validation() {
    return Optional.ofNullable(validation);
  }

  /** Whether early stopping is on. */
  public boolean earlyStopping() {
    return patience > 0;
  }

  /** Epochs without improvement before stopping; 0 when early stopping is off. */
  public int patience() {
    return patience;
  }

  /** The smallest validation-loss decrease that counts as an improvement. */
  public double minDelta() {
    return minDelta;
  }

  /** Whether the best parameters are restored at the end: early stopping on and not disabled. */
  public boolean restoreBestWeights() {
    return patience > 0 && restoreBestWeights;
  }

  /** Seed of the per-epoch shuffles. */
  public long shuffleSeed() {
    return shuffleSeed;
  }

  /** The listeners, in call order (unmodifiable). */
  public List<TrainingListener> listeners() {
    return listeners;
  }

  /** Epochs between periodic checkpoints; 0 when off. */
  public int checkpointEvery() {
    return checkpoints.every();
  }

  /** Where periodic checkpoints go, if anywhere. */
  public Optional<Path> checkpointEveryFile() {
    return Optional.ofNullable(checkpoints.everyFile());
  }

  /** Where the best model so far goes, if anywhere. */
  public Optional<Path> checkpointBestFile() {
    return Optional.ofNullable(checkpoints.bestFile());
  }

  @Override
  public String toString() {
    return "FitOptions[epochs=" + epochs + ", batchSize=" + batchSize
        + (validation != null ? ", validation=" + validation.size() + " rows" : "")
        + (patience > 0 ? ", earlyStopping=" + patience + ", minDelta=" + minDelta
            + ", restoreBestWeights=" + restoreBestWeights : "")
        + ", shuffleSeed=" + shuffleSeed + ", listeners=" + listeners.size() + checkpoints.describe() + "]";
  }
}
