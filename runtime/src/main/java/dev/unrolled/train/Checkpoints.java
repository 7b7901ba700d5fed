package dev.unrolled.train;

import dev.unrolled.FitOptions;
import dev.unrolled.Model;
import dev.unrolled.files.ModelFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkpoints of one {@link Fit#run}, as {@link FitOptions#checkpointEvery} and
 * {@link FitOptions#checkpointBest} ask: every n epochs to one file, and whenever the monitored loss
 * reaches a new minimum to another. Both go through {@link ModelFile#save}, so an interrupted fit
 * leaves the last complete checkpoint, never a half-written one.
 */
final class Checkpoints {
  private final int every; // 0 when off
  private final Path everyFile; // null when off
  private final Path bestFile; // null when off
  private final boolean byValidation;
  private double bestLoss = Double.POSITIVE_INFINITY;

  private Checkpoints(int every, Path everyFile, Path bestFile, boolean byValidation) {
    this.every = every;
    this.everyFile = everyFile;
    this.bestFile = bestFile;
    this.byValidation = byValidation;
  }

  /**
   * The checkpoints {@code options} ask for; {@code byValidation} says which loss {@code checkpointBest}
   * watches. Fails before the first epoch rather than at the first save, possibly hours later, if a
   * file's directory does not exist.
   */
  static Checkpoints start(FitOptions options, boolean byValidation) {
    Path everyFile = options.checkpointEveryFile().orElse(null);
    Path bestFile = options.checkpointBestFile().orElse(null);
    requireDirectory(everyFile, "checkpointEvery");
    requireDirectory(bestFile, "checkpointBest");
    requireDirectory(options.checkpointTrainingFile().orElse(null), "checkpointTraining");
    return new Checkpoints(options.checkpointEvery(), everyFile, bestFile, byValidation);
  }

  /** The loss of the last {@code checkpointBest} save, for a training checkpoint. */
  double bestLoss() {
    return bestLoss;
  }

  /** Puts back {@link #bestLoss()} from a training checkpoint. */
  void bestLoss(double loss) {
    this.bestLoss = loss;
  }

  /** Saves what is due after {@code stats.epoch()}; NaN and infinite losses are never the best. */
  void epochEnded(Model model, EpochStats stats) {
    if (everyFile != null && stats.epoch() % every == 0) {
      save(model, everyFile, stats.epoch(), "checkpointEvery");
    }
    double loss = byValidation ? stats.validationLoss() : stats.trainLoss();
    if (bestFile != null && loss < bestLoss) {
      bestLoss = loss;
      save(model, bestFile, stats.epoch(), "checkpointBest");
    }
  }

  private static void save(Model model, Path file, int epoch, String option) {
    try {
      ModelFile.save(model, file);
    } catch (IOException e) {
      throw new UncheckedIOException("epoch " + epoch + ": " + option + " could not save the model to "
          + file + ", so the fit stops (the previous checkpoint, if any, is intact): " + e.getMessage(), e);
    }
  }

  static void requireDirectory(Path file, String option) {
    if (file == null) {
      return;
    }
    Path directory = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException(option + " writes " + file + ", but the directory " + directory
          + " does not exist; create it before the fit");
    }
  }
}
