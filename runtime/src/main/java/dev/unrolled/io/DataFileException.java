package dev.unrolled.io;

import java.io.IOException;

/**
 * A data file whose contents cannot be read as asked: a CSV row of the wrong width, a word where a
 * number belongs, an IDX file of the wrong kind, a truncated or damaged file. It is an
 * {@code IOException} because the problem is in the data, not in the calling code, so that one
 * {@code catch} handles a missing file and a bad one alike. The message names the source, the place
 * (a 1-based line for CSV, a byte offset or item for IDX), what was found and what to do.
 *
 * <p>Options that are wrong whatever the file holds (a negative column index, a quote as delimiter)
 * are {@code IllegalArgumentException}s thrown when the option is set.
 */
public final class DataFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;

  DataFileException(String source, long line, String message) {
    super(message);
    this.source = source;
    this.line = line;
  }

  DataFileException(String source, long line, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.line = line;
  }

  /** The file (as given) or the name given with a stream. */
  public String source() {
    return source;
  }

  /** The 1-based line of a text file where the problem is, or 0 when it is not on one line. */
  public long line() {
    return line;
  }
}
