package dev.unrolled.norm;

import dev.unrolled.Activation;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Norm;
import dev.unrolled.Precision;

/**
 * Three networks alike but for dropout, for what dropout must and must not change: none declared,
 * {@code dropout = 0.0} written out, and {@code dropout = 0.5}; each normalises layer 1 over the
 * batch and layer 2 over its units.
 */
public final class NormNetworks {
  private NormNetworks() {}

  @Network(inputs = 6, layers = {@Dense(units = 12, activation = Activation.RELU, norm = Norm.BATCH),
      @Dense(units = 8, activation = Activation.TANH, norm = Norm.LAYER), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.FLOAT)
  public interface NoDropout {}

  @Network(inputs = 6, layers = {@Dense(units = 12, activation = Activation.RELU, norm = Norm.BATCH, dropout = 0.0),
      @Dense(units = 8, activation = Activation.TANH, norm = Norm.LAYER, dropout = 0.0), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.FLOAT)
  public interface ZeroDropout {}

  @Network(inputs = 6, layers = {@Dense(units = 12, activation = Activation.RELU, norm = Norm.BATCH, dropout = 0.5),
      @Dense(units = 8, activation = Activation.TANH, norm = Norm.LAYER, dropout = 0.5), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.FLOAT)
  public interface HalfDropout {}

  /** The same in DOUBLE, for the shard arithmetic. */
  @Network(inputs = 6, layers = {@Dense(units = 12, activation = Activation.RELU, norm = Norm.BATCH, dropout = 0.5),
      @Dense(units = 8, activation = Activation.TANH, norm = Norm.LAYER, dropout = 0.5), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.DOUBLE)
  public interface HalfDropoutDouble {}
}
