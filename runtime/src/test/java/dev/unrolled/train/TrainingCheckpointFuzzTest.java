package dev.unrolled.train;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.unrolled.Activation.IDENTITY;
import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.TANH;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.unrolled.Architecture;
import dev.unrolled.Architecture.Layer;
import dev.unrolled.Loss;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import dev.unrolled.files.ModelFile;
import dev.unrolled.testing.HostileInput;
import dev.unrolled.testing.Mutator;
import dev.unrolled.testing.Outcomes;
import dev.unrolled.testing.VectorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand damaged training checkpoints: bit flips, set bytes, truncations, extensions, swapped
 * sections, hostile counts, NaN and infinite values, a wrong magic number, a newer version — half of
 * them behind a recomputed CRC-32, so that the damage reaches the fields. Each is either read, and
 * then holds exactly what writing it again and reading that gives, or refused with a
 * {@link TrainingCheckpointException} whose message starts with the file and names the problem;
 * never another exception, a hang, or an allocation its length does not allow.
 */
class TrainingCheckpointFuzzTest {
  private static final long SEED = 0xC0FFEE5L;
  private static final int INPUTS = 10_000;
  private static final Duration HANG = Duration.ofMinutes(2);
  private static final String NAME = "fuzzed.ckpt";
  private static final String ACCEPTED = "accepted";

  /** The documented refusals, told apart by their messages. */
  private static final List<String[]> REFUSALS = List.of(
      new String[] {"is corrupted: its CRC-32", "corrupted (CRC-32)"},
      new String[] {"is truncated", "truncated"},
      new String[] {"has an invalid", "an invalid field"},
      new String[] {"is not an Unrolled training checkpoint", "not a checkpoint (magic number)"},
      new String[] {"was written by a newer Unrolled", "a newer format"},
      new String[] {"'s model", "its model file refused"});

  @TempDir Path dir;

  @Test
  void everyDamagedCheckpointIsReadAsItSaysOrRefusedNamingTheProblem(TestReporter reporter) throws Exception {
    List<byte[]> seeds = List.of(checkpoint(floatNetwork(), true, 3), checkpoint(normalisedNetwork(), false, 0));
    Mutator mutator = new Mutator(SEED);
    Outcomes outcomes = new Outcomes();
    String[] current = {"nothing yet"};

    assertTimeoutPreemptively(HANG, () -> {
      for (int n = 0; n < INPUTS; n++) {
        byte[] bytes = mutate(mutator, seeds.get(n % seeds.size()));
        current[0] = "input " + n + " (" + mutator.last() + ")";
        outcomes.count(judge(bytes, current[0]));
      }
    }, () -> "no verdict within " + HANG + ", stuck on " + current[0]);

    outcomes.publish(reporter, "training checkpoints");
    outcomes.requireReached(INPUTS, List.of(ACCEPTED, "corrupted (CRC-32)", "truncated", "an invalid field",
        "not a checkpoint (magic number)", "a newer format", "its model file refused"));
  }

  @Test
  void aCheckpointReadsBackAsWritten() throws Exception {
    byte[] bytes = checkpoint(floatNetwork(), true, 3);

    TrainingCheckpoint.Contents contents = TrainingCheckpoint.read(bytes, NAME);

    assertThat(Arrays.equals(rewrite(contents), bytes)).isTrue();
    assertThat(contents.progress().nextBatch()).isEqualTo(3);
    assertThat(contents.trainer().optimizer().bufferNames()).containsExactly("m", "v").inOrder();
  }

  @Test
  void aMissingFileOrAModelFileIsNamed() throws Exception {
    Path missing = dir.resolve("missing.ckpt");
    TrainingCheckpointException none = org.junit.jupiter.api.Assertions.assertThrows(
        TrainingCheckpointException.class, () -> TrainingCheckpoint.read(missing));
    assertThat(none).hasMessageThat().isEqualTo("there is no training checkpoint at " + missing
        + "; resume from a file that FitOptions.checkpointTraining wrote");

    Path model = dir.resolve("model.unrl");
    ModelFile.save(VectorModel.filled(floatNetwork()), model);
    TrainingCheckpointException modelFile = org.junit.jupiter.api.Assertions.assertThrows(
        TrainingCheckpointException.class, () -> TrainingCheckpoint.read(model));
    assertThat(modelFile).hasMessageThat().contains("is a model file, not a training checkpoint");
  }

