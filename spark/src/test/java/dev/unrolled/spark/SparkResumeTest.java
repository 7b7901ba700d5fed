package dev.unrolled.spark;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.History;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.fullbatch.Lbfgs;
import dev.unrolled.train.EpochStats;
import dev.unrolled.train.TrainingCheckpointException;
import dev.unrolled.train.TrainingListener;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark fits stopped at many points (a listener throwing, as a driver dying would stop them) and
 * resumed from their last training checkpoint: the same bits as the fit that was never interrupted,
 * for epochs of mini-batch steps (with validation and early stopping) and for L-BFGS; and every
 * checkpoint of another fit refused before anything changes.
 */
class SparkResumeTest {
  private static final Dataset BLOBS = LocalSpark.blobs(400, 11);
  private static final Dataset HELD = LocalSpark.blobs(120, 12);
  private static TrainingData data;
  private static TrainingData validation;

  @TempDir
  Path dir;

  @BeforeAll
  static void distribute() {
    data = TrainingData.of(LocalSpark.context(), BLOBS, 2);
    validation = TrainingData.of(LocalSpark.context(), HELD, 2);
  }

  @AfterAll
  static void release() {
    data.close();
    validation.close();
  }

  /** Thrown by {@link StopAfter}: the fit ends as if its driver had died there. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop(String where) {
      super(where);
    }
  }

  /** Ends the fit after its {@code steps}-th step, or at the end of epoch {@code -steps}. */
  private record StopAfter(int steps) implements TrainingListener {
    @Override
    public void onBatchEnd(int epoch, int batch, int batchesPerEpoch, double loss) {
      if ((epoch - 1) * batchesPerEpoch + batch == steps) {
        throw new Stop("after step " + steps);
      }
    }

    @Override
    public void onEpochEnd(EpochStats stats, History soFar) {
      if (stats.epoch() == -steps) {
        throw new Stop("at the end of epoch " + -steps);
      }
    }
  }

  /** Records the first step a fit takes (counted over the whole fit, from 1). */
  private static final class FirstStep implements TrainingListener {
    int first;

    @Override
    public void onBatchEnd(int epoch, int batch, int batchesPerEpoch, double loss) {
      if (first == 0) {
        first = (epoch - 1) * batchesPerEpoch + batch;
      }
    }
  }

  /**
   * The last step saved before a fit of {@code perEpoch} steps per epoch, saving every {@code every}
   * steps and at every epoch's end, was stopped by {@code StopAfter(stop)} (0: none).
   */
  private static int lastSave(int stop, int every, int perEpoch) {
    int last = 0;
    int through = stop > 0 ? stop - 1 : -stop * perEpoch; // a listener stops a step before its save
    for (int step = 1; step <= through; step++) {
      if (step % every == 0 || step % perEpoch == 0) {
        last = step;
      }
    }
    return last;
  }

  /** A fit and what it ended on. */
  private record Outcome(double[] parameters, History history, long steps) {
    void assertSameAs(Outcome other, String what) {
      assertWithMessage("%s: parameters", what).that(parameters).isEqualTo(other.parameters);
      assertWithMessage("%s: steps", what).that(steps).isEqualTo(other.steps);
      assertWithMessage("%s: epochs", what).that(history.epochs().size()).isEqualTo(other.history.epochs().size());
      assertWithMessage("%s: stopped early", what).that(history.stoppedEarly()).isEqualTo(other.history.stoppedEarly());
      for (int e = 0; e < history.epochs().size(); e++) {
        EpochStats a = history.epochs().get(e);
        EpochStats b = other.history.epochs().get(e);
        assertWithMessage("%s: epoch %s loss", what, e + 1).that(a.trainLoss()).isEqualTo(b.trainLoss());
        assertWithMessage("%s: epoch %s validation loss", what, e + 1).that(a.validationLoss())
            .isEqualTo(b.validationLoss());
        assertWithMessage("%s: epoch %s rows", what, e + 1).that(a.samples()).isEqualTo(b.samples());
      }
    }
  }

