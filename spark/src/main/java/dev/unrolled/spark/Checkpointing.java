package dev.unrolled.spark;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Training checkpoints of a Spark fit, named as on one machine ({@code FitOptions}): written by the
 * driver, atomically, so that a fit whose driver died — killed, out of memory, its machine lost —
 * goes on from the last one and ends on the bits of the fit that was never interrupted. For
 * {@link SparkTrainer#fitLbfgs(TrainingData, dev.unrolled.fullbatch.Lbfgs.Options, Checkpointing)};
 * {@link SparkFitOptions} takes the same three settings for epochs of steps.
 *
 * <pre>{@code
 * // Run this again after a crash and it goes on from the last checkpoint:
 * trainer.fitLbfgs(data, Lbfgs.options(), Checkpointing.resumable(Path.of("mnist.ckpt"), 5));
 * }</pre>
 *
 * <p>What a checkpoint holds and what a resume checks: {@code spark/README.md}, "Training that
 * survives a lost driver". Immutable.
 */
public final class Checkpointing {
  private static final Checkpointing NONE = new Checkpointing(null, 0, null, false);

  private final Path file; // null: no saves
  private final int every;
  private final Path resumeFile; // null: no resume
  private final boolean resumeIfPresent;

  private Checkpointing(Path file, int every, Path resumeFile, boolean resumeIfPresent) {
    this.file = file;
    this.every = every;
    this.resumeFile = resumeFile;
    this.resumeIfPresent = resumeIfPresent;
  }

  /** No checkpoints. */
  public static Checkpointing none() {
    return NONE;
  }

  /**
   * Saves a checkpoint to {@code file} after every {@code n}-th step or iteration (counted over the
   * whole fit) and when the fit ends (epochs of steps: at the end of every epoch too), each save
   * replacing the last atomically.
   */
  public static Checkpointing checkpointTraining(Path file, int n) {
    return NONE.andCheckpointTraining(file, n);
  }

  /** Goes on from the fit recorded in {@code file}; a missing file is an error. */
  public static Checkpointing resumeFrom(Path file) {
    return NONE.andResumeFrom(file);
  }

  /**
   * Both: saves to {@code file} every {@code n}, and resumes from it when it exists as the fit
   * starts — run the same program again after a crash and it goes on.
   */
  public static Checkpointing resumable(Path file, int n) {
    Checkpointing c = checkpointTraining(file, n);
    return new Checkpointing(c.file, c.every, c.file, true);
  }

  /** These settings, saving to {@code file} every {@code n} too. */
  public Checkpointing andCheckpointTraining(Path file, int n) {
    Objects.requireNonNull(file, "file");
    if (n < 1) {
      throw new IllegalArgumentException("checkpointTraining every " + n + "; give a number of steps of at least 1");
    }
    return new Checkpointing(file, n, resumeFile, resumeIfPresent);
  }

  /** These settings, resuming from {@code file} too (a missing file is an error). */
  public Checkpointing andResumeFrom(Path file) {
    return new Checkpointing(this.file, every, Objects.requireNonNull(file, "file"), false);
  }

  /** Whether anything is saved or resumed. */
  boolean isNone() {
    return file == null && resumeFile == null;
  }

  Path file() {
    return file;
  }

  int every() {
    return every;
  }

  Path resumeFile() {
    return resumeFile;
  }

  boolean resumeIfPresent() {
    return resumeIfPresent;
  }

  @Override
  public String toString() {
    return isNone() ? "no checkpoints" : (file == null ? "" : "checkpointTraining(" + file + ", " + every + ")")
        + (file != null && resumeFile != null ? " and " : "")
        + (resumeFile == null ? "" : (resumeIfPresent ? "resume if present from " : "resumeFrom(") + resumeFile
            + (resumeIfPresent ? "" : ")"));
  }
}
