package dev.unrolled.io;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.unrolled.Precision;
import dev.unrolled.io.CsvReference.Verdict;
import dev.unrolled.testing.HostileInput;
import dev.unrolled.testing.Outcomes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * Ten thousand damaged CSV files, with and without a header, in float and double, plain and gzipped
 * ({@link CsvMutations}), read from a stream and every tenth also from a file. Each read agrees with
 * {@link CsvReference}: the same rows, labels, class and feature names when it accepts the text;
 * when it refuses it, a {@link DataFileException} of a documented kind naming the source, the same
 * line (0 for the file as a whole) and, for a feature, the same column. Gzip that does not gunzip
 * is refused, whatever the first problem reported. No other exception, no hang.
 */
class CsvFuzzTest {
  private static final long SEED = 0xC5F_F022L;
  private static final int INPUTS = 10_000;
  private static final Duration HANG = Duration.ofMinutes(2);
  private static final String STREAM = "stream.csv";
  private static final String FLOWERS = "\uFEFFsepal,petal,\"width\",species\r\n5.1,1.4,0.2,setosa\r\n"
      + "4.9,1.5,0.25,virginica\r\n\r\n6.3,4.7,1.6,versicolor\r\n  5.0 ,1.3, 0.2,setosa\r\n\"7.0\",4.7,1.4,versicolor\r\n";
  private static final String DIGITS = "0.5,16,3\n7,-2e-3,1\n1e300,2,3\n0,0,0\n4.25,1,9\n";

  @TempDir Path dir;

  private record Seed(String name, String text, boolean gzipped, CsvReader reader, CsvReference reference) {}

  @Test
  void everyDamagedFileIsReadAsItSaysOrRefusedAtTheRightLine(TestReporter reporter) throws IOException {
    CsvReader flowers = CsvReader.withHeader();
    CsvReader digits = CsvReader.withoutHeader().precision(Precision.DOUBLE);
    CsvReference flowersReference = new CsvReference(true, Precision.FLOAT);
    CsvReference digitsReference = new CsvReference(false, Precision.DOUBLE);
    List<Seed> seeds = List.of(new Seed("flowers", FLOWERS, false, flowers, flowersReference),
        new Seed("digits", DIGITS, false, digits, digitsReference),
        new Seed("flowers gzipped", FLOWERS, true, flowers, flowersReference),
        new Seed("digits gzipped", DIGITS, true, digits, digitsReference));
    CsvMutations mutations = new CsvMutations(SEED);
    Outcomes outcomes = new Outcomes();
    String[] current = {"nothing yet"};

    assertTimeoutPreemptively(HANG, () -> {
      for (int n = 0; n < INPUTS; n++) {
        Seed seed = seeds.get(n % seeds.size());
        byte[] bytes = mutations.apply(seed.text(), seed.gzipped());
        current[0] = "input " + n + " (" + seed.name() + ": " + mutations.last() + ")";
        String outcome = judge(seed, bytes, STREAM, current[0],
            () -> seed.reader().read(new ByteArrayInputStream(bytes), STREAM));
        if (n % 10 == 0) {
          Path file = Files.write(dir.resolve("fuzzed-" + n + ".csv"), bytes);
          assertWithMessage("%s, read from a file", current[0])
              .that(judge(seed, bytes, file.toString(), current[0], () -> seed.reader().read(file))).isEqualTo(outcome);
          Files.delete(file);
        }
        outcomes.count((seed.gzipped() ? "gzipped " : "plain ") + outcome);
      }
    }, () -> "no verdict within " + HANG + ", stuck on " + current[0]);

    outcomes.publish(reporter, "csv files");
    List<String> aimedAt = new ArrayList<>(List.of("plain accepted", "gzipped accepted", "gzipped refused: damaged gzip"));
    Arrays.stream(Refusal.values()).filter(r -> r != Refusal.DAMAGED_GZIP).forEach(r -> aimedAt.add("plain " + r.outcome()));
    outcomes.requireReached(INPUTS, aimedAt);
  }

  private interface Read {
    LabeledData read() throws IOException;
  }