  /** Adam on the FLOAT network, 4 epochs of 4 steps of a quarter of the rows. */
  private static Outcome floatAdam(Function<SparkFitOptions, SparkFitOptions> more) {
    Nets_FloatClassifierModel model = new Nets_FloatClassifierModel(3);
    SparkTrainer<Nets_FloatClassifierModel> trainer =
        new SparkTrainer<>(model, Nets_FloatClassifierModel::new, Optimizer.adam(0.03));
    History h = trainer.fit(data, more.apply(SparkFitOptions.epochs(4).fraction(0.25).seed(7)));
    return new Outcome(model.parameters(), h, trainer.steps());
  }

  /**
   * Momentum on the DOUBLE network with validation and early stopping (patience 2, best epoch
   * restored): 12 epochs of 3 steps at a learning rate high enough that the validation loss turns.
   */
  private static Outcome doubleMomentumStopping(Function<SparkFitOptions, SparkFitOptions> more) {
    Nets_ClassifierModel model = new Nets_ClassifierModel(4);
    SparkTrainer<Nets_ClassifierModel> trainer =
        new SparkTrainer<>(model, Nets_ClassifierModel::new, Optimizer.momentum(0.8, 0.9));
    History h = trainer.fit(data, more.apply(SparkFitOptions.epochs(12).fraction(0.3).seed(9)
        .validation(validation).earlyStopping(2)));
    return new Outcome(model.parameters(), h, trainer.steps());
  }

  @Test
  void aMiniBatchFitStoppedAnywhereResumesToTheUninterruptedBits() {
    Outcome uninterrupted = floatAdam(o -> o);
    assertThat(floatAdam(o -> o.checkpointTraining(dir.resolve("plain.ckpt"), 1)).parameters())
        .isEqualTo(uninterrupted.parameters()); // checkpointing changes nothing
    // Saves after steps 3, 6, 9, … and at every epoch's end (steps 4, 8, …): stopped before a save,
    // on one, at an epoch's last step (before its end save) and after an epoch's end.
    for (int stop : new int[] {1, 3, 4, 6, 7, 11, -2, 15}) {
      Path file = dir.resolve("adam-" + stop + ".ckpt");
      assertThrows(Stop.class, () -> floatAdam(o -> o.checkpointTraining(file, 3).listener(new StopAfter(stop))));
      FirstStep first = new FirstStep();

      Outcome resumed = floatAdam(o -> o.resumable(file, 3).listener(first));

      assertWithMessage("the first step after stopping at %s", stop).that(first.first)
          .isEqualTo(lastSave(stop, 3, 4) + 1);
      resumed.assertSameAs(uninterrupted, "stopped " + (stop > 0 ? "after step " + stop : "after epoch " + -stop));
    }
  }

  @Test
  void earlyStoppingAndTheBestParametersSurviveAResume() {
    Outcome uninterrupted = doubleMomentumStopping(o -> o);
    assertThat(uninterrupted.history().stoppedEarly()).isTrue(); // the setting exercises early stopping
    assertThat(uninterrupted.history().bestEpoch()).isLessThan(uninterrupted.history().epochs().size());
    int steps = uninterrupted.history().epochs().size() * 3;
    for (int stop : new int[] {3, 5, -1, steps - 1, -(steps / 3 - 1)}) {
      Path file = dir.resolve("momentum-" + stop + ".ckpt");
      assertThrows(Stop.class,
          () -> doubleMomentumStopping(o -> o.checkpointTraining(file, 2).listener(new StopAfter(stop))));
      FirstStep first = new FirstStep();

      Outcome resumed = doubleMomentumStopping(o -> o.resumeFrom(file).checkpointTraining(file, 2).listener(first));

      int expected = lastSave(stop, 2, 3) + 1;
      assertWithMessage("the first step after stopping at %s", stop).that(first.first)
          .isEqualTo(expected > steps ? 0 : expected);
      resumed.assertSameAs(uninterrupted, "stopped at " + stop);
    }
    // The checkpoint of the finished fit: its history at once, the best parameters restored again.
    Path finished = dir.resolve("finished.ckpt");
    doubleMomentumStopping(o -> o.checkpointTraining(finished, 100));
    doubleMomentumStopping(o -> o.resumeFrom(finished)).assertSameAs(uninterrupted, "finished");
  }

