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
 * The networks the differential tests compare with the reference: every activation hidden and as
 * the MSE output, every loss, both precisions, no hidden layer, deep stacks, and layers on both
 * sides of the planner's unroll threshold (at most 512 weights and 64 units a side is unrolled,
 * larger is looped). Each architecture is declared twice, {@code …Float} and {@code …Double}; nested
 * {@code Foo} generates {@code ParityNetworks_FooModel} and {@code ParityNetworks_FooTrainer}.
 *
 * <p>{@link ParityCases} repeats each declaration as data for the reference; keep the two in step.
 */
// Identity hidden layers and deep sigmoid stacks are deliberate here: the math must hold for them too.
@SuppressWarnings("unrolled")
public final class ParityNetworks {
  private ParityNetworks() {}

  // Every activation in a hidden layer (losses rotate).
  @Network(inputs = 3, layers = {
      @Dense(units = 5),
      @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface HiddenIdentityFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5),
      @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface HiddenIdentityDouble {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = SIGMOID),
      @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface HiddenSigmoidFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = SIGMOID),
      @Dense(units = 3)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface HiddenSigmoidDouble {}

  @Network(inputs = 4, layers = {
      @Dense(units = 6, activation = TANH),
      @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface HiddenTanhFloat {}

  @Network(inputs = 4, layers = {
      @Dense(units = 6, activation = TANH),
      @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface HiddenTanhDouble {}

  @Network(inputs = 3, layers = {
      @Dense(units = 7, activation = RELU),
      @Dense(units = 2)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface HiddenReluFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 7, activation = RELU),
      @Dense(units = 2)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface HiddenReluDouble {}

  @Network(inputs = 5, layers = {
      @Dense(units = 4, activation = LEAKY_RELU),
      @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface HiddenLeakyReluFloat {}

  @Network(inputs = 5, layers = {
      @Dense(units = 4, activation = LEAKY_RELU),
      @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface HiddenLeakyReluDouble {}

  @Network(inputs = 3, layers = {
      @Dense(units = 6, activation = ELU),
      @Dense(units = 1)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface HiddenEluFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 6, activation = ELU),
      @Dense(units = 1)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface HiddenEluDouble {}

  @Network(inputs = 2, layers = {
      @Dense(units = 5, activation = SOFTPLUS),
      @Dense(units = 2)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface HiddenSoftplusFloat {}

  @Network(inputs = 2, layers = {
      @Dense(units = 5, activation = SOFTPLUS),
      @Dense(units = 2)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface HiddenSoftplusDouble {}

  @Network(inputs = 4, layers = {
      @Dense(units = 5, activation = SILU),
      @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface HiddenSiluFloat {}

  @Network(inputs = 4, layers = {
      @Dense(units = 5, activation = SILU),
      @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface HiddenSiluDouble {}

  // Every activation as the output activation under mean squared error.
  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface OutputIdentityFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface OutputIdentityDouble {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = SIGMOID)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface OutputSigmoidFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = SIGMOID)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface OutputSigmoidDouble {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = TANH)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface OutputTanhFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = TANH)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface OutputTanhDouble {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = RELU)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface OutputReluFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = RELU)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface OutputReluDouble {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = LEAKY_RELU)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface OutputLeakyReluFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = LEAKY_RELU)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface OutputLeakyReluDouble {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = ELU)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface OutputEluFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = ELU)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface OutputEluDouble {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = SOFTPLUS)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface OutputSoftplusFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = SOFTPLUS)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface OutputSoftplusDouble {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = SILU)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface OutputSiluFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 5, activation = TANH),
      @Dense(units = 3, activation = SILU)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface OutputSiluDouble {}

  // No hidden layer: the output layer alone.
  @Network(inputs = 4, layers = {
      @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface NoHiddenSoftmaxFloat {}

  @Network(inputs = 4, layers = {
      @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface NoHiddenSoftmaxDouble {}

  @Network(inputs = 5, layers = {
      @Dense(units = 1)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface NoHiddenSigmoidFloat {}

  @Network(inputs = 5, layers = {
      @Dense(units = 1)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface NoHiddenSigmoidDouble {}

  @Network(inputs = 3, layers = {
      @Dense(units = 2, activation = TANH)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface NoHiddenMseFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 2, activation = TANH)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface NoHiddenMseDouble {}

  @Network(inputs = 1, layers = {@Dense(units = 1)}, loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface TinyFloat {}

  @Network(inputs = 1, layers = {@Dense(units = 1)}, loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface TinyDouble {}

  // Deep, mixed activations.
  @Network(inputs = 5, layers = {
      @Dense(units = 8, activation = TANH),
      @Dense(units = 7, activation = RELU),
      @Dense(units = 6, activation = SILU),
      @Dense(units = 5, activation = ELU),
      @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface DeepSoftmaxFloat {}

  @Network(inputs = 5, layers = {
      @Dense(units = 8, activation = TANH),
      @Dense(units = 7, activation = RELU),
      @Dense(units = 6, activation = SILU),
      @Dense(units = 5, activation = ELU),
      @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface DeepSoftmaxDouble {}

  @Network(inputs = 3, layers = {
      @Dense(units = 6, activation = SOFTPLUS),
      @Dense(units = 6, activation = LEAKY_RELU),
      @Dense(units = 6, activation = SIGMOID),
      @Dense(units = 2, activation = TANH)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface DeepMseFloat {}

  @Network(inputs = 3, layers = {
      @Dense(units = 6, activation = SOFTPLUS),
      @Dense(units = 6, activation = LEAKY_RELU),
      @Dense(units = 6, activation = SIGMOID),
      @Dense(units = 2, activation = TANH)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface DeepMseDouble {}

  // Only large layers (in x out > 512: looped code).
  @Network(inputs = 40, layers = {
      @Dense(units = 32, activation = TANH),
      @Dense(units = 20)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface LargeSoftmaxFloat {}

  @Network(inputs = 40, layers = {
      @Dense(units = 32, activation = TANH),
      @Dense(units = 20)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface LargeSoftmaxDouble {}

  @Network(inputs = 64, layers = {
      @Dense(units = 48, activation = RELU),
      @Dense(units = 16)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface LargeMseFloat {}

  @Network(inputs = 64, layers = {
      @Dense(units = 48, activation = RELU),
      @Dense(units = 16)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface LargeMseDouble {}

  @Network(inputs = 30, layers = {
      @Dense(units = 24, activation = ELU),
      @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = FLOAT)
  public interface LargeSigmoidFloat {}

  @Network(inputs = 30, layers = {
      @Dense(units = 24, activation = ELU),
      @Dense(units = 24)},
      loss = SIGMOID_CROSS_ENTROPY, precision = DOUBLE)
  public interface LargeSigmoidDouble {}

  @Network(inputs = 37, layers = {
      @Dense(units = 29, activation = LEAKY_RELU),
      @Dense(units = 19)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface LargeOddFloat {}

  @Network(inputs = 37, layers = {
      @Dense(units = 29, activation = LEAKY_RELU),
      @Dense(units = 19)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface LargeOddDouble {}

  // Small and large layers mixed; a layer exactly at the 512 threshold and one just above.
  @Network(inputs = 40, layers = {
      @Dense(units = 32, activation = TANH),
      @Dense(units = 8, activation = RELU),
      @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface MixedSoftmaxFloat {}

  @Network(inputs = 40, layers = {
      @Dense(units = 32, activation = TANH),
      @Dense(units = 8, activation = RELU),
      @Dense(units = 3)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface MixedSoftmaxDouble {}

  @Network(inputs = 6, layers = {
      @Dense(units = 10, activation = SIGMOID),
      @Dense(units = 64, activation = SOFTPLUS),
      @Dense(units = 10, activation = SILU)},
      loss = MEAN_SQUARED_ERROR, precision = FLOAT)
  public interface MixedMseFloat {}

  @Network(inputs = 6, layers = {
      @Dense(units = 10, activation = SIGMOID),
      @Dense(units = 64, activation = SOFTPLUS),
      @Dense(units = 10, activation = SILU)},
      loss = MEAN_SQUARED_ERROR, precision = DOUBLE)
  public interface MixedMseDouble {}

  @Network(inputs = 32, layers = {
      @Dense(units = 16, activation = SIGMOID),
      @Dense(units = 33)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface ThresholdFloat {}

  @Network(inputs = 32, layers = {
      @Dense(units = 16, activation = SIGMOID),
      @Dense(units = 33)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface ThresholdDouble {}

  // Deeper than one bookkeeping method holds (40 layers): parameter copies and buffers split.
  @Network(inputs = 3, layers = {
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 2)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  public interface VeryDeepFloat {}

  // Deeper than one bookkeeping method holds (40 layers): parameter copies and buffers split.
  @Network(inputs = 3, layers = {
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 3, activation = TANH),
      @Dense(units = 2)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  public interface VeryDeepDouble {}
}
