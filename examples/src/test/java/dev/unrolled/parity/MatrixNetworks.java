package dev.unrolled.parity;

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

import dev.unrolled.Dense;
import dev.unrolled.Network;

/**
 * The full matrix: every hidden activation × every loss × both code shapes × both precisions. An
 * unrolled network is 5-7-3 (every layer at most 512 weights); a looped one is 30-24-24 (every
 * layer above). Named {@code <Activation><Loss><Shape><Precision>}; {@link MatrixCases} lists the
 * same networks as data for the reference.
 */
// Identity hidden layers and deep sigmoid stacks are deliberate here: the math must hold for them too.
@SuppressWarnings("unrolled")
public final class MatrixNetworks {
  private MatrixNetworks() {}

  @Network(inputs = 5, layers = {@Dense(units = 7), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface IdentitySoftmaxUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface IdentitySoftmaxUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface IdentitySoftmaxLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface IdentitySoftmaxLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface IdentitySigmoidUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface IdentitySigmoidUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface IdentitySigmoidLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface IdentitySigmoidLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface IdentityMseUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface IdentityMseUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface IdentityMseLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface IdentityMseLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SIGMOID), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface SigmoidSoftmaxUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SIGMOID), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface SigmoidSoftmaxUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SIGMOID), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface SigmoidSoftmaxLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SIGMOID), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface SigmoidSoftmaxLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SIGMOID), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface SigmoidSigmoidUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SIGMOID), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface SigmoidSigmoidUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SIGMOID), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface SigmoidSigmoidLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SIGMOID), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface SigmoidSigmoidLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SIGMOID), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface SigmoidMseUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SIGMOID), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface SigmoidMseUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SIGMOID), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface SigmoidMseLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SIGMOID), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface SigmoidMseLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface TanhSoftmaxUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface TanhSoftmaxUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = TANH), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface TanhSoftmaxLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = TANH), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface TanhSoftmaxLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = TANH), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface TanhSigmoidUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = TANH), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface TanhSigmoidUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = TANH), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface TanhSigmoidLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = TANH), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface TanhSigmoidLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = TANH), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface TanhMseUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = TANH), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface TanhMseUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = TANH), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface TanhMseLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = TANH), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface TanhMseLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = RELU), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface ReluSoftmaxUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = RELU), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface ReluSoftmaxUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = RELU), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface ReluSoftmaxLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = RELU), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface ReluSoftmaxLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = RELU), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface ReluSigmoidUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = RELU), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface ReluSigmoidUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = RELU), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface ReluSigmoidLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = RELU), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface ReluSigmoidLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = RELU), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface ReluMseUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = RELU), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface ReluMseUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = RELU), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface ReluMseLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = RELU), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface ReluMseLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = LEAKY_RELU), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface LeakyReluSoftmaxUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = LEAKY_RELU), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface LeakyReluSoftmaxUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = LEAKY_RELU), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface LeakyReluSoftmaxLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = LEAKY_RELU), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface LeakyReluSoftmaxLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = LEAKY_RELU), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface LeakyReluSigmoidUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = LEAKY_RELU), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface LeakyReluSigmoidUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = LEAKY_RELU), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface LeakyReluSigmoidLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = LEAKY_RELU), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface LeakyReluSigmoidLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = LEAKY_RELU), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface LeakyReluMseUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = LEAKY_RELU), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface LeakyReluMseUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = LEAKY_RELU), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface LeakyReluMseLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = LEAKY_RELU), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface LeakyReluMseLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = ELU), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface EluSoftmaxUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = ELU), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface EluSoftmaxUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = ELU), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface EluSoftmaxLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = ELU), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface EluSoftmaxLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = ELU), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface EluSigmoidUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = ELU), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface EluSigmoidUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = ELU), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface EluSigmoidLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = ELU), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface EluSigmoidLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = ELU), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface EluMseUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = ELU), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface EluMseUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = ELU), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface EluMseLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = ELU), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface EluMseLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SOFTPLUS), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface SoftplusSoftmaxUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SOFTPLUS), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface SoftplusSoftmaxUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SOFTPLUS), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface SoftplusSoftmaxLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SOFTPLUS), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface SoftplusSoftmaxLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SOFTPLUS), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface SoftplusSigmoidUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SOFTPLUS), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface SoftplusSigmoidUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SOFTPLUS), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface SoftplusSigmoidLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SOFTPLUS), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface SoftplusSigmoidLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SOFTPLUS), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface SoftplusMseUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SOFTPLUS), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface SoftplusMseUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SOFTPLUS), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface SoftplusMseLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SOFTPLUS), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface SoftplusMseLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SILU), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface SiluSoftmaxUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SILU), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface SiluSoftmaxUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SILU), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface SiluSoftmaxLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SILU), @Dense(units = 24)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface SiluSoftmaxLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SILU), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface SiluSigmoidUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SILU), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface SiluSigmoidUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SILU), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface SiluSigmoidLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SILU), @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface SiluSigmoidLoopedDouble {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SILU), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface SiluMseUnrolledFloat {}

  @Network(inputs = 5, layers = {@Dense(units = 7, activation = SILU), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface SiluMseUnrolledDouble {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SILU), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface SiluMseLoopedFloat {}

  @Network(inputs = 30, layers = {@Dense(units = 24, activation = SILU), @Dense(units = 24)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface SiluMseLoopedDouble {}
}
