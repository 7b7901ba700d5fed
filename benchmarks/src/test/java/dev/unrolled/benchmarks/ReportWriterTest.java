package dev.unrolled.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ReportWriter on a results folder written here, in the formats the benchmark run produces. */
class ReportWriterTest {
  @TempDir Path folder;

  private final List<String> training = new ArrayList<>();
  private final List<String> trainingJdk25 = new ArrayList<>();
  private final List<String> peak = new ArrayList<>();
  private final List<String> regularisation = new ArrayList<>();
  private final List<String> onnxRuntime = new ArrayList<>();

  @BeforeEach
  void writeMachine() throws IOException {
    write("machine.properties", "cpu=Test CPU\ncores=2\nhypervisor=KVM\nkernel=Linux 6\ndate=2026-01-02\n"
        + "load_start=0.5\nload_end=0.7\nmode=full\nallocation_seconds=1\nstartup_runs=10\nstartup_warm=2\n"
        + "vector_bits=256\ncpu_flags=avx2 fma, no avx512f\n"
        + "load.training.start=0.40\nload.training.end=1.10\nload.training.attempts=2\n");
  }

  @Test
  void ratiosComeWithTheirIntervals() throws IOException {
    // 4-16-3 b16: 1,000 ± 10 steps/s = 16,000 ± 160 samples/s against Encog's 4,000 ± 48:
    // 4.0×, from 15,840 / 4,048 = 3.9× to 16,160 / 3,952 = 4.1×.
    train("4-16-3/16", "generated-float", 1000, 10, 0.02);
    train("4-16-3/16", "generated-double", 500, 5, 0.01);
    train("4-16-3/16", "encog", 250, 3, 1500);
    train("784-128-10/32", "generated-float", 300, 1, 0);
    train("784-128-10/32", "hand-written", 100, 1, 0);
    peak("float256", 90e9, 100e9);
    peak("double256", 45e9, 50e9);
    writeResults();

    String report = render();

    assertThat(report).contains("| `generated-float` | 16,000 ± 160 |  |  | 0.01 | 0.0 | 0.02 | — | — | — |"
        + " 0.50× (0.49–0.51×) |");
    assertThat(report).contains("| `encog` | 4,000 ± 48 |  |  | 0.00 | 0.0 | 1,500 | — | 4.0× (3.91–4.09×) |"
        + " 4.0× (3.91–4.09×) | 2.0× (1.96–2.04×) |");
    assertThat(report).contains("| 4-16-3 tanh b16: no peer faster than the best generated trainer"
        + " | generated-float 4.0× (3.91–4.09×) encog (the fastest peer, JMH) | **met** |");
  }

  @Test
  void flopsAreCountedAsPerformed() throws IOException {
    // 784-128-10: W = 101,632, W₁ = 100,352: 4·W + 2·(W − W₁) = 409,088 FLOPs per sample, so
    // 9,600 samples/s are 3.93 GFLOP/s, 3.9% of the peak at the preferred width (256-bit here).
    train("784-128-10/32", "generated-float", 300, 1, 0);
    peak("float256", 90e9, 100e9);
    peak("floatScalar", 5e9, 6e9);
    writeResults();

    String report = render();

    assertThat(report).contains("| 784-128-10 relu b32 | 101,632 | 100,352 | 409,088 |");
    assertThat(report).contains("| 4-16-3 tanh b16 | 112 | 64 | 544 |");
    assertThat(report).contains("| `generated-float` | 9,600 ± 32 |  |  | 3.93 | 3.9 | 0.00 |");
    assertThat(report).contains("**Single-core peak at 256-bit on Test CPU: FP32 100.0 GFLOP/s");
    assertThat(report).contains("| FP32 | 16 (512-bit) | not run: wider than the machine's vectors | — |");
    assertThat(report).contains("Vector units: `FloatVector.SPECIES_PREFERRED` is 256-bit; CPU flags: avx2 fma");
  }

  @Test
  void aTargetIsMetOnlyOnTheConservativeRatio() throws IOException {
    // Issue 14's example: 28,741 ± 14,797 against 6,300 ± 1,423 is 4.6× on the means, but only
    // 13,944 / 7,723 = 1.8× at worst; and 28,741 is above the 24 k batch-1 target, 13,944 is not.
    train("784-128-10/1", "generated-vector", 28_741, 14_797, 0);
    train("784-128-10/1", "smile", 6_300, 1_423, 0);
    // 128,000 ± 12,800 samples/s × 409,088 FLOPs = 52.4 GFLOP/s: 52% of 100 on the mean, 47% at worst.
    train("784-128-10/32", "generated-vector", 4_000, 400, 0);
    peak("float256", 90e9, 100e9);
    writeResults();

    String report = render();

    assertThat(report).contains("| 784-128-10 relu b1: best backend ≥ 24.0 k samples/s (1.5× the 16.0 k of issue 14's"
        + " run) | generated-vector 28,741 ± 14,797 = 1.2× (0.58–1.81×) the target | **not met** |");
    assertThat(report).contains("| 784-128-10 relu b1: no peer faster than the best generated trainer"
        + " | generated-vector 4.6× (1.81–8.93×) smile (the fastest peer, JMH) | **met** |");
    assertThat(report).contains("| 784-128-10 relu b32: generated-vector ≥ 50% of the FP32 peak"
        + " | generated-vector 52.4 GFLOP/s = 52% (47–58%) of 100.0 | **not met** |");
  }

