package dev.unrolled.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How the fit loop cuts an epoch into batches when the trainer needs a minimum of rows per batch. */
class FitBatchesTest {
  @Test
  void withoutAMinimumTheLastBatchTakesTheRemainder() {
    assertThat(FitLoop.batchCount(10, 3, 1)).isEqualTo(4); // 3, 3, 3, 1
    assertThat(FitLoop.batchCount(9, 3, 1)).isEqualTo(3);
  }

  @Test
  void aRemainderBelowTheMinimumJoinsTheBatchBefore() {
    assertThat(FitLoop.batchCount(10, 3, 2)).isEqualTo(3); // 3, 3, 4
    assertThat(FitLoop.batchCount(11, 3, 2)).isEqualTo(4); // 3, 3, 3, 2
    assertThat(FitLoop.batchCount(3, 16, 2)).isEqualTo(1);
  }

  @Test
  void aTrainingSetBelowTheMinimumIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FitLoop.batchCount(3, 16, 4));

    assertThat(e).hasMessageThat().isEqualTo("the training set has 3 rows, but this trainer needs batches of at least"
        + " 4 rows (batch normalisation needs at least 2 rows in each of its 2 shard(s))");
  }
}
