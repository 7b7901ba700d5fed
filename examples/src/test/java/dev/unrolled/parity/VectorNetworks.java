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
import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Network;

/**
 * The matrix again with {@code backend = Backend.VECTOR}: every hidden activation × every loss ×
 * both precisions, on 37-70-50-12, whose three layers all get vector tiles: the first two over their
 * units, the 12-unit output layer over its 50 inputs in its backward pass (with the roles of its
 * sides swapped), which sends its deltas through every hidden activation's slope. With the batches
 * of the tests (1, 7, 11, 13 rows) and 16 float lanes they reach every tile: eight-, four- and
 * single-row blocks, four, two and one vectors, and the scalar remainder. The same tests run once in
 * a JVM with {@code jdk.incubator.vector} (vector path) and once without it (plain fallback). Named
 * {@code <Activation><Loss>Vector<Precision>}; {@link VectorCases} lists them as data for the
 * reference.
 */
@SuppressWarnings("unrolled")
public final class VectorNetworks {
  private VectorNetworks() {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = IDENTITY), @Dense(units = 50, activation = IDENTITY),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface IdentitySoftmaxVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = IDENTITY), @Dense(units = 50, activation = IDENTITY),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface IdentitySoftmaxVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = IDENTITY), @Dense(units = 50, activation = IDENTITY),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface IdentitySigmoidVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = IDENTITY), @Dense(units = 50, activation = IDENTITY),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface IdentitySigmoidVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = IDENTITY), @Dense(units = 50, activation = IDENTITY),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface IdentityMseVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = IDENTITY), @Dense(units = 50, activation = IDENTITY),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface IdentityMseVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 50, activation = SIGMOID),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface SigmoidSoftmaxVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 50, activation = SIGMOID),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SigmoidSoftmaxVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 50, activation = SIGMOID),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface SigmoidSigmoidVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 50, activation = SIGMOID),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SigmoidSigmoidVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 50, activation = SIGMOID),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface SigmoidMseVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SIGMOID), @Dense(units = 50, activation = SIGMOID),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SigmoidMseVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = TANH), @Dense(units = 50, activation = TANH),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface TanhSoftmaxVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = TANH), @Dense(units = 50, activation = TANH),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface TanhSoftmaxVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = TANH), @Dense(units = 50, activation = TANH),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface TanhSigmoidVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = TANH), @Dense(units = 50, activation = TANH),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface TanhSigmoidVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = TANH), @Dense(units = 50, activation = TANH),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface TanhMseVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = TANH), @Dense(units = 50, activation = TANH),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface TanhMseVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = RELU), @Dense(units = 50, activation = RELU),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface ReluSoftmaxVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = RELU), @Dense(units = 50, activation = RELU),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface ReluSoftmaxVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = RELU), @Dense(units = 50, activation = RELU),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface ReluSigmoidVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = RELU), @Dense(units = 50, activation = RELU),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface ReluSigmoidVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = RELU), @Dense(units = 50, activation = RELU),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface ReluMseVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = RELU), @Dense(units = 50, activation = RELU),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface ReluMseVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 50, activation = LEAKY_RELU),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface LeakyReluSoftmaxVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 50, activation = LEAKY_RELU),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface LeakyReluSoftmaxVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 50, activation = LEAKY_RELU),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface LeakyReluSigmoidVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 50, activation = LEAKY_RELU),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface LeakyReluSigmoidVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 50, activation = LEAKY_RELU),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface LeakyReluMseVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = LEAKY_RELU), @Dense(units = 50, activation = LEAKY_RELU),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface LeakyReluMseVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = ELU), @Dense(units = 50, activation = ELU),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface EluSoftmaxVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = ELU), @Dense(units = 50, activation = ELU),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface EluSoftmaxVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = ELU), @Dense(units = 50, activation = ELU),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface EluSigmoidVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = ELU), @Dense(units = 50, activation = ELU),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface EluSigmoidVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = ELU), @Dense(units = 50, activation = ELU),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface EluMseVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = ELU), @Dense(units = 50, activation = ELU),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface EluMseVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SOFTPLUS), @Dense(units = 50, activation = SOFTPLUS),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface SoftplusSoftmaxVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SOFTPLUS), @Dense(units = 50, activation = SOFTPLUS),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SoftplusSoftmaxVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SOFTPLUS), @Dense(units = 50, activation = SOFTPLUS),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface SoftplusSigmoidVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SOFTPLUS), @Dense(units = 50, activation = SOFTPLUS),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SoftplusSigmoidVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SOFTPLUS), @Dense(units = 50, activation = SOFTPLUS),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface SoftplusMseVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SOFTPLUS), @Dense(units = 50, activation = SOFTPLUS),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SoftplusMseVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SILU), @Dense(units = 50, activation = SILU),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface SiluSoftmaxVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SILU), @Dense(units = 50, activation = SILU),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SiluSoftmaxVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SILU), @Dense(units = 50, activation = SILU),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface SiluSigmoidVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SILU), @Dense(units = 50, activation = SILU),
      @Dense(units = 12)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SiluSigmoidVectorDouble {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SILU), @Dense(units = 50, activation = SILU),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface SiluMseVectorFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = SILU), @Dense(units = 50, activation = SILU),
      @Dense(units = 12)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SiluMseVectorDouble {}

  /** {@link ReluSoftmaxVectorDouble} with plain loops only: the twin the vector path must agree with. */
  @Network(inputs = 37, layers = {@Dense(units = 70, activation = RELU), @Dense(units = 50, activation = RELU),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.PLAIN)
  public interface ReluSoftmaxPlainDouble {}

  /** {@link ReluSoftmaxVectorFloat} with plain loops only. */
  @Network(inputs = 37, layers = {@Dense(units = 70, activation = RELU), @Dense(units = 50, activation = RELU),
      @Dense(units = 12)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.PLAIN)
  public interface ReluSoftmaxPlainFloat {}
}
