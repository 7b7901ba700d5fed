package dev.unrolled.guards;

import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static dev.unrolled.Precision.FLOAT;

import dev.unrolled.Dense;
import dev.unrolled.Network;

/** Networks that {@link DivergenceTest} drives past the range of floating point. */
public final class GuardNetworks {
  private GuardNetworks() {}

  /**
   * Linear regression. Each SGD step multiplies the error by about {@code 1 − lr·|x|²}, so a rate
   * above {@code 2/|x|²} makes it grow geometrically until the arithmetic overflows.
   */
  @Network(inputs = 2, layers = @Dense(units = 1), loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface LinearDouble {}

  /** The same in float arithmetic, where the overflow comes about 270 binary orders of magnitude sooner. */
  @Network(inputs = 2, layers = @Dense(units = 1), loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface LinearFloat {}

  /** A small classifier; with features of 1e30 a large rate overflows its ReLU activations. */
  @Network(inputs = 4, layers = {@Dense(units = 16, activation = RELU), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface Classifier {}
}
