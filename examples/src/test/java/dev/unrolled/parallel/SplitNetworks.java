package dev.unrolled.parallel;

import static dev.unrolled.Activation.ELU;
import static dev.unrolled.Activation.LEAKY_RELU;
import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.SIGMOID;
import static dev.unrolled.Activation.SILU;
import static dev.unrolled.Activation.SOFTPLUS;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SIGMOID_CROSS_ENTROPY;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static dev.unrolled.Precision.FLOAT;

import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Network;
import dev.unrolled.Norm;

/**
 * Networks that {@link SplitLayersTest} splits by layers: every activation among the hidden layers,
 * every loss, both precisions, both backends, two and three layers, widths that do not cut evenly.
 */
public final class SplitNetworks {
  private SplitNetworks() {}

  /** Three layers in double: tanh, then sigmoid, into a linear regression output. */
  @Network(inputs = 40,
      layers = {@Dense(units = 56, activation = TANH), @Dense(units = 36, activation = SIGMOID), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface TanhSigmoidDouble {}

  /** ELU and SiLU on the vector backend, into one sigmoid output. */
  @Network(inputs = 40,
      layers = {@Dense(units = 48, activation = ELU), @Dense(units = 44, activation = SILU), @Dense(units = 1)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface EluSiluVector {}

  /** Leaky ReLU and softplus in double, into five classes. */
  @Network(inputs = 40,
      layers = {@Dense(units = 64, activation = LEAKY_RELU), @Dense(units = 36, activation = SOFTPLUS),
          @Dense(units = 5)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface LeakySoftplusDouble {}

  /** ReLU and tanh on the vector backend, into ten classes. */
  @Network(inputs = 50,
      layers = {@Dense(units = 72, activation = RELU), @Dense(units = 40, activation = TANH), @Dense(units = 10)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface ReluTanhVector {}

  /** An output layer with an activation of its own: sigmoid outputs fitted by squared error. */
  @Network(inputs = 40, layers = {@Dense(units = 48, activation = RELU), @Dense(units = 4, activation = SIGMOID)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface SigmoidOutputs {}

  /** Normalisation cannot be split: the trainer says so. */
  @Network(inputs = 40, layers = {@Dense(units = 48, activation = RELU, norm = Norm.LAYER), @Dense(units = 10)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface Normalised {}
}
