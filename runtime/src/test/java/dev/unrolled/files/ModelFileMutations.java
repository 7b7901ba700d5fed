package dev.unrolled.files;

import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import dev.unrolled.files.ModelFileReference.Decoded;
import dev.unrolled.files.ModelFileReference.Field;
import dev.unrolled.files.ModelFileReference.Type;
import dev.unrolled.testing.Mutator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The damage a model file meets, aimed at the fields {@link ModelFileReference} found in a valid
 * file: blind bit flips, changed bytes, truncation, junk appended and swapped sections, and aimed
 * hostile counts, name lengths and names, wrong magic numbers and versions, NaN and infinities
 * where floats live, other finite values and dropouts, and values added or removed with their
 * count kept consistent. One or two mutations per file, and half the files resealed with a matching
 * CRC-32, so that the checks behind the checksum are reached too.
 */
final class ModelFileMutations {
  private static final List<String> NAMES = Stream.of(Activation.values(), Norm.values(), Loss.values(),
      Precision.values()).flatMap(Stream::of).map(Enum::name).toList();
  private static final List<String> JUNK_NAMES = List.of("", "identity", "FLOAT ", "DOUBLEDOUBLE", "TANH\u0000");
  private static final List<byte[]> MAGICS = List.of(new byte[] {0, 0, 8, 3}, new byte[] {0x1f, (byte) 0x8b, 8, 0},
      "UNRl".getBytes(StandardCharsets.US_ASCII), "PK\u0003\u0004".getBytes(StandardCharsets.US_ASCII), new byte[4]);
  private static final int KINDS = 14;

  private final Mutator mutator;
  private String last = "";

  ModelFileMutations(long seed) {
    this.mutator = new Mutator(seed);
  }

  /** What the latest {@link #apply} did. */
  String last() {
    return last;
  }

  /** One or two mutations of {@code bytes}, a valid file whose fields {@code layout} lists; half resealed. */
  byte[] apply(Decoded layout, byte[] bytes) {
    List<String> done = new ArrayList<>();
    int rounds = mutator.chance(30) ? 2 : 1;
    for (int r = 0; r < rounds; r++) {
      bytes = once(layout, bytes);
      done.add(mutator.last());
    }
    if (bytes.length >= 4 && mutator.chance(50)) {
      bytes = resealed(bytes);
      done.add("resealed");
    }
    last = String.join(", ", done);
    return bytes;
  }

  private byte[] once(Decoded layout, byte[] bytes) {
    switch (mutator.below(KINDS)) {
      case 0: return mutator.flipBits(bytes);
      case 1: return mutator.setByte(bytes);
      case 2: return mutator.truncate(bytes);
      case 3: return mutator.extend(bytes);
      case 4: return mutator.swapSections(bytes);
      case 5: return swapFields(layout, bytes);
      case 6: return hostileCount(layout, bytes, mutator.chance(50) ? Type.INT : Type.VALUE_COUNT);
      case 7: return nameLength(layout, bytes);
      case 8: return rename(layout, bytes);
      case 9: return magic(bytes);
      case 10: return hostileCount(layout, bytes, Type.VERSION);
      case 11: return nonFinite(layout, bytes);
      case 12: return finite(layout, bytes);
      default: return recount(layout, bytes);
    }
  }

  /**
   * A field of one of {@code types} that lies inside {@code bytes}, or null; each type as likely as
   * the others, so that a few dropouts are aimed at as often as many parameters.
   */
  private Field field(Decoded layout, byte[] bytes, Type... types) {
    Type type = types[mutator.below(types.length)];
    List<Field> fitting = layout.fields().stream()
        .filter(f -> f.type() == type && f.offset() + f.width() <= bytes.length).toList();
    return fitting.isEmpty() ? null : mutator.pick(fitting);
  }

  /** Two fields exchanged: the next one (two parameters, a name and a count) or any later one. */
  private byte[] swapFields(Decoded layout, byte[] bytes) {
    List<Field> fields = layout.fields().stream().filter(f -> f.offset() + f.width() <= bytes.length).toList();
    if (fields.size() < 2) {
      return mutator.flipBits(bytes);
    }
    int i = mutator.below(fields.size() - 1);
    Field first = fields.get(i);
    Field second = fields.get(mutator.chance(50) ? i + 1 : i + 1 + mutator.below(fields.size() - i - 1));
    int end = second.offset() + second.width();
    return mutator.note(Mutator.swap(bytes, first.offset(), second.offset(), end),
        first.type() + " at " + first.offset() + " swapped with what follows up to " + second.type() + " at "
            + second.offset());
  }

  private byte[] hostileCount(Decoded layout, byte[] bytes, Type type) {
    Field f = field(layout, bytes, type);
    if (f == null) {
      return mutator.flipBits(bytes);
    }
    int value = mutator.hostileInt(ByteBuffer.wrap(bytes).getInt(f.offset()));
    return mutator.note(Mutator.putInt(bytes, f.offset(), value), type + " at " + f.offset() + " set to " + value);
  }

