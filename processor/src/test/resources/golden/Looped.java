package golden;

import dev.unrolled.Activation;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Precision;

/** 70-80-3, RELU, sigmoid cross-entropy, DOUBLE: both layers looped (5,600 and 240 weights, 80 wide). */
@Network(inputs = 70,
    layers = {@Dense(units = 80, activation = Activation.RELU), @Dense(units = 3)},
    loss = Loss.SIGMOID_CROSS_ENTROPY, precision = Precision.DOUBLE)
public interface Looped {}
