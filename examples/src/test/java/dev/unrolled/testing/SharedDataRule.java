package dev.unrolled.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when the real datasets under {@code ../shared/data} are missing: outside CI it
 * is skipped, saying what is missing; when the environment variable {@code CI} is set (to anything
 * but {@code false}) it fails, so a green CI run always includes the checks on real data.
 */
public final class SharedDataRule {
  private SharedDataRule() {}

  /** Returns when {@code present}; otherwise skips the test, or fails it under CI. */
  public static void require(boolean present, String what) {
    require(present, what, System.getenv("CI"));
  }

  /** {@link #require(boolean, String)} with the value of {@code CI} given, for testing the rule itself. */
  static void require(boolean present, String what, String ci) {
    if (present) {
      return;
    }
    String missing = what + " not found under ../shared/data";
    if (ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false")) {
      Assertions.fail(missing + ": CI=" + ci + " requires the real data, so this is a failure, not a skip");
    }
    Assumptions.abort(missing + ": skipping (under CI=true this fails)");
  }
}
