package dev.unrolled.train;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A checkpoint's bytes, read field by field — the reading side shared by training checkpoints and
 * Spark's. The file ends in a CRC-32 of every byte before it; every read is checked against the
 * bytes that remain before it, and every count against them times its items' size, so no value from a
 * damaged file can cause a large allocation or a read past the end. Failures are
 * {@link TrainingCheckpointException}s that name the file, the field and the byte. The sections both
 * formats lay out alike — value arrays, the optimizer's buffers, the finished epochs — are written by
 * the static methods here, so that the two formats cannot drift apart in them.
 *
 * <p>Fields are big-endian, as {@link java.io.DataOutputStream} writes them; {@code what} arguments
 * name the field in messages ("the batch size").
 */
public final class CheckpointBytes {
  private final ByteBuffer in;
  private final String file;
  private final int end; // where the CRC-32 starts

  /** {@code bytes}, read from {@code file} (named in messages); reading starts after magic and version. */
  public CheckpointBytes(byte[] bytes, String file) {
    this.in = ByteBuffer.wrap(bytes);
    this.file = file;
    this.end = bytes.length - Integer.BYTES;
  }

  /** The file, as messages name it. */
  public String file() {
    return file;
  }

  /** The first four bytes (fewer if the file is shorter), for a format's magic-number check. */
  public byte[] start() {
    byte[] start = new byte[Math.min(in.capacity(), Integer.BYTES)];
    in.get(0, start);
    return start;
  }

  /** Whether the file starts with {@code magic}, or with as much of it as the file holds. */
  public boolean startsWith(int magic) {
    byte[] start = start();
    byte[] expected = ByteBuffer.allocate(Integer.BYTES).putInt(magic).array();
    return Arrays.equals(start, 0, start.length, expected, 0, start.length);
  }

  /**
   * Checks, in this order, that the file has at least {@code smallest} bytes, that its CRC-32
   * matches, and that its version (the int after the magic number) is one this reader knows; then
   * positions the reading after the version and returns it.
   */
  public int requireIntact(int smallest, String kind, int newestVersion) throws TrainingCheckpointException {
    if (in.capacity() < smallest) {
      throw new TrainingCheckpointException(file + " is truncated: it has " + in.capacity() + " bytes, and a "
          + kind + " has at least " + smallest);
    }
    CRC32 crc = new CRC32();
    crc.update(in.array(), 0, end);
    int stored = in.getInt(end);
    if (stored != (int) crc.getValue()) {
      throw new TrainingCheckpointException(String.format("%s is corrupted: its CRC-32 is 0x%08X but its contents "
          + "give 0x%08X; it changed after it was written (a disk or transfer error) — resume from an intact copy, or "
          + "start the fit again", file, stored, (int) crc.getValue()));
    }
    int version = in.getInt(4);
    if (version > newestVersion) {
      throw new TrainingCheckpointException(file + " was written by a newer Unrolled: format " + version
          + ", and this one reads format " + newestVersion + "; upgrade Unrolled to resume from it");
    }
    in.position(8);
    if (version < 1) {
      throw invalid("format version", "it is " + version + " (1 to " + newestVersion + ")");
    }
    return version;
  }

  /** Where the next read starts. */
  public int position() {
    return in.position();
  }

  /** The bytes left before the CRC-32. */
  public int remaining() {
    return end - in.position();
  }

  /** The buffer, after checking that {@code n} bytes of {@code what} remain before the CRC-32. */
  public ByteBuffer in(String what, int n) throws TrainingCheckpointException {
    if (end - in.position() < n) {
      throw new TrainingCheckpointException(file + " is truncated or damaged: " + what + " needs " + n
          + " bytes at byte " + in.position() + ", but only " + (end - in.position()) + " remain before the CRC-32");
    }
    return in;
  }

  /** A count of items of {@code itemBytes} each, checked against the bytes that remain. */
  public int count(String what, int itemBytes) throws TrainingCheckpointException {
    int at = in.position();
    int count = in(what, 4).getInt();
    long remaining = end - in.position();
    if (count < 0 || (long) count * itemBytes > remaining) {
      throw invalid(what.replaceFirst("^the ", ""), "byte " + at + " declares " + count + ", but only "
          + remaining + " bytes remain before the CRC-32" + (count < 0 ? "" : " for " + count + " × " + itemBytes));
    }
    return count;
  }

  /** {@code count} bytes. */
  public byte[] bytes(String what, int count) throws TrainingCheckpointException {
    byte[] bytes = new byte[count];
    in(what, count).get(bytes);
    return bytes;
  }