  private byte[] nameLength(Decoded layout, byte[] bytes) {
    Field f = field(layout, bytes, Type.NAME);
    if (f == null) {
      return mutator.flipBits(bytes);
    }
    int length = mutator.pick(List.of(0, 0xFFFF, f.width() - 1, f.width() - 3, 0x8000, mutator.below(0x10000)));
    byte[] out = bytes.clone();
    ByteBuffer.wrap(out).putShort(f.offset(), (short) length);
    return mutator.note(out, "name length at " + f.offset() + " set to " + length);
  }

  /** Another name in its place: of the same enum or another, or junk; the file grows or shrinks to fit. */
  private byte[] rename(Decoded layout, byte[] bytes) {
    Field f = field(layout, bytes, Type.NAME);
    if (f == null) {
      return mutator.flipBits(bytes);
    }
    String name = mutator.chance(80) ? mutator.pick(NAMES) : mutator.pick(JUNK_NAMES);
    byte[] text = name.getBytes(StandardCharsets.ISO_8859_1);
    byte[] with = ByteBuffer.allocate(2 + text.length).putShort((short) text.length).put(text).array();
    return mutator.note(Mutator.splice(bytes, f.offset(), f.width(), with), "name at " + f.offset() + " → " + name);
  }

  private byte[] magic(byte[] bytes) {
    byte[] magic = mutator.chance(30) ? ByteBuffer.allocate(4).putInt(mutator.hostileInt(0)).array()
        : mutator.pick(MAGICS);
    byte[] out = Mutator.splice(bytes, 0, Math.min(4, bytes.length), magic);
    return mutator.note(out, String.format("magic → %02X%02X%02X%02X", magic[0], magic[1], magic[2], magic[3]));
  }

  /** NaN (quiet, or with a payload), ±∞ in a parameter, estimate or dropout; for a dropout also 1, 1.5 or −0. */
  private byte[] nonFinite(Decoded layout, byte[] bytes) {
    Field f = field(layout, bytes, Type.VALUE, Type.DROPOUT);
    if (f == null) {
      return mutator.flipBits(bytes);
    }
    List<Double> values = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.longBitsToDouble(0x7FF0_0000_0000_0001L | (long) mutator.below(1 << 30) << 20)));
    if (f.type() == Type.DROPOUT) {
      values.addAll(List.of(1.0, 1.5, -0.0, -1e-300));
    }
    double value = mutator.pick(values);
    return mutator.note(put(bytes, f, value), f.type() + " at " + f.offset() + " set to " + value);
  }

  /** A finite value: negative (a variance cannot be), −0, subnormal, huge, or a valid dropout. */
  private byte[] finite(Decoded layout, byte[] bytes) {
    Field f = field(layout, bytes, Type.VALUE, Type.DROPOUT);
    if (f == null) {
      return mutator.flipBits(bytes);
    }
    List<Double> values = f.type() == Type.DROPOUT ? List.of(0.0, 0.5, 0.999, 0.125)
        : List.of(-1.5, -0.0, 0.0, Double.MIN_VALUE, (double) Float.MIN_VALUE, (double) Float.MAX_VALUE, 3.25e-3);
    double value = mutator.pick(values);
    return mutator.note(put(bytes, f, value), f.type() + " at " + f.offset() + " set to " + value);
  }

  /** Values added at, or removed from, the start of the parameters or estimates, their count kept consistent. */
  private byte[] recount(Decoded layout, byte[] bytes) {
    Field f = field(layout, bytes, Type.VALUE_COUNT);
    int count = f == null ? -1 : ByteBuffer.wrap(bytes).getInt(f.offset());
    if (count < 0 || count > bytes.length) { // an earlier mutation left no count to keep consistent
      return mutator.flipBits(bytes);
    }
    int width = layout.architecture().precision() == Precision.FLOAT ? 4 : 8;
    int change = Math.max(-Math.min(count, 3), mutator.below(7) - 3);
    int start = f.offset() + 4;
    int removed = Math.min(Math.max(-change, 0) * width, bytes.length - start);
    byte[] added = new byte[Math.max(change, 0) * width];
    for (int k = 0; k < added.length; k += width) {
      put(added, new Field(Type.VALUE, k, width), 0.5 * k);
    }
    byte[] out = Mutator.putInt(Mutator.splice(bytes, start, removed, added), f.offset(), count + change);
    return mutator.note(out, "count at " + f.offset() + " " + count + " → " + (count + change) + ", values to match");
  }

  private static byte[] put(byte[] bytes, Field f, double value) {
    byte[] out = bytes.clone();
    if (f.width() == 4) {
      ByteBuffer.wrap(out).putFloat(f.offset(), (float) value);
    } else {
      ByteBuffer.wrap(out).putDouble(f.offset(), value);
    }
    return out;
  }

  /** {@code bytes} with their last 4 bytes replaced by the CRC-32 of the rest. */
  static byte[] resealed(byte[] bytes) {
    byte[] out = bytes.clone();
    CRC32 crc = new CRC32();
    crc.update(out, 0, out.length - 4);
    ByteBuffer.wrap(out).putInt(out.length - 4, (int) crc.getValue());
    return out;
  }
}
