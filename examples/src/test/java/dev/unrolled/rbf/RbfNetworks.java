package dev.unrolled.rbf;

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
import dev.unrolled.Rbf;

/**
 * RBF networks for the differential tests. {@code <Activation><Loss><Precision>}: every hidden
 * activation × loss × precision behind an unrolled RBF layer (3 inputs, 6 units, then 5 and 4
 * dense units). {@code Looped*}: an RBF layer too large to unroll (24 × 40) before a looped tanh
 * layer. {@code Chunked*}: 8 × 60, unrolled but split over several methods, into a SIGMOID output
 * under mean squared error (its derivative enters the gradient). {@code Direct*}: the RBF layer
 * straight into one linear output, the classic shape. {@code Vector*}: a looped RBF layer before
 * Vector API dense layers. {@link RbfCases} lists them as data for the reference.
 */
@SuppressWarnings("unrolled")
public final class RbfNetworks {
  private RbfNetworks() {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = IDENTITY), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface IdentitySoftmaxFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = IDENTITY), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface IdentitySoftmaxDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = IDENTITY), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface IdentitySigmoidFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = IDENTITY), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface IdentitySigmoidDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = IDENTITY), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface IdentityMseFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = IDENTITY), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface IdentityMseDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SIGMOID), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface SigmoidSoftmaxFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SIGMOID), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface SigmoidSoftmaxDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SIGMOID), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface SigmoidSigmoidFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SIGMOID), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface SigmoidSigmoidDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SIGMOID), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface SigmoidMseFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SIGMOID), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface SigmoidMseDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = TANH), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface TanhSoftmaxFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = TANH), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface TanhSoftmaxDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = TANH), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface TanhSigmoidFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = TANH), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface TanhSigmoidDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = TANH), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface TanhMseFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = TANH), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface TanhMseDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = RELU), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface ReluSoftmaxFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = RELU), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface ReluSoftmaxDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = RELU), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface ReluSigmoidFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = RELU), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface ReluSigmoidDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = RELU), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface ReluMseFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = RELU), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface ReluMseDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = LEAKY_RELU), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface LeakyReluSoftmaxFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = LEAKY_RELU), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface LeakyReluSoftmaxDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = LEAKY_RELU), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface LeakyReluSigmoidFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = LEAKY_RELU), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface LeakyReluSigmoidDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = LEAKY_RELU), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface LeakyReluMseFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = LEAKY_RELU), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface LeakyReluMseDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = ELU), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface EluSoftmaxFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = ELU), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface EluSoftmaxDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = ELU), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface EluSigmoidFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = ELU), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface EluSigmoidDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = ELU), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface EluMseFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = ELU), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface EluMseDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SOFTPLUS), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface SoftplusSoftmaxFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SOFTPLUS), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface SoftplusSoftmaxDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SOFTPLUS), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface SoftplusSigmoidFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SOFTPLUS), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface SoftplusSigmoidDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SOFTPLUS), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface SoftplusMseFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SOFTPLUS), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface SoftplusMseDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SILU), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface SiluSoftmaxFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SILU), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface SiluSoftmaxDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SILU), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface SiluSigmoidFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SILU), @Dense(units = 4)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface SiluSigmoidDouble {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SILU), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface SiluMseFloat {}

  @Network(inputs = 3, rbf = @Rbf(units = 6), layers = {@Dense(units = 5, activation = SILU), @Dense(units = 4)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface SiluMseDouble {}

  @Network(inputs = 24, rbf = @Rbf(units = 40), layers = {@Dense(units = 18, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface LoopedSoftmaxFloat {}

  @Network(inputs = 24, rbf = @Rbf(units = 40), layers = {@Dense(units = 18, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface LoopedSoftmaxDouble {}

  @Network(inputs = 24, rbf = @Rbf(units = 40), layers = {@Dense(units = 18, activation = TANH), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface LoopedSigmoidFloat {}

  @Network(inputs = 24, rbf = @Rbf(units = 40), layers = {@Dense(units = 18, activation = TANH), @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface LoopedSigmoidDouble {}

  @Network(inputs = 24, rbf = @Rbf(units = 40), layers = {@Dense(units = 18, activation = TANH), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface LoopedMseFloat {}

  @Network(inputs = 24, rbf = @Rbf(units = 40), layers = {@Dense(units = 18, activation = TANH), @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface LoopedMseDouble {}

  @Network(inputs = 8, rbf = @Rbf(units = 60), layers = {@Dense(units = 2, activation = SIGMOID)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface ChunkedFloat {}

  @Network(inputs = 2, rbf = @Rbf(units = 20), layers = {@Dense(units = 1)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface DirectFloat {}

  @Network(inputs = 10, rbf = @Rbf(units = 64), layers = {@Dense(units = 32, activation = RELU), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface VectorFloat {}

  @Network(inputs = 8, rbf = @Rbf(units = 60), layers = {@Dense(units = 2, activation = SIGMOID)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface ChunkedDouble {}

  @Network(inputs = 2, rbf = @Rbf(units = 20), layers = {@Dense(units = 1)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface DirectDouble {}

  @Network(inputs = 10, rbf = @Rbf(units = 64), layers = {@Dense(units = 32, activation = RELU), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface VectorDouble {}

}
