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

import dev.unrolled.Activation;
import java.util.List;

/**
 * {@link ParityNetworks} as data: each declaration's sizes, activations, loss and precision as the
 * reference needs them, with the generated classes' constructors and constants. No reflection: if a
 * generated class is missing or renamed, this file stops compiling.
 */
final class ParityCases {
  /** How many networks {@link ParityNetworks} declares: each table-driven test checks this many. */
  static final int COUNT = 60;

  private ParityCases() {}

  static List<NetCase> all() {
    return List.of(
        // Every activation in a hidden layer (losses rotate).
        NetCase.<ParityNetworks_HiddenIdentityFloatModel>of(
            "HiddenIdentityFloat", FLOAT, SOFTMAX_CROSS_ENTROPY,
            sizes(3, 5, 4), activations(IDENTITY, IDENTITY),
            ParityNetworks_HiddenIdentityFloatModel.INPUTS,
            ParityNetworks_HiddenIdentityFloatModel.OUTPUTS,
            ParityNetworks_HiddenIdentityFloatModel.PARAMETERS,
            ParityNetworks_HiddenIdentityFloatModel::new,
            ParityNetworks_HiddenIdentityFloatTrainer::new),
        NetCase.<ParityNetworks_HiddenIdentityDoubleModel>of(
            "HiddenIdentityDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY,
            sizes(3, 5, 4), activations(IDENTITY, IDENTITY),
            ParityNetworks_HiddenIdentityDoubleModel.INPUTS,
            ParityNetworks_HiddenIdentityDoubleModel.OUTPUTS,
            ParityNetworks_HiddenIdentityDoubleModel.PARAMETERS,
            ParityNetworks_HiddenIdentityDoubleModel::new,
            ParityNetworks_HiddenIdentityDoubleTrainer::new),
        NetCase.<ParityNetworks_HiddenSigmoidFloatModel>of(
            "HiddenSigmoidFloat", FLOAT, SIGMOID_CROSS_ENTROPY,
            sizes(3, 5, 3), activations(SIGMOID, IDENTITY),
            ParityNetworks_HiddenSigmoidFloatModel.INPUTS,
            ParityNetworks_HiddenSigmoidFloatModel.OUTPUTS,
            ParityNetworks_HiddenSigmoidFloatModel.PARAMETERS,
            ParityNetworks_HiddenSigmoidFloatModel::new,
            ParityNetworks_HiddenSigmoidFloatTrainer::new),
        NetCase.<ParityNetworks_HiddenSigmoidDoubleModel>of(
            "HiddenSigmoidDouble", DOUBLE, SIGMOID_CROSS_ENTROPY,
            sizes(3, 5, 3), activations(SIGMOID, IDENTITY),
            ParityNetworks_HiddenSigmoidDoubleModel.INPUTS,
            ParityNetworks_HiddenSigmoidDoubleModel.OUTPUTS,
            ParityNetworks_HiddenSigmoidDoubleModel.PARAMETERS,
            ParityNetworks_HiddenSigmoidDoubleModel::new,
            ParityNetworks_HiddenSigmoidDoubleTrainer::new),
        NetCase.<ParityNetworks_HiddenTanhFloatModel>of(
            "HiddenTanhFloat", FLOAT, SOFTMAX_CROSS_ENTROPY,
            sizes(4, 6, 3), activations(TANH, IDENTITY),
            ParityNetworks_HiddenTanhFloatModel.INPUTS,
            ParityNetworks_HiddenTanhFloatModel.OUTPUTS,
            ParityNetworks_HiddenTanhFloatModel.PARAMETERS,
            ParityNetworks_HiddenTanhFloatModel::new,
            ParityNetworks_HiddenTanhFloatTrainer::new),
        NetCase.<ParityNetworks_HiddenTanhDoubleModel>of(
            "HiddenTanhDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY,
            sizes(4, 6, 3), activations(TANH, IDENTITY),
            ParityNetworks_HiddenTanhDoubleModel.INPUTS,
            ParityNetworks_HiddenTanhDoubleModel.OUTPUTS,
            ParityNetworks_HiddenTanhDoubleModel.PARAMETERS,
            ParityNetworks_HiddenTanhDoubleModel::new,
            ParityNetworks_HiddenTanhDoubleTrainer::new),
        NetCase.<ParityNetworks_HiddenReluFloatModel>of(
            "HiddenReluFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(3, 7, 2), activations(RELU, IDENTITY),
            ParityNetworks_HiddenReluFloatModel.INPUTS,
            ParityNetworks_HiddenReluFloatModel.OUTPUTS,
            ParityNetworks_HiddenReluFloatModel.PARAMETERS,
            ParityNetworks_HiddenReluFloatModel::new,
            ParityNetworks_HiddenReluFloatTrainer::new),
        NetCase.<ParityNetworks_HiddenReluDoubleModel>of(
            "HiddenReluDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(3, 7, 2), activations(RELU, IDENTITY),
            ParityNetworks_HiddenReluDoubleModel.INPUTS,
            ParityNetworks_HiddenReluDoubleModel.OUTPUTS,
            ParityNetworks_HiddenReluDoubleModel.PARAMETERS,
            ParityNetworks_HiddenReluDoubleModel::new,
            ParityNetworks_HiddenReluDoubleTrainer::new),
        NetCase.<ParityNetworks_HiddenLeakyReluFloatModel>of(
            "HiddenLeakyReluFloat", FLOAT, SOFTMAX_CROSS_ENTROPY,
            sizes(5, 4, 3), activations(LEAKY_RELU, IDENTITY),
            ParityNetworks_HiddenLeakyReluFloatModel.INPUTS,
            ParityNetworks_HiddenLeakyReluFloatModel.OUTPUTS,
            ParityNetworks_HiddenLeakyReluFloatModel.PARAMETERS,
            ParityNetworks_HiddenLeakyReluFloatModel::new,
            ParityNetworks_HiddenLeakyReluFloatTrainer::new),
        NetCase.<ParityNetworks_HiddenLeakyReluDoubleModel>of(
            "HiddenLeakyReluDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY,
            sizes(5, 4, 3), activations(LEAKY_RELU, IDENTITY),
            ParityNetworks_HiddenLeakyReluDoubleModel.INPUTS,
            ParityNetworks_HiddenLeakyReluDoubleModel.OUTPUTS,
            ParityNetworks_HiddenLeakyReluDoubleModel.PARAMETERS,
            ParityNetworks_HiddenLeakyReluDoubleModel::new,
            ParityNetworks_HiddenLeakyReluDoubleTrainer::new),
        NetCase.<ParityNetworks_HiddenEluFloatModel>of(
            "HiddenEluFloat", FLOAT, SIGMOID_CROSS_ENTROPY,
            sizes(3, 6, 1), activations(ELU, IDENTITY),
            ParityNetworks_HiddenEluFloatModel.INPUTS,
            ParityNetworks_HiddenEluFloatModel.OUTPUTS,
            ParityNetworks_HiddenEluFloatModel.PARAMETERS,
            ParityNetworks_HiddenEluFloatModel::new,
            ParityNetworks_HiddenEluFloatTrainer::new),
        NetCase.<ParityNetworks_HiddenEluDoubleModel>of(
            "HiddenEluDouble", DOUBLE, SIGMOID_CROSS_ENTROPY,
            sizes(3, 6, 1), activations(ELU, IDENTITY),
            ParityNetworks_HiddenEluDoubleModel.INPUTS,
            ParityNetworks_HiddenEluDoubleModel.OUTPUTS,
            ParityNetworks_HiddenEluDoubleModel.PARAMETERS,
            ParityNetworks_HiddenEluDoubleModel::new,
            ParityNetworks_HiddenEluDoubleTrainer::new),
        NetCase.<ParityNetworks_HiddenSoftplusFloatModel>of(
            "HiddenSoftplusFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(2, 5, 2), activations(SOFTPLUS, IDENTITY),
            ParityNetworks_HiddenSoftplusFloatModel.INPUTS,
            ParityNetworks_HiddenSoftplusFloatModel.OUTPUTS,
            ParityNetworks_HiddenSoftplusFloatModel.PARAMETERS,
            ParityNetworks_HiddenSoftplusFloatModel::new,
            ParityNetworks_HiddenSoftplusFloatTrainer::new),
        NetCase.<ParityNetworks_HiddenSoftplusDoubleModel>of(
            "HiddenSoftplusDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(2, 5, 2), activations(SOFTPLUS, IDENTITY),
            ParityNetworks_HiddenSoftplusDoubleModel.INPUTS,
            ParityNetworks_HiddenSoftplusDoubleModel.OUTPUTS,
            ParityNetworks_HiddenSoftplusDoubleModel.PARAMETERS,
            ParityNetworks_HiddenSoftplusDoubleModel::new,
            ParityNetworks_HiddenSoftplusDoubleTrainer::new),
        NetCase.<ParityNetworks_HiddenSiluFloatModel>of(
            "HiddenSiluFloat", FLOAT, SOFTMAX_CROSS_ENTROPY,
            sizes(4, 5, 4), activations(SILU, IDENTITY),
            ParityNetworks_HiddenSiluFloatModel.INPUTS,
            ParityNetworks_HiddenSiluFloatModel.OUTPUTS,
            ParityNetworks_HiddenSiluFloatModel.PARAMETERS,
            ParityNetworks_HiddenSiluFloatModel::new,
            ParityNetworks_HiddenSiluFloatTrainer::new),
        NetCase.<ParityNetworks_HiddenSiluDoubleModel>of(
            "HiddenSiluDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY,
            sizes(4, 5, 4), activations(SILU, IDENTITY),
            ParityNetworks_HiddenSiluDoubleModel.INPUTS,
            ParityNetworks_HiddenSiluDoubleModel.OUTPUTS,
            ParityNetworks_HiddenSiluDoubleModel.PARAMETERS,
            ParityNetworks_HiddenSiluDoubleModel::new,
            ParityNetworks_HiddenSiluDoubleTrainer::new),
        // Every activation as the output activation under mean squared error.
        NetCase.<ParityNetworks_OutputIdentityFloatModel>of(
            "OutputIdentityFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, IDENTITY),
            ParityNetworks_OutputIdentityFloatModel.INPUTS,
            ParityNetworks_OutputIdentityFloatModel.OUTPUTS,
            ParityNetworks_OutputIdentityFloatModel.PARAMETERS,
            ParityNetworks_OutputIdentityFloatModel::new,
            ParityNetworks_OutputIdentityFloatTrainer::new),
        NetCase.<ParityNetworks_OutputIdentityDoubleModel>of(
            "OutputIdentityDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, IDENTITY),
            ParityNetworks_OutputIdentityDoubleModel.INPUTS,
            ParityNetworks_OutputIdentityDoubleModel.OUTPUTS,
            ParityNetworks_OutputIdentityDoubleModel.PARAMETERS,
            ParityNetworks_OutputIdentityDoubleModel::new,
            ParityNetworks_OutputIdentityDoubleTrainer::new),
        NetCase.<ParityNetworks_OutputSigmoidFloatModel>of(
            "OutputSigmoidFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, SIGMOID),
            ParityNetworks_OutputSigmoidFloatModel.INPUTS,
            ParityNetworks_OutputSigmoidFloatModel.OUTPUTS,
            ParityNetworks_OutputSigmoidFloatModel.PARAMETERS,
            ParityNetworks_OutputSigmoidFloatModel::new,
            ParityNetworks_OutputSigmoidFloatTrainer::new),
        NetCase.<ParityNetworks_OutputSigmoidDoubleModel>of(
            "OutputSigmoidDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, SIGMOID),
            ParityNetworks_OutputSigmoidDoubleModel.INPUTS,
            ParityNetworks_OutputSigmoidDoubleModel.OUTPUTS,
            ParityNetworks_OutputSigmoidDoubleModel.PARAMETERS,
            ParityNetworks_OutputSigmoidDoubleModel::new,
            ParityNetworks_OutputSigmoidDoubleTrainer::new),
        NetCase.<ParityNetworks_OutputTanhFloatModel>of(
            "OutputTanhFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, TANH),
            ParityNetworks_OutputTanhFloatModel.INPUTS,
            ParityNetworks_OutputTanhFloatModel.OUTPUTS,
            ParityNetworks_OutputTanhFloatModel.PARAMETERS,
            ParityNetworks_OutputTanhFloatModel::new,
            ParityNetworks_OutputTanhFloatTrainer::new),
        NetCase.<ParityNetworks_OutputTanhDoubleModel>of(
            "OutputTanhDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, TANH),
            ParityNetworks_OutputTanhDoubleModel.INPUTS,
            ParityNetworks_OutputTanhDoubleModel.OUTPUTS,
            ParityNetworks_OutputTanhDoubleModel.PARAMETERS,
            ParityNetworks_OutputTanhDoubleModel::new,
            ParityNetworks_OutputTanhDoubleTrainer::new),
        NetCase.<ParityNetworks_OutputReluFloatModel>of(
            "OutputReluFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, RELU),
            ParityNetworks_OutputReluFloatModel.INPUTS,
            ParityNetworks_OutputReluFloatModel.OUTPUTS,
            ParityNetworks_OutputReluFloatModel.PARAMETERS,
            ParityNetworks_OutputReluFloatModel::new,
            ParityNetworks_OutputReluFloatTrainer::new),
        NetCase.<ParityNetworks_OutputReluDoubleModel>of(
            "OutputReluDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, RELU),
            ParityNetworks_OutputReluDoubleModel.INPUTS,
            ParityNetworks_OutputReluDoubleModel.OUTPUTS,
            ParityNetworks_OutputReluDoubleModel.PARAMETERS,
            ParityNetworks_OutputReluDoubleModel::new,
            ParityNetworks_OutputReluDoubleTrainer::new),
        NetCase.<ParityNetworks_OutputLeakyReluFloatModel>of(
            "OutputLeakyReluFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, LEAKY_RELU),
            ParityNetworks_OutputLeakyReluFloatModel.INPUTS,
            ParityNetworks_OutputLeakyReluFloatModel.OUTPUTS,
            ParityNetworks_OutputLeakyReluFloatModel.PARAMETERS,
            ParityNetworks_OutputLeakyReluFloatModel::new,
            ParityNetworks_OutputLeakyReluFloatTrainer::new),
        NetCase.<ParityNetworks_OutputLeakyReluDoubleModel>of(
            "OutputLeakyReluDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, LEAKY_RELU),
            ParityNetworks_OutputLeakyReluDoubleModel.INPUTS,
            ParityNetworks_OutputLeakyReluDoubleModel.OUTPUTS,
            ParityNetworks_OutputLeakyReluDoubleModel.PARAMETERS,
            ParityNetworks_OutputLeakyReluDoubleModel::new,
            ParityNetworks_OutputLeakyReluDoubleTrainer::new),
        NetCase.<ParityNetworks_OutputEluFloatModel>of(
            "OutputEluFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, ELU),
            ParityNetworks_OutputEluFloatModel.INPUTS,
            ParityNetworks_OutputEluFloatModel.OUTPUTS,
            ParityNetworks_OutputEluFloatModel.PARAMETERS,
            ParityNetworks_OutputEluFloatModel::new,
            ParityNetworks_OutputEluFloatTrainer::new),
        NetCase.<ParityNetworks_OutputEluDoubleModel>of(
            "OutputEluDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, ELU),
            ParityNetworks_OutputEluDoubleModel.INPUTS,
            ParityNetworks_OutputEluDoubleModel.OUTPUTS,
            ParityNetworks_OutputEluDoubleModel.PARAMETERS,
            ParityNetworks_OutputEluDoubleModel::new,
            ParityNetworks_OutputEluDoubleTrainer::new),
        NetCase.<ParityNetworks_OutputSoftplusFloatModel>of(
            "OutputSoftplusFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, SOFTPLUS),
            ParityNetworks_OutputSoftplusFloatModel.INPUTS,
            ParityNetworks_OutputSoftplusFloatModel.OUTPUTS,
            ParityNetworks_OutputSoftplusFloatModel.PARAMETERS,
            ParityNetworks_OutputSoftplusFloatModel::new,
            ParityNetworks_OutputSoftplusFloatTrainer::new),
        NetCase.<ParityNetworks_OutputSoftplusDoubleModel>of(
            "OutputSoftplusDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, SOFTPLUS),
            ParityNetworks_OutputSoftplusDoubleModel.INPUTS,
            ParityNetworks_OutputSoftplusDoubleModel.OUTPUTS,
            ParityNetworks_OutputSoftplusDoubleModel.PARAMETERS,
            ParityNetworks_OutputSoftplusDoubleModel::new,
            ParityNetworks_OutputSoftplusDoubleTrainer::new),
        NetCase.<ParityNetworks_OutputSiluFloatModel>of(
            "OutputSiluFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, SILU),
            ParityNetworks_OutputSiluFloatModel.INPUTS,
            ParityNetworks_OutputSiluFloatModel.OUTPUTS,
            ParityNetworks_OutputSiluFloatModel.PARAMETERS,
            ParityNetworks_OutputSiluFloatModel::new,
            ParityNetworks_OutputSiluFloatTrainer::new),
        NetCase.<ParityNetworks_OutputSiluDoubleModel>of(
            "OutputSiluDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(3, 5, 3), activations(TANH, SILU),
            ParityNetworks_OutputSiluDoubleModel.INPUTS,
            ParityNetworks_OutputSiluDoubleModel.OUTPUTS,
            ParityNetworks_OutputSiluDoubleModel.PARAMETERS,
            ParityNetworks_OutputSiluDoubleModel::new,
            ParityNetworks_OutputSiluDoubleTrainer::new),
        // No hidden layer: the output layer alone.
        NetCase.<ParityNetworks_NoHiddenSoftmaxFloatModel>of(
            "NoHiddenSoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY,
            sizes(4, 3), activations(IDENTITY),
            ParityNetworks_NoHiddenSoftmaxFloatModel.INPUTS,
            ParityNetworks_NoHiddenSoftmaxFloatModel.OUTPUTS,
            ParityNetworks_NoHiddenSoftmaxFloatModel.PARAMETERS,
            ParityNetworks_NoHiddenSoftmaxFloatModel::new,
            ParityNetworks_NoHiddenSoftmaxFloatTrainer::new),
        NetCase.<ParityNetworks_NoHiddenSoftmaxDoubleModel>of(
            "NoHiddenSoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY,
            sizes(4, 3), activations(IDENTITY),
            ParityNetworks_NoHiddenSoftmaxDoubleModel.INPUTS,
            ParityNetworks_NoHiddenSoftmaxDoubleModel.OUTPUTS,
            ParityNetworks_NoHiddenSoftmaxDoubleModel.PARAMETERS,
            ParityNetworks_NoHiddenSoftmaxDoubleModel::new,
            ParityNetworks_NoHiddenSoftmaxDoubleTrainer::new),
        NetCase.<ParityNetworks_NoHiddenSigmoidFloatModel>of(
            "NoHiddenSigmoidFloat", FLOAT, SIGMOID_CROSS_ENTROPY,
            sizes(5, 1), activations(IDENTITY),
            ParityNetworks_NoHiddenSigmoidFloatModel.INPUTS,
            ParityNetworks_NoHiddenSigmoidFloatModel.OUTPUTS,
            ParityNetworks_NoHiddenSigmoidFloatModel.PARAMETERS,
            ParityNetworks_NoHiddenSigmoidFloatModel::new,
            ParityNetworks_NoHiddenSigmoidFloatTrainer::new),
        NetCase.<ParityNetworks_NoHiddenSigmoidDoubleModel>of(
            "NoHiddenSigmoidDouble", DOUBLE, SIGMOID_CROSS_ENTROPY,
            sizes(5, 1), activations(IDENTITY),
            ParityNetworks_NoHiddenSigmoidDoubleModel.INPUTS,
            ParityNetworks_NoHiddenSigmoidDoubleModel.OUTPUTS,
            ParityNetworks_NoHiddenSigmoidDoubleModel.PARAMETERS,
            ParityNetworks_NoHiddenSigmoidDoubleModel::new,
            ParityNetworks_NoHiddenSigmoidDoubleTrainer::new),
        NetCase.<ParityNetworks_NoHiddenMseFloatModel>of(
            "NoHiddenMseFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(3, 2), activations(TANH),
            ParityNetworks_NoHiddenMseFloatModel.INPUTS,
            ParityNetworks_NoHiddenMseFloatModel.OUTPUTS,
            ParityNetworks_NoHiddenMseFloatModel.PARAMETERS,
            ParityNetworks_NoHiddenMseFloatModel::new,
            ParityNetworks_NoHiddenMseFloatTrainer::new),
        NetCase.<ParityNetworks_NoHiddenMseDoubleModel>of(
            "NoHiddenMseDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(3, 2), activations(TANH),
            ParityNetworks_NoHiddenMseDoubleModel.INPUTS,
            ParityNetworks_NoHiddenMseDoubleModel.OUTPUTS,
            ParityNetworks_NoHiddenMseDoubleModel.PARAMETERS,
            ParityNetworks_NoHiddenMseDoubleModel::new,
            ParityNetworks_NoHiddenMseDoubleTrainer::new),
        NetCase.<ParityNetworks_TinyFloatModel>of(
            "TinyFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(1, 1), activations(IDENTITY),
            ParityNetworks_TinyFloatModel.INPUTS,
            ParityNetworks_TinyFloatModel.OUTPUTS,
            ParityNetworks_TinyFloatModel.PARAMETERS,
            ParityNetworks_TinyFloatModel::new,
            ParityNetworks_TinyFloatTrainer::new),
        NetCase.<ParityNetworks_TinyDoubleModel>of(
            "TinyDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(1, 1), activations(IDENTITY),
            ParityNetworks_TinyDoubleModel.INPUTS,
            ParityNetworks_TinyDoubleModel.OUTPUTS,
            ParityNetworks_TinyDoubleModel.PARAMETERS,
            ParityNetworks_TinyDoubleModel::new,
            ParityNetworks_TinyDoubleTrainer::new),
        // Deep, mixed activations.
        NetCase.<ParityNetworks_DeepSoftmaxFloatModel>of(
            "DeepSoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY,
            sizes(5, 8, 7, 6, 5, 3), activations(TANH, RELU, SILU, ELU, IDENTITY),
            ParityNetworks_DeepSoftmaxFloatModel.INPUTS,
            ParityNetworks_DeepSoftmaxFloatModel.OUTPUTS,
            ParityNetworks_DeepSoftmaxFloatModel.PARAMETERS,
            ParityNetworks_DeepSoftmaxFloatModel::new,
            ParityNetworks_DeepSoftmaxFloatTrainer::new),
        NetCase.<ParityNetworks_DeepSoftmaxDoubleModel>of(
            "DeepSoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY,
            sizes(5, 8, 7, 6, 5, 3), activations(TANH, RELU, SILU, ELU, IDENTITY),
            ParityNetworks_DeepSoftmaxDoubleModel.INPUTS,
            ParityNetworks_DeepSoftmaxDoubleModel.OUTPUTS,
            ParityNetworks_DeepSoftmaxDoubleModel.PARAMETERS,
            ParityNetworks_DeepSoftmaxDoubleModel::new,
            ParityNetworks_DeepSoftmaxDoubleTrainer::new),
        NetCase.<ParityNetworks_DeepMseFloatModel>of(
            "DeepMseFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(3, 6, 6, 6, 2), activations(SOFTPLUS, LEAKY_RELU, SIGMOID, TANH),
            ParityNetworks_DeepMseFloatModel.INPUTS,
            ParityNetworks_DeepMseFloatModel.OUTPUTS,
            ParityNetworks_DeepMseFloatModel.PARAMETERS,
            ParityNetworks_DeepMseFloatModel::new,
            ParityNetworks_DeepMseFloatTrainer::new),
        NetCase.<ParityNetworks_DeepMseDoubleModel>of(
            "DeepMseDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(3, 6, 6, 6, 2), activations(SOFTPLUS, LEAKY_RELU, SIGMOID, TANH),
            ParityNetworks_DeepMseDoubleModel.INPUTS,
            ParityNetworks_DeepMseDoubleModel.OUTPUTS,
            ParityNetworks_DeepMseDoubleModel.PARAMETERS,
            ParityNetworks_DeepMseDoubleModel::new,
            ParityNetworks_DeepMseDoubleTrainer::new),
        // Only large layers (in x out > 512: looped code).
        NetCase.<ParityNetworks_LargeSoftmaxFloatModel>of(
            "LargeSoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY,
            sizes(40, 32, 20), activations(TANH, IDENTITY),
            ParityNetworks_LargeSoftmaxFloatModel.INPUTS,
            ParityNetworks_LargeSoftmaxFloatModel.OUTPUTS,
            ParityNetworks_LargeSoftmaxFloatModel.PARAMETERS,
            ParityNetworks_LargeSoftmaxFloatModel::new,
            ParityNetworks_LargeSoftmaxFloatTrainer::new),
        NetCase.<ParityNetworks_LargeSoftmaxDoubleModel>of(
            "LargeSoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY,
            sizes(40, 32, 20), activations(TANH, IDENTITY),
            ParityNetworks_LargeSoftmaxDoubleModel.INPUTS,
            ParityNetworks_LargeSoftmaxDoubleModel.OUTPUTS,
            ParityNetworks_LargeSoftmaxDoubleModel.PARAMETERS,
            ParityNetworks_LargeSoftmaxDoubleModel::new,
            ParityNetworks_LargeSoftmaxDoubleTrainer::new),
        NetCase.<ParityNetworks_LargeMseFloatModel>of(
            "LargeMseFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(64, 48, 16), activations(RELU, IDENTITY),
            ParityNetworks_LargeMseFloatModel.INPUTS,
            ParityNetworks_LargeMseFloatModel.OUTPUTS,
            ParityNetworks_LargeMseFloatModel.PARAMETERS,
            ParityNetworks_LargeMseFloatModel::new,
            ParityNetworks_LargeMseFloatTrainer::new),
        NetCase.<ParityNetworks_LargeMseDoubleModel>of(
            "LargeMseDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(64, 48, 16), activations(RELU, IDENTITY),
            ParityNetworks_LargeMseDoubleModel.INPUTS,
            ParityNetworks_LargeMseDoubleModel.OUTPUTS,
            ParityNetworks_LargeMseDoubleModel.PARAMETERS,
            ParityNetworks_LargeMseDoubleModel::new,
            ParityNetworks_LargeMseDoubleTrainer::new),
        NetCase.<ParityNetworks_LargeSigmoidFloatModel>of(
            "LargeSigmoidFloat", FLOAT, SIGMOID_CROSS_ENTROPY,
            sizes(30, 24, 24), activations(ELU, IDENTITY),
            ParityNetworks_LargeSigmoidFloatModel.INPUTS,
            ParityNetworks_LargeSigmoidFloatModel.OUTPUTS,
            ParityNetworks_LargeSigmoidFloatModel.PARAMETERS,
            ParityNetworks_LargeSigmoidFloatModel::new,
            ParityNetworks_LargeSigmoidFloatTrainer::new),
        NetCase.<ParityNetworks_LargeSigmoidDoubleModel>of(
            "LargeSigmoidDouble", DOUBLE, SIGMOID_CROSS_ENTROPY,
            sizes(30, 24, 24), activations(ELU, IDENTITY),
            ParityNetworks_LargeSigmoidDoubleModel.INPUTS,
            ParityNetworks_LargeSigmoidDoubleModel.OUTPUTS,
            ParityNetworks_LargeSigmoidDoubleModel.PARAMETERS,
            ParityNetworks_LargeSigmoidDoubleModel::new,
            ParityNetworks_LargeSigmoidDoubleTrainer::new),
        NetCase.<ParityNetworks_LargeOddFloatModel>of(
            "LargeOddFloat", FLOAT, SOFTMAX_CROSS_ENTROPY,
            sizes(37, 29, 19), activations(LEAKY_RELU, IDENTITY),
            ParityNetworks_LargeOddFloatModel.INPUTS,
            ParityNetworks_LargeOddFloatModel.OUTPUTS,
            ParityNetworks_LargeOddFloatModel.PARAMETERS,
            ParityNetworks_LargeOddFloatModel::new,
            ParityNetworks_LargeOddFloatTrainer::new),
        NetCase.<ParityNetworks_LargeOddDoubleModel>of(
            "LargeOddDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY,
            sizes(37, 29, 19), activations(LEAKY_RELU, IDENTITY),
            ParityNetworks_LargeOddDoubleModel.INPUTS,
            ParityNetworks_LargeOddDoubleModel.OUTPUTS,
            ParityNetworks_LargeOddDoubleModel.PARAMETERS,
            ParityNetworks_LargeOddDoubleModel::new,
            ParityNetworks_LargeOddDoubleTrainer::new),
        // Small and large layers mixed; a layer exactly at the 512 threshold and one just above.
        NetCase.<ParityNetworks_MixedSoftmaxFloatModel>of(
            "MixedSoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY,
            sizes(40, 32, 8, 3), activations(TANH, RELU, IDENTITY),
            ParityNetworks_MixedSoftmaxFloatModel.INPUTS,
            ParityNetworks_MixedSoftmaxFloatModel.OUTPUTS,
            ParityNetworks_MixedSoftmaxFloatModel.PARAMETERS,
            ParityNetworks_MixedSoftmaxFloatModel::new,
            ParityNetworks_MixedSoftmaxFloatTrainer::new),
        NetCase.<ParityNetworks_MixedSoftmaxDoubleModel>of(
            "MixedSoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY,
            sizes(40, 32, 8, 3), activations(TANH, RELU, IDENTITY),
            ParityNetworks_MixedSoftmaxDoubleModel.INPUTS,
            ParityNetworks_MixedSoftmaxDoubleModel.OUTPUTS,
            ParityNetworks_MixedSoftmaxDoubleModel.PARAMETERS,
            ParityNetworks_MixedSoftmaxDoubleModel::new,
            ParityNetworks_MixedSoftmaxDoubleTrainer::new),
        NetCase.<ParityNetworks_MixedMseFloatModel>of(
            "MixedMseFloat", FLOAT, MEAN_SQUARED_ERROR,
            sizes(6, 10, 64, 10), activations(SIGMOID, SOFTPLUS, SILU),
            ParityNetworks_MixedMseFloatModel.INPUTS,
            ParityNetworks_MixedMseFloatModel.OUTPUTS,
            ParityNetworks_MixedMseFloatModel.PARAMETERS,
            ParityNetworks_MixedMseFloatModel::new,
            ParityNetworks_MixedMseFloatTrainer::new),
        NetCase.<ParityNetworks_MixedMseDoubleModel>of(
            "MixedMseDouble", DOUBLE, MEAN_SQUARED_ERROR,
            sizes(6, 10, 64, 10), activations(SIGMOID, SOFTPLUS, SILU),
            ParityNetworks_MixedMseDoubleModel.INPUTS,
            ParityNetworks_MixedMseDoubleModel.OUTPUTS,
            ParityNetworks_MixedMseDoubleModel.PARAMETERS,
            ParityNetworks_MixedMseDoubleModel::new,
            ParityNetworks_MixedMseDoubleTrainer::new),
        NetCase.<ParityNetworks_ThresholdFloatModel>of(
            "ThresholdFloat", FLOAT, SOFTMAX_CROSS_ENTROPY,
            sizes(32, 16, 33), activations(SIGMOID, IDENTITY),
            ParityNetworks_ThresholdFloatModel.INPUTS,
            ParityNetworks_ThresholdFloatModel.OUTPUTS,
            ParityNetworks_ThresholdFloatModel.PARAMETERS,
            ParityNetworks_ThresholdFloatModel::new,
            ParityNetworks_ThresholdFloatTrainer::new),
        NetCase.<ParityNetworks_ThresholdDoubleModel>of(
            "ThresholdDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY,
            sizes(32, 16, 33), activations(SIGMOID, IDENTITY),
            ParityNetworks_ThresholdDoubleModel.INPUTS,
            ParityNetworks_ThresholdDoubleModel.OUTPUTS,
            ParityNetworks_ThresholdDoubleModel.PARAMETERS,
            ParityNetworks_ThresholdDoubleModel::new,
            ParityNetworks_ThresholdDoubleTrainer::new),
        NetCase.<ParityNetworks_VeryDeepFloatModel>of(
            "VeryDeepFloat", FLOAT, SOFTMAX_CROSS_ENTROPY,
            deepSizes(), deepActivations(),
            ParityNetworks_VeryDeepFloatModel.INPUTS,
            ParityNetworks_VeryDeepFloatModel.OUTPUTS,
            ParityNetworks_VeryDeepFloatModel.PARAMETERS,
            ParityNetworks_VeryDeepFloatModel::new,
            ParityNetworks_VeryDeepFloatTrainer::new),
        NetCase.<ParityNetworks_VeryDeepDoubleModel>of(
            "VeryDeepDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY,
            deepSizes(), deepActivations(),
            ParityNetworks_VeryDeepDoubleModel.INPUTS,
            ParityNetworks_VeryDeepDoubleModel.OUTPUTS,
            ParityNetworks_VeryDeepDoubleModel.PARAMETERS,
            ParityNetworks_VeryDeepDoubleModel::new,
            ParityNetworks_VeryDeepDoubleTrainer::new));
  }

  /** The case declared as {@code ParityNetworks.<name>}. */
  static NetCase named(String name) {
    return all().stream()
        .filter(c -> c.name.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no parity case " + name));
  }

  /** 3 inputs, 44 hidden TANH layers of 3 units, 2 logits: as declared by {@code VeryDeep…}. */
  private static int[] deepSizes() {
    int[] sizes = new int[46];
    java.util.Arrays.fill(sizes, 3);
    sizes[45] = 2;
    return sizes;
  }

  private static Activation[] deepActivations() {
    Activation[] activations = new Activation[45];
    java.util.Arrays.fill(activations, TANH);
    activations[44] = IDENTITY;
    return activations;
  }

  private static int[] sizes(int... sizes) {
    return sizes;
  }

  private static Activation[] activations(Activation... activations) {
    return activations;
  }
}
