package dev.unrolled.io;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.unrolled.testing.HostileInput;
import dev.unrolled.testing.Outcomes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand damaged IDX files, images and labels, plain and gzipped ({@link IdxMutations}), each
 * read from a file and from a stream. Both reads agree with {@link IdxReference}: the same values
 * when it accepts the file; when it refuses it, a {@link DataFileException} from both, of the same
 * documented kind, naming the source and, where the bytes are known, the sizes and offsets that are
 * wrong. No other exception, no allocation beyond what the bytes back, no hang.
 */
class IdxFuzzTest {
  private static final long SEED = 0x1D8_F022L;
  private static final int INPUTS = 10_000;
  private static final Duration HANG = Duration.ofMinutes(2);
  private static final String STREAM = "stream.idx";

  @TempDir Path dir;
  private Path previous;
  private int written;

  private record Seed(String name, int dimensions, byte[] content, boolean gzipped) {}

  @Test
  void everyDamagedFileIsReadAsItSaysOrRefusedNamingTheProblem(TestReporter reporter) throws IOException {
    List<Seed> seeds = List.of(
        new Seed("3 images", 3, images(3, 4, 5), false), new Seed("3 images gzipped", 3, images(3, 4, 5), true),
        new Seed("no images", 3, images(0, 28, 28), false), new Seed("10 labels", 1, labels(10), false),
        new Seed("10 labels gzipped", 1, labels(10), true), new Seed("no labels gzipped", 1, labels(0), true));
    IdxMutations mutations = new IdxMutations(SEED);
    Outcomes outcomes = new Outcomes();
    String[] current = {"nothing yet"};

    assertTimeoutPreemptively(HANG, () -> {
      for (int n = 0; n < INPUTS; n++) {
        Seed seed = seeds.get(n % seeds.size());
        byte[] bytes = mutations.apply(seed.content(), seed.dimensions(), seed.gzipped());
        current[0] = "input " + n + " (" + seed.name() + ": " + mutations.last() + ")";
        outcomes.count((seed.gzipped() ? "gzipped " : "plain ") + judge(seed.dimensions(), bytes, current[0]));
      }
    }, () -> "no verdict within " + HANG + ", stuck on " + current[0]);

    outcomes.publish(reporter, "idx files");
    outcomes.requireReached(INPUTS, Stream.concat(
        Stream.of("plain accepted", "gzipped accepted", "gzipped refused: damaged gzip"),
        Arrays.stream(Refusal.values()).filter(r -> r != Refusal.DAMAGED_GZIP).map(r -> "plain " + r.outcome()))
        .toList());
  }

  /**
   * {@code bytes} in a new file, the previous input's deleted. Not one file rewritten: a truncated
   * file is flushed on close by ext4 (auto_da_alloc), which made writing most of the run.
   */
  private Path write(byte[] bytes) throws IOException {
    if (previous != null) {
      Files.delete(previous);
    }
    previous = Files.write(dir.resolve("fuzzed-" + ++written + ".idx"), bytes);
    return previous;
  }

  private String judge(int dimensions, byte[] bytes, String input) throws IOException {
    Path file = write(bytes);
    byte[] content = IdxReference.content(bytes);
    Object expected = dimensions == 3 ? IdxReference.images(content) : IdxReference.labels(content);
    int length = Math.max(bytes.length, content == null ? 0 : content.length);
    Object[] fromFile = new Object[1];
    Object[] fromStream = new Object[1];
    DataFileException fileRefusal = HostileInput.readOrRefusal(DataFileException.class, input, length, 64,
        () -> fromFile[0] = dimensions == 3 ? IdxReader.readImages(file) : IdxReader.readLabels(file));
    DataFileException streamRefusal = HostileInput.readOrRefusal(DataFileException.class, input, length, 64,
        () -> fromStream[0] = dimensions == 3
            ? IdxReader.readImages(new ByteArrayInputStream(bytes), STREAM)
            : IdxReader.readLabels(new ByteArrayInputStream(bytes), STREAM));
    if (expected != null) {
      assertWithMessage("%s, read from a file: %s", input, fileRefusal).that(fromFile[0]).isEqualTo(expected);
      assertWithMessage("%s, read from a stream: %s", input, streamRefusal).that(fromStream[0]).isEqualTo(expected);
      return "accepted";
    }
    assertWithMessage("%s was read from a file, but IDX refuses it", input).that(fileRefusal).isNotNull();
    assertWithMessage("%s was read from a stream, but IDX refuses it", input).that(streamRefusal).isNotNull();
    Refusal kind = Refusal.of(fileRefusal, file.toString(), dimensions, content, input);
    assertWithMessage("%s: read from a stream: %s", input, streamRefusal.getMessage())
        .that(Refusal.of(streamRefusal, STREAM, dimensions, content, input)).isEqualTo(kind);
    return kind.outcome();
  }

