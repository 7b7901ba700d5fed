package dev.unrolled.spark.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on loopback: a Master and Workers, each a JVM of its own, started from
 * the Spark jars Maven resolved, laid out as a {@code SPARK_HOME} ({@code jars/} and a
 * {@code RELEASE} file) because that is where a Worker finds the classpath of the executors it
 * launches. Every process gets {@code SPARK_LOCAL_IP=127.0.0.1} and {@code --host 127.0.0.1};
 * {@link #close()} (also run by a shutdown hook) ends them by process id, children first. Each
 * wait is bounded.
 *
 * <pre>{@code
 * try (StandaloneCluster cluster = StandaloneCluster.start(dir, jars, 2, 1, "1g")) {
 *   Process app = cluster.submit(mainClass, jar, args, conf, "1g", dir.resolve("app.log"));
 * }
 * }</pre>
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(60);
  private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)");

  private final Path dir;
  private final Path home;
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "stop-standalone-cluster");
  private String masterUrl;

  private StandaloneCluster(Path dir) {
    this.dir = dir;
    this.home = dir.resolve("spark-home");
  }

  /** Starts a Master and {@code workers} Workers of {@code cores} cores and {@code memory} each, in {@code dir}. */
  static StandaloneCluster start(Path dir, List<Path> sparkJars, int workers, int cores, String memory)
      throws IOException, InterruptedException {
    StandaloneCluster cluster = new StandaloneCluster(dir);
    Runtime.getRuntime().addShutdownHook(cluster.hook);
    try {
      cluster.layOut(sparkJars);
      Process master = cluster.launch("master", List.of("org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", "0", "--webui-port", "0"), "256m");
      cluster.masterUrl = cluster.await(master, "master", MASTER_URL).group(1);
      for (int i = 0; i < workers; i++) {
        String name = "worker-" + i;
        Process worker = cluster.launch(name, List.of("org.apache.spark.deploy.worker.Worker",
            "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", String.valueOf(cores), "--memory", memory,
            "--work-dir", dir.resolve(name).toString(), cluster.masterUrl), "256m");
        cluster.await(worker, name, Pattern.compile("Successfully registered with master"));
        cluster.workers.add(worker);
      }
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** {@code spark://127.0.0.1:<port>} */
  String masterUrl() {
    return masterUrl;
  }

  /**
   * Runs {@code SparkSubmit} in client mode (the driver is this new JVM, the executors the Workers'
   * children), its output in {@code log}.
   */
  Process submit(String mainClass, Path jar, List<String> args, Map<String, String> conf, String driverMemory,
      Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit",
        "--master", masterUrl, "--deploy-mode", "client", "--class", mainClass));
    conf.forEach((key, value) -> {
      command.add("--conf");
      command.add(key + "=" + value);
    });
    command.add(jar.toString());
    command.addAll(args);
    return start(command, driverMemory, log);
  }

  /** The executor JVMs the Workers have launched and that are running now. */
  List<ProcessHandle> executors() {
    List<ProcessHandle> executors = new ArrayList<>();
    for (Process worker : workers) {
      worker.toHandle().children()
          .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
          .forEach(executors::add);
    }
    return executors;
  }

  /** Each process's first errors and last lines, for a failure message. */
  String logTails() throws IOException {
    StringBuilder out = new StringBuilder();
    try (var logs = Files.list(dir)) {
      for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        List<String> lines = Files.readAllLines(log);
        out.append("== ").append(log.getFileName()).append(", first errors:\n");
        lines.stream().filter(l -> l.contains(" ERROR ") || l.startsWith("Exception")).limit(5)
            .forEach(l -> out.append(l).append('\n'));
        out.append("== ").append(log.getFileName()).append(", last lines:\n");
        lines.subList(Math.max(0, lines.size() - 25), lines.size()).forEach(l -> out.append(l).append('\n'));
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing left to remove
    }
  }

  /** The Spark jars listed, {@code :}-separated, in {@code file} (what dependency:build-classpath writes). */
  static List<Path> jarsListedIn(Path file) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (String jar : Files.readString(file).trim().split(java.io.File.pathSeparator)) {
      jars.add(Path.of(jar));
    }
    return jars;
  }

  private void layOut(List<Path> sparkJars) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (Path jar : sparkJars) {
      Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
    }
    // Our own spark-defaults.conf, read by every process here, none from elsewhere: the Master's REST
    // submission server would listen on port 6066, fixed, which nothing here uses.
    Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("spark-defaults.conf"),
        "spark.master.rest.enabled false\n");
    Files.writeString(home.resolve("RELEASE"), "Spark jars resolved by Maven, for the integration tests\n");
  }

  private Process launch(String name, List<String> mainAndArgs, String memory) throws IOException {
    return start(mainAndArgs, memory, dir.resolve(name + ".log"));
  }

  private synchronized Process start(List<String> mainAndArgs, String memory, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + memory);
    // What Spark's launcher (bin/spark-class, bin/spark-submit) gives every JVM it starts: the
    // Vector API module, the opened packages, and on JDK 25 native and Unsafe access. SparkContext
    // gives the executors the same.
    command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    command.add("-cp");
    command.add(home.resolve("jars") + "/*");
    command.addAll(mainAndArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_CONF_DIR", home.resolve("conf").toString());
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("JAVA_HOME", System.getProperty("java.home")); // executors run on this JDK too
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /** Waits until {@code process}'s log has a line matching {@code pattern}; fails if it exits first. */
  private Matcher await(Process process, String name, Pattern pattern) throws IOException, InterruptedException {
    Path log = dir.resolve(name + ".log");
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = pattern.matcher(Files.readString(log));
      if (m.find()) {
        return m;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before saying \""
            + pattern + "\":\n" + logTails());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " did not say \"" + pattern + "\" within " + START + ":\n" + logTails());
  }

  /** Ends every process this cluster started and their children (executors), by pid, newest first. */
  private synchronized void stopAll() {
    List<ProcessHandle> all = new ArrayList<>();
    for (int i = processes.size() - 1; i >= 0; i--) {
      ProcessHandle p = processes.get(i).toHandle();
      p.descendants().forEach(all::add);
      all.add(p);
    }
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    for (ProcessHandle p : all) {
      while (p.isAlive() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    processes.clear();
  }
}
