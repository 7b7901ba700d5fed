package dev.unrolled.metrics;

import dev.unrolled.train.Fit;

/**
 * The result of {@link Fit#evaluate}: mean loss and accuracy of fixed parameters over a dataset.
 *
 * @param loss mean loss over all samples
 * @param accuracy share classified correctly; NaN when accuracy is not scored (targets without a
 *     cross-entropy loss)
 * @param samples number of samples evaluated
 */
public record Evaluation(double loss, double accuracy, int samples) {}
