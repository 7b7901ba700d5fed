package dev.unrolled.support;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The accuracy {@link FastMath} promises, measured against {@link StrictMath} on seeded inputs, and
 * its saturation and special values.
 */
class FastMathTest {
  private static final int SAMPLES = 1_000_000;

  @Test
  void tanhIsWithinFourUlps() {
    assertThat(worstUlps(FastMath::tanh, StrictMath::tanh, -1, 1)).isAtMost(4.0);
    assertThat(worstUlps(FastMath::tanh, StrictMath::tanh, -25, 25)).isAtMost(4.0);
    assertThat(worstUlps(FastMath::tanh, StrictMath::tanh, -1e-6, 1e-6)).isAtMost(4.0);
  }

  @Test
  void tanhSaturatesExactlyAndPassesNaN() {
    double[] large = {19.1, 20, 21, 100, 1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY};
    for (double x : large) {
      assertWithMessage("tanh(%s)", x).that(FastMath.tanh(x)).isEqualTo(1.0);
      assertWithMessage("tanh(%s)", -x).that(FastMath.tanh(-x)).isEqualTo(-1.0);
    }
    assertThat(FastMath.tanh(Double.NaN)).isNaN();
    assertThat(FastMath.tanh(0.0)).isEqualTo(0.0);
    assertThat(FastMath.tanh(1e-300)).isEqualTo(1e-300);
    assertThat(FastMath.tanh(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
  }

  @Test
  void arrayTanhIsWithinSevenUlpsOfStrictMath() {
    // StrictMath.tanh is itself up to 2.1 ulps off; the array tanh is within 5 of the exact value.
    assertThat(worstUlps(FastMathTest::arrayTanh, StrictMath::tanh, -1, 1)).isAtMost(7.0);
    assertThat(worstUlps(FastMathTest::arrayTanh, StrictMath::tanh, -25, 25)).isAtMost(7.0);
    assertThat(worstUlps(FastMathTest::arrayTanh, StrictMath::tanh, -1e-6, 1e-6)).isAtMost(7.0);
  }

  @Test
  void arrayTanhSaturatesExactlyAndPassesNaN() {
    double[] values = {19.1, 20, 100, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
        -19.1, -20, -100, -Double.MAX_VALUE, Double.NEGATIVE_INFINITY, Double.NaN, 0.0, 1e-300, 0.5};
    FastMath.tanh(values, values.length - 1); // the last value stays as it is
    assertThat(values).usingExactEquality().containsExactly(1.0, 1.0, 1.0, 1.0, 1.0,
        -1.0, -1.0, -1.0, -1.0, -1.0, Double.NaN, 0.0, 1e-300, 0.5).inOrder();
  }

  private static double arrayTanh(double x) {
    double[] one = {x};
    FastMath.tanh(one, 1);
    return one[0];
  }

  @Test
  void floatTanhIsWithinSixFloatUlpsAndNeverBeyondOne() {
    SplittableRandom random = new SplittableRandom(13);
    double worst = 0;
    for (int k = 0; k < 3 * SAMPLES; k++) {
      double range = k % 3 == 0 ? 12 : k % 3 == 1 ? 1 : 1e-3;
      float x = (float) ((random.nextDouble() * 2 - 1) * range);
      float got = FastMath.tanh(x);
      float expected = (float) StrictMath.tanh(x);
      worst = Math.max(worst, Math.abs(got - expected) / Math.ulp(expected));
      assertWithMessage("|tanh(%s)|", x).that(Math.abs(got)).isAtMost(1f);
    }
    assertThat(worst).isAtMost(6.0);
  }

  @Test
  void floatTanhSaturatesExactlyAndPassesNaN() {
    float[] large = {9.02f, 10f, 11f, 88f, 1e30f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
    for (float x : large) {
      assertWithMessage("tanh(%s)", x).that(FastMath.tanh(x)).isEqualTo(1f);
      assertWithMessage("tanh(%s)", -x).that(FastMath.tanh(-x)).isEqualTo(-1f);
    }
    assertThat(FastMath.tanh(Float.NaN)).isNaN();
    assertThat(FastMath.tanh(0f)).isEqualTo(0f);
    assertThat(FastMath.tanh(1e-30f)).isEqualTo(1e-30f);
  }

  @Test
  void floatExpIsWithinTwoFloatUlpsWithItsLimitsExact() {
    assertThat(worstFloatUlps(FastMath::exp, Math::exp, -87, 88.7)).isAtMost(2.0);
    assertThat(worstFloatUlps(FastMath::exp, Math::exp, -1e-3, 1e-3)).isAtMost(2.0);
    assertThat(FastMath.exp(0f)).isEqualTo(1f);
    assertThat(FastMath.exp(89f)).isPositiveInfinity();
    assertThat(FastMath.exp(Float.POSITIVE_INFINITY)).isPositiveInfinity();
    assertThat(FastMath.exp(-104f)).isEqualTo(0f);
    // subnormal results are flushed to zero; the smallest normal ones are kept
    assertThat(FastMath.exp(Math.nextDown(-87.33654f))).isEqualTo(0f);
    assertThat(FastMath.exp(-100f)).isEqualTo(0f);
    assertThat(FastMath.exp(-87.3f)).isAtLeast(Float.MIN_NORMAL);
    assertThat(FastMath.exp(Float.NEGATIVE_INFINITY)).isEqualTo(0f);
    assertThat(FastMath.exp(Float.NaN)).isNaN();
  }

  @Test
  void floatExpm1IsWithinThreeFloatUlpsAndExactNearZero() {
    assertThat(worstFloatUlps(FastMath::expm1, Math::expm1, -20, 0)).isAtMost(3.0);
    assertThat(worstFloatUlps(FastMath::expm1, Math::expm1, -0.5, 0.5)).isAtMost(3.0);
    assertThat(worstFloatUlps(FastMath::expm1, Math::expm1, -1e-6, 1e-6)).isAtMost(3.0);
    assertThat(FastMath.expm1(0f)).isEqualTo(0f);
    assertThat(FastMath.expm1(-200f)).isEqualTo(-1f);
    assertThat(FastMath.expm1(Float.NaN)).isNaN();
  }

  @Test
  void floatSigmoidAndSoftplusAreWithinThreeFloatUlps() {
    assertThat(worstFloatUlps(FastMath::sigmoid, x -> 1 / (1 + Math.exp(-x)), -87, 30)).isAtMost(3.0);
    assertThat(worstFloatUlps(FastMath::softplus, x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), -30, 30))
        .isAtMost(3.0);
    assertThat(worstFloatUlps(FastMath::softplus, x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), -1, 1))
        .isAtMost(3.0);
    assertThat(FastMath.sigmoid(200f)).isEqualTo(1f);
    assertThat(FastMath.sigmoid(-200f)).isEqualTo(0f);
    assertThat(FastMath.softplus(1e30f)).isEqualTo(1e30f);
    assertThat(FastMath.softplus(-200f)).isEqualTo(0f);
    assertThat(FastMath.sigmoid(Float.NaN)).isNaN();
    assertThat(FastMath.softplus(Float.NaN)).isNaN();
  }

  private interface FloatFunction {
    float apply(float x);
  }

  /** The worst distance, in float ulps, from the double function's result rounded to float. */
  private static double worstFloatUlps(FloatFunction fast, DoubleUnaryOperator exact, double from, double to) {
    SplittableRandom random = new SplittableRandom(17);
    double worst = 0;
    for (int k = 0; k < SAMPLES; k++) {
      float x = (float) (from + (to - from) * random.nextDouble());
      float expected = (float) exact.applyAsDouble(x);
      float got = fast.apply(x);
      worst = Math.max(worst, got == expected ? 0 : Math.abs(got - expected) / Math.ulp(expected));
    }
    return worst;
  }

  private static double worstUlps(DoubleUnaryOperator fast, DoubleUnaryOperator exact, double from, double to) {
    SplittableRandom random = new SplittableRandom(7);
    double worst = 0;
    for (int k = 0; k < SAMPLES; k++) {
      double x = from + (to - from) * random.nextDouble();
      worst = Math.max(worst, ulps(fast.applyAsDouble(x), exact.applyAsDouble(x)));
    }
    return worst;
  }

  private static double ulps(double actual, double expected) {
    if (actual == expected || Double.isNaN(actual) && Double.isNaN(expected)) {
      return 0;
    }
    return Math.abs(actual - expected) / Math.ulp(expected); // NaN or infinite when only one is
  }
}