  /** A count, then as many finite values of {@code width} bytes (4: float, 8: double). */
  public double[] values(String what, int width) throws TrainingCheckpointException {
    int count = count("the length of " + what, width);
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = width == Float.BYTES ? in.getFloat() : in.getDouble();
      if (!Double.isFinite(values[i])) {
        throw invalid(what, "value " + i + " is " + values[i] + "; a checkpoint holds finite values only");
      }
    }
    return values;
  }

  /** A name as {@link java.io.DataOutput#writeUTF} writes it: modified UTF-8, checked. */
  public String name(String what) throws TrainingCheckpointException {
    int at = in.position();
    int length = Short.toUnsignedInt(in(what, 2).getShort());
    in(what, length);
    try {
      String name = new DataInputStream(new ByteArrayInputStream(in.array(), at, 2 + length)).readUTF();
      in.position(at + 2 + length);
      return name;
    } catch (IOException e) {
      throw invalid(what.replaceFirst("^the ", ""), "its " + length + " bytes at byte " + (at + 2)
          + " are not modified UTF-8 (" + e.getMessage() + ")");
    }
  }

  /** A boolean as one byte, 0 or 1. */
  public boolean bool(String what) throws TrainingCheckpointException {
    byte value = in(what, 1).get();
    if (value != 0 && value != 1) {
      throw invalid(what.replaceFirst("^whether ", "flag whether "), "its byte is " + value + " (0 or 1)");
    }
    return value == 1;
  }

  /** {@code value}, after checking it is at least 0. */
  public long nonNegative(long value, String what) throws TrainingCheckpointException {
    if (value < 0) {
      throw invalid(what.replaceFirst("^the ", ""), "it is " + value + " (at least 0)");
    }
    return value;
  }

  /** {@code value}, after checking it is at least 0. */
  public int nonNegative(int value, String what) throws TrainingCheckpointException {
    return (int) nonNegative((long) value, what);
  }

  /** {@code value}, after checking it is at least 1. */
  public int positive(int value, String what) throws TrainingCheckpointException {
    if (value < 1) {
      throw invalid(what.replaceFirst("^the ", ""), "it is " + value + " (at least 1)");
    }
    return value;
  }

  /** A best loss so far: infinite before the first, never NaN (NaN losses never count). */
  public double notNaN(double value, String what) throws TrainingCheckpointException {
    if (Double.isNaN(value)) {
      throw invalid(what, "it is NaN; a NaN loss is never recorded as the best");
    }
    return value;
  }

  /** Checks that every byte before the CRC-32 was read. */
  public void requireEnd() throws TrainingCheckpointException {
    if (in.position() != end) {
      throw invalid("length", (end - in.position()) + " bytes are left before the CRC-32, where the format ends");
    }
  }

  /** A field that cannot be right in a file whose CRC-32 matches: another program wrote it. */
  public TrainingCheckpointException invalid(String part, String problem) {
    return new TrainingCheckpointException(file + " has an invalid " + part + " (before byte " + in.position()
        + "): " + problem + ". Its CRC-32 matches, so it was written like this, by a newer Unrolled or another "
        + "program; resume from a checkpoint this Unrolled wrote");
  }

  /** An int count, then the values as 4-byte floats ({@code single}) or 8-byte doubles. */
  public static void writeValues(DataOutputStream out, double[] values, boolean single) throws IOException {
    out.writeInt(values.length);
    for (double value : values) {
      if (single) {
        out.writeFloat((float) value);
      } else {
        out.writeDouble(value);
      }
    }
  }

  /** The optimizer's buffers: an int count, then per buffer its name and {@link #writeValues its values}. */
  public static void writeBuffers(DataOutputStream out, OptimizerState optimizer, boolean single) throws IOException {
    out.writeInt(optimizer.buffers().length);
    for (int b = 0; b < optimizer.buffers().length; b++) {
      out.writeUTF(optimizer.bufferNames().get(b));
      writeValues(out, optimizer.buffers()[b], single);
    }
  }

  /**
   * The finished epochs: an int count, then per epoch int epoch, double training loss, training
   * accuracy, validation loss, validation accuracy, long samples, double seconds, samples per second.
   */
  public static void writeEpochs(DataOutputStream out, List<EpochStats> epochs) throws IOException {
    out.writeInt(epochs.size());
    for (EpochStats e : epochs) {
      out.writeInt(e.epoch());
      out.writeDouble(e.trainLoss());
      out.writeDouble(e.trainAccuracy());
      out.writeDouble(e.validationLoss());
      out.writeDouble(e.validationAccuracy());
      out.writeLong(e.samples());
      out.writeDouble(e.seconds());
      out.writeDouble(e.samplesPerSecond());
    }
  }

  /** {@code bytes} as hexadecimal digits, for magic-number messages. */
  public static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02X", b));
    }
    return s.toString();
  }
}
