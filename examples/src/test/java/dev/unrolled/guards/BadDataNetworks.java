package dev.unrolled.guards;

import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SIGMOID_CROSS_ENTROPY;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static dev.unrolled.Precision.FLOAT;

import dev.unrolled.Dense;
import dev.unrolled.Network;
import dev.unrolled.Norm;

/** Networks that {@link BadDataTest} feeds bad data, and whose files it loads into each other. */
public final class BadDataNetworks {
  private BadDataNetworks() {}

  /** Three classes; its tanh saturates on an infinite input instead of passing on a NaN. */
  @Network(inputs = 4, layers = {@Dense(units = 8, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface Classifier {}

  /** {@link Classifier} with a narrower hidden layer: another architecture. */
  @Network(inputs = 4, layers = {@Dense(units = 5, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface NarrowClassifier {}

  /** {@link Classifier} in double: as many parameters, another architecture. */
  @Network(inputs = 4, layers = {@Dense(units = 8, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface DoubleClassifier {}

  /** Regression on two targets. */
  @Network(inputs = 3, layers = {@Dense(units = 6, activation = TANH), @Dense(units = 2)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface Regressor {}

  /** One sigmoid output: labels 0 and 1. */
  @Network(inputs = 2, layers = {@Dense(units = 4, activation = TANH), @Dense(units = 1)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface Sigmoid {}

  /** Batch normalisation: running estimates to keep, and at least two rows per training batch. */
  @Network(inputs = 4, layers = {@Dense(units = 8, activation = RELU, norm = Norm.BATCH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface BatchNorm {}
}
