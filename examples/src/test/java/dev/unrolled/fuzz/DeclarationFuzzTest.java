package dev.unrolled.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Compiles hundreds of seeded random {@code @Network} declarations, each in its own in-process javac
 * run with the Unrolled processor, and checks that every one either compiles into a model that
 * agrees with {@code ReferenceMlp}, or is rejected with exactly the errors the {@link Oracle}
 * predicts and nothing else: no exception, no internal error, no stack trace, no error inside
 * generated code, nothing generated.
 *
 * <p>Reproduce a failing case alone with {@code -Dfuzz.case=N} (and {@code -Dfuzz.seed=S} if the
 * seed was changed); {@code -Dfuzz.cases=N} runs more or fewer cases.
 */
class DeclarationFuzzTest {
  private static final long SEED = 0x5EED_2024L;
  private static final int CASES = 600;
  /** A case that takes this long is reported as hung, and the run moves on. */
  private static final long CASE_TIMEOUT_SECONDS = 120;

  @Test
  void randomDeclarationsCompileToCorrectModelsOrFailWithTheirOwnErrors(TestReporter reporter)
      throws InterruptedException {
    long seed = Long.getLong("fuzz.seed", SEED);
    String single = System.getProperty("fuzz.case");
    List<Integer> cases = single != null ? List.of(Integer.parseInt(single))
        : IntStream.range(0, Integer.getInteger("fuzz.cases", CASES)).boxed().toList();

    long start = System.nanoTime();
    long cpuStart = processCpuTime();
    List<CaseRunner.Result> results = runAll(seed, cases);
    FuzzSummary summary = new FuzzSummary(seed, results, System.nanoTime() - start,
        processCpuTime() - cpuStart);

    writeReport(summary);
    reporter.publishEntry("fuzz", summary.line());
    if (single == null) {
      // runAll returns one result per case, so their number proves nothing; what the 600 cases reach
      // does. Half are benign (mostly compiled and gradient-checked), half hostile (mostly rejected).
      long checked = results.stream().filter(r -> r.outcome() == CaseRunner.Outcome.CHECKED).count();
      long rejected = results.stream().filter(r -> r.outcome() == CaseRunner.Outcome.REJECTED).count();
      assertTrue(checked >= 250 || System.getProperty("fuzz.cases") != null,
          "only " + checked + " of " + results.size() + " declarations were compiled and gradient-checked");
      assertTrue(rejected >= 250 || System.getProperty("fuzz.cases") != null,
          "only " + rejected + " of " + results.size() + " declarations were rejected");
      long rbfChecked = results.stream().filter(r -> r.declaration().rbfUnits != null
          && r.outcome() == CaseRunner.Outcome.CHECKED).count();
      reporter.publishEntry("fuzz RBF declarations gradient-checked", Long.toString(rbfChecked));
      assertTrue(rbfChecked >= 20 || System.getProperty("fuzz.cases") != null,
          "only " + rbfChecked + " declarations with an RBF layer were gradient-checked");
      long normChecked = results.stream().filter(r -> r.outcome() == CaseRunner.Outcome.CHECKED
          && r.declaration().layers.stream().anyMatch(l -> l.norm() != null && l.norm() != dev.unrolled.Norm.NONE
              || l.dropout() != null && l.dropout() > 0)).count();
      long dropoutRejected = results.stream().filter(r -> r.errors().containsKey("dropout-out-of-range")
          || r.errors().containsKey("dropout-on-output-layer")).count();
      reporter.publishEntry("fuzz normalised or dropout declarations gradient-checked", Long.toString(normChecked));
      assertTrue(normChecked >= 40 || System.getProperty("fuzz.cases") != null,
          "only " + normChecked + " declarations with normalised or dropout layers were gradient-checked");
      assertTrue(dropoutRejected >= 10 || System.getProperty("fuzz.cases") != null,
          "only " + dropoutRejected + " declarations were rejected for their dropout");
    }
    assertTrue(summary.failures().isEmpty(), summary::failureReport);
  }

  private static long processCpuTime() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }

  /** The failure report as a file too (target/declaration-fuzz-report.txt), for reading and searching. */
  private static void writeReport(FuzzSummary summary) {
    Path report = Path.of(System.getProperty("fuzz.report", "target/declaration-fuzz-report.txt"));
    try {
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, summary.failureReport());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + report, e);
    }
  }

  /** Compiles on every core: each case is independent and javac runs are thread-confined. */
  private static List<CaseRunner.Result> runAll(long seed, List<Integer> cases) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
      Thread thread = new Thread(task, "fuzz");
      thread.setDaemon(true); // a hung compilation must not keep the JVM alive
      return thread;
    });
    try {
      List<Future<CaseRunner.Result>> futures = new ArrayList<>();
      for (int n : cases) {
        futures.add(pool.submit(() -> CaseRunner.run(seed, n)));
      }
      List<CaseRunner.Result> results = new ArrayList<>();
      for (int k = 0; k < futures.size(); k++) {
        results.add(await(futures.get(k), seed, cases.get(k)));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static CaseRunner.Result await(Future<CaseRunner.Result> future, long seed, int caseNumber)
      throws InterruptedException {
    try {
      return future.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return CaseRunner.unfinished(seed, caseNumber, "did not finish within " + CASE_TIMEOUT_SECONDS + " s");
    } catch (java.util.concurrent.ExecutionException e) {
      return CaseRunner.unfinished(seed, caseNumber, "the case runner threw: " + e.getCause());
    }
  }
}
