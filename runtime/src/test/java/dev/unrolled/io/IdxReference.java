package dev.unrolled.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

/**
 * A second reading of IDX as {@link IdxReader} documents it, for the fuzz test: gunzip whatever starts
 * with the gzip magic bytes; then the magic number, the sizes, each image at most
 * {@link IdxParse#MAX_IMAGE_PIXELS} pixels, at most {@link IdxReader#MAX_VALUES} values, and exactly
 * as many bytes as the header announces. Nothing here is shared with {@link IdxParse}.
 */
final class IdxReference {
  private IdxReference() {}

  /** The IDX bytes {@code file} holds: itself, or gunzipped; null if it is gzip that does not gunzip. */
  static byte[] content(byte[] file) {
    if (file.length < 2 || (file[0] & 0xFF) != 0x1f || (file[1] & 0xFF) != 0x8b) {
      return file;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file))) {
      return in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  /** The images of IDX {@code content}, or null if the documented rules refuse it. */
  static float[][] images(byte[] content) {
    long[] sizes = header(content, 3);
    if (sizes == null || sizes[1] < 1 || sizes[2] < 1 || sizes[1] * sizes[2] > IdxParse.MAX_IMAGE_PIXELS) {
      return null;
    }
    int pixels = (int) (sizes[1] * sizes[2]);
    if (!exactly(content, 16, sizes[0] * pixels)) {
      return null;
    }
    float[][] images = new float[(int) sizes[0]][pixels];
    for (int i = 0; i < images.length; i++) {
      for (int p = 0; p < pixels; p++) {
        images[i][p] = (content[16 + i * pixels + p] & 0xFF) / 255f;
      }
    }
    return images;
  }

  /** The labels of IDX {@code content}, or null if the documented rules refuse it. */
  static int[] labels(byte[] content) {
    long[] sizes = header(content, 1);
    if (sizes == null || !exactly(content, 8, sizes[0])) {
      return null;
    }
    int[] labels = new int[(int) sizes[0]];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = content[8 + i] & 0xFF;
    }
    return labels;
  }

  /** The sizes after magic {@code 00 00 08 dimensions}, with a count of 0 or more; null otherwise. */
  private static long[] header(byte[] content, int dimensions) {
    if (content == null || content.length < 4 + 4 * dimensions) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(content);
    if (in.getInt() != (0x0800 | dimensions)) {
      return null;
    }
    long[] sizes = new long[dimensions];
    for (int d = 0; d < dimensions; d++) {
      sizes[d] = in.getInt();
    }
    return sizes[0] < 0 ? null : sizes;
  }

  private static boolean exactly(byte[] content, int header, long data) {
    return data <= IdxReader.MAX_VALUES && content.length - header == data;
  }
}