  @Test
  void noPeerFasterIsJudgedOnThePairedIntervalWhereThereIsOne() throws IOException {
    // The last quiet JMH run: 15,277 ± 4,687 against 9,179 ± 1,452 is 1.7× on the means, but only
    // 10,590 / 10,631 = 0.996× at worst: not met. Paired in one JVM, 1.7× (1.55–1.85×): met.
    train("784-128-10/1", "generated-vector", 15_277, 4_687, 0);
    train("784-128-10/1", "hand-written", 9_179, 1_452, 0);
    train("784-128-10/1", "smile", 6_467, 1_014, 0);
    writeResults();
    write("machine.properties", "load.training-paired.784-128-10-b1.start=0.40\n"
        + "load.training-paired.784-128-10-b1.end=0.60\nload.training-paired.784-128-10-b1.attempts=1\n");
    trainingPaired("784-128-10/1", "generated-vector 1 15000 1 1 1 1 1 1", "generated-float 1 10000 1.45 1.40 1.50 1.5 1.3 1.7",
        "hand-written 1 9000 1.70 1.55 1.85 1.8 1.4 2.2", "smile 1 6000 2.40 2.20 2.60 2.5 2.0 3.0");

    String report = render();

    assertThat(report).contains("| `hand-written` | 9,179 ± 1,452 |  |  | 3.76 | — | 0.00 | — | 1.7× (1.00–2.58×) |");
    assertThat(report).contains("Paired in one JVM (`TrainingPaired`), best generated: generated-vector; 80 rounds"
        + " after 20 choosing it (31.0 s); warm-up 12 rounds, 9.5 s; load 0.45 → 0.55;"
        + " 10,000 resamples of the rounds, seed 15.");
    assertThat(report).contains("| contender | steps per block | samples/s (CPU time, median block) |"
        + " best generated is (paired, CPU time) | best generated is (paired, wall time) | rounds |");
    assertThat(report).contains("| `generated-vector` | 1 | 15,000 | — | — | 80 |");
    assertThat(report).contains("| `generated-float` | 1 | 10,000 | 1.5× (1.40–1.50×) | 1.5× (1.30–1.70×) | 80 |");
    assertThat(report).contains("| `hand-written` | 1 | 9,000 | 1.7× (1.55–1.85×) | 1.8× (1.40–2.20×) | 80 |");
    assertThat(report).doesNotContain("| `djl` | 1 |");
    assertThat(report).contains("| 784-128-10 relu b1: no peer faster than the best generated trainer"
        + " | generated-vector 1.7× (1.55–1.85×) hand-written (the nearest peer; paired, median of 80 rounds)"
        + " | **met** |");
    assertThat(report).contains("| training, paired, 784-128-10 relu b1 | 1 JVM, 9.5 s warm-up, 20 + 80 rounds"
        + " × blocks of ~40 ms per contender | JDK 17.0.15, `-Xmx2g --add-modules=jdk.incubator.vector`"
        + " | 0.40 → 0.60 | 1 |");
    // Shapes without paired results are judged on JMH, as before.
    assertThat(report).contains("| 784-128-10 relu b32: no peer faster than the best generated trainer"
        + " | generated not measured | not measured |");
  }

  @Test
  void everyPeerCountsOnThePairedIntervalNotOnlyTheFastestOnTheMedian() throws IOException {
    // Smile is the nearest on the median (1.2×), but DJL's interval reaches below 1: not met, on DJL.
    trainingPaired("784-256-128-10/64", "generated-vector 2 3000 1 1 1 1 1 1",
        "smile 1 2500 1.20 1.05 1.35 1.2 1.0 1.4", "djl 2 2300 1.30 0.95 1.60 1.3 0.9 1.7");
    write("training-paired.784-256-128-10-b64.properties", read("training-paired.784-256-128-10-b64.properties")
        .replace("warmup_settled=true", "warmup_settled=false"));

    String report = render();

    assertThat(report).contains("**the JIT was still compiling when it ended**");
    assertThat(report).contains("| 784-256-128-10 relu b64: no peer faster than the best generated trainer"
        + " | generated-vector 1.3× (0.95–1.60×) djl (the nearest peer; paired, median of 80 rounds) | **not met** |");
  }

  @Test
  void withoutPairedResultsTheTargetIsJudgedOnJmh() throws IOException {
    train("4-16-3/16", "generated-float", 1000, 10, 0);
    train("4-16-3/16", "encog", 250, 3, 0);
    writeResults();

    String report = render();

    assertThat(report).contains("`TrainingPaired`: not measured in this run; \"no peer faster\" is judged on the JMH"
        + " rates.");
    assertThat(report).contains("| training, paired | not measured |");
    assertThat(report).doesNotContain("Paired in one JVM");
  }

  @Test
  void generatedContendersGetAJdk25Column() throws IOException {
    train("4-16-3/16", "generated-float", 1000, 10, 0);
    train("4-16-3/16", "encog", 250, 3, 0);
    trainingJdk25.add(result("dev.unrolled.benchmarks.TrainingBenchmark.trainStep",
        "\"contender\" : \"generated-float\", \"shape\" : \"4-16-3/16\"", 1100, 11, 0, 1100).replace("17.0.15", "25.0.1"));
    writeResults();

    String report = render();

    assertThat(report).contains("| contender | samples/s (JDK 17.0.15) | samples/s (JDK 25.0.1) | JDK 25 ÷ JDK 17 |");
    assertThat(report).contains("| `generated-float` | 16,000 ± 160 | 17,600 ± 176 | 1.1× (1.08–1.12×) |");
    assertThat(report).contains("| training, generated on JDK 25 | 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement"
        + " | JDK 25.0.1, `-Xmx2g`, `-prof gc` | ? → ? | ? |");
    assertThat(report).contains("| training throughput | 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement"
        + " | JDK 17.0.15, `-Xmx2g`, `-prof gc` | 0.40 → 1.10 | 2 |");
  }

