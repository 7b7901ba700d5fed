package dev.unrolled.files;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.unrolled.Activation.IDENTITY;
import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.TANH;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.unrolled.Architecture;
import dev.unrolled.Architecture.Layer;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import dev.unrolled.files.ModelFileReference.Decoded;
import dev.unrolled.testing.HostileInput;
import dev.unrolled.testing.LogisticModel;
import dev.unrolled.testing.Outcomes;
import dev.unrolled.testing.VectorModel;
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
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand damaged model files of formats 1, 2 and 3 ({@link ModelFileMutations}), each loaded
 * into a model holding other values. Every one is either read as what {@link ModelFileReference}
 * says the file holds, into a model of that architecture, and saved again to a file that reads back
 * equal; or refused with a {@link ModelFileException} whose message starts with the file, says which
 * of the documented problems it is and where, and leaves the model's parameters and running
 * estimates as they were. {@code ModelFileTest} changes every byte of one format-3 file; this aims
 * at the fields of all three formats and keeps some damage behind a valid checksum.
 */
class ModelFileFuzzTest {
  private static final long SEED = 0x0DDF11E5L;
  private static final int INPUTS = 10_000;
  /** Generous: the loop takes seconds, so only a read that never returns reaches it. */
  private static final Duration HANG = Duration.ofMinutes(2);

  private static final int RESAVED_EVERY = 16;
  private static final String ACCEPTED = "accepted";

  @TempDir Path dir;
  private Path previous;
  private int written;
  private int filesRead; // accepted, or intact but another model's

  private record Seed(String name, Model target, Decoded decoded, byte[] bytes) {}

  @Test
  void everyDamagedFileIsReadAsItSaysOrRefusedNamingTheProblemAndTheModelKeepsItsValues(TestReporter reporter)
      throws IOException {
    List<Seed> seeds = seeds();
    ModelFileMutations mutations = new ModelFileMutations(SEED);
    Outcomes outcomes = new Outcomes();
    String[] current = {"nothing yet"};

    assertTimeoutPreemptively(HANG, () -> {
      for (int n = 0; n < INPUTS; n++) {
        Seed seed = seeds.get(n % seeds.size());
        byte[] bytes = mutations.apply(seed.decoded(), seed.bytes());
        current[0] = "input " + n + " (" + seed.name() + ": " + mutations.last() + ")";
        outcomes.count(judge(seed, bytes, current[0]));
      }
    }, () -> "no verdict within " + HANG + ", stuck on " + current[0]);

    outcomes.publish(reporter, "model files");
    outcomes.requireReached(INPUTS, Stream.concat(Stream.of(ACCEPTED),
        Arrays.stream(Refusal.values()).map(Refusal::outcome)).toList());
    assertWithMessage("files saved again").that(filesRead / RESAVED_EVERY).isAtLeast(50);
  }

  /**
   * {@code bytes} in a new file, the previous input's deleted. Not one file rewritten: a truncated
   * file is flushed on close by ext4 (auto_da_alloc), which made writing most of the run.
   */
  private Path write(byte[] bytes) throws IOException {
    if (previous != null) {
      Files.delete(previous);
    }
    previous = Files.write(dir.resolve("fuzzed-" + ++written + ".unrl"), bytes);
    return previous;
  }

  /** The outcome of loading {@code bytes} into the seed's model, checked against the reference. */
  private String judge(Seed seed, byte[] bytes, String input) throws IOException {
    Path file = write(bytes);
    Decoded expected = ModelFileReference.decode(bytes);
    Model target = seed.target();
    fillSentinels(target);
    ModelFileException refusal = HostileInput.readOrRefusal(ModelFileException.class, input, bytes.length, 64,
        () -> ModelFile.load(target, file));
    if (refusal == null) {
      assertWithMessage("%s was loaded, but the format refuses it", input).that(expected).isNotNull();
      requireHolds(target, expected, input);
      requireReadsBackEqual(target, expected, input);
      return ACCEPTED;
    }
    requireUnchanged(target, input + ", refused with: " + refusal.getMessage());
    Refusal kind = Refusal.of(refusal.getMessage(), file, bytes, input);
    assertWithMessage("%s was refused as %s, but the format %s it: %s", input, kind,
        expected == null ? "refuses" : "accepts", refusal.getMessage())
        .that(expected != null).isEqualTo(kind.intactFile);
    if (expected == null) {
      return kind.outcome();
    }
    VectorModel other = new VectorModel(expected.architecture(), expected.parameters().length,
        expected.estimates().length);
    ModelFile.load(other, file);
    requireHolds(other, expected, input);
    requireReadsBackEqual(other, expected, input);
    return kind.outcome();
  }