  @Test
  void aFitOutOfPatienceOnItsLastEpochStopsThereWhenAskedForMore() {
    Outcome uninterrupted = doubleMomentumStopping(o -> o);
    int last = uninterrupted.history().epochs().size(); // where patience ran out
    Path file = dir.resolve("out-of-patience.ckpt");
    Outcome shorter = doubleMomentumStopping(o -> SparkFitOptions.epochs(last).fraction(0.3).seed(9)
        .validation(validation).earlyStopping(2).checkpointTraining(file, 100));
    assertThat(shorter.history().stoppedEarly()).isFalse(); // it ended because its epochs did

    Outcome resumed = doubleMomentumStopping(o -> o.resumeFrom(file));

    resumed.assertSameAs(uninterrupted, "resumed with more epochs than the patience allowed");
  }

  @Test
  void moreEpochsGoOnAsAFitThatAskedForThemFromTheStart() {
    Path file = dir.resolve("short.ckpt");
    floatAdam(o -> SparkFitOptions.epochs(2).fraction(0.25).seed(7).checkpointTraining(file, 5));

    Outcome longer = floatAdam(o -> o.resumeFrom(file));

    longer.assertSameAs(floatAdam(o -> o), "two epochs, then four");
  }

  /** L-BFGS on the DOUBLE network: memory 4, so the ring of pairs wraps; 12 iterations. */
  private static final Lbfgs.Options LBFGS = Lbfgs.options().memory(4).maxIterations(12).tolerance(0);

  private record LbfgsOutcome(double[] parameters, Lbfgs.Result result, int firstIteration) {}

  private static LbfgsOutcome lbfgs(Checkpointing checkpointing, int stopAfter) {
    Nets_ClassifierModel model = new Nets_ClassifierModel(5);
    SparkTrainer<Nets_ClassifierModel> trainer =
        new SparkTrainer<>(model, Nets_ClassifierModel::new, Optimizer.sgd(0.1));
    int[] first = {0};
    Lbfgs.Result r = trainer.fitLbfgs(data, LBFGS, checkpointing, it -> {
      first[0] = first[0] == 0 ? it.number() : first[0];
      if (it.number() == stopAfter) {
        throw new Stop("after iteration " + stopAfter);
      }
    });
    return new LbfgsOutcome(model.parameters(), r, first[0]);
  }

