package dev.unrolled.resume;

import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static dev.unrolled.Precision.FLOAT;

import dev.unrolled.Dense;
import dev.unrolled.Network;
import dev.unrolled.Norm;

/** The networks whose fits {@link ResumeTest} and {@link KilledFitTest} interrupt and resume. */
public final class ResumeNetworks {
  private ResumeNetworks() {}

  /** Small and unrolled. */
  @Network(inputs = 4, layers = {@Dense(units = 16, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface Small {}

  /** {@link Small} with a narrower hidden layer: another architecture on the same data. */
  @Network(inputs = 4, layers = {@Dense(units = 8, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface Narrow {}

  /** MNIST-sized: 101,770 parameters, looped. */
  @Network(inputs = 784, layers = {@Dense(units = 128, activation = RELU), @Dense(units = 10)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface MnistSized {}

  /** Batch and layer normalisation with dropout: running estimates and masks must resume too. */
  @Network(inputs = 12, layers = {
      @Dense(units = 24, activation = RELU, norm = Norm.BATCH, dropout = 0.2),
      @Dense(units = 16, activation = TANH, norm = Norm.LAYER),
      @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface Normalised {}
}
