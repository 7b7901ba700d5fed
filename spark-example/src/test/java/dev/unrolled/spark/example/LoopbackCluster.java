package dev.unrolled.spark.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The MNIST comparison ({@link MnistOnSpark}: Unrolled on Spark, MLlib, one machine) on a loopback
 * standalone cluster like the integration tests': a Master and Workers of their own, the shaded jar
 * submitted through {@code SparkSubmit}, executors in JVMs of their own. For measurements:
 *
 * <pre>
 * mvn -B -q -Pcluster -pl spark-example -am -DskipTests package -Dargs="--iterations 20 --partitions 2"
 * </pre>
 *
 * <p>Arguments: the file listing the Spark jars, the shaded jar, then {@code [--workers 2]
 * [--cores 1] [--worker-memory 3g] [--executor-memory 2g] [--driver-memory 6g]} and the example's own arguments. Prints the
 * example's output (not Spark's log) and where the logs are; stops every process it started.
 */
public final class LoopbackCluster {
  private static final Pattern SPARK_LOG_LINE = Pattern.compile("^\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d [A-Z]+ .*|^\\s+at .*");

  private LoopbackCluster() {}

  public static void main(String[] args) throws Exception {
    Path jarsFile = Path.of(args[0]);
    Path exampleJar = Path.of(args[1]);
    int workers = 2;
    int cores = 1;
    String workerMemory = "3g";
    String executorMemory = "2g";
    String driverMemory = "6g";
    List<String> exampleArgs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--workers" -> workers = Integer.parseInt(args[++i]);
        case "--cores" -> cores = Integer.parseInt(args[++i]);
        case "--worker-memory" -> workerMemory = args[++i];
        case "--executor-memory" -> executorMemory = args[++i];
        case "--driver-memory" -> driverMemory = args[++i];
        default -> exampleArgs.add(args[i]);
      }
    }
    Path dir = Files.createTempDirectory("unrolled-loopback-cluster");
    try (StandaloneCluster cluster =
        StandaloneCluster.start(dir, StandaloneCluster.jarsListedIn(jarsFile), workers, cores, workerMemory)) {
      System.out.printf("%s: %d workers of %d cores and %s; logs in %s%n", cluster.masterUrl(), workers, cores,
          workerMemory, dir);
      Path log = dir.resolve("mnist.log");
      Process app = cluster.submit("dev.unrolled.spark.example.MnistOnSpark", exampleJar, exampleArgs, Map.of(
          "spark.driver.host", "127.0.0.1",
          "spark.driver.bindAddress", "127.0.0.1",
          "spark.ui.enabled", "false",
          "spark.executor.memory", executorMemory), driverMemory, log);
      int exit = app.waitFor();
      Files.readAllLines(log).stream().filter(l -> !SPARK_LOG_LINE.matcher(l).matches()).forEach(System.out::println);
      if (exit != 0) {
        System.out.println(cluster.logTails());
        System.exit(exit);
      }
    }
  }
}
