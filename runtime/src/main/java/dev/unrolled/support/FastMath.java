package dev.unrolled.support;

/**
 * {@code tanh}, and in float the exponential functions of the other activations, in plain arithmetic
 * for generated code. Not correctly rounded,
 * but close: {@link #tanh(double)} stays within 4 ulps of {@link StrictMath#tanh} and
 * {@link #tanh(float)} within 6 float ulps (checked by {@code FastMathTest} on millions of seeded
 * inputs); both are exactly ±1 where tanh rounds to ±1, and NaN only for NaN.
 *
 * <p>Why not {@code Math}: on JDK 17 {@code Math.tanh} is not intrinsified (about 20 ns), and a float
 * tanh through the {@code Math.exp} intrinsic spent about 25 ns, mostly waiting on float-double
 * conversions. These inline into the caller's loop, where C2 overlaps independent units: about
 * 4 ns per float tanh and 8 ns per double tanh, on JDK 17 and 25 alike. Over a whole batch, where
 * C2 vectorises a loop of them, the float tanh takes about 1.3 ns a value and
 * {@link #tanh(double[], int)}, made for it, about 2.
 *
 * <p>Double: {@code tanh x = t/(t + 2)} with {@code t = e^{2x} − 1}, which keeps full relative
 * accuracy near 0, where {@code 1 − 2/(e^{2x} + 1)} cancels. {@code e^u − 1} comes from
 * {@code u = k·ln 2 + r}, {@code |r| ≤ ln 2 / 2} (Cody–Waite split of ln 2, {@code k} rounded by
 * adding and subtracting 1.5·2<sup>52</sup>), {@code e^r − 1 = r·q(r)} with {@code q} a Chebyshev
 * fit (relative error 1.8·10<sup>−17</sup>), and {@code 2^k} built from its bits. Float: a rational
 * fit, see {@link #tanh(float)}.
 *
 * <p>Float {@link #exp(float)}, {@link #expm1(float)}, {@link #sigmoid(float)} and
 * {@link #softplus(float)} serve the float sigmoid, SiLU, ELU and softplus for the same reason as
 * the float tanh: computing them through {@code Math.exp} in double and narrowing costs two
 * conversions per call, which dominate a float loop. Each stays within 3 float ulps of the
 * correctly rounded result (checked by {@code FastMathTest}).
 */
public final class FastMath {
  private static final double INV_LN2 = 1.4426950408889634;
  // ln 2 = LN2_HI + LN2_LO, LN2_HI with trailing zero bits so that k·LN2_HI is exact (fdlibm's split).
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  /** Adding then subtracting 1.5·2⁵² rounds to an integer, which sits in the low bits of the sum. */
  private static final double SHIFTER = 0x1.8p52;
  /** Beyond this, double tanh rounds to ±1 (tanh 19.1 already does). */
  private static final double TANH_SATURATES = 20.0;
  /** Where the float tanh's fit ends; tanh 9 is 1 − 3·10⁻⁸, within a float ulp of 1. */
  private static final float TANH_CLAMP_F = 9f;

  /** ln 2 in two floats, the first with trailing zero bits so that k·LN2_HI_F is exact (Cephes' split). */
  private static final float LN2_HI_F = 0.693359375f;
  private static final float LN2_LO_F = -2.12194440e-4f;
  private static final float INV_LN2_F = 1.44269504088896341f;
  /** Adding then subtracting 1.5·2²³ rounds a float to an integer, which sits in the low bits. */
  private static final float SHIFTER_F = 0x1.8p23f;
  /** e^x overflows float beyond this, and is below the smallest normal float under the other. */
  private static final float EXP_OVERFLOWS_F = 88.72283f;
  private static final float EXP_UNDERFLOWS_F = -87.33654f;

  private FastMath() {}

