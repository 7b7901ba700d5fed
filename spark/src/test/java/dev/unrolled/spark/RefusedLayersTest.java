package dev.unrolled.spark;

import static com.google.common.truth.Truth.assertThat;
import static dev.unrolled.Activation.IDENTITY;
import static dev.unrolled.Activation.TANH;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Architecture;
import dev.unrolled.Architecture.Layer;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Norm;
import dev.unrolled.Optimizer;
import dev.unrolled.Precision;
import org.junit.jupiter.api.Test;

/**
 * What the trainer refuses when it is built: networks whose loss its sums of {@code lossAndGradient}
 * over chunks are not. No Spark context is needed; the factory is never asked for a model.
 */
class RefusedLayersTest {
  private static final ModelFactory<Model> UNUSED = seed -> {
    throw new AssertionError("the factory is not called for a refused model");
  };

  @Test
  void aBatchNormalisedLayerIsRefusedByNameBeforeTheFactoryIsCalled() {
    Architecture batch = Architecture.of(4, Loss.SOFTMAX_CROSS_ENTROPY, Precision.DOUBLE,
        new Layer(8, TANH, Norm.LAYER, 0), new Layer(6, TANH, Norm.BATCH, 0), new Layer(3, IDENTITY));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SparkTrainer<>(new ShapeModel(batch), UNUSED, Optimizer.sgd(0.1)));

    assertThat(e).hasMessageThat().isEqualTo("layer 2 (6 TANH BATCH-norm) normalises over the batch, which "
        + "full-batch training (FullBatch, Lbfgs, SparkTrainer) cannot honour: it sums lossAndGradient over "
        + "chunks of rows, each normalised with its own statistics, which is not the network's loss over all "
        + "rows; use LAYER norm, which does not depend on the batch, or train with a generated trainer");
  }

  @Test
  void dropoutIsRefusedNamingTheLayerAsTheLayerTableNumbersIt() {
    Architecture dropout = Architecture.withRbf(4, 10, Loss.SOFTMAX_CROSS_ENTROPY, Precision.FLOAT,
        new Layer(8, TANH), new Layer(6, TANH, Norm.NONE, 0.3), new Layer(3, IDENTITY));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SparkTrainer<>(new ShapeModel(dropout), UNUSED, Optimizer.adam(1e-3)));

    assertThat(e).hasMessageThat().startsWith("layer 3 (6 TANH dropout 0.3) drops outputs in training, which "
        + "full-batch training (FullBatch, Lbfgs, SparkTrainer) cannot honour");
    assertThat(e).hasMessageThat().endsWith("; set the layer's dropout to 0, or train with a generated trainer");
  }

  @Test
  void layerNormIsAccepted() {
    ShapeModel model = new ShapeModel(Architecture.of(4, Loss.SOFTMAX_CROSS_ENTROPY, Precision.DOUBLE,
        new Layer(8, TANH, Norm.LAYER, 0), new Layer(3, IDENTITY)));

    SparkTrainer<ShapeModel> trainer = new SparkTrainer<>(model, seed -> new ShapeModel(model.architecture()),
        Optimizer.sgd(0.1));

    assertThat(trainer.model()).isSameInstanceAs(model);
  }

  /** A model that is only an architecture and its parameters: enough to build a trainer, never to run. */
  private static final class ShapeModel implements Model {
    private final Architecture architecture;
    private final double[] parameters;

    ShapeModel(Architecture architecture) {
      this.architecture = architecture;
      this.parameters = new double[Math.toIntExact(architecture.parameterCount())];
    }

    @Override
    public int inputSize() {
      return architecture.inputs();
    }

    @Override
    public int outputSize() {
      return architecture.outputs();
    }

    @Override
    public int parameterCount() {
      return parameters.length;
    }

    @Override
    public void getParameters(double[] dst) {
      System.arraycopy(parameters, 0, dst, 0, parameters.length);
    }

    @Override
    public void setParameters(double[] src) {
      System.arraycopy(src, 0, parameters, 0, parameters.length);
    }

    @Override
    public void predict(double[] input, double[] output) {
      throw new UnsupportedOperationException("a ShapeModel does not run");
    }

    @Override
    public double lossAndGradient(double[][] inputs, double[][] targets, double[] gradient) {
      throw new UnsupportedOperationException("a ShapeModel does not run");
    }

    @Override
    public Architecture architecture() {
      return architecture;
    }

    @Override
    public Loss loss() {
      return architecture.loss();
    }

    @Override
    public Precision precision() {
      return architecture.precision();
    }

    @Override
    public String summary() {
      return architecture.toString();
    }
  }
}
