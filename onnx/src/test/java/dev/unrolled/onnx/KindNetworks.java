package dev.unrolled.onnx;

import static dev.unrolled.Activation.ELU;
import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.SIGMOID;
import static dev.unrolled.Activation.SILU;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SIGMOID_CROSS_ENTROPY;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static dev.unrolled.Precision.FLOAT;

import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Network;
import dev.unrolled.Norm;
import dev.unrolled.Rbf;

/**
 * The other layer kinds, in both precisions: an RBF layer (unrolled and looped), LAYER and BATCH
 * normalisation with dropout on the hidden layers (vector backend: layer 2 has tiles; plain backend:
 * unrolled and looped), and an RBF layer in front of normalised layers.
 */
@SuppressWarnings("unrolled")
final class KindNetworks {
  static final int COUNT = 10;

  private KindNetworks() {}

  @Network(inputs = 3, rbf = @Rbf(units = 12), layers = {@Dense(units = 8, activation = TANH), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  interface RbfFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 12), layers = {@Dense(units = 8, activation = TANH), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  interface RbfDouble {}

  @Network(inputs = 20, rbf = @Rbf(units = 70), layers = {@Dense(units = 2, activation = SIGMOID)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  interface RbfLoopedFloat {}

  @Network(inputs = 20, rbf = @Rbf(units = 70), layers = {@Dense(units = 2, activation = SIGMOID)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  interface RbfLoopedDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = TANH, norm = Norm.LAYER, dropout = 0.3),
      @Dense(units = 60, activation = RELU, norm = Norm.BATCH, dropout = 0.5),
      @Dense(units = 9, activation = SILU, norm = Norm.BATCH, dropout = 0.2), @Dense(units = 4, norm = Norm.LAYER)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  interface NormVectorFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = TANH, norm = Norm.LAYER, dropout = 0.3),
      @Dense(units = 60, activation = RELU, norm = Norm.BATCH, dropout = 0.5),
      @Dense(units = 9, activation = SILU, norm = Norm.BATCH, dropout = 0.2), @Dense(units = 4, norm = Norm.LAYER)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  interface NormVectorDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 80, activation = ELU, norm = Norm.BATCH, dropout = 0.1),
      @Dense(units = 5, activation = TANH, norm = Norm.LAYER), @Dense(units = 3, norm = Norm.BATCH)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  interface NormPlainFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 80, activation = ELU, norm = Norm.BATCH, dropout = 0.1),
      @Dense(units = 5, activation = TANH, norm = Norm.LAYER), @Dense(units = 3, norm = Norm.BATCH)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  interface NormPlainDouble {}

  @Network(inputs = 2, rbf = @Rbf(units = 16), layers = {@Dense(units = 12, activation = RELU, norm = Norm.BATCH),
      @Dense(units = 1, activation = TANH)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  interface RbfNormFloat {}

  @Network(inputs = 2, rbf = @Rbf(units = 16), layers = {@Dense(units = 12, activation = RELU, norm = Norm.BATCH),
      @Dense(units = 1, activation = TANH)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  interface RbfNormDouble {}
}
