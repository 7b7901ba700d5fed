package dev.unrolled.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link TrainingPaired}'s results by shape: one {@link PairedCosts} file per shape,
 * {@code training-paired.<shape>.properties} ({@link #run}), its shape in its {@code shape} key. Each contender's ratio is its time
 * per step over the best generated trainer's in the same round, which is how many times faster the
 * best generated trainer trains: the same reading as the JMH table's "best generated is" column.
 */
final class TrainingPairedResults {
  private final Map<String, PairedCosts> byShape;

  private TrainingPairedResults(Map<String, PairedCosts> byShape) {
    this.byShape = byShape;
  }

  /** The results in {@code folder}; empty when there are none. */
  static TrainingPairedResults read(Path folder) throws IOException {
    Map<String, PairedCosts> byShape = new LinkedHashMap<>();
    if (Files.isDirectory(folder)) {
      Map<String, PairedCosts> sorted = new TreeMap<>();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "training-paired.*.properties")) {
        for (Path file : files) {
          PairedCosts costs = PairedCosts.read(file);
          sorted.put(costs.condition("shape", file.getFileName().toString()), costs);
        }
      }
      for (String shape : TrainingResults.SHAPES) {
        if (sorted.containsKey(shape)) {
          byShape.put(shape, sorted.remove(shape));
        }
      }
      byShape.putAll(sorted);
    }
    return new TrainingPairedResults(byShape);
  }

  /**
   * The name of {@code shape}'s run, as the script names its results, log and load lines:
   * {@code 784-128-10/32} → {@code training-paired.784-128-10-b32}.
   */
  static String run(String shape) {
    return "training-paired." + shape.replace("/", "-b");
  }

  boolean isEmpty() {
    return byShape.isEmpty();
  }

  List<String> shapes() {
    return new ArrayList<>(byShape.keySet());
  }

  /** Whether {@code shape} was measured in pairs, with a best generated trainer to judge against. */
  boolean has(String shape) {
    return byShape.containsKey(shape) && best(shape) != null;
  }

  PairedCosts of(String shape) {
    return byShape.get(shape);
  }

  /** The generated trainer every other contender of {@code shape} is compared with; null if none. */
  String best(String shape) {
    PairedCosts costs = byShape.get(shape);
    String best = costs == null ? "" : costs.condition("best_generated", "");
    return best.isEmpty() ? null : best;
  }

  /** How many times faster the best generated trainer is than {@code contender}: CPU time, median and interval. */
  Ratio ratio(String shape, String contender) {
    return ratio(byShape.get(shape).ratio(contender));
  }

  Ratio wallRatio(String shape, String contender) {
    return ratio(byShape.get(shape).wallRatio(contender));
  }

  private static Ratio ratio(double[] ratio) {
    return Ratio.interval(ratio[0], ratio[1], ratio[2]);
  }

  /**
   * The peer whose ratio has the lowest lower end: the one that decides whether no peer is faster;
   * null when no peer was measured.
   */
  String nearestPeer(String shape) {
    String nearest = null;
    for (String contender : contenders(shape)) {
      if (!TrainingResults.isGenerated(contender)
          && (nearest == null || ratio(shape, contender).low < ratio(shape, nearest).low)) {
        nearest = contender;
      }
    }
    return nearest;
  }

  /** The contenders measured on {@code shape}, in the report's order. */
  List<String> contenders(String shape) {
    List<String> measured = new ArrayList<>();
    for (String contender : TrainingResults.CONTENDERS) {
      if (byShape.containsKey(shape) && byShape.get(shape).hasVariant(contender)) {
        measured.add(contender);
      }
    }
    return measured;
  }

  /** "1.7× (1.55–1.85×)", as {@link Ratio} writes a ratio, from {median, low, high}. */
  static String ratioText(double[] ratio) {
    return ratio(ratio).toString();
  }
}
