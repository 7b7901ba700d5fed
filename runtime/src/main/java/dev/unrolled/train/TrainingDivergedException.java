package dev.unrolled.train;

import dev.unrolled.Trainer;

/**
 * Thrown by {@link Fit#run} when a training batch's loss is NaN or infinite: the parameters have
 * grown out of the range where the arithmetic means anything, most often because the learning rate
 * is too large for the scale of the features.
 *
 * <pre>{@code
 * try {
 *   trainer.fit(train, FitOptions.epochs(100));
 * } catch (TrainingDivergedException e) {
 *   // e.epoch(), e.batch(): where; the model still holds its last finite parameters
 * }
 * }</pre>
 *
 * <p>A trainer takes no step on a batch whose loss is not finite, and undoes the step before it if
 * that step left a parameter non-finite, so the model keeps its last finite parameters. A step
 * that overflows on the last batch of an epoch is caught by {@link Trainer#restoreIfNotFinite()}
 * at the end of the epoch. Training stops there: that epoch is not validated,
 * early stopping does not restore its best epoch, and listeners hear no {@code onBatchEnd} for the
 * batch and no {@code onEpochEnd} or {@code onFitEnd}, which report steps taken and fits finished.
 *
 * <p>An {@link ArithmeticException}, the JDK's exception for arithmetic without a meaningful result
 * (overflow in {@code Math.addExact}, division by zero), not an {@code IllegalArgumentException}:
 * no single argument is wrong, their combination overflowed.
 */
public final class TrainingDivergedException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int batch;
  private final double loss;

  TrainingDivergedException(int epoch, int batch, int batchesPerEpoch, double loss, boolean finite) {
    this(epoch, batch, loss, "training diverged at epoch " + epoch + ", batch " + batch + " of " + batchesPerEpoch
        + ": the batch loss is " + loss, finite);
  }

  /** The last batch of an epoch had a finite loss, but its step left non-finite parameters. */
  static TrainingDivergedException afterStep(int epoch, int batch, int batchesPerEpoch, double loss,
      boolean finite) {
    return new TrainingDivergedException(epoch, batch, loss, "training diverged at epoch " + epoch + ", batch "
        + batch + " of " + batchesPerEpoch + ": its loss was " + loss + " but the step overflowed the parameters",
        finite);
  }

  private TrainingDivergedException(int epoch, int batch, double loss, String what, boolean finite) {
    super(what + (finite ? "; the model keeps its last finite parameters. "
            : "; an earlier step had already overflowed some parameters (a saturating activation hid it), "
                + "so the model holds non-finite values: train again from a fresh model. ")
        + "Lower the learning rate (e.g. 10×), standardise the features, or check the data");
    this.epoch = epoch;
    this.batch = batch;
    this.loss = loss;
  }

  /** The epoch of the diverging batch, counting from 1. */
  public int epoch() {
    return epoch;
  }

  /** The diverging batch within its epoch, counting from 1. */
  public int batch() {
    return batch;
  }

  /**
   * The batch loss: NaN or infinite, except when the epoch's last step overflowed the parameters
   * after a finite loss, which is then this loss.
   */
  public double loss() {
    return loss;
  }
}
