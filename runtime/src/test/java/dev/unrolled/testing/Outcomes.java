package dev.unrolled.testing;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.TestReporter;

/**
 * How often each outcome of a fuzz test occurred ("accepted", "rejected: truncated", …), so that the
 * test can report the counts and insist that every outcome it aims at was reached: a fuzz test whose
 * mutations all end the same way has silently stopped testing the others.
 */
public final class Outcomes {
  private final Map<String, Integer> counts = new TreeMap<>();

  public void count(String outcome) {
    counts.merge(outcome, 1, Integer::sum);
  }

  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int of(String outcome) {
    return counts.getOrDefault(outcome, 0);
  }

  /** "1234 inputs: accepted 310, rejected: truncated 402, …". */
  public String summary() {
    StringBuilder text = new StringBuilder().append(total()).append(" inputs");
    counts.forEach((outcome, n) -> text.append(", ").append(outcome).append(' ').append(n));
    return text.toString();
  }

  /**
   * Publishes the {@link #summary} as a report entry, and writes it to
   * {@code target/fuzz-outcomes/<name>.txt}, where it outlives the build's output.
   */
  public void publish(TestReporter reporter, String name) throws IOException {
    reporter.publishEntry(name, summary());
    Path report = Path.of("target", "fuzz-outcomes", name.replace(' ', '-') + ".txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, summary().replace(", ", "\n") + "\n");
  }

  /** Fails unless at least {@code minimum} inputs were judged and every one of {@code outcomes} occurred. */
  public void requireReached(int minimum, Iterable<String> outcomes) {
    assertWithMessage(summary()).that(total()).isAtLeast(minimum);
    for (String outcome : outcomes) {
      assertWithMessage("outcome \"%s\" never occurred: %s", outcome, summary()).that(of(outcome)).isGreaterThan(0);
    }
  }
}
