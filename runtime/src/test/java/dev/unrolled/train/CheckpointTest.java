package dev.unrolled.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.files.ModelFileException;
import dev.unrolled.testing.ScriptedTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints during {@link Fit#run}. The {@link ScriptedTrainer} takes one step per epoch here, so
 * after epoch e its parameter is e: a checkpoint's parameter says which epoch it saved.
 */
class CheckpointTest {
  @TempDir Path dir;

  /** {@code rows} rows of one feature with one regression target; one batch of 8 covers them. */
  private static Dataset rows(int rows) {
    return Dataset.ofTargets(new double[rows][1], new double[rows][1]);
  }

  /**
   * Records, at the end of each epoch, the parameter that {@code file} holds (NaN while there is no
   * file). Checkpoints are written before listeners hear of the epoch.
   */
  private static TrainingListener reading(Path file, List<Double> seen) {
    return new TrainingListener() {
      @Override
      public void onEpochEnd(EpochStats stats, History soFar) {
        if (!Files.exists(file)) {
          seen.add(Double.NaN);
          return;
        }
        ScriptedTrainer.ScriptedModel model = new ScriptedTrainer.ScriptedModel();
        try {
          model.load(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        seen.add(model.parameter);
      }
    };
  }

  @Test
  void checkpointEverySavesAfterEveryNthEpoch() {
    Path file = dir.resolve("every.unrl");
    List<Double> seen = new ArrayList<>();

    Fit.run(new ScriptedTrainer(p -> 1), rows(8),
        FitOptions.epochs(7).batchSize(8).checkpointEvery(3, file).listener(reading(file, seen)));

    assertThat(seen).containsExactly(Double.NaN, Double.NaN, 3.0, 3.0, 3.0, 6.0, 6.0).inOrder();
  }

  @Test
  void checkpointBestFollowsTheValidationLossWhenThereIsValidationData() {
    // Validation loss after epoch e is (e − 3)²: 4, 1, 0, 1, 4, 9. The training loss, taken before
    // each step, is ((e − 1) − 3)²: 9, 4, 1, 0, 1, 4 — it would pick epoch 4.
    Path file = dir.resolve("best.unrl");
    List<Double> seen = new ArrayList<>();

    Fit.run(new ScriptedTrainer(p -> (p - 3) * (p - 3)), rows(8), FitOptions.epochs(6).batchSize(8)
        .validation(rows(4)).checkpointBest(file).listener(reading(file, seen)));

    assertThat(seen).containsExactly(1.0, 2.0, 3.0, 3.0, 3.0, 3.0).inOrder();
  }

  @Test
  void checkpointBestFollowsTheTrainingLossWithoutValidationData() {
    Path file = dir.resolve("best.unrl");
    List<Double> seen = new ArrayList<>();

    Fit.run(new ScriptedTrainer(p -> (p - 3) * (p - 3)), rows(8),
        FitOptions.epochs(6).batchSize(8).checkpointBest(file).listener(reading(file, seen)));

    assertThat(seen).containsExactly(1.0, 2.0, 3.0, 4.0, 4.0, 4.0).inOrder();
  }

  @Test
  void checkpointBestHoldsTheParametersEarlyStoppingRestores() throws IOException {
    Path file = dir.resolve("best.unrl");
    ScriptedTrainer trainer = new ScriptedTrainer(p -> (p - 3) * (p - 3));
    ScriptedTrainer.ScriptedModel fromFile = new ScriptedTrainer.ScriptedModel();

    History history = Fit.run(trainer, rows(8), FitOptions.epochs(100).batchSize(8).validation(rows(4))
        .earlyStopping(2).checkpointBest(file));
    fromFile.load(file);

    assertThat(history.bestEpoch()).isEqualTo(3);
    assertThat(fromFile.parameter).isEqualTo(trainer.parameter());
  }

  @Test
  void bothCheckpointsCanRunTogether() throws IOException {
    Path every = dir.resolve("every.unrl");
    Path best = dir.resolve("best.unrl");
    ScriptedTrainer.ScriptedModel fromEvery = new ScriptedTrainer.ScriptedModel();
    ScriptedTrainer.ScriptedModel fromBest = new ScriptedTrainer.ScriptedModel();

    Fit.run(new ScriptedTrainer(p -> (p - 3) * (p - 3)), rows(8), FitOptions.epochs(6).batchSize(8)
        .validation(rows(4)).checkpointEvery(2, every).checkpointBest(best));
    fromEvery.load(every);
    fromBest.load(best);

    assertThat(fromEvery.parameter).isEqualTo(6.0);
    assertThat(fromBest.parameter).isEqualTo(3.0);
  }

  @Test
  void aDivergedFitNeverSavesItsNanLossAsTheBest() {
    Path file = dir.resolve("best.unrl");

    assertThrows(TrainingDivergedException.class, () -> Fit.run(new ScriptedTrainer(p -> Double.NaN), rows(8),
        FitOptions.epochs(3).batchSize(8).checkpointBest(file)));

    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void aFailedSaveStopsTheFitNamingTheEpochAndTheFile() throws IOException {
    Path file = Files.createDirectory(dir.resolve("model.unrl")); // a directory cannot be replaced by a file
    Files.createFile(file.resolve("keep"));
    ScriptedTrainer trainer = new ScriptedTrainer(p -> 1);

    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Fit.run(trainer, rows(8),
        FitOptions.epochs(5).batchSize(8).checkpointEvery(2, file)));

    assertThat(e).hasMessageThat().startsWith("epoch 2: checkpointEvery could not save the model to " + file
        + ", so the fit stops");
    assertThat(trainer.trainedRows).hasSize(2);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.toList()).containsExactly(file); // no temporary file
    }
  }

  @Test
  void aDivergedModelStopsTheFitAtItsCheckpoint() {
    Path file = dir.resolve("model.unrl");
    ScriptedTrainer trainer = new ScriptedTrainer(p -> 1);
    ((ScriptedTrainer.ScriptedModel) trainer.model()).parameter = Double.NaN;

    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Fit.run(trainer, rows(8),
        FitOptions.epochs(3).batchSize(8).checkpointEvery(1, file)));

    assertThat(e).hasMessageThat().startsWith("epoch 1: checkpointEvery could not save");
    assertThat(e).hasMessageThat().contains("parameter 0 is NaN");
    assertThat(e).hasCauseThat().isInstanceOf(ModelFileException.class);
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void aCheckpointInAMissingDirectoryIsRejectedBeforeTraining() {
    Path file = dir.resolve("missing").resolve("best.unrl");
    ScriptedTrainer trainer = new ScriptedTrainer(p -> 1);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fit.run(trainer, rows(8), FitOptions.epochs(3).checkpointBest(file)));

    assertThat(e).hasMessageThat().isEqualTo("checkpointBest writes " + file + ", but the directory "
        + file.getParent() + " does not exist; create it before the fit");
    assertThat(trainer.trainedRows).isEmpty();
  }
}
