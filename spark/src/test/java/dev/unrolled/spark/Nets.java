package dev.unrolled.spark;

import dev.unrolled.Activation;
import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Precision;
import dev.unrolled.Rbf;

/** The networks the Spark tests train, compiled by the processor as users compile theirs. */
final class Nets {
  private Nets() {}

  /** Three classes of 4 features, in double precision: the parity tests' network. */
  @Network(inputs = 4, layers = {@Dense(units = 8, activation = Activation.TANH), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.DOUBLE)
  interface Classifier {}

  /** The same network in float, the default precision. */
  @Network(inputs = 4, layers = {@Dense(units = 8, activation = Activation.TANH), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY)
  interface FloatClassifier {}

  /** A regression on target rows. */
  @Network(inputs = 2, layers = {@Dense(units = 6, activation = Activation.TANH), @Dense(units = 1)},
      loss = Loss.MEAN_SQUARED_ERROR, precision = Precision.DOUBLE)
  interface Regressor {}

  /** Two independent yes/no outputs, for targets in [0, 1]. */
  @Network(inputs = 2, layers = {@Dense(units = 4, activation = Activation.TANH), @Dense(units = 2)},
      loss = Loss.SIGMOID_CROSS_ENTROPY, precision = Precision.DOUBLE)
  interface MultiLabel {}

  /** 40 inputs into 24 units in DOUBLE: a hidden layer too large to unroll, so looped. */
  @Network(inputs = 40, layers = {@Dense(units = 24, activation = Activation.TANH), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.DOUBLE, backend = Backend.PLAIN)
  interface Looped {}

  /** The same in FLOAT with the vector backend: Vector API tiles where the JVM has them. */
  @Network(inputs = 40, layers = {@Dense(units = 24, activation = Activation.RELU), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface Tiled {}

  /** Six Gaussian units over 40 inputs, then the logits. */
  @Network(inputs = 40, rbf = @Rbf(units = 6), layers = {@Dense(units = 3)}, loss = Loss.SOFTMAX_CROSS_ENTROPY)
  interface Radial {}
}
