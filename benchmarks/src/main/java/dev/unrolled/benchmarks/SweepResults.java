package dev.unrolled.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link WidthSweep}'s results: one {@link PairedCosts} file per JDK, width and batch,
 * {@code sweep.jdk<feature>.784-<W>-<W>-10-b<batch>.properties} ({@link #file}), the generated
 * vector trainer (the baseline) against DJL/PyTorch. DJL's ratio is its time per step over ours:
 * above 1 we are faster.
 */
final class SweepResults {
  static final String OURS = "generated-vector";
  static final String PEER = "djl";
  private static final Pattern NAME = Pattern.compile("sweep\\.jdk(\\d+)\\.784-(\\d+)-\\d+-10-b(\\d+)\\.properties");

  private final List<Cell> cells;

  private SweepResults(List<Cell> cells) {
    this.cells = cells;
  }

  static SweepResults empty() {
    return new SweepResults(List.of());
  }

  static String file(int jdk, int width, int batch) {
    return "sweep.jdk" + jdk + ".784-" + width + "-" + width + "-10-b" + batch + ".properties";
  }

  /** The results in {@code folder}, by JDK, width and batch; empty when there are none. */
  static SweepResults read(Path folder) throws IOException {
    List<Cell> cells = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "sweep.*.properties")) {
        for (Path file : files) {
          Matcher name = NAME.matcher(file.getFileName().toString());
          if (name.matches()) {
            cells.add(new Cell(Integer.parseInt(name.group(1)), Integer.parseInt(name.group(2)),
                Integer.parseInt(name.group(3)), PairedCosts.read(file)));
          }
        }
      }
    }
    cells.sort(Comparator.comparingInt(Cell::jdk).thenComparingInt(Cell::width).thenComparingInt(Cell::batch));
    return new SweepResults(cells);
  }

  boolean isEmpty() {
    return cells.isEmpty();
  }

  /** The JDKs measured, in order. */
  TreeSet<Integer> jdks() {
    TreeSet<Integer> jdks = new TreeSet<>();
    cells.forEach(c -> jdks.add(c.jdk()));
    return jdks;
  }

  List<Cell> cells(int jdk) {
    return cells.stream().filter(c -> c.jdk() == jdk).toList();
  }

  /** One network and batch on one JDK. */
  record Cell(int jdk, int width, int batch, PairedCosts costs) {
    String network() {
      return "784-" + width + "-" + width + "-10";
    }

    double samplesPerSecond(String contender) {
      return costs.stepsPerSecond(contender) * batch;
    }

    /** FLOP/s as performed: {@code flops_per_sample} as WidthSweep counted them. */
    double flops(String contender) {
      return samplesPerSecond(contender) * Double.parseDouble(costs.condition("flops_per_sample", "NaN"));
    }

    /** Against the FP32 peak measured in the same JVM; NaN when not recorded. */
    double percentOfPeak(String contender) {
      return 100 * flops(contender) / Double.parseDouble(costs.condition("peak_flops", "NaN"));
    }

    /** DJL's time per step over ours: median and 95% interval. */
    Ratio peerOverOurs() {
      double[] ratio = costs.ratio(PEER);
      return Ratio.interval(ratio[0], ratio[1], ratio[2]);
    }

    /** The peer is faster beyond doubt: the whole interval below 1. */
    boolean peerFaster() {
      return peerOverOurs().hasInterval() && peerOverOurs().high < 1;
    }

    /** "No peer faster" judged as every target is, on the conservative end: the whole interval at 1 or above. */
    boolean meetsTarget() {
      return peerOverOurs().atLeast(1);
    }
  }
}
