package dev.unrolled.spark;

import dev.unrolled.History;
import dev.unrolled.Model;
import dev.unrolled.files.ModelFile;
import dev.unrolled.train.EpochStats;
import dev.unrolled.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The epoch loop of {@link SparkTrainer#fit(TrainingData, SparkFitOptions)}: steps, listeners,
 * validation and early stopping with the rules of the runtime's own fit loop (patience counts
 * epochs since the validation loss last fell by more than {@code minDelta}; the best epoch is the
 * plain minimum, restored at the end unless it is the last). Where the fit stands — epochs finished,
 * the steps of the epoch under way and its sums, early stopping — lives in fields that a training
 * checkpoint records ({@link SparkCheckpoint}) and a resume puts back; the trainer holds the rest
 * (parameters, optimizer state, the step number that sampling uses).
 */
final class SparkFit {
  private static final double NANOS_PER_SECOND = 1e9;

  private final SparkTrainer<?> trainer;
  private final TrainingData data;
  private final SparkFitOptions options;
  private final List<TrainingListener> listeners;
  private final SparkCheckpoints checkpoints; // null unless checkpointing or resuming
  private final DataIdentity validationIdentity; // null unless checkpointing with validation data
  private final List<EpochStats> done = new ArrayList<>();
  private boolean stopped;
  // The epoch under way (done.size() + 1): the steps taken of it, its sums and its training time
  // before the current stretch of steps.
  private int nextStep;
  private double lossSum;
  private long samples;
  private long elapsedNanos;
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
    data.requireFits(trainer.model());
    this.checkpoints = SparkCheckpoints.start(options.checkpointing(), data);
    TrainingData validation = options.validationData();
    this.validationIdentity = checkpoints == null || validation == null ? null : validation.identity();
  }

  History run() {
    Model model = trainer.model();
    int steps = options.stepsPerEpoch();
    if (checkpoints != null && checkpoints.resuming()) {
      resume();
    }
    for (TrainingListener l : listeners) {
      l.onFitStart(options.epochCount(), steps, (int) Math.min(Integer.MAX_VALUE, data.size()));
    }
    while (done.size() < options.epochCount() && !stopped) {
      int epoch = done.size() + 1;
      EpochStats stats = epoch(epoch, steps);
      done.add(stats);
      if (options.patience() > 0) {
        recordValidation(epoch, stats.validationLoss(), model);
        stopped = epochsWithoutImprovement >= options.patience() && epoch < options.epochCount();
      }
      if (checkpoints != null && checkpoints.saving()) {
        save("epoch " + epoch + " (end)");
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
    if (nextStep == 0) {
      lossSum = 0;
      samples = 0;
      elapsedNanos = 0;
    }
    for (int batch = nextStep + 1; batch <= steps; batch++) {
      SparkTrainer.Step step = trainer.sampledStep(data, options.fractionOfRows(), options.samplingSeed());
      nextStep = batch;
      if (step.rows() > 0) {
        lossSum += step.loss() * step.rows();
        samples += step.rows();
        for (TrainingListener l : listeners) {
          l.onBatchEnd(epoch, batch, steps, step.loss());
        }
      }
      if (checkpoints != null && batch < steps && checkpoints.due((long) (epoch - 1) * steps + batch)) {
        elapsedNanos += System.nanoTime() - start;
        save("epoch " + epoch + ", step " + batch);
        start = System.nanoTime(); // the save is not training time
      }
    }
    long trained = System.nanoTime();
    elapsedNanos += trained - start;
    nextStep = 0;
    TrainingData validation = options.validationData();
    double validationLoss = validation == null ? Double.NaN : trainer.gradient(validation).meanLoss();
    double seconds = (elapsedNanos + System.nanoTime() - trained) / NANOS_PER_SECOND;
    double trainSeconds = Math.max(elapsedNanos, 1) / NANOS_PER_SECOND;
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

  /** A checkpoint of where the fit stands; only of finite parameters. */
  private void save(String where) {
    Model model = trainer.model();
    double[] parameters = model.parameters();
    for (double p : parameters) {
      if (!Double.isFinite(p)) {
        throw new ArithmeticException(where + ": a parameter is " + p + "; training diverged: lower the learning "
            + "rate (no checkpoint is saved of parameters that are not finite)");
      }
    }
    byte[] bytes;
    try {
      bytes = ModelFile.toBytes(model);
    } catch (IOException e) {
      throw new UncheckedIOException(where + ": the model cannot be saved: " + e.getMessage(), e);
    }
    SparkCheckpoint.Steps progress = new SparkCheckpoint.Steps(trainer.optimizerState(), trainer.steps(),
        options.fractionOfRows(), options.samplingSeed(), options.stepsPerEpoch(), options.patience(),
        options.minimumDelta(), options.restoresBest(), validationIdentity, List.copyOf(done), stopped, nextStep,
        lossSum, samples, elapsedNanos, bestLoss, bestEpoch, baseline, epochsWithoutImprovement,
        bestParameters == null ? null : bestParameters.clone());
    checkpoints.save(new SparkCheckpoint.Contents(bytes, checkpoints.data(), progress, null), where);
  }

  /** Puts back where the checkpoint's fit stood, after checking all of it against this fit. */
  private void resume() {
    Model model = trainer.model();
    try {
      SparkCheckpoint.Contents contents = checkpoints.read(model);
      SparkCheckpoint.Steps p = contents.steps();
      if (p == null) {
        throw checkpoints.mismatch("holds an L-BFGS run (SparkTrainer.fitLbfgs), not epochs of steps; resume it "
            + "with fitLbfgs");
      }
      checkpoints.same("fraction", p.fraction(), options.fractionOfRows());
      checkpoints.same("sampling seed", p.seed(), options.samplingSeed());
      checkpoints.same("steps per epoch", p.stepsPerEpoch(), options.stepsPerEpoch());
      checkpoints.same("early-stopping patience", p.patience(), options.patience());
      checkpoints.same("early-stopping minDelta", p.minDelta(), options.minimumDelta());
      checkpoints.same("restoreBestParameters", p.restoreBest(), options.restoresBest());
      if ((p.validation() == null) != (validationIdentity == null)) {
        throw checkpoints.mismatch("was written by a fit " + (p.validation() == null ? "without" : "with")
            + " validation data, and this fit has " + (validationIdentity == null ? "none" : "some")
            + "; resume with the options the fit started with");
      }
      if (p.validation() != null) {
        String difference = p.validation().differenceFrom(validationIdentity);
        if (difference != null) {
          throw checkpoints.mismatch("was written by a fit on validation data of " + difference
              + "; resume with the validation data the fit started with");
        }
      }
      int needed = p.epochs().size() + (p.nextStep() > 0 ? 1 : 0); // an epoch begun must be finished
      if (needed > options.epochCount()) {
        throw checkpoints.mismatch("has finished " + p.epochs().size() + " epochs"
            + (p.nextStep() > 0 ? " and begun epoch " + needed : "") + ", but this fit asks for "
            + options.epochCount() + "; ask for at least " + needed);
      }
      try {
        trainer.restoreOptimizerState(p.optimizer()); // checks, then changes
      } catch (IllegalArgumentException e) {
        throw checkpoints.mismatch("does not fit this trainer: " + e.getMessage());
      }
      checkpoints.loadModel(model, contents);
      trainer.steps(p.trainerSteps());
      done.clear();
      done.addAll(p.epochs());
      stopped = p.stopped();
      nextStep = p.nextStep();
      lossSum = p.lossSum();
      samples = p.samples();
      elapsedNanos = p.elapsedNanos();
      bestLoss = p.bestLoss();
      bestEpoch = p.bestEpoch();
      baseline = p.baseline();
      epochsWithoutImprovement = p.withoutImprovement();
      bestParameters = p.bestParameters();
      // A fit that ended on its last epoch with its patience used up goes no further when asked for
      // more epochs, as one that had asked for them from the start would have stopped there.
      if (nextStep == 0 && options.patience() > 0 && !done.isEmpty()
          && epochsWithoutImprovement >= options.patience()) {
        stopped = true;
      }
    } catch (IOException e) {
      throw checkpoints.cannotResume(e);
    }
  }
}
