package dev.unrolled.train;

import java.util.List;

/**
 * Where a {@link Fit#run} stands, as a training checkpoint records it: what identifies the fit
 * (options and data), the epochs finished, the position in the epoch under way with its running
 * sums, the shuffled order, and the state of early stopping and of {@code checkpointBest}.
 *
 * @param batchSize samples per step
 * @param shuffleSeed the seed of the per-epoch shuffles
 * @param patience early stopping's patience; 0 when off
 * @param minDelta early stopping's smallest improvement
 * @param restoreBest whether the best epoch's parameters are restored at the end
 * @param batches batches per epoch
 * @param trainRows rows of the training data
 * @param trainFingerprint {@link dev.unrolled.Dataset#fingerprint()} of the training data
 * @param validationRows rows of the validation data; -1 without
 * @param validationFingerprint its fingerprint; 0 without
 * @param epochs the finished epochs
 * @param stopped whether early stopping ended the fit
 * @param nextBatch the next batch of epoch {@code epochs.size() + 1}, from 0; 0 also means its rows
 *     are not shuffled yet
 * @param lossSum the batch losses of that epoch so far, each times its rows
 * @param correct its correct classifications so far
 * @param elapsedNanos its training time so far
 * @param order the row order: that epoch's, or the last epoch's when {@code nextBatch} is 0
 * @param bestLoss early stopping's lowest validation loss
 * @param bestEpoch its epoch; 0 for none
 * @param baseline the loss that patience counts improvements from
 * @param epochsWithoutImprovement epochs since the baseline last improved
 * @param bestParameters the best epoch's parameters, when restoring them; else null
 * @param checkpointBestLoss the loss of the last {@code checkpointBest} save
 */
record FitProgress(int batchSize, long shuffleSeed, int patience, double minDelta, boolean restoreBest, int batches,
    int trainRows, long trainFingerprint, int validationRows, long validationFingerprint, List<EpochStats> epochs,
    boolean stopped, int nextBatch, double lossSum, long correct, long elapsedNanos, int[] order, double bestLoss,
    int bestEpoch, double baseline, int epochsWithoutImprovement, double[] bestParameters,
    double checkpointBestLoss) {
  FitProgress {
    epochs = List.copyOf(epochs);
  }
}
