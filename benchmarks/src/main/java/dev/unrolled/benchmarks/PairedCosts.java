package dev.unrolled.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Paired results as {@link RegularisationPaired} and {@link TrainingPaired} write them and the report
 * reads them ({@code regularisation-paired.properties}, {@code training-paired.<shape>.properties}).
 * In every round each variant ran one block of steps; a variant's cost in a round is its time per
 * step over the baseline's (variant 0) time per step in the same round, less 1, so a change in the
 * machine's speed between rounds cancels ({@link #ratio}: the same plus 1, how many times the
 * baseline's time a step of the variant takes). Per variant: the median of those costs over the
 * rounds ({@code cost.<variant>}) with a seeded bootstrap 95% interval ({@code .low}, {@code .high}),
 * measured on the stepping thread's CPU time, and the same on wall time ({@code wall_cost.<variant>});
 * the median steps/s ({@code steps_per_second.<variant>}). The conditions (rounds, steps per block,
 * warm-up, load, JVM) are plain keys beside them.
 */
final class PairedCosts {
  static final int RESAMPLES = 10_000;
  static final long SEED = 15;
  static final double LEVEL = 0.95;

  private final Properties values;

  private PairedCosts(Properties values) {
    this.values = values;
  }

  /**
   * From the times of the measured blocks, {@code cpu[v][r]} and {@code wall[v][r]} in ns, of
   * {@code variants[v]} in round {@code r}, each block of {@code steps} steps; variant 0 is the one
   * the others are costed against.
   */
  static PairedCosts of(List<String> variants, long[][] cpu, long[][] wall, int steps, Map<String, String> conditions) {
    int[] each = new int[variants.size()];
    Arrays.fill(each, steps);
    return of(variants, cpu, wall, each, conditions);
  }

  /** The same with blocks of {@code steps[v]} steps: costs compare the time per step. */
  static PairedCosts of(List<String> variants, long[][] cpu, long[][] wall, int[] steps, Map<String, String> conditions) {
    Properties p = new Properties();
    p.putAll(conditions);
    int rounds = cpu[0].length;
    p.setProperty("rounds", String.valueOf(rounds));
    p.setProperty("bootstrap", String.format(Locale.ROOT, "%,d resamples of the rounds, seed %d", RESAMPLES, SEED));
    boolean uniform = Arrays.stream(steps).allMatch(s -> s == steps[0]);
    for (int v = 0; v < variants.size(); v++) {
      String variant = variants.get(v);
      p.setProperty(uniform ? "steps_per_block" : "steps_per_block." + variant, String.valueOf(steps[v]));
      p.setProperty("steps_per_second." + variant, number(Bootstrap.median(rates(cpu[v], steps[v]))));
      p.setProperty("wall_steps_per_second." + variant, number(Bootstrap.median(rates(wall[v], steps[v]))));
      if (v > 0) {
        put(p, "cost." + variant, costs(cpu[v], steps[v], cpu[0], steps[0]));
        put(p, "wall_cost." + variant, costs(wall[v], steps[v], wall[0], steps[0]));
      }
    }
    return new PairedCosts(p);
  }

  /** Per round: {@code time / baseline − 1}. */
  static double[] costs(long[] time, long[] baseline) {
    return costs(time, 1, baseline, 1);
  }

  /** Per round: the time per step over the baseline's time per step, less 1. */
  static double[] costs(long[] time, int steps, long[] baseline, int baselineSteps) {
    double[] costs = new double[time.length];
    for (int r = 0; r < time.length; r++) {
      costs[r] = ((double) time[r] / steps) / ((double) baseline[r] / baselineSteps) - 1;
    }
    return costs;
  }

  private static double[] rates(long[] nanos, int steps) {
    double[] rates = new double[nanos.length];
    for (int r = 0; r < nanos.length; r++) {
      rates[r] = steps / (nanos[r] / 1e9);
    }
    return rates;
  }

  private static void put(Properties p, String key, double[] costs) {
    double[] interval = Bootstrap.medianInterval(costs, RESAMPLES, SEED, LEVEL);
    p.setProperty(key, number(Bootstrap.median(costs)));
    p.setProperty(key + ".low", number(interval[0]));
    p.setProperty(key + ".high", number(interval[1]));
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6g", value);
  }

  /** The results in {@code file}; empty when there is none. */
  static PairedCosts read(Path file) throws IOException {
    Properties p = new Properties();
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      }
    }
    return new PairedCosts(p);
  }

  /** Sorted keys after a first comment line {@code title}, no date, so the same results give the same bytes. */
  void write(Path file, String title) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    values.store(bytes, null);
    // store() escapes every entry onto one ASCII line and starts with a date comment, dropped here.
    List<String> lines = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.ISO_8859_1).split("\\R")) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        lines.add(line);
      }
    }
    Collections.sort(lines);
    lines.add(0, "# " + title);
    Files.write(file, lines, StandardCharsets.ISO_8859_1);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /** Whether {@code variant} has a cost (the baseline has none). */
  boolean hasCost(String variant) {
    return values.getProperty("cost." + variant) != null;
  }

  /** Whether {@code variant} has a wall-time cost. */
  boolean hasWallCost(String variant) {
    return values.getProperty("wall_cost." + variant) != null;
  }

  boolean hasVariant(String variant) {
    return values.getProperty("steps_per_second." + variant) != null;
  }

  double stepsPerSecond(String variant) {
    return number("steps_per_second." + variant);
  }

  /** The median block's steps per second on wall time. */
  double wallStepsPerSecond(String variant) {
    return number("wall_steps_per_second." + variant);
  }

  /** {median, low, high} of the cost on the stepping thread's CPU time; NaN where not measured. */
  double[] cost(String variant) {
    return triple("cost." + variant);
  }

  double[] wallCost(String variant) {
    return triple("wall_cost." + variant);
  }

  /** {median, low, high} of the variant's time per step over the baseline's, CPU time: the cost plus 1. */
  double[] ratio(String variant) {
    return plusOne(cost(variant));
  }

  double[] wallRatio(String variant) {
    return plusOne(wallCost(variant));
  }

  private static double[] plusOne(double[] cost) {
    return new double[] {cost[0] + 1, cost[1] + 1, cost[2] + 1};
  }

  /** Met only when the upper end of the cost's interval is at most {@code limit}. */
  boolean costAtMost(String variant, double limit) {
    return cost(variant)[2] <= limit;
  }

  String condition(String key, String otherwise) {
    String value = values.getProperty(key);
    return value == null || value.isBlank() ? otherwise : value.trim();
  }

  private double[] triple(String key) {
    return new double[] {number(key), number(key + ".low"), number(key + ".high")};
  }

  private double number(String key) {
    String value = values.getProperty(key);
    return value == null ? Double.NaN : Double.parseDouble(value);
  }
}