  @Test
  void anLbfgsRunStoppedAfterAnyIterationResumesToTheUninterruptedBits() {
    LbfgsOutcome uninterrupted = lbfgs(Checkpointing.none(), -1);
    assertThat(uninterrupted.result().iterations()).isEqualTo(12);
    assertThat(lbfgs(Checkpointing.checkpointTraining(dir.resolve("plain.ckpt"), 1), -1).parameters())
        .isEqualTo(uninterrupted.parameters());
    for (int stop : new int[] {1, 2, 3, 5, 8, 11}) {
      Path file = dir.resolve("lbfgs-" + stop + ".ckpt");
      assertThrows(Stop.class, () -> lbfgs(Checkpointing.checkpointTraining(file, 2), stop));

      LbfgsOutcome resumed = lbfgs(Checkpointing.resumable(file, 2), -1);

      String what = "stopped after iteration " + stop;
      assertWithMessage(what).that(resumed.firstIteration()).isEqualTo(stop / 2 * 2 + 1); // saved every 2      assertWithMessage(what).that(resumed.parameters()).isEqualTo(uninterrupted.parameters());
      assertWithMessage(what).that(resumed.result().x()).isEqualTo(uninterrupted.result().x());
      assertWithMessage(what).that(resumed.result().value()).isEqualTo(uninterrupted.result().value());
      assertWithMessage(what).that(resumed.result().evaluations()).isEqualTo(uninterrupted.result().evaluations());
      assertWithMessage(what).that(resumed.result().reason()).isEqualTo(uninterrupted.result().reason());
    }
    // The run's last checkpoint (iteration 12) resumes to its result with no further evaluation.
    Path last = dir.resolve("lbfgs-1.ckpt");
    LbfgsOutcome again = lbfgs(Checkpointing.resumeFrom(last), -1);
    assertThat(again.parameters()).isEqualTo(uninterrupted.parameters());
    assertThat(again.result().evaluations()).isEqualTo(uninterrupted.result().evaluations());
    assertThat(again.firstIteration()).isEqualTo(0); // no iteration ran
  }

  @Test
  void anLbfgsStateOnAFloatModelKeepsItsDoublePoint() {
    // The point L-BFGS moves is double; the FLOAT model rounds it. The checkpoint keeps the double.
    Lbfgs.Options options = Lbfgs.options().maxIterations(6).tolerance(0);
    Nets_FloatClassifierModel whole = new Nets_FloatClassifierModel(6);
    new SparkTrainer<>(whole, Nets_FloatClassifierModel::new, Optimizer.sgd(0.1)).fitLbfgs(data, options);
    Path file = dir.resolve("float-lbfgs.ckpt");
    Nets_FloatClassifierModel stopped = new Nets_FloatClassifierModel(6);
    assertThrows(Stop.class, () -> new SparkTrainer<>(stopped, Nets_FloatClassifierModel::new, Optimizer.sgd(0.1))
        .fitLbfgs(data, options, Checkpointing.checkpointTraining(file, 1), it -> {
          if (it.number() == 3) {
            throw new Stop("after iteration 3");
          }
        }));
    assertThat(stopped.parameters()).isEqualTo(new Nets_FloatClassifierModel(6).parameters()); // untouched until the end

    Nets_FloatClassifierModel resumed = new Nets_FloatClassifierModel(6);
    new SparkTrainer<>(resumed, Nets_FloatClassifierModel::new, Optimizer.sgd(0.1))
        .fitLbfgs(data, options, Checkpointing.resumeFrom(file));

    assertThat(resumed.parameters()).isEqualTo(whole.parameters());
  }

  // ---- refusals: each names the difference and changes nothing ----

  private static final Function<SparkFitOptions, SparkFitOptions> SAME = o -> o;

  /** A checkpoint of {@link #floatAdam} after 5 steps. */
  private Path adamCheckpoint() {
    Path file = dir.resolve("adam.ckpt");
    assertThrows(Stop.class, () -> floatAdam(o -> o.checkpointTraining(file, 5).listener(new StopAfter(6))));
    return file;
  }

