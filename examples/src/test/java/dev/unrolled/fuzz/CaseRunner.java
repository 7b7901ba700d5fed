package dev.unrolled.fuzz;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.unrolled.Model;
import dev.unrolled.Network;
import dev.unrolled.processor.UnrolledProcessor;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles one {@link RandomDeclaration} in process with the Unrolled processor and judges the
 * outcome: either it compiles and the generated model matches the reference, or it fails with
 * exactly the {@link Oracle}'s error tags and nothing else (no exception out of javac, no internal
 * error, no stack trace in a message, no error inside a generated file, nothing generated).
 */
final class CaseRunner {
  /** Largest model that is instantiated and compared with the reference. */
  static final long MAX_CHECKED_PARAMETERS = 200_000;

  private static final Pattern TAG = Pattern.compile("^\\[unrolled\\.([a-z0-9-]+)\\]");
  /** A stack frame ("at p.C.m(C.java:12)") or a thread dump header. */
  private static final Pattern STACK_TRACE =
      Pattern.compile("\\bat [\\w$.]+\\((?:[\\w$]+\\.java:\\d+|Native Method|Unknown Source)\\)|Exception in thread");

  /** Only the runtime on the class path: javac then opens one small jar per compilation. */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static final Compiler JAVAC = Compiler.javac().withClasspath(List.of(runtimeLocation()));

  enum Outcome { CHECKED, TOO_LARGE_TO_CHECK, REJECTED, BROKEN }

  /** What happened to one case; {@code problems} is empty when the case passed. */
  record Result(RandomDeclaration declaration, Oracle.Expectation expected, Outcome outcome,
      SortedMap<String, Integer> errors, SortedMap<String, Integer> warnings,
      List<String> problems, List<String> diagnostics, double worstError, long compileCpuNanos,
      long cpuNanos, long nanos) {}

  private final RandomDeclaration d;
  private final Oracle.Expectation expected;
  private final long seed;
  private final List<String> problems = new ArrayList<>();
  private final List<String> diagnostics = new ArrayList<>();
  private final SortedMap<String, Integer> errors = new TreeMap<>();
  private final SortedMap<String, Integer> warnings = new TreeMap<>();
  private double worstError = Double.NaN; // largest relative error against the reference, once checked

  private CaseRunner(RandomDeclaration d, long seed) {
    this.d = d;
    this.expected = Oracle.expect(d);
    this.seed = seed;
  }

  static Result run(long seed, int caseNumber) {
    return new CaseRunner(DeclarationGenerator.generate(seed, caseNumber), seed).run();
  }

  /** A case that could not be judged (hung, or the runner itself failed). */
  static Result unfinished(long seed, int caseNumber, String problem) {
    CaseRunner runner = new CaseRunner(DeclarationGenerator.generate(seed, caseNumber), seed);
    runner.problems.add(problem);
    return new Result(runner.d, runner.expected, Outcome.BROKEN, runner.errors, runner.warnings,
        runner.problems, runner.diagnostics, Double.NaN, 0, 0, 0);
  }

  private Result run() {
    long start = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    Outcome outcome = Outcome.BROKEN;
    Compilation compilation = null;
    RecordingProcessor processor = new RecordingProcessor(new UnrolledProcessor());
    try {
      compilation = JAVAC.withProcessors(processor).compile(d.sources());
    } catch (Throwable t) { // javac rethrows what escapes a processor
      problems.add("exception out of javac or the processor:\n" + stackTrace(t));
    }
    long compiledCpu = THREADS.getCurrentThreadCpuTime();
    if (compilation != null) {
      try {
        outcome = judge(compilation, processor.created());
      } catch (Throwable t) {
        problems.add("loading or running the generated model threw:\n" + stackTrace(t));
      }
    }
    if (!problems.isEmpty()) {
      outcome = Outcome.BROKEN;
    }
    return new Result(d, expected, outcome, errors, warnings, problems, diagnostics, worstError,
        compiledCpu - cpuStart, THREADS.getCurrentThreadCpuTime() - cpuStart, System.nanoTime() - start);
  }

