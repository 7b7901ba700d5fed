package dev.unrolled.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The dropout masks: kept with probability 1 − p, a pure function of what the trainer knows. */
class DropoutTest {
  private static final int DRAWS = 1_000_000;

  /** Over 10⁶ draws across steps, rows and units the kept fraction is within 4σ of 1 − p. */
  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.2, 0.5, 0.9})
  void theKeptFractionIsOneMinusPWithinFourSigma(double p) {
    int threshold = Dropout.threshold(p);
    int kept = 0;
    for (int step = 0; step < 100; step++) {
      for (int row = 0; row < 100; row++) {
        int key = Dropout.rowKey(42, step, 2, row);
        for (int unit = 0; unit < 100; unit++) {
          if (Dropout.kept(key, unit, threshold)) {
            kept++;
          }
        }
      }
    }
    double sigma = Math.sqrt(DRAWS * p * (1 - p));

    assertThat(Math.abs(kept - DRAWS * (1 - p))).isAtMost(4 * sigma);
  }

  @Test
  void neighbouringUnitsRowsLayersAndStepsAreIndependentEnough() {
    // Agreement of two masks at p = 0.5 is itself a fair coin when they are independent.
    int threshold = Dropout.threshold(0.5);
    int[] agree = new int[4];
    int n = 0;
    for (int step = 0; step < 50; step++) {
      for (int row = 0; row < 50; row++) {
        for (int unit = 0; unit < 100; unit++) {
          boolean here = Dropout.kept(Dropout.rowKey(1, step, 1, row), unit, threshold);
          agree[0] += here == Dropout.kept(Dropout.rowKey(1, step, 1, row), unit + 1, threshold) ? 1 : 0;
          agree[1] += here == Dropout.kept(Dropout.rowKey(1, step, 1, row + 1), unit, threshold) ? 1 : 0;
          agree[2] += here == Dropout.kept(Dropout.rowKey(1, step, 2, row), unit, threshold) ? 1 : 0;
          agree[3] += here == Dropout.kept(Dropout.rowKey(1, step + 1, 1, row), unit, threshold) ? 1 : 0;
          n++;
        }
      }
    }
    for (int a : agree) {
      assertThat(Math.abs(a - n / 2.0)).isAtMost(4 * Math.sqrt(n / 4.0));
    }
  }

  @Test
  void theMaskIsAFunctionOfSeedStepLayerRowAndUnitOnly() {
    assertThat(Dropout.kept(7, 3, 2, 5, 11, 0.5)).isEqualTo(Dropout.kept(7, 3, 2, 5, 11, 0.5));
    int differ = 0;
    for (int unit = 0; unit < 64; unit++) {
      differ += Dropout.kept(7, 3, 2, 5, unit, 0.5) != Dropout.kept(8, 3, 2, 5, unit, 0.5) ? 1 : 0;
    }
    assertThat(differ).isGreaterThan(16); // another seed, other masks
  }

  @Test
  void zeroKeepsEverythingAndOneIsNotAProbabilityOfDropout() {
    for (int unit = 0; unit < 1000; unit++) {
      assertThat(Dropout.kept(1, 2, 3, 4, unit, 0.0)).isTrue();
    }
    assertThat(Dropout.threshold(0.0)).isEqualTo(0);
    assertThat(Dropout.threshold(0.5)).isEqualTo(1 << 23);
    assertThrows(IllegalArgumentException.class, () -> Dropout.threshold(1.0));
    assertThrows(IllegalArgumentException.class, () -> Dropout.threshold(-0.1));
    assertThrows(IllegalArgumentException.class, () -> Dropout.threshold(Double.NaN));
  }
}
