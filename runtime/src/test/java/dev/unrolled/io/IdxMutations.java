package dev.unrolled.io;

import dev.unrolled.testing.Mutator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The damage an IDX file meets: blind bit flips, changed bytes, truncation, junk appended and
 * swapped sections; hostile sizes and the largest images a header may declare; wrong magic numbers,
 * data types and dimension counts; header fields exchanged; items added or removed with the count
 * kept consistent; float data holding NaN and infinities. Gzipped seeds get either the gzip of damaged
 * content or {@link GzipDamage}.
 */
final class IdxMutations {
  private static final List<byte[]> FOREIGN_MAGICS = List.of("sepa".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x89, 'P', 'N', 'G'},
      new byte[] {0x1f, (byte) 0x8b, 0, 0}, new byte[4], new byte[] {0, 0, 8}, new byte[] {3, 8, 0, 0});
  /** Rows × columns at and just past the per-image limit, and beyond any file. */
  private static final int[][] LARGE_IMAGES = {{4096, 4096}, {1 << 24, 1}, {1, 1 << 24}, {4097, 4096},
      {65_536, 65_536}, {Integer.MAX_VALUE, 2}};

  private final Mutator mutator;

  IdxMutations(long seed) {
    this.mutator = new Mutator(seed);
  }

  String last() {
    return mutator.last();
  }

  /** Damaged {@code content} (valid IDX with {@code dimensions}), gzipped if {@code gzipped}. */
  byte[] apply(byte[] content, int dimensions, boolean gzipped) {
    if (!gzipped) {
      return content(content, dimensions);
    }
    if (mutator.chance(40)) {
      byte[] damaged = content(content, dimensions);
      return mutator.note(GzipDamage.gzip(damaged), "gzip of content with " + mutator.last());
    }
    return GzipDamage.damage(mutator, GzipDamage.gzip(content));
  }

  private byte[] content(byte[] bytes, int dimensions) {
    int header = 4 + 4 * dimensions;
    switch (mutator.below(13)) {
      case 0: return mutator.flipBits(bytes);
      case 1: return mutator.setByte(bytes);
      case 2: return mutator.truncate(bytes);
      case 3: return mutator.extend(bytes);
      case 4: return mutator.swapSections(bytes);
      case 5: {
        int at = 4 + 4 * mutator.below(dimensions);
        int value = mutator.hostileInt(ByteBuffer.wrap(bytes).getInt(at));
        return mutator.note(Mutator.putInt(bytes, at, value), "size at " + at + " set to " + value);
      }
      case 6: {
        int[] large = LARGE_IMAGES[mutator.below(LARGE_IMAGES.length)];
        byte[] out = dimensions == 1 ? Mutator.putInt(bytes, 4, large[0] * large[1])
            : Mutator.putInt(Mutator.putInt(bytes, 8, large[0]), 12, large[1]);
        return mutator.note(out, "sizes set to " + large[0] + " × " + large[1]);
      }
      case 7: return typeByte(bytes, 2, mutator.pick(List.of(0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x00, mutator.below(256))));
      case 8: return typeByte(bytes, 3, mutator.pick(List.of(0, 1, 2, 3, 4, 0xFF)));
      case 9: {
        byte[] magic = mutator.pick(FOREIGN_MAGICS);
        return mutator.note(Mutator.splice(bytes, 0, 4, magic), "magic replaced by " + magic.length + " foreign bytes");
      }
      case 10: {
        if (dimensions == 1) {
          return mutator.swapSections(bytes);
        }
        int a = 4 + 4 * mutator.below(2);
        return mutator.note(Mutator.swap(bytes, a, a + 4, a + 8), "sizes at " + a + " and " + (a + 4) + " swapped");
      }
      case 11: return recount(bytes, header);
      default: return floats(bytes, header);
    }
  }

  private byte[] typeByte(byte[] bytes, int at, int value) {
    byte[] out = bytes.clone();
    out[at] = (byte) value;
    return mutator.note(out, "magic byte " + at + " set to " + value);
  }

  /** Items added at or removed from the end, and the count changed to match: still valid. */
  private byte[] recount(byte[] bytes, int header) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int count = in.getInt(4);
    int item = header == 8 ? 1 : in.getInt(8) * in.getInt(12);
    int change = Math.max(-count, mutator.below(7) - 3);
    byte[] out = Arrays.copyOf(bytes, bytes.length + change * item);
    for (int i = bytes.length; i < out.length; i++) {
      out[i] = (byte) (i * 37);
    }
    return mutator.note(Mutator.putInt(out, 4, count + change), "count " + count + " → " + (count + change));
  }

  /** The data type set to 32-bit floats, and NaN or an infinity among the data. */
  private byte[] floats(byte[] bytes, int header) {
    byte[] out = typeByte(bytes, 2, 0x0D);
    float value = mutator.pick(List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
    if (out.length >= header + 4) {
      ByteBuffer.wrap(out).putFloat(header + 4 * mutator.below((out.length - header) / 4), value);
    }
    return mutator.note(out, "type 0x0D with " + value + " in the data");
  }
}
