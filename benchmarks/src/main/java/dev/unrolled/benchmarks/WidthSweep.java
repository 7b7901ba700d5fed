package dev.unrolled.benchmarks;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 784-W-W-10 ReLU networks ({@link SweepShapes}) from W = 128 to 2,048 at batches of 32 to 256,
 * the generated vector trainer against DJL/PyTorch ({@link TrainingSteps}' contenders and data), one
 * SGD step each, single-threaded, in paired
 * rounds in one JVM ({@link PairedRounds}): whether the step keeps its speed as the layers outgrow
 * the caches. GFLOP/s count the FLOPs performed: {@code 6·W − 2·W₁} per sample for W weights of
 * which W₁ in the first layer, whose input deltas nobody computes; "% of peak" is against the FP32
 * peak measured first, in the same JVM, by {@link PeakFlopsBenchmark}'s loop at the preferred
 * vector width (the best of 20 runs of 50 ms).
 *
 * <p>It prints its table; given a results folder first ({@code regenerate.sh}'s step {@code sweep}), it
 * also writes each cell there as {@link PairedCosts}, {@link SweepResults#file}, for the report's
 * section "Width sweep" ({@link SweepSection}).
 *
 * <pre>
 * OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
 * java -Xmx3g --add-modules=jdk.incubator.vector -cp &lt;benchmarks classpath&gt; \
 *     dev.unrolled.benchmarks.WidthSweep [results folder] [widths] [batches] [rounds] [block ms] [most warm-up seconds]
 * </pre>
 */
public final class WidthSweep {
  private static final List<String> CONTENDERS = List.of("generated-vector", "djl");

  private WidthSweep() {}

  public static void main(String[] arguments) throws Exception {
    Path results = null;
    String[] args = arguments;
    if (args.length > 0 && !args[0].matches("[0-9,]+")) {
      results = Paths.get(args[0]);
      Files.createDirectories(results);
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    int[] widths = ints(args.length > 0 ? args[0] : "128,256,512,1024,2048");
    int[] batches = ints(args.length > 1 ? args[1] : "32,64,128,256");
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 12;
    double blockMillis = args.length > 3 ? Double.parseDouble(args[3]) : 200;
    double warmup = args.length > 4 ? Double.parseDouble(args[4]) : 10;
    Contenders.requireSingleThreadedNatives("djl");
    try (FileLock lock = PairedRounds.jmhLock()) {
      double peak = peak();
      System.out.printf(Locale.ROOT, "FP32 peak %.1f GFLOP/s (%d-bit vectors, %s); load %s%n", peak / 1e9,
          jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize(), System.getProperty("java.version"),
          PairedRounds.load());
      System.out.printf(Locale.ROOT, "| network | batch | contender | samples/s (CPU, median) | GFLOP/s | %% of peak |"
          + " DJL's time per step / ours (CPU, median, 95%%) | load |%n|---:|---:|---|---:|---:|---:|---|---|%n");
      for (int width : widths) {
        for (int m : batches) {
          cell(width, m, rounds, blockMillis, warmup, peak, results);
        }
      }
    }
  }

  /** FP32 FLOP/s of {@link PeakFlopsBenchmark}'s register-only loop at the preferred width: the best of 20 runs. */
  private static double peak() {
    PeakFlopsBenchmark loop = new PeakFlopsBenchmark();
    boolean wide = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
    double flopsPerCall = (double) PeakFlopsBenchmark.TRIPS * PeakFlopsBenchmark.CHAINS * (wide ? 16 : 8) * 2;
    double best = 0;
    float sink = 0;
    for (int run = 0; run < 30; run++) {
      long t0 = System.nanoTime();
      int calls = 0;
      do {
        sink += wide ? loop.float512() : loop.float256();
        calls++;
      } while (System.nanoTime() - t0 < 50_000_000L);
      if (run >= 10) { // the first runs are interpreted or compiling
        best = Math.max(best, calls * flopsPerCall / ((System.nanoTime() - t0) / 1e9));
      }
    }
    if (!Float.isFinite(sink)) {
      throw new IllegalStateException("the peak loop diverged");
    }
    return best;
  }

  private static void cell(int width, int m, int rounds, double blockMillis, double warmup, double peak,
      Path results) throws IOException {
    int[] sizes = {784, width, width, 10};
    TrainingSteps.Batches data = TrainingSteps.data("784-" + width + "-" + width + "-10/" + m);
    List<PairedRounds.Step> steps = new ArrayList<>();
    for (String contender : CONTENDERS) {
      steps.add(TrainingSteps.of(contender, data)::next); // throws on a loss that is not finite
    }
    PairedRounds paired = new PairedRounds(steps);
    Map<String, String> conditions = new LinkedHashMap<>();
    int[] one = {1, 1};
    double[] rates = paired.warmUp(one, (long) (blockMillis * 1e6), warmup, conditions);
    int[] blockSteps = new int[2];
    for (int c = 0; c < 2; c++) {
      blockSteps[c] = (int) Math.max(1, Math.round(rates[c] * blockMillis / 1e3));
    }
    long[][][] times = paired.measure(rounds, blockSteps, conditions);
    double flops = 6.0 * weights(sizes) - 2.0 * 784 * width;
    conditions.put("width", Integer.toString(width));
    conditions.put("batch", Integer.toString(m));
    conditions.put("flops_per_sample", Double.toString(flops));
    conditions.put("peak_flops", Double.toString(peak));
    conditions.put("vector_bits", Integer.toString(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize()));
    conditions.put("java_version", System.getProperty("java.version"));
    conditions.put("block_ms", java.math.BigDecimal.valueOf(blockMillis).stripTrailingZeros().toPlainString());
    PairedCosts costs = PairedCosts.of(CONTENDERS, times[0], times[1], blockSteps, conditions);
    if (results != null) {
      costs.write(results.resolve(SweepResults.file(Runtime.version().feature(), width, m)),
          "WidthSweep 784-" + width + "-" + width + "-10 batch " + m);
    }
    for (String contender : CONTENDERS) {
      double samples = costs.stepsPerSecond(contender) * m;
      boolean peer = contender.equals("djl");
      System.out.printf(Locale.ROOT, "| 784-%d-%d-10 | %d | %s | %,.0f | %.1f | %.0f | %s | %s |%n", width, width, m,
          contender, samples, samples * flops / 1e9, 100 * samples * flops / peak,
          peer ? TrainingPairedResults.ratioText(costs.ratio("djl")) : "",
          peer ? conditions.get("load_start") + " → " + conditions.get("load_end") : "");
    }
  }

  private static long weights(int[] sizes) {
    long w = 0;
    for (int l = 1; l < sizes.length; l++) {
      w += (long) sizes[l - 1] * sizes[l];
    }
    return w;
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
  }
}