  private Outcome judge(Compilation compilation, List<String> generated) throws ReflectiveOperationException {
    Set<String> inputs = new HashSet<>();
    d.sources().forEach(f -> inputs.add(f.toUri().toString()));
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      read(diagnostic, inputs);
    }
    if (!expected.accepts(errors.keySet())) {
      problems.add("expected errors " + expected.errors().keySet()
          + (expected.allowed().isEmpty() ? "" : " (and perhaps " + expected.allowed() + ")")
          + ", reported " + errors.keySet());
    } else if (!errors.getOrDefault("units-not-positive", 0)
        .equals(expected.errors().getOrDefault("units-not-positive", 0))) {
      problems.add("expected " + expected.errors().get("units-not-positive")
          + " units-not-positive errors (one per layer), reported " + errors.get("units-not-positive"));
    }
    if (compilation.status() != Compilation.Status.SUCCESS) {
      boolean processorRejected = errors.keySet().stream().anyMatch(tag -> !tag.equals("(untagged)"));
      if (processorRejected && !generated.isEmpty()) {
        problems.add("the processor reported errors but still generated " + generated);
      }
      return Outcome.REJECTED;
    }
    if (!expected.mayCompile()) {
      return Outcome.BROKEN; // the mismatch is already recorded
    }
    return checkGenerated(compilation);
  }

  /** Sorts one diagnostic into the error/warning tallies and records what is wrong with it. */
  private void read(Diagnostic<? extends JavaFileObject> diagnostic, Set<String> inputs) {
    String message = diagnostic.getMessage(Locale.ROOT);
    String where = diagnostic.getSource() == null ? "(no source)"
        : diagnostic.getSource().toUri() + ":" + diagnostic.getLineNumber();
    diagnostics.add(diagnostic.getKind() + " " + where + ": " + message);
    Matcher tag = TAG.matcher(message);
    String name = tag.find() ? tag.group(1) : null;
    if (STACK_TRACE.matcher(message).find()) {
      problems.add("stack trace text in a diagnostic: " + message);
    }
    if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
      boolean inGenerated = diagnostic.getSource() != null
          && !inputs.contains(diagnostic.getSource().toUri().toString());
      if (inGenerated) {
        problems.add("compile error inside a generated file: " + where + ": " + message);
      } else if (name == null) {
        problems.add("untagged javac error in the declaration (a fuzz generator bug?): " + where + ": " + message);
      } else if (name.equals("internal-error")) {
        problems.add("internal error: " + message);
      }
      errors.merge(name == null ? "(untagged)" : name, 1, Integer::sum);
    } else if (diagnostic.getKind() == Diagnostic.Kind.WARNING
        || diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
      warnings.merge(name == null ? "(javac)" : name, 1, Integer::sum);
    }
  }

  private Outcome checkGenerated(Compilation compilation) throws ReflectiveOperationException {
    InMemoryClassLoader loader = new InMemoryClassLoader(compilation, CaseRunner.class.getClassLoader());
    String modelName = d.generatedBinaryName("Model");
    String trainerName = d.generatedBinaryName("Trainer");
    for (String name : List.of(modelName, trainerName)) {
      if (!loader.has(name)) {
        problems.add("no class " + name + " in the output (naming rule)");
      }
    }
    if (!problems.isEmpty()) {
      return Outcome.BROKEN;
    }
    if (expected.parameterCount() > MAX_CHECKED_PARAMETERS) {
      loader.loadClass(modelName); // links against the runtime, but allocates nothing
      return Outcome.TOO_LARGE_TO_CHECK;
    }
    Model model = (Model) loader.loadClass(modelName).getConstructor(long.class).newInstance(seed);
    GradientCheck.Verdict verdict = GradientCheck.run(d, model, seed ^ d.caseNumber);
    verdict.mismatches().forEach(m -> problems.add("generated model vs reference: " + m));
    worstError = verdict.worstRelativeError();
    return Outcome.CHECKED;
  }

  private static String stackTrace(Throwable t) {
    StringWriter s = new StringWriter();
    t.printStackTrace(new PrintWriter(s));
    return s.toString();
  }

  private static File runtimeLocation() {
    try {
      return new File(Network.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
