package dev.unrolled.spark.example;

import dev.unrolled.Activation;
import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Precision;
import dev.unrolled.Rbf;

/**
 * The networks {@link ClusterCheck} trains on a cluster and on one machine: one per kind of generated
 * code, so that each code shape is shown to give the same bits on executors of their own.
 */
public final class CheckNets {
  private CheckNets() {}

  /** 784-128-10 ReLU in FLOAT with the vector backend: Vector API tiles where the JVM has them. */
  @Network(inputs = 784, layers = {@Dense(units = 128, activation = Activation.RELU), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  public interface Wide {}

  /** 784-32-10 tanh in DOUBLE with plain code: the hidden layer too large to unroll, so looped. */
  @Network(inputs = 784, layers = {@Dense(units = 32, activation = Activation.TANH), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.DOUBLE, backend = Backend.PLAIN)
  public interface Looped {}

  /** 16 Gaussian units over the 784 pixels, then 10 logits. */
  @Network(inputs = 784, rbf = @Rbf(units = 16), layers = {@Dense(units = 10)}, loss = Loss.SOFTMAX_CROSS_ENTROPY)
  public interface Radial {}
}
