package dev.unrolled.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code TrainingBenchmark} results by shape and contender, in samples per second. Shapes and
 * contenders come in a fixed order (those of the issue first, any others after them in the order
 * met), so the report is the same for the same results.
 */
final class TrainingResults {
  static final List<String> SHAPES = List.of("4-16-3/16", "784-128-10/32", "784-128-10/1", "784-256-128-10/64");
  static final List<String> CONTENDERS = List.of("generated-float", "generated-double", "generated-vector",
      "hand-written", "encog", "smile", "dl4j", "djl");

  private final Map<String, Map<String, JmhResult>> byShape = new LinkedHashMap<>();
  private final List<String> contenders = new ArrayList<>(CONTENDERS);

  TrainingResults(List<JmhResult> results) {
    for (String shape : SHAPES) {
      byShape.put(shape, new LinkedHashMap<>());
    }
    for (JmhResult r : results) {
      String shape = r.param("shape");
      String contender = r.param("contender");
      if (shape == null || contender == null) {
        continue;
      }
      byShape.computeIfAbsent(shape, s -> new LinkedHashMap<>()).put(contender, r);
      if (!contenders.contains(contender)) {
        contenders.add(contender);
      }
    }
  }

  List<String> shapes() {
    return new ArrayList<>(byShape.keySet());
  }

  List<String> contenders() {
    return contenders;
  }

  /** The generated contenders with at least one result, in contender order. */
  List<String> measuredGenerated() {
    List<String> measured = new ArrayList<>();
    for (String c : contenders) {
      if (isGenerated(c) && byShape.values().stream().anyMatch(m -> m.containsKey(c))) {
        measured.add(c);
      }
    }
    return measured;
  }

  JmhResult result(String shape, String contender) {
    Map<String, JmhResult> row = byShape.get(shape);
    return row == null ? null : row.get(contender);
  }

  /** Samples per second, NaN if not measured. */
  double samplesPerSecond(String shape, String contender) {
    JmhResult r = result(shape, contender);
    return r == null ? Double.NaN : perSecond(r.score, r.unit) * batch(shape);
  }

  double samplesPerSecondError(String shape, String contender) {
    JmhResult r = result(shape, contender);
    return r == null ? Double.NaN : perSecond(r.error, r.unit) * batch(shape);
  }

  /** Floating-point operations per second, in GFLOP/s, counted as performed ({@link #flopsPerSample}). */
  double gflops(String shape, String contender) {
    return samplesPerSecond(shape, contender) * flopsPerSample(shape) / 1e9;
  }

  double gflopsError(String shape, String contender) {
    return samplesPerSecondError(shape, contender) * flopsPerSample(shape) / 1e9;
  }

  /**
   * Floating-point operations a training step performs per sample, a multiply-add counted as 2:
   * forward {@code 2·W}, weight gradients {@code 2·W}, input deltas {@code 2·(W − W₁)} — no
   * contender computes the first layer's input deltas, which nothing uses. W counts every weight,
   * W₁ the first layer's. Left out: biases, activations and the loss (O(units): negligible for the
   * 784-input shapes, not for 4-16-3, whose figure understates its work) and the SGD update
   * ({@code 2·W} per step, so {@code 2·W / batch} per sample: half as much again at batch 1).
   */
  static long flopsPerSample(String shape) {
    int[] sizes = sizes(shape);
    long first = (long) sizes[0] * sizes[1];
    return 4 * weights(shape) + 2 * (weights(shape) - first);
  }

  /** The fastest generated contender on {@code shape}, or null if none was measured there. */
  String bestGenerated(String shape) {
    String best = null;
    for (String c : contenders) {
      if (isGenerated(c) && result(shape, c) != null
          && (best == null || samplesPerSecond(shape, c) > samplesPerSecond(shape, best))) {
        best = c;
      }
    }
    return best;
  }

  /** The fastest contender on {@code shape} that is not generated, or null. */
  String fastestPeer(String shape) {
    String best = null;
    for (String c : contenders) {
      if (!isGenerated(c) && result(shape, c) != null
          && (best == null || samplesPerSecond(shape, c) > samplesPerSecond(shape, best))) {
        best = c;
      }
    }
    return best;
  }

  /**
   * How many times faster {@code a} trains than {@code b} on {@code shape}, with the interval of both
   * error bars; not measured if either is missing.
   */
  Ratio ratio(String shape, String a, String b) {
    if (a == null || b == null) {
      return Ratio.of(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return ratio(shape, a, this, shape, b);
  }

  /** {@code a} on {@code shape} here against {@code b} on {@code otherShape} in {@code other} results. */
  Ratio ratio(String shape, String a, TrainingResults other, String otherShape, String b) {
    return Ratio.of(samplesPerSecond(shape, a), samplesPerSecondError(shape, a),
        other.samplesPerSecond(otherShape, b), other.samplesPerSecondError(otherShape, b));
  }

  static boolean isGenerated(String contender) {
    return contender.startsWith("generated-");
  }

  static int batch(String shape) {
    int slash = shape.indexOf('/');
    return slash < 0 ? 1 : Integer.parseInt(shape.substring(slash + 1));
  }

  static int[] sizes(String shape) {
    int slash = shape.indexOf('/');
    String[] parts = (slash < 0 ? shape : shape.substring(0, slash)).split("-");
    int[] sizes = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      sizes[i] = Integer.parseInt(parts[i]);
    }
    return sizes;
  }

  static long weights(String shape) {
    int[] sizes = sizes(shape);
    long weights = 0;
    for (int l = 0; l + 1 < sizes.length; l++) {
      weights += (long) sizes[l] * sizes[l + 1];
    }
    return weights;
  }

  /** "784-128-10 relu b32": hidden layers are tanh below 100 inputs, ReLU above (as in the benchmarks). */
  static String label(String shape) {
    int slash = shape.indexOf('/');
    String layers = slash < 0 ? shape : shape.substring(0, slash);
    String activation = sizes(shape)[0] < 100 ? "tanh" : "relu";
    return layers + " " + activation + (slash < 0 ? "" : " b" + batch(shape));
  }

  /** A score in operations per {@code unit} converted to operations per second. */
  static double perSecond(double value, String unit) {
    switch (unit) {
      case "ops/s":
        return value;
      case "ops/ms":
        return value * 1e3;
      case "ops/us":
        return value * 1e6;
      case "ops/ns":
        return value * 1e9;
      case "ops/min":
        return value / 60;
      default:
        throw new IllegalArgumentException("TrainingBenchmark should report throughput, not " + unit);
    }
  }
}