  @Test
  void contendersWithoutResultsAreNotMeasured() throws IOException {
    train("784-128-10/32", "generated-float", 300, 1, 0);
    writeResults();

    String report = render();

    assertThat(report).contains("| `djl` | not measured |");
    assertThat(report).contains("| 784-128-10 relu b32: generated-vector ≥ 50% of the FP32 peak"
        + " | peak not measured | not measured |");
    assertThat(report).contains("| 784-256-128-10 relu b64: no peer faster than the best generated trainer"
        + " | generated not measured | not measured |");
    assertThat(report).contains("`InferenceBenchmark`: not measured");
  }

  @Test
  void theCostOfNormalisationAndDropoutIsExtraTimePerStep() throws IOException {
    // Steps/s × 64 = samples/s. batch-norm+dropout: 400 / 360 − 1 = 11.1% more time per step, at
    // least 396 / 365 − 1 = 8.5%, at most 404 / 355 − 1 = 13.8%: within the 15% even at worst.
    regularise("plain", 400, 4, 14);
    regularise("batch-norm", 380, 4, 20);
    regularise("dropout", 390, 3, 14);
    regularise("batch-norm+dropout", 360, 5, 21);
    write("machine.properties", "load.regularisation.start=0.30\nload.regularisation.end=0.35\n"
        + "load.regularisation.attempts=1\n");
    writeResults();

    String report = render();

    assertThat(report).contains("## Cost of normalisation and dropout");
    assertThat(report).contains("| variant | samples/s (JDK 17.0.15) | cost (extra time per step) | B/step (`-prof gc`) |");
    assertThat(report).contains("| `plain` | 25,600 ± 256 | — | 14 |");
    assertThat(report).contains("| `batch-norm` | 24,320 ± 256 | 5.3% (3.1% to 7.4%) | 20 |");
    assertThat(report).contains("| `dropout` | 24,960 ± 192 | 2.6% (0.8% to 4.4%) | 14 |");
    assertThat(report).contains("| `batch-norm+dropout` | 23,040 ± 320 | 11.1% (8.5% to 13.8%) | 21 |");
    assertThat(report).contains("Target: 784-256-128-10 relu b64, vector: BATCH norm + dropout 0.2 on the hidden layers"
        + " cost ≤ 15% of the plain step: **met** (batch-norm+dropout 11.1% (8.5% to 13.8%) extra time per step (JMH)).");
    assertThat(report).contains("| 784-256-128-10 relu b64, vector: BATCH norm + dropout 0.2 on the hidden layers"
        + " cost ≤ 15% of the plain step | batch-norm+dropout 11.1% (8.5% to 13.8%) extra time per step (JMH) | **met** |");
    assertThat(report).contains("| cost of normalisation and dropout | 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement"
        + " | JDK 17.0.15, `-Xmx2g`, `-prof gc` | 0.30 → 0.35 | 1 |");
    assertThat(report).doesNotContain("Measured apart");
    assertThat(report).contains("`RegularisationPaired`: not measured; the target is judged on the JMH rates above.");
    assertThat(report).contains("| cost of normalisation and dropout, paired | not measured |");
  }

  @Test
  void thePairedCostsStandBesideJmhAndTheTargetIsJudgedOnThem() throws IOException {
    // JMH: 400 ± 40 against 380 ± 40 steps/s, 5.3%, from 360 / 420 − 1 = −14.3% to 440 / 340 − 1 =
    // 29.4%: not met on JMH's interval; the paired one, up to 13.5%, meets it.
    regularise("plain", 400, 40, 0);
    regularise("batch-norm+dropout", 380, 40, 0);
    writeResults();
    paired("0.072", "0.012", "0.135");
    write("machine.properties", "load.regularisation-paired.start=0.40\nload.regularisation-paired.end=0.60\n"
        + "load.regularisation-paired.attempts=1\n");

    String report = render();

    assertThat(report).contains("| `batch-norm+dropout` | 24,320 ± 2,560 | 5.3% (-14.3% to 29.4%) | 0.00 |");
    assertThat(report).contains("### Paired rounds in one JVM (`RegularisationPaired`), on which the target is judged");
    assertThat(report).contains("The rounds interleave the variants in one JVM, so a change in the machine's speed");
    assertThat(report).contains("After 9 rounds of warm-up (12.5 s; it ended when a whole round compiled nothing),\n"
        + "every variant ran a block of 100 steps in each of 160 rounds (95.0 s), the order rotated each round and\n");
    assertThat(report).contains("(10,000 resamples of the rounds, seed 15)");
    assertThat(report).contains("Load average (1 min): 0.45 at the first round, 0.55 after the last.\n"
        + "OpenJDK 64-Bit Server VM 17.0.15+6, `-Xmx2g --add-modules=jdk.incubator.vector`.");
    assertThat(report).contains("| variant | steps/s (CPU time) | cost, CPU time (95% interval) |"
        + " cost, wall time (95% interval) |");
    assertThat(report).contains("| `plain` | 775 | — | — |");
    assertThat(report).contains("| `batch-norm` | 740 | 4.1% (1.0% to 7.0%) | 4.5% (-3.0% to 12.0%) |");
    assertThat(report).contains("| `dropout` | not measured |  |  |");
    assertThat(report).contains("| `batch-norm+dropout` | 723 | 7.2% (1.2% to 13.5%) | 8.0% (-10.0% to 30.0%) |");
    assertThat(report).contains("Target: 784-256-128-10 relu b64, vector: BATCH norm + dropout 0.2 on the hidden layers"
        + " cost ≤ 15% of the plain step: **met** (batch-norm+dropout 7.2% (1.2% to 13.5%) extra time per step"
        + " (paired, median of 160 rounds)).");
    assertThat(report).contains("cost ≤ 15% of the plain step | batch-norm+dropout 7.2% (1.2% to 13.5%) extra time"
        + " per step (paired, median of 160 rounds) | **met** |");
    assertThat(report).contains("| cost of normalisation and dropout, paired | 1 JVM, 12.5 s warm-up, 160 rounds"
        + " × 100 steps per variant | JDK 17.0.15, `-Xmx2g --add-modules=jdk.incubator.vector` | 0.40 → 0.60 | 1 |");
  }

