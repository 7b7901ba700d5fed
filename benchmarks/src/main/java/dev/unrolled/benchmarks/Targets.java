package dev.unrolled.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 5's targets, each judged from the results of the same run: "met", "not met", or "not
 * measured" when a contender it needs has no result. Nothing here is typed in by hand.
 */
final class Targets {
  static final String MET = "**met**";
  static final String NOT_MET = "**not met**";

  /** Start-to-first-prediction of the generated model against a hello-world JVM. */
  static final double STARTUP_LIMIT = 1.5;

  private final TrainingResults training;
  private final List<Map<String, String>> allocation;
  private final List<Map<String, String>> startup;
  private final List<List<String>> rows = new ArrayList<>();

  private Targets(TrainingResults training, List<Map<String, String>> allocation, List<Map<String, String>> startup) {
    this.training = training;
    this.allocation = allocation;
    this.startup = startup;
  }

  /**
   * Rows of (target, measured, result). Allocation is judged on {@link AllocationCheck}'s exact
   * count, not on {@code -prof gc}, whose figure includes JMH's own threads.
   */
  static List<List<String>> judge(TrainingResults training, List<Map<String, String>> allocation,
      List<Map<String, String>> startup) {
    Targets t = new Targets(training, allocation, startup);
    t.speed("4-16-3/16", "best generated", t.training.bestGenerated("4-16-3/16"), "encog", "Encog", 3);
    t.speed("784-128-10/32", "vector backend", "generated-vector", "djl", "DJL/PyTorch", 1.5);
    t.speed("784-128-10/32", "plain backend", "generated-float", "hand-written", "the hand-written MLP", 4);
    t.speed("784-256-128-10/64", "vector backend", "generated-vector", "djl", "DJL/PyTorch", 1.2);
    t.speed("784-128-10/1", "best generated", t.training.bestGenerated("784-128-10/1"), "smile", "Smile", 2);
    t.allocation();
    t.startup();
    return t.rows;
  }

  private void speed(String shape, String who, String generated, String peer, String peerName, double factor) {
    String target = TrainingResults.label(shape) + ": " + who + " ≥ " + Markdown.fixed(factor, 1) + "× " + peerName;
    double ratio = training.ratio(shape, generated, peer);
    if (Double.isNaN(ratio)) {
      rows.add(List.of(target, missing(shape, generated == null ? "generated" : generated, peer),
          Markdown.NOT_MEASURED));
      return;
    }
    String measured = generated + " " + Markdown.times(ratio) + " " + peer;
    String fastest = training.fastestPeer(shape);
    if (fastest != null && !fastest.equals(peer)) {
      measured += " (fastest peer: " + fastest + ", " + Markdown.times(training.ratio(shape, generated, fastest)) + ")";
    } else if (fastest != null) {
      measured += " (the fastest peer)";
    }
    rows.add(List.of(target, measured, ratio >= factor ? MET : NOT_MET));
  }

  private String missing(String shape, String generated, String peer) {
    List<String> absent = new ArrayList<>();
    for (String c : List.of(generated, peer)) {
      if (training.result(shape, c) == null) {
        absent.add(c);
      }
    }
    return String.join(" and ", absent) + " not measured";
  }

  private void allocation() {
    String target = "every shape: generated trainers allocate 0 B/step";
    long worst = -1;
    String where = null;
    int measured = 0;
    for (Map<String, String> row : allocation) {
      if (!TrainingResults.isGenerated(row.get("contender")) || !"ok".equals(row.get("status"))) {
        continue;
      }
      measured++;
      long bytes = Long.parseLong(row.get("bytes"));
      if (bytes > worst) {
        worst = bytes;
        where = row.get("contender") + " on " + TrainingResults.label(row.get("shape")) + ", "
            + Markdown.count(bytes) + " B in " + Markdown.count(Double.parseDouble(row.get("steps"))) + " steps";
      }
    }
    if (measured == 0) {
      rows.add(List.of(target, "allocation check not run", Markdown.NOT_MEASURED));
      return;
    }
    String measuredText = worst == 0
        ? "0 B in all " + measured + " trainer × shape checks (exact, stepping thread)"
        : "most: " + where + " (exact, stepping thread)";
    rows.add(List.of(target, measuredText, worst == 0 ? MET : NOT_MET));
  }

  private void startup() {
    String target = "start to first prediction ≤ " + Markdown.fixed(STARTUP_LIMIT, 1) + "× a hello-world JVM";
    double hello = medianMillis("hello");
    double generated = medianMillis("generated-float");
    if (Double.isNaN(hello) || Double.isNaN(generated)) {
      rows.add(List.of(target, "generated-float or hello not measured", Markdown.NOT_MEASURED));
      return;
    }
    double ratio = generated / hello;
    String measured = "generated-float " + Markdown.times(ratio) + " (median " + Markdown.fixed(generated, 0)
        + " ms vs " + Markdown.fixed(hello, 0) + " ms)";
    double vector = medianMillis("generated-vector");
    if (!Double.isNaN(vector)) {
      measured += "; generated-vector " + Markdown.times(vector / hello);
    }
    rows.add(List.of(target, measured, ratio <= STARTUP_LIMIT ? MET : NOT_MET));
  }

  private double medianMillis(String contender) {
    for (Map<String, String> row : startup) {
      if (contender.equals(row.get("contender")) && "ok".equals(row.get("status"))) {
        return Double.parseDouble(row.get("median_ms"));
      }
    }
    return Double.NaN;
  }
}
