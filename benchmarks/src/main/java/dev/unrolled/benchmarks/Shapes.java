package dev.unrolled.benchmarks;

import dev.unrolled.Activation;
import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Precision;

/** The networks of the benchmark table, each in float and double. */
final class Shapes {
  private Shapes() {}

  @Network(inputs = 4, layers = {@Dense(units = 16, activation = Activation.TANH), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY)
  interface Small {}

  @Network(inputs = 4, layers = {@Dense(units = 16, activation = Activation.TANH), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.DOUBLE)
  interface SmallDouble {}

  @Network(inputs = 784, layers = {@Dense(units = 128, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY)
  interface Mnist {}

  @Network(inputs = 784, layers = {@Dense(units = 128, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.DOUBLE)
  interface MnistDouble {}

  @Network(inputs = 784, layers = {@Dense(units = 256, activation = Activation.RELU),
      @Dense(units = 128, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY)
  interface Deep {}

  @Network(inputs = 784, layers = {@Dense(units = 256, activation = Activation.RELU),
      @Dense(units = 128, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.DOUBLE)
  interface DeepDouble {}

  @Network(inputs = 4, layers = {@Dense(units = 16, activation = Activation.TANH), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface SmallVector {}

  @Network(inputs = 784, layers = {@Dense(units = 128, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface MnistVector {}

  @Network(inputs = 784, layers = {@Dense(units = 256, activation = Activation.RELU),
      @Dense(units = 128, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface DeepVector {}
}
