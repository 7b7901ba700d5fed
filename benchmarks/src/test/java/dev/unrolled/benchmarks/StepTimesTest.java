package dev.unrolled.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The distribution of step durations that {@link StepTimes} prints. */
class StepTimesTest {
  @Test
  void slowStepsAreThoseOverAThirdAboveTheMedianAndTheirCostIsWhatTheyAddAStep() {
    // 90 steps of 100 µs, 6 of 125 µs (slower, but not slow), 4 of 300 µs.
    long[] nanos = new long[100];
    Arrays.fill(nanos, 0, 90, 100_000);
    Arrays.fill(nanos, 90, 96, 125_000);
    Arrays.fill(nanos, 96, 100, 300_000);
    StepTimes.Distribution d = new StepTimes.Distribution(nanos);

    assertThat(d.p10).isEqualTo(100.0);
    assertThat(d.median).isEqualTo(100.0);
    assertThat(d.p90).isEqualTo(125.0);
    assertThat(d.p99).isEqualTo(300.0);
    assertThat(d.mean).isWithin(1e-9).of(109.5);
    assertThat(d.slowShare).isWithin(1e-12).of(0.04);
    // Four steps 200 µs over the median, spread over 100 steps.
    assertThat(d.slowCost).isWithin(1e-9).of(8.0);
  }

  @Test
  void theStepsNeedNotBeInOrder() {
    long[] nanos = {300_000, 100_000, 100_000, 100_000, 100_000};
    StepTimes.Distribution d = new StepTimes.Distribution(nanos);

    assertThat(d.median).isEqualTo(100.0);
    assertThat(d.slowShare).isWithin(1e-12).of(0.2);
    assertThat(d.slowCost).isWithin(1e-9).of(40.0);
  }
}
