package dev.unrolled.files;

import dev.unrolled.Activation;
import dev.unrolled.Architecture;
import dev.unrolled.Architecture.Layer;
import dev.unrolled.Loss;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * One pass over a model file in the format {@link ModelFile} documents. Each read is first checked
 * against the file's length, so a short file is reported as truncated and no count from a corrupt
 * header is trusted; the CRC-32 accumulates as the bytes go by.
 */
final class ModelFileReader {
  /** What a verified file holds; no running estimates in a file of version 1 or 2. */
  record Contents(Architecture architecture, double[] parameters, double[] runningEstimates) {}

  private static final byte[] MAGIC_BYTES = ByteBuffer.allocate(Integer.BYTES).putInt(ModelFile.MAGIC).array();
  /** The smallest a layer can take in a header: its units and an empty name. */
  private static final int MIN_LAYER_BYTES = 4 + 2;
  /** The same from version 3 on: units, two empty names and the dropout. */
  private static final int MIN_NORM_LAYER_BYTES = 4 + 2 + 2 + 8;

  /** Reopens what is being read, for the second pass that tells corruption from a foreign format. */
  interface Source {
    InputStream open() throws IOException;
  }

  private final String file; // the file's path, or what holds the image, for messages
  private final Source source;
  private final long size;
  private final CRC32 crc = new CRC32();
  private final DataInputStream in;
  private long position;

  private ModelFileReader(String file, Source source, long size, InputStream raw) {
    this.file = file;
    this.source = source;
    this.size = size;
    this.in = new DataInputStream(new CheckedInputStream(new BufferedInputStream(raw, ModelFile.CHUNK), crc));
  }

  /** Reads and verifies all of {@code file}; nothing is trusted before it is checked. */
  static Contents read(Path file) throws IOException {
    long size = Files.size(file);
    try (InputStream in = Files.newInputStream(file)) {
      return new ModelFileReader(file.toString(), () -> Files.newInputStream(file), size, in).contents();
    } catch (EOFException e) {
      throw new ModelFileException(file + " ended before its " + size + " bytes were read: it changed "
          + "while being loaded; load it again once it is complete");
    }
  }

  /**
   * Reads and verifies a model file's bytes held in memory (a training checkpoint embeds one);
   * {@code name} says where they are in messages.
   */
  static Contents read(byte[] image, String name) throws IOException {
    try (InputStream in = new ByteArrayInputStream(image)) {
      return new ModelFileReader(name, () -> new ByteArrayInputStream(image), image.length, in).contents();
    }
  }

  private Contents contents() throws IOException {
    checkMagic();
    int version = checkVersion();
    Architecture architecture = architecture(version);
    int count = readInt("the parameter count");
    if (count < 0) {
      throw invalidHeader("the parameter count is " + count);
    }
    int width = architecture.precision() == Precision.FLOAT ? Float.BYTES : Double.BYTES;
    String layout = position + " bytes of header, " + count + " " + architecture.precision() + " parameters of "
        + width + " bytes";
    double[] parameters;
    double[] estimates;
    if (version < ModelFile.VERSION_NORM) {
      checkSize(position + (long) count * width + Integer.BYTES, true,
          layout + " and a 4-byte CRC-32, for " + architecture);
      parameters = readValues(count, width);
      estimates = new double[0];
    } else {
      checkSize(position + (long) count * width + 2 * Integer.BYTES, false,
          layout + ", a 4-byte running-estimate count and a 4-byte CRC-32, for " + architecture);
      parameters = readValues(count, width);
      estimates = readEstimates(width, layout, architecture);
    }
    checkCrc();
    requireFinite(parameters, architecture);
    RunningEstimates.requireValid(estimates, architecture, file);
    return new Contents(architecture, parameters, estimates);
  }

  /** Version 3's running-estimate count, then as many values, after the parameters. */
  private double[] readEstimates(int width, String layout, Architecture architecture) throws IOException {
    int count = readInt("the running-estimate count");
    if (count < 0) {
      throw invalid("running-estimate count", "it is " + count + " (0 for none)");
    }
    checkSize(position + (long) count * width + Integer.BYTES, true, layout + ", a 4-byte running-estimate "
        + "count, " + count + " running estimates of " + width + " bytes and a 4-byte CRC-32, for " + architecture);
    return readValues(count, width);
  }

