package dev.unrolled.benchmarks;

import dev.unrolled.Parallelism;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a split step's speed-up goes: the duration of every step of one thread and of
 * {@code Parallelism.splitLayers(2).threads(2)}, taking turns in rounds as {@link ParallelSpeedup}'s
 * configurations do, and their distributions side by side. The tenth percentile is a step that
 * nothing interrupted, so the ratio of the two tenth percentiles is what the split's own work and
 * meetings allow; the ratio of the means is the throughput a benchmark sees. Between them lie the
 * slow steps: those over 1.3 times the median, with the time they add per step on average. One
 * thread loses only its own core's interruptions; the split loses either core's, since the other
 * part waits for it at the next meeting.
 *
 * <pre>
 * java -cp benchmarks.jar:runtime.jar dev.unrolled.benchmarks.StepTimes [rounds] [plain|vector]
 * </pre>
 *
 * <p>{@code vector} measures the {@code Backend.VECTOR} trainers; run it with
 * {@code --add-modules jdk.incubator.vector}.
 */
public final class StepTimes {
  private static final int STEPS_PER_ROUND = 1000;
  private static final int WARM_UP_ROUNDS = 5;

  private StepTimes() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    boolean vector = args.length > 1 && args[1].equals("vector");
    System.out.printf(Locale.ROOT, "%s %s, %d rounds of %d steps per trainer, %s backend, core round trip %.0f ns%n",
        System.getProperty("java.vm.name"), System.getProperty("java.version"), rounds, STEPS_PER_ROUND,
        vector ? "vector" : "plain", roundTrip());
    measure(false, vector, 32, rounds);
    measure(true, vector, 64, rounds);
  }

  private static void measure(boolean deep, boolean vector, int m, int rounds) {
    TeacherData data = new TeacherData(2048, 784, 10, 7);
    float[][][] x = data.inputBatches(m);
    int[][] y = data.labelBatches(m);
    int batches = x.length;
    AutoCloseable oneTrainer = ParallelSpeedup.trainer(deep, vector, Parallelism.none());
    AutoCloseable splitTrainer = ParallelSpeedup.trainer(deep, vector, Parallelism.splitLayers(2).threads(2));
    ParallelSpeedup.Step one = ParallelSpeedup.step(oneTrainer, x, y);
    ParallelSpeedup.Step split = ParallelSpeedup.step(splitTrainer, x, y);
    long[] oneTimes = new long[rounds * STEPS_PER_ROUND];
    long[] splitTimes = new long[rounds * STEPS_PER_ROUND];
    for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
      int at = Math.max(r, 0) * STEPS_PER_ROUND;
      time(one, batches, oneTimes, at);
      time(split, batches, splitTimes, at);
    }
    close(oneTrainer);
    close(splitTrainer);
    String shape = (deep ? "784-256-128-10" : "784-128-10") + (vector ? " vector" : "") + ", batch " + m;
    Distribution a = new Distribution(oneTimes);
    Distribution b = new Distribution(splitTimes);
    System.out.println(shape);
    System.out.println("  one thread " + a);
    System.out.println("  split2/2   " + b);
    System.out.printf(Locale.ROOT, "  one/split: p10 %.2fx  median %.2fx  mean %.2fx%n",
        a.p10 / b.p10, a.median / b.median, a.mean / b.mean);
  }

  private static void time(ParallelSpeedup.Step step, int batches, long[] times, int at) {
    for (int k = 0; k < STEPS_PER_ROUND; k++) {
      long start = System.nanoTime();
      step.run(k % batches);
      times[at + k] = System.nanoTime() - start;
    }
  }

  /** Percentiles and mean of step durations, in microseconds, and the slow steps' share and cost. */
  static final class Distribution {
    final double p10;
    final double median;
    final double p90;
    final double p99;
    final double mean;
    final double slowShare;
    final double slowCost;

    Distribution(long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      p10 = sorted[n / 10] / 1e3;
      median = sorted[n / 2] / 1e3;
      p90 = sorted[n * 9 / 10] / 1e3;
      p99 = sorted[n * 99 / 100] / 1e3;
      mean = Arrays.stream(nanos).average().orElse(0) / 1e3;
      long slow = 0;
      double added = 0;
      for (long t : nanos) {
        if (t / 1e3 > 1.3 * median) {
          slow++;
          added += t / 1e3 - median;
        }
      }
      slowShare = (double) slow / n;
      slowCost = added / n;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "p10 %7.1f  median %7.1f  p90 %7.1f  p99 %7.1f  mean %7.1f µs;"
          + " slow steps %4.1f%%, adding %4.1f µs a step", p10, median, p90, p99, mean, 100 * slowShare, slowCost);
    }
  }

  private static double roundTrip() {
    try {
      return CoreRoundTrip.measure();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Double.NaN;
    }
  }

  private static void close(AutoCloseable trainer) {
    try {
      trainer.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
