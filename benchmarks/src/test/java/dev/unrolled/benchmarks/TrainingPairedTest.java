package dev.unrolled.benchmarks;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How TrainingPaired chooses the generated trainer every peer is compared with. */
class TrainingPairedTest {
  private static final List<String> CONTENDERS = List.of("generated-float", "generated-vector", "djl");

  @Test
  void aFifthOfTheRoundsChooseTheBestAndAreLeftOut() {
    assertThat(TrainingPaired.selectionRounds(100)).isEqualTo(20);
    assertThat(TrainingPaired.selectionRounds(6)).isEqualTo(2);
  }

  @Test
  void theBestGeneratedTrainerHasTheLeastMedianTimePerStepInTheSelectionRounds() {
    // Per step: float 100, 100, 900 ns (median 100); vector 2 steps per block, 90 ns per step but
    // for one disturbed round (median 90): vector. DJL is faster still, but it is a peer. The
    // rounds after the first three (float faster there) do not count.
    long[][] cpu = {
        {100, 100, 900, 10, 10},
        {180, 1000, 180, 1000, 1000},
        {50, 50, 50, 50, 50}};
    int[] steps = {1, 2, 1};

    assertThat(TrainingPaired.bestGenerated(CONTENDERS, cpu, steps, 3)).isEqualTo(1);
  }

  @Test
  void withoutAGeneratedContenderThereIsNothingToCompareWith() {
    assertThrows(IllegalArgumentException.class,
        () -> TrainingPaired.bestGenerated(List.of("djl"), new long[][] {{1, 1}}, new int[] {1}, 2));
  }
}
