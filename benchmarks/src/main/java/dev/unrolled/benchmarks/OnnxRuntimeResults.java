package dev.unrolled.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link OnnxRuntimeBenchmark} results by shape and contender: the single-row latency
 * ({@code predictOne}, ns per row) and the batch-64 rate ({@code predictBatch64}, rows per second),
 * each with JMH's error, and how many times the faster generated model's speed is ONNX Runtime's on
 * each. Both ratios read the same way, above 1 when the generated model is faster: ONNX Runtime's ns
 * per row over the faster generated model's, its rows/s over ONNX Runtime's; their intervals are
 * those of {@link Ratio}. The two generated contenders are the plain backend and the Vector API
 * backend, which is faster on batches and slower on single rows.
 */
final class OnnxRuntimeResults {
  static final String GENERATED = "generated-float";
  static final String GENERATED_VECTOR = "generated-vector";
  static final String ONNX_RUNTIME = "onnxruntime";
  static final List<String> GENERATED_CONTENDERS = List.of(GENERATED, GENERATED_VECTOR);
  static final List<String> CONTENDERS = List.of(GENERATED, GENERATED_VECTOR, ONNX_RUNTIME);
  static final String ONE = "predictOne";
  static final String BATCH = "predictBatch64";

  /** shape → "contender method" → result, in the order JMH wrote them. */
  private final Map<String, Map<String, JmhResult>> byShape = new LinkedHashMap<>();

  OnnxRuntimeResults(List<JmhResult> results) {
    for (JmhResult r : results) {
      if (r.param("shape") != null && r.param("contender") != null) {
        byShape.computeIfAbsent(r.param("shape"), s -> new LinkedHashMap<>())
            .put(r.param("contender") + " " + r.method(), r);
      }
    }
  }

  boolean isEmpty() {
    return byShape.isEmpty();
  }

  List<String> shapes() {
    return List.copyOf(byShape.keySet());
  }

  /** The result of one method for one contender, or null if it was not measured. */
  JmhResult result(String shape, String contender, String method) {
    Map<String, JmhResult> byContender = byShape.get(shape);
    return byContender == null ? null : byContender.get(contender + " " + method);
  }

  /** Nanoseconds per row of {@code predictOne}, NaN if not measured. */
  double nanosPerRow(String shape, String contender) {
    JmhResult r = result(shape, contender, ONE);
    return r == null ? Double.NaN : ReportWriter.micros(r) * 1e3;
  }

  double nanosPerRowError(String shape, String contender) {
    return nanosPerRow(shape, contender) * relativeError(result(shape, contender, ONE));
  }

  /** Rows per second of {@code predictBatch64} (JMH counts each row as an operation), NaN if not measured. */
  double rowsPerSecond(String shape, String contender) {
    JmhResult r = result(shape, contender, BATCH);
    return r == null ? Double.NaN : 1e6 / ReportWriter.micros(r);
  }

  double rowsPerSecondError(String shape, String contender) {
    return rowsPerSecond(shape, contender) * relativeError(result(shape, contender, BATCH));
  }

  /** The generated contender with the lowest single-row latency, or plain when neither was measured. */
  String fastestOne(String shape) {
    String best = GENERATED;
    for (String c : GENERATED_CONTENDERS) {
      if (!(nanosPerRow(shape, best) <= nanosPerRow(shape, c))) { // NaN (not measured) loses
        best = Double.isNaN(nanosPerRow(shape, c)) ? best : c;
      }
    }
    return best;
  }

  /** The generated contender with the most rows/s at batch 64, or plain when neither was measured. */
  String fastestBatch(String shape) {
    String best = GENERATED;
    for (String c : GENERATED_CONTENDERS) {
      if (!(rowsPerSecond(shape, best) >= rowsPerSecond(shape, c))) {
        best = Double.isNaN(rowsPerSecond(shape, c)) ? best : c;
      }
    }
    return best;
  }

  /** ONNX Runtime's single-row latency over the faster generated model's: how many times faster it answers. */
  Ratio latencyRatio(String shape) {
    String g = fastestOne(shape);
    return Ratio.of(nanosPerRow(shape, ONNX_RUNTIME), nanosPerRowError(shape, ONNX_RUNTIME),
        nanosPerRow(shape, g), nanosPerRowError(shape, g));
  }

  /** The faster generated model's rows/s at batch 64 over ONNX Runtime's. */
  Ratio throughputRatio(String shape) {
    String g = fastestBatch(shape);
    return Ratio.of(rowsPerSecond(shape, g), rowsPerSecondError(shape, g),
        rowsPerSecond(shape, ONNX_RUNTIME), rowsPerSecondError(shape, ONNX_RUNTIME));
  }

  /** Exact for JMH's linear unit changes; for a mode changed with {@code -bm}, to first order. */
  private static double relativeError(JmhResult r) {
    return r == null ? Double.NaN : Math.abs(r.error / r.score);
  }
}
