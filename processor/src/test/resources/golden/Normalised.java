package golden;

import dev.unrolled.Activation;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Norm;
import dev.unrolled.Precision;

/**
 * 3-4-20-2: an unrolled BATCH-norm layer with dropout, a looped LAYER-norm layer, and an output
 * without either; softmax cross-entropy, FLOAT.
 */
@Network(inputs = 3,
    layers = {@Dense(units = 4, activation = Activation.RELU, norm = Norm.BATCH, dropout = 0.2),
        @Dense(units = 70, activation = Activation.TANH, norm = Norm.LAYER), @Dense(units = 2)},
    loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.FLOAT)
public interface Normalised {}
