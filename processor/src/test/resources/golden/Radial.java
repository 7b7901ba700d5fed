package golden;

import dev.unrolled.Activation;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Precision;
import dev.unrolled.Rbf;

/** 2 inputs, 3 Gaussian units, 4 TANH, 1 output, mean squared error, DOUBLE: every layer unrolled. */
@Network(inputs = 2, rbf = @Rbf(units = 3),
    layers = {@Dense(units = 4, activation = Activation.TANH), @Dense(units = 1)},
    loss = Loss.MEAN_SQUARED_ERROR, precision = Precision.DOUBLE)
public interface Radial {}
