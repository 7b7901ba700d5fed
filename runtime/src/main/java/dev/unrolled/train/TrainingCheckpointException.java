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

  TrainingCheckpointException(String message) {
    super(message);
  }

  TrainingCheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
