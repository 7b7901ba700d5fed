package dev.unrolled.files;

import java.io.IOException;

/**
 * A model file that cannot be used: not a model file, from a newer Unrolled, truncated, corrupted, of
 * another architecture — or a model that cannot be saved because a parameter or running estimate is
 * not finite (as {@link java.io.NotSerializableException} is an {@code IOException}, so that one
 * {@code catch} handles every failed save). The message names the file, what was found and what to
 * do.
 */
public final class ModelFileException extends IOException {
  private static final long serialVersionUID = 1L;

  ModelFileException(String message) {
    super(message);
  }
}
