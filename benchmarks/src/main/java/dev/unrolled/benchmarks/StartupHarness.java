package dev.unrolled.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Start to first prediction: launches {@link FirstPrediction} in a fresh JVM per contender and
 * times from just before {@code ProcessBuilder.start()} to the moment its first output line (the
 * prediction) arrives on the pipe. Same {@code java} binary as the harness, default JVM options,
 * class path = the benchmark classes folder plus only that contender's runtime jars
 * ({@link ResolvedDependencies}), less native builds this CPU cannot run ({@link NativeBuilds}). Launches go round-robin over the contenders so background load
 * spreads evenly; the first rounds warm the file cache and are discarded.
 *
 * <pre>java StartupHarness tree.txt classpath.txt target/classes out.tsv [runs] [warm] [contenders...]</pre>
 *
 * Writes a TSV for {@link ReportWriter}: {@code contender, status, runs, median_ms, min_ms,
 * max_ms, jars, output}; status is {@code ok}, {@code not wired} or {@code failed: ...}.
 */
public final class StartupHarness {
  static final List<String> CONTENDERS = List.of("hello", "generated-float", "generated-double",
      "generated-vector", "hand-written", "encog", "smile", "dl4j", "djl");

  private StartupHarness() {}

  private static final class Launches {
    final List<String> command = new ArrayList<>();
    final int jars;
    final List<Double> millis = new ArrayList<>();
    String status = "ok";
    String output = "";

    Launches(int jars) {
      this.jars = jars;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: StartupHarness <tree.txt> <classpath.txt> <classes dir> <out.tsv> [runs] [warm] [contenders...]");
      System.exit(2);
    }
    ResolvedDependencies resolved = new ResolvedDependencies(Paths.get(args[0]), Paths.get(args[1]));
    Path classes = Paths.get(args[2]).toAbsolutePath();
    Path out = Paths.get(args[3]);
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 10;
    int warm = args.length > 5 ? Integer.parseInt(args[5]) : 2;
    List<String> contenders = args.length > 6 ? Arrays.asList(args).subList(6, args.length) : CONTENDERS;
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();

    Set<String> cpuFlags = NativeBuilds.cpuFlags();
    Map<String, Launches> all = new LinkedHashMap<>();
    for (String contender : contenders) {
      List<Path> jars = new ArrayList<>(resolved.jars(contender));
      jars.removeIf(jar -> !NativeBuilds.runsOn(jar, cpuFlags));
      Launches launches = new Launches(jars.size());
      StringBuilder classpath = new StringBuilder(classes.toString());
      jars.forEach(jar -> classpath.append(File.pathSeparator).append(jar));
      launches.command.add(java);
      launches.command.addAll(jvmOptions(contender));
      launches.command.addAll(List.of("-cp", classpath.toString(), FirstPrediction.class.getName(), contender));
      all.put(contender, launches);
    }
    Path errors = out.resolveSibling("startup-stderr");
    Files.createDirectories(errors);
    for (int round = 0; round < warm + runs; round++) {
      for (Map.Entry<String, Launches> e : all.entrySet()) {
        Launches launches = e.getValue();
        if (launches.status.equals("ok")) {
          launch(e.getKey(), launches, errors.resolve(e.getKey() + ".txt"), round >= warm);
        }
      }
    }
    List<String> rows = new ArrayList<>();
    rows.add("contender\tstatus\truns\tmedian_ms\tmin_ms\tmax_ms\tjars\toutput");
    for (Map.Entry<String, Launches> e : all.entrySet()) {
      Launches l = e.getValue();
      List<Double> sorted = new ArrayList<>(l.millis);
      sorted.sort(null);
      boolean ok = l.status.equals("ok") && !sorted.isEmpty();
      rows.add(String.join("\t", e.getKey(), l.status, String.valueOf(sorted.size()),
          ok ? format(median(sorted)) : "-", ok ? format(sorted.get(0)) : "-",
          ok ? format(sorted.get(sorted.size() - 1)) : "-", String.valueOf(l.jars), l.output));
      System.out.println(rows.get(rows.size() - 1));
    }
    Files.write(out, rows, StandardCharsets.UTF_8);
  }

  /** Options a contender's JVM needs; none beyond the class path for most. */
  static List<String> jvmOptions(String contender) {
    return contender.equals("generated-vector") ? List.of("--add-modules=jdk.incubator.vector") : List.of();
  }

  private static void launch(String contender, Launches launches, Path stderr, boolean measured)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(launches.command)
        .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()));
    long start = System.nanoTime();
    Process process = builder.start();
    String line;
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      line = reader.readLine();
      long arrived = System.nanoTime();
      while (reader.readLine() != null) {
        // drain, so the child never blocks on a full pipe
      }
      int status = process.waitFor();
      if (status == FirstPrediction.UNKNOWN_CONTENDER) {
        launches.status = "not wired";
      } else if (status != 0 || line == null) {
        launches.status = "failed: exit status " + status + ", see " + stderr.getFileName();
      } else {
        launches.output = line;
        if (measured) {
          launches.millis.add((arrived - start) / 1e6);
        }
      }
    }
  }

  static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String format(double millis) {
    return String.format(Locale.ROOT, "%.1f", millis);
  }
}
