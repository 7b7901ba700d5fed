package dev.unrolled.spark.example;

import dev.unrolled.Dataset;
import dev.unrolled.io.IdxReader;
import dev.unrolled.spark.TrainingData;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Checks that a Spark cluster trains exactly as one machine does: three networks (FLOAT 784-128-10
 * with the vector backend, a looped DOUBLE network, an RBF network), each by mini-batch steps and by
 * L-BFGS, on the first rows of MNIST cut into partitions; each run's parameters are written to
 * {@code <out>/<run>.params}. With {@code --compare} the driver then trains the same runs on one
 * machine without Spark and says whether the bits agree (exit code 1 if any does not). With
 * {@code --checkpoints DIR} each run keeps a training checkpoint {@code DIR/<run>.ckpt}, saved every
 * {@code --checkpoint-every} steps or iterations, and goes on from it when it exists: submit the
 * same command again after the driver died and it ends on the bits of a run that never stopped.
 *
 * <pre>
 * spark-submit --master spark://host:7077 --class dev.unrolled.spark.example.ClusterCheck \
 *     unrolled-spark-example-*-shaded.jar [--rows 6000] [--partitions 4] [--out check] [--only RUN]... \
 *     [--steps 6] [--iterations 6] [--checkpoints DIR [--checkpoint-every 2]] \
 *     [--compare] [directory with the MNIST IDX files]
 * </pre>
 *
 * <p>Prints {@code run NAME iteration N} (L-BFGS) or {@code run NAME step N} as each run advances.
 */
public final class ClusterCheck {
  private ClusterCheck() {}

  public static void main(String[] args) throws IOException {
    int rows = 6_000;
    int partitions = 4;
    Path out = Path.of("check");
    boolean compare = false;
    List<CheckRun> runs = new ArrayList<>();
    Path directory = null;
    int steps = CheckRun.STEPS;
    int iterations = CheckRun.ITERATIONS;
    Path checkpoints = null;
    int every = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[++i]);
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> runs.add(CheckRun.named(args[++i]));
        case "--compare" -> compare = true;
        case "--steps" -> steps = Integer.parseInt(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        case "--checkpoints" -> checkpoints = Path.of(args[++i]);
        case "--checkpoint-every" -> every = Integer.parseInt(args[++i]);
        default -> directory = Path.of(args[i]);
      }
    }
    runs = runs.isEmpty() ? CheckRun.all() : runs;
    Dataset data = firstRows(directory != null ? directory : MnistOnSpark.defaultDirectory(), rows);
    Files.createDirectories(out);
    if (checkpoints != null) {
      Files.createDirectories(checkpoints);
    }

    SparkSession spark = MnistOnSpark.session("unrolled-cluster-check");
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    System.out.println("kernels of the vector-backend network: driver " + new CheckNets_WideModel(0).backend()
        + ", executors " + context.parallelize(List.of(0), 1).map(i -> new CheckNets_WideModel(0).backend()).first());
    try (TrainingData shipped = TrainingData.of(context, data, partitions)) {
      for (CheckRun run : runs) {
        String what = run.lbfgs() ? " iteration " : " step ";
        CheckRun.Length length = new CheckRun.Length(steps, iterations,
            checkpoints == null ? null : checkpoints.resolve(run.name() + ".ckpt"), every);
        double[] parameters = run.onSpark(shipped, length, n -> System.out.println("run " + run.name() + what + n));
        write(out.resolve(run.name() + ".params"), parameters);
        System.out.println("run " + run.name() + " done: " + parameters.length + " parameters");
      }
    } finally {
      spark.stop();
    }
    if (compare) {
      boolean all = true;
      for (CheckRun run : runs) {
        CheckRun.Length length = new CheckRun.Length(steps, iterations, null, 1);
        boolean same = Arrays.equals(run.alone(data, partitions, length), read(out.resolve(run.name() + ".params")));
        System.out.println("run " + run.name() + ": one machine " + (same ? "agrees bit for bit" : "DIFFERS"));
        all &= same;
      }
      if (!all) {
        System.exit(1);
      }
    }
  }

  /** The first {@code rows} training images of the IDX files in {@code directory}. */
  public static Dataset firstRows(Path directory, int rows) throws IOException {
    Dataset all = IdxReader.readDataset(MnistOnSpark.file(directory, "train-images-idx3-ubyte"),
        MnistOnSpark.file(directory, "train-labels-idx1-ubyte"));
    if (rows > all.size()) {
      throw new IllegalArgumentException("--rows " + rows + " but " + directory + " has " + all.size() + " images");
    }
    int[] first = new int[rows];
    Arrays.setAll(first, i -> i);
    return all.subset(first);
  }

  /** Parameters as their count and raw bits, so that equal files mean equal bits. */
  static void write(Path file, double[] parameters) throws IOException {
    try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
      out.writeInt(parameters.length);
      for (double p : parameters) {
        out.writeLong(Double.doubleToRawLongBits(p));
      }
    }
  }

  /** Reads what {@link #write} wrote. */
  public static double[] read(Path file) throws IOException {
    try (InputStream is = Files.newInputStream(file); DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
      double[] parameters = new double[in.readInt()];
      for (int i = 0; i < parameters.length; i++) {
        parameters[i] = Double.longBitsToDouble(in.readLong());
      }
      return parameters;
    }
  }
}
