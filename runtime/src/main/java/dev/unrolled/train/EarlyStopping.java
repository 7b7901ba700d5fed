package dev.unrolled.train;

import dev.unrolled.History;

/**
 * Early-stopping bookkeeping for one fit. Patience counts epochs since the validation loss last
 * dropped by more than {@code minDelta}; the best epoch is the plain minimum, so the restored
 * parameters are those of {@link History#bestEpoch()}. NaN losses never improve anything.
 */
final class EarlyStopping {
  private final int patience;
  private final double minDelta;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private int bestEpoch;
  private double baseline = Double.POSITIVE_INFINITY;
  private int epochsWithoutImprovement;

  EarlyStopping(int patience, double minDelta) {
    this.patience = patience;
    this.minDelta = minDelta;
  }

  /** Records an epoch's validation loss; returns whether it is the best so far. */
  boolean record(int epoch, double loss) {
    if (loss < baseline - minDelta) {
      baseline = loss;
      epochsWithoutImprovement = 0;
    } else {
      epochsWithoutImprovement++;
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      bestEpoch = epoch;
      return true;
    }
    return false;
  }

  /** Puts back the state a training checkpoint recorded. */
  void restore(double bestLoss, int bestEpoch, double baseline, int epochsWithoutImprovement) {
    this.bestLoss = bestLoss;
    this.bestEpoch = bestEpoch;
    this.baseline = baseline;
    this.epochsWithoutImprovement = epochsWithoutImprovement;
  }

  double bestLoss() {
    return bestLoss;
  }

  double baseline() {
    return baseline;
  }

  int epochsWithoutImprovement() {
    return epochsWithoutImprovement;
  }

  boolean shouldStop() {
    return epochsWithoutImprovement >= patience;
  }

  /** The 1-based best epoch, or 0 when no epoch had a finite loss. */
  int bestEpoch() {
    return bestEpoch;
  }
}
