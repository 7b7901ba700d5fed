package dev.unrolled.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WidthSweep's results as the report shows them, from files written here as the sweep writes them. */
class SweepSectionTest {
  @TempDir Path folder;

  /**
   * One cell as WidthSweep writes it: ours steps in {@code ours} ns of CPU per block of 10 steps in
   * every round, DJL in the given times, so DJL's time over ours is {@code djl[r] / ours} per round.
   */
  private void cell(int jdk, int width, int batch, long ours, long... djl) throws IOException {
    long[] baseline = new long[djl.length];
    java.util.Arrays.fill(baseline, ours);
    Map<String, String> conditions = new LinkedHashMap<>();
    conditions.put("flops_per_sample", "1000000");
    conditions.put("peak_flops", "80e9");
    conditions.put("vector_bits", "256");
    conditions.put("java_version", jdk + ".0.1");
    conditions.put("block_ms", "200");
    conditions.put("load_start", "0.5");
    conditions.put("load_end", "0.6");
    long[][] times = {baseline, djl};
    PairedCosts.of(List.of(SweepResults.OURS, SweepResults.PEER), times, times, new int[] {10, 10}, conditions)
        .write(folder.resolve(SweepResults.file(jdk, width, batch)), "test");
  }

  private String report() throws IOException {
    return ReportWriter.render(RunData.read(folder));
  }

  @Test
  void withoutResultsTheSectionSaysHowToMeasureIt() throws IOException {
    assertThat(report()).contains(SweepSection.TITLE + "\n\n`WidthSweep`: not measured (no results in this run;"
        + " `benchmarks/regenerate.sh --only sweep` measures it).");
  }

  @Test
  void eachCellGivesRatesFlopsAndDjlsTimeOverOursJudgedOnTheLowerEnd() throws IOException {
    // 10 steps of batch 32 in 1 ms: 320,000 samples/s, 320 GFLOP/s at 1 MFLOP a sample, 400% of 80.
    cell(17, 128, 32, 1_000_000, 2_000_000, 2_000_000, 2_100_000, 1_900_000, 2_000_000);
    cell(17, 2048, 256, 1_000_000, 900_000, 800_000, 850_000, 900_000, 880_000);
    cell(17, 512, 64, 1_000_000, 900_000, 1_100_000, 1_000_000, 950_000, 1_050_000);

    String report = report();

    assertThat(report).contains("### JDK 17.0.1\n\nFP32 peak 80.0 GFLOP/s (256-bit vectors); 5 rounds per cell"
        + " of blocks of about 200 ms per contender.");
    assertThat(report).contains("| 784-128-128-10 | 32 | 320,000 | 320.0 | 400 | 160,000 | 200 | 2.0× (");
    // rows in order of width, DJL bold where its whole interval lies below 1
    assertThat(report.indexOf("| 784-512-512-10 | 64 |")).isLessThan(report.indexOf("| 784-2048-2048-10 | 256 |"));
    // DJL's median 880,000 ns a block (its rate kept to six digits)
    assertThat(report).contains("| 784-2048-2048-10 | 256 | 2,560,000 | 2,560.0 | 3,200 | 2,909,0");
    assertThat(report).contains(" | 3,636 | **0.88× (0.80–0.90×)** | 0.5 → 0.6 |");
    assertThat(report).contains("No peer faster, judged on the lower end of the interval: met in 1 of 3 cells;"
        + " DJL measurably faster in 784-2048-2048-10 b256.");
  }

  @Test
  void theTargetsTableJudgesTheJdk17SweepOnItsWorstCell() throws IOException {
    cell(17, 128, 32, 1_000_000, 2_000_000, 2_000_000, 2_100_000, 1_900_000, 2_000_000);
    cell(17, 2048, 256, 1_000_000, 900_000, 800_000, 850_000, 900_000, 880_000);
    cell(25, 128, 32, 1_000_000, 500_000, 500_000, 500_000); // JDK 25 is shown, not judged

    assertThat(report()).contains("| 784-W-W-10, W = 128 to 2,048, batches 32 to 256: no cell where DJL/PyTorch is"
        + " faster (width sweep) | 1 of 2 cells at least 1× on the lower end; lowest: 784-2048-2048-10 b256 0.88×"
        + " (0.80–0.90×) (DJL's time ÷ ours, paired) | **not met** |");

    cell(17, 2048, 256, 1_000_000, 1_100_000, 1_200_000, 1_150_000, 1_100_000, 1_120_000);

    assertThat(report()).contains("| 2 of 2 cells at least 1× on the lower end; lowest: 784-2048-2048-10 b256 1.1×");
    assertThat(report()).containsMatch("faster \\(width sweep\\) \\| 2 of 2 cells .* \\| \\*\\*met\\*\\* \\|");
  }

  @Test
  void withoutASweepTheTargetIsNotMeasured() throws IOException {
    assertThat(report()).contains("| width sweep not measured on JDK 17 | not measured |");
  }

  @Test
  void eachJdkGetsItsOwnTable() throws IOException {
    cell(17, 128, 32, 1_000_000, 2_000_000, 2_000_000, 2_000_000);
    cell(25, 128, 32, 1_000_000, 1_000_000, 1_000_000, 1_000_000);

    String report = report();

    assertThat(report.indexOf("### JDK 17.0.1")).isLessThan(report.indexOf("### JDK 25.0.1"));
    assertThat(SweepResults.read(folder).cells(25)).hasSize(1);
  }
}