  @Test
  void aPairedCostIsJudgedOnTheUpperEndOfItsInterval() throws IOException {
    // JMH alone would meet the limit (11.1%, 8.5% to 13.8%); the paired median is below 15%, its
    // interval's upper end above: not met.
    regularise("plain", 400, 4, 0);
    regularise("batch-norm+dropout", 360, 5, 0);
    writeResults();
    paired("0.110", "0.080", "0.152");

    String report = render();

    assertThat(report).contains("| `batch-norm+dropout` | 23,040 ± 320 | 11.1% (8.5% to 13.8%) | 0.00 |");
    assertThat(report).contains("cost ≤ 15% of the plain step | batch-norm+dropout 11.0% (8.0% to 15.2%) extra time"
        + " per step (paired, median of 160 rounds) | **not met** |");
  }

  @Test
  void pairedCostsAloneAreReportedAndAnUnsettledWarmUpIsFlagged() throws IOException {
    paired("0.05", "0.01", "0.09");
    write("regularisation-paired.properties", read("regularisation-paired.properties")
        .replace("warmup_settled=true", "warmup_settled=false"));

    String report = render();

    assertThat(report).contains("### Each variant's rate (JMH)\n\n`RegularisationBenchmark`: not measured.");
    assertThat(report).contains("**the JIT was still compiling when it ended**");
    assertThat(report).contains("| `batch-norm+dropout` | 723 | 5.0% (1.0% to 9.0%) |");
    assertThat(report).contains("cost ≤ 15% of the plain step | batch-norm+dropout 5.0% (1.0% to 9.0%) extra time"
        + " per step (paired, median of 160 rounds) | **met** |");
  }

  @Test
  void aCostLimitIsMetOnlyOnTheConservativeBound() throws IOException {
    // 11.1% on the means, from 396 / 375 − 1 = 5.6% up to 404 / 345 − 1 = 17.1%.
    regularise("plain", 400, 4, 0);
    regularise("batch-norm+dropout", 360, 15, 0);
    writeResults();

    String report = render();

    assertThat(report).contains("| `batch-norm+dropout` | 23,040 ± 960 | 11.1% (5.6% to 17.1%) | 0.00 |");
    assertThat(report).contains("| `batch-norm` | not measured |  |  |");
    assertThat(report).contains("cost ≤ 15% of the plain step | batch-norm+dropout 11.1% (5.6% to 17.1%)"
        + " extra time per step (JMH) | **not met** |");
  }

  @Test
  void aStepMeasuredApartSaysSo() throws IOException {
    regularise("plain", 400, 4, 0);
    regularise("batch-norm+dropout", 390, Double.NaN, 0);
    write("machine.properties", "mode=full\nrerun.regularisation.date=2026-01-03\nrerun.regularisation.mode=quick\n"
        + "rerun.regularisation.cpu=Other CPU\n");
    writeResults();

    String report = render();

    assertThat(report).contains("> **Quick run of this step** (`--only regularisation --quick`)");
    assertThat(report).contains("Measured apart from the rest of this report, by `benchmarks/regenerate.sh --only"
        + " regularisation` on 2026-01-03 (Other CPU);");
    assertThat(report).contains("| `batch-norm+dropout` | 24,960 | 2.6% (no interval) | 0.00 |");
    assertThat(report).contains("extra time per step (JMH) | **not met** |");
  }

  @Test
  void anEmptyFolderStillGivesAReport() throws IOException {
    String report = render();

    assertThat(report).contains("`RegularisationBenchmark` and `RegularisationPaired`: not measured (no results in"
        + " this run; a full run measures them, and after one `benchmarks/regenerate.sh --only regularisation`"
        + " measures them alone).");
    assertThat(report).contains("| cost of normalisation and dropout, paired | not measured |");
    assertThat(report).contains("cost ≤ 15% of the plain step | plain not measured | not measured |");
    assertThat(report).contains("| cost of normalisation and dropout | not measured |");

    assertThat(report).contains("| start to first prediction ≤ 1.5× a hello-world JVM"
        + " | generated-float or hello not measured | not measured |");
    assertThat(report).contains("| training throughput | not measured |");

    assertThat(report).contains("## Inference beside ONNX Runtime\n\n`OnnxRuntimeBenchmark`: not measured (no results"
        + " in this run; a full run measures it, and after one `benchmarks/regenerate.sh --only onnxruntime`"
        + " measures it alone).");
    assertThat(report).contains("| inference beside ONNX Runtime | not measured |");
  }