  private static void requireHolds(Model model, Decoded expected, String input) {
    double[] estimates = new double[model.runningEstimateCount()];
    model.getRunningEstimates(estimates);
    assertWithMessage("%s: parameters", input).that(bits(model.parameters())).isEqualTo(bits(expected.parameters()));
    assertWithMessage("%s: running estimates", input).that(bits(estimates)).isEqualTo(bits(expected.estimates()));
  }

  /**
   * Saved again and loaded into a fresh model, the values are the same, and so is the architecture.
   * Checked for every {@link #RESAVED_EVERY}th file read: a save syncs to the device, which would
   * otherwise take most of the run.
   */
  private void requireReadsBackEqual(Model model, Decoded expected, String input) throws IOException {
    if (filesRead++ % RESAVED_EVERY != 0) {
      return;
    }
    Path again = dir.resolve("resaved.unrl");
    ModelFile.save(model, again);
    VectorModel fresh = new VectorModel(expected.architecture(), expected.parameters().length,
        expected.estimates().length);
    ModelFile.load(fresh, again);
    requireHolds(fresh, expected, input + ", saved again");
    assertWithMessage("%s, saved again", input).that(ModelFile.readArchitecture(again))
        .isEqualTo(expected.architecture());
  }

  /** Values no seed file holds: 1000, 1001, … and estimates 2000, 2001, … */
  private static void fillSentinels(Model model) {
    model.setParameters(sentinels(model.parameterCount(), 1000));
    model.setRunningEstimates(sentinels(model.runningEstimateCount(), 2000));
  }

  private static void requireUnchanged(Model model, String input) {
    double[] estimates = new double[model.runningEstimateCount()];
    model.getRunningEstimates(estimates);
    assertWithMessage("%s: the refused load changed a parameter", input)
        .that(model.parameters()).isEqualTo(sentinels(model.parameterCount(), 1000));
    assertWithMessage("%s: the refused load changed a running estimate", input)
        .that(estimates).isEqualTo(sentinels(model.runningEstimateCount(), 2000));
  }

  private static double[] sentinels(int count, double start) {
    double[] values = new double[count];
    Arrays.setAll(values, i -> start + i);
    return values;
  }

  private static long[] bits(double[] values) {
    return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
  }

  /**
   * Format 1 (double and float), format 2, and format 3 with running estimates, with LAYER norm and
   * dropout in float, and after an RBF layer; LogisticModel is the hand-written model, the rest are
   * VectorModels.
   */
  private List<Seed> seeds() throws IOException {
    LogisticModel logistic = new LogisticModel(3);
    logistic.setParameters(new double[] {0.5, -2, 0.25, -0.0});
    Architecture iris = Architecture.of(4, Loss.SOFTMAX_CROSS_ENTROPY, Precision.FLOAT,
        new Layer(5, TANH), new Layer(3, IDENTITY));
    Architecture rbf = Architecture.withRbf(2, 3, Loss.MEAN_SQUARED_ERROR, Precision.DOUBLE, new Layer(1, IDENTITY));
    Architecture batch = Architecture.of(3, Loss.SOFTMAX_CROSS_ENTROPY, Precision.DOUBLE,
        new Layer(4, TANH, Norm.BATCH, 0.25), new Layer(2, IDENTITY));
    Architecture mixed = Architecture.withRbf(2, 3, Loss.SIGMOID_CROSS_ENTROPY, Precision.FLOAT,
        new Layer(3, RELU, Norm.BATCH, 0.5), new Layer(2, TANH, Norm.LAYER, 0.125), new Layer(1, IDENTITY));
    return List.of(seed("format 1 logistic", logistic, new LogisticModel(3)),
        seed("format 1 float", VectorModel.filled(iris), new VectorModel(iris)),
        seed("format 2 RBF", VectorModel.filled(rbf), new VectorModel(rbf)),
        seed("format 3 batch-norm with running estimates", VectorModel.filled(batch), new VectorModel(batch)),
        seed("format 3 float RBF, batch and layer norm, dropout", VectorModel.filled(mixed), new VectorModel(mixed)));
  }

  private Seed seed(String name, Model saved, Model target) throws IOException {
    Path file = dir.resolve("seed.unrl");
    ModelFile.save(saved, file);
    byte[] bytes = Files.readAllBytes(file);
    Decoded decoded = ModelFileReference.decode(bytes);
    assertWithMessage("the reference reads the seed %s", name).that(decoded).isNotNull();
    return new Seed(name, target, decoded, bytes);
  }

