package dev.unrolled.spark.example;

import dev.unrolled.Activation;
import dev.unrolled.Backend;
import dev.unrolled.Dataset;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Optimizer;
import dev.unrolled.fullbatch.FullBatch;
import dev.unrolled.fullbatch.Lbfgs;
import dev.unrolled.io.IdxReader;
import dev.unrolled.metrics.Metrics;
import dev.unrolled.spark.SparkTrainer;
import dev.unrolled.spark.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * MNIST (or Fashion-MNIST) with one network trained three ways, side by side: Unrolled on Spark,
 * Spark MLlib's {@code MultilayerPerceptronClassifier}, and Unrolled on one machine without Spark.
 * All three minimise the mean softmax cross-entropy of a 784-64-10 network with sigmoid hidden
 * units (MLlib's only hidden activation) by full-batch L-BFGS (MLlib's default solver: memory 10,
 * tolerance 1e-6) for the same number of iterations, on the same 60,000 training images in the same
 * number of partitions, and are scored on the 10,000 test images.
 *
 * <pre>
 * java -cp ... dev.unrolled.spark.example.MnistOnSpark [--iterations N] [--partitions P] [--repeats R]
 *     [--skip-mllib] [--skip-local] [directory with the four IDX files]
 * spark-submit --class dev.unrolled.spark.example.MnistOnSpark unrolled-spark-example-*-shaded.jar /data/mnist
 * </pre>
 *
 * <p>Without a master (no {@code spark-submit}, no {@code spark.master}) it runs on {@code local[2]}
 * bound to 127.0.0.1. The IDX files are read on the driver into a {@link Dataset} and shipped to the
 * executors as one broadcast per partition
 * ({@link TrainingData#of(JavaSparkContext, Dataset, int)}), so only the driver needs them. (A
 * DataFrame of the driver's rows would work too, but Spark then turns its internal rows back into
 * {@code Row}s and vectors first: about 1 s more for MNIST, 2.5 s in a cluster's driver.)
 *
 * <p>{@code --repeats R} trains Unrolled on Spark and MLlib R times each, alternately, and adds the
 * time per iteration of each with its range and the ratio of the two with its interval: from the
 * slowest pair to the fastest, and the conservative ratio (MLlib's fastest over Unrolled's slowest).
 */
public final class MnistOnSpark {
  /**
   * 784 pixels → 64 sigmoid units → 10 logits: MLlib's layers {784, 64, 10}. With the Vector API
   * tiles where the JVM has {@code jdk.incubator.vector}, plain loops elsewhere.
   */
  @Network(inputs = 784,
      layers = {@Dense(units = 64, activation = Activation.SIGMOID), @Dense(units = 10)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY, backend = Backend.VECTOR)
  public interface Net {}

  private static final long SEED = 42;

  private MnistOnSpark() {}

  /** One way of training, measured. */
  record Run(String name, double seconds, double accuracy, double loss, int iterations, String evaluations) {}

  public static void main(String[] args) throws IOException {
    int iterations = 20;
    int partitions = 0;
    int repeats = 1;
    boolean mllib = true;
    boolean local = true;
    Path directory = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        case "--repeats" -> repeats = Integer.parseInt(args[++i]);
        case "--skip-mllib" -> mllib = false;
        case "--skip-local" -> local = false;
        default -> directory = Path.of(args[i]);
      }
    }
    if (repeats < 1) {
      throw new IllegalArgumentException("--repeats is " + repeats + "; give at least 1");
    }
    directory = directory != null ? directory : defaultDirectory();
    Dataset train = IdxReader.readDataset(file(directory, "train-images-idx3-ubyte"),
        file(directory, "train-labels-idx1-ubyte"));
    Dataset test = IdxReader.readDataset(file(directory, "t10k-images-idx3-ubyte"),
        file(directory, "t10k-labels-idx1-ubyte"));

    SparkSession spark = session("unrolled-mnist");
    if (partitions == 0) {
      partitions = spark.sparkContext().defaultParallelism();
    }
    System.out.printf(Locale.ROOT, "%s: %,d training and %,d test images, master %s, %d partitions, "
        + "784-64-10 sigmoid, full-batch L-BFGS, %d iterations; Unrolled kernels: %s%n", directory, train.size(),
        test.size(), spark.sparkContext().master(), partitions, iterations, new MnistOnSpark_NetModel(0).backend());
    Lbfgs.Options options = Lbfgs.options().maxIterations(iterations);
    warmUp(spark, train, partitions, mllib);
    double loadBefore = load();
    List<Run> runs = new ArrayList<>();
    List<Run> repeated = new ArrayList<>();
    // Unrolled numbers the rows in the files' order; MLlib reads a cached copy of the same rows in the
    // same partitions. Neither preparation is in the training times.
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    long start = System.nanoTime();
    Lbfgs.Result distributed = null;
    try (TrainingData data = TrainingData.of(context, train, partitions)) {
      System.out.printf(Locale.ROOT, "unrolled: rows numbered, partitioned and cached in %.1f s%n", seconds(start));
      for (int r = 0; r < repeats; r++) {
        start = System.nanoTime();
        MnistOnSpark_NetModel onSpark = new MnistOnSpark_NetModel(SEED);
        // The optimizer is for step(); fitLbfgs runs L-BFGS instead.
        SparkTrainer<MnistOnSpark_NetModel> trainer =
            new SparkTrainer<>(onSpark, MnistOnSpark_NetModel::new, Optimizer.sgd(0.1));
        distributed = trainer.fitLbfgs(data, options);
        Run unrolled = new Run("Unrolled on Spark", seconds(start), Metrics.accuracy(onSpark, test),
            distributed.value(), distributed.iterations(), Integer.toString(distributed.evaluations()));
        Run theirs = mllib ? mllib(spark, data, test, partitions, iterations) : null;
        if (r == 0) {
          runs.add(unrolled);
          if (theirs != null) {
            runs.add(theirs);
          }
        }
        repeated.add(unrolled);
        if (theirs != null) {
          repeated.add(theirs);
        }
      }
    }

    if (local) {
      // The same rows in the same partitions, summed in the same order: the same iterates as on Spark.
      start = System.nanoTime();
      MnistOnSpark_NetModel alone = new MnistOnSpark_NetModel(SEED);
      Lbfgs.Result r = Lbfgs.minimize(FullBatch.of(alone, train, partitions), alone.parameters(), options);
      alone.setParameters(r.x());
      runs.add(new Run("Unrolled, one machine, one thread", seconds(start), Metrics.accuracy(alone, test),
          r.value(), r.iterations(), Integer.toString(r.evaluations())));
      System.out.println("one machine reached the same parameters as Spark: "
          + (Arrays.equals(r.x(), distributed.x()) ? "yes, bit for bit" : "no"));
    }
    spark.stop();

    System.out.println();
    System.out.println("| training | wall time | test accuracy | final training loss | iterations | loss evaluations |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Run run : runs) {
      System.out.printf(Locale.ROOT, "| %s | %.1f s | %.2f%% | %.4f | %d | %s |%n", run.name(), run.seconds(),
          100 * run.accuracy(), run.loss(), run.iterations(), run.evaluations());
    }
    if (repeats > 1 && mllib) {
      perIteration(repeated);
    }
    System.out.printf(Locale.ROOT, "load average (1 min): %.2f after the warm-up, %.2f at the end%n", loadBefore, load());
  }

  /**
   * Seconds per iteration of each contender over the alternated repeats, and MLlib's time per
   * iteration over Unrolled's: the median of the pairs, the range of the pairs, and the
   * conservative ratio (MLlib's fastest repeat over Unrolled's slowest).
   */
  private static void perIteration(List<Run> repeated) {
    List<Double> unrolled = new ArrayList<>();
    List<Double> theirs = new ArrayList<>();
    for (int i = 0; i + 1 < repeated.size(); i += 2) {
      unrolled.add(repeated.get(i).seconds() / repeated.get(i).iterations());
      theirs.add(repeated.get(i + 1).seconds() / repeated.get(i + 1).iterations());
    }
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < unrolled.size(); i++) {
      ratios.add(theirs.get(i) / unrolled.get(i));
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "%d alternated repeats, time per L-BFGS iteration (median, range):%n", unrolled.size());
    System.out.printf(Locale.ROOT, "| Unrolled on Spark | %.3f s | %.3f–%.3f s |%n", median(unrolled),
        unrolled.stream().min(Double::compare).orElseThrow(), unrolled.stream().max(Double::compare).orElseThrow());
    System.out.printf(Locale.ROOT, "| Spark MLlib MLP | %.3f s | %.3f–%.3f s |%n", median(theirs),
        theirs.stream().min(Double::compare).orElseThrow(), theirs.stream().max(Double::compare).orElseThrow());
    System.out.printf(Locale.ROOT, "MLlib / Unrolled per iteration: %.2f× (pairs %.2f–%.2f×; conservative %.2f×)%n",
        median(ratios), ratios.stream().min(Double::compare).orElseThrow(),
        ratios.stream().max(Double::compare).orElseThrow(),
        theirs.stream().min(Double::compare).orElseThrow() / unrolled.stream().max(Double::compare).orElseThrow());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The one-minute load average of the driver's machine, or NaN where the system does not say. */
  private static double load() {
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? Double.NaN : load;
  }

  /**
   * MLlib's MLP on the same rows in the same partitions, from a cached frame built on the executors
   * out of the training data (a frame of the driver's rows would travel inside MLlib's tasks, beyond
   * {@code spark.rpc.message.maxSize} on a cluster).
   */
  private static Run mllib(SparkSession spark, TrainingData data, Dataset test, int partitions, int iterations) {
    org.apache.spark.sql.Dataset<Row> frame = data.toDataFrame(spark).cache();
    frame.count();
    long start = System.nanoTime();
    MultilayerPerceptronClassificationModel model = new MultilayerPerceptronClassifier()
        .setLayers(new int[] {784, 64, 10})
        .setMaxIter(iterations)
        .setSeed(SEED)
        .fit(frame);
    double seconds = seconds(start);
    frame.unpersist();
    double accuracy;
    try (TrainingData images = TrainingData.of(JavaSparkContext.fromSparkContext(spark.sparkContext()), test,
        partitions)) {
      accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
          .evaluate(model.transform(images.toDataFrame(spark)));
    }
    double[] history = model.summary().objectiveHistory();
    return new Run("Spark MLlib MLP", seconds, accuracy, history[history.length - 1],
        model.summary().totalIterations(), "not reported");
  }

  /**
   * A few untimed iterations of each contender on 2,000 images, so that the JIT has compiled both
   * before the clock starts (in local mode executors share the driver's JVM).
   */
  private static void warmUp(SparkSession spark, Dataset train, int partitions, boolean mllib) {
    int[] first = new int[2_000];
    for (int i = 0; i < first.length; i++) {
      first[i] = i;
    }
    Dataset small = train.subset(first);
    Lbfgs.Options options = Lbfgs.options().maxIterations(3);
    MnistOnSpark_NetModel model = new MnistOnSpark_NetModel(SEED);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    try (TrainingData data = TrainingData.of(context, small, partitions)) {
      new SparkTrainer<>(model, MnistOnSpark_NetModel::new, Optimizer.sgd(0.1)).fitLbfgs(data, options);
    }
    Lbfgs.minimize(FullBatch.of(model, small, partitions), model.parameters(), options);
    if (mllib) {
      try (TrainingData data = TrainingData.of(context, small, partitions)) {
        new MultilayerPerceptronClassifier().setLayers(new int[] {784, 64, 10}).setMaxIter(3).setSeed(SEED)
            .fit(data.toDataFrame(spark));
      }
    }
  }

  /** The master from spark-submit or spark.master, else two local cores on loopback only. */
  static SparkSession session(String name) {
    SparkSession.Builder builder = SparkSession.builder().appName(name);
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[2]")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false");
    }
    return builder.getOrCreate();
  }

  static Path defaultDirectory() {
    for (Path candidate : List.of(Path.of("..", "shared", "data", "mnist"), Path.of("..", "..", "shared", "data", "mnist"))) {
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
    }
    throw new IllegalArgumentException("MNIST not found in ../shared/data/mnist; pass the directory with "
        + "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
        + "t10k-labels-idx1-ubyte.gz (from https://yann.lecun.com/exdb/mnist/ or a mirror) as the last argument");
  }

  static Path file(Path directory, String name) {
    Path gz = directory.resolve(name + ".gz");
    return Files.exists(gz) ? gz : directory.resolve(name);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
