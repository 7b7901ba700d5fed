package dev.unrolled;

import dev.unrolled.train.EpochStats;
import dev.unrolled.train.Fit;
import dev.unrolled.train.TrainingListener;
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
  private final List<EpochStats> epochs;
  private final boolean stoppedEarly;

  private History(List<EpochStats> epochs, boolean stoppedEarly) {
    this.epochs = epochs;
    this.stoppedEarly = stoppedEarly;
  }

  /**
   * The history of {@code epochs} (copied), first to last, as {@link Fit#run} reports it: for a
   * training loop of your own that hands {@link TrainingListener}s their {@code soFar}, and for
   * testing a listener.
   *
   * @param stoppedEarly whether early stopping ended the fit before its last epoch
   */
  public static History of(List<EpochStats> epochs, boolean stoppedEarly) {
    if (epochs == null) {
      throw new IllegalArgumentException("epochs is null; pass the EpochStats of every epoch so far, first to last");
    }
    for (int i = 0; i < epochs.size(); i++) {
      if (epochs.get(i) == null) {
        throw new IllegalArgumentException("epochs[" + i + "] is null; pass the EpochStats of every epoch so far");
      }
    }
    return new History(List.copyOf(epochs), stoppedEarly);
  }

  /** The epochs so far, first to last (unmodifiable). */
  public List<EpochStats> epochs() {
    return epochs;
  }

  /** The most recent epoch. @throws IllegalStateException before the first epoch ended */
  public EpochStats last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("the history has no epochs yet; read it after the first epoch");
    }
    return epochs.get(epochs.size() - 1);
  }

  /**
   * The 1-based epoch with the lowest validation loss when validation was scored, else the lowest
   * training loss; the first such epoch on ties, and 0 if every loss is NaN. With early stopping and
   * restoring, these are the parameters the model has after {@link Fit#run}.
   */
  public int bestEpoch() {
    boolean byValidation = !epochs.isEmpty() && epochs.get(0).hasValidation();
    int best = 0;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int i = 0; i < epochs.size(); i++) {
      double loss = byValidation ? epochs.get(i).validationLoss() : epochs.get(i).trainLoss();
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
    return "History[" + epochs.size() + " epochs, best " + bestEpoch() + (stoppedEarly ? ", stopped early" : "") + "]";
  }
}
