package dev.unrolled.fuzz;

import dev.unrolled.Precision;
import dev.unrolled.fuzz.CaseRunner.Outcome;
import dev.unrolled.fuzz.CaseRunner.Result;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Tallies a fuzz run into one summary line, and into one failure report naming every broken case. */
final class FuzzSummary {
  private final long seed;
  private final List<Result> results;
  private final long nanos;
  private final long processCpuNanos;

  /** {@code processCpuNanos}: the whole JVM's CPU time over the run (JIT and GC included), or -1. */
  FuzzSummary(long seed, List<Result> results, long nanos, long processCpuNanos) {
    this.seed = seed;
    this.results = results;
    this.nanos = nanos;
    this.processCpuNanos = processCpuNanos;
  }

  List<Result> failures() {
    return results.stream().filter(r -> !r.problems().isEmpty()).toList();
  }

  /** Cases, outcomes, errors per tag (cases reporting it), warnings per tag, wall time. */
  String line() {
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    SortedMap<String, Integer> errorCases = new TreeMap<>();
    SortedMap<String, Integer> warnings = new TreeMap<>();
    for (Result r : results) {
      outcomes.merge(r.outcome(), 1, Integer::sum);
      r.errors().keySet().forEach(tag -> errorCases.merge(tag, 1, Integer::sum));
      r.warnings().forEach((tag, n) -> warnings.merge(tag, n, Integer::sum));
    }
    Result slowest = results.stream().max(Comparator.comparingLong(Result::nanos)).orElse(null);
    return String.format(Locale.ROOT,
        "declaration fuzz (seed %#x): %d cases; %d succeeded and gradient-checked, %d succeeded too large "
            + "to check (worst relative error %s); %d rejected; errors (cases) %s; warnings %s; %d broken; "
            + "%.1f s wall, %.1f s JVM CPU (%.1f s in cases, %.1f s of it compiling; slowest case %s, %.2f s)",
        seed, results.size(), count(outcomes, Outcome.CHECKED), count(outcomes, Outcome.TOO_LARGE_TO_CHECK),
        worstErrors(), count(outcomes, Outcome.REJECTED), errorCases, warnings, failures().size(), nanos / 1e9,
        processCpuNanos / 1e9,
        results.stream().mapToLong(Result::cpuNanos).sum() / 1e9,
        results.stream().mapToLong(Result::compileCpuNanos).sum() / 1e9,
        slowest == null ? "-" : slowest.declaration().caseNumber, slowest == null ? 0 : slowest.nanos() / 1e9);
  }

  /** The largest relative error against the reference, per precision, e.g. {@code {DOUBLE=3e-16, FLOAT=2e-7}}. */
  private String worstErrors() {
    Map<Precision, Double> worst = new EnumMap<>(Precision.class);
    for (Result r : results) {
      if (!Double.isNaN(r.worstError())) {
        worst.merge(r.declaration().effectivePrecision(), r.worstError(), Math::max);
      }
    }
    StringBuilder s = new StringBuilder();
    worst.forEach((precision, error) -> s.append(s.length() == 0 ? "" : ", ")
        .append(precision).append(' ').append(String.format(Locale.ROOT, "%.1e", error)));
    return s.toString();
  }

  private static int count(Map<Outcome, Integer> outcomes, Outcome outcome) {
    return outcomes.getOrDefault(outcome, 0);
  }

  /** Every failing case in full (case number, expected and reported errors, diagnostics, source). */
  String failureReport() {
    List<Result> failures = failures();
    StringBuilder s = new StringBuilder(line()).append('\n')
        .append(failures.size()).append(" cases failed; rerun one alone with -Dfuzz.seed=")
        .append(seed).append(" -Dfuzz.case=N\n");
    failures.forEach(r -> detail(s, r));
    return s.toString();
  }

  private static void detail(StringBuilder s, Result r) {
    s.append("\n=== ").append(r.declaration().describe()).append('\n')
        .append("  expected errors ").append(r.expected().errors())
        .append(r.expected().allowed().isEmpty() ? "" : " perhaps " + r.expected().allowed())
        .append(", reported ").append(r.errors()).append('\n');
    r.problems().forEach(p -> s.append("  - ").append(p.replace("\n", "\n    ")).append('\n'));
    s.append("  diagnostics:\n");
    r.diagnostics().forEach(d -> s.append("    ").append(d.replace("\n", "\n      ")).append('\n'));
    s.append("  source:\n");
    r.declaration().sourceText().lines().forEach(line -> s.append("    ").append(line).append('\n'));
  }
}
