package dev.unrolled.spark;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.files.ModelFile;
import dev.unrolled.fullbatch.Lbfgs;
import dev.unrolled.train.EpochStats;
import dev.unrolled.train.OptimizerState;
import dev.unrolled.train.TrainingCheckpointException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The Spark checkpoint format without Spark: what is written reads back as written, and damaged
 * files — flipped bits, set bytes, truncations, extensions, half of them behind a recomputed CRC-32
 * — are read as written or refused with a {@link TrainingCheckpointException}, never another
 * exception and never a large allocation.
 */
class SparkCheckpointFormatTest {
  private static SparkCheckpoint.Contents steps() throws Exception {
    Nets_FloatClassifierModel model = new Nets_FloatClassifierModel(1);
    int n = model.parameterCount();
    double[] m = new double[n];
    double[] v = new double[n];
    Arrays.setAll(m, i -> i * 0.25);
    Arrays.setAll(v, i -> 1.0 / (i + 1));
    OptimizerState adam = new OptimizerState("Adam(lr=0.03)", 7, List.of("m", "v"), new double[][] {m, v});
    SparkCheckpoint.Steps progress = new SparkCheckpoint.Steps(adam, 9, 0.25, 7, 4, 2, 0.001, true,
        new DataIdentity(new long[] {60, 60}, 0xABCDEFL),
        List.of(new EpochStats(1, 1.0, Double.NaN, 1.1, Double.NaN, 101, 0.5, 202),
            new EpochStats(2, 0.9, Double.NaN, 1.2, Double.NaN, 99, 0.5, 198)),
        false, 1, 25.5, 97, 12345, 1.1, 1, 1.1, 1, model.parameters());
    return new SparkCheckpoint.Contents(ModelFile.toBytes(model), new DataIdentity(new long[] {200, 200}, 42L),
        progress, null);
  }

  private static SparkCheckpoint.Contents lbfgs() throws Exception {
    Nets_ClassifierModel model = new Nets_ClassifierModel(1);
    int n = model.parameterCount();
    double[] x = model.parameters();
    double[] g = new double[n];
    Arrays.setAll(g, i -> Math.sin(i));
    double[][] s = new double[2][n];
    double[][] y = new double[2][n];
    for (int k = 0; k < 2; k++) {
      for (int i = 0; i < n; i++) {
        s[k][i] = 0.01 * (i + k + 1);
        y[k][i] = 0.02 * (i + 1);
      }
    }
    Lbfgs.State state = new Lbfgs.State(3, 5, x, 0.7, g, 0.8, s, y);
    return new SparkCheckpoint.Contents(ModelFile.toBytes(model), new DataIdentity(new long[] {134, 133, 133}, -5L),
        null, new SparkCheckpoint.LbfgsRun(4, 1e-6, 12, state));
  }

