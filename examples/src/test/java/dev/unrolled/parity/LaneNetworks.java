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
 * The matrix with the batch in the lanes: every hidden activation × every loss × both precisions on
 * 6-10-12-60-8 with {@code backend = Backend.VECTOR}. Layers 1, 2 and 4 keep the batch in lanes and
 * layer 3 (720 weights) gets vector tiles, so the networks cross every boundary a lane layer has:
 * input rows into lanes, lanes into lanes, lanes into rows, rows into lanes, and the output back to
 * rows for the loss. The tests' batches (1, 7, 11, 13 rows) leave padding lanes in every vector. The
 * same tests run once in a JVM with {@code jdk.incubator.vector} (vector lanes) and once without it
 * (plain loops over the samples). Named {@code <Activation><Loss>Lanes<Precision>}; {@link LaneCases}
 * lists them as data for the reference.
 */
@SuppressWarnings("unrolled")
public final class LaneNetworks {
  private LaneNetworks() {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = IDENTITY), @Dense(units = 12, activation = IDENTITY),
      @Dense(units = 60, activation = IDENTITY), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface IdentitySoftmaxLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = IDENTITY), @Dense(units = 12, activation = IDENTITY),
      @Dense(units = 60, activation = IDENTITY), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface IdentitySoftmaxLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = IDENTITY), @Dense(units = 12, activation = IDENTITY),
      @Dense(units = 60, activation = IDENTITY), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface IdentitySigmoidLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = IDENTITY), @Dense(units = 12, activation = IDENTITY),
      @Dense(units = 60, activation = IDENTITY), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface IdentitySigmoidLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = IDENTITY), @Dense(units = 12, activation = IDENTITY),
      @Dense(units = 60, activation = IDENTITY), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface IdentityMseLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = IDENTITY), @Dense(units = 12, activation = IDENTITY),
      @Dense(units = 60, activation = IDENTITY), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface IdentityMseLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SIGMOID), @Dense(units = 12, activation = SIGMOID),
      @Dense(units = 60, activation = SIGMOID), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface SigmoidSoftmaxLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SIGMOID), @Dense(units = 12, activation = SIGMOID),
      @Dense(units = 60, activation = SIGMOID), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SigmoidSoftmaxLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SIGMOID), @Dense(units = 12, activation = SIGMOID),
      @Dense(units = 60, activation = SIGMOID), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface SigmoidSigmoidLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SIGMOID), @Dense(units = 12, activation = SIGMOID),
      @Dense(units = 60, activation = SIGMOID), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SigmoidSigmoidLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SIGMOID), @Dense(units = 12, activation = SIGMOID),
      @Dense(units = 60, activation = SIGMOID), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface SigmoidMseLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SIGMOID), @Dense(units = 12, activation = SIGMOID),
      @Dense(units = 60, activation = SIGMOID), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SigmoidMseLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = TANH), @Dense(units = 12, activation = TANH),
      @Dense(units = 60, activation = TANH), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface TanhSoftmaxLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = TANH), @Dense(units = 12, activation = TANH),
      @Dense(units = 60, activation = TANH), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface TanhSoftmaxLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = TANH), @Dense(units = 12, activation = TANH),
      @Dense(units = 60, activation = TANH), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface TanhSigmoidLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = TANH), @Dense(units = 12, activation = TANH),
      @Dense(units = 60, activation = TANH), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface TanhSigmoidLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = TANH), @Dense(units = 12, activation = TANH),
      @Dense(units = 60, activation = TANH), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface TanhMseLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = TANH), @Dense(units = 12, activation = TANH),
      @Dense(units = 60, activation = TANH), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface TanhMseLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = RELU), @Dense(units = 12, activation = RELU),
      @Dense(units = 60, activation = RELU), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface ReluSoftmaxLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = RELU), @Dense(units = 12, activation = RELU),
      @Dense(units = 60, activation = RELU), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface ReluSoftmaxLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = RELU), @Dense(units = 12, activation = RELU),
      @Dense(units = 60, activation = RELU), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface ReluSigmoidLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = RELU), @Dense(units = 12, activation = RELU),
      @Dense(units = 60, activation = RELU), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface ReluSigmoidLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = RELU), @Dense(units = 12, activation = RELU),
      @Dense(units = 60, activation = RELU), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface ReluMseLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = RELU), @Dense(units = 12, activation = RELU),
      @Dense(units = 60, activation = RELU), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface ReluMseLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = LEAKY_RELU), @Dense(units = 12, activation = LEAKY_RELU),
      @Dense(units = 60, activation = LEAKY_RELU), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface LeakyReluSoftmaxLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = LEAKY_RELU), @Dense(units = 12, activation = LEAKY_RELU),
      @Dense(units = 60, activation = LEAKY_RELU), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface LeakyReluSoftmaxLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = LEAKY_RELU), @Dense(units = 12, activation = LEAKY_RELU),
      @Dense(units = 60, activation = LEAKY_RELU), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface LeakyReluSigmoidLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = LEAKY_RELU), @Dense(units = 12, activation = LEAKY_RELU),
      @Dense(units = 60, activation = LEAKY_RELU), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface LeakyReluSigmoidLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = LEAKY_RELU), @Dense(units = 12, activation = LEAKY_RELU),
      @Dense(units = 60, activation = LEAKY_RELU), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface LeakyReluMseLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = LEAKY_RELU), @Dense(units = 12, activation = LEAKY_RELU),
      @Dense(units = 60, activation = LEAKY_RELU), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface LeakyReluMseLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = ELU), @Dense(units = 12, activation = ELU),
      @Dense(units = 60, activation = ELU), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface EluSoftmaxLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = ELU), @Dense(units = 12, activation = ELU),
      @Dense(units = 60, activation = ELU), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface EluSoftmaxLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = ELU), @Dense(units = 12, activation = ELU),
      @Dense(units = 60, activation = ELU), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface EluSigmoidLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = ELU), @Dense(units = 12, activation = ELU),
      @Dense(units = 60, activation = ELU), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface EluSigmoidLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = ELU), @Dense(units = 12, activation = ELU),
      @Dense(units = 60, activation = ELU), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface EluMseLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = ELU), @Dense(units = 12, activation = ELU),
      @Dense(units = 60, activation = ELU), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface EluMseLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SOFTPLUS), @Dense(units = 12, activation = SOFTPLUS),
      @Dense(units = 60, activation = SOFTPLUS), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface SoftplusSoftmaxLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SOFTPLUS), @Dense(units = 12, activation = SOFTPLUS),
      @Dense(units = 60, activation = SOFTPLUS), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SoftplusSoftmaxLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SOFTPLUS), @Dense(units = 12, activation = SOFTPLUS),
      @Dense(units = 60, activation = SOFTPLUS), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface SoftplusSigmoidLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SOFTPLUS), @Dense(units = 12, activation = SOFTPLUS),
      @Dense(units = 60, activation = SOFTPLUS), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SoftplusSigmoidLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SOFTPLUS), @Dense(units = 12, activation = SOFTPLUS),
      @Dense(units = 60, activation = SOFTPLUS), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface SoftplusMseLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SOFTPLUS), @Dense(units = 12, activation = SOFTPLUS),
      @Dense(units = 60, activation = SOFTPLUS), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SoftplusMseLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SILU), @Dense(units = 12, activation = SILU),
      @Dense(units = 60, activation = SILU), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface SiluSoftmaxLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SILU), @Dense(units = 12, activation = SILU),
      @Dense(units = 60, activation = SILU), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SiluSoftmaxLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SILU), @Dense(units = 12, activation = SILU),
      @Dense(units = 60, activation = SILU), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface SiluSigmoidLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SILU), @Dense(units = 12, activation = SILU),
      @Dense(units = 60, activation = SILU), @Dense(units = 8)}, loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SiluSigmoidLanesDouble {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SILU), @Dense(units = 12, activation = SILU),
      @Dense(units = 60, activation = SILU), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT, backend = Backend.VECTOR)
  public interface SiluMseLanesFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = SILU), @Dense(units = 12, activation = SILU),
      @Dense(units = 60, activation = SILU), @Dense(units = 8)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE, backend = Backend.VECTOR)
  public interface SiluMseLanesDouble {}

  /**
   * A lane layer wider than a vector of float lanes over fewer inputs than a vector: its weight
   * gradients run with the units in the lanes (the deltas moved to rows), the output layer's with the
   * inputs in the lanes, both with remainders (20 = 16 + 4 float lanes, 2·8 + 4 double lanes).
   */
  @Network(inputs = 4, layers = {@Dense(units = 20, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  public interface TanhSoftmaxWideLanesFloat {}

  @Network(inputs = 4, layers = {@Dense(units = 20, activation = TANH), @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  public interface TanhSoftmaxWideLanesDouble {}

  /** Twins with the plain backend (unrolled and looped layers), for {@code VectorBackendTest}. */
  @Network(inputs = 6, layers = {@Dense(units = 10, activation = TANH), @Dense(units = 12, activation = TANH),
      @Dense(units = 60, activation = TANH), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface TanhSoftmaxPlainFloat {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = TANH), @Dense(units = 12, activation = TANH),
      @Dense(units = 60, activation = TANH), @Dense(units = 8)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface TanhSoftmaxPlainDouble {}
}
