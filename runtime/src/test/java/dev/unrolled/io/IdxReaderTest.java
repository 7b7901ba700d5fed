package dev.unrolled.io;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  /** Two images of 2 × 3 pixels: 0, 51, 102, 153, 204, 255 and the reverse. */
  private static final byte[] PIXELS = {0, 51, 102, (byte) 153, (byte) 204, (byte) 255,
      (byte) 255, (byte) 204, (byte) 153, 102, 51, 0};
  private static final byte[] IMAGES = idx(0x0803, new int[] {2, 2, 3}, PIXELS); // 16-byte header + 12
  private static final byte[] LABELS = idx(0x0801, new int[] {2}, new byte[] {7, 2}); // 8-byte header + 2

  @TempDir Path dir;

  private static byte[] idx(int magic, int[] dims, byte[] data) {
    ByteBuffer bytes = ByteBuffer.allocate(4 + 4 * dims.length + data.length).putInt(magic);
    for (int d : dims) {
      bytes.putInt(d);
    }
    return bytes.put(data).array();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private Path file(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static DataFileException imagesRejected(byte[] bytes) {
    return assertThrows(DataFileException.class,
        () -> IdxReader.readImages(new ByteArrayInputStream(bytes), "images.idx"));
  }

  private static DataFileException labelsRejected(byte[] bytes) {
    return assertThrows(DataFileException.class,
        () -> IdxReader.readLabels(new ByteArrayInputStream(bytes), "labels.idx"));
  }

  @Test
  void imagesBecomeRowsOfPixelsScaledToOne() throws IOException {
    float[][] images = IdxReader.readImages(file("images.idx", IMAGES));

    assertThat(images.length).isEqualTo(2);
    assertThat(images[0]).usingExactEquality().containsExactly(0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f).inOrder();
    assertThat(images[1]).usingExactEquality().containsExactly(1f, 0.8f, 0.6f, 0.4f, 0.2f, 0f).inOrder();
  }

  @Test
  void gzipIsRecognisedByItsMagicBytesWhateverTheName() throws IOException {
    float[][] plain = IdxReader.readImages(file("plain", IMAGES));

    assertThat(IdxReader.readImages(file("images.idx", gzip(IMAGES)))).isEqualTo(plain);
    assertThat(IdxReader.readImages(new ByteArrayInputStream(gzip(IMAGES)), "stream")).isEqualTo(plain);
    assertThat(IdxReader.readLabels(file("labels", gzip(LABELS)))).asList().containsExactly(7, 2).inOrder();
    assertThat(IdxReader.readLabels(new ByteArrayInputStream(LABELS), "stream")).asList()
        .containsExactly(7, 2).inOrder();
  }

  @Test
  void imagesAndLabelsMakeADataset() throws IOException {
    Dataset data = IdxReader.readDataset(file("images.gz", gzip(IMAGES)), file("labels", LABELS));

    assertThat(data.size()).isEqualTo(2);
    assertThat(data.featureCount()).isEqualTo(6);
    assertThat(data.classCount()).isEqualTo(8); // largest label + 1
    assertThat(data.label(0)).isEqualTo(7);
    assertThat(data.toString()).contains("float features");
  }

  @Test
  void countsThatDisagreeNameBothFiles() throws IOException {
    Path images = file("images", IMAGES);
    Path labels = file("labels", idx(0x0801, new int[] {3}, new byte[] {1, 2, 3}));

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readDataset(images, labels));

    assertThat(e).hasMessageThat().isEqualTo("the images file " + images + " holds 2 images but the labels file "
        + labels + " holds 3 labels; pass the labels that belong to these images (e.g. t10k-images with "
        + "t10k-labels)");
  }

  @Test
  void labelsWhereImagesWereExpectedAndTheReverse() {
    assertThat(imagesRejected(LABELS)).hasMessageThat().isEqualTo("images.idx is an IDX labels file (magic "
        + "00 00 08 01) where an IDX images file (magic 00 00 08 03) was expected; are the images and labels "
        + "files swapped?");
    assertThat(labelsRejected(IMAGES)).hasMessageThat().isEqualTo("labels.idx is an IDX images file (magic "
        + "00 00 08 03) where an IDX labels file (magic 00 00 08 01) was expected; are the images and labels "
        + "files swapped?");
  }

  @Test
  void otherDimensionCountsAreNamed() {
    DataFileException e = imagesRejected(idx(0x0802, new int[] {2, 6}, PIXELS));

    assertThat(e).hasMessageThat().isEqualTo("images.idx is an IDX file with 2 dimensions (magic 00 00 08 02); "
        + "IdxReader reads images (3 dimensions: count, rows, columns) and labels (1 dimension)");
  }

  @Test
  void aFileThatIsNotIdxSaysWhatItLooksLike() throws IOException {
    assertThat(imagesRejected("sepal,petal\n".getBytes(StandardCharsets.US_ASCII))).hasMessageThat()
        .isEqualTo("images.idx is not an IDX file: it starts with 73 65 70 61 where an IDX images file starts "
            + "with 00 00 08 03 (that is text, \"sepa\": a CSV file? read it with CsvReader)");
    assertThat(labelsRejected(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10})).hasMessageThat()
        .isEqualTo("labels.idx is not an IDX file: it starts with 89 50 4E 47 where an IDX labels file starts "
            + "with 00 00 08 01");
    assertThat(labelsRejected(gzip(new byte[] {0, 0, 0x42, 1}))).hasMessageThat()
        .startsWith("labels.idx (gunzipped) is not an IDX file: it starts with 00 00 42 01");
  }

  @Test
  void unsupportedDataTypeIsNamed() {
    DataFileException e = imagesRejected(idx(0x0D03, new int[] {1, 1, 1}, new byte[4]));

    assertThat(e).hasMessageThat().isEqualTo("images.idx holds IDX data of type 0x0D (32-bit floats); IdxReader "
        + "reads unsigned bytes (type 0x08), as MNIST and Fashion-MNIST use");
  }

  @Test
  void emptyFileIsReported() throws IOException {
    Path empty = file("empty", new byte[0]);

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readLabels(empty));

    assertThat(e).hasMessageThat().isEqualTo(empty + " is empty; expected an IDX labels file, which starts with "
        + "00 00 08 01");
  }

  @Test
  void truncatedHeaderSaysWhereItEnds() {
    DataFileException e = imagesRejected(Arrays.copyOf(IMAGES, 10));

    assertThat(e).hasMessageThat().isEqualTo("images.idx is truncated: it ends after 10 bytes, inside its header "
        + "(in the row count); an IDX images header has 16 bytes — fetch the file again");
  }

  @Test
  void truncatedDataSaysHowMuchWasExpectedAndFound() throws IOException {
    byte[] cut = Arrays.copyOf(IMAGES, 16 + 9);
    String expected = " is truncated: its header announces 2 images of 2×3 pixels, 12 bytes after the 16-byte "
        + "header, but only 9 follow (1 whole images); it was cut short while being downloaded or copied — "
        + "fetch it again";
    Path file = file("cut.idx", cut);

    assertThat(imagesRejected(cut)).hasMessageThat().isEqualTo("images.idx" + expected);
    assertThat(assertThrows(DataFileException.class, () -> IdxReader.readImages(file)))
        .hasMessageThat().isEqualTo(file + expected);
  }

  @Test
  void everyTruncationIsReportedPlainOrGzipped() throws IOException {
    int checked = 0;
    for (byte[] whole : new byte[][] {IMAGES, LABELS}) {
      for (int length = 0; length < whole.length; length++) {
        byte[] cut = Arrays.copyOf(whole, length);
        for (byte[] bytes : new byte[][] {cut, gzip(cut)}) {
          Path file = file("cut", bytes);
          DataFileException e = assertThrows(DataFileException.class,
              () -> {
                if (whole == IMAGES) {
                  IdxReader.readImages(file);
                } else {
                  IdxReader.readLabels(file);
                }
              }, "length " + length);
          assertThat(e).hasMessageThat().containsMatch(length == 0 ? " is empty; " : " is truncated: ");
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(2 * (IMAGES.length + LABELS.length));
  }

  @Test
  void cutGzipStreamIsTruncatedOrDamagedNeverSilentlyShort() throws IOException {
    byte[] large = new byte[50_000];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) (i * 31 + i / 7);
    }
    byte[] whole = gzip(idx(0x0803, new int[] {50, 20, 50}, large));
    int checked = 0;
    for (int length = 2; length < whole.length; length += 97) {
      Path file = file("cut.gz", Arrays.copyOf(whole, length));
      DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(file));
      assertThat(e).hasMessageThat().containsMatch(" is truncated: | is a damaged gzip file: ");
      checked++;
    }
    assertThat(checked).isEqualTo((whole.length - 2 + 96) / 97);
  }

  @Test
  void bytesBeyondTheHeadersCountsAreReported() throws IOException {
    byte[] longer = Arrays.copyOf(LABELS, LABELS.length + 3);
    String expected = " has 3 bytes more than its header announces (2 labels, 2 bytes after the header); its "
        + "counts do not match its data, so it is not a valid IDX file — fetch it again";
    Path file = file("labels", longer);

    assertThat(labelsRejected(longer)).hasMessageThat().isEqualTo("labels.idx" + expected);
    assertThat(labelsRejected(gzip(longer))).hasMessageThat().isEqualTo("labels.idx" + expected);
    assertThat(assertThrows(DataFileException.class, () -> IdxReader.readLabels(file)))
        .hasMessageThat().isEqualTo(file + expected);
  }

  @Test
  void absurdDimensionsAreRefusedBeforeAllocating() {
    assertThat(imagesRejected(idx(0x0803, new int[] {2, 0, 3}, PIXELS))).hasMessageThat()
        .isEqualTo("images.idx has an impossible IDX header: it declares images of 0×3 pixels, where each side "
            + "must be at least 1 and an image at most 16777216 pixels; the file is corrupted or not IDX");
    assertThat(imagesRejected(idx(0x0803, new int[] {1, 65_536, 65_536}, PIXELS))).hasMessageThat()
        .contains("declares images of 65536×65536 pixels");
    assertThat(imagesRejected(idx(0x0803, new int[] {Integer.MAX_VALUE, 28, 28}, PIXELS))).hasMessageThat()
        .isEqualTo("images.idx has an impossible IDX header: it declares 2147483647 images of 28×28 pixels, "
            + "1683627179248 values in all, more than the 2147483647 IdxReader reads from one file; the file is "
            + "corrupted or not IDX");
    assertThat(labelsRejected(idx(0x0801, new int[] {-5}, new byte[0]))).hasMessageThat()
        .isEqualTo("labels.idx has an impossible IDX header: it declares -5 labels; a count is 0 or more; the "
            + "file is corrupted or not IDX");
  }

  /** Found by IdxFuzzTest: a 16 MB buffer for one image was allocated before any of its bytes arrived. */
  @Test
  void theLargestImagesAHeaderMayDeclareClaimNoMemoryBeforeTheirBytesArrive() throws IOException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    byte[] none = idx(0x0803, new int[] {0, 4096, 4096}, new byte[0]);
    byte[] cut = idx(0x0803, new int[] {1, 4096, 4096}, new byte[100]);
    IdxReader.readImages(new ByteArrayInputStream(none), "warm-up");

    long before = threads.getCurrentThreadAllocatedBytes();
    float[][] images = IdxReader.readImages(new ByteArrayInputStream(none), "none.idx");
    DataFileException e = imagesRejected(cut);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(images).isEmpty();
    assertThat(e).hasMessageThat().contains("but only 100 follow (0 whole images)");
    assertThat(allocated).isLessThan(1L << 20); // the declared 4096 × 4096 image is 16 MB
  }

  @Test
  void aFalseCountInAStreamClaimsNoMemoryBeyondTheData() {
    int count = (int) (IdxReader.MAX_VALUES / 784); // 21 GB of references and floats if trusted
    DataFileException e = imagesRejected(idx(0x0803, new int[] {count, 28, 28}, new byte[784 * 3]));

    assertThat(e).hasMessageThat().contains("but only 2352 follow (3 whole images)");
  }
}