  private static byte[] bytes(SparkCheckpoint.Contents c) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SparkCheckpoint.write(out, c);
    return out.toByteArray();
  }

  @Test
  void whatIsWrittenReadsBackAsWritten() throws Exception {
    SparkCheckpoint.Contents written = steps();
    SparkCheckpoint.Contents read = SparkCheckpoint.read(bytes(written), "s.ckpt");
    assertThat(read.model()).isEqualTo(written.model());
    assertThat(read.data()).isEqualTo(written.data());
    assertThat(read.lbfgs()).isNull();
    SparkCheckpoint.Steps a = written.steps();
    SparkCheckpoint.Steps b = read.steps();
    assertThat(b.optimizer().buffers()).isEqualTo(a.optimizer().buffers());
    assertThat(b.optimizer().optimizer()).isEqualTo(a.optimizer().optimizer());
    assertThat(b.optimizer().steps()).isEqualTo(7);
    assertThat(b.epochs()).isEqualTo(a.epochs());
    assertThat(b.bestParameters()).isEqualTo(a.bestParameters());
    assertThat(b.validation()).isEqualTo(a.validation());
    assertThat(List.of(b.trainerSteps(), b.fraction(), b.seed(), b.stepsPerEpoch(), b.patience(), b.minDelta(),
        b.restoreBest(), b.stopped(), b.nextStep(), b.lossSum(), b.samples(), b.elapsedNanos(), b.bestLoss(),
        b.bestEpoch(), b.baseline(), b.withoutImprovement()))
        .containsExactly(9L, 0.25, 7L, 4, 2, 0.001, true, false, 1, 25.5, 97L, 12345L, 1.1, 1, 1.1, 1).inOrder();

    SparkCheckpoint.Contents l = lbfgs();
    SparkCheckpoint.LbfgsRun r = SparkCheckpoint.read(bytes(l), "l.ckpt").lbfgs();
    Lbfgs.State st = r.state();
    assertThat(List.of(r.memory(), r.tolerance(), r.maxIterations(), st.iterations(), st.evaluations(), st.value(),
        st.previousValue())).containsExactly(4, 1e-6, 12, 3, 5, 0.7, 0.8).inOrder();
    assertThat(st.x()).isEqualTo(l.lbfgs().state().x());
    assertThat(st.gradient()).isEqualTo(l.lbfgs().state().gradient());
    assertThat(st.s()).isEqualTo(l.lbfgs().state().s());
    assertThat(st.y()).isEqualTo(l.lbfgs().state().y());
  }

  @Test
  void everyDamagedFileIsReadAsWrittenOrRefusedByName() throws Exception {
    Random random = new Random(0x5EED);
    int refused = 0;
    int read = 0;
    for (byte[] good : List.of(bytes(steps()), bytes(lbfgs()))) {
      for (int trial = 0; trial < 3000; trial++) {
        byte[] bad = damage(good, random);
        if (random.nextBoolean()) {
          recomputeCrcIfPossible(bad);
        }
        try {
          SparkCheckpoint.read(bad, "damaged.ckpt");
          read++;
        } catch (TrainingCheckpointException e) {
          assertWithMessage("trial %s", trial).that(e).hasMessageThat().contains("damaged.ckpt");
          refused++;
        }
      }
    }
    assertThat(refused).isGreaterThan(4000);
    assertThat(read).isGreaterThan(0); // a flipped bit in a value that may be any value
  }

  @Test
  void eachTruncationIsRefused() throws Exception {
    byte[] good = bytes(lbfgs());
    for (int length = 0; length < good.length; length++) {
      byte[] cut = Arrays.copyOf(good, length);
      recomputeCrcIfPossible(cut);
      int at = length;
      assertThrows(TrainingCheckpointException.class, () -> SparkCheckpoint.read(cut, "cut.ckpt"), "length " + at);
    }
  }

  @Test
  void otherFilesAreNamedForWhatTheyAre() throws Exception {
    byte[] model = ModelFile.toBytes(new Nets_ClassifierModel(1));
    assertThat(assertThrows(TrainingCheckpointException.class, () -> SparkCheckpoint.read(model, "m.unrl")))
        .hasMessageThat().contains("m.unrl is a model file, not a training checkpoint");
    byte[] oneMachine = ByteBuffer.allocate(64).putInt(0x554E5254).array();
    assertThat(assertThrows(TrainingCheckpointException.class, () -> SparkCheckpoint.read(oneMachine, "o.ckpt")))
        .hasMessageThat().contains("is a one-machine training checkpoint");
    byte[] newer = bytes(steps());
    ByteBuffer.wrap(newer).putInt(4, 2);
    recomputeCrc(newer);
    assertThat(assertThrows(TrainingCheckpointException.class, () -> SparkCheckpoint.read(newer, "n.ckpt")))
        .hasMessageThat().contains("was written by a newer Unrolled: format 2");
    byte[] hostile = bytes(lbfgs());
    int modelLength = ByteBuffer.wrap(hostile).getInt(9);
    ByteBuffer.wrap(hostile).putInt(9 + 4 + modelLength, Integer.MAX_VALUE); // the partition count
    recomputeCrc(hostile);
    assertThat(assertThrows(TrainingCheckpointException.class, () -> SparkCheckpoint.read(hostile, "h.ckpt")))
        .hasMessageThat().contains("declares 2147483647, but only");
  }

  private static byte[] damage(byte[] good, Random random) {
    byte[] bad = good.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        int at = random.nextInt(bad.length);
        bad[at] ^= (byte) (1 << random.nextInt(8));
      }
      case 1 -> bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
      case 2 -> bad = Arrays.copyOf(bad, random.nextInt(bad.length));
      default -> bad = Arrays.copyOf(bad, bad.length + 1 + random.nextInt(16));
    }
    return bad;
  }

  private static void recomputeCrc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
  }

  private static void recomputeCrcIfPossible(byte[] bytes) {
    if (bytes.length >= 4) {
      recomputeCrc(bytes);
    }
  }
}
