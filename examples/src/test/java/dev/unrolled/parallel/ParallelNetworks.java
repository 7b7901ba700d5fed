package dev.unrolled.parallel;

import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SIGMOID_CROSS_ENTROPY;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static dev.unrolled.Precision.FLOAT;

import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Network;

/** Networks that {@link DataParallelTest} trains with shards: every code shape, loss and precision. */
public final class ParallelNetworks {
  private ParallelNetworks() {}

  /** Small enough to be unrolled throughout. */
  @Network(inputs = 4, layers = {@Dense(units = 16, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface UnrolledFloat {}

  /** Unrolled regression in double, through two hidden layers. */
  @Network(inputs = 3,
      layers = {@Dense(units = 12, activation = TANH), @Dense(units = 12, activation = TANH), @Dense(units = 2)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface UnrolledDouble {}

  /** Looped layers (30×64 and 64×10 weights are above the unroll limit). */
  @Network(inputs = 30, layers = {@Dense(units = 64, activation = RELU), @Dense(units = 10)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface LoopedFloat {}

  /** The same in double. */
  @Network(inputs = 30, layers = {@Dense(units = 64, activation = RELU), @Dense(units = 10)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface LoopedDouble {}

  /** A looped layer, then unrolled ones, with one sigmoid output. */
  @Network(inputs = 30,
      layers = {@Dense(units = 64, activation = RELU), @Dense(units = 8, activation = TANH), @Dense(units = 1)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface MixedFloat {}

  /** Looped layers on the Vector API backend (the plain path when the JVM lacks the module). */
  @Network(inputs = 30, layers = {@Dense(units = 64, activation = RELU), @Dense(units = 10)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface VectorFloat {}
}
