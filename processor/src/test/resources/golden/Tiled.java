package golden;

import dev.unrolled.Activation;
import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;

/**
 * 20-80-3, RELU, softmax cross-entropy, FLOAT, vector backend: the 80-unit layer (1,600 weights) gets
 * vector tiles; the output layer is looped (80 inputs), without tiles (3 units).
 */
@Network(inputs = 20,
    layers = {@Dense(units = 80, activation = Activation.RELU), @Dense(units = 3)},
    loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
public interface Tiled {}
