package dev.unrolled.fullbatch;

import dev.unrolled.Architecture;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.ParameterUpdater;
import dev.unrolled.Precision;
import dev.unrolled.train.OptimizerState;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies an {@link Optimizer} to a model through its flat parameter vector, with the arithmetic of
 * the model's generated trainer: in the model's precision ({@code float} rows for FLOAT), weight
 * decay on weights and not on biases (nor on an RBF layer's centres and widths). For a gradient computed elsewhere — summed over a cluster, or
 * by {@link FullBatch} — this is the same update a generated trainer would take.
 *
 * <pre>{@code
 * GradientStep step = new GradientStep(model, Optimizer.adam(1e-3));
 * FullBatch.of(model, data).evaluate(model.parameters(), g);
 * step.apply(g);
 * }</pre>
 *
 * <p>Not thread-safe; holds the optimizer's state (moments, step count) for this model.
 */
public final class GradientStep {
  private final Model model;
  private final double[] flat;
  private final float[][] floatParams; // exactly one precision's pair is non-null
  private final float[][] floatGrads;
  private final double[][] doubleParams;
  private final double[][] doubleGrads;
  private final ParameterUpdater updater;

  /** Binds {@code optimizer} to {@code model}; the optimizer's state starts fresh. */
  public GradientStep(Model model, Optimizer optimizer) {
    if (model == null || optimizer == null) {
      throw new IllegalArgumentException("model and optimizer must not be null");
    }
    this.model = model;
    this.flat = new double[model.parameterCount()];
    // One row per block of the layer table, in flat order: the generated trainer's decay rule.
    List<Architecture.Block> blocks = new ArrayList<>();
    for (Architecture.LayerSpan layer : model.architecture().table()) {
      blocks.addAll(layer.blocks());
    }
    int rows = blocks.size();
    int[] lengths = new int[rows];
    boolean[] decayed = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      lengths[r] = Math.toIntExact(blocks.get(r).length());
      decayed[r] = blocks.get(r).decayed();
    }
    if (model.precision() == Precision.FLOAT) {
      floatParams = new float[rows][];
      floatGrads = new float[rows][];
      for (int r = 0; r < rows; r++) {
        floatParams[r] = new float[lengths[r]];
        floatGrads[r] = new float[lengths[r]];
      }
      doubleParams = null;
      doubleGrads = null;
      updater = optimizer.bind(floatParams, floatGrads, decayed);
    } else {
      doubleParams = new double[rows][];
      doubleGrads = new double[rows][];
      for (int r = 0; r < rows; r++) {
        doubleParams[r] = new double[lengths[r]];
        doubleGrads[r] = new double[lengths[r]];
      }
      floatParams = null;
      floatGrads = null;
      updater = optimizer.bind(doubleParams, doubleGrads, decayed);
    }
  }

  /**
   * One optimizer step from {@code gradient} (flat layout, as long as the parameters), updating the
   * model's parameters.
   */
  public void apply(double[] gradient) {
    if (gradient == null || gradient.length != flat.length) {
      throw new IllegalArgumentException("the gradient has " + (gradient == null ? "no" : gradient.length)
          + " values but the model has " + flat.length + " parameters");
    }
    model.getParameters(flat);
    int at = 0;
    if (floatParams != null) {
      for (int r = 0; r < floatParams.length; r++) {
        float[] p = floatParams[r];
        float[] g = floatGrads[r];
        for (int k = 0; k < p.length; k++, at++) {
          p[k] = (float) flat[at];
          g[k] = (float) gradient[at];
        }
      }
    } else {
      for (int r = 0; r < doubleParams.length; r++) {
        System.arraycopy(flat, at, doubleParams[r], 0, doubleParams[r].length);
        System.arraycopy(gradient, at, doubleGrads[r], 0, doubleGrads[r].length);
        at += doubleParams[r].length;
      }
    }
    updater.step();
    at = 0;
    if (floatParams != null) {
      for (float[] p : floatParams) {
        for (float v : p) {
          flat[at++] = v;
        }
      }
    } else {
      for (double[] p : doubleParams) {
        System.arraycopy(p, 0, flat, at, p.length);
        at += p.length;
      }
    }
    model.setParameters(flat);
  }

  /** Steps taken so far. */
  public long steps() {
    return updater.steps();
  }

  /**
   * A copy of the optimizer's state (step count and buffers, {@link ParameterUpdater#state()}), for a
   * training checkpoint of a loop that applies these steps.
   */
  public OptimizerState optimizerState() {
    return updater.state();
  }

  /**
   * Replaces the optimizer's state with {@code state}, from {@link #optimizerState()} of an equal
   * optimizer on a model of this architecture ({@link ParameterUpdater#restore}).
   *
   * @throws IllegalArgumentException naming the first difference; the state is then unchanged
   */
  public void restoreOptimizerState(OptimizerState state) {
    updater.restore(state);
  }
}
