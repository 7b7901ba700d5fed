package dev.unrolled.train;

/**
 * What one epoch of {@link Fit#run} measured.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean over the epoch's samples of each batch's mean loss (computed before its
 *     step), weighted by batch size
 * @param trainAccuracy share of training samples classified correctly by the forward pass before
 *     each step; NaN when accuracy is not scored (targets without a cross-entropy loss)
 * @param validationLoss mean loss over the validation data after the epoch; NaN without validation
 * @param validationAccuracy accuracy over the validation data; NaN without validation or scoring
 * @param samples training samples seen in the epoch
 * @param seconds wall-clock time of the whole epoch, validation included
 * @param samplesPerSecond training throughput: samples over the training part of the epoch
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
    double validationAccuracy, long samples, double seconds, double samplesPerSecond) {
  /** Whether the epoch was scored on validation data. */
  public boolean hasValidation() {
    return !Double.isNaN(validationLoss);
  }
}