  private static String judge(Seed seed, byte[] bytes, String source, String input, Read read) {
    Verdict expected = seed.reference().read(bytes);
    LabeledData[] data = new LabeledData[1];
    DataFileException e = HostileInput.readOrRefusal(DataFileException.class, input, bytes.length, 256,
        () -> data[0] = read.read());
    if (e == null) {
      assertWithMessage("%s was read, but CSV refuses it at line %s", input, expected == null ? "?" : expected.line())
          .that(expected != null && expected.accepted()).isTrue();
      requireEqual(data[0], expected, input);
      return "accepted";
    }
    assertWithMessage("%s was refused (%s), but CSV accepts it", input, e.getMessage())
        .that(expected == null || !expected.accepted()).isTrue();
    Refusal kind = Refusal.of(e, source, input);
    if (expected != null) {
      assertWithMessage("%s: the line of %s", input, e.getMessage()).that(e.line()).isEqualTo(expected.line());
      if (kind.column) {
        assertWithMessage("%s: the column of %s", input, e.getMessage()).that(kind.column(e, source))
            .isEqualTo(expected.column());
      }
    }
    return kind.outcome();
  }

  private static void requireEqual(LabeledData data, Verdict expected, String input) {
    double[][] rows = data.doubleFeatures();
    assertWithMessage("%s: rows", input).that(rows).isEqualTo(expected.rows().toArray(new double[0][]));
    assertWithMessage("%s: labels", input).that(Arrays.stream(data.labels()).boxed().toList())
        .isEqualTo(expected.labels());
    assertWithMessage("%s: class names", input).that(data.classNames()).isEqualTo(expected.classNames());
    assertWithMessage("%s: feature names", input).that(data.featureNames()).isEqualTo(expected.featureNames());
  }

  /**
   * The documented refusals, told apart by their messages: on a line ("source line 7 …") or of the
   * whole file ("source is empty …"); {@code column}: the message names the feature column.
   */
  private enum Refusal {
    BINARY(true, "holds NUL bytes", false),
    ONE_COLUMN(true, "has 1 column, but", false),
    WRONG_WIDTH(true, "has \\d+ columns but (the header|the first row) \\(line \\d+\\) has \\d+", false),
    EMPTY_LABEL(true, "column \\d+ .*\\(the label\\) is empty", false),
    MISSING_VALUE(true, "column (?<column>\\d+).* is empty \\(a missing value\\)", true),
    NOT_A_NUMBER(true, "column (?<column>\\d+).*: \".*\" is not a number; ", true),
    NOT_FINITE(true, "column (?<column>\\d+).*: .* is not a finite number; ", true),
    BEYOND_FLOAT_RANGE(true, "column (?<column>\\d+).*: .* is beyond the float range ", true),
    UNCLOSED_QUOTE(true, "column \\d+: the quoted field that starts at character \\d+ is not closed", false),
    TEXT_AFTER_QUOTE(true, "column \\d+: text follows the closing quote at character \\d+", false),
    TOO_MANY_CLASSES(true, "has label .*, which as a class index would make \\d+ classes", false),
    EMPTY(false, "is empty: it has no ", false),
    NO_ROWS(false, "has a header \\(line \\d+\\) but no data rows", false),
    DAMAGED_GZIP(false, "is a damaged gzip file: its compressed data fails ", false);

    private final boolean onALine;
    private final Pattern pattern;
    private final boolean column;

    Refusal(boolean onALine, String pattern, boolean column) {
      this.onALine = onALine;
      this.pattern = Pattern.compile(pattern);
      this.column = column;
    }

    String outcome() {
      return "refused: " + name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    int column(DataFileException e, String source) {
      Matcher m = matcher(e, source);
      m.lookingAt();
      return Integer.parseInt(m.group("column"));
    }

    private Matcher matcher(DataFileException e, String source) {
      String prefix = source + (onALine ? " line " + e.line() + " " : " ");
      return pattern.matcher(e.getMessage()).region(Math.min(prefix.length(), e.getMessage().length()),
          e.getMessage().length());
    }

    static Refusal of(DataFileException e, String source, String input) {
      String message = e.getMessage();
      assertWithMessage("%s: %s", input, message).that(e.source()).isEqualTo(source);
      assertWithMessage("%s: %s", input, message).that(message)
          .startsWith(e.line() > 0 ? source + " line " + e.line() + " " : source + " ");
      return Stream.of(values()).filter(kind -> kind.onALine == e.line() > 0 && kind.matcher(e, source).lookingAt())
          .findFirst()
          .orElseThrow(() -> new AssertionError(input + " was refused with a message of no documented kind: " + message));
    }
  }
}
