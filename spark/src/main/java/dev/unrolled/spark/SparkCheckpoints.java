package dev.unrolled.spark;

import dev.unrolled.Model;
import dev.unrolled.files.AtomicFile;
import dev.unrolled.files.ModelFile;
import dev.unrolled.train.TrainingCheckpointException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training checkpoints of one Spark fit: saving them as {@link Checkpointing} asks, and reading
 * the one to resume from with what every resume checks (format, data, architecture). What else must
 * match depends on the kind of fit, and each fit checks it before it changes anything.
 */
final class SparkCheckpoints {
  private final Path file; // null when not saving
  private final int every;
  private final Path resumeFile; // null when not resuming
  private final DataIdentity data;

  private SparkCheckpoints(Checkpointing c, DataIdentity data) {
    this.file = c.file();
    this.every = c.every();
    Path resume = c.resumeFile();
    this.resumeFile = resume != null && c.resumeIfPresent() && !Files.exists(resume) ? null : resume;
    this.data = data;
  }

  /**
   * The checkpoints {@code c} asks for on {@code data}, or null for none. Fails before any step if
   * the directory is missing; hashes the data (one job) and deletes what a crash left of earlier
   * saves.
   */
  static SparkCheckpoints start(Checkpointing c, TrainingData data) {
    if (c.isNone()) {
      return null;
    }
    Path file = c.file();
    if (file != null) {
      Path directory = file.toAbsolutePath().getParent();
      if (directory == null || !Files.isDirectory(directory)) {
        throw new IllegalArgumentException("checkpointTraining cannot save to " + file + ": its directory "
            + directory + " does not exist; create it first");
      }
      try {
        AtomicFile.deleteStrayTemporaries(file);
      } catch (IOException e) {
        throw new UncheckedIOException("checkpointTraining could not clear the temporary files a crash left beside "
            + file + ": " + e.getMessage(), e);
      }
    }
    return new SparkCheckpoints(c, data.identity());
  }

  DataIdentity data() {
    return data;
  }

  boolean resuming() {
    return resumeFile != null;
  }

  /** Whether a save is due after {@code count} steps or iterations of the whole fit. */
  boolean due(long count) {
    return file != null && count % every == 0;
  }

  boolean saving() {
    return file != null;
  }

  /** Saves {@code contents}; {@code where} says in the message where the fit stands if the save fails. */
  void save(SparkCheckpoint.Contents contents, String where) {
    try {
      SparkCheckpoint.save(file, contents);
    } catch (IOException e) {
      throw new UncheckedIOException(where + ": checkpointTraining could not save to " + file + ", so the fit stops "
          + "(the previous checkpoint, if any, is intact): " + e.getMessage(), e);
    }
  }

  /**
   * The checkpoint to resume from, verified, its data the same as this fit's and its model loadable
   * into {@code model} (which is not changed).
   *
   * @throws TrainingCheckpointException naming the file and the first problem
   */
  SparkCheckpoint.Contents read(Model model) throws IOException {
    SparkCheckpoint.Contents contents = SparkCheckpoint.read(resumeFile);
    String difference = contents.data().differenceFrom(data);
    if (difference != null) {
      throw mismatch("was written by a fit on training data of " + difference + "; resume with the data the fit "
          + "started with, in the same partitions");
    }
    try {
      ModelFile.requireLoadable(model, contents.model(), resumeFile + "'s model");
    } catch (IOException e) {
      throw TrainingCheckpointException.of(e.getMessage(), e);
    }
    return contents;
  }

  /** Loads the checkpoint's model, checked by {@link #read}: cannot fail now. */
  void loadModel(Model model, SparkCheckpoint.Contents contents) throws IOException {
    ModelFile.load(model, contents.model(), resumeFile + "'s model");
  }

  /** A setting of the checkpoint's fit against this one's. */
  void same(String what, Object recorded, Object now) throws TrainingCheckpointException {
    if (!recorded.equals(now)) {
      throw mismatch("was written by a fit with " + what + " " + recorded + ", and this fit has " + now
          + "; resume with the options the fit started with");
    }
  }

  TrainingCheckpointException mismatch(String problem) {
    return TrainingCheckpointException.of(resumeFile + " " + problem, null);
  }

  /** The exception a failed resume reports, as on one machine. */
  UncheckedIOException cannotResume(IOException e) {
    return new UncheckedIOException("cannot resume from " + resumeFile + ": " + e.getMessage(), e);
  }
}
