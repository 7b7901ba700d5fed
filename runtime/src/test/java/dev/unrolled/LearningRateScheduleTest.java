package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  private static final double TOLERANCE = 1e-12;

  @Test
  void constantIsOneAtEveryStep() {
    assertThat(LearningRateSchedule.constant().factor(0)).isEqualTo(1.0);
    assertThat(LearningRateSchedule.constant().factor(1_000_000)).isEqualTo(1.0);
  }

  @Test
  void stepDecayMultipliesByGammaEveryNSteps() {
    LearningRateSchedule s = LearningRateSchedule.stepDecay(10, 0.5);

    assertThat(s.factor(0)).isEqualTo(1.0);
    assertThat(s.factor(9)).isEqualTo(1.0);
    assertThat(s.factor(10)).isEqualTo(0.5);
    assertThat(s.factor(25)).isEqualTo(0.25);
  }

  @Test
  void exponentialRaisesGammaToTheStep() {
    LearningRateSchedule s = LearningRateSchedule.exponential(0.9);

    assertThat(s.factor(0)).isEqualTo(1.0);
    assertThat(s.factor(2)).isWithin(TOLERANCE).of(0.81);
  }

  @Test
  void cosineAnnealsToTheFloorAndStaysThere() {
    LearningRateSchedule s = LearningRateSchedule.cosine(100, 0.1);

    assertThat(s.factor(0)).isWithin(TOLERANCE).of(1.0);
    assertThat(s.factor(50)).isWithin(TOLERANCE).of(0.55);
    assertThat(s.factor(100)).isWithin(TOLERANCE).of(0.1);
    assertThat(s.factor(1_000)).isWithin(TOLERANCE).of(0.1);
  }

  @Test
  void linearWarmupRampsUpThenHandsOver() {
    LearningRateSchedule s = LearningRateSchedule.linearWarmup(4, LearningRateSchedule.stepDecay(2, 0.5));

    assertThat(s.factor(0)).isWithin(TOLERANCE).of(0.25);
    assertThat(s.factor(3)).isWithin(TOLERANCE).of(1.0);
    assertThat(s.factor(4)).isWithin(TOLERANCE).of(1.0);
    assertThat(s.factor(6)).isWithin(TOLERANCE).of(0.5);
  }

  @Test
  void invalidArgumentsNameTheirValue() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(0, 0.5)))
        .hasMessageThat().contains("everySteps is 0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.exponential(-0.5)))
        .hasMessageThat().contains("gammaPerStep is -0.5");
    assertThat(assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(10, 1.5)))
        .hasMessageThat().contains("minFactor is 1.5");
    assertThat(assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.linearWarmup(5, null)))
        .hasMessageThat().contains("LearningRateSchedule.constant()");
  }
}
