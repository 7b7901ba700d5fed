package dev.unrolled.parity;

import dev.unrolled.Precision;
import dev.unrolled.reference.TestData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs one property over every case, keeps going after a failure so one report shows every broken
 * network, and tracks the worst relative error per precision. {@link #summary()} is what a developer
 * reads: it is in every failure message and published to the test report.
 */
final class ParityReport {
  /** Norm-wise relative error allowed for DOUBLE networks. */
  static final double DOUBLE_TOLERANCE = 1e-8;
  /** Norm-wise relative error allowed for FLOAT networks. */
  static final double FLOAT_TOLERANCE = 2e-3;

  private final String property;
  private final Map<Precision, Double> worst = new EnumMap<>(Precision.class);
  private final Map<Precision, String> worstWhere = new EnumMap<>(Precision.class);
  private final List<String> failures = new ArrayList<>();
  private Throwable firstThrown;
  private int checked;

  ParityReport(String property) {
    this.property = property;
  }

  static double tolerance(Precision precision) {
    return precision == Precision.FLOAT ? FLOAT_TOLERANCE : DOUBLE_TOLERANCE;
  }

  /** Runs {@code check} for {@code c}; an exception or failed assertion is recorded, not thrown. */
  void check(NetCase c, Executable check) {
    checked++;
    try {
      check.execute();
    } catch (Throwable t) {
      failures.add(c.name + ": " + t);
      if (firstThrown == null) {
        firstThrown = t;
      }
    }
  }

  /** Records the vector error {@code ‖actual − expected‖₂ / ‖expected‖₂} and fails past the tolerance. */
  void compare(NetCase c, String what, double[] actual, double[] expected) {
    if (actual.length != expected.length) {
      failures.add(c.name + ": " + what + " has " + actual.length + " entries, expected "
          + expected.length);
      return;
    }
    record(c, what, TestData.relativeError(actual, expected));
  }

  /** Records the scalar error {@code |actual − expected| / max(|expected|, 1e-12)}. */
  void compare(NetCase c, String what, double actual, double expected) {
    record(c, what, TestData.relativeError(actual, expected));
  }

  /**
   * Compares two updates from the same starting point: the steps {@code actual − start} and
   * {@code expected − start}, norm-wise. FLOAT parameters are rounded to float after the update, so
   * the allowance there also covers two float ulps per entry.
   */
  void compareStep(NetCase c, String what, double[] start, double[] actual, double[] expected) {
    double[] actualStep = TestData.minus(actual, start);
    double[] expectedStep = TestData.minus(expected, start);
    double stepNorm = TestData.norm(expectedStep);
    double diff = TestData.norm(TestData.minus(actualStep, expectedStep));
    double rounding = c.isFloat() ? 0x1p-22 * TestData.norm(expected) : 0;
    double error = Math.max(diff - rounding, 0) / Math.max(stepNorm, 1e-300);
    record(c, what, error);
  }

  private void record(NetCase c, String what, double error) {
    double tolerance = tolerance(c.precision);
    if (Double.isNaN(error) || error > worst.getOrDefault(c.precision, -1.0)) {
      worst.put(c.precision, error);
      worstWhere.put(c.precision, c.name + " " + what);
    }
    if (!(error <= tolerance)) {
      failures.add(c.name + ": " + what + " relative error " + error + " > " + tolerance);
    }
  }

  void fail(NetCase c, String message) {
    failures.add(c.name + ": " + message);
  }

  int checked() {
    return checked;
  }

  String summary() {
    StringBuilder s = new StringBuilder(property).append(": ").append(checked).append(" cases");
    for (Precision p : Precision.values()) {
      if (worst.containsKey(p)) {
        s.append("; worst ").append(p).append(" relative error ").append(worst.get(p))
            .append(" (").append(worstWhere.get(p)).append(", tolerance ")
            .append(tolerance(p)).append(')');
      }
    }
    return s.toString();
  }

  /** Fails with every recorded failure unless all passed and exactly {@code expectedCases} ran. */
  void assertAllPassed(int expectedCases) {
    StringBuilder message = new StringBuilder(summary());
    if (checked != expectedCases) {
      message.append("\nexpected ").append(expectedCases).append(" cases, checked ").append(checked);
    }
    for (String f : failures) {
      message.append("\n  ").append(f);
    }
    if (checked != expectedCases || !failures.isEmpty()) {
      throw new AssertionError(message.toString(), firstThrown);
    }
  }
}