  @Test
  void onnxRuntimeStandsBesideTheGeneratedPredictOnBothMeasures() throws IOException {
    // 4-16-3: one row in 50 ± 5 ns against 2,000 ± 100 ns: 40× as fast, from 1,900 / 55 = 34.5×
    // to 2,100 / 45 = 46.7×. Batch 64: 20 M ± 1 M rows/s against 4 M ± 0.4 M: 5×, from
    // 19 / 4.4 = 4.32× to 21 / 3.6 = 5.83×.
    onnxRuntime("4-16-3", "generated-float", 50, 5, 0, 20e6, 1e6, 0);
    onnxRuntime("4-16-3", "onnxruntime", 2_000, 100, 400, 4e6, 0.4e6, 50);
    // 784-128-10: ONNX Runtime is faster at batch 64: 3 M ± 0.3 M against 6 M ± 0.6 M rows/s is
    // 0.5×, from 2.7 / 6.6 = 0.41× to 3.3 / 5.4 = 0.61×.
    // The vector backend answers one row more slowly (2,000 ns) but a batch faster (5 M ± 0.5 M rows/s),
    // so the batch ratio is its: 5 / 6 = 0.83×, from 4.5 / 6.6 = 0.68× to 5.5 / 5.4 = 1.02×.
    onnxRuntime("784-128-10", "generated-float", 1_000, 20, 0, 3e6, 0.3e6, 0);
    onnxRuntime("784-128-10", "generated-vector", 2_000, 40, 0, 5e6, 0.5e6, 0);
    onnxRuntime("784-128-10", "onnxruntime", 3_000, 60, 420, 6e6, 0.6e6, 8);
    write("machine.properties", "mode=full\nversion.onnxruntime=1.23.2\nload.onnxruntime.start=0.20\n"
        + "load.onnxruntime.end=0.30\nload.onnxruntime.attempts=1\n");
    writeResults();

    String report = render();

    assertThat(report).contains("## Inference beside ONNX Runtime");
    assertThat(report).contains("beside ONNX Runtime 1.23.2 (Java API, CPU),\nwhich runs the graph `Onnx.export`"
        + " wrote from the same model, the same parameters, with one intra-op\nand one inter-op thread;");
    assertThat(report).contains("answers them with its batch\n`predict(float[][], float[][])`, one forward pass");
    assertThat(report).contains("### 4-16-3 tanh\n\n| contender | single row: ns per row | B/row | batch 64: rows/s"
        + " | B/row |");
    assertThat(report).contains("| `generated-float` | 50.0 ± 5.00 | 0.00 | 20,000,000 ± 1,000,000 | 0.00 |");
    assertThat(report).contains("| `onnxruntime` | 2,000 ± 100 | 400 | 4,000,000 ± 400,000 | 50 |");
    assertThat(report).contains("| `generated-vector` | not measured |  | not measured |  |");
    assertThat(report).contains("| generated speed ÷ ONNX Runtime's | 40.0× (34.5–46.7×) (`generated-float`) |  |"
        + " 5.0× (4.32–5.83×) (`generated-float`) |  |");
    assertThat(report).contains("### 784-128-10 relu");
    assertThat(report).contains("| `generated-float` | 1,000 ± 20.0 | 0.00 | 3,000,000 ± 300,000 | 0.00 |");
    assertThat(report).contains("| `generated-vector` | 2,000 ± 40.0 | 0.00 | 5,000,000 ± 500,000 | 0.00 |");
    assertThat(report).contains("| generated speed ÷ ONNX Runtime's | 3.0× (2.88–3.12×) (`generated-float`) |  |"
        + " 0.83× (0.68–1.02×) (`generated-vector`) |  |");
    assertThat(report).contains("| inference beside ONNX Runtime | 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement"
        + " | JDK 17.0.15, `-Xmx2g`, `-prof gc` | 0.20 → 0.30 | 1 |");
    assertThat(report).doesNotContain("Measured apart");
  }

  @Test
  void onnxRuntimeWithoutAMeasureOrAnErrorBarHasNoRatioOrNoInterval() throws IOException {
    onnxRuntime.add(onnxResult("predictOne", "784-128-10", "generated-float", 1_000, Double.NaN, 0));
    onnxRuntime.add(onnxResult("predictOne", "784-128-10", "onnxruntime", 3_000, 60, 420));
    onnxRuntime.add(onnxResult("predictBatch64", "784-128-10", "generated-float", 3e6, 0.3e6, 0));
    write("machine.properties", "mode=full\nrerun.onnxruntime.date=2026-01-03\nrerun.onnxruntime.mode=quick\n"
        + "rerun.onnxruntime.cpu=Other CPU\n");
    writeResults();

    String report = render();

    assertThat(report).contains("beside ONNX Runtime (version not recorded) (Java API, CPU)");
    assertThat(report).contains("> **Quick run of this step** (`--only onnxruntime --quick`)");
    assertThat(report).contains("Measured apart from the rest of this report, by `benchmarks/regenerate.sh --only"
        + " onnxruntime` on 2026-01-03 (Other CPU);");
    assertThat(report).contains("| `generated-float` | 1,000 | 0.00 | 3,000,000 ± 300,000 | 0.00 |");
    assertThat(report).contains("| `onnxruntime` | 3,000 ± 60.0 | 420 | not measured |  |");
    assertThat(report).contains("| generated speed ÷ ONNX Runtime's | 3.0× (no interval) (`generated-float`) |  |"
        + " — |  |");
    assertThat(report).doesNotContain("### 4-16-3 tanh\n\n| contender | single row");
  }

  @Test
  void allocationIsJudgedOnTheExactCount() throws IOException {
    write("allocation.tsv", "shape\tcontender\tsteps\tbytes\tbytes_per_step\tstatus\n"
        + "4-16-3/16\tgenerated-float\t1000\t0\t0.000\tok\n"
        + "784-128-10/32\tgenerated-double\t50\t800\t16.000\tok\n"
        + "784-128-10/32\tencog\t50\t9000\t180.000\tok\n");
    String report = render();
    assertThat(report).contains("| every shape: generated trainers allocate 0 B/step | most: generated-double"
        + " on 784-128-10 relu b32, 800 B in 50 steps (exact, stepping thread) | **not met** |");

    write("allocation.tsv", "shape\tcontender\tsteps\tbytes\tbytes_per_step\tstatus\n"
        + "4-16-3/16\tgenerated-float\t1000\t0\t0.000\tok\n"
        + "784-128-10/32\tencog\t50\t9000\t180.000\tok\n");
    assertThat(render()).contains("| every shape: generated trainers allocate 0 B/step | 0 B in all 1"
        + " trainer × shape checks (exact, stepping thread) | **met** |");
  }

