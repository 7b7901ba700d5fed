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

import java.util.List;

/** {@link VectorNetworks} as data, like {@link MatrixCases}. */
final class VectorCases {
  /** 8 activations × 3 losses × 2 precisions. */
  static final int COUNT = 48;

  private VectorCases() {}

  static List<NetCase> all() {
    return List.of(
        NetCase.<VectorNetworks_IdentitySoftmaxVectorFloatModel>of("IdentitySoftmaxVectorFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(IDENTITY, IDENTITY, IDENTITY), VectorNetworks_IdentitySoftmaxVectorFloatModel.INPUTS, VectorNetworks_IdentitySoftmaxVectorFloatModel.OUTPUTS, VectorNetworks_IdentitySoftmaxVectorFloatModel.PARAMETERS, VectorNetworks_IdentitySoftmaxVectorFloatModel::new, VectorNetworks_IdentitySoftmaxVectorFloatTrainer::new),
        NetCase.<VectorNetworks_IdentitySoftmaxVectorDoubleModel>of("IdentitySoftmaxVectorDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(IDENTITY, IDENTITY, IDENTITY), VectorNetworks_IdentitySoftmaxVectorDoubleModel.INPUTS, VectorNetworks_IdentitySoftmaxVectorDoubleModel.OUTPUTS, VectorNetworks_IdentitySoftmaxVectorDoubleModel.PARAMETERS, VectorNetworks_IdentitySoftmaxVectorDoubleModel::new, VectorNetworks_IdentitySoftmaxVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_IdentitySigmoidVectorFloatModel>of("IdentitySigmoidVectorFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(IDENTITY, IDENTITY, IDENTITY), VectorNetworks_IdentitySigmoidVectorFloatModel.INPUTS, VectorNetworks_IdentitySigmoidVectorFloatModel.OUTPUTS, VectorNetworks_IdentitySigmoidVectorFloatModel.PARAMETERS, VectorNetworks_IdentitySigmoidVectorFloatModel::new, VectorNetworks_IdentitySigmoidVectorFloatTrainer::new),
        NetCase.<VectorNetworks_IdentitySigmoidVectorDoubleModel>of("IdentitySigmoidVectorDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(IDENTITY, IDENTITY, IDENTITY), VectorNetworks_IdentitySigmoidVectorDoubleModel.INPUTS, VectorNetworks_IdentitySigmoidVectorDoubleModel.OUTPUTS, VectorNetworks_IdentitySigmoidVectorDoubleModel.PARAMETERS, VectorNetworks_IdentitySigmoidVectorDoubleModel::new, VectorNetworks_IdentitySigmoidVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_IdentityMseVectorFloatModel>of("IdentityMseVectorFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(IDENTITY, IDENTITY, IDENTITY), VectorNetworks_IdentityMseVectorFloatModel.INPUTS, VectorNetworks_IdentityMseVectorFloatModel.OUTPUTS, VectorNetworks_IdentityMseVectorFloatModel.PARAMETERS, VectorNetworks_IdentityMseVectorFloatModel::new, VectorNetworks_IdentityMseVectorFloatTrainer::new),
        NetCase.<VectorNetworks_IdentityMseVectorDoubleModel>of("IdentityMseVectorDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(IDENTITY, IDENTITY, IDENTITY), VectorNetworks_IdentityMseVectorDoubleModel.INPUTS, VectorNetworks_IdentityMseVectorDoubleModel.OUTPUTS, VectorNetworks_IdentityMseVectorDoubleModel.PARAMETERS, VectorNetworks_IdentityMseVectorDoubleModel::new, VectorNetworks_IdentityMseVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_SigmoidSoftmaxVectorFloatModel>of("SigmoidSoftmaxVectorFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(SIGMOID, SIGMOID, IDENTITY), VectorNetworks_SigmoidSoftmaxVectorFloatModel.INPUTS, VectorNetworks_SigmoidSoftmaxVectorFloatModel.OUTPUTS, VectorNetworks_SigmoidSoftmaxVectorFloatModel.PARAMETERS, VectorNetworks_SigmoidSoftmaxVectorFloatModel::new, VectorNetworks_SigmoidSoftmaxVectorFloatTrainer::new),
        NetCase.<VectorNetworks_SigmoidSoftmaxVectorDoubleModel>of("SigmoidSoftmaxVectorDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(SIGMOID, SIGMOID, IDENTITY), VectorNetworks_SigmoidSoftmaxVectorDoubleModel.INPUTS, VectorNetworks_SigmoidSoftmaxVectorDoubleModel.OUTPUTS, VectorNetworks_SigmoidSoftmaxVectorDoubleModel.PARAMETERS, VectorNetworks_SigmoidSoftmaxVectorDoubleModel::new, VectorNetworks_SigmoidSoftmaxVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_SigmoidSigmoidVectorFloatModel>of("SigmoidSigmoidVectorFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(SIGMOID, SIGMOID, IDENTITY), VectorNetworks_SigmoidSigmoidVectorFloatModel.INPUTS, VectorNetworks_SigmoidSigmoidVectorFloatModel.OUTPUTS, VectorNetworks_SigmoidSigmoidVectorFloatModel.PARAMETERS, VectorNetworks_SigmoidSigmoidVectorFloatModel::new, VectorNetworks_SigmoidSigmoidVectorFloatTrainer::new),
        NetCase.<VectorNetworks_SigmoidSigmoidVectorDoubleModel>of("SigmoidSigmoidVectorDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(SIGMOID, SIGMOID, IDENTITY), VectorNetworks_SigmoidSigmoidVectorDoubleModel.INPUTS, VectorNetworks_SigmoidSigmoidVectorDoubleModel.OUTPUTS, VectorNetworks_SigmoidSigmoidVectorDoubleModel.PARAMETERS, VectorNetworks_SigmoidSigmoidVectorDoubleModel::new, VectorNetworks_SigmoidSigmoidVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_SigmoidMseVectorFloatModel>of("SigmoidMseVectorFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(SIGMOID, SIGMOID, IDENTITY), VectorNetworks_SigmoidMseVectorFloatModel.INPUTS, VectorNetworks_SigmoidMseVectorFloatModel.OUTPUTS, VectorNetworks_SigmoidMseVectorFloatModel.PARAMETERS, VectorNetworks_SigmoidMseVectorFloatModel::new, VectorNetworks_SigmoidMseVectorFloatTrainer::new),
        NetCase.<VectorNetworks_SigmoidMseVectorDoubleModel>of("SigmoidMseVectorDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(SIGMOID, SIGMOID, IDENTITY), VectorNetworks_SigmoidMseVectorDoubleModel.INPUTS, VectorNetworks_SigmoidMseVectorDoubleModel.OUTPUTS, VectorNetworks_SigmoidMseVectorDoubleModel.PARAMETERS, VectorNetworks_SigmoidMseVectorDoubleModel::new, VectorNetworks_SigmoidMseVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_TanhSoftmaxVectorFloatModel>of("TanhSoftmaxVectorFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(TANH, TANH, IDENTITY), VectorNetworks_TanhSoftmaxVectorFloatModel.INPUTS, VectorNetworks_TanhSoftmaxVectorFloatModel.OUTPUTS, VectorNetworks_TanhSoftmaxVectorFloatModel.PARAMETERS, VectorNetworks_TanhSoftmaxVectorFloatModel::new, VectorNetworks_TanhSoftmaxVectorFloatTrainer::new),
        NetCase.<VectorNetworks_TanhSoftmaxVectorDoubleModel>of("TanhSoftmaxVectorDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(TANH, TANH, IDENTITY), VectorNetworks_TanhSoftmaxVectorDoubleModel.INPUTS, VectorNetworks_TanhSoftmaxVectorDoubleModel.OUTPUTS, VectorNetworks_TanhSoftmaxVectorDoubleModel.PARAMETERS, VectorNetworks_TanhSoftmaxVectorDoubleModel::new, VectorNetworks_TanhSoftmaxVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_TanhSigmoidVectorFloatModel>of("TanhSigmoidVectorFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(TANH, TANH, IDENTITY), VectorNetworks_TanhSigmoidVectorFloatModel.INPUTS, VectorNetworks_TanhSigmoidVectorFloatModel.OUTPUTS, VectorNetworks_TanhSigmoidVectorFloatModel.PARAMETERS, VectorNetworks_TanhSigmoidVectorFloatModel::new, VectorNetworks_TanhSigmoidVectorFloatTrainer::new),
        NetCase.<VectorNetworks_TanhSigmoidVectorDoubleModel>of("TanhSigmoidVectorDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(TANH, TANH, IDENTITY), VectorNetworks_TanhSigmoidVectorDoubleModel.INPUTS, VectorNetworks_TanhSigmoidVectorDoubleModel.OUTPUTS, VectorNetworks_TanhSigmoidVectorDoubleModel.PARAMETERS, VectorNetworks_TanhSigmoidVectorDoubleModel::new, VectorNetworks_TanhSigmoidVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_TanhMseVectorFloatModel>of("TanhMseVectorFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(TANH, TANH, IDENTITY), VectorNetworks_TanhMseVectorFloatModel.INPUTS, VectorNetworks_TanhMseVectorFloatModel.OUTPUTS, VectorNetworks_TanhMseVectorFloatModel.PARAMETERS, VectorNetworks_TanhMseVectorFloatModel::new, VectorNetworks_TanhMseVectorFloatTrainer::new),
        NetCase.<VectorNetworks_TanhMseVectorDoubleModel>of("TanhMseVectorDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(TANH, TANH, IDENTITY), VectorNetworks_TanhMseVectorDoubleModel.INPUTS, VectorNetworks_TanhMseVectorDoubleModel.OUTPUTS, VectorNetworks_TanhMseVectorDoubleModel.PARAMETERS, VectorNetworks_TanhMseVectorDoubleModel::new, VectorNetworks_TanhMseVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_ReluSoftmaxVectorFloatModel>of("ReluSoftmaxVectorFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(RELU, RELU, IDENTITY), VectorNetworks_ReluSoftmaxVectorFloatModel.INPUTS, VectorNetworks_ReluSoftmaxVectorFloatModel.OUTPUTS, VectorNetworks_ReluSoftmaxVectorFloatModel.PARAMETERS, VectorNetworks_ReluSoftmaxVectorFloatModel::new, VectorNetworks_ReluSoftmaxVectorFloatTrainer::new),
        NetCase.<VectorNetworks_ReluSoftmaxVectorDoubleModel>of("ReluSoftmaxVectorDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(RELU, RELU, IDENTITY), VectorNetworks_ReluSoftmaxVectorDoubleModel.INPUTS, VectorNetworks_ReluSoftmaxVectorDoubleModel.OUTPUTS, VectorNetworks_ReluSoftmaxVectorDoubleModel.PARAMETERS, VectorNetworks_ReluSoftmaxVectorDoubleModel::new, VectorNetworks_ReluSoftmaxVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_ReluSigmoidVectorFloatModel>of("ReluSigmoidVectorFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(RELU, RELU, IDENTITY), VectorNetworks_ReluSigmoidVectorFloatModel.INPUTS, VectorNetworks_ReluSigmoidVectorFloatModel.OUTPUTS, VectorNetworks_ReluSigmoidVectorFloatModel.PARAMETERS, VectorNetworks_ReluSigmoidVectorFloatModel::new, VectorNetworks_ReluSigmoidVectorFloatTrainer::new),
        NetCase.<VectorNetworks_ReluSigmoidVectorDoubleModel>of("ReluSigmoidVectorDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(RELU, RELU, IDENTITY), VectorNetworks_ReluSigmoidVectorDoubleModel.INPUTS, VectorNetworks_ReluSigmoidVectorDoubleModel.OUTPUTS, VectorNetworks_ReluSigmoidVectorDoubleModel.PARAMETERS, VectorNetworks_ReluSigmoidVectorDoubleModel::new, VectorNetworks_ReluSigmoidVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_ReluMseVectorFloatModel>of("ReluMseVectorFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(RELU, RELU, IDENTITY), VectorNetworks_ReluMseVectorFloatModel.INPUTS, VectorNetworks_ReluMseVectorFloatModel.OUTPUTS, VectorNetworks_ReluMseVectorFloatModel.PARAMETERS, VectorNetworks_ReluMseVectorFloatModel::new, VectorNetworks_ReluMseVectorFloatTrainer::new),
        NetCase.<VectorNetworks_ReluMseVectorDoubleModel>of("ReluMseVectorDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(RELU, RELU, IDENTITY), VectorNetworks_ReluMseVectorDoubleModel.INPUTS, VectorNetworks_ReluMseVectorDoubleModel.OUTPUTS, VectorNetworks_ReluMseVectorDoubleModel.PARAMETERS, VectorNetworks_ReluMseVectorDoubleModel::new, VectorNetworks_ReluMseVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_LeakyReluSoftmaxVectorFloatModel>of("LeakyReluSoftmaxVectorFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(LEAKY_RELU, LEAKY_RELU, IDENTITY), VectorNetworks_LeakyReluSoftmaxVectorFloatModel.INPUTS, VectorNetworks_LeakyReluSoftmaxVectorFloatModel.OUTPUTS, VectorNetworks_LeakyReluSoftmaxVectorFloatModel.PARAMETERS, VectorNetworks_LeakyReluSoftmaxVectorFloatModel::new, VectorNetworks_LeakyReluSoftmaxVectorFloatTrainer::new),
        NetCase.<VectorNetworks_LeakyReluSoftmaxVectorDoubleModel>of("LeakyReluSoftmaxVectorDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(LEAKY_RELU, LEAKY_RELU, IDENTITY), VectorNetworks_LeakyReluSoftmaxVectorDoubleModel.INPUTS, VectorNetworks_LeakyReluSoftmaxVectorDoubleModel.OUTPUTS, VectorNetworks_LeakyReluSoftmaxVectorDoubleModel.PARAMETERS, VectorNetworks_LeakyReluSoftmaxVectorDoubleModel::new, VectorNetworks_LeakyReluSoftmaxVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_LeakyReluSigmoidVectorFloatModel>of("LeakyReluSigmoidVectorFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(LEAKY_RELU, LEAKY_RELU, IDENTITY), VectorNetworks_LeakyReluSigmoidVectorFloatModel.INPUTS, VectorNetworks_LeakyReluSigmoidVectorFloatModel.OUTPUTS, VectorNetworks_LeakyReluSigmoidVectorFloatModel.PARAMETERS, VectorNetworks_LeakyReluSigmoidVectorFloatModel::new, VectorNetworks_LeakyReluSigmoidVectorFloatTrainer::new),
        NetCase.<VectorNetworks_LeakyReluSigmoidVectorDoubleModel>of("LeakyReluSigmoidVectorDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(LEAKY_RELU, LEAKY_RELU, IDENTITY), VectorNetworks_LeakyReluSigmoidVectorDoubleModel.INPUTS, VectorNetworks_LeakyReluSigmoidVectorDoubleModel.OUTPUTS, VectorNetworks_LeakyReluSigmoidVectorDoubleModel.PARAMETERS, VectorNetworks_LeakyReluSigmoidVectorDoubleModel::new, VectorNetworks_LeakyReluSigmoidVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_LeakyReluMseVectorFloatModel>of("LeakyReluMseVectorFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(LEAKY_RELU, LEAKY_RELU, IDENTITY), VectorNetworks_LeakyReluMseVectorFloatModel.INPUTS, VectorNetworks_LeakyReluMseVectorFloatModel.OUTPUTS, VectorNetworks_LeakyReluMseVectorFloatModel.PARAMETERS, VectorNetworks_LeakyReluMseVectorFloatModel::new, VectorNetworks_LeakyReluMseVectorFloatTrainer::new),
        NetCase.<VectorNetworks_LeakyReluMseVectorDoubleModel>of("LeakyReluMseVectorDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(LEAKY_RELU, LEAKY_RELU, IDENTITY), VectorNetworks_LeakyReluMseVectorDoubleModel.INPUTS, VectorNetworks_LeakyReluMseVectorDoubleModel.OUTPUTS, VectorNetworks_LeakyReluMseVectorDoubleModel.PARAMETERS, VectorNetworks_LeakyReluMseVectorDoubleModel::new, VectorNetworks_LeakyReluMseVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_EluSoftmaxVectorFloatModel>of("EluSoftmaxVectorFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(ELU, ELU, IDENTITY), VectorNetworks_EluSoftmaxVectorFloatModel.INPUTS, VectorNetworks_EluSoftmaxVectorFloatModel.OUTPUTS, VectorNetworks_EluSoftmaxVectorFloatModel.PARAMETERS, VectorNetworks_EluSoftmaxVectorFloatModel::new, VectorNetworks_EluSoftmaxVectorFloatTrainer::new),
        NetCase.<VectorNetworks_EluSoftmaxVectorDoubleModel>of("EluSoftmaxVectorDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(ELU, ELU, IDENTITY), VectorNetworks_EluSoftmaxVectorDoubleModel.INPUTS, VectorNetworks_EluSoftmaxVectorDoubleModel.OUTPUTS, VectorNetworks_EluSoftmaxVectorDoubleModel.PARAMETERS, VectorNetworks_EluSoftmaxVectorDoubleModel::new, VectorNetworks_EluSoftmaxVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_EluSigmoidVectorFloatModel>of("EluSigmoidVectorFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(ELU, ELU, IDENTITY), VectorNetworks_EluSigmoidVectorFloatModel.INPUTS, VectorNetworks_EluSigmoidVectorFloatModel.OUTPUTS, VectorNetworks_EluSigmoidVectorFloatModel.PARAMETERS, VectorNetworks_EluSigmoidVectorFloatModel::new, VectorNetworks_EluSigmoidVectorFloatTrainer::new),
        NetCase.<VectorNetworks_EluSigmoidVectorDoubleModel>of("EluSigmoidVectorDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(ELU, ELU, IDENTITY), VectorNetworks_EluSigmoidVectorDoubleModel.INPUTS, VectorNetworks_EluSigmoidVectorDoubleModel.OUTPUTS, VectorNetworks_EluSigmoidVectorDoubleModel.PARAMETERS, VectorNetworks_EluSigmoidVectorDoubleModel::new, VectorNetworks_EluSigmoidVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_EluMseVectorFloatModel>of("EluMseVectorFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(ELU, ELU, IDENTITY), VectorNetworks_EluMseVectorFloatModel.INPUTS, VectorNetworks_EluMseVectorFloatModel.OUTPUTS, VectorNetworks_EluMseVectorFloatModel.PARAMETERS, VectorNetworks_EluMseVectorFloatModel::new, VectorNetworks_EluMseVectorFloatTrainer::new),
        NetCase.<VectorNetworks_EluMseVectorDoubleModel>of("EluMseVectorDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(ELU, ELU, IDENTITY), VectorNetworks_EluMseVectorDoubleModel.INPUTS, VectorNetworks_EluMseVectorDoubleModel.OUTPUTS, VectorNetworks_EluMseVectorDoubleModel.PARAMETERS, VectorNetworks_EluMseVectorDoubleModel::new, VectorNetworks_EluMseVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_SoftplusSoftmaxVectorFloatModel>of("SoftplusSoftmaxVectorFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(SOFTPLUS, SOFTPLUS, IDENTITY), VectorNetworks_SoftplusSoftmaxVectorFloatModel.INPUTS, VectorNetworks_SoftplusSoftmaxVectorFloatModel.OUTPUTS, VectorNetworks_SoftplusSoftmaxVectorFloatModel.PARAMETERS, VectorNetworks_SoftplusSoftmaxVectorFloatModel::new, VectorNetworks_SoftplusSoftmaxVectorFloatTrainer::new),
        NetCase.<VectorNetworks_SoftplusSoftmaxVectorDoubleModel>of("SoftplusSoftmaxVectorDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(SOFTPLUS, SOFTPLUS, IDENTITY), VectorNetworks_SoftplusSoftmaxVectorDoubleModel.INPUTS, VectorNetworks_SoftplusSoftmaxVectorDoubleModel.OUTPUTS, VectorNetworks_SoftplusSoftmaxVectorDoubleModel.PARAMETERS, VectorNetworks_SoftplusSoftmaxVectorDoubleModel::new, VectorNetworks_SoftplusSoftmaxVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_SoftplusSigmoidVectorFloatModel>of("SoftplusSigmoidVectorFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(SOFTPLUS, SOFTPLUS, IDENTITY), VectorNetworks_SoftplusSigmoidVectorFloatModel.INPUTS, VectorNetworks_SoftplusSigmoidVectorFloatModel.OUTPUTS, VectorNetworks_SoftplusSigmoidVectorFloatModel.PARAMETERS, VectorNetworks_SoftplusSigmoidVectorFloatModel::new, VectorNetworks_SoftplusSigmoidVectorFloatTrainer::new),
        NetCase.<VectorNetworks_SoftplusSigmoidVectorDoubleModel>of("SoftplusSigmoidVectorDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(SOFTPLUS, SOFTPLUS, IDENTITY), VectorNetworks_SoftplusSigmoidVectorDoubleModel.INPUTS, VectorNetworks_SoftplusSigmoidVectorDoubleModel.OUTPUTS, VectorNetworks_SoftplusSigmoidVectorDoubleModel.PARAMETERS, VectorNetworks_SoftplusSigmoidVectorDoubleModel::new, VectorNetworks_SoftplusSigmoidVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_SoftplusMseVectorFloatModel>of("SoftplusMseVectorFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(SOFTPLUS, SOFTPLUS, IDENTITY), VectorNetworks_SoftplusMseVectorFloatModel.INPUTS, VectorNetworks_SoftplusMseVectorFloatModel.OUTPUTS, VectorNetworks_SoftplusMseVectorFloatModel.PARAMETERS, VectorNetworks_SoftplusMseVectorFloatModel::new, VectorNetworks_SoftplusMseVectorFloatTrainer::new),
        NetCase.<VectorNetworks_SoftplusMseVectorDoubleModel>of("SoftplusMseVectorDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(SOFTPLUS, SOFTPLUS, IDENTITY), VectorNetworks_SoftplusMseVectorDoubleModel.INPUTS, VectorNetworks_SoftplusMseVectorDoubleModel.OUTPUTS, VectorNetworks_SoftplusMseVectorDoubleModel.PARAMETERS, VectorNetworks_SoftplusMseVectorDoubleModel::new, VectorNetworks_SoftplusMseVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_SiluSoftmaxVectorFloatModel>of("SiluSoftmaxVectorFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(SILU, SILU, IDENTITY), VectorNetworks_SiluSoftmaxVectorFloatModel.INPUTS, VectorNetworks_SiluSoftmaxVectorFloatModel.OUTPUTS, VectorNetworks_SiluSoftmaxVectorFloatModel.PARAMETERS, VectorNetworks_SiluSoftmaxVectorFloatModel::new, VectorNetworks_SiluSoftmaxVectorFloatTrainer::new),
        NetCase.<VectorNetworks_SiluSoftmaxVectorDoubleModel>of("SiluSoftmaxVectorDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(SILU, SILU, IDENTITY), VectorNetworks_SiluSoftmaxVectorDoubleModel.INPUTS, VectorNetworks_SiluSoftmaxVectorDoubleModel.OUTPUTS, VectorNetworks_SiluSoftmaxVectorDoubleModel.PARAMETERS, VectorNetworks_SiluSoftmaxVectorDoubleModel::new, VectorNetworks_SiluSoftmaxVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_SiluSigmoidVectorFloatModel>of("SiluSigmoidVectorFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(SILU, SILU, IDENTITY), VectorNetworks_SiluSigmoidVectorFloatModel.INPUTS, VectorNetworks_SiluSigmoidVectorFloatModel.OUTPUTS, VectorNetworks_SiluSigmoidVectorFloatModel.PARAMETERS, VectorNetworks_SiluSigmoidVectorFloatModel::new, VectorNetworks_SiluSigmoidVectorFloatTrainer::new),
        NetCase.<VectorNetworks_SiluSigmoidVectorDoubleModel>of("SiluSigmoidVectorDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(37, 70, 50, 12),
            activations(SILU, SILU, IDENTITY), VectorNetworks_SiluSigmoidVectorDoubleModel.INPUTS, VectorNetworks_SiluSigmoidVectorDoubleModel.OUTPUTS, VectorNetworks_SiluSigmoidVectorDoubleModel.PARAMETERS, VectorNetworks_SiluSigmoidVectorDoubleModel::new, VectorNetworks_SiluSigmoidVectorDoubleTrainer::new),
        NetCase.<VectorNetworks_SiluMseVectorFloatModel>of("SiluMseVectorFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(SILU, SILU, IDENTITY), VectorNetworks_SiluMseVectorFloatModel.INPUTS, VectorNetworks_SiluMseVectorFloatModel.OUTPUTS, VectorNetworks_SiluMseVectorFloatModel.PARAMETERS, VectorNetworks_SiluMseVectorFloatModel::new, VectorNetworks_SiluMseVectorFloatTrainer::new),
        NetCase.<VectorNetworks_SiluMseVectorDoubleModel>of("SiluMseVectorDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(37, 70, 50, 12),
            activations(SILU, SILU, IDENTITY), VectorNetworks_SiluMseVectorDoubleModel.INPUTS, VectorNetworks_SiluMseVectorDoubleModel.OUTPUTS, VectorNetworks_SiluMseVectorDoubleModel.PARAMETERS, VectorNetworks_SiluMseVectorDoubleModel::new, VectorNetworks_SiluMseVectorDoubleTrainer::new));
  }

  private static int[] sizes(int... sizes) {
    return sizes;
  }

  private static dev.unrolled.Activation[] activations(dev.unrolled.Activation... activations) {
    return activations;
  }
}
