package dev.unrolled;

import dev.unrolled.files.ModelFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * When {@link Fit#run} saves the model: every n epochs to one file, and whenever the monitored loss
 * reaches a new minimum to another. Both go through {@link ModelFile#save}, so an interrupted fit
 * leaves the last complete checkpoint, never a half-written one.
 *
 * @param every save after every this many epochs; 0 when off
 * @param everyFile where periodic checkpoints go; null when off
 * @param bestFile where the best model so far goes; null when off
 */
record Checkpoints(int every, Path everyFile, Path bestFile) {
  static final Checkpoints NONE = new Checkpoints(0, null, null);

  Checkpoints withEvery(int epochs, Path file) {
    if (epochs < 1) {
      throw new IllegalArgumentException("checkpointEvery is " + epochs + " epochs; save after every "
          + "n-th epoch with n at least 1");
    }
    requireFile(file, "checkpointEvery");
    requireDistinct(file, bestFile);
    return new Checkpoints(epochs, file, bestFile);
  }

  Checkpoints withBest(Path file) {
    requireFile(file, "checkpointBest");
    requireDistinct(file, everyFile);
    return new Checkpoints(every, everyFile, file);
  }

  /** Fails before the first epoch rather than at the first save, possibly hours later. */
  void requireDirectories() {
    requireDirectory(everyFile, "checkpointEvery");
    requireDirectory(bestFile, "checkpointBest");
  }

  /** The bookkeeping of one fit; {@code byValidation} says which loss {@code checkpointBest} watches. */
  Run start(boolean byValidation) {
    return new Run(this, byValidation);
  }

  /** For {@link FitOptions#toString()}: empty when off. */
  String describe() {
    return (everyFile == null ? "" : ", checkpointEvery=" + every + " to " + everyFile)
        + (bestFile == null ? "" : ", checkpointBest=" + bestFile);
  }

  /** Checkpoints of one fit: remembers the best loss so far. */
  static final class Run {
    private final Checkpoints settings;
    private final boolean byValidation;
    private double bestLoss = Double.POSITIVE_INFINITY;

    private Run(Checkpoints settings, boolean byValidation) {
      this.settings = settings;
      this.byValidation = byValidation;
    }

    /** Saves what is due after {@code stats.epoch()}; NaN and infinite losses are never the best. */
    void epochEnded(Model model, EpochStats stats) {
      if (settings.everyFile != null && stats.epoch() % settings.every == 0) {
        save(model, settings.everyFile, stats.epoch(), "checkpointEvery");
      }
      double loss = byValidation ? stats.validationLoss() : stats.trainLoss();
      if (settings.bestFile != null && loss < bestLoss) {
        bestLoss = loss;
        save(model, settings.bestFile, stats.epoch(), "checkpointBest");
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
  }

  private static void requireFile(Path file, String option) {
    if (file == null) {
      throw new IllegalArgumentException(option + " file is null; give the path of the model file to write");
    }
  }

  private static void requireDistinct(Path file, Path other) {
    if (other != null && file.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("checkpointEvery and checkpointBest both write " + file
          + "; give them different files, or each would overwrite the other's checkpoint");
    }
  }

  private static void requireDirectory(Path file, String option) {
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