  @Test
  void startUpIsComparedWithHelloWorld() throws IOException {
    write("startup.tsv", "contender\tstatus\truns\tmedian_ms\tmin_ms\tmax_ms\tjars\toutput\n"
        + "hello\tok\t10\t40.0\t38.0\t50.0\t0\thello, world\n"
        + "generated-float\tok\t10\t56.0\t55.0\t70.0\t1\tgenerated-float: class 4\n"
        + "dl4j\tnot wired\t0\t-\t-\t-\t0\t\n");
    String report = render();
    assertThat(report).contains("| `generated-float` | 56 | 55 | 70 | 1.4× | 1 |");
    assertThat(report).contains("| `dl4j` | not measured |");
    assertThat(report).contains("generated-float 1.40× (median 56.0 ms vs 40.0 ms) | **met** |");

    write("startup.tsv", "contender\tstatus\truns\tmedian_ms\tmin_ms\tmax_ms\tjars\toutput\n"
        + "hello\tok\t10\t28.4\t27.0\t30.0\t0\thello, world\n"
        + "generated-float\tok\t10\t42.9\t41.0\t48.0\t1\tgenerated-float: class 4\n");
    assertThat(render()).contains("generated-float 1.51× (median 42.9 ms vs 28.4 ms) | **not met** |");
  }

  @Test
  void startUpRunAloneSaysWhenAndUnderWhichLoad() throws IOException {
    write("startup.tsv", "contender\tstatus\truns\tmedian_ms\tmin_ms\tmax_ms\tjars\toutput\n"
        + "hello\tok\t20\t30.0\t28.0\t33.0\t0\thello, world\n");
    write("machine.properties", "mode=full\nstartup_runs=20\nstartup_warm=3\nload.startup.start=0.4\n"
        + "load.startup.end=0.6\nload.startup.attempts=1\nrerun.startup.date=2026-01-03\nrerun.startup.mode=full\n"
        + "rerun.startup.cpu=Other CPU\n");

    String report = render();

    assertThat(report).contains("| start-up | 20 launches per contender after 3 discarded rounds, round-robin"
        + " | default JVM options | 0.4 → 0.6 | 1 |");
    assertThat(report).contains("Measured apart from the rest of this report, by `benchmarks/regenerate.sh --only"
        + " startup` on 2026-01-03 (Other CPU)");
  }

  @Test
  void inferenceLatencyIsPerPredictionWhateverTheMode() throws IOException {
    String avgt = result("dev.unrolled.benchmarks.InferenceBenchmark.predict",
        "\"contender\" : \"generated-float\", \"shape\" : \"784-128-10\"", 2.0, 0.1, 0, 2.0)
        .replace("\"ops/s\"", "\"us/op\"");
    String thrpt = result("dev.unrolled.benchmarks.InferenceBenchmark.predict",
        "\"contender\" : \"smile\", \"shape\" : \"784-128-10\"", 100_000, 1_000, 96, 100_000);
    write("inference.json", "[\n" + avgt + ",\n" + thrpt + "\n]\n");

    String report = render();

    assertThat(report).contains("### 784-128-10 relu — best generated: generated-float");
    assertThat(report).contains("| `generated-float` | 2.00 ± 0.100 | 0.00 | — |");
    assertThat(report).contains("| `smile` | 10.0 ± 0.100 | 96 | 5.0× (4.71–5.32×) |");
    assertThat(report).contains("| `djl` | not measured |");
  }

  @Test
  void theSameResultsGiveTheSameBytes() throws IOException {
    train("4-16-3/16", "generated-float", 1000, 10, 0.02);
    train("4-16-3/16", "smile", 100, 2, 4);
    peak("float256", 90e9, 100e9);
    writeResults();

    assertThat(render()).isEqualTo(render());
  }

  @Test
  void twoThreadsAreJudgedOnTheLowerEndOfThePairedSpeedUpAndOnlyWithTheSameBits() throws IOException {
    // Times per batch over one thread's: 0.5 (0.4–0.52) is 2.0× (1.92–2.50×), met; 0.5 (0.45–0.55) is
    // 2.0× (1.82–2.22×), not met on its lower end; 0.45 (0.42–0.48) is met on speed, but the bits differ.
    // The shards are reported beside the split, never judged.
    parallel("784-128-10/32", "plain", "true", 0.5, 0.4, 0.52);
    parallel("784-128-10/32", "vector", "true", 0.5, 0.45, 0.55);
    parallel("784-256-128-10/64", "plain", "false", 0.45, 0.42, 0.48);
    write("machine.properties", "load.parallel.start=0.40\nload.parallel.end=0.60\nload.parallel.attempts=1\n");

    String report = render();

    assertThat(report).contains("## Two threads");
    assertThat(report).contains("| shape | backend | one thread, samples/s (wall, median block)"
        + " | split by layers, 2 threads (speed-up) | 2 shards, 2 threads | two trainers at once (ceiling)"
        + " | bits (split / shards) | round trip, ns | rounds | load |");
    assertThat(report).contains("| 784-128-10 relu b32 | plain | 32,000 | 2.0× (1.92–2.50×) | 1.2× (1.18–1.22×)"
        + " | 2.0× (1.96–2.04×) | identical / identical | 70 → 140 | 120 | 0.45 → 0.55 |");
    assertThat(report).contains("| 784-256-128-10 relu b64 | plain | 64,000 | 2.2× (2.08–2.38×) | 1.2× (1.18–1.22×)"
        + " | 2.0× (1.96–2.04×) | **differ** / identical | 70 → 140 | 120 | 0.45 → 0.55 |");
    assertThat(report).contains("| 784-256-128-10 relu b64 | vector | not measured |");
    assertThat(report).contains("| 784-128-10 relu b32, plain: 2 threads ≥ 1.85× one thread (split by layers)"
        + " | 2.0× (1.92–2.50×) (paired, wall time, median of 120 rounds; two trainers at once: 2.0× (1.96–2.04×));"
        + " bit-identical to 1 thread | **met** |");
    assertThat(report).contains("| 784-128-10 relu b32, vector: 2 threads ≥ 1.85× one thread (split by layers)"
        + " | 2.0× (1.82–2.22×)");
    assertThat(report).contains(
        "Target: 784-128-10 relu b32, vector: 2 threads ≥ 1.85× one thread (split by layers): **not met**.");
    assertThat(report).contains("; **parameters differ from 1 thread** | **not met** |");
    assertThat(report).contains("| 784-256-128-10 relu b64, vector: 2 threads ≥ 1.85× one thread (split by layers)"
        + " | `ParallelPaired` not run | not measured |");
    assertThat(report).contains("| two threads, paired | 1 JVM, per shape × backend ≤ 4.0 s warm-up, 120 rounds"
        + " × blocks of ~50 ms per contender | JDK 17.0.15, `-Xmx2g` | 0.40 → 0.60 | 1 |");
  }

