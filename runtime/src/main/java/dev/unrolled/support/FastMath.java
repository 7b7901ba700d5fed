package dev.unrolled.support;

/**
 * {@code exp}, {@code log} and {@code tanh} in plain arithmetic, for the activations and losses of
 * generated code. They are not correctly rounded, but close: over the inputs a model meets,
 * {@link #exp(double)} and {@link #log(double)} stay within 2 ulps of {@link StrictMath},
 * {@link #tanh(double)} within 4 ulps and {@link #tanh(float)} within 3 float ulps (checked by
 * {@code FastMathTest} on millions of seeded inputs). Infinities, NaN, zeros and the ends of the
 * range are handed to {@link Math}, so every special value comes out as {@code Math} gives it.
 *
 * <p>Why not {@code Math}: on JDK 17 {@code Math.tanh} is not intrinsified, and the {@code exp}
 * intrinsic loses most of its speed in float code (a 16-unit tanh layer spent about 25 ns per unit
 * on it, mostly waiting on float-double conversions). Plain arithmetic inlines into the caller's
 * loop, where C2 overlaps independent units: about 5 ns per float tanh on JDK 17 and 25 alike.
 *
 * <p>Method: {@code x = k·ln 2 + r} with {@code |r| ≤ ln 2 / 2} (Cody–Waite split of ln 2, {@code k}
 * rounded by adding and subtracting 1.5·2<sup>52</sup>), {@code e^r − 1 = r·q(r)} with {@code q} a
 * Chebyshev fit (relative error 1.8·10<sup>−17</sup> in double, 1.1·10<sup>−8</sup> in float), and
 * {@code 2^k} built from its bits. {@code tanh x = t/(t + 2)} with {@code t = e^{2x} − 1}, which
 * keeps full relative accuracy near 0, where {@code 1 − 2/(e^{2x} + 1)} cancels.
 */
public final class FastMath {
  private static final double INV_LN2 = 1.4426950408889634;
  // ln 2 = LN2_HI + LN2_LO, LN2_HI with trailing zero bits so that k·LN2_HI is exact (fdlibm's split).
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  /** Adding then subtracting 1.5·2⁵² rounds to an integer, which sits in the low bits of the sum. */
  private static final double SHIFTER = 0x1.8p52;
  private static final float INV_LN2_F = 1.44269504f;
  private static final float LN2_HI_F = 0.693145751953125f; // 16 significant bits
  private static final float LN2_LO_F = 1.428606765330187e-06f;
  private static final float SHIFTER_F = 0x1.8p23f;
  /** m·2^e with m in [√½, √2): subtracting the bits of √½ leaves e in the exponent field. */
  private static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;
  /** Beyond this, double tanh rounds to ±1 (tanh 19.1 already does). */
  private static final double TANH_SATURATES = 20.0;
  /** Beyond this, float tanh rounds to ±1 (tanh 9.01 already does). */
  private static final float TANH_SATURATES_F = 10f;

  private FastMath() {}

  /** e<sup>x</sup>, within 2 ulps; outside [−708, 708] and for NaN, {@link Math#exp}. */
  public static double exp(double x) {
    if (!(x >= -708.0 && x <= 708.0)) {
      return Math.exp(x);
    }
    double shifted = x * INV_LN2 + SHIFTER;
    double k = shifted - SHIFTER;
    double r = (x - k * LN2_HI) - k * LN2_LO;
    double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(shifted) + 1023L) << 52);
    return scale + scale * (r * q(r));
  }

  /** e<sup>x</sup> − 1, accurate near 0; outside [−708, 708] and for NaN, {@link Math#expm1}. */
  private static double expm1(double x) {
    if (!(x >= -708.0 && x <= 708.0)) {
      return Math.expm1(x);
    }
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

  /** Natural logarithm, within 2 ulps; for 0, negatives, subnormals, infinity and NaN, {@link Math#log}. */
  public static double log(double x) {
    if (!(x >= Double.MIN_NORMAL && x <= Double.MAX_VALUE)) {
      return Math.log(x);
    }
    // x = m·2^e, log x = e·ln 2 + log m, log m = 2 atanh(s) = 2s + s·w·p(w), s = (m − 1)/(m + 1), w = s².
    long bits = Double.doubleToRawLongBits(x);
    long e = (bits - SQRT_HALF_BITS) >> 52;
    double m = Double.longBitsToDouble(bits - (e << 52));
    double s = (m - 1.0) / (m + 1.0);
    double w = s * s;
    double p = 0.666666666666667 + w * (0.3999999999989889 + w * (0.28571428626253836
        + w * (0.22222211089379496 + w * (0.1818289243253687 + w * (0.15331611722055008
        + w * 0.14617807153417325)))));
    return e * LN2_HI + ((2.0 * s + s * w * p) + e * LN2_LO);
  }

  /** Hyperbolic tangent, within 4 ulps; exactly ±1 beyond ±20, NaN for NaN. */
  public static double tanh(double x) {
    double clamped = x > TANH_SATURATES ? TANH_SATURATES : x < -TANH_SATURATES ? -TANH_SATURATES : x;
    double t = expm1(2.0 * clamped);
    return t / (t + 2.0);
  }

  /**
   * Hyperbolic tangent in float arithmetic throughout (no conversions to double, which are what
   * make float code slow on JDK 17), within 3 float ulps; exactly ±1 beyond ±10, NaN for NaN.
   */
  public static float tanh(float x) {
    float clamped = x > TANH_SATURATES_F ? TANH_SATURATES_F : x < -TANH_SATURATES_F ? -TANH_SATURATES_F : x;
    float t = expm1(2f * clamped);
    return t / (t + 2f);
  }

  /** e<sup>x</sup> − 1 in float for {@code |x| ≤ 20}; NaN for NaN. */
  private static float expm1(float x) {
    float shifted = x * INV_LN2_F + SHIFTER_F;
    float k = shifted - SHIFTER_F;
    float r = (x - k * LN2_HI_F) - k * LN2_LO_F;
    float scale = Float.intBitsToFloat((Float.floatToRawIntBits(shifted) + 127) << 23);
    float q = 1.0000000107765001f + r * (0.5000000013463886f + r * (0.1666650521114506f
        + r * (0.041666464944505696f + r * (0.00836915395971191f + r * 0.0013933647862928863f))));
    return (scale - 1f) + scale * (r * q);
  }
}
