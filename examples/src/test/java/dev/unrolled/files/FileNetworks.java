package dev.unrolled.files;

import static dev.unrolled.Activation.ELU;
import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.SIGMOID;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SIGMOID_CROSS_ENTROPY;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static dev.unrolled.Precision.FLOAT;

import dev.unrolled.Dense;
import dev.unrolled.Network;

/** Networks whose generated models {@link ModelFilesTest} saves and loads. */
public final class FileNetworks {
  private FileNetworks() {}

  @Network(inputs = 4, layers = {@Dense(units = 16, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface FloatIris {}

  /** {@link FloatIris} in double precision: the same 131 parameters, another architecture. */
  @Network(inputs = 4, layers = {@Dense(units = 16, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface DoubleIris {}

  /** {@link FloatIris} with a narrower hidden layer. */
  @Network(inputs = 4, layers = {@Dense(units = 8, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface NarrowIris {}

  @Network(inputs = 3, layers = {@Dense(units = 12, activation = SIGMOID), @Dense(units = 2)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface DoubleRegressor {}

  /** 80 hidden units: above the unroll threshold of 64, so the hidden layer is looped. */
  @Network(inputs = 5, layers = {@Dense(units = 80, activation = RELU), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface WideFloat {}

  /** 96 hidden units, looped, in double precision. */
  @Network(inputs = 6, layers = {@Dense(units = 96, activation = ELU), @Dense(units = 1)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface WideDouble {}
}
