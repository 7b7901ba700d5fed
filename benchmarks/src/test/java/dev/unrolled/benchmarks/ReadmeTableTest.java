package dev.unrolled.benchmarks;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's performance table: written from the run's results, only between its markers. */
class ReadmeTableTest {
  @TempDir Path folder;

  @Test
  void theTableIsWrittenFromTheResults() throws IOException {
    write("machine.properties", "cpu=Test CPU\ndate=2026-01-02\nmode=full\nvector_bits=256\n"
        + "load.training.start=0.40\nload.training.end=1.10\n");
    write("training.json", "[\n" + step("784-128-10/32", "generated-vector", 4_000, 400) + ",\n"
        + step("784-128-10/32", "djl", 1_000, 50) + "\n]\n");
    write("peak.json", "[ { \"benchmark\" : \"dev.unrolled.benchmarks.PeakFlopsBenchmark.float256\","
        + " \"forks\" : 1, \"params\" : {}, \"primaryMetric\" : { \"score\" : 9.0E10, \"scoreError\" : \"NaN\","
        + " \"scoreUnit\" : \"ops/s\", \"rawData\" : [ [ 9.0E10, 1.0E11 ] ] } } ]\n");

    String table = ReportWriter.readmeTable(RunData.read(folder));

    // 128,000 samples/s × 409,088 FLOPs = 52.4 GFLOP/s, 52% of the 100 GFLOP/s peak; 4.0× DJL's 32,000.
    assertThat(table).contains("| 784-128-10 relu b32 | 128 k (generated-vector) | 52% | 32.0 k (djl)"
        + " | 4.0× (3.43–4.63×) |");
    assertThat(table).contains("Training, one thread, Test CPU, 2026-01-02; load 0.40 → 1.10");
  }

  @Test
  void onlyTheTextBetweenTheMarkersChanges() {
    String readme = "# Title\n\n## Performance\n\nIntro.\n\n" + ReadmeTable.BEGIN + "\nold table\n"
        + ReadmeTable.END + "\n\n## Documentation\n";

    String updated = ReadmeTable.replace(readme, "| new | table |\n");

    assertThat(updated).isEqualTo("# Title\n\n## Performance\n\nIntro.\n\n" + ReadmeTable.BEGIN
        + "\n| new | table |\n" + ReadmeTable.END + "\n\n## Documentation\n");
    assertThat(ReadmeTable.replace(updated, "| new | table |\n")).isEqualTo(updated);
  }

  @Test
  void aReadmeWithoutMarkersIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReadmeTable.replace("# Title\n" + ReadmeTable.END + "\n" + ReadmeTable.BEGIN + "\n", "table"));
    assertThat(e).hasMessageThat().contains("performance:begin");
  }

  @Test
  void theRepositoryReadmeHasTheMarkers() throws IOException {
    Path readme = Path.of("..", "README.md");
    String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
    assertThat(ReadmeTable.replace(text, "table\n")).contains(ReadmeTable.BEGIN + "\ntable\n" + ReadmeTable.END);
  }

  private static String step(String shape, String contender, double score, double error) {
    return String.format(Locale.ROOT, "{ \"benchmark\" : \"dev.unrolled.benchmarks.TrainingBenchmark.trainStep\","
        + " \"forks\" : 1, \"params\" : { \"contender\" : \"%s\", \"shape\" : \"%s\" }, \"primaryMetric\" :"
        + " { \"score\" : %s, \"scoreError\" : %s, \"scoreUnit\" : \"ops/s\", \"rawData\" : [ [ %s ] ] } }",
        contender, shape, score, error, score);
  }

  private void write(String name, String text) throws IOException {
    Files.write(folder.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }
}
