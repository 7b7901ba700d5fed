package dev.unrolled.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's section "Width sweep", from {@link WidthSweep}'s results: per JDK a table of
 * 784-W-W-10 from 128 to 2,048 units at batches of 32 to 256, the generated vector trainer against
 * DJL/PyTorch in paired rounds, with FLOPs as performed and the FP32 peak measured in the same JVM,
 * then how many cells meet issue 14's "no measured shape where a peer is faster" on the conservative
 * end of the ratio.
 */
final class SweepSection {
  static final String TITLE = "## Width sweep: 784-W-W-10 against DJL/PyTorch";

  private SweepSection() {}

  static void write(Markdown md, SweepResults results) {
    md.line(TITLE).blank();
    if (results.isEmpty()) {
      md.line("`WidthSweep`: " + Markdown.NOT_MEASURED + " (no results in this run; `benchmarks/regenerate.sh"
          + " --only sweep` measures it).").blank();
      return;
    }
    md.line("`WidthSweep` trains 784-W-W-10 (ReLU, softmax cross-entropy, SGD 0.01, float) with the generated")
        .line("vector trainer and with DJL/PyTorch, single-threaded, in paired rounds in one JVM per JDK (blocks")
        .line("of each in turn, order alternated), on the same batches of a fixed teacher's data. Samples/s are")
        .line("the median over the rounds on the stepping thread's CPU time; GFLOP/s count the FLOPs performed,")
        .line("6·W − 2·W₁ per sample for W weights of which W₁ in the first layer (nobody computes its input")
        .line("deltas); % of peak is against the FP32 peak of a register-only FMA loop at the preferred vector")
        .line("width, measured first in the same JVM (the best of 20 runs of 50 ms). The ratio is DJL's time")
        .line("per step over ours with a seeded bootstrap 95% interval: above 1 we are faster; **bold** where")
        .line("the whole interval is below 1, i.e. DJL measurably faster.").blank();
    for (int jdk : results.jdks()) {
      table(md, jdk, results.cells(jdk));
    }
  }

  private static void table(Markdown md, int jdk, List<SweepResults.Cell> cells) {
    SweepResults.Cell first = cells.get(0);
    md.line("### JDK " + first.costs().condition("java_version", String.valueOf(jdk))).blank()
        .line("FP32 peak " + Markdown.fixed(Double.parseDouble(first.costs().condition("peak_flops", "NaN")) / 1e9, 1)
            + " GFLOP/s (" + first.costs().condition("vector_bits", "?") + "-bit vectors); "
            + first.costs().condition("rounds", "?") + " rounds per cell of blocks of about "
            + first.costs().condition("block_ms", "?") + " ms per contender.").blank();
    List<List<String>> rows = new ArrayList<>();
    int met = 0;
    List<String> peerFaster = new ArrayList<>();
    for (SweepResults.Cell c : cells) {
      Ratio ratio = c.peerOverOurs();
      String ratioText = c.peerFaster() ? "**" + ratio + "**" : ratio.toString();
      rows.add(List.of(c.network(), String.valueOf(c.batch()),
          Markdown.count(c.samplesPerSecond(SweepResults.OURS)), Markdown.fixed(c.flops(SweepResults.OURS) / 1e9, 1),
          Markdown.fixed(c.percentOfPeak(SweepResults.OURS), 0), Markdown.count(c.samplesPerSecond(SweepResults.PEER)),
          Markdown.fixed(c.percentOfPeak(SweepResults.PEER), 0), ratioText,
          c.costs().condition("load_start", "?") + " → " + c.costs().condition("load_end", "?")));
      if (c.meetsTarget()) {
        met++;
      }
      if (c.peerFaster()) {
        peerFaster.add(c.network() + " b" + c.batch());
      }
    }
    md.table("rrrrrrrll", List.of("network", "batch", "ours, samples/s", "ours, GFLOP/s", "ours, % of peak",
        "DJL, samples/s", "DJL, % of peak", "DJL's time ÷ ours", "load"), rows);
    md.line("No peer faster, judged on the lower end of the interval: met in " + met + " of " + cells.size()
        + " cells; DJL measurably faster in " + (peerFaster.isEmpty() ? "none" : String.join(", ", peerFaster))
        + ".").blank();
  }
}
