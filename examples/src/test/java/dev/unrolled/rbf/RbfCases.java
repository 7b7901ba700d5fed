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

import dev.unrolled.Activation;
import java.util.List;

/** {@link RbfNetworks} as data: what each was declared with, and its generated classes. */
final class RbfCases {
  /** 48 in the activation × loss × precision matrix, 6 looped, 2 chunked, 2 direct, 2 vector. */
  static final int COUNT = 60;

  private RbfCases() {}

  static List<RbfCase> all() {
    return List.of(
        RbfCase.<RbfNetworks_IdentitySoftmaxFloatModel>of("IdentitySoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(IDENTITY, IDENTITY),
            RbfNetworks_IdentitySoftmaxFloatModel.INPUTS, RbfNetworks_IdentitySoftmaxFloatModel.OUTPUTS, RbfNetworks_IdentitySoftmaxFloatModel.PARAMETERS, RbfNetworks_IdentitySoftmaxFloatModel::new, RbfNetworks_IdentitySoftmaxFloatTrainer::new),
        RbfCase.<RbfNetworks_IdentitySoftmaxDoubleModel>of("IdentitySoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(IDENTITY, IDENTITY),
            RbfNetworks_IdentitySoftmaxDoubleModel.INPUTS, RbfNetworks_IdentitySoftmaxDoubleModel.OUTPUTS, RbfNetworks_IdentitySoftmaxDoubleModel.PARAMETERS, RbfNetworks_IdentitySoftmaxDoubleModel::new, RbfNetworks_IdentitySoftmaxDoubleTrainer::new),
        RbfCase.<RbfNetworks_IdentitySigmoidFloatModel>of("IdentitySigmoidFloat", FLOAT, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(IDENTITY, IDENTITY),
            RbfNetworks_IdentitySigmoidFloatModel.INPUTS, RbfNetworks_IdentitySigmoidFloatModel.OUTPUTS, RbfNetworks_IdentitySigmoidFloatModel.PARAMETERS, RbfNetworks_IdentitySigmoidFloatModel::new, RbfNetworks_IdentitySigmoidFloatTrainer::new),
        RbfCase.<RbfNetworks_IdentitySigmoidDoubleModel>of("IdentitySigmoidDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(IDENTITY, IDENTITY),
            RbfNetworks_IdentitySigmoidDoubleModel.INPUTS, RbfNetworks_IdentitySigmoidDoubleModel.OUTPUTS, RbfNetworks_IdentitySigmoidDoubleModel.PARAMETERS, RbfNetworks_IdentitySigmoidDoubleModel::new, RbfNetworks_IdentitySigmoidDoubleTrainer::new),
        RbfCase.<RbfNetworks_IdentityMseFloatModel>of("IdentityMseFloat", FLOAT, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(IDENTITY, IDENTITY),
            RbfNetworks_IdentityMseFloatModel.INPUTS, RbfNetworks_IdentityMseFloatModel.OUTPUTS, RbfNetworks_IdentityMseFloatModel.PARAMETERS, RbfNetworks_IdentityMseFloatModel::new, RbfNetworks_IdentityMseFloatTrainer::new),
        RbfCase.<RbfNetworks_IdentityMseDoubleModel>of("IdentityMseDouble", DOUBLE, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(IDENTITY, IDENTITY),
            RbfNetworks_IdentityMseDoubleModel.INPUTS, RbfNetworks_IdentityMseDoubleModel.OUTPUTS, RbfNetworks_IdentityMseDoubleModel.PARAMETERS, RbfNetworks_IdentityMseDoubleModel::new, RbfNetworks_IdentityMseDoubleTrainer::new),
        RbfCase.<RbfNetworks_SigmoidSoftmaxFloatModel>of("SigmoidSoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(SIGMOID, IDENTITY),
            RbfNetworks_SigmoidSoftmaxFloatModel.INPUTS, RbfNetworks_SigmoidSoftmaxFloatModel.OUTPUTS, RbfNetworks_SigmoidSoftmaxFloatModel.PARAMETERS, RbfNetworks_SigmoidSoftmaxFloatModel::new, RbfNetworks_SigmoidSoftmaxFloatTrainer::new),
        RbfCase.<RbfNetworks_SigmoidSoftmaxDoubleModel>of("SigmoidSoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(SIGMOID, IDENTITY),
            RbfNetworks_SigmoidSoftmaxDoubleModel.INPUTS, RbfNetworks_SigmoidSoftmaxDoubleModel.OUTPUTS, RbfNetworks_SigmoidSoftmaxDoubleModel.PARAMETERS, RbfNetworks_SigmoidSoftmaxDoubleModel::new, RbfNetworks_SigmoidSoftmaxDoubleTrainer::new),
        RbfCase.<RbfNetworks_SigmoidSigmoidFloatModel>of("SigmoidSigmoidFloat", FLOAT, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(SIGMOID, IDENTITY),
            RbfNetworks_SigmoidSigmoidFloatModel.INPUTS, RbfNetworks_SigmoidSigmoidFloatModel.OUTPUTS, RbfNetworks_SigmoidSigmoidFloatModel.PARAMETERS, RbfNetworks_SigmoidSigmoidFloatModel::new, RbfNetworks_SigmoidSigmoidFloatTrainer::new),
        RbfCase.<RbfNetworks_SigmoidSigmoidDoubleModel>of("SigmoidSigmoidDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(SIGMOID, IDENTITY),
            RbfNetworks_SigmoidSigmoidDoubleModel.INPUTS, RbfNetworks_SigmoidSigmoidDoubleModel.OUTPUTS, RbfNetworks_SigmoidSigmoidDoubleModel.PARAMETERS, RbfNetworks_SigmoidSigmoidDoubleModel::new, RbfNetworks_SigmoidSigmoidDoubleTrainer::new),
        RbfCase.<RbfNetworks_SigmoidMseFloatModel>of("SigmoidMseFloat", FLOAT, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(SIGMOID, IDENTITY),
            RbfNetworks_SigmoidMseFloatModel.INPUTS, RbfNetworks_SigmoidMseFloatModel.OUTPUTS, RbfNetworks_SigmoidMseFloatModel.PARAMETERS, RbfNetworks_SigmoidMseFloatModel::new, RbfNetworks_SigmoidMseFloatTrainer::new),
        RbfCase.<RbfNetworks_SigmoidMseDoubleModel>of("SigmoidMseDouble", DOUBLE, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(SIGMOID, IDENTITY),
            RbfNetworks_SigmoidMseDoubleModel.INPUTS, RbfNetworks_SigmoidMseDoubleModel.OUTPUTS, RbfNetworks_SigmoidMseDoubleModel.PARAMETERS, RbfNetworks_SigmoidMseDoubleModel::new, RbfNetworks_SigmoidMseDoubleTrainer::new),
        RbfCase.<RbfNetworks_TanhSoftmaxFloatModel>of("TanhSoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(TANH, IDENTITY),
            RbfNetworks_TanhSoftmaxFloatModel.INPUTS, RbfNetworks_TanhSoftmaxFloatModel.OUTPUTS, RbfNetworks_TanhSoftmaxFloatModel.PARAMETERS, RbfNetworks_TanhSoftmaxFloatModel::new, RbfNetworks_TanhSoftmaxFloatTrainer::new),
        RbfCase.<RbfNetworks_TanhSoftmaxDoubleModel>of("TanhSoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(TANH, IDENTITY),
            RbfNetworks_TanhSoftmaxDoubleModel.INPUTS, RbfNetworks_TanhSoftmaxDoubleModel.OUTPUTS, RbfNetworks_TanhSoftmaxDoubleModel.PARAMETERS, RbfNetworks_TanhSoftmaxDoubleModel::new, RbfNetworks_TanhSoftmaxDoubleTrainer::new),
        RbfCase.<RbfNetworks_TanhSigmoidFloatModel>of("TanhSigmoidFloat", FLOAT, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(TANH, IDENTITY),
            RbfNetworks_TanhSigmoidFloatModel.INPUTS, RbfNetworks_TanhSigmoidFloatModel.OUTPUTS, RbfNetworks_TanhSigmoidFloatModel.PARAMETERS, RbfNetworks_TanhSigmoidFloatModel::new, RbfNetworks_TanhSigmoidFloatTrainer::new),
        RbfCase.<RbfNetworks_TanhSigmoidDoubleModel>of("TanhSigmoidDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(TANH, IDENTITY),
            RbfNetworks_TanhSigmoidDoubleModel.INPUTS, RbfNetworks_TanhSigmoidDoubleModel.OUTPUTS, RbfNetworks_TanhSigmoidDoubleModel.PARAMETERS, RbfNetworks_TanhSigmoidDoubleModel::new, RbfNetworks_TanhSigmoidDoubleTrainer::new),
        RbfCase.<RbfNetworks_TanhMseFloatModel>of("TanhMseFloat", FLOAT, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(TANH, IDENTITY),
            RbfNetworks_TanhMseFloatModel.INPUTS, RbfNetworks_TanhMseFloatModel.OUTPUTS, RbfNetworks_TanhMseFloatModel.PARAMETERS, RbfNetworks_TanhMseFloatModel::new, RbfNetworks_TanhMseFloatTrainer::new),
        RbfCase.<RbfNetworks_TanhMseDoubleModel>of("TanhMseDouble", DOUBLE, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(TANH, IDENTITY),
            RbfNetworks_TanhMseDoubleModel.INPUTS, RbfNetworks_TanhMseDoubleModel.OUTPUTS, RbfNetworks_TanhMseDoubleModel.PARAMETERS, RbfNetworks_TanhMseDoubleModel::new, RbfNetworks_TanhMseDoubleTrainer::new),
        RbfCase.<RbfNetworks_ReluSoftmaxFloatModel>of("ReluSoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(RELU, IDENTITY),
            RbfNetworks_ReluSoftmaxFloatModel.INPUTS, RbfNetworks_ReluSoftmaxFloatModel.OUTPUTS, RbfNetworks_ReluSoftmaxFloatModel.PARAMETERS, RbfNetworks_ReluSoftmaxFloatModel::new, RbfNetworks_ReluSoftmaxFloatTrainer::new),
        RbfCase.<RbfNetworks_ReluSoftmaxDoubleModel>of("ReluSoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(RELU, IDENTITY),
            RbfNetworks_ReluSoftmaxDoubleModel.INPUTS, RbfNetworks_ReluSoftmaxDoubleModel.OUTPUTS, RbfNetworks_ReluSoftmaxDoubleModel.PARAMETERS, RbfNetworks_ReluSoftmaxDoubleModel::new, RbfNetworks_ReluSoftmaxDoubleTrainer::new),
        RbfCase.<RbfNetworks_ReluSigmoidFloatModel>of("ReluSigmoidFloat", FLOAT, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(RELU, IDENTITY),
            RbfNetworks_ReluSigmoidFloatModel.INPUTS, RbfNetworks_ReluSigmoidFloatModel.OUTPUTS, RbfNetworks_ReluSigmoidFloatModel.PARAMETERS, RbfNetworks_ReluSigmoidFloatModel::new, RbfNetworks_ReluSigmoidFloatTrainer::new),
        RbfCase.<RbfNetworks_ReluSigmoidDoubleModel>of("ReluSigmoidDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(RELU, IDENTITY),
            RbfNetworks_ReluSigmoidDoubleModel.INPUTS, RbfNetworks_ReluSigmoidDoubleModel.OUTPUTS, RbfNetworks_ReluSigmoidDoubleModel.PARAMETERS, RbfNetworks_ReluSigmoidDoubleModel::new, RbfNetworks_ReluSigmoidDoubleTrainer::new),
        RbfCase.<RbfNetworks_ReluMseFloatModel>of("ReluMseFloat", FLOAT, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(RELU, IDENTITY),
            RbfNetworks_ReluMseFloatModel.INPUTS, RbfNetworks_ReluMseFloatModel.OUTPUTS, RbfNetworks_ReluMseFloatModel.PARAMETERS, RbfNetworks_ReluMseFloatModel::new, RbfNetworks_ReluMseFloatTrainer::new),
        RbfCase.<RbfNetworks_ReluMseDoubleModel>of("ReluMseDouble", DOUBLE, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(RELU, IDENTITY),
            RbfNetworks_ReluMseDoubleModel.INPUTS, RbfNetworks_ReluMseDoubleModel.OUTPUTS, RbfNetworks_ReluMseDoubleModel.PARAMETERS, RbfNetworks_ReluMseDoubleModel::new, RbfNetworks_ReluMseDoubleTrainer::new),
        RbfCase.<RbfNetworks_LeakyReluSoftmaxFloatModel>of("LeakyReluSoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(LEAKY_RELU, IDENTITY),
            RbfNetworks_LeakyReluSoftmaxFloatModel.INPUTS, RbfNetworks_LeakyReluSoftmaxFloatModel.OUTPUTS, RbfNetworks_LeakyReluSoftmaxFloatModel.PARAMETERS, RbfNetworks_LeakyReluSoftmaxFloatModel::new, RbfNetworks_LeakyReluSoftmaxFloatTrainer::new),
        RbfCase.<RbfNetworks_LeakyReluSoftmaxDoubleModel>of("LeakyReluSoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(LEAKY_RELU, IDENTITY),
            RbfNetworks_LeakyReluSoftmaxDoubleModel.INPUTS, RbfNetworks_LeakyReluSoftmaxDoubleModel.OUTPUTS, RbfNetworks_LeakyReluSoftmaxDoubleModel.PARAMETERS, RbfNetworks_LeakyReluSoftmaxDoubleModel::new, RbfNetworks_LeakyReluSoftmaxDoubleTrainer::new),
        RbfCase.<RbfNetworks_LeakyReluSigmoidFloatModel>of("LeakyReluSigmoidFloat", FLOAT, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(LEAKY_RELU, IDENTITY),
            RbfNetworks_LeakyReluSigmoidFloatModel.INPUTS, RbfNetworks_LeakyReluSigmoidFloatModel.OUTPUTS, RbfNetworks_LeakyReluSigmoidFloatModel.PARAMETERS, RbfNetworks_LeakyReluSigmoidFloatModel::new, RbfNetworks_LeakyReluSigmoidFloatTrainer::new),
        RbfCase.<RbfNetworks_LeakyReluSigmoidDoubleModel>of("LeakyReluSigmoidDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(LEAKY_RELU, IDENTITY),
            RbfNetworks_LeakyReluSigmoidDoubleModel.INPUTS, RbfNetworks_LeakyReluSigmoidDoubleModel.OUTPUTS, RbfNetworks_LeakyReluSigmoidDoubleModel.PARAMETERS, RbfNetworks_LeakyReluSigmoidDoubleModel::new, RbfNetworks_LeakyReluSigmoidDoubleTrainer::new),
        RbfCase.<RbfNetworks_LeakyReluMseFloatModel>of("LeakyReluMseFloat", FLOAT, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(LEAKY_RELU, IDENTITY),
            RbfNetworks_LeakyReluMseFloatModel.INPUTS, RbfNetworks_LeakyReluMseFloatModel.OUTPUTS, RbfNetworks_LeakyReluMseFloatModel.PARAMETERS, RbfNetworks_LeakyReluMseFloatModel::new, RbfNetworks_LeakyReluMseFloatTrainer::new),
        RbfCase.<RbfNetworks_LeakyReluMseDoubleModel>of("LeakyReluMseDouble", DOUBLE, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(LEAKY_RELU, IDENTITY),
            RbfNetworks_LeakyReluMseDoubleModel.INPUTS, RbfNetworks_LeakyReluMseDoubleModel.OUTPUTS, RbfNetworks_LeakyReluMseDoubleModel.PARAMETERS, RbfNetworks_LeakyReluMseDoubleModel::new, RbfNetworks_LeakyReluMseDoubleTrainer::new),
        RbfCase.<RbfNetworks_EluSoftmaxFloatModel>of("EluSoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(ELU, IDENTITY),
            RbfNetworks_EluSoftmaxFloatModel.INPUTS, RbfNetworks_EluSoftmaxFloatModel.OUTPUTS, RbfNetworks_EluSoftmaxFloatModel.PARAMETERS, RbfNetworks_EluSoftmaxFloatModel::new, RbfNetworks_EluSoftmaxFloatTrainer::new),
        RbfCase.<RbfNetworks_EluSoftmaxDoubleModel>of("EluSoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(ELU, IDENTITY),
            RbfNetworks_EluSoftmaxDoubleModel.INPUTS, RbfNetworks_EluSoftmaxDoubleModel.OUTPUTS, RbfNetworks_EluSoftmaxDoubleModel.PARAMETERS, RbfNetworks_EluSoftmaxDoubleModel::new, RbfNetworks_EluSoftmaxDoubleTrainer::new),
        RbfCase.<RbfNetworks_EluSigmoidFloatModel>of("EluSigmoidFloat", FLOAT, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(ELU, IDENTITY),
            RbfNetworks_EluSigmoidFloatModel.INPUTS, RbfNetworks_EluSigmoidFloatModel.OUTPUTS, RbfNetworks_EluSigmoidFloatModel.PARAMETERS, RbfNetworks_EluSigmoidFloatModel::new, RbfNetworks_EluSigmoidFloatTrainer::new),
        RbfCase.<RbfNetworks_EluSigmoidDoubleModel>of("EluSigmoidDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(ELU, IDENTITY),
            RbfNetworks_EluSigmoidDoubleModel.INPUTS, RbfNetworks_EluSigmoidDoubleModel.OUTPUTS, RbfNetworks_EluSigmoidDoubleModel.PARAMETERS, RbfNetworks_EluSigmoidDoubleModel::new, RbfNetworks_EluSigmoidDoubleTrainer::new),
        RbfCase.<RbfNetworks_EluMseFloatModel>of("EluMseFloat", FLOAT, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(ELU, IDENTITY),
            RbfNetworks_EluMseFloatModel.INPUTS, RbfNetworks_EluMseFloatModel.OUTPUTS, RbfNetworks_EluMseFloatModel.PARAMETERS, RbfNetworks_EluMseFloatModel::new, RbfNetworks_EluMseFloatTrainer::new),
        RbfCase.<RbfNetworks_EluMseDoubleModel>of("EluMseDouble", DOUBLE, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(ELU, IDENTITY),
            RbfNetworks_EluMseDoubleModel.INPUTS, RbfNetworks_EluMseDoubleModel.OUTPUTS, RbfNetworks_EluMseDoubleModel.PARAMETERS, RbfNetworks_EluMseDoubleModel::new, RbfNetworks_EluMseDoubleTrainer::new),
        RbfCase.<RbfNetworks_SoftplusSoftmaxFloatModel>of("SoftplusSoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(SOFTPLUS, IDENTITY),
            RbfNetworks_SoftplusSoftmaxFloatModel.INPUTS, RbfNetworks_SoftplusSoftmaxFloatModel.OUTPUTS, RbfNetworks_SoftplusSoftmaxFloatModel.PARAMETERS, RbfNetworks_SoftplusSoftmaxFloatModel::new, RbfNetworks_SoftplusSoftmaxFloatTrainer::new),
        RbfCase.<RbfNetworks_SoftplusSoftmaxDoubleModel>of("SoftplusSoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(SOFTPLUS, IDENTITY),
            RbfNetworks_SoftplusSoftmaxDoubleModel.INPUTS, RbfNetworks_SoftplusSoftmaxDoubleModel.OUTPUTS, RbfNetworks_SoftplusSoftmaxDoubleModel.PARAMETERS, RbfNetworks_SoftplusSoftmaxDoubleModel::new, RbfNetworks_SoftplusSoftmaxDoubleTrainer::new),
        RbfCase.<RbfNetworks_SoftplusSigmoidFloatModel>of("SoftplusSigmoidFloat", FLOAT, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(SOFTPLUS, IDENTITY),
            RbfNetworks_SoftplusSigmoidFloatModel.INPUTS, RbfNetworks_SoftplusSigmoidFloatModel.OUTPUTS, RbfNetworks_SoftplusSigmoidFloatModel.PARAMETERS, RbfNetworks_SoftplusSigmoidFloatModel::new, RbfNetworks_SoftplusSigmoidFloatTrainer::new),
        RbfCase.<RbfNetworks_SoftplusSigmoidDoubleModel>of("SoftplusSigmoidDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(SOFTPLUS, IDENTITY),
            RbfNetworks_SoftplusSigmoidDoubleModel.INPUTS, RbfNetworks_SoftplusSigmoidDoubleModel.OUTPUTS, RbfNetworks_SoftplusSigmoidDoubleModel.PARAMETERS, RbfNetworks_SoftplusSigmoidDoubleModel::new, RbfNetworks_SoftplusSigmoidDoubleTrainer::new),
        RbfCase.<RbfNetworks_SoftplusMseFloatModel>of("SoftplusMseFloat", FLOAT, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(SOFTPLUS, IDENTITY),
            RbfNetworks_SoftplusMseFloatModel.INPUTS, RbfNetworks_SoftplusMseFloatModel.OUTPUTS, RbfNetworks_SoftplusMseFloatModel.PARAMETERS, RbfNetworks_SoftplusMseFloatModel::new, RbfNetworks_SoftplusMseFloatTrainer::new),
        RbfCase.<RbfNetworks_SoftplusMseDoubleModel>of("SoftplusMseDouble", DOUBLE, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(SOFTPLUS, IDENTITY),
            RbfNetworks_SoftplusMseDoubleModel.INPUTS, RbfNetworks_SoftplusMseDoubleModel.OUTPUTS, RbfNetworks_SoftplusMseDoubleModel.PARAMETERS, RbfNetworks_SoftplusMseDoubleModel::new, RbfNetworks_SoftplusMseDoubleTrainer::new),
        RbfCase.<RbfNetworks_SiluSoftmaxFloatModel>of("SiluSoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(SILU, IDENTITY),
            RbfNetworks_SiluSoftmaxFloatModel.INPUTS, RbfNetworks_SiluSoftmaxFloatModel.OUTPUTS, RbfNetworks_SiluSoftmaxFloatModel.PARAMETERS, RbfNetworks_SiluSoftmaxFloatModel::new, RbfNetworks_SiluSoftmaxFloatTrainer::new),
        RbfCase.<RbfNetworks_SiluSoftmaxDoubleModel>of("SiluSoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(SILU, IDENTITY),
            RbfNetworks_SiluSoftmaxDoubleModel.INPUTS, RbfNetworks_SiluSoftmaxDoubleModel.OUTPUTS, RbfNetworks_SiluSoftmaxDoubleModel.PARAMETERS, RbfNetworks_SiluSoftmaxDoubleModel::new, RbfNetworks_SiluSoftmaxDoubleTrainer::new),
        RbfCase.<RbfNetworks_SiluSigmoidFloatModel>of("SiluSigmoidFloat", FLOAT, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(SILU, IDENTITY),
            RbfNetworks_SiluSigmoidFloatModel.INPUTS, RbfNetworks_SiluSigmoidFloatModel.OUTPUTS, RbfNetworks_SiluSigmoidFloatModel.PARAMETERS, RbfNetworks_SiluSigmoidFloatModel::new, RbfNetworks_SiluSigmoidFloatTrainer::new),
        RbfCase.<RbfNetworks_SiluSigmoidDoubleModel>of("SiluSigmoidDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, 3, 6, sizes(5, 4), activations(SILU, IDENTITY),
            RbfNetworks_SiluSigmoidDoubleModel.INPUTS, RbfNetworks_SiluSigmoidDoubleModel.OUTPUTS, RbfNetworks_SiluSigmoidDoubleModel.PARAMETERS, RbfNetworks_SiluSigmoidDoubleModel::new, RbfNetworks_SiluSigmoidDoubleTrainer::new),
        RbfCase.<RbfNetworks_SiluMseFloatModel>of("SiluMseFloat", FLOAT, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(SILU, IDENTITY),
            RbfNetworks_SiluMseFloatModel.INPUTS, RbfNetworks_SiluMseFloatModel.OUTPUTS, RbfNetworks_SiluMseFloatModel.PARAMETERS, RbfNetworks_SiluMseFloatModel::new, RbfNetworks_SiluMseFloatTrainer::new),
        RbfCase.<RbfNetworks_SiluMseDoubleModel>of("SiluMseDouble", DOUBLE, MEAN_SQUARED_ERROR, 3, 6, sizes(5, 4), activations(SILU, IDENTITY),
            RbfNetworks_SiluMseDoubleModel.INPUTS, RbfNetworks_SiluMseDoubleModel.OUTPUTS, RbfNetworks_SiluMseDoubleModel.PARAMETERS, RbfNetworks_SiluMseDoubleModel::new, RbfNetworks_SiluMseDoubleTrainer::new),
        RbfCase.<RbfNetworks_LoopedSoftmaxFloatModel>of("LoopedSoftmaxFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, 24, 40, sizes(18, 3), activations(TANH, IDENTITY),
            RbfNetworks_LoopedSoftmaxFloatModel.INPUTS, RbfNetworks_LoopedSoftmaxFloatModel.OUTPUTS, RbfNetworks_LoopedSoftmaxFloatModel.PARAMETERS, RbfNetworks_LoopedSoftmaxFloatModel::new, RbfNetworks_LoopedSoftmaxFloatTrainer::new),
        RbfCase.<RbfNetworks_LoopedSoftmaxDoubleModel>of("LoopedSoftmaxDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, 24, 40, sizes(18, 3), activations(TANH, IDENTITY),
            RbfNetworks_LoopedSoftmaxDoubleModel.INPUTS, RbfNetworks_LoopedSoftmaxDoubleModel.OUTPUTS, RbfNetworks_LoopedSoftmaxDoubleModel.PARAMETERS, RbfNetworks_LoopedSoftmaxDoubleModel::new, RbfNetworks_LoopedSoftmaxDoubleTrainer::new),
        RbfCase.<RbfNetworks_LoopedSigmoidFloatModel>of("LoopedSigmoidFloat", FLOAT, SIGMOID_CROSS_ENTROPY, 24, 40, sizes(18, 3), activations(TANH, IDENTITY),
            RbfNetworks_LoopedSigmoidFloatModel.INPUTS, RbfNetworks_LoopedSigmoidFloatModel.OUTPUTS, RbfNetworks_LoopedSigmoidFloatModel.PARAMETERS, RbfNetworks_LoopedSigmoidFloatModel::new, RbfNetworks_LoopedSigmoidFloatTrainer::new),
        RbfCase.<RbfNetworks_LoopedSigmoidDoubleModel>of("LoopedSigmoidDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, 24, 40, sizes(18, 3), activations(TANH, IDENTITY),
            RbfNetworks_LoopedSigmoidDoubleModel.INPUTS, RbfNetworks_LoopedSigmoidDoubleModel.OUTPUTS, RbfNetworks_LoopedSigmoidDoubleModel.PARAMETERS, RbfNetworks_LoopedSigmoidDoubleModel::new, RbfNetworks_LoopedSigmoidDoubleTrainer::new),
        RbfCase.<RbfNetworks_LoopedMseFloatModel>of("LoopedMseFloat", FLOAT, MEAN_SQUARED_ERROR, 24, 40, sizes(18, 3), activations(TANH, IDENTITY),
            RbfNetworks_LoopedMseFloatModel.INPUTS, RbfNetworks_LoopedMseFloatModel.OUTPUTS, RbfNetworks_LoopedMseFloatModel.PARAMETERS, RbfNetworks_LoopedMseFloatModel::new, RbfNetworks_LoopedMseFloatTrainer::new),
        RbfCase.<RbfNetworks_LoopedMseDoubleModel>of("LoopedMseDouble", DOUBLE, MEAN_SQUARED_ERROR, 24, 40, sizes(18, 3), activations(TANH, IDENTITY),
            RbfNetworks_LoopedMseDoubleModel.INPUTS, RbfNetworks_LoopedMseDoubleModel.OUTPUTS, RbfNetworks_LoopedMseDoubleModel.PARAMETERS, RbfNetworks_LoopedMseDoubleModel::new, RbfNetworks_LoopedMseDoubleTrainer::new),
        RbfCase.<RbfNetworks_ChunkedFloatModel>of("ChunkedFloat", FLOAT, MEAN_SQUARED_ERROR, 8, 60, sizes(2), activations(SIGMOID),
            RbfNetworks_ChunkedFloatModel.INPUTS, RbfNetworks_ChunkedFloatModel.OUTPUTS, RbfNetworks_ChunkedFloatModel.PARAMETERS, RbfNetworks_ChunkedFloatModel::new, RbfNetworks_ChunkedFloatTrainer::new),
        RbfCase.<RbfNetworks_DirectFloatModel>of("DirectFloat", FLOAT, MEAN_SQUARED_ERROR, 2, 20, sizes(1), activations(IDENTITY),
            RbfNetworks_DirectFloatModel.INPUTS, RbfNetworks_DirectFloatModel.OUTPUTS, RbfNetworks_DirectFloatModel.PARAMETERS, RbfNetworks_DirectFloatModel::new, RbfNetworks_DirectFloatTrainer::new),
        RbfCase.<RbfNetworks_VectorFloatModel>of("VectorFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, 10, 64, sizes(32, 3), activations(RELU, IDENTITY),
            RbfNetworks_VectorFloatModel.INPUTS, RbfNetworks_VectorFloatModel.OUTPUTS, RbfNetworks_VectorFloatModel.PARAMETERS, RbfNetworks_VectorFloatModel::new, RbfNetworks_VectorFloatTrainer::new),
        RbfCase.<RbfNetworks_ChunkedDoubleModel>of("ChunkedDouble", DOUBLE, MEAN_SQUARED_ERROR, 8, 60, sizes(2), activations(SIGMOID),
            RbfNetworks_ChunkedDoubleModel.INPUTS, RbfNetworks_ChunkedDoubleModel.OUTPUTS, RbfNetworks_ChunkedDoubleModel.PARAMETERS, RbfNetworks_ChunkedDoubleModel::new, RbfNetworks_ChunkedDoubleTrainer::new),
        RbfCase.<RbfNetworks_DirectDoubleModel>of("DirectDouble", DOUBLE, MEAN_SQUARED_ERROR, 2, 20, sizes(1), activations(IDENTITY),
            RbfNetworks_DirectDoubleModel.INPUTS, RbfNetworks_DirectDoubleModel.OUTPUTS, RbfNetworks_DirectDoubleModel.PARAMETERS, RbfNetworks_DirectDoubleModel::new, RbfNetworks_DirectDoubleTrainer::new),
        RbfCase.<RbfNetworks_VectorDoubleModel>of("VectorDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, 10, 64, sizes(32, 3), activations(RELU, IDENTITY),
            RbfNetworks_VectorDoubleModel.INPUTS, RbfNetworks_VectorDoubleModel.OUTPUTS, RbfNetworks_VectorDoubleModel.PARAMETERS, RbfNetworks_VectorDoubleModel::new, RbfNetworks_VectorDoubleTrainer::new));
  }

  private static int[] sizes(int... units) {
    return units;
  }

  private static Activation[] activations(Activation... activations) {
    return activations;
  }
}
