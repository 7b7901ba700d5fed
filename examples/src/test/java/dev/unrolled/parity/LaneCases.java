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

/** {@link LaneNetworks} as data, like {@link MatrixCases}. */
final class LaneCases {
  /** 8 activations × 3 losses × 2 precisions. */
  static final int COUNT = 48;

  private LaneCases() {}

  static List<NetCase> all() {
    return List.of(
        NetCase.<LaneNetworks_IdentitySoftmaxLanesFloatModel>of("IdentitySoftmaxLanesFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(IDENTITY, IDENTITY, IDENTITY, IDENTITY), LaneNetworks_IdentitySoftmaxLanesFloatModel.INPUTS, LaneNetworks_IdentitySoftmaxLanesFloatModel.OUTPUTS, LaneNetworks_IdentitySoftmaxLanesFloatModel.PARAMETERS, LaneNetworks_IdentitySoftmaxLanesFloatModel::new, LaneNetworks_IdentitySoftmaxLanesFloatTrainer::new),
        NetCase.<LaneNetworks_IdentitySoftmaxLanesDoubleModel>of("IdentitySoftmaxLanesDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(IDENTITY, IDENTITY, IDENTITY, IDENTITY), LaneNetworks_IdentitySoftmaxLanesDoubleModel.INPUTS, LaneNetworks_IdentitySoftmaxLanesDoubleModel.OUTPUTS, LaneNetworks_IdentitySoftmaxLanesDoubleModel.PARAMETERS, LaneNetworks_IdentitySoftmaxLanesDoubleModel::new, LaneNetworks_IdentitySoftmaxLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_IdentitySigmoidLanesFloatModel>of("IdentitySigmoidLanesFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(IDENTITY, IDENTITY, IDENTITY, IDENTITY), LaneNetworks_IdentitySigmoidLanesFloatModel.INPUTS, LaneNetworks_IdentitySigmoidLanesFloatModel.OUTPUTS, LaneNetworks_IdentitySigmoidLanesFloatModel.PARAMETERS, LaneNetworks_IdentitySigmoidLanesFloatModel::new, LaneNetworks_IdentitySigmoidLanesFloatTrainer::new),
        NetCase.<LaneNetworks_IdentitySigmoidLanesDoubleModel>of("IdentitySigmoidLanesDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(IDENTITY, IDENTITY, IDENTITY, IDENTITY), LaneNetworks_IdentitySigmoidLanesDoubleModel.INPUTS, LaneNetworks_IdentitySigmoidLanesDoubleModel.OUTPUTS, LaneNetworks_IdentitySigmoidLanesDoubleModel.PARAMETERS, LaneNetworks_IdentitySigmoidLanesDoubleModel::new, LaneNetworks_IdentitySigmoidLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_IdentityMseLanesFloatModel>of("IdentityMseLanesFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(IDENTITY, IDENTITY, IDENTITY, IDENTITY), LaneNetworks_IdentityMseLanesFloatModel.INPUTS, LaneNetworks_IdentityMseLanesFloatModel.OUTPUTS, LaneNetworks_IdentityMseLanesFloatModel.PARAMETERS, LaneNetworks_IdentityMseLanesFloatModel::new, LaneNetworks_IdentityMseLanesFloatTrainer::new),
        NetCase.<LaneNetworks_IdentityMseLanesDoubleModel>of("IdentityMseLanesDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(IDENTITY, IDENTITY, IDENTITY, IDENTITY), LaneNetworks_IdentityMseLanesDoubleModel.INPUTS, LaneNetworks_IdentityMseLanesDoubleModel.OUTPUTS, LaneNetworks_IdentityMseLanesDoubleModel.PARAMETERS, LaneNetworks_IdentityMseLanesDoubleModel::new, LaneNetworks_IdentityMseLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_SigmoidSoftmaxLanesFloatModel>of("SigmoidSoftmaxLanesFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(SIGMOID, SIGMOID, SIGMOID, IDENTITY), LaneNetworks_SigmoidSoftmaxLanesFloatModel.INPUTS, LaneNetworks_SigmoidSoftmaxLanesFloatModel.OUTPUTS, LaneNetworks_SigmoidSoftmaxLanesFloatModel.PARAMETERS, LaneNetworks_SigmoidSoftmaxLanesFloatModel::new, LaneNetworks_SigmoidSoftmaxLanesFloatTrainer::new),
        NetCase.<LaneNetworks_SigmoidSoftmaxLanesDoubleModel>of("SigmoidSoftmaxLanesDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(SIGMOID, SIGMOID, SIGMOID, IDENTITY), LaneNetworks_SigmoidSoftmaxLanesDoubleModel.INPUTS, LaneNetworks_SigmoidSoftmaxLanesDoubleModel.OUTPUTS, LaneNetworks_SigmoidSoftmaxLanesDoubleModel.PARAMETERS, LaneNetworks_SigmoidSoftmaxLanesDoubleModel::new, LaneNetworks_SigmoidSoftmaxLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_SigmoidSigmoidLanesFloatModel>of("SigmoidSigmoidLanesFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(SIGMOID, SIGMOID, SIGMOID, IDENTITY), LaneNetworks_SigmoidSigmoidLanesFloatModel.INPUTS, LaneNetworks_SigmoidSigmoidLanesFloatModel.OUTPUTS, LaneNetworks_SigmoidSigmoidLanesFloatModel.PARAMETERS, LaneNetworks_SigmoidSigmoidLanesFloatModel::new, LaneNetworks_SigmoidSigmoidLanesFloatTrainer::new),
        NetCase.<LaneNetworks_SigmoidSigmoidLanesDoubleModel>of("SigmoidSigmoidLanesDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(SIGMOID, SIGMOID, SIGMOID, IDENTITY), LaneNetworks_SigmoidSigmoidLanesDoubleModel.INPUTS, LaneNetworks_SigmoidSigmoidLanesDoubleModel.OUTPUTS, LaneNetworks_SigmoidSigmoidLanesDoubleModel.PARAMETERS, LaneNetworks_SigmoidSigmoidLanesDoubleModel::new, LaneNetworks_SigmoidSigmoidLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_SigmoidMseLanesFloatModel>of("SigmoidMseLanesFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(SIGMOID, SIGMOID, SIGMOID, IDENTITY), LaneNetworks_SigmoidMseLanesFloatModel.INPUTS, LaneNetworks_SigmoidMseLanesFloatModel.OUTPUTS, LaneNetworks_SigmoidMseLanesFloatModel.PARAMETERS, LaneNetworks_SigmoidMseLanesFloatModel::new, LaneNetworks_SigmoidMseLanesFloatTrainer::new),
        NetCase.<LaneNetworks_SigmoidMseLanesDoubleModel>of("SigmoidMseLanesDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(SIGMOID, SIGMOID, SIGMOID, IDENTITY), LaneNetworks_SigmoidMseLanesDoubleModel.INPUTS, LaneNetworks_SigmoidMseLanesDoubleModel.OUTPUTS, LaneNetworks_SigmoidMseLanesDoubleModel.PARAMETERS, LaneNetworks_SigmoidMseLanesDoubleModel::new, LaneNetworks_SigmoidMseLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_TanhSoftmaxLanesFloatModel>of("TanhSoftmaxLanesFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(TANH, TANH, TANH, IDENTITY), LaneNetworks_TanhSoftmaxLanesFloatModel.INPUTS, LaneNetworks_TanhSoftmaxLanesFloatModel.OUTPUTS, LaneNetworks_TanhSoftmaxLanesFloatModel.PARAMETERS, LaneNetworks_TanhSoftmaxLanesFloatModel::new, LaneNetworks_TanhSoftmaxLanesFloatTrainer::new),
        NetCase.<LaneNetworks_TanhSoftmaxLanesDoubleModel>of("TanhSoftmaxLanesDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(TANH, TANH, TANH, IDENTITY), LaneNetworks_TanhSoftmaxLanesDoubleModel.INPUTS, LaneNetworks_TanhSoftmaxLanesDoubleModel.OUTPUTS, LaneNetworks_TanhSoftmaxLanesDoubleModel.PARAMETERS, LaneNetworks_TanhSoftmaxLanesDoubleModel::new, LaneNetworks_TanhSoftmaxLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_TanhSigmoidLanesFloatModel>of("TanhSigmoidLanesFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(TANH, TANH, TANH, IDENTITY), LaneNetworks_TanhSigmoidLanesFloatModel.INPUTS, LaneNetworks_TanhSigmoidLanesFloatModel.OUTPUTS, LaneNetworks_TanhSigmoidLanesFloatModel.PARAMETERS, LaneNetworks_TanhSigmoidLanesFloatModel::new, LaneNetworks_TanhSigmoidLanesFloatTrainer::new),
        NetCase.<LaneNetworks_TanhSigmoidLanesDoubleModel>of("TanhSigmoidLanesDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(TANH, TANH, TANH, IDENTITY), LaneNetworks_TanhSigmoidLanesDoubleModel.INPUTS, LaneNetworks_TanhSigmoidLanesDoubleModel.OUTPUTS, LaneNetworks_TanhSigmoidLanesDoubleModel.PARAMETERS, LaneNetworks_TanhSigmoidLanesDoubleModel::new, LaneNetworks_TanhSigmoidLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_TanhMseLanesFloatModel>of("TanhMseLanesFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(TANH, TANH, TANH, IDENTITY), LaneNetworks_TanhMseLanesFloatModel.INPUTS, LaneNetworks_TanhMseLanesFloatModel.OUTPUTS, LaneNetworks_TanhMseLanesFloatModel.PARAMETERS, LaneNetworks_TanhMseLanesFloatModel::new, LaneNetworks_TanhMseLanesFloatTrainer::new),
        NetCase.<LaneNetworks_TanhMseLanesDoubleModel>of("TanhMseLanesDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(TANH, TANH, TANH, IDENTITY), LaneNetworks_TanhMseLanesDoubleModel.INPUTS, LaneNetworks_TanhMseLanesDoubleModel.OUTPUTS, LaneNetworks_TanhMseLanesDoubleModel.PARAMETERS, LaneNetworks_TanhMseLanesDoubleModel::new, LaneNetworks_TanhMseLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_ReluSoftmaxLanesFloatModel>of("ReluSoftmaxLanesFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(RELU, RELU, RELU, IDENTITY), LaneNetworks_ReluSoftmaxLanesFloatModel.INPUTS, LaneNetworks_ReluSoftmaxLanesFloatModel.OUTPUTS, LaneNetworks_ReluSoftmaxLanesFloatModel.PARAMETERS, LaneNetworks_ReluSoftmaxLanesFloatModel::new, LaneNetworks_ReluSoftmaxLanesFloatTrainer::new),
        NetCase.<LaneNetworks_ReluSoftmaxLanesDoubleModel>of("ReluSoftmaxLanesDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(RELU, RELU, RELU, IDENTITY), LaneNetworks_ReluSoftmaxLanesDoubleModel.INPUTS, LaneNetworks_ReluSoftmaxLanesDoubleModel.OUTPUTS, LaneNetworks_ReluSoftmaxLanesDoubleModel.PARAMETERS, LaneNetworks_ReluSoftmaxLanesDoubleModel::new, LaneNetworks_ReluSoftmaxLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_ReluSigmoidLanesFloatModel>of("ReluSigmoidLanesFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(RELU, RELU, RELU, IDENTITY), LaneNetworks_ReluSigmoidLanesFloatModel.INPUTS, LaneNetworks_ReluSigmoidLanesFloatModel.OUTPUTS, LaneNetworks_ReluSigmoidLanesFloatModel.PARAMETERS, LaneNetworks_ReluSigmoidLanesFloatModel::new, LaneNetworks_ReluSigmoidLanesFloatTrainer::new),
        NetCase.<LaneNetworks_ReluSigmoidLanesDoubleModel>of("ReluSigmoidLanesDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(RELU, RELU, RELU, IDENTITY), LaneNetworks_ReluSigmoidLanesDoubleModel.INPUTS, LaneNetworks_ReluSigmoidLanesDoubleModel.OUTPUTS, LaneNetworks_ReluSigmoidLanesDoubleModel.PARAMETERS, LaneNetworks_ReluSigmoidLanesDoubleModel::new, LaneNetworks_ReluSigmoidLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_ReluMseLanesFloatModel>of("ReluMseLanesFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(RELU, RELU, RELU, IDENTITY), LaneNetworks_ReluMseLanesFloatModel.INPUTS, LaneNetworks_ReluMseLanesFloatModel.OUTPUTS, LaneNetworks_ReluMseLanesFloatModel.PARAMETERS, LaneNetworks_ReluMseLanesFloatModel::new, LaneNetworks_ReluMseLanesFloatTrainer::new),
        NetCase.<LaneNetworks_ReluMseLanesDoubleModel>of("ReluMseLanesDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(RELU, RELU, RELU, IDENTITY), LaneNetworks_ReluMseLanesDoubleModel.INPUTS, LaneNetworks_ReluMseLanesDoubleModel.OUTPUTS, LaneNetworks_ReluMseLanesDoubleModel.PARAMETERS, LaneNetworks_ReluMseLanesDoubleModel::new, LaneNetworks_ReluMseLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_LeakyReluSoftmaxLanesFloatModel>of("LeakyReluSoftmaxLanesFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(LEAKY_RELU, LEAKY_RELU, LEAKY_RELU, IDENTITY), LaneNetworks_LeakyReluSoftmaxLanesFloatModel.INPUTS, LaneNetworks_LeakyReluSoftmaxLanesFloatModel.OUTPUTS, LaneNetworks_LeakyReluSoftmaxLanesFloatModel.PARAMETERS, LaneNetworks_LeakyReluSoftmaxLanesFloatModel::new, LaneNetworks_LeakyReluSoftmaxLanesFloatTrainer::new),
        NetCase.<LaneNetworks_LeakyReluSoftmaxLanesDoubleModel>of("LeakyReluSoftmaxLanesDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(LEAKY_RELU, LEAKY_RELU, LEAKY_RELU, IDENTITY), LaneNetworks_LeakyReluSoftmaxLanesDoubleModel.INPUTS, LaneNetworks_LeakyReluSoftmaxLanesDoubleModel.OUTPUTS, LaneNetworks_LeakyReluSoftmaxLanesDoubleModel.PARAMETERS, LaneNetworks_LeakyReluSoftmaxLanesDoubleModel::new, LaneNetworks_LeakyReluSoftmaxLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_LeakyReluSigmoidLanesFloatModel>of("LeakyReluSigmoidLanesFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(LEAKY_RELU, LEAKY_RELU, LEAKY_RELU, IDENTITY), LaneNetworks_LeakyReluSigmoidLanesFloatModel.INPUTS, LaneNetworks_LeakyReluSigmoidLanesFloatModel.OUTPUTS, LaneNetworks_LeakyReluSigmoidLanesFloatModel.PARAMETERS, LaneNetworks_LeakyReluSigmoidLanesFloatModel::new, LaneNetworks_LeakyReluSigmoidLanesFloatTrainer::new),
        NetCase.<LaneNetworks_LeakyReluSigmoidLanesDoubleModel>of("LeakyReluSigmoidLanesDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(LEAKY_RELU, LEAKY_RELU, LEAKY_RELU, IDENTITY), LaneNetworks_LeakyReluSigmoidLanesDoubleModel.INPUTS, LaneNetworks_LeakyReluSigmoidLanesDoubleModel.OUTPUTS, LaneNetworks_LeakyReluSigmoidLanesDoubleModel.PARAMETERS, LaneNetworks_LeakyReluSigmoidLanesDoubleModel::new, LaneNetworks_LeakyReluSigmoidLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_LeakyReluMseLanesFloatModel>of("LeakyReluMseLanesFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(LEAKY_RELU, LEAKY_RELU, LEAKY_RELU, IDENTITY), LaneNetworks_LeakyReluMseLanesFloatModel.INPUTS, LaneNetworks_LeakyReluMseLanesFloatModel.OUTPUTS, LaneNetworks_LeakyReluMseLanesFloatModel.PARAMETERS, LaneNetworks_LeakyReluMseLanesFloatModel::new, LaneNetworks_LeakyReluMseLanesFloatTrainer::new),
        NetCase.<LaneNetworks_LeakyReluMseLanesDoubleModel>of("LeakyReluMseLanesDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(LEAKY_RELU, LEAKY_RELU, LEAKY_RELU, IDENTITY), LaneNetworks_LeakyReluMseLanesDoubleModel.INPUTS, LaneNetworks_LeakyReluMseLanesDoubleModel.OUTPUTS, LaneNetworks_LeakyReluMseLanesDoubleModel.PARAMETERS, LaneNetworks_LeakyReluMseLanesDoubleModel::new, LaneNetworks_LeakyReluMseLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_EluSoftmaxLanesFloatModel>of("EluSoftmaxLanesFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(ELU, ELU, ELU, IDENTITY), LaneNetworks_EluSoftmaxLanesFloatModel.INPUTS, LaneNetworks_EluSoftmaxLanesFloatModel.OUTPUTS, LaneNetworks_EluSoftmaxLanesFloatModel.PARAMETERS, LaneNetworks_EluSoftmaxLanesFloatModel::new, LaneNetworks_EluSoftmaxLanesFloatTrainer::new),
        NetCase.<LaneNetworks_EluSoftmaxLanesDoubleModel>of("EluSoftmaxLanesDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(ELU, ELU, ELU, IDENTITY), LaneNetworks_EluSoftmaxLanesDoubleModel.INPUTS, LaneNetworks_EluSoftmaxLanesDoubleModel.OUTPUTS, LaneNetworks_EluSoftmaxLanesDoubleModel.PARAMETERS, LaneNetworks_EluSoftmaxLanesDoubleModel::new, LaneNetworks_EluSoftmaxLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_EluSigmoidLanesFloatModel>of("EluSigmoidLanesFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(ELU, ELU, ELU, IDENTITY), LaneNetworks_EluSigmoidLanesFloatModel.INPUTS, LaneNetworks_EluSigmoidLanesFloatModel.OUTPUTS, LaneNetworks_EluSigmoidLanesFloatModel.PARAMETERS, LaneNetworks_EluSigmoidLanesFloatModel::new, LaneNetworks_EluSigmoidLanesFloatTrainer::new),
        NetCase.<LaneNetworks_EluSigmoidLanesDoubleModel>of("EluSigmoidLanesDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(ELU, ELU, ELU, IDENTITY), LaneNetworks_EluSigmoidLanesDoubleModel.INPUTS, LaneNetworks_EluSigmoidLanesDoubleModel.OUTPUTS, LaneNetworks_EluSigmoidLanesDoubleModel.PARAMETERS, LaneNetworks_EluSigmoidLanesDoubleModel::new, LaneNetworks_EluSigmoidLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_EluMseLanesFloatModel>of("EluMseLanesFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(ELU, ELU, ELU, IDENTITY), LaneNetworks_EluMseLanesFloatModel.INPUTS, LaneNetworks_EluMseLanesFloatModel.OUTPUTS, LaneNetworks_EluMseLanesFloatModel.PARAMETERS, LaneNetworks_EluMseLanesFloatModel::new, LaneNetworks_EluMseLanesFloatTrainer::new),
        NetCase.<LaneNetworks_EluMseLanesDoubleModel>of("EluMseLanesDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(ELU, ELU, ELU, IDENTITY), LaneNetworks_EluMseLanesDoubleModel.INPUTS, LaneNetworks_EluMseLanesDoubleModel.OUTPUTS, LaneNetworks_EluMseLanesDoubleModel.PARAMETERS, LaneNetworks_EluMseLanesDoubleModel::new, LaneNetworks_EluMseLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_SoftplusSoftmaxLanesFloatModel>of("SoftplusSoftmaxLanesFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(SOFTPLUS, SOFTPLUS, SOFTPLUS, IDENTITY), LaneNetworks_SoftplusSoftmaxLanesFloatModel.INPUTS, LaneNetworks_SoftplusSoftmaxLanesFloatModel.OUTPUTS, LaneNetworks_SoftplusSoftmaxLanesFloatModel.PARAMETERS, LaneNetworks_SoftplusSoftmaxLanesFloatModel::new, LaneNetworks_SoftplusSoftmaxLanesFloatTrainer::new),
        NetCase.<LaneNetworks_SoftplusSoftmaxLanesDoubleModel>of("SoftplusSoftmaxLanesDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(SOFTPLUS, SOFTPLUS, SOFTPLUS, IDENTITY), LaneNetworks_SoftplusSoftmaxLanesDoubleModel.INPUTS, LaneNetworks_SoftplusSoftmaxLanesDoubleModel.OUTPUTS, LaneNetworks_SoftplusSoftmaxLanesDoubleModel.PARAMETERS, LaneNetworks_SoftplusSoftmaxLanesDoubleModel::new, LaneNetworks_SoftplusSoftmaxLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_SoftplusSigmoidLanesFloatModel>of("SoftplusSigmoidLanesFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(SOFTPLUS, SOFTPLUS, SOFTPLUS, IDENTITY), LaneNetworks_SoftplusSigmoidLanesFloatModel.INPUTS, LaneNetworks_SoftplusSigmoidLanesFloatModel.OUTPUTS, LaneNetworks_SoftplusSigmoidLanesFloatModel.PARAMETERS, LaneNetworks_SoftplusSigmoidLanesFloatModel::new, LaneNetworks_SoftplusSigmoidLanesFloatTrainer::new),
        NetCase.<LaneNetworks_SoftplusSigmoidLanesDoubleModel>of("SoftplusSigmoidLanesDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(SOFTPLUS, SOFTPLUS, SOFTPLUS, IDENTITY), LaneNetworks_SoftplusSigmoidLanesDoubleModel.INPUTS, LaneNetworks_SoftplusSigmoidLanesDoubleModel.OUTPUTS, LaneNetworks_SoftplusSigmoidLanesDoubleModel.PARAMETERS, LaneNetworks_SoftplusSigmoidLanesDoubleModel::new, LaneNetworks_SoftplusSigmoidLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_SoftplusMseLanesFloatModel>of("SoftplusMseLanesFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(SOFTPLUS, SOFTPLUS, SOFTPLUS, IDENTITY), LaneNetworks_SoftplusMseLanesFloatModel.INPUTS, LaneNetworks_SoftplusMseLanesFloatModel.OUTPUTS, LaneNetworks_SoftplusMseLanesFloatModel.PARAMETERS, LaneNetworks_SoftplusMseLanesFloatModel::new, LaneNetworks_SoftplusMseLanesFloatTrainer::new),
        NetCase.<LaneNetworks_SoftplusMseLanesDoubleModel>of("SoftplusMseLanesDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(SOFTPLUS, SOFTPLUS, SOFTPLUS, IDENTITY), LaneNetworks_SoftplusMseLanesDoubleModel.INPUTS, LaneNetworks_SoftplusMseLanesDoubleModel.OUTPUTS, LaneNetworks_SoftplusMseLanesDoubleModel.PARAMETERS, LaneNetworks_SoftplusMseLanesDoubleModel::new, LaneNetworks_SoftplusMseLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_SiluSoftmaxLanesFloatModel>of("SiluSoftmaxLanesFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(SILU, SILU, SILU, IDENTITY), LaneNetworks_SiluSoftmaxLanesFloatModel.INPUTS, LaneNetworks_SiluSoftmaxLanesFloatModel.OUTPUTS, LaneNetworks_SiluSoftmaxLanesFloatModel.PARAMETERS, LaneNetworks_SiluSoftmaxLanesFloatModel::new, LaneNetworks_SiluSoftmaxLanesFloatTrainer::new),
        NetCase.<LaneNetworks_SiluSoftmaxLanesDoubleModel>of("SiluSoftmaxLanesDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(SILU, SILU, SILU, IDENTITY), LaneNetworks_SiluSoftmaxLanesDoubleModel.INPUTS, LaneNetworks_SiluSoftmaxLanesDoubleModel.OUTPUTS, LaneNetworks_SiluSoftmaxLanesDoubleModel.PARAMETERS, LaneNetworks_SiluSoftmaxLanesDoubleModel::new, LaneNetworks_SiluSoftmaxLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_SiluSigmoidLanesFloatModel>of("SiluSigmoidLanesFloat", FLOAT, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(SILU, SILU, SILU, IDENTITY), LaneNetworks_SiluSigmoidLanesFloatModel.INPUTS, LaneNetworks_SiluSigmoidLanesFloatModel.OUTPUTS, LaneNetworks_SiluSigmoidLanesFloatModel.PARAMETERS, LaneNetworks_SiluSigmoidLanesFloatModel::new, LaneNetworks_SiluSigmoidLanesFloatTrainer::new),
        NetCase.<LaneNetworks_SiluSigmoidLanesDoubleModel>of("SiluSigmoidLanesDouble", DOUBLE, SIGMOID_CROSS_ENTROPY, sizes(6, 10, 12, 60, 8),
            activations(SILU, SILU, SILU, IDENTITY), LaneNetworks_SiluSigmoidLanesDoubleModel.INPUTS, LaneNetworks_SiluSigmoidLanesDoubleModel.OUTPUTS, LaneNetworks_SiluSigmoidLanesDoubleModel.PARAMETERS, LaneNetworks_SiluSigmoidLanesDoubleModel::new, LaneNetworks_SiluSigmoidLanesDoubleTrainer::new),
        NetCase.<LaneNetworks_SiluMseLanesFloatModel>of("SiluMseLanesFloat", FLOAT, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(SILU, SILU, SILU, IDENTITY), LaneNetworks_SiluMseLanesFloatModel.INPUTS, LaneNetworks_SiluMseLanesFloatModel.OUTPUTS, LaneNetworks_SiluMseLanesFloatModel.PARAMETERS, LaneNetworks_SiluMseLanesFloatModel::new, LaneNetworks_SiluMseLanesFloatTrainer::new),
        NetCase.<LaneNetworks_SiluMseLanesDoubleModel>of("SiluMseLanesDouble", DOUBLE, MEAN_SQUARED_ERROR, sizes(6, 10, 12, 60, 8),
            activations(SILU, SILU, SILU, IDENTITY), LaneNetworks_SiluMseLanesDoubleModel.INPUTS, LaneNetworks_SiluMseLanesDoubleModel.OUTPUTS, LaneNetworks_SiluMseLanesDoubleModel.PARAMETERS, LaneNetworks_SiluMseLanesDoubleModel::new, LaneNetworks_SiluMseLanesDoubleTrainer::new));
  }

  /** The 4-20-3 pair: lane layers with one side wider than a vector and the other narrower. */
  static final int WIDE_COUNT = 2;

  static List<NetCase> wide() {
    return List.of(
        NetCase.<LaneNetworks_TanhSoftmaxWideLanesFloatModel>of("TanhSoftmaxWideLanesFloat", FLOAT, SOFTMAX_CROSS_ENTROPY, sizes(4, 20, 3),
            activations(TANH, IDENTITY), LaneNetworks_TanhSoftmaxWideLanesFloatModel.INPUTS, LaneNetworks_TanhSoftmaxWideLanesFloatModel.OUTPUTS, LaneNetworks_TanhSoftmaxWideLanesFloatModel.PARAMETERS, LaneNetworks_TanhSoftmaxWideLanesFloatModel::new, LaneNetworks_TanhSoftmaxWideLanesFloatTrainer::new),
        NetCase.<LaneNetworks_TanhSoftmaxWideLanesDoubleModel>of("TanhSoftmaxWideLanesDouble", DOUBLE, SOFTMAX_CROSS_ENTROPY, sizes(4, 20, 3),
            activations(TANH, IDENTITY), LaneNetworks_TanhSoftmaxWideLanesDoubleModel.INPUTS, LaneNetworks_TanhSoftmaxWideLanesDoubleModel.OUTPUTS, LaneNetworks_TanhSoftmaxWideLanesDoubleModel.PARAMETERS, LaneNetworks_TanhSoftmaxWideLanesDoubleModel::new, LaneNetworks_TanhSoftmaxWideLanesDoubleTrainer::new));
  }

  private static int[] sizes(int... sizes) {
    return sizes;
  }

  private static dev.unrolled.Activation[] activations(dev.unrolled.Activation... activations) {
    return activations;
  }
}
