package dev.unrolled.io;

import dev.unrolled.testing.Mutator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The damage a CSV file meets: blind bit flips, changed bytes, truncation, junk appended and swapped
 * sections; lines swapped, repeated or lost; fields replaced by NaN, infinities, numbers beyond the
 * float range, Java suffixes, words, broken quotes; labels that would be huge class indices (CSV's
 * declared sizes); a field too many or too few; blank lines; wrong magic bytes (gzip's, NUL, IDX, a
 * UTF-16 byte-order mark); no rows at all; a row thousands of fields wide. Gzipped seeds get either
 * the gzip of damaged text or {@link GzipDamage}.
 */
final class CsvMutations {
  private static final List<String> FEATURES = List.of("NaN", "Infinity", "-Infinity", "inf", "nan", "1e39", "-1e39",
      "1e309", "", " ", "1f", "2D", "0x1p3", "0x1p200", "abc", "\"1,5\"", "\"2.5\"", "\"unclosed", "\"3\"x", "1,2",
      "-0", "+.5e-3", "1_000", "٣", "1e-50");
  private static final List<String> LABELS = List.of("65535", "65536", "2147483647", "999999999", "0000000001",
      "-1", "", "  ", "\"\"", "\"a,b\"", "Setosa", "7", "1e3");
  private static final List<byte[]> MAGICS = List.of(new byte[] {0x1f, (byte) 0x8b}, new byte[] {0, 0, 8, 1},
      new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {0});
  private static final List<String> EMPTY = List.of("", "\n", "\r\n\r\n", "\uFEFF", "  \n\t\n", "a,b,c\n");

  private final Mutator mutator;

  CsvMutations(long seed) {
    this.mutator = new Mutator(seed);
  }

  String last() {
    return mutator.last();
  }

  /** Damaged {@code text}, gzipped if {@code gzipped}. */
  byte[] apply(String text, boolean gzipped) {
    if (!gzipped) {
      return text(text);
    }
    if (mutator.chance(40)) {
      byte[] damaged = text(text);
      return mutator.note(GzipDamage.gzip(damaged), "gzip of text with " + mutator.last());
    }
    return GzipDamage.damage(mutator, GzipDamage.gzip(text.getBytes(StandardCharsets.UTF_8)));
  }

  private byte[] text(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    switch (mutator.below(13)) {
      case 0: return mutator.flipBits(bytes);
      case 1: return mutator.setByte(bytes);
      case 2: return mutator.truncate(bytes);
      case 3: return mutator.extend(bytes);
      case 4: return mutator.swapSections(bytes);
      case 5: return lines(lines);
      case 6: return field(lines, mutator.pick(FEATURES), false);
      case 7: return field(lines, mutator.pick(LABELS), true);
      case 8: return width(lines);
      case 9: {
        lines.add(mutator.below(lines.size() + 1), mutator.pick(List.of("", "   ", "\t", ",,", "\r")));
        return joined(lines, "a blank or empty line inserted");
      }
      case 10: {
        byte[] magic = mutator.pick(MAGICS);
        byte[] out = mutator.chance(50) ? Mutator.splice(bytes, 0, 0, magic)
            : Mutator.splice(bytes, 0, Math.min(magic.length, bytes.length), magic);
        return mutator.note(out, "starts with " + magic.length + " foreign bytes");
      }
      case 11: {
        String empty = mutator.pick(EMPTY);
        return mutator.note(empty.getBytes(StandardCharsets.UTF_8), "no rows: \"" + empty.trim() + "\"");
      }
      default: {
        String wide = "1.5,".repeat(1000 + mutator.below(2000)) + "x";
        lines.add(1 + mutator.below(lines.size()), wide);
        return joined(lines, "a row " + wide.length() + " characters wide inserted");
      }
    }
  }

  /** Two lines swapped, one repeated or one dropped. */
  private byte[] lines(List<String> lines) {
    int a = mutator.below(lines.size());
    int b = mutator.below(lines.size());
    switch (mutator.below(3)) {
      case 0 -> lines.set(a, lines.set(b, lines.get(a)));
      case 1 -> lines.add(b, lines.get(a));
      default -> lines.remove(a);
    }
    return joined(lines, "lines " + a + " and " + b + " swapped, repeated or dropped");
  }

  /** A field of a random line (its last, the label, if {@code label}) replaced by {@code token}. */
  private byte[] field(List<String> lines, String token, boolean label) {
    int l = mutator.below(lines.size());
    String[] fields = lines.get(l).split(",", -1);
    boolean crlf = fields[fields.length - 1].endsWith("\r");
    int f = label ? fields.length - 1 : mutator.below(fields.length);
    fields[f] = token + (crlf && f == fields.length - 1 ? "\r" : "");
    lines.set(l, String.join(",", fields));
    return joined(lines, "line " + (l + 1) + " field " + f + " → \"" + token + "\"");
  }

  /** A field added to or removed from a random line. */
  private byte[] width(List<String> lines) {
    int l = mutator.below(lines.size());
    String line = lines.get(l);
    int comma = line.indexOf(',');
    lines.set(l, mutator.chance(50) || comma < 0 ? "0.5," + line : line.substring(comma + 1));
    return joined(lines, "line " + (l + 1) + " one field wider or narrower");
  }

  private byte[] joined(List<String> lines, String what) {
    return mutator.note(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), what);
  }
}
