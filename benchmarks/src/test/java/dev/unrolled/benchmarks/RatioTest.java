package dev.unrolled.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** Ratios with the interval both error bars allow; targets judged on its low end. */
class RatioTest {
  @Test
  void theIntervalTakesBothErrorBarsAtTheirWorst() {
    Ratio r = Ratio.of(100, 10, 50, 5);

    assertThat(r.value).isEqualTo(2.0);
    assertThat(r.low).isWithin(1e-12).of(90.0 / 55);
    assertThat(r.high).isWithin(1e-12).of(110.0 / 45);
    assertThat(r.toString()).isEqualTo("2.0× (1.64–2.44×)");
  }

  @Test
  void aTargetIsMetOnTheLowEndOnly() {
    assertThat(Ratio.of(100, 10, 50, 5).atLeast(1.6)).isTrue();
    assertThat(Ratio.of(100, 10, 50, 5).atLeast(2.0)).isFalse();
  }

  @Test
  void aLimitIsMetOnTheHighEndOnly() {
    // 100 ± 2 against 95 ± 3: 1.05× on the means, at worst 102 / 92 = 1.109×.
    assertThat(Ratio.of(100, 2, 95, 3).atMost(1.11)).isTrue();
    assertThat(Ratio.of(100, 2, 95, 3).atMost(1.10)).isFalse();
    assertThat(Ratio.of(100, Double.NaN, 95, 3).atMost(2)).isFalse();
  }

  @Test
  void withoutAnErrorBarNoTargetIsMet() {
    Ratio r = Ratio.of(100, Double.NaN, 50, 5);

    assertThat(r.toString()).isEqualTo("2.0× (no interval)");
    assertThat(r.atLeast(1)).isFalse();
  }

  @Test
  void aDenominatorThatMayBeZeroHasNoUpperBound() {
    assertThat(Ratio.of(100, 10, 5, 5).toString()).isEqualTo("20.0× (9.00–∞)");
  }
}
