package golden;

import dev.unrolled.Activation;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Precision;

/** 2-3-2, TANH, softmax cross-entropy, FLOAT: every layer unrolled. */
@Network(inputs = 2,
    layers = {@Dense(units = 3, activation = Activation.TANH), @Dense(units = 2)},
    loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.FLOAT)
public interface Tiny {}
