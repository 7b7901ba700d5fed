package dev.unrolled.benchmarks;

import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Speed-up of data-parallel training, measured so that a shared, noisy machine hurts every
 * configuration alike: the trainers of one shape take turns, a short round of steps each, many
 * rounds over, and each reports its median and best round. Complements
 * {@link ParallelTrainingBenchmark}, whose configurations run one after another. A diagnostic of more
 * configurations than the report's: the report's speed-ups and targets come from {@link ParallelPaired}.
 *
 * <p>The last line of each shape, {@code 2×none}, is two independent default trainers on two
 * threads, their samples added: what two threads can give at that moment, with no shards, sums or
 * hand-offs. When other programs keep the cores busy it falls to the single thread's rate, and no
 * data-parallel speed-up is possible.
 *
 * <pre>
 * java -cp benchmarks.jar:runtime.jar dev.unrolled.benchmarks.ParallelSpeedup [rounds] [seconds per round] [plain|vector]
 * </pre>
 *
 * <p>{@code vector} measures the {@code Backend.VECTOR} trainers; run it with
 * {@code --add-modules jdk.incubator.vector}.
 */
public final class ParallelSpeedup {
  /** {@code shards/threads}, or {@code split parts/threads} for {@link Parallelism#splitLayers}. */
  private static final String[] CONFIGS = {"none", "2/1", "2/2", "4/2", "split2/1", "split2/2"};

  private ParallelSpeedup() {}

  /** One training step on batch {@code batch} of a shape's data; returns the loss. */
  interface Step {
    double run(int batch);
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 0.2;
    boolean vector = args.length > 2 && args[2].equals("vector");
    System.out.printf("%d processors, %s %s, %d rounds of %.2f s per configuration, %s backend%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), rounds, seconds, vector ? "vector" : "plain");
    measure(false, vector, 32, rounds, seconds);
    measure(true, vector, 64, rounds, seconds);
  }

  private static void measure(boolean deep, boolean vector, int m, int rounds, double seconds)
      throws Exception {
    ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "second-trainer");
      t.setDaemon(true);
      return t;
    });
    TeacherData data = new TeacherData(2048, 784, 10, 7);
    float[][][] x = data.inputBatches(m);
    int[][] y = data.labelBatches(m);
    int batches = x.length;
    Step[] steps = new Step[CONFIGS.length];
    AutoCloseable[] trainers = new AutoCloseable[CONFIGS.length];
    for (int c = 0; c < CONFIGS.length; c++) {
      trainers[c] = trainer(deep, vector, parse(CONFIGS[c]));
      steps[c] = step(trainers[c], x, y);
    }
    Step second = step(trainer(deep, vector, Parallelism.none()), x, y);
    int configs = CONFIGS.length + 1;
    double[][] samplesPerSecond = new double[configs][rounds];
    for (int r = -5; r < rounds; r++) { // five rounds of warm-up
      for (int c = 0; c < configs; c++) {
        double rate;
        if (c < CONFIGS.length) {
          rate = round(steps[c], batches, seconds);
        } else {
          Future<Double> other = helper.submit(() -> round(second, batches, seconds));
          rate = round(steps[0], batches, seconds) + other.get();
        }
        if (r >= 0) {
          samplesPerSecond[c][r] = rate * m;
        }
      }
    }
    helper.shutdown();
    for (AutoCloseable t : trainers) {
      t.close();
    }
    String shape = (deep ? "784-256-128-10" : "784-128-10") + (vector ? " vector" : "") + ", batch " + m;
    double baseline = median(samplesPerSecond[0]);
    for (int c = 0; c < configs; c++) {
      double median = median(samplesPerSecond[c]);
      System.out.printf(Locale.ROOT, "%-28s %-6s median %,9.0f samples/s (%.2fx)   best %,9.0f samples/s%n",
          shape, c < CONFIGS.length ? CONFIGS[c] : "2×none", median, median / baseline,
          Arrays.stream(samplesPerSecond[c]).max().orElse(0));
    }
  }

  /** The trainer of 784-128-10 or, if {@code deep}, 784-256-128-10, with plain SGD. */
  static AutoCloseable trainer(boolean deep, boolean vector, Parallelism p) {
    Optimizer sgd = Optimizer.sgd(0.01);
    if (vector) {
      return deep
          ? new Shapes_DeepVectorTrainer(new Shapes_DeepVectorModel(1), sgd, p)
          : new Shapes_MnistVectorTrainer(new Shapes_MnistVectorModel(1), sgd, p);
    }
    return deep
        ? new Shapes_DeepTrainer(new Shapes_DeepModel(1), sgd, p)
        : new Shapes_MnistTrainer(new Shapes_MnistModel(1), sgd, p);
  }

  /** A step of {@code trainer} (made by {@link #trainer}) on batch k of {@code x} and {@code y}. */
  static Step step(AutoCloseable trainer, float[][][] x, int[][] y) {
    if (trainer instanceof Shapes_DeepTrainer t) {
      return k -> t.trainBatch(x[k], y[k]);
    }
    if (trainer instanceof Shapes_DeepVectorTrainer t) {
      return k -> t.trainBatch(x[k], y[k]);
    }
    if (trainer instanceof Shapes_MnistVectorTrainer t) {
      return k -> t.trainBatch(x[k], y[k]);
    }
    Shapes_MnistTrainer t = (Shapes_MnistTrainer) trainer;
    return k -> t.trainBatch(x[k], y[k]);
  }

  /** Steps per second over one round of about {@code seconds}. */
  private static double round(Step step, int batches, double seconds) {
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    int done = 0;
    long now;
    do {
      for (int k = 0; k < 8; k++) {
        step.run(done++ % batches);
      }
      now = System.nanoTime();
    } while (now < end);
    return done / ((now - start) / 1e9);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static Parallelism parse(String config) {
    if (config.equals("none")) {
      return Parallelism.none();
    }
    String[] parts = config.split("/");
    if (parts[0].startsWith("split")) {
      return Parallelism.splitLayers(Integer.parseInt(parts[0].substring("split".length())))
          .threads(Integer.parseInt(parts[1]));
    }
    return Parallelism.shards(Integer.parseInt(parts[0])).threads(Integer.parseInt(parts[1]));
  }
}
