package dev.unrolled.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens byte sources for the readers: buffered, and gunzipped when they start with 1f 8b. */
final class Sources {
  static final int BUFFER = 1 << 16;

  private Sources() {}

  /** A buffered stream of {@code raw}'s bytes, decompressed if they are gzip, whatever the name. */
  static InputStream decompressed(InputStream raw, String source) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    return isGzip(in) ? gunzip(in, source) : in;
  }

  /** A buffered, decompressing stream over {@code in}, which starts with a gzip header. */
  static InputStream gunzip(BufferedInputStream in, String source) throws IOException {
    try {
      return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
    } catch (EOFException | ZipException e) {
      throw damaged(source, 0, "in its gzip header", e);
    }
  }

  /** Whether the next two bytes are the gzip magic number; they are not consumed. */
  static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b;
  }

  /** A gzip stream that ends early ({@code EOFException}) or holds corrupt data ({@code ZipException}). */
  static DataFileException damaged(String source, long line, String where, IOException cause) {
    return new DataFileException(source, line, source + " is a damaged gzip file: its compressed data fails "
        + where + " (" + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName())
        + "); it was cut short or corrupted while being downloaded or "
        + "copied — fetch it again (gzip -t checks a copy)", cause);
  }
}