  @Test
  void withoutParallelResultsTwoThreadsAreNotMeasured() throws IOException {
    String report = render();

    assertThat(report).contains("`ParallelPaired`: not measured (no results in this run; a full run measures it,"
        + " and after one `benchmarks/regenerate.sh --only parallel` measures it alone).");
    assertThat(report).contains("| two threads, paired | not measured |");
    assertThat(report).contains("| 784-128-10 relu b32, plain: 2 threads ≥ 1.85× one thread (split by layers)"
        + " | `ParallelPaired` not run | not measured |");
  }

  /**
   * {@code parallel.<shape>.<backend>.properties} as {@link ParallelPaired} writes it: one thread at
   * 1,000 steps/s, two trainers at once 0.5 (0.49–0.51) of its time per batch, two shards 0.833
   * (0.82–0.85), split by layers {@code ratio} ({@code low}–{@code high}).
   */
  private void parallel(String shape, String backend, String bits, double ratio, double low, double high)
      throws IOException {
    write(ParallelResults.file(shape, backend), "# ParallelPaired\nshape=" + shape + "\nbackend=" + backend
        + "\nbit_identical=" + bits + "\nbit_identical_shards=true\nrounds=120\nblock_ms=50\nwarmup_seconds=4.0\nload_start=0.45\n"
        + "round_trip_start_ns=70\nround_trip_end_ns=140\n"
        + "load_end=0.55\njava_version=17.0.15\njvm_args=-Xmx2g\nwall_steps_per_second.one-thread=1000\n"
        + String.format(Locale.ROOT, "wall_cost.split-layers=%.6g\nwall_cost.split-layers.low=%.6g\n"
            + "wall_cost.split-layers.high=%.6g\n", ratio - 1, low - 1, high - 1)
        + "wall_cost.two-shards=-0.1667\nwall_cost.two-shards.low=-0.18\nwall_cost.two-shards.high=-0.15\n"
        + "wall_cost.two-trainers=-0.5\nwall_cost.two-trainers.low=-0.51\nwall_cost.two-trainers.high=-0.49\n");
  }

  /**
   * {@code regularisation-paired.properties} as {@link PairedCosts} writes it: dropout not measured,
   * batch-norm+dropout's CPU-time cost as given.
   */
  private void paired(String cost, String low, String high) throws IOException {
    write("regularisation-paired.properties", "# RegularisationPaired\n"
        + "bootstrap=10,000 resamples of the rounds, seed 15\n"
        + "cost.batch-norm=0.041\ncost.batch-norm.low=0.010\ncost.batch-norm.high=0.070\n"
        + "cost.batch-norm+dropout=" + cost + "\ncost.batch-norm+dropout.low=" + low + "\n"
        + "cost.batch-norm+dropout.high=" + high + "\n"
        + "wall_cost.batch-norm=0.045\nwall_cost.batch-norm.low=-0.030\nwall_cost.batch-norm.high=0.120\n"
        + "wall_cost.batch-norm+dropout=0.080\nwall_cost.batch-norm+dropout.low=-0.100\n"
        + "wall_cost.batch-norm+dropout.high=0.300\n"
        + "steps_per_second.plain=774.8\nsteps_per_second.batch-norm=740.2\n"
        + "steps_per_second.batch-norm+dropout=722.9\n"
        + "java_version=17.0.15\njvm_args=-Xmx2g --add-modules\\=jdk.incubator.vector\n"
        + "load_start=0.45\nload_end=0.55\nrounds=160\nseconds=95.0\nsteps_per_block=100\n"
        + "vm=OpenJDK 64-Bit Server VM 17.0.15+6\nwarmup_rounds=9\nwarmup_seconds=12.5\nwarmup_settled=true\n");
  }

