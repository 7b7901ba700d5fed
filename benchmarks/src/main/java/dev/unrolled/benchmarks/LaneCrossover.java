package dev.unrolled.benchmarks;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Where batch lanes beat rows: for each layer width W and batch size m, a training step of
 * W → W (tanh) → W (MSE, float, SGD) compiled with {@code -Aunrolled.shape=lanes} against the same
 * declaration compiled with {@code -Aunrolled.shape=rows} ({@link CrossoverNetworks}), in paired
 * rounds in one JVM: each round runs a block of steps of each shape, the order alternating and
 * reversed every two rounds ({@link RegularisationPaired#order}); a round's ratio is the lanes
 * block's time over the rows block's, on the stepping thread's CPU time, so the machine's drift
 * cancels. Per cell the median ratio with a seeded bootstrap 95% interval ({@link Bootstrap}, as
 * {@link PairedCosts} takes it).
 *
 * <p>Two equal W × W layers, so the whole step is one layer shape at one width; the first layer sends
 * no deltas back and the second does, so both kinds of lane layer are in it. MSE keeps the loss in
 * rows for both shapes (the lanes pay their transposes to the loss and from the input, as they do in
 * any network). The backend is this JVM's: with {@code --add-modules jdk.incubator.vector} the
 * lanes run Vector API lanes against the vector backend's rows (unrolled, looped or vector tiles);
 * without, a vector-backend lane network runs its plain loops over the samples, against the plain
 * backend's rows: what lanes in the plain backend would give.
 *
 * <pre>
 * java [--add-modules jdk.incubator.vector] -cp &lt;benchmark classpath&gt; dev.unrolled.benchmarks.LaneCrossover \
 *     &lt;out.json&gt; &lt;processor-classpath.txt&gt; [rounds] [block ms] [most warm-up s per width]
 * </pre>
 */
public final class LaneCrossover {
  static final int[] WIDTHS = {4, 8, 16, 24, 32, 64, 128};
  static final int[] BATCHES = {8, 16, 32, 64};
  static final int ROUNDS = 40;
  static final double BLOCK_MS = 12;
  /** The most warm-up per width; it stops earlier once the JIT is silent for a round. */
  static final double WARMUP_SECONDS = 10;
  private static final int MIN_WARMUP_ROUNDS = 5;
  private static final int BATCHES_OF_DATA = 8;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  public static void main(String[] args) throws Throwable {
    if (args.length < 2 || args.length > 5) {
      System.err.println("usage: LaneCrossover <out.json> <processor-classpath.txt> [rounds] [block ms]"
          + " [warm-up s per width]");
      System.exit(2);
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : ROUNDS;
    double blockMs = args.length > 3 ? Double.parseDouble(args[3]) : BLOCK_MS;
    double warmup = args.length > 4 ? Double.parseDouble(args[4]) : WARMUP_SECONDS;
    if (rounds < 2 || !(blockMs > 0)) {
      throw new IllegalArgumentException("rounds " + rounds + " (at least 2), block " + blockMs + " ms");
    }
    try (FileLock lock = PairedRounds.jmhLock()) {
      CrossoverResults results = new LaneCrossover().measure(Paths.get(args[1]), rounds, blockMs, warmup);
      Files.writeString(Paths.get(args[0]), results.toJson());
      System.out.print(results.summary());
    }
  }

  private CrossoverResults measure(Path processorClasspath, int rounds, double blockMs, double warmup)
      throws Throwable {
    threads.setThreadCpuTimeEnabled(true);
    String backend = vector ? "vector" : "plain";
    CrossoverNetworks networks = compile(processorClasspath, backend);
    CrossoverResults results = new CrossoverResults(backend);
    results.putCondition("load_start", PairedRounds.load());
    long start = System.nanoTime();
    List<Integer> unsettled = new ArrayList<>();
    for (int width : WIDTHS) {
      CrossoverNetworks.Step lanes = networks.trainer("Lanes" + width, BATCHES[BATCHES.length - 1]);
      CrossoverNetworks.Step rows = networks.trainer("Rows" + width, BATCHES[BATCHES.length - 1]);
      List<float[][][]> data = new ArrayList<>();
      for (int batch : BATCHES) {
        data.add(batches(width, batch));
      }
      if (!warmUp(lanes, rows, data, warmup)) {
        unsettled.add(width);
      }
      for (int b = 0; b < BATCHES.length; b++) {
        results.add(cell(width, BATCHES[b], lanes, rows, data.get(b), rounds, blockMs,
            networks.shapeOfLayer1("Auto" + width)));
      }
    }
    results.putCondition("warmup_unsettled_widths", unsettled.toString());
    results.putCondition("load_end", PairedRounds.load());
    results.putCondition("seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    results.putCondition("rounds", String.valueOf(rounds));
    results.putCondition("block_ms", String.valueOf(blockMs));
    results.putCondition("warmup_seconds_per_width", String.valueOf(warmup));
    results.putCondition("clock", "stepping thread CPU time (ThreadMXBean); wall time beside it");
    results.putCondition("java_version", System.getProperty("java.version"));
    results.putCondition("jvm_args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    return results;
  }

  /** Lanes, rows, and the planner's own choice ("Auto"), of this JVM's backend. */
  private static CrossoverNetworks compile(Path processorClasspath, String backend) throws IOException {
    Path folder = Files.createTempDirectory("lane-crossover");
    folder.toFile().deleteOnExit();
    List<Integer> widths = new ArrayList<>();
    for (int width : WIDTHS) {
      widths.add(width);
    }
    String rowsBackend = backend.toUpperCase(Locale.ROOT);
    compileAll(folder, processorClasspath, "lanes", "Lanes", widths, "VECTOR");
    compileAll(folder, processorClasspath, "rows", "Rows", widths, rowsBackend);
    compileAll(folder, processorClasspath, "auto", "Auto", widths, rowsBackend);
    return CrossoverNetworks.load(folder);
  }

  private static void compileAll(Path folder, Path processorClasspath, String shape, String prefix,
      List<Integer> widths, String backend) throws IOException {
    List<String> names = widths.stream().map(w -> prefix + w).toList();
    CrossoverNetworks.compile(folder, processorClasspath, shape, names, widths,
        widths.stream().map(w -> backend).toList());
  }

  /** {@value #BATCHES_OF_DATA} seeded batches: {@code [k][0]} inputs, {@code [k][1]} targets. */
  private static float[][][] batches(int width, int batch) {
    Random random = new Random(31L * width + batch);
    float[][][] data = new float[2 * BATCHES_OF_DATA][batch][width];
    for (float[][] rows : data) {
      for (float[] row : rows) {
        for (int i = 0; i < width; i++) {
          row[i] = (float) (random.nextDouble() * 2 - 1);
        }
      }
    }
    return data;
  }

  private static void block(CrossoverNetworks.Step step, float[][][] data, int steps) throws Throwable {
    for (int s = 0; s < steps; s++) {
      int k = s % BATCHES_OF_DATA;
      double loss = step.run(data[2 * k], data[2 * k + 1]);
      if (!Double.isFinite(loss)) {
        throw new IllegalStateException("a crossover network diverged: loss " + loss);
      }
    }
  }

  /**
   * Rounds of both shapes at every batch size until a whole round passes without the JIT compiling
   * anything (after {@link #MIN_WARMUP_ROUNDS}), at most {@code seconds}: a shape still being compiled
   * would lose its first cells to the interpreter. Returns whether it settled.
   */
  private static boolean warmUp(CrossoverNetworks.Step lanes, CrossoverNetworks.Step rows, List<float[][][]> data,
      double seconds) throws Throwable {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean watched = jit != null && jit.isCompilationTimeMonitoringSupported();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long compiled = watched ? jit.getTotalCompilationTime() : 0;
    for (int round = 1; System.nanoTime() < end; round++) {
      for (float[][][] batches : data) {
        block(lanes, batches, 50);
        block(rows, batches, 50);
      }
      long now = watched ? jit.getTotalCompilationTime() : 0;
      if (watched && round >= MIN_WARMUP_ROUNDS && now == compiled) {
        return true;
      }
      compiled = now;
    }
    return false;
  }

  private CrossoverResults.Cell cell(int width, int batch, CrossoverNetworks.Step lanes, CrossoverNetworks.Step rows,
      float[][][] data, int rounds, double blockMs, String planner) throws Throwable {
    int steps = stepsPerBlock(rows, data, blockMs);
    CrossoverNetworks.Step[] shapes = {lanes, rows};
    long[][] cpu = new long[2][rounds];
    long[][] wall = new long[2][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < 2; i++) {
        int v = PairedRounds.order(r, i, 2);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        block(shapes[v], data, steps);
        wall[v][r] = System.nanoTime() - wall0;
        cpu[v][r] = threads.getCurrentThreadCpuTime() - cpu0;
      }
    }
    return CrossoverResults.Cell.of(width, batch, steps, cpu[0], cpu[1], wall[0], wall[1], planner);
  }

  /** Steps of the rows shape that take about {@code blockMs}. */
  private static int stepsPerBlock(CrossoverNetworks.Step rows, float[][][] data, double blockMs) throws Throwable {
    int probe = 50;
    long start = System.nanoTime();
    block(rows, data, probe);
    double perStep = (System.nanoTime() - start) / (double) probe;
    return (int) Math.max(1, Math.round(blockMs * 1e6 / perStep));
  }
}
