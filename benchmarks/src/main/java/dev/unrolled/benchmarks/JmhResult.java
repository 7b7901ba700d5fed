package dev.unrolled.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One benchmark (method + parameters) of a JMH JSON result file ({@code -rf json}). */
final class JmhResult {
  final String benchmark;
  final Map<String, String> params;
  final double score;
  /** JMH's 99.9% confidence half-width; NaN when there were too few iterations. */
  final double error;
  final String unit;
  /** Every measurement iteration of every fork. */
  final List<Double> iterations;
  /** Bytes allocated per operation ({@code -prof gc}'s gc.alloc.rate.norm), or NaN without the profiler. */
  final double allocatedPerOp;
  final String jmhVersion;
  final String jdkVersion;
  final String vmName;
  final String vmVersion;
  final List<String> jvmArgs;
  /** Forks, warm-up and measurement, as in JMH's options: "1 fork, 3 × 1 s warm-up, 5 × 1 s". */
  final String runLength;

  private JmhResult(Map<String, Object> json) {
    benchmark = (String) json.get("benchmark");
    Map<String, String> p = new LinkedHashMap<>();
    Object rawParams = json.get("params");
    if (rawParams instanceof Map) {
      ((Map<?, ?>) rawParams).forEach((k, v) -> p.put((String) k, String.valueOf(v)));
    }
    params = Collections.unmodifiableMap(p);
    Map<?, ?> primary = (Map<?, ?>) json.get("primaryMetric");
    score = number(primary.get("score"));
    error = number(primary.get("scoreError"));
    unit = (String) primary.get("scoreUnit");
    List<Double> raw = new ArrayList<>();
    for (Object fork : (List<?>) primary.get("rawData")) {
      for (Object v : (List<?>) fork) {
        raw.add(number(v));
      }
    }
    iterations = Collections.unmodifiableList(raw);
    double alloc = Double.NaN;
    Object secondary = json.get("secondaryMetrics");
    if (secondary instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) secondary).entrySet()) {
        // "gc.alloc.rate.norm" in JMH 1.37; older versions prefix the name with "·".
        if (((String) e.getKey()).endsWith("gc.alloc.rate.norm")) {
          alloc = number(((Map<?, ?>) e.getValue()).get("score"));
        }
      }
    }
    allocatedPerOp = alloc;
    jmhVersion = String.valueOf(json.getOrDefault("jmhVersion", "?"));
    jdkVersion = String.valueOf(json.get("jdkVersion"));
    vmName = String.valueOf(json.get("vmName"));
    vmVersion = String.valueOf(json.get("vmVersion"));
    List<String> args = new ArrayList<>();
    if (json.get("jvmArgs") instanceof List) {
      for (Object a : (List<?>) json.get("jvmArgs")) {
        args.add(String.valueOf(a));
      }
    }
    jvmArgs = Collections.unmodifiableList(args);
    int forks = (int) number(json.get("forks"));
    runLength = forks + (forks == 1 ? " fork, " : " forks, ")
        + (int) number(json.get("warmupIterations")) + " × " + json.get("warmupTime") + " warm-up, "
        + (int) number(json.get("measurementIterations")) + " × " + json.get("measurementTime")
        + " measurement";
  }

  /** The results in {@code file}, or none if it does not exist (that benchmark was not run). */
  static List<JmhResult> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return List.of();
    }
    List<JmhResult> results = new ArrayList<>();
    for (Object item : (List<?>) Json.parse(text)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) item;
      results.add(new JmhResult(map));
    }
    return results;
  }

  /** The benchmark method's simple name, e.g. {@code trainStep}. */
  String method() {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /** The benchmark class's simple name, e.g. {@code TrainingBenchmark}. */
  String benchmarkClass() {
    String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
    return type.substring(type.lastIndexOf('.') + 1);
  }

  String param(String name) {
    return params.get(name);
  }

  double bestIteration() {
    double best = Double.NaN;
    for (double v : iterations) {
      best = Double.isNaN(best) ? v : Math.max(best, v);
    }
    return best;
  }

  private static double number(Object value) {
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof String) {
      try {
        return Double.parseDouble((String) value); // JMH writes "NaN" as a string
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