  /**
   * {@code training-paired.<shape>.properties} as {@link TrainingPaired} writes it, against
   * {@code best}; each row "contender steps steps/s ratio low high wallRatio wallLow wallHigh", the
   * best's ratios ignored.
   */
  private void trainingPaired(String shape, String best, String... rows) throws IOException {
    StringBuilder text = new StringBuilder("# TrainingPaired\nshape=" + shape + "\nbest_generated=" + best.split(" ")[0]
        + "\nselection_rounds=20\nrounds=80\nblock_ms=40\nseconds=31.0\nwarmup_rounds=12\nwarmup_seconds=9.5\n"
        + "warmup_settled=true\nload_start=0.45\nload_end=0.55\nbootstrap=10,000 resamples of the rounds, seed 15\n"
        + "java_version=17.0.15\njvm_args=-Xmx2g --add-modules\\=jdk.incubator.vector\n");
    List<String> all = new ArrayList<>(List.of(best));
    all.addAll(List.of(rows));
    for (String row : all) {
      String[] f = row.split(" ");
      String c = f[0];
      text.append("steps_per_block.").append(c).append('=').append(f[1]).append('\n')
          .append("steps_per_second.").append(c).append('=').append(f[2]).append('\n');
      if (row.equals(best)) {
        continue;
      }
      String[] keys = {"cost.", "cost.", "cost.", "wall_cost.", "wall_cost.", "wall_cost."};
      String[] ends = {"", ".low", ".high", "", ".low", ".high"};
      for (int i = 0; i < 6; i++) {
        text.append(keys[i]).append(c).append(ends[i]).append('=')
            .append(String.format(Locale.ROOT, "%.6g", Double.parseDouble(f[3 + i]) - 1)).append('\n');
      }
    }
    write(TrainingPairedResults.run(shape) + ".properties", text.toString());
  }

  private String read(String name) throws IOException {
    return new String(Files.readAllBytes(folder.resolve(name)), StandardCharsets.UTF_8);
  }

  private String render() throws IOException {
    return ReportWriter.render(RunData.read(folder));
  }

  private void train(String shape, String contender, double score, double error, double bytesPerOp) {
    training.add(result("dev.unrolled.benchmarks.TrainingBenchmark.trainStep",
        "\"contender\" : \"" + contender + "\", \"shape\" : \"" + shape + "\"", score, error, bytesPerOp, score));
  }

  private void regularise(String variant, double score, double error, double bytesPerOp) {
    regularisation.add(result("dev.unrolled.benchmarks.RegularisationBenchmark.trainStep",
        "\"variant\" : \"" + variant + "\"", score, error, bytesPerOp, score));
  }

  /** Both methods of one shape × contender: {@code predictOne} in ns/op, {@code predictBatch64} in rows/s. */
  private void onnxRuntime(String shape, String contender, double nanos, double nanosError, double bytesOne,
      double rows, double rowsError, double bytesBatch) {
    onnxRuntime.add(onnxResult("predictOne", shape, contender, nanos, nanosError, bytesOne));
    onnxRuntime.add(onnxResult("predictBatch64", shape, contender, rows, rowsError, bytesBatch));
  }

  private static String onnxResult(String method, String shape, String contender, double score, double error,
      double bytes) {
    String json = result("dev.unrolled.benchmarks.OnnxRuntimeBenchmark." + method,
        "\"contender\" : \"" + contender + "\", \"shape\" : \"" + shape + "\"", score, error, bytes, score);
    return method.equals("predictOne") ? json.replace("\"thrpt\"", "\"avgt\"").replace("\"ops/s\"", "\"ns/op\"")
        : json;
  }

  private void peak(String method, double mean, double best) {
    peak.add(result("dev.unrolled.benchmarks.PeakFlopsBenchmark." + method, "", mean, Double.NaN, Double.NaN, best));
  }

  /** One benchmark as JMH 1.37 writes it with {@code -rf json}, the fields the report reads. */
  private static String result(String benchmark, String params, double score, double error, double alloc,
      double best) {
    String secondary = Double.isNaN(alloc) ? "{}"
        : "{ \"gc.alloc.rate.norm\" : { \"score\" : " + alloc + ", \"scoreError\" : \"NaN\","
            + " \"scoreUnit\" : \"B/op\", \"rawData\" : [ [ " + alloc + " ] ] } }";
    return String.format(Locale.ROOT, "{ \"jmhVersion\" : \"1.37\", \"benchmark\" : \"%s\", \"mode\" : \"thrpt\","
        + " \"threads\" : 1, \"forks\" : 1, \"jvm\" : \"/usr/bin/java\", \"jvmArgs\" : [ \"-Xmx2g\" ],"
        + " \"jdkVersion\" : \"17.0.15\", \"vmName\" : \"OpenJDK 64-Bit Server VM\", \"vmVersion\" : \"17.0.15+6\","
        + " \"warmupIterations\" : 3, \"warmupTime\" : \"1 s\", \"measurementIterations\" : 5,"
        + " \"measurementTime\" : \"1 s\", \"params\" : { %s }, \"primaryMetric\" : { \"score\" : %s,"
        + " \"scoreError\" : %s, \"scoreUnit\" : \"ops/s\", \"rawData\" : [ [ %s, %s ] ] },"
        + " \"secondaryMetrics\" : %s }",
        benchmark, params, score, Double.isNaN(error) ? "\"NaN\"" : String.valueOf(error), score, best, secondary);
  }

  private void writeResults() throws IOException {
    write("training.json", "[\n" + String.join(",\n", training) + "\n]\n");
    if (!trainingJdk25.isEmpty()) {
      write("training-jdk25.json", "[\n" + String.join(",\n", trainingJdk25) + "\n]\n");
    }
    write("peak.json", "[\n" + String.join(",\n", peak) + "\n]\n");
    if (!regularisation.isEmpty()) {
      write("regularisation.json", "[\n" + String.join(",\n", regularisation) + "\n]\n");
    }
    if (!onnxRuntime.isEmpty()) {
      write("onnxruntime.json", "[\n" + String.join(",\n", onnxRuntime) + "\n]\n");
    }
  }

  private void write(String name, String text) throws IOException {
    Files.write(folder.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }
}
