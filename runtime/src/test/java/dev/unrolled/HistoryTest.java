package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.train.EpochStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A History built by a loop of one's own: a copy of the epochs, and the same best epoch as a fit's. */
class HistoryTest {
  private static EpochStats epoch(int epoch, double trainLoss, double validationLoss) {
    return new EpochStats(epoch, trainLoss, Double.NaN, validationLoss, Double.NaN, 10, 1, 10);
  }

  @Test
  void ofCopiesTheEpochsAndFindsTheBest() {
    List<EpochStats> epochs = new ArrayList<>(List.of(epoch(1, 0.9, 0.8), epoch(2, 0.5, 0.6), epoch(3, 0.4, 0.7)));

    History history = History.of(epochs, true);
    epochs.clear();

    assertThat(history.epochs()).hasSize(3);
    assertThat(history.last().epoch()).isEqualTo(3);
    assertThat(history.bestEpoch()).isEqualTo(2);
    assertThat(history.stoppedEarly()).isTrue();
    assertThat(history.toString()).isEqualTo("History[3 epochs, best 2, stopped early]");
  }

  @Test
  void missingEpochsAreNamed() {
    List<EpochStats> withGap = new ArrayList<>();
    withGap.add(epoch(1, 0.9, Double.NaN));
    withGap.add(null);

    assertThat(assertThrows(IllegalArgumentException.class, () -> History.of(null, false)))
        .hasMessageThat().isEqualTo("epochs is null; pass the EpochStats of every epoch so far, first to last");
    assertThat(assertThrows(IllegalArgumentException.class, () -> History.of(withGap, false)))
        .hasMessageThat().isEqualTo("epochs[1] is null; pass the EpochStats of every epoch so far");
    assertThat(assertThrows(IllegalStateException.class, () -> History.of(List.of(), false).last()))
        .hasMessageThat().contains("no epochs yet");
  }
}
