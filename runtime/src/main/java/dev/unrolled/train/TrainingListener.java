package dev.unrolled.train;

import dev.unrolled.History;

/**
 * Callbacks from {@link Fit#run}; every method does nothing by default. Listeners run on the training
 * thread, so a slow listener slows training (keep {@link #onBatchEnd} cheap).
 *
 * <pre>{@code
 * FitOptions.epochs(10).listener(new TrainingListener() {
 *   public void onEpochEnd(EpochStats stats, History soFar) { losses.add(stats.trainLoss()); }
 * });
 * }</pre>
 */
public interface TrainingListener {
  /** Before the first epoch. */
  default void onFitStart(int epochs, int batchesPerEpoch, int trainSize) {}

  /**
   * After each optimizer step; {@code batch} counts from 1 to {@code batchesPerEpoch}. A batch whose
   * loss is not finite takes no step and is not reported: fit throws {@link TrainingDivergedException}.
   */
  default void onBatchEnd(int epoch, int batch, int batchesPerEpoch, double batchLoss) {}

  /** After each epoch, its validation included; {@code soFar} ends with {@code stats}. */
  default void onEpochEnd(EpochStats stats, History soFar) {}

  /**
   * After the last epoch (and after the best parameters were restored, if they were). Not called when
   * fit throws, for example {@link TrainingDivergedException}: the exception tells the caller instead.
   */
  default void onFitEnd(History history) {}
}
