package dev.unrolled.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Optimizer;
import dev.unrolled.testing.LogisticModel;
import dev.unrolled.testing.LogisticTrainer;
import dev.unrolled.testing.ScriptedTrainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch loss that is NaN or infinite stops {@link Fit#run} with a {@link TrainingDivergedException}. */
class DivergenceTest {
  private static Dataset regression(int rows) {
    return Dataset.ofTargets(new double[rows][1], new double[rows][1]);
  }

  @Test
  void aNaNBatchLossStopsTheFitNamingEpochAndBatch() {
    // Batches of 2 out of 8 rows: the seventh step (parameter 6) is epoch 2, batch 3 of 4.
    ScriptedTrainer trainer = new ScriptedTrainer(p -> p == 6 ? Double.NaN : 1.0);

    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> Fit.run(trainer, regression(8), FitOptions.epochs(5).batchSize(2)));

    assertThat(e).hasMessageThat().isEqualTo("training diverged at epoch 2, batch 3 of 4: the batch loss is NaN; "
        + "the model keeps its last finite parameters. Lower the learning rate (e.g. 10×), "
        + "standardise the features, or check the data");
    assertThat(e.epoch()).isEqualTo(2);
    assertThat(e.batch()).isEqualTo(3);
    assertThat(e.loss()).isNaN();
    assertThat(trainer.trainedRows).hasSize(7); // no batch after the bad one
    assertThat(trainer.parameter()).isEqualTo(6.0);
  }

  @Test
  void anInfiniteBatchLossDivergesToo() {
    ScriptedTrainer trainer = new ScriptedTrainer(p -> p == 0 ? Double.POSITIVE_INFINITY : 1.0);

    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> trainer.fit(regression(8), FitOptions.epochs(3).batchSize(8)));

    assertThat(e).hasMessageThat().startsWith("training diverged at epoch 1, batch 1 of 1: the batch loss is Infinity;");
    assertThat(e.loss()).isPositiveInfinity();
    assertThat(e).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void listenersHearTheStepsBeforeTheBadBatchAndNoEnd() {
    List<String> events = new ArrayList<>();
    TrainingListener recorder = new TrainingListener() {
      @Override
      public void onFitStart(int epochs, int batchesPerEpoch, int trainSize) {
        events.add("start");
      }

      @Override
      public void onBatchEnd(int epoch, int batch, int batchesPerEpoch, double batchLoss) {
        events.add("batch " + epoch + "." + batch);
      }

      @Override
      public void onEpochEnd(EpochStats stats, History soFar) {
        events.add("epoch " + stats.epoch());
      }

      @Override
      public void onFitEnd(History history) {
        events.add("end");
      }
    };
    ScriptedTrainer trainer = new ScriptedTrainer(p -> p == 3 ? Double.NaN : 1.0);

    assertThrows(TrainingDivergedException.class,
        () -> Fit.run(trainer, regression(4), FitOptions.epochs(3).batchSize(2).listener(recorder)));

    assertThat(events).containsExactly("start", "batch 1.1", "batch 1.2", "epoch 1", "batch 2.1").inOrder();
  }

  @Test
  void divergenceDoesNotRestoreTheBestEpoch() {
    // One step per epoch; validation losses (p − 1)²: 0, 1, 4, then the fourth step diverges.
    ScriptedTrainer trainer = new ScriptedTrainer(p -> p == 3 ? Double.NaN : (p - 1) * (p - 1));

    TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> Fit.run(trainer,
        regression(8), FitOptions.epochs(10).batchSize(8).validation(regression(4)).earlyStopping(5)));

    assertThat(e.epoch()).isEqualTo(4);
    assertThat(trainer.parameter()).isEqualTo(3.0); // the last finite parameters, not epoch 1's
  }

  @Test
  void aDivergedLogisticRegressionKeepsTheParametersFromBeforeTheBadBatch() {
    // Features of 1e200 with SGD at rate 1: the first step makes the weights about 1e200, so the
    // logits of the next batches, about 1e400, overflow and the loss becomes NaN.
    double[][] features = new double[8][];
    int[] labels = new int[8];
    for (int r = 0; r < 8; r++) {
      features[r] = new double[] {(r % 3 - 1) * 1e200, (r % 2 == 0 ? 1 : -2) * 1e200};
      labels[r] = r % 4 == 0 ? 1 : 0;
    }
    LogisticModel model = new LogisticModel(2);
    LogisticTrainer trainer = new LogisticTrainer(model, Optimizer.sgd(1));
    List<double[]> afterEachStep = new ArrayList<>();
    afterEachStep.add(model.parameters());
    TrainingListener snapshots = new TrainingListener() {
      @Override
      public void onBatchEnd(int epoch, int batch, int batchesPerEpoch, double batchLoss) {
        afterEachStep.add(model.parameters());
      }
    };

    TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(
        Dataset.ofLabels(features, labels, 2), FitOptions.epochs(10).batchSize(2).listener(snapshots)));

    int stepsTaken = afterEachStep.size() - 1;
    assertThat((e.epoch() - 1) * 4 + e.batch()).isEqualTo(stepsTaken + 1);
    assertThat(stepsTaken).isAtLeast(1);
    assertThat(trainer.skippedSteps).isEqualTo(1);
    double[] kept = model.parameters();
    assertThat(kept).usingExactEquality().containsExactly(afterEachStep.get(stepsTaken)).inOrder();
    for (double p : kept) {
      assertThat(p).isFinite();
    }
  }
}
