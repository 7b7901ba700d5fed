package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;

/**
 * The float exponentials of {@code FastMath} — {@code exp}, {@code expm1}, {@code sigmoid},
 * {@code softplus} and the {@code log1p} it uses — as Vector API statements, operation for operation:
 * each lane rounds every step exactly as the scalar function does (IEEE {@code mul}, {@code add},
 * {@code div}, in the same order, no fused multiply-add where the scalar code has none), and the
 * scalar branches become blends chosen by the same comparisons. So a lane gets the scalar function's
 * bits, compiled or interpreted, which {@code lanewise(EXP)} does not promise (an SVML-like stub when
 * compiled, a loop over {@code Math} when not).
 *
 * <p>Written into the kernel's loop as statements, not called as helper methods: a vector method of
 * this size is past C2's inlining limit for hot methods, and every vector that crosses a call that is
 * not inlined is boxed on the heap (a sigmoid of 16 × 16 lanes took 750 ns as a call and 180 ns
 * inline on JDK 17, against 1,250 ns for the scalar function lane by lane). For the same reason
 * {@code 2^k} comes from the shifter's bits ({@code reinterpretAsInts}), not from a float-to-int
 * {@code convert}, which JDK 17 did not compile to one instruction; the two give the same k for every
 * lane the blends keep. Temporaries are named after the result, so that two in one scope do not clash.
 *
 * <p>The constants are {@code FastMath}'s; {@code LaneActivationBitsTest} and
 * {@code LaneLossBitsTest} hold every lane to the scalar functions' bits over a sweep of float bit
 * patterns and the edges of each range, so a constant or an operation out of place fails them.
 */
final class VectorExponentials {
  private static final ClassName FLOAT_VECTOR = ClassName.get("jdk.incubator.vector", "FloatVector");
  private static final ClassName INT_VECTOR = ClassName.get("jdk.incubator.vector", "IntVector");
  private static final ClassName OPERATORS = ClassName.get("jdk.incubator.vector", "VectorOperators");
  /** The bits of {@code FastMath}'s shifter 1.5·2²³: the shifted value's bits less these are k. */
  private static final String SHIFTER_BITS = "0x4B400000";

  private VectorExponentials() {}

  /**
   * Declares {@code result = FastMath.exp(x)} lane by lane: {@code x = k·ln 2 + r} with k rounded by the
   * 1.5·2²³ shifter, Cephes' degree-5 polynomial for {@code e^r}, {@code 2^k} as two powers built from
   * exponent bits; +∞ from 88.72283 on, 0 below −103.97208, NaN for NaN. {@code x} is a variable.
   */
  static CodeBlock exp(String x, String result) {
    String shifted = result + "Shifted";
    String k = result + "K";
    String r = result + "R";
    String p = result + "P";
    String n = result + "N";
    String half = result + "Half";
    return CodeBlock.builder()
        .addStatement("$T $L = $L.mul(1.44269504088896341f).add(0x1.8p23f)", FLOAT_VECTOR, shifted, x)
        .addStatement("$T $L = $L.sub(0x1.8p23f)", FLOAT_VECTOR, k, shifted)
        .addStatement("$T $L = $L.sub($L.mul(0.693359375f)).sub($L.mul(-2.12194440e-4f))", FLOAT_VECTOR, r, x, k, k)
        .addStatement("$T $L = $L.mul(1.9875691500e-4f).add(1.3981999507e-3f)", FLOAT_VECTOR, p, r)
        .addStatement("$L = $L.mul($L).add(8.3334519073e-3f)", p, p, r)
        .addStatement("$L = $L.mul($L).add(4.1665795894e-2f)", p, p, r)
        .addStatement("$L = $L.mul($L).add(1.6666665459e-1f)", p, p, r)
        .addStatement("$L = $L.mul($L).add(5.0000001201e-1f)", p, p, r)
        .addStatement("$T $L = $L.reinterpretAsInts().sub($L)", INT_VECTOR, n, shifted, SHIFTER_BITS)
        .addStatement("$T $L = $L.lanewise($T.ASHR, 1)", INT_VECTOR, half, n, OPERATORS)
        .addStatement("$T $L = $L.mul($L).mul($L).add($L).add(1f)\n"
            + ".mul($L.add(127).lanewise($T.LSHL, 23).reinterpretAsFloats())\n"
            + ".mul($L.sub($L).add(127).lanewise($T.LSHL, 23).reinterpretAsFloats())\n"
            + ".blend(0f, $L.compare($T.LT, -103.97208f))\n"
            + ".blend($L.add(Float.POSITIVE_INFINITY), $L.compare($T.GE, 88.72283f))",
            FLOAT_VECTOR, result, p, r, r, r, half, OPERATORS, n, half, OPERATORS, x, OPERATORS, x, x, OPERATORS)
        .build();
  }

