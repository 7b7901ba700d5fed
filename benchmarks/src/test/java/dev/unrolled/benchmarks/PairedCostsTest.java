package dev.unrolled.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paired costs from block times, the order of the rounds, and the file the report reads. */
class PairedCostsTest {
  @TempDir Path folder;

  private static final List<String> VARIANTS = List.of("plain", "slower");

  @Test
  void aRoundsCostIsPairedSoTheMachinesDriftCancels() {
    // The machine's speed halves and doubles between rounds; the variant always takes 10% longer
    // than plain in the same round, so every round's cost, the median and its interval are 10%.
    long[] plain = {1_000_000, 2_000_000, 500_000, 1_500_000, 800_000};
    long[] slower = new long[plain.length];
    for (int r = 0; r < plain.length; r++) {
      slower[r] = plain[r] * 11 / 10;
    }
    PairedCosts costs = PairedCosts.of(VARIANTS, new long[][] {plain, slower}, new long[][] {plain, plain}, 100,
        Map.of("load_start", "0.50"));

    assertThat(costs.cost("slower")[0]).isWithin(1e-5).of(0.10);
    assertThat(costs.cost("slower")[1]).isWithin(1e-5).of(0.10);
    assertThat(costs.cost("slower")[2]).isWithin(1e-5).of(0.10);
    assertThat(costs.wallCost("slower")[0]).isWithin(1e-9).of(0.0);
    // The median block of plain: 1,000,000 ns for 100 steps.
    assertThat(costs.stepsPerSecond("plain")).isWithin(1e-3).of(100_000);
    assertThat(costs.hasCost("plain")).isFalse();
    assertThat(costs.hasCost("slower")).isTrue();
    assertThat(costs.condition("rounds", "?")).isEqualTo("5");
    assertThat(costs.condition("load_start", "?")).isEqualTo("0.50");
  }

  @Test
  void blocksOfDifferentLengthsAreComparedPerStep() {
    // Blocks sized by time: the baseline runs 10 steps in 1,000 ns, the other 2 steps in 400 ns, so
    // a step of it takes 200 ns against 100: twice the baseline's time, a cost of 100%.
    long[] baseline = {1000, 2000, 1000};
    long[] slower = {400, 800, 400};
    PairedCosts costs = PairedCosts.of(VARIANTS, new long[][] {baseline, slower}, new long[][] {baseline, slower},
        new int[] {10, 2}, Map.of());

    assertThat(costs.cost("slower")[0]).isWithin(1e-5).of(1.0);
    assertThat(costs.ratio("slower")).usingTolerance(1e-5).containsExactly(2.0, 2.0, 2.0).inOrder();
    assertThat(costs.wallRatio("slower")[0]).isWithin(1e-5).of(2.0);
    assertThat(costs.stepsPerSecond("plain")).isWithin(1e-3).of(1e7);
    assertThat(costs.stepsPerSecond("slower")).isWithin(1e-3).of(5e6);
    assertThat(costs.condition("steps_per_block.plain", "?")).isEqualTo("10");
    assertThat(costs.condition("steps_per_block.slower", "?")).isEqualTo("2");
    assertThat(costs.condition("steps_per_block", "none")).isEqualTo("none");
  }

  @Test
  void theUpperEndOfTheIntervalJudgesTheLimit() {
    // Costs of 5%, 9%, 12%, 14%, 20% per round: the median is 12%, its interval reaches above 14%.
    long[] plain = {1000, 1000, 1000, 1000, 1000};
    long[] slower = {1050, 1090, 1120, 1140, 1200};
    PairedCosts costs = PairedCosts.of(VARIANTS, new long[][] {plain, slower}, new long[][] {plain, slower}, 1,
        Map.of());

    assertThat(costs.cost("slower")[0]).isWithin(1e-5).of(0.12);
    assertThat(costs.cost("slower")[2]).isAtLeast(0.14 - 1e-9);
    assertThat(costs.costAtMost("slower", 0.13)).isFalse();
    assertThat(costs.costAtMost("slower", 0.25)).isTrue();
    assertThat(costs.costAtMost("absent", 0.25)).isFalse();
  }

  @Test
  void whatIsWrittenIsReadBackTheSameAndTheSameResultsGiveTheSameBytes() throws IOException {
    long[][] times = {{1000, 1100, 900}, {1100, 1200, 1000}};
    PairedCosts costs = PairedCosts.of(VARIANTS, times, times, 10, Map.of("vm", "Ünusual VM = 1: #2"));
    Path file = folder.resolve("paired.properties");
    costs.write(file, "paired");
    byte[] bytes = Files.readAllBytes(file);
    PairedCosts.of(VARIANTS, times, times, 10, Map.of("vm", "Ünusual VM = 1: #2")).write(file, "paired");

    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    PairedCosts read = PairedCosts.read(file);
    assertThat(read.cost("slower")).usingTolerance(1e-12).containsExactly(costs.cost("slower")).inOrder();
    assertThat(read.condition("vm", "?")).isEqualTo("Ünusual VM = 1: #2");
    assertThat(PairedCosts.read(folder.resolve("absent.properties")).isEmpty()).isTrue();
  }

  @Test
  void everyVariantRunsInEveryPlaceEquallyOften() {
    // PairedRounds orders the blocks of RegularisationPaired and TrainingPaired alike.
    int n = 4;
    int[][] timesInPlace = new int[n][n];
    for (int r = 0; r < 2 * n; r++) {
      Set<Integer> round = new HashSet<>();
      for (int i = 0; i < n; i++) {
        int v = PairedRounds.order(r, i, n);
        round.add(v);
        timesInPlace[v][i]++;
      }
      assertThat(round).hasSize(n);
    }
    for (int[] places : timesInPlace) {
      assertThat(places).asList().containsExactly(2, 2, 2, 2);
    }
    // Reversed in the second cycle: plain is not always run right after the same variant.
    assertThat(PairedRounds.order(0, 1, n)).isEqualTo(1);
    assertThat(PairedRounds.order(n, 1, n)).isEqualTo(n - 1);
  }
}
