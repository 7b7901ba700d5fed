package dev.unrolled.benchmarks;

import dev.unrolled.Activation;
import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Norm;
import dev.unrolled.Precision;

/**
 * The networks of the benchmark table, each in float and double; and {@code DeepVector} with batch
 * normalisation and dropout on its hidden layers, together and apart, for {@link RegularisationBenchmark}.
 */
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

  @Network(inputs = 784, layers = {
      @Dense(units = 256, activation = Activation.RELU, norm = Norm.BATCH, dropout = 0.2),
      @Dense(units = 128, activation = Activation.RELU, norm = Norm.BATCH, dropout = 0.2), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface DeepVectorRegularised {}

  @Network(inputs = 784, layers = {@Dense(units = 256, activation = Activation.RELU, norm = Norm.BATCH),
      @Dense(units = 128, activation = Activation.RELU, norm = Norm.BATCH), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface DeepVectorBatchNorm {}

  @Network(inputs = 784, layers = {@Dense(units = 256, activation = Activation.RELU, dropout = 0.2),
      @Dense(units = 128, activation = Activation.RELU, dropout = 0.2), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface DeepVectorDropout {}
}
