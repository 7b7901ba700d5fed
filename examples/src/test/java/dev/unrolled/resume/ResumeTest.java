package dev.unrolled.resume;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import dev.unrolled.resume.ResumeRuns.Data;
import dev.unrolled.resume.ResumeRuns.Fitting;
import dev.unrolled.resume.ResumeRuns.Outcome;
import dev.unrolled.testing.SharedDataRule;
import dev.unrolled.train.EpochStats;
import dev.unrolled.train.TrainingCheckpointException;
import dev.unrolled.train.TrainingListener;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fit stopped at any batch and resumed from its training checkpoint ends on the bits of the fit
 * that never stopped; a checkpoint of another fit, or a damaged one, is refused before anything
 * changes. The same with a real crash, in a child JVM: {@link KilledFitTest}.
 */
class ResumeTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ResumeRuns.class)
  void aFitStoppedAtAnyBatchAndResumedEndsOnTheUninterruptedBits(ResumeRuns run) throws Exception {
    Data data = data(run);
    Outcome uninterrupted = run.fit(data, o -> o);
    int batchesPerEpoch;
    try (Fitting fitting = run.start(data)) {
      batchesPerEpoch = (data.train().size() + fitting.options().batchSize() - 1) / fitting.options().batchSize();
    }

    for (int stopAfter : new int[] {1, 6, 29, batchesPerEpoch, batchesPerEpoch + 3}) {
      Path file = dir.resolve(run + "-" + stopAfter + ".ckpt");
      assertThrows(Stop.class, () -> run.fit(data, o -> o.checkpointTraining(file, 4).listener(new StopAfter(stopAfter))));

      Outcome resumed = run.fit(data, o -> o.resumable(file, 4));

      assertWithMessage("stopped after batch %s", stopAfter).that(resumed.sameBits(uninterrupted)).isTrue();
    }
  }

  @Test
  void checkpointingDoesNotChangeTheFit() throws Exception {
    Data data = data(ResumeRuns.PARALLEL_NORMALISED);
    Outcome plain = ResumeRuns.PARALLEL_NORMALISED.fit(data, o -> o);

    Outcome checkpointed = ResumeRuns.PARALLEL_NORMALISED.fit(data, o -> o.checkpointTraining(dir.resolve("c"), 1));

    assertThat(checkpointed.sameBits(plain)).isTrue();
  }

  @Test
  void aResumedFitReturnsTheHistoryOfEveryEpoch() throws Exception {
    ResumeRuns run = ResumeRuns.SMALL_MOMENTUM;
    Data data = data(run);
    Path file = dir.resolve("history.ckpt");
    History whole;
    try (Fitting fitting = run.start(data)) {
      whole = fitting.trainer().fit(data.train(), fitting.options());
    }
    assertThrows(Stop.class, () -> run.fit(data, o -> o.checkpointTraining(file, 5).listener(new StopAfter(100))));

    History resumed;
    try (Fitting fitting = run.start(data)) {
      resumed = fitting.trainer().fit(data.train(), fitting.options().resumeFrom(file));
    }

    assertThat(resumed.epochs().size()).isEqualTo(whole.epochs().size());
    assertThat(resumed.bestEpoch()).isEqualTo(whole.bestEpoch());
    assertThat(resumed.stoppedEarly()).isEqualTo(whole.stoppedEarly());
    for (int e = 0; e < whole.epochs().size(); e++) {
      EpochStats a = whole.epochs().get(e);
      EpochStats b = resumed.epochs().get(e);
      assertThat(b.trainLoss()).isEqualTo(a.trainLoss());
      assertThat(b.trainAccuracy()).isEqualTo(a.trainAccuracy());
      assertThat(b.validationLoss()).isEqualTo(a.validationLoss());
    }
  }

  @Test
  void aFinishedFitResumesToItsEndWithoutTraining() throws Exception {
    ResumeRuns run = ResumeRuns.SMALL_MOMENTUM;
    Data data = data(run);
    Path file = dir.resolve("finished.ckpt");
    Outcome finished = run.fit(data, o -> o.checkpointTraining(file, 1000));
    CountingListener counter = new CountingListener();

    Outcome again = run.fit(data, o -> o.resumeFrom(file).listener(counter));

    assertThat(again.sameBits(finished)).isTrue();
    assertThat(counter.batches).isEqualTo(0);
  }

  @Test
  void moreEpochsContinueAFinishedFitAsIfItHadAskedForThemFromTheStart() throws Exception {
    ResumeRuns run = ResumeRuns.PARALLEL_NORMALISED;
    Data data = data(run);
    Path file = dir.resolve("longer.ckpt");
    Outcome longer = run.fit(data, o -> epochs(o, 9));
    run.fit(data, o -> o.checkpointTraining(file, 7));

    Outcome continued = run.fit(data, o -> epochs(o, 9).resumeFrom(file));

    assertThat(continued.sameBits(longer)).isTrue();
  }

  @Test
  void moreEpochsAfterAFitThatRanOutOfPatienceOnItsLastEpochStopThere() throws Exception {
    ResumeRuns run = ResumeRuns.SMALL_MOMENTUM;
    Data data = data(run);
    Outcome whole = run.fit(data, o -> o);
    assertThat(whole.stoppedEarly()).isTrue(); // within its 12 epochs
    int stoppedAt = whole.trainLosses().length;
    Path file = dir.resolve("patience.ckpt");
    run.fit(data, o -> epochs(o, stoppedAt).checkpointTraining(file, 1000));

    Outcome continued = run.fit(data, o -> o.resumeFrom(file));

    assertThat(continued.sameBits(whole)).isTrue();
  }

  @Test
  void resumableStartsAfreshWhenThereIsNoCheckpointYet() throws Exception {
    ResumeRuns run = ResumeRuns.SMALL_MOMENTUM;
    Data data = data(run);
    Path file = dir.resolve("new.ckpt");

    Outcome fresh = run.fit(data, o -> o.resumable(file, 10));

    assertThat(fresh.sameBits(run.fit(data, o -> o))).isTrue();
    assertThat(Files.exists(file)).isTrue();
  }

  @Test
  void aMissingCheckpointIsAnError() throws Exception {
    Path file = dir.resolve("missing.ckpt");

    String message = refusal(ResumeRuns.SMALL_MOMENTUM, o -> o.resumeFrom(file));

    assertThat(message).contains("there is no training checkpoint at " + file);
  }

  @Test
  void otherDataAnotherBatchSizeOrSeedAreRefusedBeforeAnythingChanges() throws Exception {
    ResumeRuns run = ResumeRuns.SMALL_MOMENTUM;
    Path file = checkpointOf(run);
    Data data = data(run);

    Dataset shuffled = data.train().shuffled(3);
    assertThat(refusal(run, new Data(shuffled, data.validation()), o -> o.resumeFrom(file)))
        .contains("training data fingerprint");
    assertThat(refusal(run, o -> o.batchSize(32).resumeFrom(file)))
        .contains("was written by a fit with batch size 16, and this fit has 32");
    assertThat(refusal(run, o -> o.shuffleSeed(12).resumeFrom(file)))
        .contains("shuffle seed 11, and this fit has 12");
    assertThat(refusal(run, o -> o.validation(data.train()).resumeFrom(file)))
        .contains("validation rows (-1: none) 150, and this fit has 600");
    assertThat(refusal(run, o -> epochs(o, 2).resumeFrom(file)))
        .contains("is partway through epoch 3, but this fit asks for 2; ask for at least 3");
  }

  @Test
  void anotherOptimizerOrParallelismIsRefusedBeforeAnythingChanges() throws Exception {
    ResumeRuns run = ResumeRuns.SMALL_MOMENTUM;
    Path file = checkpointOf(run);
    Data data = data(run);
    ResumeNetworks_SmallModel model = new ResumeNetworks_SmallModel(7);
    double[] before = model.parameters();

    ResumeNetworks_SmallTrainer adam = new ResumeNetworks_SmallTrainer(model, Optimizer.adam(0.01));
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> adam.fit(data.train(), run.start(data).options().resumeFrom(file)));
    assertThat(e).hasCauseThat().isInstanceOf(TrainingCheckpointException.class);
    assertThat(e).hasMessageThat().contains("the optimizer state was made by Momentum(lr=0.05, mu=0.9)");
    assertThat(e).hasMessageThat().contains("but this trainer's optimizer is Adam(lr=0.01");

    try (ResumeNetworks_SmallTrainer sharded = new ResumeNetworks_SmallTrainer(model,
        Optimizer.momentum(0.05, 0.9), Parallelism.shards(2).threads(1))) {
      UncheckedIOException shards = assertThrows(UncheckedIOException.class,
          () -> sharded.fit(data.train(), run.start(data).options().resumeFrom(file)));
      assertThat(shards).hasMessageThat().contains("comes from a trainer of 1 shard(s), but this one cuts batches into 2");
    }
    assertThat(model.parameters()).isEqualTo(before);
    assertThat(adam.trainerState().steps()).isEqualTo(0);
    assertThat(adam.trainerState().optimizer().steps()).isEqualTo(0);
  }

  @Test
  void anotherArchitectureIsRefusedBeforeAnythingChanges() throws Exception {
    ResumeRuns run = ResumeRuns.SMALL_MOMENTUM;
    Path file = checkpointOf(run);
    Data data = data(run);
    ResumeNetworks_NarrowModel narrow = new ResumeNetworks_NarrowModel(1);
    double[] before = narrow.parameters();
    ResumeNetworks_NarrowTrainer trainer = new ResumeNetworks_NarrowTrainer(narrow, Optimizer.momentum(0.05, 0.9));

    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> trainer.fit(data.train(), run.start(data).options().resumeFrom(file)));

    assertThat(e).hasMessageThat().contains(file + "'s model holds a model of architecture");
    assertThat(narrow.parameters()).isEqualTo(before);
    assertThat(trainer.trainerState().steps()).isEqualTo(0);
  }

  @Test
  void aModelFileOrADamagedCheckpointIsRefusedNamingTheProblem() throws Exception {
    ResumeRuns run = ResumeRuns.SMALL_MOMENTUM;
    Path file = checkpointOf(run);
    Path modelFile = dir.resolve("model.unrl");
    new ResumeNetworks_SmallModel(7).save(modelFile);
    assertThat(refusal(run, o -> o.resumeFrom(modelFile)))
        .contains("is a model file, not a training checkpoint: load it with Model.load");

    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Path flipped = dir.resolve("flipped.ckpt");
    Files.write(flipped, bytes);
    assertThat(refusal(run, o -> o.resumeFrom(flipped))).contains("is corrupted: its CRC-32 is");

    Path truncated = dir.resolve("truncated.ckpt");
    Files.write(truncated, Arrays.copyOf(Files.readAllBytes(file), 100));
    assertThat(refusal(run, o -> o.resumeFrom(truncated))).contains("truncated.ckpt is corrupted");
  }

  @Test
  void aThousandDamagedCheckpointsAreResumedFromOrRefusedWithTheModelAndTrainerUnchanged() throws Exception {
    ResumeRuns run = ResumeRuns.PARALLEL_NORMALISED;
    Data data = data(run);
    Path good = dir.resolve("good.ckpt");
    assertThrows(Stop.class, () -> run.fit(data, o -> o.checkpointTraining(good, 7).listener(new StopAfter(50))));
    byte[] bytes = Files.readAllBytes(good);
    java.util.Random random = new java.util.Random(0xBADC0DEL);
    int refused = 0;
    try (Fitting fitting = run.start(data)) {
      ResumeNetworks_NormalisedTrainer trainer = (ResumeNetworks_NormalisedTrainer) fitting.trainer();
      for (int n = 0; n < 1000; n++) {
        byte[] damaged = bytes.clone();
        int at = random.nextInt(damaged.length);
        damaged[at] ^= (byte) (1 << random.nextInt(8));
        if (random.nextBoolean()) { // behind a valid checksum, so the damage reaches the fields
          java.util.zip.CRC32 crc = new java.util.zip.CRC32();
          crc.update(damaged, 0, damaged.length - 4);
          java.nio.ByteBuffer.wrap(damaged).putInt(damaged.length - 4, (int) crc.getValue());
        }
        Path file = dir.resolve("damaged.ckpt");
        Files.write(file, damaged);
        double[] parameters = fitting.model().parameters();
        double[] estimates = new double[fitting.model().runningEstimateCount()];
        fitting.model().getRunningEstimates(estimates);
        dev.unrolled.train.TrainerState state = trainer.trainerState();
        FitOptions once = epochs(fitting.options(), 6).resumeFrom(file);
        try {
          trainer.fit(data.train(), once.listener(new StopAfter(1)));
        } catch (Stop resumed) {
          continue; // read as it was written (the damage hit a value the format allows), and stepping again
        } catch (UncheckedIOException e) {
          assertWithMessage("damaged byte %s", at).that(e).hasCauseThat().isInstanceOf(TrainingCheckpointException.class);
          refused++;
        }
        double[] after = new double[estimates.length];
        fitting.model().getRunningEstimates(after);
        assertWithMessage("damaged byte %s: parameters", at).that(fitting.model().parameters()).isEqualTo(parameters);
        assertWithMessage("damaged byte %s: running estimates", at).that(after).isEqualTo(estimates);
        assertWithMessage("damaged byte %s: trainer steps", at).that(trainer.trainerState().steps()).isEqualTo(state.steps());
        assertWithMessage("damaged byte %s: optimizer buffers", at)
            .that(trainer.trainerState().optimizer().buffers()).isEqualTo(state.optimizer().buffers());
      }
    }
    // Every flip behind the old checksum is refused; behind a fixed one, a flipped value may still be valid.
    assertThat(refused).isAtLeast(500);
  }

  /** A checkpoint of {@code run} after 100 batches: two epochs finished, the third under way. */
  private Path checkpointOf(ResumeRuns run) throws Exception {
    Path file = dir.resolve(run + ".ckpt");
    assertThrows(Stop.class, () -> run.fit(data(run), o -> o.checkpointTraining(file, 5).listener(new StopAfter(100))));
    return file;
  }

  /** The message of the refused resume, after checking that the model is unchanged. */
  private static String refusal(ResumeRuns run, UnaryOperator<FitOptions> options) throws Exception {
    return refusal(run, data(run), options);
  }

  private static String refusal(ResumeRuns run, Data data, UnaryOperator<FitOptions> options) throws Exception {
    try (Fitting fitting = run.start(data)) {
      double[] before = fitting.model().parameters();
      UncheckedIOException e = assertThrows(UncheckedIOException.class,
          () -> fitting.trainer().fit(data.train(), options.apply(fitting.options())));
      assertThat(e).hasCauseThat().isInstanceOf(TrainingCheckpointException.class);
      assertThat(fitting.model().parameters()).isEqualTo(before);
      return e.getMessage();
    }
  }

  private static FitOptions epochs(FitOptions o, int epochs) {
    FitOptions more = FitOptions.epochs(epochs).batchSize(o.batchSize()).shuffleSeed(o.shuffleSeed());
    more = o.validation().map(more::validation).orElse(more);
    return o.earlyStopping() ? more.earlyStopping(o.patience()).minDelta(o.minDelta()) : more;
  }

  private static Data data(ResumeRuns run) {
    if (run.needsMnist()) {
      SharedDataRule.require(Files.isDirectory(ResumeRuns.MNIST), "mnist/");
    }
    return run.data();
  }

  /** Thrown by {@link StopAfter}: the fit ends there, as if the process had died. */
  static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop(int batch) {
      super("stopped after batch " + batch);
    }
  }

  /** Ends the fit after its {@code n}-th batch (counted over epochs). */
  private static final class StopAfter implements TrainingListener {
    private final int n;
    private int seen;

    StopAfter(int n) {
      this.n = n;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, double loss) {
      if (++seen == n) {
        throw new Stop(n);
      }
    }
  }

  private static final class CountingListener implements TrainingListener {
    int batches;

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, double loss) {
      this.batches++;
    }
  }
}
