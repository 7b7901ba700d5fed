package dev.unrolled.training;

import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SIGMOID_CROSS_ENTROPY;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static dev.unrolled.Precision.FLOAT;

import dev.unrolled.Dense;
import dev.unrolled.Network;

/** Networks that {@link TrainingTest} trains end to end on small synthetic and real problems. */
public final class TrainingNetworks {
  private TrainingNetworks() {}

  /** XOR with one sigmoid output (the label is the target). */
  @Network(inputs = 2, layers = {@Dense(units = 8, activation = TANH), @Dense(units = 1)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface XorSigmoid {}

  /** XOR as two-class softmax. */
  @Network(inputs = 2, layers = {@Dense(units = 8, activation = TANH), @Dense(units = 2)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface XorSoftmax {}

  /** Two interleaved spirals: needs two hidden layers to bend the boundary. */
  @Network(inputs = 2,
      layers = {
          @Dense(units = 32, activation = TANH),
          @Dense(units = 32, activation = TANH),
          @Dense(units = 2)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface Spirals {}

  /** Regression of sin(x) on [−π, π]. */
  @Network(inputs = 1,
      layers = {
          @Dense(units = 16, activation = TANH),
          @Dense(units = 16, activation = TANH),
          @Dense(units = 1)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface Sine {}

  /** Fisher's iris: 4 standardised measurements, 3 species. */
  @Network(inputs = 4, layers = {@Dense(units = 16, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface Iris {}
}