  /**
   * Declares {@code result = FastMath.expm1(x)}: a Taylor polynomial where {@code |x| < 0.35},
   * {@code e^x − 1} elsewhere.
   */
  static CodeBlock expm1(String x, String result) {
    String q = result + "Q";
    String exp = result + "Exp";
    return CodeBlock.builder()
        .addStatement("$T $L = $L.mul(2.4801588e-5f).add(1.984127e-4f)", FLOAT_VECTOR, q, x)
        .addStatement("$L = $L.mul($L).add(1.3888889e-3f)", q, x, q)
        .addStatement("$L = $L.mul($L).add(8.333334e-3f)", q, x, q)
        .addStatement("$L = $L.mul($L).add(4.1666668e-2f)", q, x, q)
        .addStatement("$L = $L.mul($L).add(1.6666667e-1f)", q, x, q)
        .addStatement("$L = $L.mul($L).add(0.5f)", q, x, q)
        .add(exp(x, exp))
        .addStatement("$T $L = $L.add($L.mul($L).mul($L)).blend($L.sub(1f), $L.abs().compare($T.GE, 0.35f))",
            FLOAT_VECTOR, result, x, x, x, q, exp, x, OPERATORS)
        .build();
  }

  /** Declares {@code result = FastMath.sigmoid(x)}, {@code 1/(1 + e^−x)}. */
  static CodeBlock sigmoid(String x, String result) {
    String negated = result + "Neg";
    String exp = result + "Exp";
    return CodeBlock.builder()
        .addStatement("$T $L = $L.neg()", FLOAT_VECTOR, negated, x)
        .add(exp(negated, exp))
        .addStatement("$T $L = $T.broadcast(SPECIES, 1f).div($L.add(1f))", FLOAT_VECTOR, result, FLOAT_VECTOR, exp)
        .build();
  }

  /**
   * Declares {@code result = FastMath.softplus(x)}, {@code max(x, 0) + ln(1 + e^−|x|)}, the logarithm
   * as {@code FastMath.log1pSmall}: {@code 2·atanh(u/(2 + u))} by its odd series.
   */
  static CodeBlock softplus(String x, String result) {
    String negated = result + "Neg";
    String u = result + "Exp";
    String s = result + "S";
    String w = result + "W";
    String t = result + "T";
    return CodeBlock.builder()
        .addStatement("$T $L = $L.abs().neg()", FLOAT_VECTOR, negated, x)
        .add(exp(negated, u))
        .addStatement("$T $L = $L.div($L.add(2f))", FLOAT_VECTOR, s, u, u)
        .addStatement("$T $L = $L.mul($L)", FLOAT_VECTOR, w, s, s)
        .addStatement("$T $L = $L.mul(6.6666670e-2f).add(7.692308e-2f)", FLOAT_VECTOR, t, w)
        .addStatement("$L = $L.mul($L).add(9.090909e-2f)", t, w, t)
        .addStatement("$L = $L.mul($L).add(1.1111111e-1f)", t, w, t)
        .addStatement("$L = $L.mul($L).add(1.4285715e-1f)", t, w, t)
        .addStatement("$L = $L.mul($L).add(2e-1f)", t, w, t)
        .addStatement("$L = $L.mul($L).add(3.3333334e-1f)", t, w, t)
        .addStatement("$L = $L.mul($L).add(1f)", t, w, t)
        .addStatement("$T $L = $L.max(0f).add($L.mul(2f).mul($L))", FLOAT_VECTOR, result, x, s, t)
        .build();
  }
}
