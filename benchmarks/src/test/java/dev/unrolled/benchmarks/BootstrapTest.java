package dev.unrolled.benchmarks;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.Range;
import org.junit.jupiter.api.Test;

/** The median and its seeded bootstrap interval, on samples whose answer is known. */
class BootstrapTest {
  @Test
  void theMedianIsTheMiddleValueOrTheMeanOfTheTwo() {
    assertThat(Bootstrap.median(new double[] {5, 1, 3})).isEqualTo(3.0);
    assertThat(Bootstrap.median(new double[] {4, 1, 3, 100})).isEqualTo(3.5);
    assertThat(Bootstrap.median(new double[] {-2})).isEqualTo(-2.0);
    assertThrows(IllegalArgumentException.class, () -> Bootstrap.median(new double[0]));
  }

  @Test
  void aConstantSampleHasAnIntervalOfNoWidth() {
    double[] interval = Bootstrap.medianInterval(new double[] {0.07, 0.07, 0.07, 0.07}, 1000, 1, 0.95);
    assertThat(interval).usingExactEquality().containsExactly(0.07, 0.07).inOrder();
  }

  @Test
  void theIntervalOfAUniformSampleIsAsWideAsTheory() {
    // 0, 1, ..., 999: median 499.5; the median of n uniform values on [0, 1000) has a standard error
    // of about 1000 / (2·√n) = 15.8, so a 95% interval about ±31 around it.
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    double[] interval = Bootstrap.medianInterval(values, 10_000, 15, 0.95);
    assertThat(interval[0]).isIn(Range.closed(499.5 - 45, 499.5 - 20));
    assertThat(interval[1]).isIn(Range.closed(499.5 + 20, 499.5 + 45));
  }

  @Test
  void theSameSeedGivesTheSameIntervalAndTheTailsAreCut() {
    double[] values = {0.01, 0.05, 0.02, 0.30, 0.04, 0.03, -0.20, 0.06, 0.05, 0.02, 0.04};
    double[] once = Bootstrap.medianInterval(values, 5000, 15, 0.95);
    assertThat(Bootstrap.medianInterval(values, 5000, 15, 0.95)).usingExactEquality()
        .containsExactly(once[0], once[1]).inOrder();
    // A resample's median is one of the values; the two outliers are too rare to be one.
    assertThat(once[0]).isAtLeast(0.01);
    assertThat(once[1]).isAtMost(0.06);
    assertThat(once[0]).isLessThan(Bootstrap.median(values));
    assertThat(once[1]).isGreaterThan(Bootstrap.median(values));
  }

  @Test
  void aWiderLevelGivesAWiderInterval() {
    double[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    double[] narrow = Bootstrap.medianInterval(values, 5000, 3, 0.5);
    double[] wide = Bootstrap.medianInterval(values, 5000, 3, 0.99);
    assertThat(wide[0]).isLessThan(narrow[0]);
    assertThat(wide[1]).isGreaterThan(narrow[1]);
    assertThrows(IllegalArgumentException.class, () -> Bootstrap.medianInterval(values, 100, 3, 1));
  }
}
