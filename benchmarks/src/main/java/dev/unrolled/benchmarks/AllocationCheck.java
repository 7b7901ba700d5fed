package dev.unrolled.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Param;

/**
 * Exact heap bytes allocated per training step, for every shape × contender of
 * {@link TrainingBenchmark} (read from its {@code @Param}s, so new contenders join by themselves):
 * the benchmark object is set up as JMH would, stepped for a warm-up period, then stepped in three
 * windows, each between two readings of this thread's allocation counter
 * ({@code com.sun.management.ThreadMXBean.getCurrentThreadAllocatedBytes}); the quietest window
 * counts.
 *
 * <p>Why besides JMH's {@code -prof gc}: that profiler counts the allocation of every thread in the
 * fork, JMH's own included (a few kilobytes per iteration reporting to the host JVM), divided by the
 * iteration's steps; a slow step (tens per second) then shows tens of bytes it never allocated.
 * This count sees only the stepping thread, so a trainer that allocates nothing reads 0 exactly.
 * Off-heap memory (DL4J's and DJL's native buffers) is not counted by either.
 *
 * <p>{@code benchmarks/regenerate.sh} starts one JVM per contender (the last argument), so a native
 * library that crashes its JVM loses only its own rows; {@code --list contender} prints the names.
 *
 * <pre>java AllocationCheck out.tsv [warm-up seconds] [measured seconds] [contender]
 * java AllocationCheck --list shape|contender</pre>
 */
public final class AllocationCheck {
  private static final int WINDOWS = 3;

  private AllocationCheck() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args[0].equals("--list") && args.length != 2) {
      System.err.println("usage: AllocationCheck <out.tsv> [warm-up seconds] [measured seconds] [contender]");
      System.err.println("       AllocationCheck --list shape|contender");
      System.exit(2);
    }
    if (args[0].equals("--list")) {
      System.out.println(String.join("\n", values(args[1])));
      return;
    }
    double warm = args.length > 1 ? Double.parseDouble(args[1]) : 1;
    double measure = args.length > 2 ? Double.parseDouble(args[2]) : 1;
    String[] contenders = args.length > 3 ? new String[] {args[3]} : values("contender");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
    // What two back-to-back readings cost, subtracted from every measurement.
    long calibrate = threads.getCurrentThreadAllocatedBytes();
    long overhead = threads.getCurrentThreadAllocatedBytes() - calibrate;

    List<String> rows = new ArrayList<>();
    rows.add("shape\tcontender\tsteps\tbytes\tbytes_per_step\tstatus");
    for (String shape : values("shape")) {
      for (String contender : contenders) {
        TrainingBenchmark bench = new TrainingBenchmark();
        bench.shape = shape;
        bench.contender = contender;
        String row;
        try {
          bench.setUp();
          run(bench, (long) (warm * 1e9));
          // The quietest of three windows: a step that allocates does so in every window, while
          // a one-off (a deoptimised frame's objects being rematerialised, a lazy link) does not.
          long bytes = Long.MAX_VALUE;
          long steps = 0;
          for (int window = 0; window < WINDOWS; window++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            long n = run(bench, (long) (measure * 1e9 / WINDOWS));
            long b = threads.getCurrentThreadAllocatedBytes() - before - overhead;
            if (b < bytes || b == bytes && n > steps) {
              bytes = b;
              steps = n;
            }
          }
          row = String.join("\t", shape, contender, String.valueOf(steps), String.valueOf(bytes),
              String.format(Locale.ROOT, "%.3f", (double) bytes / steps), "ok");
        } catch (RuntimeException | LinkageError e) {
          row = String.join("\t", shape, contender, "-", "-", "-", "failed: " + e);
        }
        rows.add(row);
        System.out.println(row);
      }
    }
    Files.write(Paths.get(args[0]), rows, StandardCharsets.UTF_8);
  }

  /** Steps until {@code nanos} have passed, at least 3 steps; allocates nothing itself. */
  private static long run(TrainingBenchmark bench, long nanos) {
    long start = System.nanoTime();
    long steps = 0;
    do {
      bench.trainStep(); // throws if the loss is not finite
      steps++;
    } while (steps < 3 || System.nanoTime() - start < nanos);
    return steps;
  }

  private static String[] values(String field) throws NoSuchFieldException {
    return TrainingBenchmark.class.getField(field).getAnnotation(Param.class).value();
  }
}
