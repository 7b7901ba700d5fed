package dev.unrolled.spark.example;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.fail;

import dev.unrolled.Backend;
import dev.unrolled.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded example jar submitted through {@code SparkSubmit} to a standalone cluster of separate
 * JVMs on loopback (a Master, two Workers of one core, an executor each), against the same training
 * on one machine without Spark: equal bits, also when an executor is killed mid-run, and when the
 * driver is killed and the application submitted again goes on from its training checkpoints.
 */
@TestMethodOrder(OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {
  private static final int ROWS = 6_000;
  private static final int PARTITIONS = 4;
  private static final Duration RUN = Duration.ofMinutes(3);
  private static final String KILLED_RUN = "wide-float-vector-lbfgs";
  /** The runs whose driver is killed: mini-batch steps of the FLOAT vector network, L-BFGS of the DOUBLE one. */
  private static final String RESUMED_STEPS = "wide-float-vector-steps";
  private static final String RESUMED_LBFGS = "looped-double-lbfgs";
  private static final CheckRun.Length RESUMED_LENGTH = new CheckRun.Length(12, 8, null, 2);

  @TempDir
  static Path dir;
  private static Path mnist;
  private static StandaloneCluster cluster;
  private static Dataset rows;
  /** One-machine results by run name, each computed once. */
  private static final Map<String, double[]> REFERENCES = new HashMap<>();

  @BeforeAll
  static void startCluster() throws Exception {
    mnist = mnistOrSkip();
    String listed = System.getProperty("unrolled.sparkJars");
    if (listed == null) {
      fail("unrolled.sparkJars is not set: run through Maven (mvn -B -pl spark-example -am verify), whose failsafe "
          + "configuration lists the Spark jars and names the shaded jar");
    }
    List<Path> jars = StandaloneCluster.jarsListedIn(Path.of(listed));
    cluster = StandaloneCluster.start(dir, jars, 2, 1, "1g");
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void everyRunOnTheClusterEndsOnTheOneMachineBits() throws Exception {
    Path out = dir.resolve("uninterrupted");
    // A 1 MB message limit: the 4.7 MB partitions must travel outside the tasks.
    Process app = submitCheck(out, "check", Map.of("spark.rpc.message.maxSize", "1"));
    String log = awaitSuccess(app, "check");

    assertWithMessage(log).that(log).contains("kernels of the vector-backend network: driver VECTOR, executors VECTOR");
    assertWithMessage("the reference's kernels").that(new CheckNets_WideModel(0).backend()).isEqualTo(Backend.VECTOR);
    for (CheckRun run : CheckRun.all()) {
      double[] onCluster = ClusterCheck.read(out.resolve(run.name() + ".params"));
      assertWithMessage(run.name() + " trained").that(onCluster)
          .isNotEqualTo(run.network().create(CheckRun.SEED).parameters());
      assertWithMessage(run.name() + " against one machine").that(onCluster).isEqualTo(reference(run.name()));
    }
    for (int worker = 0; worker < 2; worker++) {
      assertWithMessage("worker " + worker + " launched an executor JVM").that(executorLogs(worker)).isNotEmpty();
    }
  }

  @Test
  @Order(2)
  void anExecutorKilledMidRunChangesNoBit() throws Exception {
    Path out = dir.resolve("killed");
    Process app = submitCheck(out, "killed", Map.of("--only", KILLED_RUN));
    awaitLine(app, "killed", "run " + KILLED_RUN + " iteration 1");
    List<ProcessHandle> executors = cluster.executors();
    assertWithMessage("executors running after iteration 1").that(executors).hasSize(2);
    ProcessHandle victim = executors.get(0);
    victim.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the driver
    victim.onExit().get(10, TimeUnit.SECONDS);
    assertWithMessage("the run was still training when the executor died").that(log("killed")).doesNotContain("done");

    String log = awaitSuccess(app, "killed");
    assertWithMessage(log).that(log).contains("Lost executor");
    assertWithMessage("after the kill").that(ClusterCheck.read(out.resolve(KILLED_RUN + ".params")))
        .isEqualTo(reference(KILLED_RUN));
    Path uninterrupted = dir.resolve("uninterrupted").resolve(KILLED_RUN + ".params");
    if (Files.exists(uninterrupted)) {
      assertWithMessage("against the uninterrupted cluster run")
          .that(ClusterCheck.read(out.resolve(KILLED_RUN + ".params"))).isEqualTo(ClusterCheck.read(uninterrupted));
    }
  }

  @Test
  @Order(3)
  void theMnistExampleRunsOnTheClusterAsItIs() throws Exception {
    Process app = cluster.submit("dev.unrolled.spark.example.MnistOnSpark", exampleJar(),
        List.of("--iterations", "2", "--partitions", String.valueOf(PARTITIONS), "--skip-mllib", mnist.toString()),
        conf(Map.of()), "3g", dir.resolve("mnist.log"));
    String log = awaitSuccess(app, "mnist");

    assertWithMessage(log).that(log).contains("60,000 training and 10,000 test images, master " + cluster.masterUrl());
    assertWithMessage(log).that(log).contains("one machine reached the same parameters as Spark: yes, bit for bit");
  }

  @Test
  @Order(4)
  void aKilledDriverSubmittedAgainGoesOnFromItsCheckpointsToTheSameBits() throws Exception {
    Path out = dir.resolve("resumed");
    Path checkpoints = dir.resolve("checkpoints");
    Map<String, String> options = new TreeMap<>(Map.of("--steps", String.valueOf(RESUMED_LENGTH.steps()),
        "--iterations", String.valueOf(RESUMED_LENGTH.iterations()), "--checkpoints", checkpoints.toString(),
        "--checkpoint-every", String.valueOf(RESUMED_LENGTH.every())));
    List<String> only = List.of("--only", RESUMED_STEPS, "--only", RESUMED_LBFGS);
    Path stepsCheckpoint = checkpoints.resolve(RESUMED_STEPS + ".ckpt");
    Path lbfgsCheckpoint = checkpoints.resolve(RESUMED_LBFGS + ".ckpt");

    // 1: the driver killed while the mini-batch run trains, after its first checkpoint.
    Process first = submitCheck(out, "driver-1", options, only);
    killDriverOnceSaved(first, "driver-1", stepsCheckpoint);
    assertWithMessage("the steps run was still training when its driver died")
        .that(Files.exists(out.resolve(RESUMED_STEPS + ".params"))).isFalse();

    // 2: the same command; the steps run goes on from its checkpoint and ends, then the driver is
    // killed while the L-BFGS run trains, after its first checkpoint.
    Process second = submitCheck(out, "driver-2", options, only);
    killDriverOnceSaved(second, "driver-2", lbfgsCheckpoint);
    List<String> log2 = lines("driver-2");
    assertWithMessage("the steps run resumed, not restarted").that(log2).doesNotContain("run " + RESUMED_STEPS + " step 1");
    assertWithMessage("the steps run ended").that(log2).contains("run " + RESUMED_STEPS + " step " + RESUMED_LENGTH.steps());
    assertWithMessage("the L-BFGS run was still training when its driver died")
        .that(Files.exists(out.resolve(RESUMED_LBFGS + ".params"))).isFalse();

    // 3: the same command again: the finished steps run takes no step, the L-BFGS run goes on.
    Process third = submitCheck(out, "driver-3", options, only);
    awaitSuccess(third, "driver-3");
    List<String> log3 = lines("driver-3");
    assertWithMessage("the finished steps run").that(log3.stream().filter(l -> l.startsWith("run " + RESUMED_STEPS + " step ")).toList()).isEmpty();
    assertWithMessage("the L-BFGS run resumed, not restarted").that(log3).doesNotContain("run " + RESUMED_LBFGS + " iteration 1");
    assertWithMessage("the L-BFGS run ended").that(log3).contains("run " + RESUMED_LBFGS + " iteration " + RESUMED_LENGTH.iterations());

    for (String run : List.of(RESUMED_STEPS, RESUMED_LBFGS)) {
      double[] resumed = ClusterCheck.read(out.resolve(run + ".params"));
      assertWithMessage(run + " trained").that(resumed).isNotEqualTo(CheckRun.named(run).network().create(CheckRun.SEED).parameters());
      assertWithMessage(run + " resumed against the uninterrupted run").that(resumed)
          .isEqualTo(CheckRun.named(run).alone(rows(), PARTITIONS, RESUMED_LENGTH));
    }
  }

  /**
   * Waits until {@code checkpoint} exists (the run under way has saved), then kills the driver JVM
   * (the {@code SparkSubmit} process, client mode) with SIGKILL: no shutdown hook, no goodbye to the
   * Master, a checkpoint write possibly cut short.
   */
  private static void killDriverOnceSaved(Process driver, String name, Path checkpoint) throws Exception {
    long deadline = System.nanoTime() + RUN.toNanos();
    while (!Files.exists(checkpoint)) {
      if (!driver.isAlive() || System.nanoTime() > deadline) {
        fail(name + " never saved " + checkpoint.getFileName() + ":\n" + cluster.logTails());
      }
      Thread.sleep(20);
    }
    driver.toHandle().destroyForcibly();
    driver.onExit().get(10, TimeUnit.SECONDS);
    assertWithMessage(name + " was killed, not finished").that(driver.exitValue()).isEqualTo(137);
  }

  private static List<String> lines(String name) throws IOException {
    return Files.readAllLines(dir.resolve(name + ".log"));
  }

  private static Dataset rows() throws IOException {
    if (rows == null) {
      rows = ClusterCheck.firstRows(mnist, ROWS);
    }
    return rows;
  }

  /** The run {@code name} trained on one machine without Spark, over the same rows and partitions. */
  private static double[] reference(String name) throws IOException {
    Dataset data = rows();
    return REFERENCES.computeIfAbsent(name, n -> CheckRun.named(n).alone(data, PARTITIONS));
  }

  private static Process submitCheck(Path out, String name, Map<String, String> options) throws IOException {
    return submitCheck(out, name, options, List.of());
  }

  /** ClusterCheck with {@code options} (those starting with -- are its own, the others Spark's) and {@code more} arguments. */
  private static Process submitCheck(Path out, String name, Map<String, String> options, List<String> more)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("--rows", String.valueOf(ROWS), "--partitions",
        String.valueOf(PARTITIONS), "--out", out.toString()));
    args.addAll(more);
    Map<String, String> conf = new TreeMap<>();
    options.forEach((key, value) -> {
      if (key.startsWith("--")) {
        args.add(key);
        args.add(value);
      } else {
        conf.put(key, value);
      }
    });
    args.add(mnist.toString());
    return cluster.submit("dev.unrolled.spark.example.ClusterCheck", exampleJar(), args, conf(conf), "1g",
        dir.resolve(name + ".log"));
  }

  /**
   * Loopback, no UI, small executors. Nothing for the Vector API: Spark 4.2 gives its JVMs
   * {@code jdk.incubator.vector} itself, and the test checks that the executors used it.
   */
  private static Map<String, String> conf(Map<String, String> extra) {
    Map<String, String> conf = new TreeMap<>(Map.of(
        "spark.driver.host", "127.0.0.1",
        "spark.driver.bindAddress", "127.0.0.1",
        "spark.ui.enabled", "false",
        "spark.executor.memory", "768m"));
    conf.putAll(extra);
    return conf;
  }

  private static String awaitSuccess(Process app, String name) throws Exception {
    if (!app.waitFor(RUN.toSeconds(), TimeUnit.SECONDS)) {
      fail(name + " did not finish within " + RUN + ":\n" + cluster.logTails());
    }
    if (app.exitValue() != 0) {
      fail(name + " exited with " + app.exitValue() + ":\n" + cluster.logTails());
    }
    return log(name);
  }

  private static void awaitLine(Process app, String name, String line) throws Exception {
    long deadline = System.nanoTime() + RUN.toNanos();
    while (!log(name).contains(line)) {
      if (!app.isAlive() || System.nanoTime() > deadline) {
        fail(name + " never printed \"" + line + "\":\n" + cluster.logTails());
      }
      Thread.sleep(50);
    }
  }

  private static String log(String name) throws IOException {
    return Files.readString(dir.resolve(name + ".log"));
  }

  /** The stderr files of the executors that worker {@code worker} launched ({@code app-*}/{@code <id>}/stderr). */
  private static List<Path> executorLogs(int worker) throws IOException {
    try (var files = Files.walk(dir.resolve("worker-" + worker))) {
      return files.filter(p -> p.getFileName().toString().equals("stderr")).toList();
    }
  }

  private static Path exampleJar() {
    return Path.of(System.getProperty("unrolled.exampleJar"));
  }

  /** MNIST under ../shared/data; outside CI its absence skips these tests, under CI it fails them. */
  private static Path mnistOrSkip() {
    try {
      return MnistOnSpark.defaultDirectory().toAbsolutePath();
    } catch (IllegalArgumentException missing) {
      String ci = System.getenv("CI");
      if (ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false")) {
        fail("MNIST not found under ../shared/data: CI=" + ci + " requires it, so this is a failure, not a skip");
      }
      Assumptions.abort("MNIST not found under ../shared/data: skipping the cluster tests (under CI=true they fail)");
      throw missing;
    }
  }
}
