package dev.unrolled.io;

import dev.unrolled.testing.Mutator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Damage to a gzip stream, for the readers' fuzz tests: blind (bit flips, changed bytes, truncation,
 * junk appended, sections swapped) or aimed at its compression method, flags, time stamp, CRC-32 and
 * length trailer, or a second member appended.
 */
final class GzipDamage {
  private GzipDamage() {}

  static byte[] damage(Mutator mutator, byte[] gz) {
    switch (mutator.below(9)) {
      case 0: return mutator.flipBits(gz);
      case 1: return mutator.setByte(gz);
      case 2: return mutator.truncate(gz);
      case 3: return mutator.extend(gz);
      case 4: return mutator.swapSections(gz);
      case 5: return set(mutator, gz, mutator.pick(List.of(2, 3)), "method or flags");
      case 6: return set(mutator, gz, 4 + mutator.below(4), "time stamp, which gzip does not check");
      case 7: return set(mutator, gz, gz.length - 1 - mutator.below(8), "CRC-32 or length trailer");
      default: {
        byte[] second = gzip(new byte[] {(byte) mutator.below(256), '\n', 0, 8, 1});
        byte[] out = Arrays.copyOf(gz, gz.length + second.length);
        System.arraycopy(second, 0, out, gz.length, second.length);
        return mutator.note(out, "a second gzip member appended");
      }
    }
  }

  private static byte[] set(Mutator mutator, byte[] gz, int at, String what) {
    byte[] out = gz.clone();
    out[at] = (byte) mutator.below(256);
    return mutator.note(out, "gzip byte " + at + " (" + what + ") set to " + (out[at] & 0xFF));
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
