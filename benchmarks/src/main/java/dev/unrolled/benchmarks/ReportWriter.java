package dev.unrolled.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes BENCHMARKS.md from one run's results folder ({@link RunData}): machine and conditions,
 * the FP32 peak, training throughput per shape with ratios and their intervals (JDK 17 and 25),
 * the cost of batch normalisation and dropout, the speed-up of two threads, inference latency, inference beside ONNX Runtime,
 * start-up, dependency size and the targets judged from the data. The same results give the same bytes (no clock, no host name, no
 * locale), so the file changes only when the figures do. Given a README, it also rewrites the
 * README's performance table ({@link ReadmeTable}) from the same results.
 *
 * <pre>java ReportWriter target/benchmark-results BENCHMARKS.md [README.md]</pre>
 */
public final class ReportWriter {
  private final RunData data;
  private final TrainingResults training;
  /** The generated contenders' training in forks on JDK 25; empty when not run. */
  private final TrainingResults trainingJdk25;
  /** {@link TrainingPaired}'s ratios by shape; empty when not run. */
  private final TrainingPairedResults trainingPaired;
  private final RegularisationResults regularisation;
  /** {@link RegularisationPaired}'s costs; empty when not run. */
  private final PairedCosts paired;
  private final OnnxRuntimeResults onnxRuntime;
  private final Markdown md = new Markdown();
  /** Best measured FP32 rate (GFLOP/s), the yardstick for "% of peak"; NaN if not measured. */
  private final double peakFp32;

