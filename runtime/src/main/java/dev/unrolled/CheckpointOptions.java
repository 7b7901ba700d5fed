package dev.unrolled;

import java.nio.file.Path;

/**
 * Where and when {@link FitOptions} asks for checkpoints: model files every n epochs and of the best
 * model so far, training checkpoints every n batches, and the training checkpoint to resume from.
 * Checked as the options are built; the saving itself happens in the fit.
 *
 * @param every save a model file after every this many epochs; 0 when off
 * @param everyFile where periodic model files go; null when off
 * @param bestFile where the best model so far goes; null when off
 * @param trainingEvery save a training checkpoint after every this many batches; 0 when off
 * @param trainingFile where training checkpoints go; null when off
 * @param resumeFile the training checkpoint to resume from; null when none
 * @param resumeIfPresent whether a missing {@code resumeFile} means a fresh start rather than an error
 */
record CheckpointOptions(int every, Path everyFile, Path bestFile, int trainingEvery, Path trainingFile,
    Path resumeFile, boolean resumeIfPresent) {
  static final CheckpointOptions NONE = new CheckpointOptions(0, null, null, 0, null, null, false);

  CheckpointOptions withEvery(int epochs, Path file) {
    if (epochs < 1) {
      throw new IllegalArgumentException("checkpointEvery is " + epochs + " epochs; save after every "
          + "n-th epoch with n at least 1");
    }
    requireFile(file, "checkpointEvery");
    requireDistinct("checkpointEvery", file, "checkpointBest", bestFile);
    requireDistinct("checkpointEvery", file, "checkpointTraining", trainingFile);
    return new CheckpointOptions(epochs, file, bestFile, trainingEvery, trainingFile, resumeFile, resumeIfPresent);
  }

  CheckpointOptions withBest(Path file) {
    requireFile(file, "checkpointBest");
    requireDistinct("checkpointEvery", file, "checkpointBest", everyFile);
    requireDistinct("checkpointBest", file, "checkpointTraining", trainingFile);
    return new CheckpointOptions(every, everyFile, file, trainingEvery, trainingFile, resumeFile, resumeIfPresent);
  }

  CheckpointOptions withTraining(int batches, Path file) {
    if (batches < 1) {
      throw new IllegalArgumentException("checkpointTraining is every " + batches + " batches; save after every "
          + "n-th batch with n at least 1 (each epoch's end is saved as well)");
    }
    requireFile(file, "checkpointTraining");
    requireDistinct("checkpointEvery", file, "checkpointTraining", everyFile);
    requireDistinct("checkpointBest", file, "checkpointTraining", bestFile);
    return new CheckpointOptions(every, everyFile, bestFile, batches, file, resumeFile, resumeIfPresent);
  }

  CheckpointOptions withResume(Path file, boolean ifPresent) {
    requireFile(file, "resumeFrom");
    return new CheckpointOptions(every, everyFile, bestFile, trainingEvery, trainingFile, file, ifPresent);
  }

  /** For {@link FitOptions#toString()}: empty when off. */
  String describe() {
    return (everyFile == null ? "" : ", checkpointEvery=" + every + " to " + everyFile)
        + (bestFile == null ? "" : ", checkpointBest=" + bestFile)
        + (trainingFile == null ? "" : ", checkpointTraining=" + trainingEvery + " batches to " + trainingFile)
        + (resumeFile == null ? "" : (resumeIfPresent ? ", resume if present from " : ", resumeFrom=") + resumeFile);
  }

  private static void requireFile(Path file, String option) {
    if (file == null) {
      throw new IllegalArgumentException(option + " file is null; give the path of the file to "
          + (option.equals("resumeFrom") ? "read" : "write"));
    }
  }

  private static void requireDistinct(String option, Path file, String otherOption, Path other) {
    if (other != null && file.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException(option + " and " + otherOption + " both write " + file
          + "; give them different files, or each would overwrite the other's checkpoint");
    }
  }
}
