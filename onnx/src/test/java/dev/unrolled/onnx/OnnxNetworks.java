package dev.unrolled.onnx;

import static dev.unrolled.Activation.ELU;
import static dev.unrolled.Activation.IDENTITY;
import static dev.unrolled.Activation.LEAKY_RELU;
import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.SIGMOID;
import static dev.unrolled.Activation.SILU;
import static dev.unrolled.Activation.SOFTPLUS;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SIGMOID_CROSS_ENTROPY;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static dev.unrolled.Precision.FLOAT;

import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Network;

/**
 * The export matrix: every activation × every loss × both precisions in four code shapes. Each
 * network runs the seven hidden activations one after another, then an output layer with IDENTITY
 * for the cross-entropies or each of the eight activations for mean squared error. Shapes:
 * {@code Unrolled} 5-6×7-3 (plain backend, every layer unrolled), {@code Looped} 40-70×7-35 (plain,
 * every layer looped), {@code Vector} 40-70×7-35 (vector backend: tiles), {@code Lanes} 5-6×7-3
 * (vector backend: the batch in lanes). Named {@code <Shape><Head><Precision>}; the tests find them
 * as the nested types of this class. Written by a script: change the script's lists, not one entry.
 */
@SuppressWarnings("unrolled")
final class OnnxNetworks {
  /** 4 shapes × (softmax, sigmoid, MSE × 8 output activations) × 2 precisions. */
  static final int COUNT = 4 * 10 * 2;

  private OnnxNetworks() {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = IDENTITY)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.PLAIN)
  interface UnrolledSoftmaxFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = IDENTITY)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.PLAIN)
  interface UnrolledSoftmaxDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = IDENTITY)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.PLAIN)
  interface UnrolledSigmoidFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = IDENTITY)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.PLAIN)
  interface UnrolledSigmoidDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = IDENTITY)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface UnrolledMseIdentityFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = IDENTITY)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface UnrolledMseIdentityDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = SIGMOID)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface UnrolledMseSigmoidFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = SIGMOID)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface UnrolledMseSigmoidDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = TANH)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface UnrolledMseTanhFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = TANH)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface UnrolledMseTanhDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = RELU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface UnrolledMseReluFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = RELU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface UnrolledMseReluDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = LEAKY_RELU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface UnrolledMseLeakyReluFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = LEAKY_RELU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface UnrolledMseLeakyReluDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = ELU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface UnrolledMseEluFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = ELU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface UnrolledMseEluDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = SOFTPLUS)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface UnrolledMseSoftplusFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = SOFTPLUS)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface UnrolledMseSoftplusDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = SILU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface UnrolledMseSiluFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = SILU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface UnrolledMseSiluDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = IDENTITY)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.PLAIN)
  interface LoopedSoftmaxFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = IDENTITY)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.PLAIN)
  interface LoopedSoftmaxDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = IDENTITY)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.PLAIN)
  interface LoopedSigmoidFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = IDENTITY)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.PLAIN)
  interface LoopedSigmoidDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = IDENTITY)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface LoopedMseIdentityFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = IDENTITY)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface LoopedMseIdentityDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = SIGMOID)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface LoopedMseSigmoidFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = SIGMOID)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface LoopedMseSigmoidDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = TANH)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface LoopedMseTanhFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = TANH)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface LoopedMseTanhDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = RELU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface LoopedMseReluFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = RELU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface LoopedMseReluDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = LEAKY_RELU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface LoopedMseLeakyReluFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = LEAKY_RELU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface LoopedMseLeakyReluDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = ELU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface LoopedMseEluFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = ELU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface LoopedMseEluDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = SOFTPLUS)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface LoopedMseSoftplusFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = SOFTPLUS)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface LoopedMseSoftplusDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = SILU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.PLAIN)
  interface LoopedMseSiluFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = SILU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.PLAIN)
  interface LoopedMseSiluDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = IDENTITY)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  interface VectorSoftmaxFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = IDENTITY)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  interface VectorSoftmaxDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = IDENTITY)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  interface VectorSigmoidFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = IDENTITY)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  interface VectorSigmoidDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = IDENTITY)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface VectorMseIdentityFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = IDENTITY)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface VectorMseIdentityDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = SIGMOID)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface VectorMseSigmoidFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = SIGMOID)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface VectorMseSigmoidDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = TANH)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface VectorMseTanhFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = TANH)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface VectorMseTanhDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = RELU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface VectorMseReluFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = RELU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface VectorMseReluDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = LEAKY_RELU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface VectorMseLeakyReluFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = LEAKY_RELU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface VectorMseLeakyReluDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = ELU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface VectorMseEluFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = ELU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface VectorMseEluDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = SOFTPLUS)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface VectorMseSoftplusFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = SOFTPLUS)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface VectorMseSoftplusDouble {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = SILU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface VectorMseSiluFloat {}

  @Network(inputs = 40, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 70, activation = TANH), @Dense(units = 70, activation = RELU), @Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 70, activation = ELU), @Dense(units = 70, activation = SOFTPLUS), @Dense(units = 70, activation = SILU),
      @Dense(units = 35, activation = SILU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface VectorMseSiluDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = IDENTITY)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  interface LanesSoftmaxFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = IDENTITY)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  interface LanesSoftmaxDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = IDENTITY)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  interface LanesSigmoidFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = IDENTITY)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  interface LanesSigmoidDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = IDENTITY)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface LanesMseIdentityFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = IDENTITY)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface LanesMseIdentityDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = SIGMOID)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface LanesMseSigmoidFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = SIGMOID)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface LanesMseSigmoidDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = TANH)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface LanesMseTanhFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = TANH)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface LanesMseTanhDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = RELU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface LanesMseReluFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = RELU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface LanesMseReluDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = LEAKY_RELU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface LanesMseLeakyReluFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = LEAKY_RELU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface LanesMseLeakyReluDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = ELU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface LanesMseEluFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = ELU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface LanesMseEluDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = SOFTPLUS)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface LanesMseSoftplusFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = SOFTPLUS)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface LanesMseSoftplusDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = SILU)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  interface LanesMseSiluFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 6, activation = SIGMOID), @Dense(units = 6, activation = TANH), @Dense(units = 6, activation = RELU), @Dense(units = 6, activation = LEAKY_RELU), @Dense(units = 6, activation = ELU), @Dense(units = 6, activation = SOFTPLUS), @Dense(units = 6, activation = SILU),
      @Dense(units = 3, activation = SILU)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  interface LanesMseSiluDouble {}
}
