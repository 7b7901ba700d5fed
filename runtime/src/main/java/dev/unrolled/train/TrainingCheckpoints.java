package dev.unrolled.train;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.Model;
import dev.unrolled.Precision;
import dev.unrolled.Trainer;
import dev.unrolled.files.AtomicFile;
import dev.unrolled.files.ModelFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training checkpoints of one {@link Fit#run}: saving them as
 * {@link FitOptions#checkpointTraining} asks, and resuming from one as {@link FitOptions#resumeFrom}
 * asks. A resume checks the whole file against this fit — format, model, optimizer, parallelism,
 * options, data — before it changes the model, the trainer or the loop.
 */
final class TrainingCheckpoints {
  private final Trainer trainer;
  private final FitOptions options;
  private final Path file; // null when not saving
  private final int every;
  private final Path resumeFile; // null when not resuming
  private final long trainFingerprint;
  private final long validationFingerprint;
  private final int validationRows;
  private final int trainRows;
  private final int batches;

  private TrainingCheckpoints(Trainer trainer, FitOptions options, Dataset train, Dataset validation, int batches) {
    this.trainer = trainer;
    this.options = options;
    this.file = options.checkpointTrainingFile().orElse(null);
    this.every = options.checkpointTrainingEvery();
    Path resume = options.resumeFile().orElse(null);
    this.resumeFile = resume != null && options.resumeIfPresent() && !Files.exists(resume) ? null : resume;
    this.trainFingerprint = train.fingerprint();
    this.validationFingerprint = validation == null ? 0 : validation.fingerprint();
    this.validationRows = validation == null ? -1 : validation.size();
    this.trainRows = train.size();
    this.batches = batches;
  }

  /**
   * The checkpoints {@code options} ask for, or null for none. Fails before the first epoch if the
   * directory is missing or the trainer cannot be checkpointed.
   */
  static TrainingCheckpoints start(Trainer trainer, FitOptions options, Dataset train, Dataset validation,
      int batches) {
    if (options.checkpointTrainingFile().isEmpty() && options.resumeFile().isEmpty()) {
      return null;
    }
    Checkpoints.requireDirectory(options.checkpointTrainingFile().orElse(null), "checkpointTraining");
    try {
      trainer.trainerState();
    } catch (UnsupportedOperationException e) {
      throw new IllegalArgumentException((options.checkpointTrainingFile().isPresent() ? "checkpointTraining"
          : "resumeFrom") + " needs a trainer that can save and restore its state: " + e.getMessage(), e);
    }
    options.checkpointTrainingFile().ifPresent(TrainingCheckpoints::deleteStrayTemporaries);
    return new TrainingCheckpoints(trainer, options, train, validation, batches);
  }

  /** What writes cut short by a crash left beside the checkpoint: this fit is now its only writer. */
  private static void deleteStrayTemporaries(Path file) {
    try {
      AtomicFile.deleteStrayTemporaries(file);
    } catch (IOException e) {
      throw new UncheckedIOException("checkpointTraining could not clear the temporary files a crash left beside "
          + file + ": " + e.getMessage(), e);
    }
  }

  /** Whether the step that left the loop before batch {@code nextBatch} of {@code epoch} ends a stretch. */
  boolean due(int epoch, int nextBatch, int batches) {
    return file != null && ((long) (epoch - 1) * batches + nextBatch) % every == 0;
  }

  /** Saves where {@code loop} stands, if saving: after {@code batch} batches of {@code epoch}, or at its end (0). */
  void save(FitLoop loop, int epoch, int batch) {
    if (file == null) {
      return;
    }
    Model model = trainer.model();
    try {
      TrainingCheckpoint.save(file, ModelFile.toBytes(model), trainer.trainerState(),
          loop.progress(trainFingerprint, validationFingerprint), model.precision() == Precision.FLOAT);
    } catch (IOException e) {
      throw new UncheckedIOException("epoch " + epoch + (batch == 0 ? " (end)" : ", batch " + batch)
          + ": checkpointTraining could not save to " + file + ", so the fit stops (the previous checkpoint, "
          + "if any, is intact): " + e.getMessage(), e);
    }
  }

  /** Resumes {@code loop} from the checkpoint, if resuming; checks everything before changing anything. */
  void resume(FitLoop loop) {
    if (resumeFile == null) {
      return;
    }
    try {
      TrainingCheckpoint.Contents contents = TrainingCheckpoint.read(resumeFile);
      FitProgress progress = contents.progress();
      requireSameFit(progress);
      Model model = trainer.model();
      String source = resumeFile + "'s model";
      try {
        ModelFile.requireLoadable(model, contents.model(), source);
      } catch (IOException e) {
        throw new TrainingCheckpointException(e.getMessage(), e);
      }
      if (progress.bestParameters() != null && progress.bestParameters().length != model.parameterCount()) {
        throw mismatch("holds " + progress.bestParameters().length + " best parameters for a model of "
            + model.parameterCount());
      }
      try {
        trainer.restoreTrainerState(contents.trainer()); // checks, then changes
      } catch (IllegalArgumentException e) {
        throw mismatch("does not fit this trainer: " + e.getMessage());
      }
      ModelFile.load(model, contents.model(), source); // checked above: cannot fail now
      loop.restore(progress);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resume from " + resumeFile + ": " + e.getMessage(), e);
    }
  }

  /** The options and data of the checkpoint's fit against this one's, first difference first. */
  private void requireSameFit(FitProgress p) throws TrainingCheckpointException {
    same("batch size", p.batchSize(), options.batchSize());
    same("shuffle seed", p.shuffleSeed(), options.shuffleSeed());
    same("early-stopping patience", p.patience(), options.patience());
    same("early-stopping minDelta", p.minDelta(), options.minDelta());
    same("restoreBestWeights", p.restoreBest(), options.restoreBestWeights());
    same("training rows", p.trainRows(), trainRows);
    same("batches per epoch", p.batches(), batches);
    same("training data fingerprint", Long.toHexString(p.trainFingerprint()), Long.toHexString(trainFingerprint));
    same("validation rows (-1: none)", p.validationRows(), validationRows);
    same("validation data fingerprint", Long.toHexString(p.validationFingerprint()),
        Long.toHexString(validationFingerprint));
    int reached = p.epochs().size() + (p.nextBatch() > 0 ? 1 : 0); // an epoch under way counts
    if (reached > options.epochs()) {
      throw mismatch((p.nextBatch() > 0 ? "is partway through epoch " + reached : "has finished " + reached + " epochs")
          + ", but this fit asks for " + options.epochs() + "; ask for at least " + reached);
    }
    if ((p.bestParameters() != null) != options.restoreBestWeights()) {
      throw mismatch((p.bestParameters() != null ? "holds" : "lacks") + " the best epoch's parameters");
    }
  }

  private void same(String what, Object recorded, Object now) throws TrainingCheckpointException {
    if (!recorded.equals(now)) {
      throw mismatch("was written by a fit with " + what + " " + recorded + ", and this fit has " + now
          + "; resume with the options and data the fit started with (the data exactly as then: the same rows, "
          + "order and scaling)");
    }
  }

  private TrainingCheckpointException mismatch(String problem) {
    return new TrainingCheckpointException(resumeFile + " " + problem);
  }
}
