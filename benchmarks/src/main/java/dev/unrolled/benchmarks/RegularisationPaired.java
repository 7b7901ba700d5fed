package dev.unrolled.benchmarks;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
 * <p>Like a JMH run it holds JMH's lock ({@code jmh.lock} in {@code java.io.tmpdir}) while it
 * measures, so it never shares the cores with a JMH run that obeys it; while another run holds it, it
 * waits, at most {@code -Dunrolled.lockWait} seconds (1800).
 */
public final class RegularisationPaired {
  static final int ROUNDS = 160;
  static final int STEPS = 100;
  static final double WARMUP_SECONDS = 30;
  /** Rounds of warm-up before the JIT's silence counts: the first rounds still interpret. */
  private static final int MIN_WARMUP_ROUNDS = 5;

  private final List<String> variants = RegularisationResults.VARIANTS;
  private final List<RegularisationSteps> trainers = new ArrayList<>();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  private RegularisationPaired() {
    RegularisationSteps.Batches data = RegularisationSteps.data();
    for (String variant : variants) {
      trainers.add(RegularisationSteps.of(variant, data));
    }
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
    }
    threads.setThreadCpuTimeEnabled(true);
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
    try (FileLock lock = jmhLock()) {
      PairedCosts costs = new RegularisationPaired().measure(rounds, steps, warmup);
      costs.write(out);
      summary(costs);
    }
  }

  private PairedCosts measure(int rounds, int steps, double warmupSeconds) {
    Map<String, String> conditions = new LinkedHashMap<>();
    warmUp(steps, warmupSeconds, conditions);
    int n = variants.size();
    long[][] cpu = new long[n][rounds];
    long[][] wall = new long[n][rounds];
    conditions.put("load_start", load());
    long start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n; i++) {
        int v = order(r, i, n);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        block(trainers.get(v), steps);
        wall[v][r] = System.nanoTime() - wall0;
        cpu[v][r] = threads.getCurrentThreadCpuTime() - cpu0;
      }
    }
    conditions.put("load_end", load());
    conditions.put("seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    conditions.put("order", "rotated each round, reversed every " + n + " rounds");
    conditions.put("clock", "stepping thread CPU time (ThreadMXBean); wall time beside it");
    conditions.put("java_version", System.getProperty("java.version"));
    conditions.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    conditions.put("jvm_args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    return PairedCosts.of(variants, cpu, wall, steps, conditions);
  }

  /** The variant in place {@code i} of round {@code r}: rotated each round, reversed every n rounds. */
  static int order(int r, int i, int n) {
    return (r / n) % 2 == 0 ? (r + i) % n : (r + n - i) % n;
  }

  /**
   * Rounds of blocks as measured until a whole round passes without the JIT compiling anything
   * (after {@link #MIN_WARMUP_ROUNDS}), or {@code seconds} have passed: whether it settled is
   * recorded, so a report can tell.
   */
  private void warmUp(int steps, double seconds, Map<String, String> conditions) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean watched = jit != null && jit.isCompilationTimeMonitoringSupported();
    long start = System.nanoTime();
    long compiled = watched ? jit.getTotalCompilationTime() : 0;
    int rounds = 0;
    boolean settled = false;
    while ((System.nanoTime() - start) / 1e9 < seconds) {
      for (RegularisationSteps trainer : trainers) {
        block(trainer, steps);
      }
      rounds++;
      long now = watched ? jit.getTotalCompilationTime() : 0;
      if (watched && rounds >= MIN_WARMUP_ROUNDS && now == compiled) {
        settled = true;
        break;
      }
      compiled = now;
    }
    conditions.put("warmup_rounds", String.valueOf(rounds));
    conditions.put("warmup_seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    conditions.put("warmup_settled", String.valueOf(settled));
  }

  private void block(RegularisationSteps trainer, int steps) {
    for (int s = 0; s < steps; s++) {
      trainer.next(); // throws on a loss that is not finite
    }
  }

  /** The 1-minute load average, as the script records it. */
  static String load() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "?" : String.format(Locale.ROOT, "%.2f", load);
  }

  static FileLock jmhLock() throws IOException, InterruptedException {
    Path file = Paths.get(System.getProperty("java.io.tmpdir"), "jmh.lock");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long most = Long.getLong("unrolled.lockWait", 1800);
    for (long waited = 0; ; waited += 10) {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return lock;
      }
      if (waited >= most) {
        channel.close();
        throw new IllegalStateException("another JMH run held " + file + " for " + waited + " s");
      }
      if (waited == 0) {
        System.out.println("another JMH run holds " + file + ": waiting (up to " + most + " s)");
      }
      Thread.sleep(10_000);
    }
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
