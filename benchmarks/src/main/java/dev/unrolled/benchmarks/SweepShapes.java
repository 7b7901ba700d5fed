package dev.unrolled.benchmarks;

import dev.unrolled.Activation;
import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;

/**
 * The networks of {@link WidthSweep}: 784 inputs, two ReLU layers of the same width, 10 softmax
 * outputs, in the vector backend. From 128 to 2,048 units the weights grow from 0.5 MB to 23 MB,
 * from inside L2 to far beyond the last-level cache of a slice of a server.
 */
final class SweepShapes {
  private SweepShapes() {}

  @Network(inputs = 784, layers = {@Dense(units = 128, activation = Activation.RELU),
      @Dense(units = 128, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface Width128 {}

  @Network(inputs = 784, layers = {@Dense(units = 256, activation = Activation.RELU),
      @Dense(units = 256, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface Width256 {}

  @Network(inputs = 784, layers = {@Dense(units = 512, activation = Activation.RELU),
      @Dense(units = 512, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface Width512 {}

  @Network(inputs = 784, layers = {@Dense(units = 1024, activation = Activation.RELU),
      @Dense(units = 1024, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface Width1024 {}

  @Network(inputs = 784, layers = {@Dense(units = 2048, activation = Activation.RELU),
      @Dense(units = 2048, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface Width2048 {}
}
