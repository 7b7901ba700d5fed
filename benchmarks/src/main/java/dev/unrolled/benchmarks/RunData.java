package dev.unrolled.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Everything one run of {@code benchmarks/regenerate.sh} leaves in its results folder, read back
 * for {@link ReportWriter}. A file that is missing (a step that was skipped or failed) reads as
 * empty, and the report says "not measured" where it would have been used.
 *
 * <ul>
 *   <li>{@code training.json}, {@code inference.json}, {@code peak.json}: JMH ({@code -rf json});
 *   <li>{@code training-jdk25.json}: the generated contenders' training again, forks on JDK 25;
 *   <li>{@code training-paired.<shape>.properties}: {@link TrainingPaired}, every contender of a shape in
 *       one JVM ({@link TrainingPairedResults});
 *   <li>{@code crossover-vector.json}, {@code crossover-plain.json}: {@link LaneCrossover}
 *       ({@link CrossoverResults});
 *   <li>{@code regularisation.json}: {@link RegularisationBenchmark} (JMH);
 *       {@code regularisation-paired.properties}: {@link RegularisationPaired} ({@link PairedCosts});
 *   <li>{@code onnxruntime.json}: {@link OnnxRuntimeBenchmark} (JMH);
 *   <li>{@code parallel.<shape>.<backend>.properties}: {@link ParallelPaired}, one thread against two
 *       ({@link ParallelResults});
 *   <li>{@code sweep.jdk<feature>.784-<W>-<W>-10-b<batch>.properties}: {@link WidthSweep}, the vector
 *       trainer against DJL per width and batch ({@link SweepResults});
 *   <li>{@code allocation.tsv}: {@link AllocationCheck}; {@code startup.tsv}: {@link StartupHarness};
 *       {@code dependencies.tsv}: {@link DependencySize};
 *   <li>{@code machine.properties}: CPU, its vector width, cores, date, run mode, and the load
 *       average before and after each JMH run ({@code load.<run>.start}, {@code load.<run>.end},
 *       {@code load.<run>.attempts}), written by the script; for a step measured apart
 *       ({@code --only <run>}), its date, run mode and CPU ({@code rerun.<run>.date},
 *       {@code rerun.<run>.mode}, {@code rerun.<run>.cpu}); the version of the library a run measures
 *       beside the generated code, from the resolved dependency tree ({@code version.onnxruntime}).
 * </ul>
 */
final class RunData {
  final List<JmhResult> training;
  final List<JmhResult> trainingJdk25;
  /** Empty when not run. */
  final TrainingPairedResults trainingPaired;
  final List<JmhResult> regularisation;
  /** Empty when not run. */
  final PairedCosts regularisationPaired;
  final List<JmhResult> inference;
  final List<JmhResult> onnxruntime;
  /** Empty when not run. */
  final ParallelResults parallel;
  final List<JmhResult> peak;
  final List<Map<String, String>> allocation;
  final List<Map<String, String>> startup;
  final List<Map<String, String>> dependencies;
  final Properties machine;
  /** {@link LaneCrossover}'s results per backend ({@link CrossoverResults#BACKENDS}); empty ones when not run. */
  final List<CrossoverResults> crossover = new ArrayList<>();
  /** {@link WidthSweep}'s results; empty when not run. */
  SweepResults sweep = SweepResults.empty();

  RunData(List<JmhResult> training, List<JmhResult> trainingJdk25, TrainingPairedResults trainingPaired,
      List<JmhResult> regularisation,
      PairedCosts regularisationPaired, List<JmhResult> inference, List<JmhResult> onnxruntime,
      ParallelResults parallel, List<JmhResult> peak, List<Map<String, String>> allocation, List<Map<String, String>> startup, List<Map<String, String>> dependencies, Properties machine) {
    this.training = training;
    this.trainingJdk25 = trainingJdk25;
    this.trainingPaired = trainingPaired;
    this.regularisation = regularisation;
    this.regularisationPaired = regularisationPaired;
    this.inference = inference;
    this.onnxruntime = onnxruntime;
    this.parallel = parallel;
    this.peak = peak;
    this.allocation = allocation;
    this.startup = startup;
    this.dependencies = dependencies;
    this.machine = machine;
  }

  static RunData read(Path folder) throws IOException {
    Properties machine = new Properties();
    Path properties = folder.resolve("machine.properties");
    if (Files.isRegularFile(properties)) {
      try (InputStream in = Files.newInputStream(properties)) {
        machine.load(in);
      }
    }
    RunData data = new RunData(JmhResult.read(folder.resolve("training.json")),
        JmhResult.read(folder.resolve("training-jdk25.json")), TrainingPairedResults.read(folder),
        JmhResult.read(folder.resolve("regularisation.json")),
        PairedCosts.read(folder.resolve("regularisation-paired.properties")),
        JmhResult.read(folder.resolve("inference.json")), JmhResult.read(folder.resolve("onnxruntime.json")),
        ParallelResults.read(folder), JmhResult.read(folder.resolve("peak.json")),
        tsv(folder.resolve("allocation.tsv")), tsv(folder.resolve("startup.tsv")), tsv(folder.resolve("dependencies.tsv")), machine);
    for (String backend : CrossoverResults.BACKENDS) {
      data.crossover.add(CrossoverResults.read(folder.resolve("crossover-" + backend + ".json"), backend));
    }
    data.sweep = SweepResults.read(folder);
    return data;
  }

  /** Rows of a tab-separated file with a header line, as column → value maps. */
  static List<Map<String, String>> tsv(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), c < cells.length ? cells[c] : "");
      }
      rows.add(Collections.unmodifiableMap(row));
    }
    return rows;
  }

  String machine(String key, String otherwise) {
    String value = machine.getProperty(key);
    return value == null || value.isBlank() ? otherwise : value.trim();
  }
}
