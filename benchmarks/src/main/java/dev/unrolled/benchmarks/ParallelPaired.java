package dev.unrolled.benchmarks;

import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import dev.unrolled.Trainer;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The speed-up of two threads, measured in pairs so that the machine's drift cancels: per shape
 * ({@link #SHAPES}) and backend (plain and vector float), in one JVM, the default trainer on one
 * thread ({@link #ONE}), the same network split by layers on two threads,
 * {@code Parallelism.splitLayers(2).threads(2)} ({@link #TWO}, the one the target judges), the batch
 * cut into two shards on two threads ({@link #SHARDS}), and two independent default trainers stepping
 * at the same moment on two threads ({@link #CEILING}): what two threads of this machine give at that
 * moment with nothing shared, the ceiling of any speed-up. After a warm-up until the JIT has nothing left to compile,
 * every contender runs one block per round ({@link PairedRounds}), a block holding the steps the
 * one-thread trainer ran in {@code block ms} of its fastest warm-up block; the ceiling's block is that
 * many steps on each of its two threads.
 *
 * <p><b>Wall time, not CPU time.</b> The other paired measurements time a block on the stepping
 * thread's CPU time, which leaves out what other programs take from the core. A two-thread step's
 * work is on two threads, one of them not the stepping thread, so that clock would miss half the
 * work (or count the caller's wait); the speed-up is what the caller sees, in wall time. The rounds
 * still pair: a burst of load slows the blocks of one round alike and cancels in their ratio.
 * {@link PairedCosts} gives each contender's time per batch over the one-thread trainer's, median
 * over the rounds with a bootstrap interval ({@code wall_cost.*}); the speed-up is its reciprocal
 * ({@link ParallelResults}).
 *
 * <p>Before and after each shape it measures the core-to-core round trip ({@link CoreRoundTrip}):
 * a data-parallel step moves gradients and weights between the cores every batch, and on a virtual
 * machine how far apart the two cores are changes from run to run.
 *
 * <p>The run also checks the contract of {@link Parallelism}: after {@link #CHECK_STEPS} steps from the
 * same seed on the same batches, {@code splitLayers(2)} on one thread and on two hold bit-identical
 * parameters ({@code bit_identical}), and so do {@code shards(2)} ({@code bit_identical_shards});
 * {@code SplitLayersTest} and {@code DataParallelTest} check the same for the examples' networks, both
 * backends, on every thread count. Writes
 * {@code parallel.<shape>.<backend>.properties}.
 *
 * <pre>
 * java -Xmx2g --add-modules jdk.incubator.vector -cp &lt;benchmarks classpath&gt; \
 *     dev.unrolled.benchmarks.ParallelPaired &lt;results folder&gt; [rounds] [block ms] [most warm-up seconds]
 * </pre>
 *
 * <p>Like a JMH run it holds JMH's lock while it measures ({@link PairedRounds#jmhLock}).
 */
public final class ParallelPaired {
  static final List<String> SHAPES = List.of("784-128-10/32", "784-256-128-10/64");
  static final List<String> BACKENDS = List.of("plain", "vector");
  static final String ONE = "one-thread";
  /** The two-thread trainer the target judges: every layer split in two ({@code Parallelism.splitLayers(2)}). */
  static final String TWO = "split-layers";
  /** The batch cut in two shards on two threads ({@code Parallelism.shards(2).threads(2)}), beside it. */
  static final String SHARDS = "two-shards";
  static final String CEILING = "two-trainers";
  static final int ROUNDS = 120;
  static final double BLOCK_MILLIS = 50;
  static final double WARMUP_SECONDS = 10;
  static final int CHECK_STEPS = 20;
  private static final TeacherData DATA = new TeacherData(2048, 784, 10, 7);

  private ParallelPaired() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 4) {
      System.err.println("usage: ParallelPaired <results folder> [rounds] [block ms] [most warm-up seconds]");
      System.exit(2);
    }
    Path folder = Paths.get(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : ROUNDS;
    double blockMillis = args.length > 2 ? Double.parseDouble(args[2]) : BLOCK_MILLIS;
    double warmup = args.length > 3 ? Double.parseDouble(args[3]) : WARMUP_SECONDS;
    if (count < 2 || !(blockMillis > 0)) {
      throw new IllegalArgumentException("rounds " + count + " (at least 2), block " + blockMillis + " ms (above 0)");
    }
    try (FileLock lock = PairedRounds.jmhLock()) {
      for (String shape : SHAPES) {
        for (String backend : BACKENDS) {
          PairedCosts costs = measure(shape, backend, count, blockMillis, warmup);
          costs.write(folder.resolve(ParallelResults.file(shape, backend)),
              "ParallelPaired: one thread, split by layers on two threads, two shards on two threads and two trainers at once, " + shape + " " + backend
                  + " (see PairedCosts; wall time)");
          summary(costs);
        }
      }
    }
  }

  private static PairedCosts measure(String shape, String backend, int count, double blockMillis, double warmupSeconds)
      throws Exception {
    Map<String, String> conditions = new LinkedHashMap<>();
    conditions.put("shape", shape);
    conditions.put("backend", backend);
    conditions.put("bit_identical", String.valueOf(sameBits(shape, backend, Parallelism.splitLayers(2))));
    conditions.put("bit_identical_shards", String.valueOf(sameBits(shape, backend, Parallelism.shards(2))));
    double roundTripBefore = CoreRoundTrip.measure();
    conditions.put("check_steps", String.valueOf(CHECK_STEPS));
    Batches batches = new Batches(TrainingResults.batch(shape));
    ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "second-trainer");
      t.setDaemon(true);
      return t;
    });
    Trainer one = trainer(shape, backend, Parallelism.none());
    Trainer two = trainer(shape, backend, Parallelism.splitLayers(2).threads(2));
    Trainer shards = trainer(shape, backend, Parallelism.shards(2).threads(2));
    Ceiling ceiling = new Ceiling(helper, batches.stepper(trainer(shape, backend, Parallelism.none())),
        batches.stepper(trainer(shape, backend, Parallelism.none())));
    PairedRounds rounds = new PairedRounds(
        List.of(batches.stepper(one), batches.stepper(two), batches.stepper(shards), ceiling));
    double[] rates = rounds.warmUp(new int[] {1, 1, 1, 1}, (long) (blockMillis * 1e6), warmupSeconds, conditions);
    int steps = (int) Math.max(1, Math.round(rates[0] * blockMillis / 1e3));
    ceiling.perThread = steps;
    long[][][] times = rounds.measure(count, new int[] {steps, steps, steps, 1}, conditions);
    helper.shutdownNow();
    ((AutoCloseable) two).close();
    ((AutoCloseable) shards).close();
    conditions.put("block_ms", String.format(Locale.ROOT, "%.0f", blockMillis));
    conditions.put("round_trip_start_ns", String.format(Locale.ROOT, "%.0f", roundTripBefore));
    conditions.put("round_trip_end_ns", String.format(Locale.ROOT, "%.0f", CoreRoundTrip.measure()));
    conditions.put("clock", "wall time (System.nanoTime): a two-thread step works on two threads");
    // The ceiling's block is steps batches on each of two threads: 2 × steps batches.
    return PairedCosts.of(List.of(ONE, TWO, SHARDS, CEILING), times[0], times[1],
        new int[] {steps, steps, steps, 2 * steps}, conditions);
  }

  /**
   * Whether {@code parallelism} on one thread and on two holds the same bits after
   * {@link #CHECK_STEPS} steps from the same seed: what {@link Parallelism} promises.
   */
  static boolean sameBits(String shape, String backend, Parallelism parallelism) throws Exception {
    return Arrays.equals(parametersAfterSteps(shape, backend, parallelism.threads(1)),
        parametersAfterSteps(shape, backend, parallelism.threads(2)));
  }

  private static long[] parametersAfterSteps(String shape, String backend, Parallelism parallelism)
      throws Exception {
    Trainer trainer = trainer(shape, backend, parallelism);
    try (AutoCloseable closing = (AutoCloseable) trainer) {
      PairedRounds.Step step = new Batches(TrainingResults.batch(shape)).stepper(trainer);
      for (int s = 0; s < CHECK_STEPS; s++) {
        step.run();
      }
      double[] parameters = new double[trainer.model().parameterCount()];
      trainer.model().getParameters(parameters);
      long[] bits = new long[parameters.length];
      for (int i = 0; i < bits.length; i++) {
        bits[i] = Double.doubleToRawLongBits(parameters[i]);
      }
      return bits;
    }
  }

  /** The benchmark table's trainer of {@code shape} on {@code backend}, model seed 1, plain SGD. */
  private static Trainer trainer(String shape, String backend, Parallelism p) {
    Optimizer sgd = Optimizer.sgd(0.01);
    boolean deep = shape.startsWith("784-256-128-10");
    if (backend.equals("vector")) {
      return deep
          ? new Shapes_DeepVectorTrainer(new Shapes_DeepVectorModel(1), sgd, p)
          : new Shapes_MnistVectorTrainer(new Shapes_MnistVectorModel(1), sgd, p);
    }
    return deep
        ? new Shapes_DeepTrainer(new Shapes_DeepModel(1), sgd, p)
        : new Shapes_MnistTrainer(new Shapes_MnistModel(1), sgd, p);
  }

  /** The teacher-labelled data cut into batches of {@code m} rows, stepped through in turn. */
  private static final class Batches {
    final float[][][] x;
    final int[][] y;

    Batches(int m) {
      x = DATA.inputBatches(m);
      y = DATA.labelBatches(m);
    }

    /** One batch after the other of {@code trainer}'s own sequence; throws on a loss that is not finite. */
    PairedRounds.Step stepper(Trainer trainer) {
      Step step = step(trainer);
      int[] next = {0};
      return () -> {
        int k = next[0];
        next[0] = (k + 1) % x.length;
        double loss = step.train(x[k], y[k]);
        if (!Double.isFinite(loss)) {
          throw new IllegalStateException("loss " + loss + " at batch " + k);
        }
      };
    }

    private interface Step {
      double train(float[][] x, int[] y);
    }

    private static Step step(Trainer trainer) {
      if (trainer instanceof Shapes_DeepTrainer t) {
        return t::trainBatch;
      }
      if (trainer instanceof Shapes_DeepVectorTrainer t) {
        return t::trainBatch;
      }
      if (trainer instanceof Shapes_MnistVectorTrainer t) {
        return t::trainBatch;
      }
      return ((Shapes_MnistTrainer) trainer)::trainBatch;
    }
  }

  /** Two independent trainers, {@link #perThread} steps each, one on the calling thread, one on the helper. */
  private static final class Ceiling implements PairedRounds.Step {
    private final ExecutorService helper;
    private final PairedRounds.Step here;
    private final PairedRounds.Step there;
    int perThread = 1;

    Ceiling(ExecutorService helper, PairedRounds.Step here, PairedRounds.Step there) {
      this.helper = helper;
      this.here = here;
      this.there = there;
    }

    @Override
    public void run() {
      int n = perThread;
      Future<?> other = helper.submit(() -> {
        for (int s = 0; s < n; s++) {
          there.run();
        }
      });
      for (int s = 0; s < n; s++) {
        here.run();
      }
      try {
        other.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  private static void summary(PairedCosts costs) {
    ParallelResults.Case c = new ParallelResults.Case(costs);
    System.out.printf(Locale.ROOT, "%s %s: %s rounds of %s steps, %s s; warm-up %s rounds, %s s, settled: %s;"
            + " load %s -> %s; bits identical (1 and 2 threads, %s steps): %s%n",
        costs.condition("shape", "?"), costs.condition("backend", "?"), costs.condition("rounds", "?"),
        costs.condition("steps_per_block." + ONE, "?"), costs.condition("seconds", "?"),
        costs.condition("warmup_rounds", "?"), costs.condition("warmup_seconds", "?"),
        costs.condition("warmup_settled", "?"), costs.condition("load_start", "?"), costs.condition("load_end", "?"),
        costs.condition("check_steps", "?"), costs.condition("bit_identical", "?"));
    System.out.printf(Locale.ROOT, "  one thread %.0f samples/s (wall, median block); two threads %s; two trainers at"
        + " once %s; core-to-core round trip %s -> %s ns%n", c.oneThreadSamplesPerSecond(), c.speedUp(), c.ceiling(),
        costs.condition("round_trip_start_ns", "?"), costs.condition("round_trip_end_ns", "?"));
  }
}
