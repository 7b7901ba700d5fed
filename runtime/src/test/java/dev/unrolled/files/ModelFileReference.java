package dev.unrolled.files;

import dev.unrolled.Activation;
import dev.unrolled.Architecture;
import dev.unrolled.Architecture.Layer;
import dev.unrolled.Architecture.LayerSpan;
import dev.unrolled.Loss;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A second reading of the format table in {@link ModelFile}'s Javadoc, written from the table rather
 * than from {@link ModelFileReader}: what a file says if the documented rules accept it, and where
 * its fields lie, so that a fuzz test can aim at them. Nothing here is shared with the reader.
 */
final class ModelFileReference {
  /**
   * What a field holds: an int of the header, a length-prefixed name, a dropout, a count of values
   * (P or R), one parameter or running estimate.
   */
  enum Type { MAGIC, VERSION, INT, NAME, DROPOUT, VALUE_COUNT, VALUE, CRC }

  /** A field at {@code offset}; {@code width} is 4 or 8 for a VALUE, the name's bytes plus 2 for a NAME. */
  record Field(Type type, int offset, int width) {}

  /** A file the documented rules accept: what it says, and its fields in order. */
  record Decoded(int version, Architecture architecture, double[] parameters, double[] estimates,
      List<Field> fields) {
    List<Field> fields(Type type) {
      return fields.stream().filter(field -> field.type() == type).toList();
    }
  }

  private static final int MAGIC = 0x554E524C;

  private final ByteBuffer in;
  private final List<Field> fields = new ArrayList<>();

  private ModelFileReference(byte[] bytes) {
    this.in = ByteBuffer.wrap(bytes); // big-endian, as the table says
  }

  /** What {@code bytes} say, or null if the documented rules refuse them. */
  static Decoded decode(byte[] bytes) {
    try {
      return new ModelFileReference(bytes).decode();
    } catch (BufferUnderflowException | Refused e) {
      return null;
    }
  }

  /** Thrown by {@link #require} for a file the rules refuse; it never leaves this class. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused() {
      super(null, null, false, false);
    }
  }

  private Decoded decode() {
    require(readInt(Type.MAGIC) == MAGIC);
    int version = readInt(Type.VERSION);
    require(version >= 1 && version <= 3);
    int inputs = readInt(Type.INT);
    int rbfUnits = version >= 2 ? readInt(Type.INT) : 0;
    require(inputs >= 1 && rbfUnits >= (version == 2 ? 1 : 0));
    int count = readInt(Type.INT);
    require(count >= 1);
    List<Layer> layers = new ArrayList<>();
    for (int l = 0; l < count; l++) {
      int units = readInt(Type.INT);
      require(units >= 1);
      Activation activation = readName(Activation.values());
      Norm norm = version == 3 ? readName(Norm.values()) : Norm.NONE;
      double dropout = version == 3 ? readDropout() : 0;
      require(dropout >= 0 && dropout < 1);
      layers.add(new Layer(units, activation, norm, dropout));
    }
    Loss loss = readName(Loss.values());
    Precision precision = readName(Precision.values());
    Architecture architecture = new Architecture(inputs, rbfUnits, layers, loss, precision);
    int width = precision == Precision.FLOAT ? 4 : 8;
    double[] parameters = readValues(readInt(Type.VALUE_COUNT), width);
    double[] estimates = version == 3 ? readValues(readInt(Type.VALUE_COUNT), width) : new double[0];
    CRC32 crc = new CRC32();
    crc.update(in.array(), 0, in.position());
    require(readInt(Type.CRC) == (int) crc.getValue() && !in.hasRemaining());
    require(Arrays.stream(parameters).allMatch(Double::isFinite));
    require(Arrays.stream(estimates).allMatch(Double::isFinite));
    boolean[] variances = variances(architecture, estimates.length);
    for (int i = 0; i < estimates.length; i++) {
      require(!(variances[i] && estimates[i] < 0));
    }
    return new Decoded(version, architecture, parameters, estimates, List.copyOf(fields));
  }

  /** Running variances sit where the architecture's BATCH layers put them, if the count says so. */
  private static boolean[] variances(Architecture architecture, int count) {
    boolean[] variances = new boolean[count];
    if (count != architecture.runningEstimateCount()) {
      return variances;
    }
    int start = 0;
    for (LayerSpan span : architecture.table()) {
      if (span.norm() == Norm.BATCH) {
        Arrays.fill(variances, start + span.outputs(), start + 2 * span.outputs(), true);
        start += 2 * span.outputs();
      }
    }
    return variances;
  }

  private static void require(boolean condition) {
    if (!condition) {
      throw new Refused();
    }
  }

  private int readInt(Type type) {
    fields.add(new Field(type, in.position(), 4));
    return in.getInt();
  }

  private double readDropout() {
    fields.add(new Field(Type.DROPOUT, in.position(), 8));
    return in.getDouble();
  }

  private <E extends Enum<E>> E readName(E[] constants) {
    int start = in.position();
    byte[] name = new byte[Short.toUnsignedInt(in.getShort())];
    in.get(name);
    fields.add(new Field(Type.NAME, start, 2 + name.length));
    String text = new String(name, StandardCharsets.US_ASCII);
    return Arrays.stream(constants).filter(c -> c.name().equals(text)).findFirst().orElseThrow(Refused::new);
  }

  private double[] readValues(int count, int width) {
    require(count >= 0 && (long) count * width <= in.remaining());
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      fields.add(new Field(Type.VALUE, in.position(), width));
      values[i] = width == 4 ? in.getFloat() : in.getDouble();
    }
    return values;
  }
}
