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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rounds of blocks of steps of several contenders in one JVM, what {@link RegularisationPaired} and
 * {@link TrainingPaired} share: a warm-up until the JIT has nothing left to compile, then rounds in
 * which every contender runs one block, the order rotated each round and reversed every
 * {@code n} rounds, so that each runs in every place equally often. Each block is timed on the
 * stepping thread's CPU time (what the steps cost, whatever else shares the core) and on wall time.
 */
final class PairedRounds {
  /** One step of a contender; throws when its loss is not finite. */
  interface Step {
    void run();
  }

  /** Rounds of warm-up before the JIT's silence counts: the first rounds still interpret. */
  private static final int MIN_WARMUP_ROUNDS = 5;

  private final List<Step> steps;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  PairedRounds(List<Step> steps) {
    this.steps = steps;
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
    }
    threads.setThreadCpuTimeEnabled(true);
  }

  /**
   * Rounds in which each contender runs at least {@code minSteps[c]} steps and for at least
   * {@code minNanos}, until a whole round passes without the JIT compiling anything (after
   * {@link #MIN_WARMUP_ROUNDS}) or {@code seconds} have passed: whether it settled is recorded, so a
   * report can tell. Returns each contender's steps per second in its fastest block, on the stepping
   * thread's CPU time: its speed once compiled, which another process sharing the core does not lower.
   */
  double[] warmUp(int[] minSteps, long minNanos, double seconds, Map<String, String> conditions) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean watched = jit != null && jit.isCompilationTimeMonitoringSupported();
    long start = System.nanoTime();
    long compiled = watched ? jit.getTotalCompilationTime() : 0;
    double[] rates = new double[steps.size()];
    int rounds = 0;
    boolean settled = false;
    do {
      for (int c = 0; c < steps.size(); c++) {
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int done = 0;
        do {
          steps.get(c).run();
          done++;
        } while (done < minSteps[c] || System.nanoTime() - t0 < minNanos);
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        rates[c] = Math.max(rates[c], done / (Math.max(cpu, 1) / 1e9));
      }
      rounds++;
      long now = watched ? jit.getTotalCompilationTime() : 0;
      if (watched && rounds >= MIN_WARMUP_ROUNDS && now == compiled) {
        settled = true;
        break;
      }
      compiled = now;
    } while ((System.nanoTime() - start) / 1e9 < seconds);
    conditions.put("warmup_rounds", String.valueOf(rounds));
    conditions.put("warmup_seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    conditions.put("warmup_settled", String.valueOf(settled));
    return rates;
  }

  /** The measured blocks of {@code blockSteps[c]} steps: times in ns, {cpu, wall}[c][round]. */
  long[][][] measure(int rounds, int[] blockSteps, Map<String, String> conditions) {
    int n = steps.size();
    long[][] cpu = new long[n][rounds];
    long[][] wall = new long[n][rounds];
    conditions.put("load_start", load());
    long start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n; i++) {
        int c = order(r, i, n);
        Step step = steps.get(c);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int s = 0; s < blockSteps[c]; s++) {
          step.run();
        }
        wall[c][r] = System.nanoTime() - wall0;
        cpu[c][r] = threads.getCurrentThreadCpuTime() - cpu0;
      }
    }
    conditions.put("load_end", load());
    conditions.put("seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    conditions.put("order", "rotated each round, reversed every " + n + " rounds");
    conditions.put("clock", "stepping thread CPU time (ThreadMXBean); wall time beside it");
    conditions.put("java_version", System.getProperty("java.version"));
    conditions.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    conditions.put("jvm_args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    return new long[][][] {cpu, wall};
  }

  /** The contender in place {@code i} of round {@code r}: rotated each round, reversed every n rounds. */
  static int order(int r, int i, int n) {
    return (r / n) % 2 == 0 ? (r + i) % n : (r + n - i) % n;
  }

  /** The 1-minute load average, as the script records it. */
  static String load() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "?" : String.format(Locale.ROOT, "%.2f", load);
  }

  /**
   * JMH's lock ({@code jmh.lock} in {@code java.io.tmpdir}), held while measuring, so that a paired
   * run never shares the cores with a JMH run that obeys it; while another run holds it, waits at most
   * {@code -Dunrolled.lockWait} seconds (1800).
   */
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
}
