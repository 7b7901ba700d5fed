package dev.unrolled.testing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDataRuleTest {
  @Test
  void presentDataPassesEverywhere() {
    SharedDataRule.require(true, "iris.csv", "true");
    SharedDataRule.require(true, "iris.csv", null);
  }

  @Test
  void missingDataSkipsOutsideCi() {
    for (String ci : new String[] {null, "", "false", "FALSE"}) {
      TestAbortedException skipped =
          assertThrows(TestAbortedException.class, () -> SharedDataRule.require(false, "iris.csv", ci));
      assertThat(skipped).hasMessageThat().contains("iris.csv not found under ../shared/data: skipping");
    }
  }

  @Test
  void missingDataFailsUnderCi() {
    for (String ci : new String[] {"true", "1", "yes"}) {
      AssertionFailedError failed =
          assertThrows(AssertionFailedError.class, () -> SharedDataRule.require(false, "mnist/train", ci));
      assertThat(failed).hasMessageThat().contains("mnist/train not found under ../shared/data: CI=" + ci);
    }
  }
}
