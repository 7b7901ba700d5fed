package dev.unrolled.benchmarks;

import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost of batch normalisation and dropout measured in pairs, so that the machine's drift cancels:
 * the four trainers and the data of {@link RegularisationBenchmark} ({@link RegularisationSteps}) in
 * one JVM, warmed up until the JIT has nothing left to compile, then {@code rounds} rounds in which
 * every variant runs a block of {@code steps} steps, the order rotated each round and reversed every
 * four, so that each variant runs in every place equally often. Each block is timed on the stepping
 * thread's CPU time (what the steps cost, whatever else shares the core) and on wall time; a
 * variant's cost in a round is its block's time over the plain block's time of that round, less 1.
 * Two JMH runs of a few seconds each, one after the other, see the speed of a shared virtual machine
 * change by ±15%; blocks half a second apart see far less of it. {@link PairedCosts} takes the median
 * over the rounds with a seeded bootstrap interval and writes them where the report reads them.
 *
 * <pre>
 * java -Xmx2g --add-modules jdk.incubator.vector -cp &lt;benchmarks classpath&gt; \
 *     dev.unrolled.benchmarks.RegularisationPaired &lt;out.properties&gt; \
 *     [rounds] [steps per block] [most warm-up seconds]
 * </pre>
 *
 * <p>Like a JMH run it holds JMH's lock while it measures ({@link PairedRounds#jmhLock}); the rounds
 * are {@link PairedRounds}', shared with {@link TrainingPaired}.
 */
public final class RegularisationPaired {
  static final int ROUNDS = 160;
  static final int STEPS = 100;
  static final double WARMUP_SECONDS = 30;

  private final List<String> variants = RegularisationResults.VARIANTS;
  private final PairedRounds rounds;

  private RegularisationPaired() {
    RegularisationSteps.Batches data = RegularisationSteps.data();
    List<PairedRounds.Step> steps = new ArrayList<>();
    for (String variant : variants) {
      steps.add(RegularisationSteps.of(variant, data)::next); // throws on a loss that is not finite
    }
    rounds = new PairedRounds(steps);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 4) {
      System.err.println("usage: RegularisationPaired <out.properties> [rounds] [steps per block]"
          + " [most warm-up seconds]");
      System.exit(2);
    }
    Path out = Paths.get(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : ROUNDS;
    int steps = args.length > 2 ? Integer.parseInt(args[2]) : STEPS;
    double warmup = args.length > 3 ? Double.parseDouble(args[3]) : WARMUP_SECONDS;
    if (rounds < 2 || steps < 1) {
      throw new IllegalArgumentException("rounds " + rounds + " (at least 2), steps " + steps + " (at least 1)");
    }
    try (FileLock lock = PairedRounds.jmhLock()) {
      PairedCosts costs = new RegularisationPaired().measure(rounds, steps, warmup);
      costs.write(out, "RegularisationPaired: paired costs of normalisation and dropout (see PairedCosts)");
      summary(costs);
    }
  }

  private PairedCosts measure(int count, int steps, double warmupSeconds) {
    Map<String, String> conditions = new LinkedHashMap<>();
    int[] blockSteps = new int[variants.size()];
    Arrays.fill(blockSteps, steps);
    rounds.warmUp(blockSteps, 0, warmupSeconds, conditions);
    long[][][] times = rounds.measure(count, blockSteps, conditions);
    return PairedCosts.of(variants, times[0], times[1], steps, conditions);
  }

  private static void summary(PairedCosts costs) {
    System.out.printf(Locale.ROOT, "%s vector, %s rounds of %s steps per variant (%s), %s s; warm-up %s rounds,"
        + " %s s, settled: %s; load %s -> %s%n", RegularisationBenchmark.SHAPE, costs.condition("rounds", "?"),
        costs.condition("steps_per_block", "?"), costs.condition("order", "?"), costs.condition("seconds", "?"),
        costs.condition("warmup_rounds", "?"), costs.condition("warmup_seconds", "?"),
        costs.condition("warmup_settled", "?"), costs.condition("load_start", "?"), costs.condition("load_end", "?"));
    System.out.printf(Locale.ROOT, "%-20s %12s   %-34s %s%n", "variant", "steps/s (CPU)",
        "cost, CPU time: median (95% interval)", "cost, wall time");
    for (String variant : RegularisationResults.VARIANTS) {
      System.out.printf(Locale.ROOT, "%-20s %12.1f   %-34s %s%n", variant, costs.stepsPerSecond(variant),
          RegularisationResults.costText(costs.cost(variant)), RegularisationResults.costText(costs.wallCost(variant)));
    }
  }
}
