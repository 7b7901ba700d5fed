package dev.unrolled;

import java.nio.file.Path;

/**
 * Where and when {@link FitOptions} asks for checkpoints: every n epochs to one file, and the best
 * model so far to another. Checked as the options are built; the saving itself happens in the fit.
 *
 * @param every save after every this many epochs; 0 when off
 * @param everyFile where periodic checkpoints go; null when off
 * @param bestFile where the best model so far goes; null when off
 */
record CheckpointOptions(int every, Path everyFile, Path bestFile) {
  static final CheckpointOptions NONE = new CheckpointOptions(0, null, null);

  CheckpointOptions withEvery(int epochs, Path file) {
    if (epochs < 1) {
      throw new IllegalArgumentException("checkpointEvery is " + epochs + " epochs; save after every "
          + "n-th epoch with n at least 1");
    }
    requireFile(file, "checkpointEvery");
    requireDistinct(file, bestFile);
    return new CheckpointOptions(epochs, file, bestFile);
  }

  CheckpointOptions withBest(Path file) {
    requireFile(file, "checkpointBest");
    requireDistinct(file, everyFile);
    return new CheckpointOptions(every, everyFile, file);
  }

  /** For {@link FitOptions#toString()}: empty when off. */
  String describe() {
    return (everyFile == null ? "" : ", checkpointEvery=" + every + " to " + everyFile)
        + (bestFile == null ? "" : ", checkpointBest=" + bestFile);
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
}
