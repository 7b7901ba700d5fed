package dev.unrolled.spark;

import dev.unrolled.History;
import dev.unrolled.Model;
import dev.unrolled.train.EpochStats;
import dev.unrolled.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The epoch loop of {@link SparkTrainer#fit(TrainingData, SparkFitOptions)}: steps, listeners,
 * validation and early stopping with the rules of the runtime's own fit loop (patience counts
 * epochs since the validation loss last fell by more than {@code minDelta}; the best epoch is the
 * plain minimum, restored at the end unless it is the last).
 */
final class SparkFit {
  private final SparkTrainer<?> trainer;
  private final TrainingData data;
  private final SparkFitOptions options;
  private final List<TrainingListener> listeners;
  private final List<EpochStats> done = new ArrayList<>();
  private double bestLoss = Double.POSITIVE_INFINITY;
  private int bestEpoch;
  private double baseline = Double.POSITIVE_INFINITY;
  private int epochsWithoutImprovement;
  private double[] bestParameters;

  SparkFit(SparkTrainer<?> trainer, TrainingData data, SparkFitOptions options) {
    if (options.patience() > 0 && options.validationData() == null) {
      throw new IllegalArgumentException("early stopping watches the validation loss; give validation(data) too");
    }
    this.trainer = trainer;
    this.data = data;
    this.options = options;
    this.listeners = options.listenerList();
  }

  History run() {
    Model model = trainer.model();
    int steps = options.stepsPerEpoch();
    for (TrainingListener l : listeners) {
      l.onFitStart(options.epochCount(), steps, (int) Math.min(Integer.MAX_VALUE, data.size()));
    }
    boolean stopped = false;
    for (int epoch = 1; epoch <= options.epochCount() && !stopped; epoch++) {
      EpochStats stats = epoch(epoch, steps);
      done.add(stats);
      if (options.patience() > 0) {
        recordValidation(epoch, stats.validationLoss(), model);
        stopped = epochsWithoutImprovement >= options.patience() && epoch < options.epochCount();
      }
      History soFar = History.of(done, false);
      for (TrainingListener l : listeners) {
        l.onEpochEnd(stats, soFar);
      }
    }
    if (bestParameters != null && bestEpoch != 0 && bestEpoch != done.size()) {
      model.setParameters(bestParameters);
    }
    History history = History.of(done, stopped);
    for (TrainingListener l : listeners) {
      l.onFitEnd(history);
    }
    return history;
  }

  private EpochStats epoch(int epoch, int steps) {
    long start = System.nanoTime();
    double lossSum = 0;
    long samples = 0;
    for (int batch = 1; batch <= steps; batch++) {
      SparkTrainer.Step step = trainer.sampledStep(data, options.fractionOfRows(), options.samplingSeed());
      if (step.rows() == 0) {
        continue;
      }
      lossSum += step.loss() * step.rows();
      samples += step.rows();
      for (TrainingListener l : listeners) {
        l.onBatchEnd(epoch, batch, steps, step.loss());
      }
    }
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    TrainingData validation = options.validationData();
    double validationLoss = validation == null ? Double.NaN : trainer.gradient(validation).meanLoss();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new EpochStats(epoch, samples == 0 ? Double.NaN : lossSum / samples, Double.NaN, validationLoss,
        Double.NaN, samples, seconds, samples / trainSeconds);
  }

  private void recordValidation(int epoch, double loss, Model model) {
    if (loss < baseline - options.minimumDelta()) {
      baseline = loss;
      epochsWithoutImprovement = 0;
    } else {
      epochsWithoutImprovement++;
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      bestEpoch = epoch;
      if (options.restoresBest()) {
        bestParameters = model.parameters();
      }
    }
  }
}