  /**
   * The documented refusals, told apart by their messages, each with where it points: a byte count
   * or offset, a named field, parameter or estimate. {@code intactFile}: the file is a valid model
   * file, only not this model's.
   */
  private enum Refusal {
    NOT_A_MODEL_FILE(" is not an Unrolled model file: it starts with 0x(?<start>[0-9A-F]*) where ", false),
    NEWER_FORMAT(" was written by a newer Unrolled: format (?<version>-?\\d+), ", false),
    TRUNCATED_HEADER(" is truncated: expected at least \\d+ bytes, found (?<found>\\d+) \\(it ends inside the "
        + "header, in [^)]+ at byte (?<at>\\d+)\\)", false),
    TRUNCATED(" is truncated: expected (at least )?\\d+ bytes \\(\\d+ bytes of header, [^;]+\\), found (?<found>\\d+);",
        false),
    TRAILING_BYTES(" has \\d+ trailing bytes?: expected \\d+ bytes \\([^;]+\\), found (?<found>\\d+);", false),
    CORRUPTED(" is corrupted: its CRC-32 is 0x(?<stored>[0-9A-F]{8}) but its contents give 0x[0-9A-F]{8};", false),
    INVALID_HEADER(" has an invalid header: (the format version|the input width|the RBF layer|the layer count|"
        + "layer \\d+('s (activation|normalisation|dropout))?|the loss|the precision|the parameter count) .*"
        + "(?<crc>Its CRC-32 (matches|does not match))", false),
    INVALID_ESTIMATE_COUNT(" has an invalid running-estimate count: it is -\\d+ .*(?<crc>Its CRC-32 (matches|does "
        + "not match))", false),
    NON_FINITE_PARAMETER(" holds a non-finite parameter: parameter \\d+ .*is (NaN|-?Infinity); ", false),
    INVALID_RUNNING_ESTIMATE(" holds a (non-finite running estimate|negative running variance): running estimate "
        + "\\d+ ", false),
    OTHER_ARCHITECTURE(" holds a model of architecture (?<file>.+), but the model to load into is (?<model>.+); "
        + "load it into", true),
    OTHER_COUNT(" holds \\d+ (parameters|running estimates), but the model to load into ", true);

    private final Pattern pattern;
    private final boolean intactFile;

    Refusal(String pattern, boolean intactFile) {
      this.pattern = Pattern.compile(pattern, Pattern.DOTALL);
      this.intactFile = intactFile;
    }

    /** "refused: truncated"; an intact file of another model is read into a model of its own kind. */
    String outcome() {
      return (intactFile ? "read as another model: " : "refused: ") + name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The refusal {@code message} reports, after checking that it names {@code file} and points where it should. */
    static Refusal of(String message, Path file, byte[] bytes, String input) {
      assertWithMessage("%s: the message does not start with the file", input).that(message).startsWith(file.toString());
      for (Refusal kind : values()) {
        Matcher m = kind.pattern.matcher(message).region(file.toString().length(), message.length());
        if (m.lookingAt()) {
          kind.requireLocation(m, bytes, message, input);
          return kind;
        }
      }
      throw new AssertionError(input + " was refused with a message of no documented kind: " + message);
    }

    private void requireLocation(Matcher m, byte[] bytes, String message, String input) {
      String context = input + ": " + message;
      if (pattern.pattern().contains("?<found>")) {
        assertWithMessage(context).that(Long.parseLong(m.group("found"))).isEqualTo(bytes.length);
      }
      if (this == TRUNCATED_HEADER) {
        assertWithMessage(context).that(Long.parseLong(m.group("at"))).isLessThan(bytes.length + 1L);
      }
      if (this == NOT_A_MODEL_FILE) {
        assertWithMessage(context).that(m.group("start")).isEqualTo(hex(bytes, Math.min(4, bytes.length)));
      }
      if (this == NEWER_FORMAT) {
        assertWithMessage(context).that(Integer.parseInt(m.group("version"))).isEqualTo(intAt(bytes, 4));
      }
      if (this == CORRUPTED) {
        assertWithMessage(context).that(m.group("stored")).isEqualTo(hex(Arrays.copyOfRange(bytes,
            bytes.length - 4, bytes.length), 4));
      }
      if (this == OTHER_ARCHITECTURE) {
        assertWithMessage("%s: the architectures read the same", context).that(m.group("file"))
            .isNotEqualTo(m.group("model"));
      }
      if (this == INVALID_HEADER || this == INVALID_ESTIMATE_COUNT) {
        assertWithMessage(context).that(m.group("crc").endsWith("matches")).isEqualTo(sealed(bytes));
      }
    }

    private static boolean sealed(byte[] bytes) {
      if (bytes.length < 4) {
        return false;
      }
      CRC32 crc = new CRC32();
      crc.update(bytes, 0, bytes.length - 4);
      return intAt(bytes, bytes.length - 4) == (int) crc.getValue();
    }

    private static int intAt(byte[] bytes, int offset) {
      return ByteBuffer.wrap(bytes).getInt(offset);
    }

    private static String hex(byte[] bytes, int n) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < n; i++) {
        text.append(String.format("%02X", bytes[i]));
      }
      return text.toString();
    }
  }
}