  private void requireFinite(double[] parameters, Architecture architecture) throws ModelFileException {
    for (int i = 0; i < parameters.length; i++) {
      if (!Double.isFinite(parameters[i])) {
        throw new ModelFileException(file + " holds a non-finite parameter: "
            + ModelFile.describe(architecture, parameters.length, i) + " is " + parameters[i] + "; ModelFile.save "
            + "never writes one, so another program wrote this file — save the model again with Unrolled");
      }
    }
  }

  private void checkCrc() throws IOException {
    int computed = (int) crc.getValue();
    int stored = readInt("the CRC-32");
    if (stored != computed) {
      throw new ModelFileException(String.format("%s is corrupted: its CRC-32 is 0x%08X but its contents "
          + "give 0x%08X; it changed after it was saved (a disk or transfer error) — restore it from a "
          + "copy or save the model again", file, stored, computed));
    }
  }

  private void checkMagic() throws IOException {
    int present = (int) Math.min(size, MAGIC_BYTES.length);
    byte[] start = new byte[present];
    in.readFully(start);
    if (!Arrays.equals(start, 0, present, MAGIC_BYTES, 0, present)) {
      throw new ModelFileException(file + " is not an Unrolled model file: it starts with 0x"
          + hex(start) + " where a model file starts with 0x" + hex(MAGIC_BYTES)
          + " (\"UNRL\"); pass a file written by Model.save or ModelFile.save");
    }
    position = present;
    if (present < MAGIC_BYTES.length) {
      position = 0;
      need(MAGIC_BYTES.length, "the magic number");
    }
  }

  private int checkVersion() throws IOException {
    int version = readInt("the format version");
    if (version > ModelFile.VERSION) {
      throw new ModelFileException(file + " was written by a newer Unrolled: format " + version
          + ", this Unrolled reads formats 1 to " + ModelFile.VERSION + "; upgrade Unrolled to load it");
    }
    if (version < 1) {
      throw invalidHeader("the format version is " + version + " (versions start at 1)");
    }
    return version;
  }

  private Architecture architecture(int version) throws IOException {
    int inputs = readInt("the input width");
    if (inputs < 1) {
      throw invalidHeader("the input width is " + inputs);
    }
    int rbfUnits = version >= ModelFile.VERSION_RBF ? rbfUnits(version) : 0;
    int layerCount = readInt("the layer count");
    long room = (size - position) / (version >= ModelFile.VERSION_NORM ? MIN_NORM_LAYER_BYTES : MIN_LAYER_BYTES);
    if (layerCount < 1 || layerCount > room) {
      throw invalidHeader("the layer count is " + layerCount
          + (layerCount < 1 ? "" : ", more than the " + (size - position) + " bytes left can hold"));
    }
    List<Layer> layers = new ArrayList<>();
    for (int k = 1; k <= layerCount; k++) {
      layers.add(layer(version, rbfUnits > 0 ? k + 1 : k)); // numbered as the layer table numbers it
    }
    Loss loss = readName(Loss.values(), "the loss");
    Precision precision = readName(Precision.values(), "the precision");
    return new Architecture(inputs, rbfUnits, layers, loss, precision);
  }

  /** At least 1 in version 2, which only networks with an RBF layer use; 0 for none in version 3. */
  private int rbfUnits(int version) throws IOException {
    int rbfUnits = readInt("the RBF layer's units");
    if (version == ModelFile.VERSION_RBF && rbfUnits < 1) {
      throw invalidHeader("the RBF layer has " + rbfUnits + " units");
    }
    if (rbfUnits < 0) {
      throw invalidHeader("the RBF layer has " + rbfUnits + " units (0 for none)");
    }
    return rbfUnits;
  }

  /** Dense layer {@code l}: its units and activation, and from version 3 its norm and dropout. */
  private Layer layer(int version, int l) throws IOException {
    int units = readInt("layer " + l + "'s units");
    if (units < 1) {
      throw invalidHeader("layer " + l + " has " + units + " units");
    }
    Activation activation = readName(Activation.values(), "layer " + l + "'s activation");
    if (version < ModelFile.VERSION_NORM) {
      return new Layer(units, activation);
    }
    Norm norm = readName(Norm.values(), "layer " + l + "'s normalisation");
    double dropout = readDouble("layer " + l + "'s dropout");
    if (!(dropout >= 0 && dropout < 1)) {
      throw invalidHeader("layer " + l + "'s dropout is " + dropout + ", not a probability in [0, 1)");
    }
    return new Layer(units, activation, norm, dropout);
  }

