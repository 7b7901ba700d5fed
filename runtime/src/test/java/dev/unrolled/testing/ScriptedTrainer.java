package dev.unrolled.testing;

import dev.unrolled.Activation;
import dev.unrolled.Architecture;
import dev.unrolled.Dataset;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Precision;
import dev.unrolled.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A fake trainer whose one "parameter" counts the optimizer steps, and whose loss is a chosen
 * function of it: training paths (early stopping, restoring, divergence) can then be scripted
 * exactly. It records the rows of every training batch. Like a generated trainer, it takes no step
 * when the loss is not finite.
 */
public final class ScriptedTrainer implements Trainer {
  private final ScriptedModel model;
  private final DoubleUnaryOperator lossOfParameter;
  public final List<int[]> trainedRows = new ArrayList<>();

  /** Batch loss is {@code lossOfParameter(steps taken so far)}; the model is a DOUBLE regression. */
  public ScriptedTrainer(DoubleUnaryOperator lossOfParameter) {
    this(lossOfParameter, Loss.MEAN_SQUARED_ERROR, Precision.DOUBLE);
  }

  /** The same, for a model that declares {@code loss} and {@code precision}. */
  public ScriptedTrainer(DoubleUnaryOperator lossOfParameter, Loss loss, Precision precision) {
    this.lossOfParameter = lossOfParameter;
    this.model = new ScriptedModel(loss, precision);
  }

  public double parameter() {
    return model.parameter;
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
    trainedRows.add(Arrays.copyOfRange(rows, from, to));
    double loss = lossOfParameter.applyAsDouble(model.parameter);
    if (Double.isFinite(loss)) {
      model.parameter += 1;
    }
    return loss;
  }

  @Override
  public double evaluateBatch(Dataset data, int[] rows, int from, int to) {
    return lossOfParameter.applyAsDouble(model.parameter);
  }

  /** Its one parameter only ever counts steps, so it is always finite. */
  @Override
  public boolean restoreIfNotFinite() {
    return false;
  }

  @Override
  public int lastBatchCorrect() {
    return 0;
  }

  /** One parameter, one input, one output. */
  public static final class ScriptedModel implements Model {
    private final Loss loss;
    private final Precision precision;
    public double parameter;

    /** A DOUBLE mean-squared-error model. */
    public ScriptedModel() {
      this(Loss.MEAN_SQUARED_ERROR, Precision.DOUBLE);
    }

    public ScriptedModel(Loss loss, Precision precision) {
      this.loss = loss;
      this.precision = precision;
    }

    @Override
    public int inputSize() {
      return 1;
    }

    @Override
    public int outputSize() {
      return 1;
    }

    @Override
    public int parameterCount() {
      return 1;
    }

    @Override
    public void getParameters(double[] dst) {
      dst[0] = parameter;
    }

    @Override
    public void setParameters(double[] src) {
      parameter = src[0];
    }

    @Override
    public void predict(double[] input, double[] output) {
      output[0] = parameter * input[0];
    }

    @Override
    public double lossAndGradient(double[][] inputs, double[][] targets, double[] gradient) {
      throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public Architecture architecture() {
      // The closest architecture: one unit; this stand-in has no bias.
      return Architecture.of(1, loss, precision, new Architecture.Layer(1, Activation.IDENTITY));
    }

    @Override
    public Loss loss() {
      return loss;
    }

    @Override
    public Precision precision() {
      return precision;
    }

    @Override
    public String summary() {
      return "scripted";
    }
  }
}