  /** Resumes a fresh trainer with {@code options} from {@code file}; asserts that nothing changed; returns the message. */
  private static String refusedFit(Model model, SparkTrainer<?> trainer, TrainingData on, SparkFitOptions options) {
    double[] before = model.parameters();
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> trainer.fit(on, options));
    assertThat(e.getCause()).isInstanceOf(TrainingCheckpointException.class);
    assertThat(model.parameters()).isEqualTo(before);
    assertThat(trainer.steps()).isEqualTo(0);
    return e.getMessage();
  }

  private static String refusedFloat(Path file, TrainingData on, SparkFitOptions options, Optimizer optimizer) {
    Nets_FloatClassifierModel model = new Nets_FloatClassifierModel(3);
    return refusedFit(model, new SparkTrainer<>(model, Nets_FloatClassifierModel::new, optimizer), on,
        options.resumeFrom(file));
  }

  @Test
  void aCheckpointOfOtherDataIsRefused() {
    Path file = adamCheckpoint();
    SparkFitOptions options = SparkFitOptions.epochs(4).fraction(0.25).seed(7);
    Optimizer adam = Optimizer.adam(0.03);
    try (TrainingData three = TrainingData.of(LocalSpark.context(), BLOBS, 3);
        TrainingData other = TrainingData.of(LocalSpark.context(), LocalSpark.blobs(400, 99), 2);
        TrainingData fewer = TrainingData.of(LocalSpark.context(), LocalSpark.blobs(399, 11), 2)) {
      assertThat(refusedFloat(file, three, options, adam))
          .contains("was written by a fit on training data of 2 partitions, and this fit's data has 3");
      assertThat(refusedFloat(file, fewer, options, adam))
          .contains("200 rows in partition 1 (400 in all), and this fit's data has 199 (399)");
      assertThat(refusedFloat(file, other, options, adam)).contains("data fingerprint");
    }
  }

  @Test
  void aCheckpointOfOtherOptionsOrAnotherOptimizerIsRefused() {
    Path file = adamCheckpoint();
    Optimizer adam = Optimizer.adam(0.03);
    assertThat(refusedFloat(file, data, SparkFitOptions.epochs(4).fraction(0.2).seed(7), adam))
        .contains("was written by a fit with fraction 0.25, and this fit has 0.2");
    assertThat(refusedFloat(file, data, SparkFitOptions.epochs(4).fraction(0.25).seed(8), adam))
        .contains("sampling seed 7, and this fit has 8");
    assertThat(refusedFloat(file, data, SparkFitOptions.epochs(1).fraction(0.25).seed(7), adam))
        .contains("has finished 1 epochs and begun epoch 2, but this fit asks for 1; ask for at least 2");
    assertThat(refusedFloat(file, data, SparkFitOptions.epochs(4).fraction(0.25).seed(7).validation(validation),
        adam)).contains("without validation data, and this fit has some");
    assertThat(refusedFloat(file, data, SparkFitOptions.epochs(4).fraction(0.25).seed(7), Optimizer.adam(0.01)))
        .contains("does not fit this trainer");
    Nets_ClassifierModel doubleModel = new Nets_ClassifierModel(3);
    assertThat(refusedFit(doubleModel, new SparkTrainer<>(doubleModel, Nets_ClassifierModel::new, adam), data,
        SparkFitOptions.epochs(4).fraction(0.25).seed(7).resumeFrom(file))).contains("architecture");
  }

  @Test
  void finishedEpochsBeyondTheFitAreRefused() {
    Path file = dir.resolve("two-epochs.ckpt");
    assertThrows(Stop.class, () -> floatAdam(o -> o.checkpointTraining(file, 100).listener(new StopAfter(-3))));

    assertThat(refusedFloat(file, data, SparkFitOptions.epochs(2).fraction(0.25).seed(7), Optimizer.adam(0.03)))
        .contains("has finished 3 epochs, but this fit asks for 2; ask for at least 3");
  }

  @Test
  void aCheckpointOfTheOtherKindOrOtherLbfgsSettingsIsRefused() {
    Path steps = adamCheckpoint();
    Path lbfgs = dir.resolve("l.ckpt");
    lbfgs(Checkpointing.checkpointTraining(lbfgs, 3), -1);

    Nets_FloatClassifierModel floatModel = new Nets_FloatClassifierModel(3);
    SparkTrainer<Nets_FloatClassifierModel> floatTrainer =
        new SparkTrainer<>(floatModel, Nets_FloatClassifierModel::new, Optimizer.adam(0.03));
    double[] before = floatModel.parameters();
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> floatTrainer.fitLbfgs(data, LBFGS, Checkpointing.resumeFrom(steps)));
    assertThat(e).hasMessageThat().contains("holds epochs of steps (SparkTrainer.fit), not an L-BFGS run");
    assertThat(floatModel.parameters()).isEqualTo(before);

    Nets_ClassifierModel model = new Nets_ClassifierModel(5);
    SparkTrainer<Nets_ClassifierModel> trainer = new SparkTrainer<>(model, Nets_ClassifierModel::new, Optimizer.sgd(0.1));
    double[] start = model.parameters();
    assertThat(refusedFit(model, trainer, data, SparkFitOptions.epochs(2).resumeFrom(lbfgs)))
        .contains("holds an L-BFGS run (SparkTrainer.fitLbfgs), not epochs of steps");
    for (Lbfgs.Options other : List.of(LBFGS.memory(5), LBFGS.tolerance(1e-9), LBFGS.maxIterations(11))) {
      UncheckedIOException refused = assertThrows(UncheckedIOException.class,
          () -> trainer.fitLbfgs(data, other, Checkpointing.resumeFrom(lbfgs)));
      assertThat(refused.getCause()).isInstanceOf(TrainingCheckpointException.class);
      assertThat(model.parameters()).isEqualTo(start);
    }
    assertThat(assertThrows(UncheckedIOException.class,
        () -> trainer.fitLbfgs(data, LBFGS.memory(5), Checkpointing.resumeFrom(lbfgs))))
        .hasMessageThat().contains("L-BFGS memory 4, and this fit has 5");
    assertThat(assertThrows(UncheckedIOException.class,
        () -> trainer.fitLbfgs(data, LBFGS.maxIterations(11), Checkpointing.resumeFrom(lbfgs))))
        .hasMessageThat().contains("has finished 12 L-BFGS iterations, but this run asks for at most 11");
  }

  @Test
  void missingDamagedAndForeignFilesAreRefusedByName() throws Exception {
    Optimizer adam = Optimizer.adam(0.03);
    SparkFitOptions options = SparkFitOptions.epochs(4).fraction(0.25).seed(7);
    assertThat(refusedFloat(dir.resolve("none.ckpt"), data, options, adam))
        .contains("there is no training checkpoint at " + dir.resolve("none.ckpt"));
    Path file = adamCheckpoint();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Path damaged = Files.write(dir.resolve("damaged.ckpt"), bytes);
    assertThat(refusedFloat(damaged, data, options, adam)).contains("is corrupted: its CRC-32 is");
    Path model = dir.resolve("model.unrl");
    new Nets_FloatClassifierModel(3).save(model);
    assertThat(refusedFloat(model, data, options, adam)).contains("is a model file, not a training checkpoint");
    Path truncated = Files.write(dir.resolve("truncated.ckpt"), java.util.Arrays.copyOf(bytes, 10));
    assertThat(refusedFloat(truncated, data, options, adam)).contains("is truncated");
    // resumable() starts afresh when the file does not exist yet, and makes it.
    Path fresh = dir.resolve("fresh.ckpt");
    floatAdam(o -> o.resumable(fresh, 50)).assertSameAs(floatAdam(SAME), "resumable without a file");
    assertThat(Files.exists(fresh)).isTrue();
  }

  @Test
  void aDirectoryThatDoesNotExistIsRefusedBeforeAnyStep() {
    Nets_FloatClassifierModel model = new Nets_FloatClassifierModel(3);
    SparkTrainer<Nets_FloatClassifierModel> trainer =
        new SparkTrainer<>(model, Nets_FloatClassifierModel::new, Optimizer.adam(0.03));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(data,
        SparkFitOptions.epochs(1).checkpointTraining(dir.resolve("missing").resolve("x.ckpt"), 2)));

    assertThat(e).hasMessageThat().contains("does not exist; create it first");
    assertThat(trainer.steps()).isEqualTo(0);
  }
}
