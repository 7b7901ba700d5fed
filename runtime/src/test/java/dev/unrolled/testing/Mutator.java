package dev.unrolled.testing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded, format-blind damage to a file's bytes, for the readers' fuzz tests: bit flips, changed
 * bytes, truncation, junk appended, sections swapped, and writes of chosen values at chosen offsets
 * (which the format-aware tests aim at counts, magic numbers and floats). Every method returns a new
 * array and leaves its argument alone; {@link #last()} says what the latest mutation did.
 */
public final class Mutator {
  /** Values a corrupt or hostile count tends to take: extremes, signs, powers of two and near misses. */
  private static final int[] HOSTILE_INTS = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1, 1 << 16, 1 << 24,
      1 << 30, Integer.MAX_VALUE / 8, 0x7FFF_FFF0, 0x8000_0001, 0xFFFF_FF00};
  private static final byte[] HOSTILE_BYTES = {0, (byte) 0xFF, 0x7F, (byte) 0x80, '\n', ',', '"'};

  private final Random random;
  private String last = "";

  public Mutator(long seed) {
    this.random = new Random(seed);
  }

  /** What the latest mutation did, e.g. "truncated to 37 bytes". */
  public String last() {
    return last;
  }

  public int below(int bound) {
    return random.nextInt(bound);
  }

  public boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  public <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  /** One of {@link #HOSTILE_INTS}, or {@code near} give or take a little. */
  public int hostileInt(int near) {
    return chance(25) ? near + random.nextInt(9) - 4 : HOSTILE_INTS[random.nextInt(HOSTILE_INTS.length)];
  }

  /** One to three random bits flipped. */
  public byte[] flipBits(byte[] bytes) {
    byte[] out = bytes.clone();
    if (out.length == 0) {
      return note(out, "nothing to flip");
    }
    int flips = 1 + random.nextInt(3);
    StringBuilder where = new StringBuilder();
    for (int k = 0; k < flips; k++) {
      int bit = random.nextInt(out.length * 8);
      out[bit / 8] ^= (byte) (1 << (bit % 8));
      where.append(k == 0 ? "" : ", ").append(bit / 8).append('.').append(bit % 8);
    }
    return note(out, "flipped bits " + where);
  }

  /** One byte set to a value readers treat specially (0, FF, 7F, 80, a newline, a comma, a quote) or a random one. */
  public byte[] setByte(byte[] bytes) {
    byte[] out = bytes.clone();
    if (out.length == 0) {
      return note(out, "nothing to set");
    }
    int at = random.nextInt(out.length);
    out[at] = chance(50) ? HOSTILE_BYTES[random.nextInt(HOSTILE_BYTES.length)] : (byte) random.nextInt(256);
    return note(out, String.format("byte %d set to %02X", at, out[at]));
  }

  /** A shorter prefix, possibly empty. */
  public byte[] truncate(byte[] bytes) {
    int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    return note(Arrays.copyOf(bytes, length), "truncated to " + length + " bytes");
  }

  /** 1 to 64 bytes appended: random junk, zeros, or a copy of the file's own start. */
  public byte[] extend(byte[] bytes) {
    int extra = 1 + random.nextInt(64);
    byte[] out = Arrays.copyOf(bytes, bytes.length + extra);
    int kind = random.nextInt(3);
    for (int i = 0; i < extra; i++) {
      out[bytes.length + i] = kind == 0 ? (byte) random.nextInt(256)
          : kind == 1 || bytes.length == 0 ? 0 : bytes[i % bytes.length];
    }
    return note(out, extra + (kind == 0 ? " random" : kind == 1 ? " zero" : " repeated") + " bytes appended");
  }

  /** Two adjacent sections {@code [a, b)} and {@code [b, c)} exchanged: same bytes, same length, new order. */
  public byte[] swapSections(byte[] bytes) {
    if (bytes.length < 2) {
      return note(bytes.clone(), "too short to swap");
    }
    int a = random.nextInt(bytes.length - 1);
    int b = a + 1 + random.nextInt(bytes.length - a - 1);
    int c = b + 1 + random.nextInt(bytes.length - b);
    return note(swap(bytes, a, b, c), "sections " + a + ".." + b + " and " + b + ".." + c + " swapped");
  }

  /** {@code bytes} with {@code [a, b)} and {@code [b, c)} exchanged. */
  public static byte[] swap(byte[] bytes, int a, int b, int c) {
    byte[] out = bytes.clone();
    System.arraycopy(bytes, b, out, a, c - b);
    System.arraycopy(bytes, a, out, a + c - b, b - a);
    return out;
  }

  /** {@code bytes} with {@code [offset, offset + length)} replaced by {@code with}, which may differ in length. */
  public static byte[] splice(byte[] bytes, int offset, int length, byte[] with) {
    byte[] out = new byte[bytes.length - length + with.length];
    System.arraycopy(bytes, 0, out, 0, offset);
    System.arraycopy(with, 0, out, offset, with.length);
    System.arraycopy(bytes, offset + length, out, offset + with.length, bytes.length - offset - length);
    return out;
  }

  /** A copy of {@code bytes} with a big-endian int at {@code offset}. */
  public static byte[] putInt(byte[] bytes, int offset, int value) {
    byte[] out = bytes.clone();
    ByteBuffer.wrap(out).putInt(offset, value);
    return out;
  }

  /** Records what a format-aware mutation did, for failure messages; returns {@code bytes}. */
  public byte[] note(byte[] bytes, String what) {
    last = what;
    return bytes;
  }
}
