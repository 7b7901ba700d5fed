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
import org.openjdk.jmh.annotations.Param;

/**
 * Every contender of {@link TrainingBenchmark} on one shape, measured in pairs in one JVM so that the
 * machine's drift cancels: the contenders and data of {@link TrainingSteps}, warmed up until the JIT
 * has nothing left to compile, then rounds in which every contender runs one block of steps
 * ({@link PairedRounds}). Blocks are sized by time, not by steps: each contender's block holds the
 * steps its fastest warm-up block ran in {@code block ms} of CPU time (one step at least), so the
 * 4 ms steps of DL4J and the 3 µs steps of a small generated trainer weigh alike in a round.
 *
 * <p>Which generated trainer is the best is decided on the first fifth of the rounds (two at least),
 * by the median time per step, and those rounds are then left out: choosing the trainer on the same
 * rounds it is judged on would favour it. Each contender's ratio in a judged round is its time per
 * step over the best generated trainer's in that round (the same batch, so per sample too); the report
 * takes the median over the rounds with a seeded bootstrap interval ({@link PairedCosts}).
 *
 * <pre>
 * OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
 * java -Xmx2g --add-modules=jdk.incubator.vector -cp &lt;benchmarks classpath&gt; \
 *     dev.unrolled.benchmarks.TrainingPaired &lt;shape&gt; &lt;out.properties&gt; \
 *     [rounds] [block ms] [most warm-up seconds]
 * </pre>
 *
 * <p>The native peers refuse to run without the three variables ({@link Contenders#requireSingleThreadedNatives}),
 * as in the JMH forks; a loss that is not finite fails the run. Like a JMH run it holds JMH's lock while it
 * measures ({@link PairedRounds#jmhLock}).
 */
public final class TrainingPaired {
  static final int ROUNDS = 100;
  static final double BLOCK_MILLIS = 40;
  static final double WARMUP_SECONDS = 20;

  private final String shape;
  private final List<String> contenders;
  private final PairedRounds rounds;