  private String judge(byte[] bytes, String input) throws IOException {
    TrainingCheckpoint.Contents[] read = new TrainingCheckpoint.Contents[1];
    TrainingCheckpointException refusal = HostileInput.readOrRefusal(TrainingCheckpointException.class, input,
        bytes.length, 64, () -> read[0] = TrainingCheckpoint.read(bytes, NAME));
    if (refusal == null) {
      byte[] again = rewrite(read[0]);
      TrainingCheckpoint.Contents reread = TrainingCheckpoint.read(again, NAME);
      assertWithMessage("%s: read, written again and read back, the same bytes", input)
          .that(Arrays.equals(rewrite(reread), again)).isTrue();
      return ACCEPTED;
    }
    String message = refusal.getMessage();
    assertWithMessage("%s: the refusal names the file", input).that(message).startsWith(NAME);
    for (String[] kind : REFUSALS) {
      if (message.contains(kind[0])) {
        return kind[1];
      }
    }
    throw new AssertionError(input + " was refused with an undocumented message: " + message);
  }

  /** One damage, behind a recomputed CRC-32 half the time. */
  private static byte[] mutate(Mutator m, byte[] seed) {
    byte[] bytes = switch (m.below(9)) {
      case 0 -> m.flipBits(seed);
      case 1 -> m.setByte(seed);
      case 2 -> m.truncate(seed);
      case 3 -> m.extend(seed);
      case 4 -> m.swapSections(seed);
      case 5 -> {
        int at = m.below(seed.length - 4);
        yield m.note(Mutator.putInt(seed, at, m.hostileInt(ByteBuffer.wrap(seed).getInt(at))), "int at " + at);
      }
      case 6 -> {
        int at = m.below(seed.length / 4 - 2) * 4;
        double value = m.pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        byte[] out = seed.clone();
        if (m.chance(50)) {
          ByteBuffer.wrap(out).putFloat(at, (float) value);
        } else {
          ByteBuffer.wrap(out).putDouble(at, value);
        }
        yield m.note(out, value + " at " + at);
      }
      case 7 -> m.note(Mutator.putInt(seed, 0, m.hostileInt(TrainingCheckpoint.MAGIC)), "magic number");
      default -> m.note(Mutator.putInt(seed, 4, 2 + m.below(5)), "version");
    };
    if (bytes.length >= 4 && m.chance(50)) {
      CRC32 crc = new CRC32();
      crc.update(bytes, 0, bytes.length - 4);
      ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    }
    return bytes;
  }

  private static byte[] rewrite(TrainingCheckpoint.Contents c) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean single = ModelFile.readArchitecture(c.model(), "model").precision() == Precision.FLOAT;
    TrainingCheckpoint.write(out, c.model(), c.trainer(), c.progress(), single);
    return out.toByteArray();
  }

  /** A checkpoint of a model of {@code architecture}, with Adam's state, 20 rows, 2 epochs done. */
  private static byte[] checkpoint(Architecture architecture, boolean best, int nextBatch) throws IOException {
    VectorModel model = VectorModel.filled(architecture);
    int p = model.parameterCount();
    double[] m = new double[p];
    double[] v = new double[p];
    for (int i = 0; i < p; i++) {
      m[i] = 0.125 * (i % 7 - 3);
      v[i] = 0.0625 * (i % 5);
    }
    TrainerState trainer = new TrainerState(new OptimizerState("Adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8)",
        14, List.of("m", "v"), new double[][] {m, v}), 14, 7, 1);
    int[] order = {3, 17, 0, 9, 12, 5, 19, 1, 8, 14, 2, 11, 6, 16, 4, 10, 18, 7, 13, 15};
    List<EpochStats> epochs = List.of(new EpochStats(1, 0.9, 0.5, 0.95, 0.45, 20, 0.01, 2000),
        new EpochStats(2, 0.7, 0.6, 0.8, 0.55, 20, 0.01, 2000));
    FitProgress progress = new FitProgress(4, 11, best ? 3 : 0, 0.0, best, 5, 20, 0x1234_5678_9ABCL, best ? 8 : -1,
        best ? 42 : 0, epochs, false, nextBatch, 1.5, 2, 1_000_000, order, 0.8, 2, 0.8, 0,
        best ? Arrays.copyOf(model.parameters(), p) : null, 0.8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TrainingCheckpoint.write(out, ModelFile.toBytes(model), trainer, progress,
        architecture.precision() == Precision.FLOAT);
    return out.toByteArray();
  }

  private static Architecture floatNetwork() {
    return Architecture.of(4, Loss.SOFTMAX_CROSS_ENTROPY, Precision.FLOAT, new Layer(5, TANH), new Layer(3, IDENTITY));
  }

  private static Architecture normalisedNetwork() {
    return Architecture.of(3, Loss.SOFTMAX_CROSS_ENTROPY, Precision.DOUBLE,
        new Layer(4, RELU, Norm.BATCH, 0.25), new Layer(2, IDENTITY));
  }

}
