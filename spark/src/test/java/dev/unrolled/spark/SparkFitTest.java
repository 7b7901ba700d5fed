package dev.unrolled.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.History;
import dev.unrolled.Optimizer;
import dev.unrolled.train.ConsoleListener;
import dev.unrolled.train.EpochStats;
import dev.unrolled.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Epochs on Spark: progress to the runtime's listeners, validation, early stopping with restore. */
class SparkFitTest {
  private static final Dataset BLOBS = LocalSpark.blobs(400, 11);
  private static TrainingData data;

  @BeforeAll
  static void distribute() {
    data = TrainingData.of(LocalSpark.context(), BLOBS, 2);
  }

  @AfterAll
  static void release() {
    data.close();
  }

  @Test
  void listenersHearEveryStepAndEpochAndTheStepsAreTheStepsOfALoop() {
    Nets_ClassifierModel fitted = new Nets_ClassifierModel(1);
    Nets_ClassifierModel looped = new Nets_ClassifierModel(1);
    SparkTrainer<Nets_ClassifierModel> loop = new SparkTrainer<>(looped, Nets_ClassifierModel::new, Optimizer.adam(0.02));
    Recorder recorder = new Recorder();
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    History history = new SparkTrainer<>(fitted, Nets_ClassifierModel::new, Optimizer.adam(0.02)).fit(data,
        SparkFitOptions.epochs(3).fraction(0.25).seed(5).listener(recorder)
            .listener(new ConsoleListener(new PrintStream(console, true, StandardCharsets.UTF_8))));
    double[] losses = loop.fit(data, 12, 0.25, 5);

    assertThat(recorder.start).isEqualTo(List.of(3, 4, 400)); // 4 steps of a quarter of the rows per epoch
    assertThat(recorder.batchLosses).containsExactlyElementsIn(toList(losses)).inOrder();
    assertThat(fitted.parameters()).isEqualTo(looped.parameters());
    assertThat(history.epochs()).hasSize(3);
    EpochStats first = history.epochs().get(0);
    assertThat(first.samples()).isIn(com.google.common.collect.Range.closed(300L, 500L)); // ~ one pass
    assertThat(first.samplesPerSecond()).isGreaterThan(0.0);
    assertThat(first.hasValidation()).isFalse();
    assertThat(recorder.ended).isSameInstanceAs(history);
    String printed = console.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("epoch 3/3");
    assertThat(printed).contains("samples/s  eta ");
  }

  @Test
  void earlyStoppingWatchesTheValidationLossAndRestoresTheBestEpoch() {
    // Validation rows with every label moved to the next class: the better the model fits the
    // training rows, the worse their loss, so the best epoch is the first.
    int[] shifted = new int[BLOBS.size()];
    double[][] x = new double[BLOBS.size()][];
    for (int r = 0; r < shifted.length; r++) {
      shifted[r] = (BLOBS.label(r) + 1) % 3;
      x[r] = BLOBS.featureRow(r);
    }
    Nets_ClassifierModel model = new Nets_ClassifierModel(2);
    Nets_ClassifierModel afterOneStep = new Nets_ClassifierModel(2);
    new SparkTrainer<>(afterOneStep, Nets_ClassifierModel::new, Optimizer.adam(0.05)).step(data);

    try (TrainingData validation = TrainingData.of(LocalSpark.context(), Dataset.ofLabels(x, shifted, 3), 2)) {
      History history = new SparkTrainer<>(model, Nets_ClassifierModel::new, Optimizer.adam(0.05))
          .fit(data, SparkFitOptions.epochs(20).validation(validation).earlyStopping(2));

      assertThat(history.stoppedEarly()).isTrue();
      assertThat(history.epochs()).hasSize(3);
      assertThat(history.bestEpoch()).isEqualTo(1);
      assertThat(history.epochs().get(2).validationLoss()).isGreaterThan(history.epochs().get(0).validationLoss());
      assertThat(model.parameters()).isEqualTo(afterOneStep.parameters());
    }
  }

  @Test
  void earlyStoppingWithoutValidationDataIsRefused() {
    SparkTrainer<Nets_ClassifierModel> trainer =
        new SparkTrainer<>(new Nets_ClassifierModel(3), Nets_ClassifierModel::new, Optimizer.sgd(0.1));

    assertThat(assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(data, SparkFitOptions.epochs(5).earlyStopping(2))).getMessage())
        .isEqualTo("early stopping watches the validation loss; give validation(data) too");
    assertThat(trainer.steps()).isEqualTo(0);
  }

  private static List<Double> toList(double[] values) {
    List<Double> list = new ArrayList<>();
    for (double v : values) {
      list.add(v);
    }
    return list;
  }

  private static final class Recorder implements TrainingListener {
    List<Integer> start;
    final List<Double> batchLosses = new ArrayList<>();
    History ended;

    @Override
    public void onFitStart(int epochs, int batchesPerEpoch, int trainSize) {
      start = List.of(epochs, batchesPerEpoch, trainSize);
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batchesPerEpoch, double batchLoss) {
      batchLosses.add(batchLoss);
    }

    @Override
    public void onFitEnd(History history) {
      ended = history;
    }
  }
}
