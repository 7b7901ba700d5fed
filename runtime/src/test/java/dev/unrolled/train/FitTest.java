package dev.unrolled.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Loss;
import dev.unrolled.Optimizer;
import dev.unrolled.Precision;
import dev.unrolled.data.Shuffling;
import dev.unrolled.metrics.Evaluation;
import dev.unrolled.metrics.Metrics;
import dev.unrolled.testing.LogisticModel;
import dev.unrolled.testing.LogisticTrainer;
import dev.unrolled.testing.ScriptedTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FitTest {
  /** Two Gaussian clouds around (−1, −1) and (1, 1): about 92% separable by a line. */
  private static Dataset twoClouds(int rows, long seed) {
    Random random = new Random(seed);
    double[][] features = new double[rows][2];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      labels[r] = r % 2;
      double centre = labels[r] == 1 ? 1 : -1;
      features[r][0] = centre + random.nextGaussian();
      features[r][1] = centre + random.nextGaussian();
    }
    return Dataset.ofLabels(features, labels, 2);
  }

  /** {@code rows} rows of one feature with one regression target. */
  private static Dataset regression(int rows) {
    return Dataset.ofTargets(new double[rows][1], new double[rows][1]);
  }

  @Test
  void logisticRegressionLearnsTheTwoClouds() {
    LogisticModel model = new LogisticModel(2);
    Dataset data = twoClouds(400, 1);
    Dataset.Split split = data.split(0.75, 2);

    History history = new LogisticTrainer(model, Optimizer.sgd(0.5))
        .fit(split.train(), FitOptions.epochs(20).batchSize(16).validation(split.validation()));

    assertThat(history.epochs()).hasSize(20);
    assertThat(history.last().trainLoss()).isLessThan(history.epochs().get(0).trainLoss());
    assertThat(history.last().trainLoss()).isLessThan(0.35); // 0.693 for the untrained model
    assertThat(history.last().validationAccuracy()).isGreaterThan(0.85);
    assertThat(Metrics.accuracy(model, split.validation())).isEqualTo(history.last().validationAccuracy());
  }

  @Test
  void evaluateAveragesTheLossOverAllRows() {
    LogisticModel model = new LogisticModel(2);
    model.setParameters(new double[] {0.5, -0.25, 0.1});
    Dataset data = twoClouds(50, 3);
    double[][] inputs = new double[50][];
    double[][] targets = new double[50][1];
    for (int r = 0; r < 50; r++) {
      inputs[r] = data.featureRow(r);
      data.targets(r, targets[r]);
    }

    Evaluation evaluation = Fit.evaluate(new LogisticTrainer(model, Optimizer.sgd(1)), data, 7);

    assertThat(evaluation.loss()).isWithin(1e-12).of(model.lossAndGradient(inputs, targets, new double[3]));
    assertThat(evaluation.accuracy()).isEqualTo(Metrics.accuracy(model, data));
    assertThat(evaluation.samples()).isEqualTo(50);
    assertThat(model.parameters()).usingExactEquality().containsExactly(0.5, -0.25, 0.1).inOrder();
  }

  @Test
  void listenersHearEveryBatchAndEpochInOrder() {
    List<String> events = new ArrayList<>();
    TrainingListener recorder = new TrainingListener() {
      @Override
      public void onFitStart(int epochs, int batchesPerEpoch, int trainSize) {
        events.add("start " + epochs + " " + batchesPerEpoch + " " + trainSize);
      }

      @Override
      public void onBatchEnd(int epoch, int batch, int batchesPerEpoch, double batchLoss) {
        events.add("batch " + epoch + "." + batch + "/" + batchesPerEpoch);
      }

      @Override
      public void onEpochEnd(EpochStats stats, History soFar) {
        events.add("epoch " + stats.epoch() + " of " + soFar.epochs().size());
      }

      @Override
      public void onFitEnd(History history) {
        events.add("end " + history.epochs().size());
      }
    };

    Fit.run(new ScriptedTrainer(p -> 1), regression(10), FitOptions.epochs(2).batchSize(4).listener(recorder));

    assertThat(events).containsExactly("start 2 3 10",
        "batch 1.1/3", "batch 1.2/3", "batch 1.3/3", "epoch 1 of 1",
        "batch 2.1/3", "batch 2.2/3", "batch 2.3/3", "epoch 2 of 2",
        "end 2").inOrder();
  }

  @Test
  void trainLossWeighsEachBatchBySize() {
    // Batches of 4, 4 and 2 rows with losses 0, 1 and 2: (0·4 + 1·4 + 2·2) / 10.
    History history = Fit.run(new ScriptedTrainer(p -> p), regression(10), FitOptions.epochs(1).batchSize(4));

    EpochStats only = history.last();
    assertThat(only.epoch()).isEqualTo(1);
    assertThat(only.trainLoss()).isWithin(1e-12).of(0.8);
    assertThat(only.samples()).isEqualTo(10);
    assertThat(only.trainAccuracy()).isNaN(); // regression targets with a squared-error model
    assertThat(only.validationLoss()).isNaN();
    assertThat(only.validationAccuracy()).isNaN();
    assertThat(history.stoppedEarly()).isFalse();
  }

  @Test
  void everyEpochVisitsEachRowOnceInItsOwnSeededOrder() {
    ScriptedTrainer trainer = new ScriptedTrainer(p -> 0);
    ScriptedTrainer sameSeed = new ScriptedTrainer(p -> 0);
    ScriptedTrainer otherSeed = new ScriptedTrainer(p -> 0);
    FitOptions options = FitOptions.epochs(3).batchSize(20).shuffleSeed(5);

    Fit.run(trainer, regression(20), options);
    Fit.run(sameSeed, regression(20), options);
    Fit.run(otherSeed, regression(20), options.shuffleSeed(6));

    for (int[] epoch : trainer.trainedRows) {
      int[] sorted = epoch.clone();
      Arrays.sort(sorted);
      assertThat(sorted).isEqualTo(Shuffling.identity(20));
    }
    assertThat(trainer.trainedRows.get(0)).isNotEqualTo(trainer.trainedRows.get(1));
    for (int e = 0; e < 3; e++) {
      assertThat(sameSeed.trainedRows.get(e)).isEqualTo(trainer.trainedRows.get(e));
    }
    assertThat(otherSeed.trainedRows.get(0)).isNotEqualTo(trainer.trainedRows.get(0));
  }

  @Test
  void earlyStoppingStopsAfterPatienceAndRestoresTheBestEpoch() {
    // One step per epoch, so after epoch e the parameter is e and the validation loss (e − 3)²:
    // 4, 1, 0, 1, 4 — no improvement in epochs 4 and 5 exhausts a patience of 2.
    ScriptedTrainer trainer = new ScriptedTrainer(p -> (p - 3) * (p - 3));

    History history = Fit.run(trainer, regression(8),
        FitOptions.epochs(100).batchSize(8).validation(regression(4)).earlyStopping(2));

    assertThat(history.epochs()).hasSize(5);
    assertThat(history.stoppedEarly()).isTrue();
    assertThat(history.bestEpoch()).isEqualTo(3);
    assertThat(history.epochs().get(2).validationLoss()).isEqualTo(0.0);
    assertThat(trainer.parameter()).isEqualTo(3.0);
  }

  @Test
  void earlyStoppingCanKeepTheLastParameters() {
    ScriptedTrainer trainer = new ScriptedTrainer(p -> (p - 3) * (p - 3));

    Fit.run(trainer, regression(8), FitOptions.epochs(100).batchSize(8).validation(regression(4))
        .earlyStopping(2).restoreBestWeights(false));

    assertThat(trainer.parameter()).isEqualTo(5.0);
  }

  @Test
  void improvementsBelowMinDeltaDoNotResetPatience() {
    // Validation losses 1.0, 0.95, 0.93: neither later epoch improves on 1.0 by more than 0.1.
    // (losses[0] is only the first epoch's training loss.)
    double[] losses = {2.0, 1.0, 0.95, 0.93, 0.5, 0.4};
    ScriptedTrainer trainer = new ScriptedTrainer(p -> losses[(int) p]);

    History history = Fit.run(trainer, regression(8), FitOptions.epochs(5).batchSize(8)
        .validation(regression(4)).earlyStopping(2).minDelta(0.1));

    assertThat(history.epochs()).hasSize(3);
    assertThat(history.stoppedEarly()).isTrue();
    assertThat(history.bestEpoch()).isEqualTo(3);
    assertThat(trainer.parameter()).isEqualTo(3.0);
  }

  @Test
  void reachingTheLastEpochIsNotAnEarlyStop() {
    ScriptedTrainer trainer = new ScriptedTrainer(p -> (p - 1) * (p - 1));

    History history = Fit.run(trainer, regression(8),
        FitOptions.epochs(3).batchSize(8).validation(regression(4)).earlyStopping(2));

    assertThat(history.epochs()).hasSize(3);
    assertThat(history.stoppedEarly()).isFalse();
    assertThat(trainer.parameter()).isEqualTo(1.0); // restored to the best epoch all the same
  }

  @Test
  void earlyStoppingNeedsValidationData() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fit.run(new ScriptedTrainer(p -> 0), regression(4), FitOptions.epochs(5).earlyStopping(2)));

    assertThat(e).hasMessageThat().contains("earlyStopping(2) monitors the validation loss");
    assertThat(e).hasMessageThat().contains(".validation(dataset)");
  }

  @Test
  void dataOfTheWrongShapeIsRejectedBeforeTraining() {
    LogisticTrainer trainer = new LogisticTrainer(new LogisticModel(2), Optimizer.sgd(0.1));
    Dataset threeFeatures = Dataset.ofLabels(new double[][] {{1, 2, 3}}, new int[] {0}, 2);
    Dataset threeClasses = Dataset.ofLabels(new double[][] {{1, 2}}, new int[] {0}, 3);
    FitOptions options = FitOptions.epochs(1);

    assertThat(assertThrows(IllegalArgumentException.class, () -> Fit.run(trainer, threeFeatures, options)))
        .hasMessageThat().contains("the training data has 3 features but the model takes 2 inputs");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Fit.run(trainer, threeClasses, options)))
        .hasMessageThat().contains("the training data: the model has 1 outputs but the dataset has 3 classes");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Fit.run(trainer, twoClouds(4, 0), options.validation(threeFeatures))))
        .hasMessageThat().contains("the validation data has 3 features");
  }

  @Test
  void targetsTheLossCannotTrainOnAreRejectedBeforeTheFirstBatch() {
    ScriptedTrainer sigmoid = new ScriptedTrainer(p -> 0, Loss.SIGMOID_CROSS_ENTROPY, Precision.DOUBLE);
    Dataset outOfRange = Dataset.ofTargets(new double[][] {{0}, {0}}, new double[][] {{1}, {1.5}});

    assertThat(assertThrows(IllegalArgumentException.class, () -> Fit.run(sigmoid, outOfRange, FitOptions.epochs(1))))
        .hasMessageThat().startsWith("the training data: targets row 1, column 0 is 1.5 but SIGMOID_CROSS_ENTROPY "
            + "needs targets in [0, 1]");
    assertThat(sigmoid.trainedRows).isEmpty();
  }

  @Test
  void softmaxTargetRowsAreCheckedForTrainingValidationAndEvaluation() {
    ScriptedTrainer softmax = new ScriptedTrainer(p -> 0, Loss.SOFTMAX_CROSS_ENTROPY, Precision.DOUBLE);
    Dataset good = Dataset.ofTargets(new double[][] {{0}}, new double[][] {{1}});
    Dataset half = Dataset.ofTargets(new double[][] {{0}, {0}}, new double[][] {{1}, {0.5}});

    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Fit.run(softmax, good, FitOptions.epochs(1).validation(half))))
        .hasMessageThat().startsWith("the validation data: targets row 1 sums to 0.5 but SOFTMAX_CROSS_ENTROPY");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Fit.evaluate(softmax, half)))
        .hasMessageThat().startsWith("the data: targets row 1 sums to 0.5 but");
    assertThat(softmax.trainedRows).isEmpty();
  }

  @Test
  void aFloatModelRejectsDoubleValuesBeyondTheFloatRange() {
    ScriptedTrainer floats = new ScriptedTrainer(p -> 0, Loss.MEAN_SQUARED_ERROR, Precision.FLOAT);
    ScriptedTrainer doubles = new ScriptedTrainer(p -> 0);
    Dataset huge = Dataset.ofTargets(new double[][] {{1}, {1e40}}, new double[][] {{0}, {0}});

    assertThat(assertThrows(IllegalArgumentException.class, () -> Fit.run(floats, huge, FitOptions.epochs(1))))
        .hasMessageThat().startsWith("the training data: features row 1, column 0 is 1.0E40 but a FLOAT model "
            + "needs values within the float range");
    assertThat(floats.trainedRows).isEmpty();
    assertThat(Fit.run(doubles, huge, FitOptions.epochs(1)).epochs()).hasSize(1);
  }

  @Test
  void missingArgumentsAreNamed() {
    ScriptedTrainer trainer = new ScriptedTrainer(p -> 0);

    assertThat(assertThrows(IllegalArgumentException.class, () -> Fit.run(null, regression(1), FitOptions.epochs(1))))
        .hasMessageThat().isEqualTo("trainer is null; pass the generated trainer of your model");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Fit.run(trainer, null, FitOptions.epochs(1))))
        .hasMessageThat().isEqualTo("the training data is null; pass a Dataset");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Fit.run(trainer, regression(1), null)))
        .hasMessageThat().isEqualTo("options is null; pass e.g. FitOptions.epochs(100)");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Fit.evaluate(trainer, regression(1), 0)))
        .hasMessageThat().isEqualTo("batchSize is 0; give at least 1 sample per batch");
  }

  @Test
  void historyBestEpochFallsBackToTrainLoss() {
    History history = Fit.run(new ScriptedTrainer(p -> Math.abs(p - 1)), regression(4), FitOptions.epochs(4).batchSize(4));

    assertThat(history.bestEpoch()).isEqualTo(2);
    assertThat(history.toString()).isEqualTo("History[4 epochs, best 2]");
    assertThrows(UnsupportedOperationException.class, () -> history.epochs().clear());
  }
}