  /** e<sup>x</sup> − 1 for {@code |x| ≤ 40}, accurate near 0; NaN for NaN. */
  private static double expm1(double x) {
    double shifted = x * INV_LN2 + SHIFTER;
    double k = shifted - SHIFTER;
    double r = (x - k * LN2_HI) - k * LN2_LO;
    double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(shifted) + 1023L) << 52);
    return (scale - 1.0) + scale * (r * q(r));
  }

  /** {@code (e^r − 1)/r} for {@code |r| ≤ ln 2 / 2}. */
  private static double q(double r) {
    return 1.0 + r * (0.5000000000000006 + r * (0.1666666666666667 + r * (0.041666666666573086
        + r * (0.008333333333326136 + r * (0.0013888888932508548 + r * (0.00019841269874815834
        + r * (2.4801504321690158e-05 + r * (2.7557255406285044e-06 + r * (2.7626367775723217e-07
        + r * 2.5105214474751413e-08)))))))));
  }

  /** Hyperbolic tangent, within 4 ulps; exactly ±1 beyond ±20, NaN for NaN. */
  public static double tanh(double x) {
    double clamped = x > TANH_SATURATES ? TANH_SATURATES : x < -TANH_SATURATES ? -TANH_SATURATES : x;
    double t = expm1(2.0 * clamped);
    return t / (t + 2.0);
  }

  /**
   * Replaces {@code values[0, count)} by their hyperbolic tangents, in loops C2 vectorises: about
   * 2 ns a value with AVX-512, against about 7 for {@link #tanh(double)} called over rows of 16.
   * Within 5 ulps of the exact tanh (35-digit reference values at 60,000 points from 10⁻¹⁸ to 20),
   * but not the bits of {@link #tanh(double)}: the two are different approximations, so a caller
   * uses one or the other for a given layer. Exactly ±1 beyond ±19.1 and NaN for NaN; unlike
   * {@link #tanh(double)}, −0 gives +0 and inputs below 2<sup>−1016</sup> lose bits (x/64 is
   * subnormal).
   *
   * <p>{@code tanh x = t/(t + 2)} with {@code t = e^{2x} − 1}, which keeps full relative accuracy
   * near 0, obtained from {@code e^{2x/128} − 1} (Taylor to the 14th power, Estrin's scheme for short
   * dependency chains) by seven squarings of {@code 1 + t}, each written {@code t(2 + t)} with one
   * rounding. No exponent bits are built, since C2 does not vectorise moves between long and double
   * bits. Two loops, because C2 does not unroll, and so does not vectorise, one loop with all of it.
   */
  public static void tanh(double[] values, int count) {
    for (int k = 0; k < count; k++) {
      values[k] = expm1Scaled(values[k]);
    }
    for (int k = 0; k < count; k++) {
      values[k] = tanhFromExpm1(values[k]);
    }
  }

  /**
   * {@code e^r − 1} for {@code r = 2x/128}, x clamped to ±{@value #TANH_SATURATES}: Taylor to
   * r<sup>14</sup>, past double precision for |r| ≤ 0.32.
   */
  private static double expm1Scaled(double x) {
    double r = Math.max(-TANH_SATURATES, Math.min(TANH_SATURATES, x)) * 0x1p-6;
    double r2 = r * r;
    double r4 = r2 * r2;
    double r8 = r4 * r4;
    return r * ((((1.0 + r * 0.5) + r2 * (0.16666666666666666 + r * 0.041666666666666664))
        + r4 * ((0.008333333333333333 + r * 0.001388888888888889)
        + r2 * (0.0001984126984126984 + r * 2.48015873015873e-05)))
        + r8 * (((2.7557319223985893e-06 + r * 2.755731922398589e-07)
        + r2 * (2.505210838544172e-08 + r * 2.08767569878681e-09))
        + r4 * (1.6059043836821613e-10 + r * 1.1470745597729725e-11)));
  }

  /** tanh x from {@code t = e^{2x/128} − 1}: {@code 1 + t} squared seven times, then {@code t/(t + 2)}. */
  private static double tanhFromExpm1(double t) {
    t = Math.fma(t, t, t + t);
    t = Math.fma(t, t, t + t);
    t = Math.fma(t, t, t + t);
    t = Math.fma(t, t, t + t);
    t = Math.fma(t, t, t + t);
    t = Math.fma(t, t, t + t);
    t = Math.fma(t, t, t + t);
    return t / (t + 2.0);
  }

  /**
   * e<sup>x</sup> in float arithmetic, within 2 float ulps for normal results: {@code x = k·ln 2 + r},
   * {@code |r| ≤ ln 2 / 2}, Cephes' degree-5 polynomial for {@code e^r}, {@code 2^k} from its bits
   * in two halves so that every exponent stays representable. Infinity above
   * {@value #EXP_OVERFLOWS_F}, NaN for NaN, and 0 below {@value #EXP_UNDERFLOWS_F}, where e^x is
   * below the smallest normal float ({@code 2^−126}): a subnormal result is flushed to zero, as the
   * flush-to-zero mode of native numeric libraries does, because a float multiply with a subnormal
   * result is slow on x86 (this exp took 20.7 ns for subnormal results, 4.9 ns for normal ones, AMD
   * Zen 4, JDK 17). A softmax trained until its logits lie that far apart met them more and more:
   * the 4-16-3 float step slowed by a fifth over 4.8 million batches, by a tenth with the flush.
   * The values lost are below 1.2·10<sup>−38</sup>, and a sum they join does not change.
   */
  public static float exp(float x) {
    if (!(x < EXP_OVERFLOWS_F)) {
      return x + Float.POSITIVE_INFINITY; // +∞, or NaN for NaN
    }
    if (x < EXP_UNDERFLOWS_F) {
      return 0f;
    }
    float shifted = x * INV_LN2_F + SHIFTER_F;
    float k = shifted - SHIFTER_F;
    float r = x - k * LN2_HI_F - k * LN2_LO_F;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    float e = p * r * r + r + 1f;
    int n = (int) k;
    int half = n >> 1;
    return e * Float.intBitsToFloat((half + 127) << 23) * Float.intBitsToFloat((n - half + 127) << 23);
  }

  /**
   * e<sup>x</sup> − 1 in float arithmetic, within 3 float ulps: a Taylor polynomial near 0 (where
   * {@code e^x − 1} would cancel), {@link #exp(float)} minus one elsewhere. NaN for NaN.
   */
  public static float expm1(float x) {
    if (Math.abs(x) < 0.35f) {
      return x + x * x * (0.5f + x * (1.6666667e-1f + x * (4.1666668e-2f + x * (8.333334e-3f
          + x * (1.3888889e-3f + x * (1.984127e-4f + x * 2.4801588e-5f))))));
    }
    return exp(x) - 1f;
  }

  /**
   * ln(1 + u) for {@code u ≥ 0} in float arithmetic, within 3 float ulps:
   * {@code 2·atanh(u/(2 + u))}, whose argument stays below 1/3 for {@code u ≤ 1} (the odd series
   * then needs terms up to s<sup>15</sup>); beyond 1, {@code 2 atanh} of a larger argument still
   * converges, and callers here pass {@code u ≤ 1}.
   */
  static float log1pSmall(float u) {
    float s = u / (2f + u);
    float w = s * s;
    return 2f * s * (1f + w * (3.3333334e-1f + w * (2e-1f + w * (1.4285715e-1f + w * (1.1111111e-1f
        + w * (9.090909e-2f + w * (7.692308e-2f + w * 6.6666670e-2f)))))));
  }

  /**
   * The logistic function 1/(1 + e<sup>−x</sup>) in float arithmetic, within 3 float ulps where the
   * result is a normal float (below about −88.72 it is 0 rather than a subnormal); NaN for NaN.
   */
  public static float sigmoid(float x) {
    return 1f / (1f + exp(-x));
  }

  /** softplus(x) = ln(1 + e<sup>x</sup>) as {@code max(x, 0) + ln(1 + e^−|x|)}, which never overflows. */
  public static float softplus(float x) {
    return Math.max(x, 0f) + log1pSmall(exp(-Math.abs(x)));
  }

  /**
   * Hyperbolic tangent in float arithmetic throughout (no conversions to double, which are what
   * make float code slow on JDK 17), within 6 float ulps; exactly ±1 from ±9 on, NaN for NaN.
   * A rational {@code x·p(x²)/q(x²)} (degrees 4 and 4 in {@code x²}, relative error 2.1·10<sup>−8</sup>
   * on [−9, 9], fitted for this class) needs no exponent bits, so it is cheaper than {@code t/(t + 2)}.
   */
  public static float tanh(float x) {
    // Math.min and max rather than comparisons: the same values (NaN stays NaN), and a loop of them
    // over an array is one C2 vectorises.
    float c = Math.max(-TANH_CLAMP_F, Math.min(TANH_CLAMP_F, x));
    float w = c * c;
    float p = 0.9999999799416258f + w * (0.13380965983075835f + w * (0.0034955131417599285f
        + w * (2.0607709301683954e-05f + w * 1.335254534733453e-08f)));
    float q = 1f + w * (0.4671428179267843f + w * (0.025876707307297214f
        + w * (0.0003285505851995032f + w * 7.775734996929048e-07f)));
    return Math.max(-1f, Math.min(1f, c * p / q)); // rounding may overshoot by an ulp next to ±9
  }
}
