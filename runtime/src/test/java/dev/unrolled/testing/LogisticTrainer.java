package dev.unrolled.testing;

import dev.unrolled.Dataset;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.ParameterUpdater;
import dev.unrolled.Trainer;
import java.util.Arrays;

/**
 * Trains a {@link LogisticModel} the way a generated trainer does: buffers sized at construction,
 * gradients written into rows bound to an {@link Optimizer}, one step per batch, and no step when
 * the loss or a gradient is not finite.
 */
public final class LogisticTrainer implements Trainer {
  private final LogisticModel model;
  private final double[] weightGradient;
  private final double[] biasGradient = new double[1];
  private final ParameterUpdater updater;
  private final double[] input;
  private final double[] target = new double[1];
  private int lastCorrect;
  public int skippedSteps;

  public LogisticTrainer(LogisticModel model, Optimizer optimizer) {
    this.model = model;
    this.weightGradient = new double[model.inputSize()];
    this.input = new double[model.inputSize()];
    this.updater = optimizer.bind(new double[][] {model.weights, model.bias},
        new double[][] {weightGradient, biasGradient}, new boolean[] {true, false});
  }

  @Override
  public Model model() {
    return model;
  }

  @Override
  public double trainBatch(double[][] inputs, double[][] targets) {
    throw new UnsupportedOperationException("not needed by these tests");
  }

  @Override
  public double trainBatch(Dataset data, int[] rows, int from, int to) {
    double loss = lossAndGradient(data, rows, from, to);
    if (Double.isFinite(loss) && allFinite(weightGradient) && Double.isFinite(biasGradient[0])) {
      updater.step();
    } else {
      skippedSteps++;
    }
    return loss;
  }

  @Override
  public double evaluateBatch(Dataset data, int[] rows, int from, int to) {
    return lossAndGradient(data, rows, from, to);
  }

  @Override
  public int lastBatchCorrect() {
    return lastCorrect;
  }

  /** Steps only on finite gradients, with learning rates these tests keep small: never needs to restore. */
  @Override
  public boolean restoreIfNotFinite() {
    if (!allFinite(model.weights) || !Double.isFinite(model.bias[0])) {
      throw new AssertionError("a step left non-finite parameters, which this stand-in cannot undo");
    }
    return false;
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private double lossAndGradient(Dataset data, int[] rows, int from, int to) {
    Arrays.fill(weightGradient, 0);
    biasGradient[0] = 0;
    lastCorrect = 0;
    double loss = 0;
    int m = to - from;
    for (int i = from; i < to; i++) {
      data.features(rows[i], input);
      data.targets(rows[i], target);
      double z = model.logit(input);
      loss += LogisticModel.softplus(z) - target[0] * z;
      lastCorrect += (z >= 0) == (target[0] >= 0.5) ? 1 : 0;
      double delta = (1 / (1 + Math.exp(-z)) - target[0]) / m;
      for (int k = 0; k < input.length; k++) {
        weightGradient[k] += delta * input[k];
      }
      biasGradient[0] += delta;
    }
    return loss / m;
  }
}