  private static byte[] images(int count, int rows, int columns) {
    ByteBuffer bytes = ByteBuffer.allocate(16 + count * rows * columns).putInt(0x0803).putInt(count).putInt(rows)
        .putInt(columns);
    for (int i = 0; bytes.hasRemaining(); i++) {
      bytes.put((byte) (i * 13));
    }
    return bytes.array();
  }

  private static byte[] labels(int count) {
    ByteBuffer bytes = ByteBuffer.allocate(8 + count).putInt(0x0801).putInt(count);
    for (int i = 0; bytes.hasRemaining(); i++) {
      bytes.put((byte) (i % 10));
    }
    return bytes.array();
  }

  /**
   * The documented refusals, told apart by their messages. Where the IDX bytes are known (a plain
   * file, or gzip that gunzips), the numbers a message gives are checked against them.
   */
  private enum Refusal {
    EMPTY(" is empty; expected an IDX (images|labels) file"),
    NOT_IDX("( \\(gunzipped\\))? is not an IDX file: it starts with (?<start>[0-9A-F ]*) where "),
    UNSUPPORTED_TYPE(" holds IDX data of type 0x(?<type>[0-9A-F]{2}) "),
    WRONG_KIND(" is an IDX (images file|labels file|file with \\d+ dimensions) \\(magic "),
    TRUNCATED_HEADER(" is truncated: it ends after (?<found>\\d+) bytes, inside its header \\(in [^)]+\\)"),
    IMPOSSIBLE_HEADER(" has an impossible IDX header: it declares "),
    TRUNCATED(" is truncated: its header announces [^;]+, (?<declared>\\d+) bytes after the (?<header>\\d+)-byte "
        + "header, but (none follow|only (?<follow>\\d+) follow)"),
    EXTRA_BYTES(" has (?<extra>\\d+) bytes? more than its header announces \\([^)]+, (?<declared>\\d+) bytes after "
        + "the header\\)"),
    DAMAGED_GZIP(" is a damaged gzip file: its compressed data fails (in its gzip header|after byte \\d+ of the IDX "
        + "data) \\(");

    private final Pattern pattern;

    Refusal(String pattern) {
      this.pattern = Pattern.compile(pattern);
    }

    String outcome() {
      return "refused: " + name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static Refusal of(DataFileException e, String source, int dimensions, byte[] content, String input) {
      String message = e.getMessage();
      assertWithMessage("%s: %s", input, message).that(e.source()).isEqualTo(source);
      assertWithMessage("%s: %s", input, message).that(e.line()).isEqualTo(0L);
      assertWithMessage("%s: the message does not start with the source", input).that(message).startsWith(source);
      for (Refusal kind : values()) {
        Matcher m = kind.pattern.matcher(message).region(source.length(), message.length());
        if (m.lookingAt()) {
          if (content != null) {
            kind.requireNumbers(m, 4 + 4 * dimensions, content, input + ": " + message);
          }
          return kind;
        }
      }
      throw new AssertionError(input + " was refused with a message of no documented kind: " + message);
    }

    private void requireNumbers(Matcher m, int header, byte[] content, String context) {
      switch (this) {
        case NOT_IDX -> assertWithMessage(context).that(m.group("start")).isEqualTo(hex(content));
        case UNSUPPORTED_TYPE -> assertWithMessage(context).that(Integer.parseInt(m.group("type"), 16))
            .isEqualTo(content[2] & 0xFF);
        case TRUNCATED_HEADER -> assertWithMessage(context).that(Long.parseLong(m.group("found")))
            .isEqualTo(content.length);
        case TRUNCATED -> {
          assertWithMessage(context).that(Integer.parseInt(m.group("header"))).isEqualTo(header);
          assertWithMessage(context).that(m.group("follow") == null ? 0 : Long.parseLong(m.group("follow")))
              .isEqualTo(content.length - header);
        }
        case EXTRA_BYTES -> assertWithMessage(context).that(Long.parseLong(m.group("extra")))
            .isEqualTo(content.length - header - Long.parseLong(m.group("declared")));
        default -> { }
      }
    }

    private static String hex(byte[] content) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < Math.min(4, content.length); i++) {
        text.append(i == 0 ? "" : " ").append(String.format("%02X", content[i]));
      }
      return text.toString();
    }
  }
}