  /**
   * The exact length, or with {@code exact} false the least, that the fields read so far imply;
   * compared before the values they count are allocated.
   */
  private void checkSize(long expected, boolean exact, String layout) throws ModelFileException {
    if (size < expected) {
      throw new ModelFileException(file + " is truncated: expected " + (exact ? "" : "at least ") + expected
          + " bytes (" + layout + "), found " + size + "; it was cut short while being written or copied — "
          + "save the model again");
    }
    if (exact && size > expected) {
      long extra = size - expected;
      throw new ModelFileException(file + " has " + extra + " trailing byte" + (extra == 1 ? "" : "s")
          + ": expected " + expected + " bytes (" + layout + "), found " + size
          + "; something was appended to it, or it was not written by ModelFile.save");
    }
  }

  /** {@code count} floats or doubles, as {@code width} says; the size check has made room for them. */
  private double[] readValues(int count, int width) throws IOException {
    double[] values = new double[count];
    byte[] chunk = new byte[ModelFile.CHUNK];
    ByteBuffer view = ByteBuffer.wrap(chunk); // big-endian
    for (int i = 0; i < count; ) {
      int n = Math.min(count - i, ModelFile.CHUNK / width);
      in.readFully(chunk, 0, n * width);
      view.clear();
      for (int k = 0; k < n; k++, i++) {
        values[i] = width == Float.BYTES ? view.getFloat() : view.getDouble();
      }
    }
    position += (long) count * width;
    return values;
  }

  private int readInt(String what) throws IOException {
    need(Integer.BYTES, what);
    return in.readInt();
  }

  private double readDouble(String what) throws IOException {
    need(Double.BYTES, what);
    return in.readDouble();
  }

  private <E extends Enum<E>> E readName(E[] constants, String what) throws IOException {
    need(2, "the length of " + what);
    int length = in.readUnsignedShort();
    need(length, what);
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    String name = new String(bytes, StandardCharsets.ISO_8859_1);
    for (E constant : constants) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    throw invalidHeader(what + " is '" + name + "', which this Unrolled does not know (it knows "
        + Arrays.toString(constants) + ")");
  }

  /** Accounts for the next {@code n} bytes, or reports where the file ends if it has fewer. */
  private void need(int n, String what) throws ModelFileException {
    if (position + n > size) {
      throw new ModelFileException(file + " is truncated: expected at least " + (position + n)
          + " bytes, found " + size + " (it ends inside the header, in " + what + " at byte " + position
          + "); it was cut short while being written or copied — save the model again");
    }
    position += n;
  }

  /** A header that cannot be right; the checksum tells a corrupted file from a foreign one. */
  private ModelFileException invalidHeader(String problem) throws IOException {
    return invalid("header", problem);
  }

  /** A {@code part} of the file that cannot be right, "header" or a field after the parameters. */
  private ModelFileException invalid(String part, String problem) throws IOException {
    boolean intact = checksumIntact(source, size);
    return new ModelFileException(file + " has an invalid " + part + ": " + problem + (intact
        ? ". Its CRC-32 matches, so it was written like this, by a newer Unrolled or another program; "
            + "upgrade Unrolled or save the model again"
        : ". Its CRC-32 does not match its contents either: the file is corrupted; restore it from a "
            + "copy or save the model again"));
  }

  /** Whether the last 4 bytes of {@code file} are the CRC-32 of the bytes before them. */
  private static boolean checksumIntact(Source source, long size) throws IOException {
    if (size < Integer.BYTES) {
      return false;
    }
    CRC32 crc = new CRC32();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(source.open(), ModelFile.CHUNK))) {
      byte[] chunk = new byte[ModelFile.CHUNK];
      for (long left = size - Integer.BYTES; left > 0; ) {
        int n = (int) Math.min(left, ModelFile.CHUNK);
        in.readFully(chunk, 0, n);
        crc.update(chunk, 0, n);
        left -= n;
      }
      return in.readInt() == (int) crc.getValue();
    } catch (EOFException e) {
      return false;
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02X", b));
    }
    return s.toString();
  }
}
