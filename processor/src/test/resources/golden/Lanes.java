package golden;

import dev.unrolled.Activation;
import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;

/**
 * 4-16-3, TANH, softmax cross-entropy, FLOAT, vector backend: both layers are small, so both keep
 * the batch in the lanes; the output layer writes rows for the loss.
 */
@Network(inputs = 4,
    layers = {@Dense(units = 16, activation = Activation.TANH), @Dense(units = 3)},
    loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
public interface Lanes {}
