package dev.unrolled.onnx;

import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.SILU;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SIGMOID_CROSS_ENTROPY;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;

import dev.unrolled.Dense;
import dev.unrolled.Network;
import dev.unrolled.Norm;

/** Networks that load files written in other exporters' shapes. */
final class LoadNetworks {
  private LoadNetworks() {}

  @Network(inputs = 4, layers = {@Dense(units = 16, activation = TANH), @Dense(units = 3)}, loss = SOFTMAX_CROSS_ENTROPY)
  interface Iris {}

  @Network(inputs = 4, layers = {@Dense(units = 16, activation = TANH), @Dense(units = 3)}, loss = SOFTMAX_CROSS_ENTROPY,
      precision = DOUBLE)
  interface IrisDouble {}

  @Network(inputs = 4, layers = {@Dense(units = 16, activation = TANH), @Dense(units = 3)}, loss = MEAN_SQUARED_ERROR)
  interface Regressor {}

  @Network(inputs = 4, layers = {@Dense(units = 16, activation = RELU, norm = Norm.BATCH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY)
  interface BatchNormed {}

  @Network(inputs = 4, layers = {@Dense(units = 16, activation = TANH, norm = Norm.LAYER), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR)
  interface LayerNormed {}

  @Network(inputs = 4, layers = {@Dense(units = 8, activation = SILU), @Dense(units = 2)}, loss = SIGMOID_CROSS_ENTROPY)
  interface Swish {}
}
