package dev.unrolled.io;

import dev.unrolled.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, gzipped or not (told by the gzip magic
 * bytes, not the name). Images (magic {@code 0x00000803}: count, rows, columns, then unsigned bytes)
 * become one {@code float} row per image with pixels scaled to [0, 1] ({@code value / 255f}), row
 * after row of the image; labels (magic {@code 0x00000801}: count, then unsigned bytes) become
 * {@code int}s. Only unsigned-byte data (type {@code 0x08}) is read.
 *
 * <pre>{@code
 * Dataset test = IdxReader.readDataset(Path.of("t10k-images-idx3-ubyte.gz"),
 *     Path.of("t10k-labels-idx1-ubyte.gz"));                  // 10,000 rows of 784, 10 classes
 * }</pre>
 *
 * <p>The header is checked before anything is allocated: a wrong magic number says what the file
 * looks like instead, and dimensions beyond {@link #MAX_VALUES} values are refused. Rows are
 * allocated as their bytes arrive, so a corrupt count cannot claim memory the file does not back; a
 * file that ends early or has bytes left over is reported with how much was expected and found.
 * Every problem with the file is a {@link DataFileException} naming it.
 */
public final class IdxReader {
  /** The most values (count × rows × columns) read from one file: 2³¹ − 1, 8 GB as floats. */
  public static final long MAX_VALUES = Integer.MAX_VALUE;

  private IdxReader() {}

  /** The images of {@code file}, one row of {@code rows × columns} pixels in [0, 1] per image. */
  public static float[][] readImages(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new IdxParse(in, file.toString(), Files.size(file)).images();
    }
  }

  /** The images of {@code in} (read to its end, not closed); {@code source} names it in messages. */
  public static float[][] readImages(InputStream in, String source) throws IOException {
    return new IdxParse(in, source, -1).images();
  }

  /** The labels of {@code file}, each in 0..255. */
  public static int[] readLabels(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new IdxParse(in, file.toString(), Files.size(file)).labels();
    }
  }

  /** The labels of {@code in} (read to its end, not closed); {@code source} names it in messages. */
  public static int[] readLabels(InputStream in, String source) throws IOException {
    return new IdxParse(in, source, -1).labels();
  }

  /**
   * Images and their labels as a {@link Dataset} of float rows with {@code largest label + 1}
   * classes (10 for MNIST).
   *
   * @throws DataFileException if either file is bad, or if their counts differ
   */
  public static Dataset readDataset(Path images, Path labels) throws IOException {
    float[][] rows = readImages(images);
    int[] classes = readLabels(labels);
    if (rows.length != classes.length) {
      throw new DataFileException(images + " and " + labels, 0, "the images file " + images + " holds "
          + rows.length + " images but the labels file " + labels + " holds " + classes.length
          + " labels; pass the labels that belong to these images (e.g. t10k-images with t10k-labels)");
    }
    if (rows.length == 0) {
      throw new DataFileException(images.toString(), 0, "the images file " + images + " and the labels file "
          + labels + " hold no items; a Dataset needs at least one");
    }
    int max = 0;
    for (int label : classes) {
      max = Math.max(max, label);
    }
    return Dataset.ofLabels(rows, classes, max + 1);
  }
}
