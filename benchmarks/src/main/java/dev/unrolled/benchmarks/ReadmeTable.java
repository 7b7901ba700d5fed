package dev.unrolled.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The README's performance table, written from the results BENCHMARKS.md is written from, between
 * the README's {@value #BEGIN} and {@value #END} comments: nothing in it is copied by hand. One row
 * per shape: the best generated trainer, the fastest peer and the ratio with its interval.
 */
final class ReadmeTable {
  static final String BEGIN = "<!-- performance:begin -->";
  static final String END = "<!-- performance:end -->";

  private ReadmeTable() {}

  static String render(TrainingResults training, double peakFp32, RunData data) {
    Markdown md = new Markdown();
    md.line("<!-- Written by benchmarks/regenerate.sh (ReportWriter) from the run in BENCHMARKS.md;"
        + " edit ReportWriter, not this table. -->");
    if (data.machine("mode", "").equals("quick")) {
      md.line("Quick run (`--quick`): these figures mean nothing.").blank();
    }
    List<List<String>> rows = new ArrayList<>();
    for (String shape : training.shapes()) {
      String best = training.bestGenerated(shape);
      String peer = training.fastestPeer(shape);
      if (best == null) {
        continue;
      }
      double gflops = training.gflops(shape, best);
      rows.add(List.of(TrainingResults.label(shape),
          Markdown.samples(training.samplesPerSecond(shape, best)) + " (" + best + ")",
          Double.isNaN(peakFp32) ? "—" : Markdown.fixed(100 * gflops / peakFp32, 0) + "%",
          peer == null ? Markdown.NOT_MEASURED : Markdown.samples(training.samplesPerSecond(shape, peer)) + " (" + peer + ")",
          peer == null ? "—" : training.ratio(shape, best, peer).toString()));
    }
    md.table("lrrrr", List.of("network, batch", "Unrolled, samples/s", "% of FP32 peak", "fastest other, samples/s",
        "ratio (interval)"), rows);
    md.line("Training, one thread, " + data.machine("cpu", "CPU unknown") + ", " + data.machine("date", "date unknown")
        + "; load " + data.machine("load.training.start", "?") + " → " + data.machine("load.training.end", "?")
        + " during the training run.")
        .line("JDK 25, inference, allocation, start-up, dependency size and the targets, judged on the")
        .line("conservative end of each interval, are in [BENCHMARKS.md](BENCHMARKS.md).");
    return md.toString();
  }

  /**
   * {@code readme} with the text between the markers replaced by {@code table}.
   *
   * @throws IllegalArgumentException if the README lacks either marker, or has them out of order
   */
  static String replace(String readme, String table) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("README.md needs " + BEGIN + " and then " + END
          + " around its performance table");
    }
    return readme.substring(0, begin + BEGIN.length()) + "\n" + table + readme.substring(end);
  }
}
