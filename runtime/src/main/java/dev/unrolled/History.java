package dev.unrolled;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The epochs of one {@link Fit#run}, in order.
 *
 * <pre>{@code
 * History h = trainer.fit(train, FitOptions.epochs(50).validation(test).earlyStopping(5));
 * System.out.println(h.bestEpoch() + " of " + h.epochs().size() + ", last " + h.last());
 * }</pre>
 */
public final class History {
  // Fit appends to one array and hands out snapshots of its prefix; filled slots never change.
  private final EpochStats[] epochs;
  private final int count;
  private final boolean stoppedEarly;

  History(EpochStats[] epochs, int count, boolean stoppedEarly) {
    this.epochs = epochs;
    this.count = count;
    this.stoppedEarly = stoppedEarly;
  }

  /** The epochs so far, first to last (unmodifiable). */
  public List<EpochStats> epochs() {
    return Collections.unmodifiableList(Arrays.asList(epochs).subList(0, count));
  }

  /** The most recent epoch. @throws IllegalStateException before the first epoch ended */
  public EpochStats last() {
    if (count == 0) {
      throw new IllegalStateException("the history has no epochs yet; read it after the first epoch");
    }
    return epochs[count - 1];
  }

  /**
   * The 1-based epoch with the lowest validation loss when validation was scored, else the lowest
   * training loss; the first such epoch on ties, and 0 if every loss is NaN. With early stopping and
   * restoring, these are the parameters the model has after {@link Fit#run}.
   */
  public int bestEpoch() {
    boolean byValidation = count > 0 && epochs[0].hasValidation();
    int best = 0;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      double loss = byValidation ? epochs[i].validationLoss() : epochs[i].trainLoss();
      if (loss < bestLoss || (best == 0 && loss == bestLoss)) {
        best = i + 1;
        bestLoss = loss;
      }
    }
    return best;
  }

  /** Whether early stopping ended the fit before its last epoch. */
  public boolean stoppedEarly() {
    return stoppedEarly;
  }

  @Override
  public String toString() {
    return "History[" + count + " epochs, best " + bestEpoch() + (stoppedEarly ? ", stopped early" : "") + "]";
  }
}
