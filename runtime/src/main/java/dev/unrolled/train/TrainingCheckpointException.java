package dev.unrolled.train;

import java.io.IOException;

/**
 * A training checkpoint that cannot be resumed from: not a checkpoint, from a newer Unrolled,
 * truncated, corrupted — or written by another fit, for another model, optimizer, batch size,
 * shuffling seed or other data. The message names the file, the part of it and what was found; the
 * model and the trainer are unchanged. {@link Fit#run} reports it as the cause of an
 * {@link java.io.UncheckedIOException}.
 */
public final class TrainingCheckpointException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * For checkpoints written outside this package (training on Spark): {@code message} names the
   * file, the part and what was found, as this package's messages do.
   */
  public static TrainingCheckpointException of(String message, Throwable cause) {
    return new TrainingCheckpointException(message, cause);
  }

  TrainingCheckpointException(String message) {
    super(message);
  }

  TrainingCheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
