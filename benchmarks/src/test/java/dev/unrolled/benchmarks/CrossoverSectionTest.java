package dev.unrolled.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LaneCrossover's results as the report shows them, from files written here as the run writes them. */
class CrossoverSectionTest {
  @TempDir Path folder;

  private static CrossoverResults.Cell cell(int width, int batch, double ratio, double low, double high,
      String planner) {
    return new CrossoverResults.Cell(width, batch, 100, ratio, low, high, ratio, 1.5, 2.5, planner);
  }

  private void write(CrossoverResults results) throws IOException {
    Files.writeString(folder.resolve("crossover-" + results.backend() + ".json"), results.toJson());
  }

  private String report() throws IOException {
    return ReportWriter.render(RunData.read(folder));
  }

  @Test
  void aRoundsRatioIsLanesTimeOverRowsTimeAndTheCellTakesTheirMedian() {
    CrossoverResults.Cell c = CrossoverResults.Cell.of(16, 32, 10, new long[] {90, 100, 130},
        new long[] {100, 100, 100}, new long[] {200, 200, 200}, new long[] {100, 100, 100}, "unrolled");

    assertThat(c.ratio()).isWithin(1e-12).of(1.0);
    assertThat(c.low()).isAtLeast(0.9);
    assertThat(c.high()).isAtMost(1.3);
    assertThat(c.wallRatio()).isWithin(1e-12).of(2.0);
    assertThat(c.lanesMicros()).isWithin(1e-12).of(0.01); // 100 ns over 10 steps
  }

  @Test
  void theJsonReadsBackAsWritten() throws IOException {
    CrossoverResults results = new CrossoverResults("vector");
    results.putCondition("rounds", "40");
    results.add(cell(4, 8, 0.625, 0.5, 0.75, "batch lanes (else looped)"));
    write(results);

    CrossoverResults read = CrossoverResults.read(folder.resolve("crossover-vector.json"), "vector");

    assertThat(read.cells()).containsExactlyElementsIn(results.cells());
    assertThat(read.condition("rounds", "?")).isEqualTo("40");
  }

  @Test
  void eachBackendGetsAWidthByBatchTableWithThePlannersChoice() throws IOException {
    CrossoverResults vector = new CrossoverResults("vector");
    vector.putCondition("rounds", "40");
    vector.putCondition("java_version", "17.0.15");
    vector.putCondition("warmup_unsettled_widths", "[]");
    vector.add(cell(4, 8, 1.5, 1.25, 1.75, "batch lanes (else looped)"));
    vector.add(cell(4, 64, 0.625, 0.5, 0.75, "batch lanes (else looped)"));
    vector.add(cell(128, 8, 6.5, 6.0, 7.5, "vector tiles 8×2 (else looped)"));
    vector.add(cell(128, 64, 0.98, 0.875, 1.125, "vector tiles 8×2 (else looped)"));
    write(vector);

    String report = report();

    assertThat(report).contains(CrossoverSection.TITLE);
    assertThat(report).contains("### vector backend\n\nJDK 17.0.15, 40 rounds per cell");
    assertThat(report).contains("widths where it did not settle: none)");
    assertThat(report).contains("| width | batch 8 | batch 64 | planner picks |");
    // Bold only where the whole interval is below 1: lanes measurably faster.
    assertThat(report).contains("| 4 | 1.50× (1.25–1.75) | **0.63×** (0.50–0.75) | batch lanes (else looped) |");
    assertThat(report).contains("| 128 | 6.50× (6.00–7.50) | 0.98× (0.88–1.13) | vector tiles 8×2 (else looped) |");
    assertThat(report).contains("### plain backend\n\nnot measured.");
  }

  @Test
  void withoutResultsTheSectionSaysHowToMeasureThem() throws IOException {
    assertThat(report()).contains(CrossoverSection.TITLE + "\n\n`LaneCrossover`: not measured (no results in this"
        + " run; `benchmarks/regenerate.sh --only crossover` measures it).");
  }
}
