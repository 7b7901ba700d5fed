package dev.unrolled.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.ZipException;

/** One pass of {@link IdxReader} over one file: header checks first, then rows as the bytes arrive. */
final class IdxParse {
  private static final int IMAGES = 3; // dimensions of an images file
  private static final int LABELS = 1;
  private static final int UNSIGNED_BYTE = 0x08;
  /** 4096 × 4096: more pixels per image means a corrupt header, not a picture. */
  static final int MAX_IMAGE_PIXELS = 1 << 24;
  /** Rows are allocated in steps so that a false count claims no memory beyond the data present. */
  private static final int FIRST_CAPACITY = 1 << 12;

  private final InputStream in;
  private final String source;
  private final long fileSize; // of a plain file whose size is known, else -1
  private final boolean gzipped;
  private long position; // bytes of IDX data consumed (decompressed)
  private boolean cut; // the gzip stream ended inside its compressed data

  IdxParse(InputStream raw, String source, long fileSize) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(raw, Sources.BUFFER);
    this.gzipped = Sources.isGzip(buffered);
    this.in = gzipped ? Sources.gunzip(buffered, source) : buffered;
    this.source = source;
    this.fileSize = gzipped ? -1 : fileSize;
  }

  float[][] images() throws IOException {
    int[] dims = header(IMAGES);
    int count = dims[0];
    int rows = dims[1];
    int columns = dims[2];
    String what = count + " images of " + rows + "×" + columns + " pixels";
    long pixels = (long) rows * columns;
    if (rows < 1 || columns < 1 || pixels > MAX_IMAGE_PIXELS) {
      throw invalid("declares images of " + rows + "×" + columns + " pixels, where each side must be at least 1 "
          + "and an image at most " + MAX_IMAGE_PIXELS + " pixels");
    }
    requireSize(count, pixels, what, "images");
    float[][] images = new float[Math.min(count, FIRST_CAPACITY)][];
    // Grows to one image as the first image's bytes arrive: corrupt sides claim no more than the data.
    byte[] bytes = new byte[(int) Math.min(pixels, FIRST_CAPACITY)];
    for (int i = 0; i < count; i++) {
      for (int n = 0; n < pixels; ) {
        if (n == bytes.length) {
          bytes = Arrays.copyOf(bytes, (int) Math.min(pixels, 2L * n));
        }
        n += fill(bytes, n, bytes.length - n);
        if (n < bytes.length) {
          throw truncated(what, count * pixels, i * pixels + n, pixels, "images");
        }
      }
      float[] row = new float[(int) pixels];
      for (int p = 0; p < row.length; p++) {
        row[p] = (bytes[p] & 0xFF) / 255f;
      }
      if (i == images.length) {
        images = Arrays.copyOf(images, (int) Math.min(count, 2L * i));
      }
      images[i] = row;
    }
    requireEnd(what, count * pixels);
    return images;
  }

  int[] labels() throws IOException {
    int count = header(LABELS)[0];
    String what = count + " labels";
    requireSize(count, 1, what, "labels");
    byte[] bytes = new byte[Math.min(count, FIRST_CAPACITY)];
    int read = 0;
    while (read < count) {
      if (read == bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min(count, 2L * read));
      }
      int n = fill(bytes, read, bytes.length - read);
      read += n;
      if (n == 0) {
        throw truncated(what, count, read, 1, "labels");
      }
    }
    requireEnd(what, count);
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = bytes[i] & 0xFF;
    }
    return labels;
  }

  /** Checks the magic number against {@code dimensions} and returns the sizes that follow it. */
  private int[] header(int dimensions) throws IOException {
    byte[] magic = new byte[4];
    int n = fill(magic, 0, 4);
    if (n == 0) {
      throw fail(source + " is empty; expected an IDX " + kind(dimensions) + " file, which starts with "
          + hex(expectedMagic(dimensions), 4));
    }
    boolean idxSoFar = magic[0] == 0 && (n < 2 || magic[1] == 0) && (n < 3 || typeName(magic[2]) != null);
    if (!idxSoFar) {
      throw notIdx(magic, n, dimensions);
    }
    if (n < 4) {
      throw headerTruncated(dimensions, "the magic number");
    }
    if ((magic[2] & 0xFF) != UNSIGNED_BYTE) {
      throw fail(source + " holds IDX data of type " + String.format("0x%02X", magic[2]) + " ("
          + typeName(magic[2]) + "); IdxReader reads unsigned bytes (type 0x08), as MNIST and Fashion-MNIST use");
    }
    if (magic[3] != dimensions) {
      throw wrongKind(magic[3] & 0xFF, dimensions);
    }
    int[] sizes = new int[dimensions];
    for (int d = 0; d < dimensions; d++) {
      sizes[d] = readInt(dimensions, dimensionName(d));
    }
    if (sizes[0] < 0) {
      throw invalid("declares " + sizes[0] + " " + kind(dimensions) + "; a count is 0 or more");
    }
    return sizes;
  }

  private int readInt(int dimensions, String what) throws IOException {
    byte[] four = new byte[4];
    if (fill(four, 0, 4) < 4) {
      throw headerTruncated(dimensions, what);
    }
    return (four[0] & 0xFF) << 24 | (four[1] & 0xFF) << 16 | (four[2] & 0xFF) << 8 | (four[3] & 0xFF);
  }

  /** Refuses absurd totals, and compares a plain file's size with its header before allocating. */
  private void requireSize(int count, long itemBytes, String what, String items) throws DataFileException {
    long data = count * itemBytes;
    if (data > IdxReader.MAX_VALUES) {
      throw invalid("declares " + what + ", " + data + " values in all, more than the " + IdxReader.MAX_VALUES
          + " IdxReader reads from one file");
    }
    if (fileSize >= 0 && fileSize - position < data) {
      throw truncated(what, data, fileSize - position, itemBytes, items);
    }
    if (fileSize >= 0 && fileSize - position > data) {
      throw extra(what, data, fileSize - position - data);
    }
  }

  private void requireEnd(String what, long data) throws IOException {
    if (fileSize >= 0) {
      return; // compared with the header already
    }
    long extra;
    try {
      extra = in.read() < 0 ? 0 : 1 + in.transferTo(OutputStream.nullOutputStream());
    } catch (EOFException | ZipException e) {
      throw Sources.damaged(source, 0, "after byte " + position + " of the IDX data", e);
    }
    if (extra > 0) {
      throw extra(what, data, extra);
    }
  }

  /** Reads up to {@code length} bytes, fewer only at the end of the data. */
  private int fill(byte[] buffer, int offset, int length) throws IOException {
    int done = 0;
    try {
      while (done < length) {
        int n = in.read(buffer, offset + done, length - done);
        if (n < 0) {
          break;
        }
        done += n;
      }
    } catch (EOFException e) {
      cut = true; // GZIPInputStream: the compressed data stops early, which is a truncated file too
    } catch (ZipException e) {
      throw Sources.damaged(source, 0, "after byte " + (position + done) + " of the IDX data", e);
    }
    position += done;
    return done;
  }

  private DataFileException truncated(String what, long expected, long found, long itemBytes, String items) {
    long header = position - (fileSize >= 0 ? 0 : found);
    return fail(source + " is truncated: its header announces " + what + ", " + expected + " bytes after the "
        + header + "-byte header, but " + (found == 0 ? "none follow" : "only " + found + " follow ("
        + found / itemBytes + " whole " + items + ")") + (cut ? " before the gzip stream breaks off" : "")
        + "; it was cut short while being downloaded or copied — fetch it again");
  }

  private DataFileException extra(String what, long expected, long extra) {
    return fail(source + " has " + extra + " byte" + (extra == 1 ? "" : "s") + " more than its header announces ("
        + what + ", " + expected + " bytes after the header); its counts do not match its data, so it is not a "
        + "valid IDX file — fetch it again");
  }

  private DataFileException headerTruncated(int dimensions, String what) {
    return fail(source + " is truncated: it ends after " + position + " bytes, inside its header (in "
        + what + "); an IDX " + kind(dimensions) + " header has " + (4 + 4 * dimensions) + " bytes"
        + (cut ? " and the gzip stream breaks off" : "") + " — fetch the file again");
  }

  private DataFileException notIdx(byte[] magic, int n, int dimensions) {
    return fail(source + (gzipped ? " (gunzipped)" : "") + " is not an IDX file: it starts with " + hex(magic, n)
        + " where an IDX " + kind(dimensions) + " file starts with " + hex(expectedMagic(dimensions), 4)
        + textHint(magic, n));
  }

  private DataFileException wrongKind(int found, int expected) {
    if (found == IMAGES || found == LABELS) {
      return fail(source + " is an IDX " + kind(found) + " file (magic " + hex(expectedMagic(found), 4)
          + ") where an IDX " + kind(expected) + " file (magic " + hex(expectedMagic(expected), 4)
          + ") was expected; are the images and labels files swapped?");
    }
    return fail(source + " is an IDX file with " + found + " dimensions (magic 00 00 08 " + String.format("%02X", found)
        + "); IdxReader reads images (3 dimensions: count, rows, columns) and labels (1 dimension)");
  }

  private DataFileException invalid(String what) {
    return fail(source + " has an impossible IDX header: it " + what + "; the file is corrupted or not IDX");
  }

  private DataFileException fail(String message) {
    return new DataFileException(source, 0, message);
  }

  private static String textHint(byte[] magic, int n) {
    for (int i = 0; i < n; i++) {
      if ((magic[i] < 0x20 || magic[i] > 0x7e) && magic[i] != '\t' && magic[i] != '\n' && magic[i] != '\r') {
        return "";
      }
    }
    return " (that is text, \"" + new String(magic, 0, n, java.nio.charset.StandardCharsets.US_ASCII)
        + "\": a CSV file? read it with CsvReader)";
  }

  private static byte[] expectedMagic(int dimensions) {
    return new byte[] {0, 0, UNSIGNED_BYTE, (byte) dimensions};
  }

  private static String kind(int dimensions) {
    return dimensions == IMAGES ? "images" : "labels";
  }

  private static String dimensionName(int d) {
    return d == 0 ? "the count" : d == 1 ? "the row count" : "the column count";
  }

  private static String typeName(byte type) {
    switch (type) {
      case 0x08: return "unsigned bytes";
      case 0x09: return "signed bytes";
      case 0x0B: return "16-bit integers";
      case 0x0C: return "32-bit integers";
      case 0x0D: return "32-bit floats";
      case 0x0E: return "64-bit floats";
      default: return null;
    }
  }

  private static String hex(byte[] bytes, int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i]));
    }
    return text.toString();
  }
}