  private TrainingPaired(String shape, List<String> contenders) {
    this.shape = shape;
    this.contenders = contenders;
    TrainingSteps.Batches data = TrainingSteps.data(shape);
    List<PairedRounds.Step> steps = new ArrayList<>();
    for (String contender : contenders) {
      steps.add(TrainingSteps.of(contender, data)::next); // throws on a loss that is not finite
    }
    rounds = new PairedRounds(steps);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 5) {
      System.err.println("usage: TrainingPaired <shape> <out.properties> [rounds] [block ms] [most warm-up seconds]");
      System.exit(2);
    }
    String shape = args[0];
    Path out = Paths.get(args[1]);
    int count = args.length > 2 ? Integer.parseInt(args[2]) : ROUNDS;
    double blockMillis = args.length > 3 ? Double.parseDouble(args[3]) : BLOCK_MILLIS;
    double warmup = args.length > 4 ? Double.parseDouble(args[4]) : WARMUP_SECONDS;
    if (count < selectionRounds(count) + 2 || !(blockMillis > 0)) {
      throw new IllegalArgumentException("rounds " + count + " (at least 4), block " + blockMillis + " ms (above 0)");
    }
    List<String> contenders = List.of(TrainingBenchmark.class.getField("contender").getAnnotation(Param.class).value());
    try (FileLock lock = PairedRounds.jmhLock()) {
      PairedCosts ratios = new TrainingPaired(shape, contenders).measure(count, blockMillis, warmup);
      ratios.write(out, "TrainingPaired: paired training times of " + shape + " (see PairedCosts)");
      summary(ratios);
    }
  }

  /** The first rounds, which choose the best generated trainer and are then left out: a fifth, two at least. */
  static int selectionRounds(int rounds) {
    return Math.max(2, rounds / 5);
  }

  private PairedCosts measure(int count, double blockMillis, double warmupSeconds) {
    Map<String, String> conditions = new LinkedHashMap<>();
    conditions.put("shape", shape);
    int n = contenders.size();
    int[] one = new int[n];
    Arrays.fill(one, 1);
    double[] rates = rounds.warmUp(one, (long) (blockMillis * 1e6), warmupSeconds, conditions);
    int[] blockSteps = new int[n];
    for (int c = 0; c < n; c++) {
      blockSteps[c] = (int) Math.max(1, Math.round(rates[c] * blockMillis / 1e3));
    }
    long[][][] times = rounds.measure(count, blockSteps, conditions);
    int selection = selectionRounds(count);
    int best = bestGenerated(contenders, times[0], blockSteps, selection);
    conditions.put("best_generated", contenders.get(best));
    conditions.put("selection_rounds", String.valueOf(selection));
    conditions.put("block_ms", String.format(Locale.ROOT, "%.0f", blockMillis));
    // The best generated trainer first: PairedCosts compares every contender with the first.
    List<String> order = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    order.add(contenders.get(best));
    index.add(best);
    for (int c = 0; c < n; c++) {
      if (c != best) {
        order.add(contenders.get(c));
        index.add(c);
      }
    }
    long[][] cpu = new long[n][];
    long[][] wall = new long[n][];
    int[] steps = new int[n];
    for (int i = 0; i < n; i++) {
      int c = index.get(i);
      cpu[i] = Arrays.copyOfRange(times[0][c], selection, count);
      wall[i] = Arrays.copyOfRange(times[1][c], selection, count);
      steps[i] = blockSteps[c];
    }
    return PairedCosts.of(order, cpu, wall, steps, conditions);
  }

  /**
   * The generated contender with the least median time per step (CPU) over the first
   * {@code selection} rounds.
   */
  static int bestGenerated(List<String> contenders, long[][] cpu, int[] steps, int selection) {
    int best = -1;
    double bestTime = Double.POSITIVE_INFINITY;
    for (int c = 0; c < contenders.size(); c++) {
      if (!TrainingResults.isGenerated(contenders.get(c))) {
        continue;
      }
      double[] perStep = new double[selection];
      for (int r = 0; r < selection; r++) {
        perStep[r] = (double) cpu[c][r] / steps[c];
      }
      double time = Bootstrap.median(perStep);
      if (time < bestTime) {
        best = c;
        bestTime = time;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("no generated contender among " + contenders);
    }
    return best;
  }

  private static void summary(PairedCosts ratios) {
    System.out.printf(Locale.ROOT, "%s: %s rounds judged after %s choosing the best generated trainer (%s), blocks of"
            + " about %s ms, %s s; warm-up %s rounds, %s s, settled: %s; load %s -> %s%n",
        ratios.condition("shape", "?"), ratios.condition("rounds", "?"), ratios.condition("selection_rounds", "?"),
        ratios.condition("best_generated", "?"), ratios.condition("block_ms", "?"), ratios.condition("seconds", "?"),
        ratios.condition("warmup_rounds", "?"), ratios.condition("warmup_seconds", "?"),
        ratios.condition("warmup_settled", "?"), ratios.condition("load_start", "?"), ratios.condition("load_end", "?"));
    System.out.printf(Locale.ROOT, "%-18s %8s %14s   %-28s %s%n", "contender", "steps", "steps/s (CPU)",
        "time / best's, CPU: median (95%)", "wall time");
    for (String contender : TrainingResults.CONTENDERS) {
      if (!ratios.hasVariant(contender)) {
        continue;
      }
      System.out.printf(Locale.ROOT, "%-18s %8s %14.1f   %-28s %s%n", contender,
          ratios.condition("steps_per_block." + contender, ratios.condition("steps_per_block", "?")),
          ratios.stepsPerSecond(contender), TrainingPairedResults.ratioText(ratios.ratio(contender)),
          TrainingPairedResults.ratioText(ratios.wallRatio(contender)));
    }
  }
}