  private ReportWriter(RunData data) {
    this.data = data;
    this.training = new TrainingResults(data.training);
    this.trainingJdk25 = new TrainingResults(data.trainingJdk25);
    this.trainingPaired = data.trainingPaired;
    this.regularisation = new RegularisationResults(data.regularisation);
    this.paired = data.regularisationPaired;
    this.onnxRuntime = new OnnxRuntimeResults(data.onnxruntime);
    this.peakFp32 = peak("float");
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2 && args.length != 3) {
      System.err.println("usage: ReportWriter <results folder> <BENCHMARKS.md> [README.md]");
      System.exit(2);
    }
    RunData data = RunData.read(Paths.get(args[0]));
    Files.write(Paths.get(args[1]), render(data).getBytes(StandardCharsets.UTF_8));
    if (args.length == 3) {
      Path readme = Paths.get(args[2]);
      String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
      Files.write(readme, ReadmeTable.replace(text, readmeTable(data)).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The README's performance table for these results ({@link ReadmeTable}). */
  static String readmeTable(RunData data) {
    ReportWriter w = new ReportWriter(data);
    return ReadmeTable.render(w.training, w.peakFp32, data);
  }

  static String render(RunData data) {
    ReportWriter w = new ReportWriter(data);
    w.header();
    w.machine();
    w.peakSection();
    w.trainingSection();
    w.regularisationSection();
    CrossoverSection.write(w.md, data.crossover);
    SweepSection.write(w.md, data.sweep);
    w.twoThreadsSection();
    w.inferenceSection();
    w.onnxRuntimeSection();
    w.startupSection();
    w.dependencySection();
    w.targetSection();
    return w.md.toString();
  }

  private void header() {
    md.line("# Benchmarks").blank()
        .line("<!-- Written by benchmarks/regenerate.sh (ReportWriter) from the results of one run;"
            + " edit ReportWriter, not this file. -->").blank();
    if (data.machine("mode", "").equals("quick")) {
      md.line("> **Quick run** (`--quick`, for checking the pipeline): the run lengths are far too short"
          + " for the figures below to mean anything. Regenerate without `--quick` before quoting them.").blank();
    }
    md.line("Issue 5 asks for the generated code against Encog, Smile, Deeplearning4j and DJL/PyTorch in the")
        .line("same JMH run, as % of this machine's measured peak, with inference latency, allocation, start-up")
        .line("and dependency size. Every figure and ratio below comes from the same run; targets are judged")
        .line("from those figures by the generator, never typed in. Issue 14 asks for honest numbers: FLOPs")
        .line("counted as performed, \"% of peak\" against a peak measured in the same run, every ratio with")
        .line("its interval, a target met only on the conservative ratio, and JDK 25 beside JDK 17.").blank()
        .line("## How to reproduce").blank()
        .line("```sh")
        .line("benchmarks/regenerate.sh           # builds (-Pbenchmarks, no install), runs everything, writes this file")
        .line("benchmarks/regenerate.sh --quick   # seconds per benchmark, to check the pipeline;"
            + " writes benchmarks/target/BENCHMARKS-quick.md")
        .line("benchmarks/regenerate.sh --only regularisation   # after a full run: measures the cost of"
            + " normalisation and dropout again, rewrites this file from it and that run's other results")
        .line("benchmarks/regenerate.sh --only onnxruntime      # the same for inference beside ONNX Runtime")
        .line("benchmarks/regenerate.sh --only training-paired  # the same for the paired training rounds")
        .line("benchmarks/regenerate.sh --only crossover        # the same for batch lanes against rows")
        .line("benchmarks/regenerate.sh --only parallel         # the same for the speed-up of two threads")
        .line("benchmarks/regenerate.sh --only sweep            # the same for the width sweep against DJL")
        .line("JDK25=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/regenerate.sh   # when JDK 25 is elsewhere")
        .line("```").blank()
        .line("`--help` lists the options; run lengths can be changed with `TRAINING_JMH_ARGS`,")
        .line("`TRAINING_PAIRED_ARGS`, `REGULARISATION_JMH_ARGS`, `REGULARISATION_PAIRED_ARGS`, `INFERENCE_JMH_ARGS`,")
        .line("`ONNXRUNTIME_JMH_ARGS`, `PEAK_JMH_ARGS`, `STARTUP_RUNS` and `ALLOCATION_SECONDS`. The raw results")
        .line("(JMH JSON, TSV, properties) stay in `benchmarks/target/benchmark-results/`; `--report-only` rewrites")
        .line("this file from them. A full run also rewrites the performance table of `README.md` (between its")
        .line("`performance:begin` and `performance:end` comments) from the same results.")
        .blank();
  }

  private void machine() {
    JmhResult any = first(data.training, data.inference, data.peak, data.regularisation, data.onnxruntime);
    String jdk = any == null ? data.machine("java", "JDK unknown") : any.vmName + " " + any.vmVersion;
    String jmh = any == null ? "?" : any.jmhVersion;
    md.line("## Machine and conditions").blank()
        .line("Machine: " + data.machine("cpu", "CPU unknown") + ", " + data.machine("cores", "?") + " cores"
            + (data.machine("hypervisor", "").isEmpty() ? "" : " (" + data.machine("hypervisor", "") + " guest)") + ", " + data.machine("kernel", "kernel unknown") + "; "
            + jdk + "; JMH " + jmh + "; run on " + data.machine("date", "an unknown date") + ".")
        .line("Vector units: " + vectorWidth() + ".")
        .line("Load average (1 min) when the run started: " + data.machine("load_start", "?")
            + ", when it ended: " + data.machine("load_end", "?")
            + ". Other work shared the cores whenever it exceeds 1, and the error bars widen;"
            + " a JMH run that started above " + data.machine("load_limit", "1.5") + " is repeated"
            + " (at most " + data.machine("load_repeats", "2") + " times, after waiting for the load to"
            + " fall); the table gives the load at the start and end of the run kept.").blank();
    List<List<String>> rows = new ArrayList<>();
    conditions(rows, "training throughput", "training", data.training, "`-prof gc`");
    conditions(rows, "training, generated on JDK 25", "training-jdk25", data.trainingJdk25, "`-prof gc`");
    trainingPairedConditions(rows);
    conditions(rows, "cost of normalisation and dropout", "regularisation", data.regularisation, "`-prof gc`");
    pairedConditions(rows);
    parallelConditions(rows);
    conditions(rows, "inference latency", "inference", data.inference, "`-prof gc`");
    conditions(rows, "inference beside ONNX Runtime", "onnxruntime", data.onnxruntime, "`-prof gc`");
    conditions(rows, "FP32/FP64 peak", "peak", data.peak, "");
    rows.add(List.of("allocation check", "one JVM per contender, "
        + data.machine("allocation_seconds", "?") + " s warm-up, then 3 windows over the same time per shape",
        "`-Xmx2g`", "", ""));
    rows.add(List.of("start-up", data.machine("startup_runs", "?") + " launches per contender after "
        + data.machine("startup_warm", "?") + " discarded rounds, round-robin", "default JVM options",
        data.machine("load.startup.start", "?") + " → " + data.machine("load.startup.end", "?"),
        data.machine("load.startup.attempts", "?")));
    md.table("lllll", List.of("measurement", "run length", "JVM / options / profilers", "load start → end",
        "runs"), rows);
    md.line("All measurements are single-threaded except \"Two threads\". Error bars are JMH's 99.9% confidence"
        + " intervals (none when there were too few iterations).").blank();
  }

  /** One JMH run's row: run length, JVM and options, the load around it and how often it ran. */
  private void conditions(List<List<String>> rows, String what, String run, List<JmhResult> results,
      String profiler) {
    if (results.isEmpty()) {
      rows.add(List.of(what, Markdown.NOT_MEASURED, "", "", ""));
      return;
    }
    Set<String> lengths = new LinkedHashSet<>();
    Set<String> options = new LinkedHashSet<>();
    for (JmhResult r : results) {
      lengths.add(r.runLength);
      options.add("JDK " + r.jdkVersion + ", " + (r.jvmArgs.isEmpty() ? "none" : "`" + String.join(" ", r.jvmArgs) + "`"));
    }
    String opts = String.join("; ", options) + (profiler.isEmpty() ? "" : ", " + profiler);
    String load = data.machine("load." + run + ".start", "?") + " → " + data.machine("load." + run + ".end", "?");
    rows.add(List.of(what, String.join("; ", lengths), opts, load, data.machine("load." + run + ".attempts", "?")));
  }

  private String pairedOptions() {
    String options = paired.condition("jvm_args", "");
    return options.isEmpty() ? "no JVM options" : "`" + options + "`";
  }

  /** {@link RegularisationPaired}'s row: one JVM, its rounds, the load the script recorded around it. */
  private void pairedConditions(List<List<String>> rows) {
    String what = "cost of normalisation and dropout, paired";
    if (paired.isEmpty()) {
      rows.add(List.of(what, Markdown.NOT_MEASURED, "", "", ""));
      return;
    }
    String run = "regularisation-paired";
    rows.add(List.of(what, "1 JVM, " + paired.condition("warmup_seconds", "?") + " s warm-up, "
            + paired.condition("rounds", "?") + " rounds × " + paired.condition("steps_per_block", "?")
            + " steps per variant",
        "JDK " + paired.condition("java_version", "?") + ", " + pairedOptions(),
        data.machine("load." + run + ".start", "?") + " → " + data.machine("load." + run + ".end", "?"),
        data.machine("load." + run + ".attempts", "?")));
  }

  /** {@link ParallelPaired}'s row: one JVM for every shape and backend, the load the script recorded around it. */
  private void parallelConditions(List<List<String>> rows) {
    String what = "two threads, paired";
    ParallelResults.Case any = anyParallelCase();
    if (any == null) {
      rows.add(List.of(what, Markdown.NOT_MEASURED, "", "", ""));
      return;
    }
    PairedCosts p = any.costs;
    String options = p.condition("jvm_args", "");
    rows.add(List.of(what, "1 JVM, per shape × backend ≤ " + p.condition("warmup_seconds", "?") + " s warm-up, "
            + p.condition("rounds", "?") + " rounds × blocks of ~" + p.condition("block_ms", "?") + " ms per contender",
        "JDK " + p.condition("java_version", "?") + ", " + (options.isEmpty() ? "no JVM options" : "`" + options + "`"),
        data.machine("load.parallel.start", "?") + " → " + data.machine("load.parallel.end", "?"),
        data.machine("load.parallel.attempts", "?")));
  }

  private ParallelResults.Case anyParallelCase() {
    for (String shape : ParallelPaired.SHAPES) {
      for (String backend : ParallelPaired.BACKENDS) {
        if (data.parallel.of(shape, backend) != null) {
          return data.parallel.of(shape, backend);
        }
      }
    }
    return null;
  }

  /** {@link TrainingPaired}'s rows, one JVM per shape, with the load the script recorded around each. */
  private void trainingPairedConditions(List<List<String>> rows) {
    if (trainingPaired.isEmpty()) {
      rows.add(List.of("training, paired", Markdown.NOT_MEASURED, "", "", ""));
      return;
    }
    for (String shape : trainingPaired.shapes()) {
      PairedCosts p = trainingPaired.of(shape);
      String run = TrainingPairedResults.run(shape);
      String options = p.condition("jvm_args", "");
      rows.add(List.of("training, paired, " + TrainingResults.label(shape), "1 JVM, "
              + p.condition("warmup_seconds", "?") + " s warm-up, " + p.condition("selection_rounds", "?") + " + "
              + p.condition("rounds", "?") + " rounds × blocks of ~" + p.condition("block_ms", "?") + " ms per contender",
          "JDK " + p.condition("java_version", "?") + ", " + (options.isEmpty() ? "no JVM options" : "`" + options + "`"),
          data.machine("load." + run + ".start", "?") + " → " + data.machine("load." + run + ".end", "?"),
          data.machine("load." + run + ".attempts", "?")));
    }
  }

  /** "`SPECIES_PREFERRED` is 256-bit; CPU flags: avx2 fma, no avx512f", as the script probed them. */
  private String vectorWidth() {
    String bits = data.machine("vector_bits", "");
    String flags = data.machine("cpu_flags", "");
    if (bits.isEmpty()) {
      return "not probed";
    }
    return "`FloatVector.SPECIES_PREFERRED` is " + bits + "-bit"
        + (flags.isEmpty() ? "" : "; CPU flags: " + flags);
  }

  private void peakSection() {
    md.line("## The peak").blank()
        .line("`PeakFlopsBenchmark`: 12 independent fused multiply-add chains (`acc = acc·a + b`) on Vector API")
        .line("registers (`jdk.incubator.vector`), FLOP/s = FMAs × lanes × 2. Twelve chains exceed the FMA latency")
        .line("× the FMA ports, so the loop is bound by FMA throughput alone. It runs at the widest vector the")
        .line("machine has, `FloatVector.SPECIES_PREFERRED` (512-bit with AVX-512, 256-bit with AVX2), and at the")
        .line("narrower widths; a width wider than the machine's is not run (the Vector API would emulate it).")
        .line("The scalar `Math.fma` row shows the same chains one lane wide. The peak used for \"% of peak\" is")
        .line("the best measured iteration of the FP32 row at the preferred width, measured in the same run:")
        .line("the machine's capacity, which a shared machine reaches only in its quietest second.").blank();
    List<List<String>> rows = new ArrayList<>();
    for (String[] method : new String[][] {{"float512", "FP32", "16 (512-bit)"}, {"float256", "FP32", "8 (256-bit)"},
        {"floatScalar", "FP32", "1 (scalar `Math.fma`)"}, {"double512", "FP64", "8 (512-bit)"},
        {"double256", "FP64", "4 (256-bit)"}}) {
      JmhResult r = peakResult(method[0]);
      rows.add(r == null
          ? List.of(method[1], method[2], widerThanMachine(method[0]) ? "not run: wider than the machine's vectors"
              : Markdown.NOT_MEASURED, "—")
          : List.of(method[1], method[2], gigaWithError(r.score, r.error), Markdown.fixed(r.bestIteration() / 1e9, 1)));
    }
    md.table("llrr", List.of("precision", "lanes", "GFLOP/s (mean)", "GFLOP/s (best iteration)"), rows);
    String width = data.machine("vector_bits", "").isEmpty() ? "" : " at " + data.machine("vector_bits", "") + "-bit";
    md.line("**Single-core peak" + width + " on " + data.machine("cpu", "an unknown CPU") + ": FP32 "
        + (Double.isNaN(peakFp32) ? Markdown.NOT_MEASURED
        : Markdown.fixed(peakFp32, 1) + " GFLOP/s") + ", FP64 " + (Double.isNaN(peak("double"))
        ? Markdown.NOT_MEASURED : Markdown.fixed(peak("double"), 1) + " GFLOP/s") + ".** Every \"% of peak\" below"
        + " is against the FP32 figure, whatever the contender's precision.").blank();
  }

  private void trainingSection() {
    md.line("## Training throughput").blank()
        .line("`TrainingBenchmark` takes one plain-SGD training step (learning rate 0.01) per operation,")
        .line("single-threaded, cycling through batches of teacher-labelled synthetic data (uniform inputs in")
        .line("[0, 1), labels from a random linear teacher, so every contender can learn). Samples/s = operations/s")
        .line("× batch size. A contender whose loss is not finite fails the benchmark (Encog and Smile do not")
        .line("report a loss: theirs is the last sample's cross-entropy, read from the outputs of the step).").blank()
        .line("GFLOP/s counts the floating-point operations performed per sample, a multiply-add as 2: forward")
        .line("`2·W`, weight gradients `2·W`, input deltas `2·(W − W₁)` — no contender computes the input deltas")
        .line("of the first layer, which nothing uses — so `4·W + 2·(W − W₁)`, with W all weights and W₁ the first")
        .line("layer's. Biases, activations and the loss (negligible for the 784-input shapes, not for 4-16-3)")
        .line("and the SGD update (`2·W` per step) are not counted.").blank();
    List<List<String>> flops = new ArrayList<>();
    for (String shape : training.shapes()) {
      int[] sizes = TrainingResults.sizes(shape);
      flops.add(List.of(TrainingResults.label(shape), Markdown.count(TrainingResults.weights(shape)),
          Markdown.count((double) sizes[0] * sizes[1]), Markdown.count(TrainingResults.flopsPerSample(shape))));
    }
    md.table("lrrr", List.of("shape", "W", "W₁", "FLOPs per sample"), flops);
    md.line("Ratios are given with the interval both error bars allow, from `(a − error) / (b + error)` to")
        .line("`(a + error) / (b − error)`; \"no interval\" when JMH gave no error bar.").blank()
        .line("Contenders: `generated-float` and `generated-double` are the trainers javac generates for the")
        .line("declarations in `benchmarks/src/main/java/dev/unrolled/benchmarks/Shapes.java` (float fast path")
        .line("`trainBatch(float[][], int[])`, double `trainBatch(double[][], int[])`); `generated-vector` is the")
        .line("Vector API backend; `hand-written` is `HandWrittenMlp`, a generic float MLP with loops over runtime")
        .line("sizes, what a developer writes by hand; `encog` and `smile` are in `Peers.java`, `dl4j` and `djl` in")
        .line("`Dl4jPeer.java` and `DjlPeer.java`.").blank()
        .line("B/step (`-prof gc`) is JMH's `gc.alloc.rate.norm`: it counts every thread of the fork, JMH's own")
        .line("included (a few kB per iteration), spread over the iteration's steps, so slow steps show bytes they")
        .line("never allocated. B/step (exact) is `AllocationCheck`: this thread's allocation counter around the")
        .line("steps alone, the quietest of three windows. Neither sees native (off-heap) memory.").blank();
    trainingPairedIntroduction();
    List<String> generated = training.measuredGenerated();
    for (String shape : training.shapes()) {
      String best = training.bestGenerated(shape);
      md.line("### " + TrainingResults.label(shape)
          + (best == null ? "" : " — best generated: " + best)).blank();
      List<String> header = new ArrayList<>(List.of("contender", "samples/s" + jdk(data.training, ""),
          "samples/s" + jdk(data.trainingJdk25, " (JDK 25: not run)"), "JDK 25 ÷ JDK 17", "GFLOP/s", "% of peak",
          "B/step (`-prof gc`)", "B/step (exact)", "best generated is"));
      for (String g : generated) {
        header.add(g + " is");
      }
      List<List<String>> rows = new ArrayList<>();
      for (String c : training.contenders()) {
        rows.add(trainingRow(shape, c, best, generated));
      }
      md.table("lrrrrrrrr" + "r".repeat(generated.size()), header, rows);
      trainingPairedTable(shape);
    }
    md.line("Peers: Encog 3.4 (`BasicNetwork`, softmax output, `StochasticGradientDescent` with the momentum")
        .line("rule at momentum 0 — its default rule is Adam — processing each pair of a batch, then one update;")
        .line("Xavier initial weights and the learning rate divided by the batch size, since Encog sums a batch's")
        .line("gradients where the others average them: with its defaults the 784-input networks saturate and")
        .line("784-256-128-10 diverges to an infinite loss within four steps);")
        .line("Smile 3.1.1 (`smile.classification.MLP` with a softmax maximum-likelihood output,")
        .line("`update(double[][], int[])` per mini-batch). Both train on `double[]` rows, as their APIs take.").blank();
  }

  /** What the paired tables under each shape's JMH table hold, and why the target is judged on them. */
  private void trainingPairedIntroduction() {
    md.line("Under each shape's JMH table, the same contenders measured in pairs (`TrainingPaired`), on which")
        .line("\"no peer faster\" is judged. JMH measures each contender in its own fork, seconds apart, and on a")
        .line("shared machine the drift between them dominates the interval of a ratio of two JMH rates (±15–30%")
        .line("each here). `TrainingPaired` holds every contender of one shape in one JVM (the JMH forks' options,")
        .line("the same data and contenders as `TrainingBenchmark`, native peers on one thread, a loss that is not")
        .line("finite failing the run), warms them up until a whole round compiles nothing (or a time cap), then")
        .line("runs rounds in which each contender runs a block of about the same time (its steps counted from")
        .line("the warm-up), the order rotated each round and reversed periodically, so a change in the machine's")
        .line("speed slows the contenders of a round alike and cancels in their ratio. The best generated trainer")
        .line("is chosen on the first rounds (by median time per step) and those rounds are left out of the")
        .line("ratios, so that the choice does not favour it. Each contender's ratio in a round is its time per")
        .line("step over the best generated trainer's (how many times faster the best generated trainer is, as in")
        .line("the column \"best generated is\"); the table gives the median over the rounds with a 95% bootstrap")
        .line("interval of the median, on the stepping thread's CPU time (time the core spent elsewhere, or a")
        .line("peer's work on other threads such as its garbage collection, is not counted: it can only favour")
        .line("the peers) and on wall time. The target is met only when the lower end of the interval of every")
        .line("peer's CPU-time ratio is at least 1.").blank();
    if (trainingPaired.isEmpty()) {
      md.line("`TrainingPaired`: " + Markdown.NOT_MEASURED + " in this run; \"no peer faster\" is judged on the JMH"
          + " rates.").blank();
    } else {
      quickRerunNote("training-paired");
      measuredApartNote("training-paired");
    }
  }

  /** {@link TrainingPaired}'s table of one shape, when it was measured in pairs. */
  private void trainingPairedTable(String shape) {
    if (!trainingPaired.has(shape)) {
      return;
    }
    PairedCosts p = trainingPaired.of(shape);
    String best = trainingPaired.best(shape);
    md.line("Paired in one JVM (`TrainingPaired`), best generated: " + best + "; " + p.condition("rounds", "?")
        + " rounds after " + p.condition("selection_rounds", "?") + " choosing it (" + p.condition("seconds", "?")
        + " s); warm-up " + p.condition("warmup_rounds", "?") + " rounds, " + p.condition("warmup_seconds", "?")
        + " s" + (p.condition("warmup_settled", "").equals("true") ? ""
            : ", **the JIT was still compiling when it ended**") + "; load " + p.condition("load_start", "?")
        + " → " + p.condition("load_end", "?") + "; " + p.condition("bootstrap", "?") + ".").blank();
    List<List<String>> rows = new ArrayList<>();
    int batch = TrainingResults.batch(shape);
    for (String c : trainingPaired.contenders(shape)) {
      boolean isBest = c.equals(best);
      rows.add(List.of("`" + c + "`", p.condition("steps_per_block." + c, p.condition("steps_per_block", "?")),
          Markdown.count(p.stepsPerSecond(c) * batch),
          isBest ? "—" : trainingPaired.ratio(shape, c).toString(),
          isBest ? "—" : trainingPaired.wallRatio(shape, c).toString(), p.condition("rounds", "?")));
    }
    md.table("lrrrrr", List.of("contender", "steps per block", "samples/s (CPU time, median block)",
        "best generated is (paired, CPU time)", "best generated is (paired, wall time)", "rounds"), rows);
  }

  private void regularisationSection() {
    md.line("## Cost of normalisation and dropout").blank();
    if (regularisation.isEmpty() && paired.isEmpty()) {
      md.line("`RegularisationBenchmark` and `RegularisationPaired`: " + Markdown.NOT_MEASURED + " (no results in"
          + " this run; a full run measures them, and after one `benchmarks/regenerate.sh --only regularisation`"
          + " measures them alone).").blank();
      return;
    }
    quickRerunNote("regularisation");
    md.line("`RegularisationBenchmark` (JMH) and `RegularisationPaired` train "
            + TrainingResults.label(RegularisationBenchmark.SHAPE))
        .line("(softmax, FLOAT, vector backend) as the training benchmark does: one plain-SGD step (learning rate")
        .line("0.01) at a time, single-threaded, the same teacher-labelled data and JVM options; a run fails unless")
        .line("the Vector API kernels run and every loss stays finite. The variants (`Shapes.java`) add batch")
        .line("normalisation (`Norm.BATCH`), dropout 0.2, or both to the two hidden layers. A trainer step draws")
        .line("the dropout masks and updates the running estimates; nothing here predicts.").blank()
        .line("**Cost = extra time per step relative to the plain step**: `t_variant / t_plain − 1`. FLOPs are not")
        .line("counted here: every variant multiplies the plain network's weights (a normalised layer drops its")
        .line("bias), and what normalisation and dropout add grows with the 384 hidden units, not with the")
        .line("weights; the ratio of times measures it whole.").blank();
    measuredApartNote("regularisation");
    jmhCosts();
    pairedCosts();
    List<String> target = Targets.regularisation(regularisation, paired);
    md.line("Target: " + target.get(0) + ": " + target.get(2) + " (" + target.get(1) + ").").blank();
  }

  private void jmhCosts() {
    md.line("### Each variant's rate (JMH)").blank();
    if (regularisation.isEmpty()) {
      md.line("`RegularisationBenchmark`: " + Markdown.NOT_MEASURED + ".").blank();
      return;
    }
    md.line("The variants run in one JMH invocation, one after another. Cost = `plain samples/s ÷ variant")
        .line("samples/s − 1`; its interval is that of the ratio of the two rates (as above, from")
        .line("`(a − error) / (b + error)` to `(a + error) / (b − error)`), less 1.").blank();
    List<List<String>> rows = new ArrayList<>();
    RegularisationResults.VARIANTS.forEach(v -> rows.add(regularisationRow(v)));
    md.table("lrrr", List.of("variant", "samples/s" + jdk(data.regularisation, ""), "cost (extra time per step)",
        "B/step (`-prof gc`)"), rows);
  }

  private void pairedCosts() {
    md.line("### Paired rounds in one JVM (`RegularisationPaired`), on which the target is judged").blank();
    if (paired.isEmpty()) {
      md.line("`RegularisationPaired`: " + Markdown.NOT_MEASURED + "; the target is judged on the JMH rates above.")
          .blank();
      return;
    }
    md.line("The rounds interleave the variants in one JVM, so a change in the machine's speed slows the plain")
        .line("step and the variant alike and cancels in each round's ratio of their times; between two JMH rates")
        .line("measured seconds apart it does not cancel, and on a shared machine it dominates their interval.")
        .line("After " + paired.condition("warmup_rounds", "?") + " rounds of warm-up ("
            + paired.condition("warmup_seconds", "?") + " s; " + (paired.condition("warmup_settled", "").equals("true")
                ? "it ended when a whole round compiled nothing" : "**the JIT was still compiling when it ended**")
            + "),")
        .line("every variant ran a block of " + paired.condition("steps_per_block", "?") + " steps in each of "
            + paired.condition("rounds", "?") + " rounds (" + paired.condition("seconds", "?") + " s), the order"
            + " rotated each round and")
        .line("reversed every four. A variant's cost in a round is its block's time over the plain block's in")
        .line("that round, less 1, on the stepping thread's CPU time (`ThreadMXBean`: time the core spent")
        .line("elsewhere is not counted); the table gives the median over the rounds with a 95% bootstrap")
        .line("interval of the median (" + paired.condition("bootstrap", "?") + "), and the same on wall time.")
        .line("Steps/s are the median block's. Load average (1 min): " + paired.condition("load_start", "?")
            + " at the first round, " + paired.condition("load_end", "?") + " after the last.")
        .line(paired.condition("vm", "JVM unknown") + ", " + pairedOptions() + ".").blank();
    List<List<String>> rows = new ArrayList<>();
    for (String variant : RegularisationResults.VARIANTS) {
      if (!paired.hasVariant(variant)) {
        rows.add(List.of("`" + variant + "`", Markdown.NOT_MEASURED, "", ""));
        continue;
      }
      boolean plain = variant.equals(RegularisationResults.PLAIN);
      rows.add(List.of("`" + variant + "`", Markdown.significant(paired.stepsPerSecond(variant)),
          plain ? "—" : RegularisationResults.costText(paired.cost(variant)),
          plain ? "—" : RegularisationResults.costText(paired.wallCost(variant))));
    }
    md.table("lrrr", List.of("variant", "steps/s (CPU time)", "cost, CPU time (95% interval)",
        "cost, wall time (95% interval)"), rows);
  }

  private void twoThreadsSection() {
    md.line("## Two threads").blank();
    if (data.parallel.isEmpty()) {
      md.line("`ParallelPaired`: " + Markdown.NOT_MEASURED + " (no results in this run; a full run measures it, and"
          + " after one `benchmarks/regenerate.sh --only parallel` measures it alone).").blank();
      return;
    }
    quickRerunNote("parallel");
    md.line("`ParallelPaired` trains each shape's default trainer on one thread (plain SGD, FLOAT, the training")
        .line("benchmark's teacher-labelled data) against the same network split by layers on two threads,")
        .line("`Parallelism.splitLayers(2).threads(2)` (the target's contender), against the batch cut into two")
        .line("shards on two threads, `Parallelism.shards(2).threads(2)`, and against two independent default")
        .line("trainers stepping at the same moment on two threads: what two threads of this machine gave at that")
        .line("moment with nothing shared, the ceiling of any speed-up (it falls towards 1× while other programs")
        .line("keep the cores busy). The four take turns in one JVM, one block each per round (the one-thread")
        .line("trainer's steps in ~" + anyParallelCase().costs.condition("block_ms", "?") + " ms; the ceiling runs")
        .line("that many on each thread), the order rotated each round and reversed every three, so the machine's")
        .line("drift slows all alike and cancels in each round's ratio.").blank()
        .line("**Speed-up = one thread's time per batch ÷ the contender's, in the same round, on wall time**: the")
        .line("stepping thread's CPU time, which the other paired measurements use, would miss the work of the")
        .line("second thread. Median over the rounds with a 95% bootstrap interval; the target is judged on its")
        .line("lower end. \"Bits\": whether `splitLayers(2)` (and `shards(2)`) on one thread and on two hold")
        .line("bit-identical parameters after the same steps from the same seed, as `Parallelism` promises (checked")
        .line("in the same run; `SplitLayersTest` and `DataParallelTest` check every thread count on the examples'")
        .line("networks, both backends). \"Round trip\": a cache line passed from one thread to another and back")
        .line("(`CoreRoundTrip`, median of five runs, before → after the shape's rounds). The shards move their")
        .line("gradients and the updated weights between the two cores every batch (about 800 KB a step for")
        .line("784-128-10), so their speed-up depends on how far apart the cores are, which a virtual machine's host")
        .line("may change between runs; split by layers, a step moves only partial sums and deltas (about 30 KB),")
        .line("and two independent trainers share nothing.")
        .blank();
    measuredApartNote("parallel");
    List<List<String>> rows = new ArrayList<>();
    for (String shape : ParallelPaired.SHAPES) {
      for (String backend : ParallelPaired.BACKENDS) {
        ParallelResults.Case c = data.parallel.of(shape, backend);
        String label = TrainingResults.label(shape);
        if (c == null) {
          rows.add(List.of(label, backend, Markdown.NOT_MEASURED, "", "", "", "", "", "", ""));
          continue;
        }
        Ratio shards = c.shardsSpeedUp();
        rows.add(List.of(label, backend, Markdown.significant(c.oneThreadSamplesPerSecond()), c.speedUp().toString(),
            shards == null ? Markdown.NOT_MEASURED : shards.toString(), c.ceiling().toString(),
            bits(c.bitIdentical()) + " / " + bits(c.shardsBitIdentical()),
            c.costs.condition("round_trip_start_ns", "?") + " → " + c.costs.condition("round_trip_end_ns", "?"),
            c.costs.condition("rounds", "?"),
            c.costs.condition("load_start", "?") + " → " + c.costs.condition("load_end", "?")));
      }
    }
    md.table("llrrrrlrrl", List.of("shape", "backend", "one thread, samples/s (wall, median block)",
        "split by layers, 2 threads (speed-up)", "2 shards, 2 threads", "two trainers at once (ceiling)",
        "bits (split / shards)", "round trip, ns", "rounds", "load"), rows);
    for (String shape : ParallelPaired.SHAPES) {
      for (String backend : ParallelPaired.BACKENDS) {
        List<String> target = Targets.twoThreads(shape, backend, data.parallel);
        md.line("Target: " + target.get(0) + ": " + target.get(2) + ".");
      }
    }
    md.blank();
  }

  private static String bits(Boolean same) {
    return same == null ? "not checked" : same ? "identical" : "**differ**";
  }

  /** For a step run again with {@code --only run --quick}: its figures mean nothing. */
  private void quickRerunNote(String run) {
    if (data.machine("rerun." + run + ".mode", "").equals("quick")) {
      md.line("> **Quick run of this step** (`--only " + run + " --quick`): its run lengths are far too short"
          + " for the figures below to mean anything.").blank();
    }
  }

  /** For a step run again with {@code --only run}: when and on which CPU, apart from the rest. */
  private void measuredApartNote(String run) {
    String rerun = data.machine("rerun." + run + ".date", "");
    if (!rerun.isEmpty()) {
      md.line("Measured apart from the rest of this report, by `benchmarks/regenerate.sh --only " + run + "`"
          + " on " + rerun + " (" + data.machine("rerun." + run + ".cpu", "CPU unknown") + "); its run length,"
          + " JVM and load are in the conditions table above.").blank();
    }
  }

  private List<String> regularisationRow(String variant) {
    JmhResult r = regularisation.result(variant);
    if (r == null) {
      return List.of("`" + variant + "`", Markdown.NOT_MEASURED, "", "");
    }
    String cost = variant.equals(RegularisationResults.PLAIN) ? "—" : regularisation.cost(variant);
    return List.of("`" + variant + "`", Markdown.countWithError(regularisation.samplesPerSecond(variant),
        regularisation.samplesPerSecondError(variant)), cost, Markdown.bytes(r.allocatedPerOp));
  }

  private List<String> trainingRow(String shape, String c, String best, List<String> generated) {
    JmhResult r = training.result(shape, c);
    if (r == null) {
      List<String> row = new ArrayList<>(List.of("`" + c + "`", Markdown.NOT_MEASURED, "", "", "", "", "", "", ""));
      generated.forEach(g -> row.add(""));
      return row;
    }
    double gflops = training.gflops(shape, c);
    boolean onJdk25 = trainingJdk25.result(shape, c) != null;
    List<String> row = new ArrayList<>(List.of("`" + c + "`",
        Markdown.countWithError(training.samplesPerSecond(shape, c), training.samplesPerSecondError(shape, c)),
        onJdk25 ? Markdown.countWithError(trainingJdk25.samplesPerSecond(shape, c),
            trainingJdk25.samplesPerSecondError(shape, c)) : "",
        onJdk25 ? trainingJdk25.ratio(shape, c, training, shape, c).toString() : "",
        Markdown.fixed(gflops, 2), Markdown.fixed(100 * gflops / peakFp32, 1),
        Markdown.bytes(r.allocatedPerOp), exactBytes(shape, c),
        c.equals(best) ? "—" : training.ratio(shape, best, c).toString()));
    for (String g : generated) {
      row.add(c.equals(g) ? "—" : training.ratio(shape, g, c).toString());
    }
    return row;
  }

  /** " (JDK 17.0.15)": the JDK of a run's forks, or {@code otherwise} when it did not run. */
  private static String jdk(List<JmhResult> results, String otherwise) {
    return results.isEmpty() ? otherwise : " (JDK " + results.get(0).jdkVersion + ")";
  }

  private String exactBytes(String shape, String contender) {
    for (Map<String, String> row : data.allocation) {
      if (shape.equals(row.get("shape")) && contender.equals(row.get("contender"))) {
        return "ok".equals(row.get("status")) ? Markdown.bytes(Double.parseDouble(row.get("bytes_per_step"))) : "failed";
      }
    }
    return "—";
  }

  private void inferenceSection() {
    md.line("## Inference latency").blank();
    if (data.inference.isEmpty()) {
      md.line("`InferenceBenchmark`: " + Markdown.NOT_MEASURED + " (no results in this run).").blank();
      return;
    }
    md.line("`InferenceBenchmark`: one single-sample prediction per operation, single-threaded; mean latency")
        .line("per prediction. Ratios: how many times faster the generated model answers.").blank();
    Map<String, Map<String, JmhResult>> groups = new LinkedHashMap<>();
    Set<String> methods = new LinkedHashSet<>();
    data.inference.forEach(r -> methods.add(r.method()));
    for (JmhResult r : data.inference) {
      List<String> key = new ArrayList<>();
      if (methods.size() > 1) {
        key.add("`" + r.method() + "`");
      }
      r.params.forEach((name, value) -> {
        if (!name.equals("contender")) {
          key.add(name.equals("shape") ? TrainingResults.label(value) : name + " " + value);
        }
      });
      groups.computeIfAbsent(String.join(", ", key), k -> new LinkedHashMap<>())
          .put(String.valueOf(r.param("contender")), r);
    }
    for (Map.Entry<String, Map<String, JmhResult>> group : groups.entrySet()) {
      inferenceTable(group.getKey(), group.getValue());
    }
  }

  private void inferenceTable(String title, Map<String, JmhResult> byContender) {
    List<String> contenders = new ArrayList<>(TrainingResults.CONTENDERS);
    byContender.keySet().stream().filter(c -> !contenders.contains(c)).forEach(contenders::add);
    String best = null;
    for (String c : contenders) {
      if (TrainingResults.isGenerated(c) && byContender.containsKey(c)
          && (best == null || micros(byContender.get(c)) < micros(byContender.get(best)))) {
        best = c;
      }
    }
    md.line("### " + (title.isEmpty() ? "all" : title) + (best == null ? "" : " — best generated: " + best)).blank();
    List<List<String>> rows = new ArrayList<>();
    for (String c : contenders) {
      JmhResult r = byContender.get(c);
      if (r == null) {
        rows.add(List.of("`" + c + "`", Markdown.NOT_MEASURED, "", ""));
        continue;
      }
      double us = micros(r);
      double error = us * relativeError(r);
      JmhResult b = best == null ? null : byContender.get(best);
      String ratio = b == null || c.equals(best) ? "—"
          : Ratio.of(us, error, micros(b), micros(b) * relativeError(b)).toString();
      rows.add(List.of("`" + c + "`", significantWithError(us, error), Markdown.bytes(r.allocatedPerOp), ratio));
    }
    md.table("lrrr", List.of("contender", "µs per prediction", "B/prediction (`-prof gc`)",
        "best generated is"), rows);
  }

  private void onnxRuntimeSection() {
    md.line("## Inference beside ONNX Runtime").blank();
    if (onnxRuntime.isEmpty()) {
      md.line("`OnnxRuntimeBenchmark`: " + Markdown.NOT_MEASURED + " (no results in this run; a full run"
          + " measures it, and after one `benchmarks/regenerate.sh --only onnxruntime` measures it alone).").blank();
      return;
    }
    quickRerunNote("onnxruntime");
    String version = data.machine("version.onnxruntime", "");
    md.line("`OnnxRuntimeBenchmark` runs the generated float `predict`, plain (`generated-float`) and with the"
            + " Vector API backend (`generated-vector`), beside ONNX Runtime "
            + (version.isEmpty() ? "(version not recorded)" : version) + " (Java API, CPU),")
        .line("which runs the graph `Onnx.export` wrote from the same model, the same parameters, with one intra-op")
        .line("and one inter-op thread; set-up fails unless ONNX Runtime's probabilities are within 1e-5 of the")
        .line("row's largest of the generated model's, for one row (`predict`) and for each row of a batch (batch")
        .line("`predict`). Single row: one row in, its probabilities out, mean ns per row. Batch 64: rows per")
        .line("second, 64 rows per call; the generated model answers them with its batch")
        .line("`predict(float[][], float[][])`, one forward pass of the 64 rows through its batched kernels, and")
        .line("ONNX Runtime runs them as one `[64, inputs]` tensor. ONNX Runtime reads its input from a direct")
        .line("buffer filled in place and copies its output out of the result, as a server answering requests")
        .line("would. B/row is JMH's `gc.alloc.rate.norm` (`-prof gc`), per row; it does not see ONNX Runtime's")
        .line("native memory.").blank()
        .line("The last row of each table gives how many times the faster generated model's speed is ONNX")
        .line("Runtime's, column by column (named in brackets): ONNX Runtime's ns per row over the generated")
        .line("model's, the generated rows/s over ONNX Runtime's, with the interval both error bars allow (as")
        .line("above); above 1 the generated model is faster.").blank();
    measuredApartNote("onnxruntime");
    for (String shape : onnxRuntime.shapes()) {
      md.line("### " + TrainingResults.label(shape)).blank();
      List<List<String>> rows = new ArrayList<>();
      OnnxRuntimeResults.CONTENDERS.forEach(c -> rows.add(onnxRuntimeRow(shape, c)));
      rows.add(List.of("generated speed ÷ ONNX Runtime's",
          whose(onnxRuntime.latencyRatio(shape), onnxRuntime.fastestOne(shape)), "",
          whose(onnxRuntime.throughputRatio(shape), onnxRuntime.fastestBatch(shape)), ""));
      md.table("lrrrr", List.of("contender", "single row: ns per row", "B/row", "batch 64: rows/s", "B/row"), rows);
    }
  }

  /** A ratio followed by the contender it is of, or "—" alone when it was not measured. */
  private static String whose(Ratio ratio, String contender) {
    return ratio.measured() ? ratio + " (`" + contender + "`)" : ratio.toString();
  }

  private List<String> onnxRuntimeRow(String shape, String contender) {
    JmhResult one = onnxRuntime.result(shape, contender, OnnxRuntimeResults.ONE);
    JmhResult batch = onnxRuntime.result(shape, contender, OnnxRuntimeResults.BATCH);
    return List.of("`" + contender + "`",
        one == null ? Markdown.NOT_MEASURED : significantWithError(onnxRuntime.nanosPerRow(shape, contender),
            onnxRuntime.nanosPerRowError(shape, contender)),
        one == null ? "" : Markdown.bytes(one.allocatedPerOp),
        batch == null ? Markdown.NOT_MEASURED : Markdown.countWithError(onnxRuntime.rowsPerSecond(shape, contender),
            onnxRuntime.rowsPerSecondError(shape, contender)),
        batch == null ? "" : Markdown.bytes(batch.allocatedPerOp));
  }

  private static String significantWithError(double value, double error) {
    return Double.isNaN(error) ? Markdown.significant(value)
        : Markdown.significant(value) + " ± " + Markdown.significant(error);
  }

  /** Microseconds per operation, whatever mode and unit JMH used. */
  static double micros(JmhResult r) {
    String unit = r.unit;
    if (unit.startsWith("ops/")) {
      return 1e6 / TrainingResults.perSecond(r.score, unit);
    }
    switch (unit) {
      case "ns/op":
        return r.score / 1e3;
      case "us/op":
        return r.score;
      case "ms/op":
        return r.score * 1e3;
      case "s/op":
        return r.score * 1e6;
      default:
        throw new IllegalArgumentException("unexpected JMH unit " + unit);
    }
  }

  private static double relativeError(JmhResult r) {
    return r.error / r.score;
  }

  private void startupSection() {
    md.line("## Start to first prediction").blank();
    if (data.startup.isEmpty()) {
      md.line(Markdown.NOT_MEASURED + " (no start-up results in this run).").blank();
      return;
    }
    md.line("`StartupHarness` launches `FirstPrediction` in a fresh JVM per contender: build the 784-128-10")
        .line("ReLU network from a seed, predict one fixed row, print the probabilities. Timed from just before")
        .line("`ProcessBuilder.start()` to the arrival of that printed line; `hello` prints a line and nothing")
        .line("else. Same `java` binary, default options, class path = the benchmark classes plus only the")
        .line("contender's runtime jars (as in the dependency table). The generated and hand-written contenders")
        .line("initialise 100,480 + 1,290 weights from the seed before predicting; so do the libraries. Launch")
        .line("times are not normally distributed, so there is no confidence interval here: the ratio is of")
        .line("medians, with each contender's fastest and slowest launch beside it.").blank();
    quickRerunNote("startup");
    measuredApartNote("startup");
    double hello = Double.NaN;
    for (Map<String, String> row : data.startup) {
      if ("hello".equals(row.get("contender")) && "ok".equals(row.get("status"))) {
        hello = Double.parseDouble(row.get("median_ms"));
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (Map<String, String> row : data.startup) {
      String c = row.get("contender");
      if (!"ok".equals(row.get("status"))) {
        String status = row.get("status");
        rows.add(List.of("`" + c + "`", status.equals("not wired") ? Markdown.NOT_MEASURED : status, "", "", "", ""));
        continue;
      }
      double median = Double.parseDouble(row.get("median_ms"));
      rows.add(List.of("`" + c + "`", Markdown.fixed(median, 0), Markdown.fixed(Double.parseDouble(row.get("min_ms")), 0),
          Markdown.fixed(Double.parseDouble(row.get("max_ms")), 0), Markdown.times(median / hello), row.get("jars")));
    }
    md.table("lrrrrr", List.of("contender", "median ms", "min ms", "max ms", "× hello (median)", "jars"), rows);
  }

  private void dependencySection() {
    md.line("## Runtime dependency size").blank();
    if (data.dependencies.isEmpty()) {
      md.line(Markdown.NOT_MEASURED + " (no dependency results in this run).").blank();
      return;
    }
    md.line("`DependencySize`: the jars Maven resolves for each contender's direct dependencies of the")
        .line("benchmarks module, transitively (from `dependency:tree -Dverbose`, so a jar shared by two libraries")
        .line("counts for both), at the version Maven picked, summed as files on disk. The generated code needs")
        .line("the `unrolled-runtime` jar only. \"Unpacked\" is what a library extracts at first use outside the")
        .line("Maven repository (DJL's native PyTorch under `~/.djl.ai`), when present.").blank();
    List<List<String>> rows = new ArrayList<>();
    for (Map<String, String> row : data.dependencies) {
      String c = row.get("contender");
      if (row.get("bytes").equals("-")) {
        rows.add(List.of("`" + c + "`", "", Markdown.NOT_MEASURED, "", row.get("note")));
        continue;
      }
      long unpacked = Long.parseLong(row.get("unpacked_bytes"));
      rows.add(List.of("`" + c + "`", row.get("jars"), Markdown.size(Long.parseLong(row.get("bytes"))),
          unpacked == 0 ? "—" : Markdown.size(unpacked), row.get("note")));
    }
    md.table("lrrrl", List.of("contender", "jars", "size", "unpacked", "what"), rows);
  }

  private void targetSection() {
    md.line("## Targets").blank()
        .line("The targets of issues 5 and 14, of normalisation and dropout, and of two threads (the only ones")
        .line("not single-threaded, judged on the low end of the paired speed-up, wall time), judged by")
        .line("`ReportWriter` from the figures above (JDK 17). A speed target is met only on the conservative")
        .line("ratio — our lower bound over the other side's upper bound, the low end of the interval given in")
        .line("brackets; a cost limit only on the high end of the cost's interval. Where a shape was measured in")
        .line("pairs (`TrainingPaired`), \"no peer faster\" is judged on the low end of the paired ratio's")
        .line("interval against every peer (the row names the peer with the lowest one): the JMH rates of two")
        .line("forks measured apart carry the machine's drift, which the pairs cancel; else on the JMH rates,")
        .line("against the fastest peer.").blank();
    md.table("lll", List.of("target", "measured", "result"),
        Targets.judge(training, trainingPaired, regularisation, paired, data.parallel, data.sweep, peakFp32, data.allocation,
            data.startup));
  }

  private boolean widerThanMachine(String method) {
    String bits = data.machine("vector_bits", "");
    return !bits.isEmpty() && method.endsWith("512") && Integer.parseInt(bits) < 512;
  }

  private JmhResult peakResult(String method) {
    for (JmhResult r : data.peak) {
      if (r.method().equals(method)) {
        return r;
      }
    }
    return null;
  }

  /**
   * Best iteration of the row of one precision ("float" or "double") at the machine's preferred
   * vector width, in GFLOP/s; of every vector row of that precision when the width was not probed.
   */
  private double peak(String precision) {
    String bits = data.machine("vector_bits", "");
    double best = Double.NaN;
    for (JmhResult r : data.peak) {
      boolean row = bits.isEmpty() ? r.method().startsWith(precision) && !r.method().endsWith("Scalar")
          : r.method().equals(precision + bits);
      if (row) {
        double rate = TrainingResults.perSecond(r.bestIteration(), r.unit) / 1e9;
        best = Double.isNaN(best) ? rate : Math.max(best, rate);
      }
    }
    return best;
  }

  private static String gigaWithError(double score, double error) {
    return Markdown.fixed(score / 1e9, 1) + (Double.isNaN(error) ? "" : " ± " + Markdown.fixed(error / 1e9, 1));
  }

  @SafeVarargs
  private static JmhResult first(List<JmhResult>... lists) {
    for (List<JmhResult> list : lists) {
      if (!list.isEmpty()) {
        return list.get(0);
      }
    }
    return null;
  }
}
