/**
 * The dataset-level training loop behind {@link dev.unrolled.Trainer#fit}:
 * {@link dev.unrolled.train.Fit} runs the epochs that {@link dev.unrolled.FitOptions} describe and
 * returns a {@link dev.unrolled.History} of {@link dev.unrolled.train.EpochStats};
 * {@link dev.unrolled.train.TrainingListener}s, such as the {@link dev.unrolled.train.ConsoleListener},
 * hear of every batch and epoch; a NaN or infinite loss stops the fit with a
 * {@link dev.unrolled.train.TrainingDivergedException}. Early stopping and checkpoints live here too,
 * as package-private helpers of the loop.
 *
 * <pre>{@code
 * History history = trainer.fit(train, FitOptions.epochs(100).validation(test).listener(new TrainingListener() {
 *   public void onEpochEnd(EpochStats stats, History soFar) { losses.add(stats.validationLoss()); }
 * }));
 * }</pre>
 */
package dev.unrolled.train;
