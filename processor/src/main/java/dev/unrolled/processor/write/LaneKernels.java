package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unrolled.Activation;
import dev.unrolled.Loss;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The kernels of layers planned as batch lanes, where a layer's activations, pre-activations and
 * deltas are stored {@code [unit][sample]}: unit {@code j} of sample {@code s} at
 * {@code j·stride + s}, with {@code stride} the batch capacity rounded up to whole vectors. Every
 * operation then runs across the samples of the batch, one sample per lane, so a 16-unit layer is as
 * vector-friendly as a 1,024-unit one.
 *
 * <p>Two forms of the same kernels: the nested class {@code LaneKernels} with Vector API code (loaded
 * only when the model's {@code VECTOR} is true), over {@code mp} lanes, the batch rounded up to whole
 * vectors (the padding lanes of inputs and deltas are zero, so they add exact zeros to the
 * gradients); and plain loops on the model over the {@code m} samples themselves. Three products
 * cover the three passes of a layer: {@code product} is the forward pass and, with the weights read
 * transposed, the deltas sent back; {@code gradient} sums {@code d·inᵀ} over the lanes, lane sums
 * added as a fixed tree so results do not depend on the JIT. The transposes move rows to lanes and
 * back where a lane layer meets the input, the loss or a layer of another shape.
 */
final class LaneKernels {
  static final String CLASS_NAME = "LaneKernels";
  /** Units (or inputs) whose accumulators one pass over the inputs keeps in registers. */
  private static final int UNITS_PER_PASS = 4;
  /**
   * Vectors whose lanes {@code gradient} stores before adding them up: a block's accumulators and the
   * bias sum. Stored together, then added, so the scalar loads do not wait on each store in turn.
   */
  static final int SCRATCH_VECTORS = UNITS_PER_PASS + 1;
  private static final ClassName VECTOR_OPERATORS = ClassName.get("jdk.incubator.vector", "VectorOperators");
  private static final ClassName VECTOR_MASK = ClassName.get("jdk.incubator.vector", "VectorMask");

  private static final ClassName INT_VECTOR = ClassName.get("jdk.incubator.vector", "IntVector");

  /*
   * Exponentials and logarithms in lanes are the kernels' own (laneExp and laneLog below: adds,
   * multiplies and exponent bits), not lanewise(EXP) and its kin, which round differently compiled
   * (an SVML-like stub) and interpreted (a Java loop over Math), so training would depend on when
   * the JIT compiles.
   */

  private final Numeric num;
  private final ClassName vector;
  /** The model, whose static activation functions the lanes call lane by lane. */
  private final ClassName model;
  private final ActivationFunctions functions;

  LaneKernels(Numeric num, ClassName model) {
    this.num = num;
    this.vector = VectorClass.vectorType(num);
    this.model = model;
    this.functions = new ActivationFunctions(num);
  }

  /**
   * Whether {@code activation}'s lanes call the scalar function: only the double softplus, whose
   * {@code log1p} has no vector form here (the float one has, on the float softplus' small range).
   */
  private boolean scalarLanes(Activation activation) {
    return !num.isFloat() && activation == Activation.SOFTPLUS;
  }

  /** {@code statement} for each lane i of one vector stored in {@code lanes}: a scalar pass. */
  private static CodeBlock eachLane(CodeBlock statement) {
    return CodeBlock.builder()
        .beginControlFlow("for (int i = 0; i < LANES; i++)")
        .addStatement(statement)
        .endControlFlow()
        .build();
  }

  // ---- the Vector API class ----

  /** The lane kernel of a cross-entropy loss. */
  static String lossName(Loss loss) {
    return switch (loss) {
      case SOFTMAX_CROSS_ENTROPY -> "softmaxCrossEntropy";
      case SIGMOID_CROSS_ENTROPY -> "sigmoidCrossEntropy";
      case MEAN_SQUARED_ERROR -> throw new IllegalArgumentException("the squared error stays in rows");
    };
  }

  /**
   * The nested {@code LaneKernels} class, with the activations {@code used} by lane layers and the
   * loss when it runs in lanes ({@code null} when it does not).
   */
  TypeSpec type(Set<Activation> used, Loss laneLoss) {
    TypeSpec.Builder type = VectorClass.builder(CLASS_NAME, num)
        .addJavadoc("Vector API kernels of the layers shown as \"batch lanes\" in the table above: one sample\n")
        .addJavadoc("per lane. Loaded only when {@code VECTOR} is true, i.e. when the JVM has jdk.incubator.vector.\n")
        .addMethod(vectorProduct())
        .addMethod(vectorGradient())
        .addMethod(gradientOverInputs())
        .addMethod(gradientOverUnits())
        .addMethod(gradientOverLanes())
        .addMethod(laneSum());
    if (laneLoss != null) {
      type.addMethod(laneLoss == Loss.SOFTMAX_CROSS_ENTROPY ? softmaxLoss() : sigmoidLoss());
    }
    for (Activation activation : EnumSet.copyOf(used)) {
      if (activation != Activation.IDENTITY) {
        type.addMethod(vectorActivation(activation)).addMethod(vectorSlope(activation));
      }
    }
    return type.build();
  }

  private MethodSpec.Builder productSignature(String name) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.STATIC)
        .addJavadoc("{@code out[o·stride + s] = init[o] + Σₖ w[o·wo + k·wk]·in[k·stride + s]} for o < outs,\n")
        .addJavadoc("k < n and the lanes s of the batch; {@code init} is the bias, or zero when null. With\n")
        .addJavadoc("{@code wo = n, wk = 1} it is a layer's forward pass over {@code W[out][in]}; with\n")
        .addJavadoc("{@code wo = 1, wk = outs} it sends a layer's deltas back through {@code Wᵀ}.\n")
        .addParameter(num.vector(), "in")
        .addParameter(TypeName.INT, "n")
        .addParameter(num.vector(), "w")
        .addParameter(TypeName.INT, "wo")
        .addParameter(TypeName.INT, "wk")
        .addParameter(num.vector(), "init")
        .addParameter(num.vector(), "out")
        .addParameter(TypeName.INT, "outs")
        .addParameter(TypeName.INT, "stride");
  }

  /** Blocks of {@value #UNITS_PER_PASS} outputs share every input vector they load. */
  private MethodSpec vectorProduct() {
    MethodSpec.Builder method = productSignature("product")
        .addParameter(TypeName.INT, "mp")
        .beginControlFlow("for (int s = 0; s < mp; s += LANES)")
        .addStatement("int o = 0")
        .beginControlFlow("for (; o + $L <= outs; o += $L)", UNITS_PER_PASS, UNITS_PER_PASS);
    for (int u = 0; u < UNITS_PER_PASS; u++) {
      method.addStatement("$T s$L = $T.broadcast(SPECIES, init == null ? $L : init[o + $L])", vector, u, vector,
          num.literal("0.0"), u);
    }
    method.beginControlFlow("for (int k = 0; k < n; k++)")
        .addStatement("$T v = $T.fromArray(SPECIES, in, k * stride + s)", vector, vector);
    for (int u = 0; u < UNITS_PER_PASS; u++) {
      method.addStatement("s$L = v.fma($T.broadcast(SPECIES, w[(o + $L) * wo + k * wk]), s$L)", u, vector, u, u);
    }
    method.endControlFlow();
    for (int u = 0; u < UNITS_PER_PASS; u++) {
      method.addStatement("s$L.intoArray(out, (o + $L) * stride + s)", u, u);
    }
    return method.endControlFlow()
        .beginControlFlow("for (; o < outs; o++)")
        .addStatement("$T s0 = $T.broadcast(SPECIES, init == null ? $L : init[o])", vector, vector, num.literal("0.0"))
        .beginControlFlow("for (int k = 0; k < n; k++)")
        .addStatement("s0 = $T.fromArray(SPECIES, in, k * stride + s).fma($T.broadcast(SPECIES, w[o * wo + k * wk]), s0)",
            vector, vector)
        .endControlFlow()
        .addStatement("s0.intoArray(out, o * stride + s)")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec.Builder gradientSignature(String name) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.STATIC)
        .addJavadoc("{@code gw[j·n + i] = Σₛ d[j·stride + s]·in[i·stride + s]} and {@code gb[j] = Σₛ d[j·stride + s]}\n")
        .addJavadoc("for j < units, i < n, over the lanes of the batch.\n")
        .addParameter(num.vector(), "d")
        .addParameter(TypeName.INT, "units")
        .addParameter(num.vector(), "in")
        .addParameter(TypeName.INT, "n")
        .addParameter(num.vector(), "gw")
        .addParameter(num.vector(), "gb")
        .addParameter(TypeName.INT, "stride");
  }

  /**
   * The weight gradients are a product over the samples, {@code gw = d·inᵀ}: summing each entry over
   * the lanes of one vector costs a store and a tree of scalar additions per entry, so where a side
   * of the layer fills whole vectors, that side goes in the lanes instead, and the samples, moved to
   * rows, become the loop of fused multiply-adds.
   */
  private MethodSpec vectorGradient() {
    return gradientSignature("gradient")
        .addJavadoc("{@code rows} holds {@code mp × max(units, n)} scalars for the side moved to rows;\n")
        .addJavadoc("{@code across[u] = u·stride}, the lanes of one sample across a vector of units.\n")
        .addParameter(TypeName.INT, "mp")
        .addParameter(num.vector(), "lanes")
        .addParameter(num.vector(), "rows")
        .addParameter(int[].class, "across")
        .beginControlFlow("if (n >= LANES)")
        .addStatement("gradientOverInputs(d, units, in, n, gw, gb, stride, mp, rows, across)")
        .nextControlFlow("else if (units >= LANES)")
        .addStatement("gradientOverUnits(d, units, in, n, gw, gb, stride, mp, lanes, rows, across)")
        .nextControlFlow("else")
        .addStatement("gradientOverLanes(d, units, in, n, gw, gb, stride, mp, lanes)")
        .endControlFlow()
        .build();
  }

  /**
   * {@code n ≥ LANES}: the inputs moved to rows {@code rows[s·n + i]}, each unit's gradient row
   * accumulated over the samples in whole vectors of inputs and stored as it is laid out.
   */
  private MethodSpec gradientOverInputs() {
    String zero = num.literal("0.0");
    return gradientSignature("gradientOverInputs").addModifiers(Modifier.PRIVATE)
        .addParameter(TypeName.INT, "mp")
        .addParameter(num.vector(), "rows")
        .addParameter(int[].class, "across")
        .addCode(transpose("in", "n"))
        .addStatement("int vectorEnd = SPECIES.loopBound(n)")
        .beginControlFlow("for (int j = 0; j < units; j++)")
        .addStatement("int row = j * stride")
        .addStatement("$T sb = $L", num.scalar(), zero)
        .beginControlFlow("for (int s = 0; s < mp; s++)")
        .addStatement("sb += d[row + s]")
        .endControlFlow()
        .addStatement("gb[j] = sb")
        .beginControlFlow("for (int i = 0; i < vectorEnd; i += LANES)")
        .addStatement("$T g = $T.zero(SPECIES)", vector, vector)
        .beginControlFlow("for (int s = 0; s < mp; s++)")
        .addStatement("g = $T.fromArray(SPECIES, rows, s * n + i).fma($T.broadcast(SPECIES, d[row + s]), g)", vector,
            vector)
        .endControlFlow()
        .addStatement("g.intoArray(gw, j * n + i)")
        .endControlFlow()
        .beginControlFlow("for (int i = vectorEnd; i < n; i++)")
        .addStatement("$T sum = $L", num.scalar(), zero)
        .beginControlFlow("for (int s = 0; s < mp; s++)")
        .addStatement("sum += d[row + s] * rows[s * n + i]")
        .endControlFlow()
        .addStatement("gw[j * n + i] = sum")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * {@code units ≥ LANES > n}: the deltas moved to rows {@code rows[s·units + j]}, whole vectors of
   * units accumulated over the samples (the bias sums too), each written back to its column of
   * {@code gw}.
   */
  private MethodSpec gradientOverUnits() {
    String zero = num.literal("0.0");
    return gradientSignature("gradientOverUnits").addModifiers(Modifier.PRIVATE)
        .addParameter(TypeName.INT, "mp")
        .addParameter(num.vector(), "lanes")
        .addParameter(num.vector(), "rows")
        .addParameter(int[].class, "across")
        .addCode(transpose("d", "units"))
        .addStatement("int vectorEnd = SPECIES.loopBound(units)")
        .beginControlFlow("for (int j = 0; j < vectorEnd; j += LANES)")
        .addStatement("$T sb = $T.zero(SPECIES)", vector, vector)
        .beginControlFlow("for (int s = 0; s < mp; s++)")
        .addStatement("sb = sb.add($T.fromArray(SPECIES, rows, s * units + j))", vector)
        .endControlFlow()
        .addStatement("sb.intoArray(gb, j)")
        .beginControlFlow("for (int i = 0; i < n; i++)")
        .addStatement("int from = i * stride")
        .addStatement("$T g = $T.zero(SPECIES)", vector, vector)
        .beginControlFlow("for (int s = 0; s < mp; s++)")
        .addStatement("g = $T.fromArray(SPECIES, rows, s * units + j).fma($T.broadcast(SPECIES, in[from + s]), g)",
            vector, vector)
        .endControlFlow()
        .addStatement("g.intoArray(lanes, 0)")
        .beginControlFlow("for (int u = 0; u < LANES; u++)")
        .addStatement("gw[(j + u) * n + i] = lanes[u]")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int j = vectorEnd; j < units; j++)")
        .addStatement("$T sb = $L", num.scalar(), zero)
        .beginControlFlow("for (int s = 0; s < mp; s++)")
        .addStatement("sb += rows[s * units + j]")
        .endControlFlow()
        .addStatement("gb[j] = sb")
        .beginControlFlow("for (int i = 0; i < n; i++)")
        .addStatement("$T sum = $L", num.scalar(), zero)
        .beginControlFlow("for (int s = 0; s < mp; s++)")
        .addStatement("sum += rows[s * units + j] * in[i * stride + s]")
        .endControlFlow()
        .addStatement("gw[j * n + i] = sum")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * {@code rows[s·width + k] = lanes[k·stride + s]}: {@code width} lane rows moved to rows, mp samples.
   * A whole vector of units of one sample is one gather ({@code across} steps a stride per lane): at
   * 16 lanes that took about two thirds of the time of moving the scalars one by one.
   */
  private CodeBlock transpose(String lanes, String width) {
    return CodeBlock.builder()
        .addStatement("int k = 0")
        .beginControlFlow("for (; k + LANES <= $L; k += LANES)", width)
        .beginControlFlow("for (int s = 0; s < mp; s++)")
        .addStatement("$T.fromArray(SPECIES, $L, k * stride + s, across, 0).intoArray(rows, s * $L + k)", vector, lanes,
            width)
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (; k < $L; k++)", width)
        .beginControlFlow("for (int s = 0, from = k * stride; s < mp; s++)")
        .addStatement("rows[s * $L + k] = $L[from + s]", width, lanes)
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** Both sides narrower than a vector: each delta vector loaded once per {@value #UNITS_PER_PASS} inputs, lane sums in a fixed order. */
  private MethodSpec gradientOverLanes() {
    MethodSpec.Builder method = gradientSignature("gradientOverLanes").addModifiers(Modifier.PRIVATE)
        .addParameter(TypeName.INT, "mp")
        .addParameter(num.vector(), "lanes")
        .beginControlFlow("for (int j = 0; j < units; j++)")
        .addStatement("int row = j * stride")
        .addStatement("$T sb = $T.zero(SPECIES)", vector, vector)
        .beginControlFlow("for (int s = 0; s < mp; s += LANES)")
        .addStatement("sb = sb.add($T.fromArray(SPECIES, d, row + s))", vector)
        .endControlFlow()
        .addStatement("sb.intoArray(lanes, $L * LANES)", UNITS_PER_PASS)
        .addStatement("int i = 0")
        .beginControlFlow("for (; i + $L <= n; i += $L)", UNITS_PER_PASS, UNITS_PER_PASS);
    for (int u = 0; u < UNITS_PER_PASS; u++) {
      method.addStatement("$T s$L = $T.zero(SPECIES)", vector, u, vector);
    }
    method.beginControlFlow("for (int s = 0; s < mp; s += LANES)")
        .addStatement("$T v = $T.fromArray(SPECIES, d, row + s)", vector, vector);
    for (int u = 0; u < UNITS_PER_PASS; u++) {
      method.addStatement("s$L = v.fma($T.fromArray(SPECIES, in, (i + $L) * stride + s), s$L)", u, vector, u, u);
    }
    method.endControlFlow();
    for (int u = 0; u < UNITS_PER_PASS; u++) {
      method.addStatement("s$L.intoArray(lanes, $L * LANES)", u, u);
    }
    for (int u = 0; u < UNITS_PER_PASS; u++) {
      method.addStatement("gw[j * n + i + $L] = sum(lanes, $L * LANES)", u, u);
    }
    return method.endControlFlow()
        .beginControlFlow("for (; i < n; i++)")
        .addStatement("$T s0 = $T.zero(SPECIES)", vector, vector)
        .beginControlFlow("for (int s = 0; s < mp; s += LANES)")
        .addStatement("s0 = $T.fromArray(SPECIES, d, row + s).fma($T.fromArray(SPECIES, in, i * stride + s), s0)",
            vector, vector)
        .endControlFlow()
        .addStatement("s0.intoArray(lanes, 0)")
        .addStatement("gw[j * n + i] = sum(lanes, 0)")
        .endControlFlow()
        .addStatement("gb[j] = sum(lanes, $L * LANES)", UNITS_PER_PASS)
        .endControlFlow()
        .build();
  }

  /**
   * Not {@code reduceLanes}, whose order is unspecified (compiled and interpreted code could round
   * differently, and training would not repeat), nor lane shuffles, which JDK 17 does not keep in
   * registers: the vector is stored once and its lanes added as a tree in one fixed order, lane k
   * with lane k + LANES/2 first, so the additions of each level are independent.
   */
  private MethodSpec laneSum() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("sum")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("The lanes stored in {@code lanes} from {@code at}, added as a tree: lane k and lane k + LANES/2,\n")
        .addJavadoc("then the same\n")
        .addJavadoc("on the first half, down to one.\n")
        .returns(num.scalar())
        .addParameter(num.vector(), "lanes")
        .addParameter(TypeName.INT, "at");
    for (int width = 2; width <= 64; width *= 2) {
      method.beginControlFlow("if (LANES == $L)", width).addStatement("return $L", tree(width)).endControlFlow();
    }
    return method.addStatement("return lanes[at]").build();
  }

  /** The fixed addition tree over {@code width} lanes. */
  private static String tree(int width) {
    String[] terms = new String[width];
    for (int k = 0; k < width; k++) {
      terms[k] = "lanes[at + " + k + "]";
    }
    for (int half = width / 2; half >= 1; half /= 2) {
      for (int k = 0; k < half; k++) {
        terms[k] = "(" + terms[k] + " + " + terms[k + half] + ")";
      }
    }
    String sum = terms[0];
    return sum.substring(1, sum.length() - 1);
  }

  private MethodSpec.Builder lossSignature(String name) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.STATIC)
        .returns(TypeName.DOUBLE)
        .addParameter(num.vector(), "z")
        .addParameter(num.vector(), "t")
        .addParameter(num.vector(), "d")
        .addParameter(TypeName.INT, "outs")
        .addParameter(TypeName.INT, "stride")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "mp")
        .addParameter(TypeName.BOOLEAN, "withDelta")
        .addParameter(num.vector(), "lanes")
        .addStatement("$T scale = $L / m", num.scalar(), num.literal("1.0"))
        .addStatement("double total = 0.0")
        .beginControlFlow("for (int s = 0; s < mp; s += LANES)")
        .addStatement("$T<$T> live = SPECIES.indexInRange(s, m)", VECTOR_MASK, num.scalar().box());
  }

  /** Ends a loss kernel: the block's losses of live samples, added in a fixed order. */
  private MethodSpec finishLoss(MethodSpec.Builder method) {
    return method.addStatement("loss.blend($L, live.not()).intoArray(lanes, 0)", num.literal("0.0"))
        .addStatement("total += sum(lanes, 0)")
        .endControlFlow()
        .addStatement("return total / m")
        .build();
  }

  // ---- float exponentials and logarithms in lanes ----
  //
  // Written out where they are used, not called: a vector that crosses a call C2 does not inline is
  // boxed on the heap, and at a cold call site of a 150-byte method it does not inline. Each local
  // takes the result's name as its prefix, so two of them can share a loop body.

  /**
   * {@code name = e^x} for the float vector expression {@code x}: {@code FastMath.exp(float)}'s
   * reduction {@code x = k·ln 2 + r}, {@code |r| ≤ ln 2 / 2}, and Cephes' degree-5 polynomial, with
   * {@code 2^k} built from the bits of the rounding sum in one step instead of two halves. Only adds,
   * multiplies and exponent bits, so it rounds the same compiled and interpreted, and equals the
   * scalar function wherever {@code e^x} is a normal float (within 2 ulps); 0 below about −87.7, where
   * the result would be subnormal, ∞ from about 88.4; NaN for NaN.
   */
  private CodeBlock laneExp(String name, CodeBlock x) {
    return num.isFloat() ? floatExp(name, x) : doubleExp(name, x, false);
  }

  private CodeBlock floatExp(String name, CodeBlock x) {
    return CodeBlock.builder()
        .add("// $L = e^x: x = k·ln 2 + r, clamped so that the scale 2^k is 0 below and ∞ above.\n", name)
        .addStatement("$T $LX = $L.max(-88f).min(89f)", vector, name, x)
        .addStatement("$T $LShifted = $LX.mul(1.44269504088896341f).add(0x1.8p23f)", vector, name, name)
        .addStatement("$T $LK = $LShifted.sub(0x1.8p23f)", vector, name, name)
        .addStatement("$T $LR = $LX.sub($LK.mul(0.693359375f)).sub($LK.mul(-2.12194440e-4f))", vector, name, name,
            name, name)
        .addStatement("$T $LP = $LR.mul(1.9875691500e-4f).add(1.3981999507e-3f).mul($LR).add(8.3334519073e-3f)"
            + ".mul($LR).add(4.1665795894e-2f).mul($LR).add(1.6666665459e-1f).mul($LR).add(5.0000001201e-1f)",
            vector, name, name, name, name, name, name)
        .add("// The sum's low bits hold 0x400000 + k; shifted by 23 they are the exponent of 2^k.\n")
        .addStatement("$T $L = $LP.mul($LR).mul($LR).add($LR).add(1f).mul($LShifted.reinterpretAsInts()"
            + ".add(127 - 0x4B400000).lanewise($T.LSHL, 23).reinterpretAsFloats())", vector, name, name, name, name,
            name, name, VECTOR_OPERATORS)
        .build();
  }

  /**
   * {@code name = e^x}, or {@code e^x − 1} with {@code minusOne}, for a double vector expression:
   * {@code FastMath}'s double steps, {@code x = k·ln 2 + r} (fdlibm's split of ln 2, k rounded by
   * adding 1.5·2⁵²), {@code e^r − 1 = r·q(r)} with its Chebyshev fit, {@code 2^k} from the bits of
   * the rounding sum. Within 1 ulp where the result is a normal double (checked on a million random
   * arguments when written); {@code e^x − 1} equals {@code FastMath}'s bit for bit, so the lane tanh
   * equals {@code FastMath.tanh(double)}. 0 (−1) below about −708.7, ∞ from about 709.4; NaN for NaN.
   */
  private CodeBlock doubleExp(String name, CodeBlock x, boolean minusOne) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("// $L = e^x$L: x = k·ln 2 + r, clamped so that the scale 2^k is 0 below and ∞ above.\n", name,
            minusOne ? " − 1" : "")
        .addStatement("$T $LX = $L.max(-709.0).min(710.0)", vector, name, x)
        .addStatement("$T $LShifted = $LX.mul(1.4426950408889634).add(0x1.8p52)", vector, name, name)
        .addStatement("$T $LK = $LShifted.sub(0x1.8p52)", vector, name, name)
        .addStatement("$T $LR = $LX.sub($LK.mul(6.93147180369123816490e-01)).sub($LK.mul(1.90821492927058770002e-10))",
            vector, name, name, name, name)
        .add("// The sum's low bits hold k; shifted by 52 they are the exponent of 2^k.\n")
        .addStatement("$T $LScale = $LShifted.reinterpretAsLongs().add(1023).lanewise($T.LSHL, 52)"
            + ".reinterpretAsDoubles()", vector, name, name, VECTOR_OPERATORS)
        .add("// e^r − 1 = r·q(r).\n")
        .addStatement("$T $LRq = $LR.mul($LR.mul(2.5105214474751413e-08).add(2.7626367775723217e-07).mul($LR)"
            + ".add(2.7557255406285044e-06).mul($LR).add(2.4801504321690158e-05).mul($LR).add(0.00019841269874815834)"
            + ".mul($LR).add(0.0013888888932508548).mul($LR).add(0.008333333333326136).mul($LR)"
            + ".add(0.041666666666573086).mul($LR).add(0.1666666666666667).mul($LR).add(0.5000000000000006).mul($LR)"
            + ".add(1.0))", vector, name, name, name, name, name, name, name, name, name, name, name, name);
    if (minusOne) {
      return code.addStatement("$T $L = $LScale.sub(1.0).add($LScale.mul($LRq))", vector, name, name, name, name)
          .build();
    }
    // (1 + r·q)·2^k rather than 2^k + 2^k·r·q: at 2^k = ∞ with r < 0 the latter would be ∞ − ∞.
    return code.addStatement("$T $L = $LRq.add(1.0).mul($LScale)", vector, name, name, name).build();
  }

  /** {@code name = ln x} for positive normal lanes, in the model's precision. */
  private CodeBlock laneLog(String name, String x) {
    return num.isFloat() ? floatLog(name, x) : doubleLog(name, x);
  }

  /**
   * {@code name = ln x} for a double vector {@code x} of positive normal doubles, fdlibm's log:
   * {@code x = 2^k·(1 + f)} with {@code 1 + f} in [√½, √2), {@code ln(1 + f)} from
   * {@code s = f/(2 + f)} and a degree-7 polynomial in {@code s²}, {@code k·ln 2} in two parts; NaN
   * for NaN and ∞. Within 1 ulp of {@code Math.log} (checked on a million random arguments from
   * 10⁻³⁰⁴ to 10³⁰⁴ when written).
   */
  private CodeBlock doubleLog(String name, String x) {
    ClassName longVector = ClassName.get("jdk.incubator.vector", "LongVector");
    return CodeBlock.builder()
        .add("// $L = ln x: x = 2^k·(1 + f), the exponent counted from √½ so that 1 + f is in [√½, √2).\n", name)
        .addStatement("$T $LBits = $L.reinterpretAsLongs().add((0x3FF00000L - 0x3FE6A09EL) << 32)", longVector, name, x)
        .addStatement("$T $LK = $LBits.lanewise($T.LSHR, 52).add(0x4338000000000000L - 0x3FF).reinterpretAsDoubles()"
            + ".sub(0x1.8p52)", vector, name, name, VECTOR_OPERATORS)
        .addStatement("$T $LF = $LBits.and(0x000FFFFFFFFFFFFFL).add(0x3FE6A09EL << 32).reinterpretAsDoubles().sub(1.0)",
            vector, name, name)
        .addStatement("$T $LHalf = $LF.mul($LF).mul(0.5)", vector, name, name, name)
        .addStatement("$T $LS = $LF.div($LF.add(2.0))", vector, name, name, name)
        .addStatement("$T $LZ = $LS.mul($LS)", vector, name, name, name)
        .addStatement("$T $LW = $LZ.mul($LZ)", vector, name, name, name)
        .addStatement("$T $LR = $LW.mul(1.479819860511658591e-01).add(1.818357216161805012e-01).mul($LW)"
            + ".add(2.857142874366239149e-01).mul($LW).add(6.666666666666735130e-01).mul($LZ)"
            + ".add($LW.mul(1.531383769920937332e-01).add(2.222219843214978396e-01).mul($LW)"
            + ".add(3.999999999940941908e-01).mul($LW))", vector, name, name, name, name, name, name, name, name)
        .add("// x − x is 0, or NaN for NaN and ∞, whose bits would otherwise read as a finite number.\n")
        .addStatement("$T $L = $LS.mul($LHalf.add($LR)).add($LK.mul(1.90821492927058770002e-10)).sub($LHalf).add($LF)"
            + ".add($LK.mul(6.93147180369123816490e-01)).add($L.sub($L))", vector, name, name, name, name, name, name,
            name, name, x, x)
        .build();
  }

  /**
   * {@code name = ln x} for a float vector {@code x} of positive normal floats, musl's logf:
   * {@code x = 2^k·(1 + f)} with {@code 1 + f} in [√½, √2), {@code ln(1 + f)} from
   * {@code s = f/(2 + f)} and a degree-4 polynomial in {@code s²}, {@code k·ln 2} in two parts; NaN
   * for NaN and ∞. Within 1 float ulp of {@code (float) Math.log(x)} on every float from 10⁻³⁷ to
   * 3·10³⁸ (checked one by one when it was written).
   */
  private CodeBlock floatLog(String name, String x) {
    return CodeBlock.builder()
        .add("// $L = ln x: x = 2^k·(1 + f), the exponent counted from √½ so that 1 + f is in [√½, √2).\n", name)
        .addStatement("$T $LBits = $L.reinterpretAsInts().add(0x3F800000 - 0x3F3504F3)", INT_VECTOR, name, x)
        .addStatement("$T $LK = $LBits.lanewise($T.LSHR, 23).add(0x4B400000 - 0x7F).reinterpretAsFloats()"
            + ".sub(0x1.8p23f)", vector, name, name, VECTOR_OPERATORS)
        .addStatement("$T $LF = $LBits.and(0x007FFFFF).add(0x3F3504F3).reinterpretAsFloats().sub(1f)", vector, name,
            name)
        .addStatement("$T $LS = $LF.div($LF.add(2f))", vector, name, name, name)
        .addStatement("$T $LZ = $LS.mul($LS)", vector, name, name, name)
        .addStatement("$T $LW = $LZ.mul($LZ)", vector, name, name, name)
        .addStatement("$T $LR = $LW.mul(0.24279078841f).add(0.40000972152f).mul($LW)"
            + ".add($LW.mul(0.28498786688f).add(0.66666662693f).mul($LZ))", vector, name, name, name, name, name)
        .addStatement("$T $LHalf = $LF.mul($LF).mul(0.5f)", vector, name, name, name)
        .add("// x − x is 0, or NaN for NaN and ∞, whose bits would otherwise read as a finite number.\n")
        .addStatement("$T $L = $LS.mul($LHalf.add($LR)).add($LK.mul(9.0580006145e-06f)).sub($LHalf).add($LF)"
            + ".add($LK.mul(6.9313812256e-01f)).add($L.sub($L))", vector, name, name, name, name, name, name, name,
            name, x, x)
        .build();
  }

  /** {@code name = σ(v) = 1/(1 + e^−v)} (in float {@code FastMath.sigmoid}'s steps) of the vector {@code v}. */
  private CodeBlock laneSigmoid(String name, String v) {
    String one = num.literal("1.0");
    return CodeBlock.builder()
        .add(laneExp(name + "Exp", CodeBlock.of("$L.neg()", v)))
        .addStatement("$T $L = $T.broadcast(SPECIES, $L).div($LExp.add($L))", vector, name, vector, one, name, one)
        .build();
  }

  /**
   * {@code name = softplus(v) = max(v, 0) + ln(1 + e^−|v|)} ({@code FastMath.softplus(float)}), which
   * never overflows; {@code ln(1 + u)} for {@code 0 ≤ u ≤ 1} as {@code 2·atanh(u/(2 + u))} by its odd
   * series, whose argument stays below 1/3.
   */
  private CodeBlock laneSoftplus(String name, String v) {
    return CodeBlock.builder()
        .add(laneExp(name + "Exp", CodeBlock.of("$L.abs().neg()", v)))
        .addStatement("$T $LS = $LExp.div($LExp.add(2f))", vector, name, name, name)
        .addStatement("$T $LW = $LS.mul($LS)", vector, name, name, name)
        .addStatement("$T $L = $L.max(0f).add($LW.mul(6.6666670e-2f).add(7.692308e-2f).mul($LW).add(9.090909e-2f)"
            + ".mul($LW).add(1.1111111e-1f).mul($LW).add(1.4285715e-1f).mul($LW).add(2e-1f).mul($LW)"
            + ".add(3.3333334e-1f).mul($LW).add(1f).mul($LS).mul(2f))", vector, name, v, name, name, name, name, name,
            name, name, name)
        .build();
  }

  /**
   * Softmax cross-entropy lane by lane: {@code logSum = max + log Σⱼ e^(zⱼ − max)}, loss
   * {@code Σⱼ tⱼ(logSum − zⱼ)}; the exponentials wait in {@code d} for the deltas
   * {@code (e/Σe − t)/m}, zero in the padding lanes.
   */
  private MethodSpec softmaxLoss() {
    MethodSpec.Builder method = lossSignature("softmaxCrossEntropy")
        .addJavadoc("Softmax cross-entropy over the lanes of the batch; returns the mean over rows [0, m) and, with\n")
        .addJavadoc("{@code withDelta}, writes {@code d = (softmax(z) − t)/m} into the lanes (zero past m).\n")
        .addStatement("$T max = $T.fromArray(SPECIES, z, s)", vector, vector)
        .beginControlFlow("for (int j = 1; j < outs; j++)")
        .addStatement("max = max.max($T.fromArray(SPECIES, z, j * stride + s))", vector)
        .endControlFlow()
        .addStatement("$T sum = $T.zero(SPECIES)", vector, vector)
        .beginControlFlow("for (int j = 0; j < outs; j++)");
    method.addCode(laneExp("e", CodeBlock.of("$T.fromArray(SPECIES, z, j * stride + s).sub(max)", vector)))
        .addStatement("sum = sum.add(e)")
        .beginControlFlow("if (withDelta)")
        .addStatement("e.intoArray(d, j * stride + s)")
        .endControlFlow()
        .endControlFlow();
    method.addCode(laneLog("logOfSum", "sum"))
        .addStatement("$T logSum = max.add(logOfSum)", vector)
        .addStatement("$T loss = $T.zero(SPECIES)", vector, vector)
        .addStatement("$T share = $T.broadcast(SPECIES, scale).div(sum)", vector, vector)
        .beginControlFlow("for (int j = 0; j < outs; j++)")
        .addStatement("int k = j * stride + s")
        .addStatement("$T tj = $T.fromArray(SPECIES, t, k)", vector, vector)
        .addStatement("loss = loss.add(tj.mul(logSum.sub($T.fromArray(SPECIES, z, k))))", vector)
        .beginControlFlow("if (withDelta)")
        .addStatement("$T.fromArray(SPECIES, d, k).mul(share).sub(tj.mul(scale)).blend($L, live.not()).intoArray(d, k)",
            vector, num.literal("0.0"))
        .endControlFlow()
        .endControlFlow();
    return finishLoss(method);
  }

  /**
   * Sigmoid cross-entropy lane by lane: {@code softplus(z) − t·z} per output, from
   * {@code max(z, 0) + log1p(e^−|z|)}, so large logits stay exact; deltas {@code (σ(z) − t)/m}.
   */
  private MethodSpec sigmoidLoss() {
    MethodSpec.Builder method = lossSignature("sigmoidCrossEntropy")
        .addJavadoc("Sigmoid cross-entropy over the lanes of the batch; returns the mean over rows [0, m) and, with\n")
        .addJavadoc("{@code withDelta}, writes {@code d = (σ(z) − t)/m} into the lanes (zero past m).\n")
        .addStatement("$T loss = $T.zero(SPECIES)", vector, vector)
        .beginControlFlow("for (int j = 0; j < outs; j++)")
        .addStatement("int k = j * stride + s")
        .addStatement("$T zj = $T.fromArray(SPECIES, z, k)", vector, vector)
        .addStatement("$T tj = $T.fromArray(SPECIES, t, k)", vector, vector);
    if (num.isFloat()) {
      method.addCode(laneSoftplus("softplus", "zj"))
          .addStatement("loss = loss.add(softplus.sub(zj.mul(tj)))")
          .beginControlFlow("if (withDelta)")
          .addCode(laneSigmoid("sigmoid", "zj"))
          .addStatement("sigmoid.sub(tj).mul(scale).blend(0f, live.not()).intoArray(d, k)")
          .endControlFlow();
    } else {
      method.addStatement("zj.intoArray(lanes, 0)")
          .addCode(eachLane(CodeBlock.of("lanes[LANES + i] = $L", functions.expression(Activation.SOFTPLUS, "lanes[i]"))))
          .addStatement("loss = loss.add($T.fromArray(SPECIES, lanes, LANES).sub(zj.mul(tj)))", vector)
          .beginControlFlow("if (withDelta)")
          .addCode(eachLane(CodeBlock.of("lanes[LANES + i] = $L", functions.expression(Activation.SIGMOID, "lanes[i]"))))
          .addStatement("$T.fromArray(SPECIES, lanes, LANES).sub(tj).mul(scale).blend($L, live.not()).intoArray(d, k)",
              vector, num.literal("0.0"))
          .endControlFlow();
    }
    method.endControlFlow();
    return finishLoss(method);
  }

  /** {@code a = f(z)} over the lanes of every unit. */
  private MethodSpec vectorActivation(Activation activation) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(ActivationFunctions.functionName(activation))
        .addModifiers(Modifier.STATIC)
        .addJavadoc("{@code a = $L(z)} lane by lane, for units < units and lanes < mp.\n",
            ActivationFunctions.functionName(activation))
        .addParameter(num.vector(), "z")
        .addParameter(num.vector(), "a")
        .addParameter(TypeName.INT, "units")
        .addParameter(TypeName.INT, "stride")
        .addParameter(TypeName.INT, "mp")
        .beginControlFlow("for (int j = 0; j < units; j++)");
    if (scalarLanes(activation)) {
      return method.beginControlFlow("for (int k = j * stride, end = k + mp; k < end; k++)")
          .addStatement("a[k] = $T.$L(z[k])", model, ActivationFunctions.functionName(activation))
          .endControlFlow()
          .endControlFlow()
          .build();
    }
    method.beginControlFlow("for (int k = j * stride, end = k + mp; k < end; k += LANES)")
        .addStatement("$T v = $T.fromArray(SPECIES, z, k)", vector, vector);
    return method.addCode(activationBody(activation))
        .addStatement("r.intoArray(a, k)")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** Statements from {@code v = z} to {@code r = f(z)}: in float every activation, in double those without e^x. */
  private CodeBlock activationBody(Activation activation) {
    String zero = num.literal("0.0");
    return switch (activation) {
      case TANH -> laneTanh();
      case SIGMOID -> laneSigmoid("r", "v");
      case SILU -> CodeBlock.builder().add(laneSigmoid("sigmoid", "v"))
          .addStatement("$T r = v.mul(sigmoid)", vector).build();
      case SOFTPLUS -> laneSoftplus("r", "v");
      case ELU -> laneElu();
      case RELU -> CodeBlock.builder().addStatement("$T r = v.max($L)", vector, zero).build();
      case LEAKY_RELU -> CodeBlock.builder().addStatement("$T r = v.blend(v.mul($L), v.compare($T.LE, $L))", vector,
          num.literal("0.01"), VECTOR_OPERATORS, zero).build();
      default -> throw new IllegalArgumentException("no vector form of " + activation);
    };
  }

  /**
   * {@code FastMath.expm1(float)} below zero, {@code v} above: both sides computed in every lane and
   * blended, the Taylor polynomial where {@code e^v − 1} would cancel ({@code |v| < 0.35}).
   */
  private CodeBlock laneElu() {
    if (!num.isFloat()) {
      return CodeBlock.builder()
          .add(doubleExp("below", CodeBlock.of("v"), true))
          .addStatement("$T r = below.blend(v, v.compare($T.GT, 0.0))", vector, VECTOR_OPERATORS)
          .build();
    }
    return CodeBlock.builder()
        .addStatement("$T near = v.mul(v).mul(v.mul(2.4801588e-5f).add(1.984127e-4f).mul(v).add(1.3888889e-3f).mul(v)"
            + ".add(8.333334e-3f).mul(v).add(4.1666668e-2f).mul(v).add(1.6666667e-1f).mul(v).add(0.5f)).add(v)", vector)
        .add(laneExp("far", CodeBlock.of("v")))
        .addStatement("$T r = far.sub(1f).blend(near, v.abs().compare($T.LT, 0.35f)).blend(v, v.compare($T.GT, 0f))",
            vector, VECTOR_OPERATORS, VECTOR_OPERATORS)
        .build();
  }

  /** {@code FastMath.tanh(float)}'s rational fit, lane by lane: within 6 float ulps, ±1 from ±9 on. */
  private CodeBlock laneTanh() {
    if (!num.isFloat()) {
      // FastMath.tanh(double): t/(t + 2) with t = e^{2x} − 1, x clamped to ±20; equal bit for bit.
      return CodeBlock.builder()
          .add(doubleExp("t", CodeBlock.of("v.max(-20.0).min(20.0).mul(2.0)"), true))
          .addStatement("$T r = t.div(t.add(2.0))", vector)
          .build();
    }
    return CodeBlock.builder()
        .addStatement("$T c = v.max(-9f).min(9f)", vector)
        .addStatement("$T w = c.mul(c)", vector)
        .addStatement("$T p = w.fma(1.335254534733453e-08f, 2.0607709301683954e-05f).mul(w).add(0.0034955131417599285f)"
            + ".mul(w).add(0.13380965983075835f).mul(w).add(0.9999999799416258f)", vector)
        .addStatement("$T q = w.fma(7.775734996929048e-07f, 0.0003285505851995032f).mul(w).add(0.025876707307297214f)"
            + ".mul(w).add(0.4671428179267843f).mul(w).add(1f)", vector)
        .addStatement("$T r = c.mul(p).div(q).max(-1f).min(1f)", vector)
        .build();
  }

  /** {@code d *= f'(z)} over the lanes of every unit, from {@code z} or {@code a = f(z)}. */
  private MethodSpec vectorSlope(Activation activation) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(ActivationFunctions.derivativeName(activation))
        .addModifiers(Modifier.STATIC)
        .addJavadoc("{@code d *= $L'(z)} lane by lane, for units < units and lanes < mp.\n",
            ActivationFunctions.functionName(activation))
        .addParameter(num.vector(), "d")
        .addParameter(num.vector(), "z")
        .addParameter(num.vector(), "a")
        .addParameter(TypeName.INT, "units")
        .addParameter(TypeName.INT, "stride")
        .addParameter(TypeName.INT, "mp")
        .beginControlFlow("for (int j = 0; j < units; j++)");
    String one = num.literal("1.0");
    String zero = num.literal("0.0");
    CodeBlock slope = switch (activation) {
      case SIGMOID -> CodeBlock.of("$L.mul($L.neg().add($L))", load("a"), load("a"), one);
      case TANH -> CodeBlock.of("$L.neg().fma($L, $T.broadcast(SPECIES, $L))", load("a"), load("a"), vector, one);
      case RELU -> CodeBlock.of("$T.broadcast(SPECIES, $L).blend($L, $L.compare($T.LE, $L))", vector, one, zero,
          load("z"), VECTOR_OPERATORS, zero);
      case LEAKY_RELU -> CodeBlock.of("$T.broadcast(SPECIES, $L).blend($L, $L.compare($T.LE, $L))", vector, one,
          num.literal("0.01"), load("z"), VECTOR_OPERATORS, zero);
      case ELU -> CodeBlock.of("$T.broadcast(SPECIES, $L).blend($L.add($L), $L.compare($T.LE, $L))", vector, one,
          load("a"), one, load("z"), VECTOR_OPERATORS, zero);
      case SOFTPLUS -> CodeBlock.of("sigmoid"); // softplus' = σ
      case SILU -> CodeBlock.of("sigmoid.mul(zk.mul(sigmoid.neg().add($L)).add($L))", one, one);
      default -> null;
    };
    if (slope == null) {
      return method.beginControlFlow("for (int k = j * stride, end = k + mp; k < end; k++)")
          .addStatement("d[k] *= $T.$L(z[k], a[k])", model, ActivationFunctions.derivativeName(activation))
          .endControlFlow()
          .endControlFlow()
          .build();
    }
    method.beginControlFlow("for (int k = j * stride, end = k + mp; k < end; k += LANES)");
    if (activation == Activation.SILU || activation == Activation.SOFTPLUS) {
      // softplus' = σ(z); SiLU' = σ(z)·(1 + z·(1 − σ(z))), as FastMath's scalar form.
      method.addStatement("$T zk = $L", vector, load("z"))
          .addCode(laneSigmoid("sigmoid", "zk"));
    }
    return method.addStatement("$T slope = $L", vector, slope)
        .addStatement("$L.mul(slope).intoArray(d, k)", load("d"))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private CodeBlock load(String array) {
    return CodeBlock.of("$T.fromArray(SPECIES, $L, k)", vector, array);
  }

  // ---- plain loops on the model ----

  /** The plain kernels and the transposes, static methods of the model. */
  List<MethodSpec> plainMethods() {
    return List.of(plainProduct(), plainGradient(), toLanes(), toRows());
  }

  /** The product in axpy form: each weight scales a whole lane row, samples innermost. */
  private MethodSpec plainProduct() {
    return productSignature("lanesProduct").addModifiers(Modifier.PRIVATE)
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int o = 0; o < outs; o++)")
        .addStatement("int row = o * stride")
        .addStatement("$T b = init == null ? $L : init[o]", num.scalar(), num.literal("0.0"))
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("out[row + s] = b")
        .endControlFlow()
        .beginControlFlow("for (int k = 0; k < n; k++)")
        .addStatement("$T weight = w[o * wo + k * wk]", num.scalar())
        .addStatement("int from = k * stride")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("out[row + s] += weight * in[from + s]")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec plainGradient() {
    return gradientSignature("lanesGradient").addModifiers(Modifier.PRIVATE)
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int j = 0; j < units; j++)")
        .addStatement("int row = j * stride")
        .addStatement("$T sb = $L", num.scalar(), num.literal("0.0"))
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("sb += d[row + s]")
        .endControlFlow()
        .addStatement("gb[j] = sb")
        .beginControlFlow("for (int i = 0; i < n; i++)")
        .addStatement("int from = i * stride")
        .addStatement("$T sum = $L", num.scalar(), num.literal("0.0"))
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("sum += d[row + s] * in[from + s]")
        .endControlFlow()
        .addStatement("gw[j * n + i] = sum")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** Rows {@code [s][k]} to lanes {@code [k][s]}; the padding lanes [m, mp) become zero. */
  private MethodSpec toLanes() {
    return MethodSpec.methodBuilder("toLanes")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("{@code lanes[k·stride + s] = rows[s][k]} for s < m, k < width; zero for m ≤ s < mp.\n")
        .addParameter(num.matrix(), "rows")
        .addParameter(num.vector(), "lanes")
        .addParameter(TypeName.INT, "width")
        .addParameter(TypeName.INT, "stride")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "mp")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] row = rows[s]", num.scalar())
        .beginControlFlow("for (int k = 0; k < width; k++)")
        .addStatement("lanes[k * stride + s] = row[k]")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int k = 0; k < width; k++)")
        .beginControlFlow("for (int s = m; s < mp; s++)")
        .addStatement("lanes[k * stride + s] = $L", num.literal("0.0"))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec toRows() {
    return MethodSpec.methodBuilder("toRows")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("{@code rows[s][k] = lanes[k·stride + s]} for s < m, k < width.\n")
        .addParameter(num.vector(), "lanes")
        .addParameter(num.matrix(), "rows")
        .addParameter(TypeName.INT, "width")
        .addParameter(TypeName.INT, "stride")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] row = rows[s]", num.scalar())
        .beginControlFlow("for (int k = 0; k < width; k++)")
        .addStatement("row[k] = lanes[k * stride + s]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** The plain activation pass of a lane layer, inline in its forward pass. */
  static CodeBlock plainActivation(Activation activation, String z, String a, int units) {
    return CodeBlock.builder()
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .beginControlFlow("for (int k = j * stride, end = k + m; k < end; k++)")
        .addStatement("$L[k] = $L($L[k])", a, ActivationFunctions.functionName(activation), z)
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** The plain slope pass of a lane layer. */
  static CodeBlock plainSlope(Activation activation, String d, String z, String a, int units) {
    return CodeBlock.builder()
        .beginControlFlow("for (int j = 0; j < $L; j++)", units)
        .beginControlFlow("for (int k = j * stride, end = k + m; k < end; k++)")
        .addStatement("$L[k] *= $L($L[k], $L[k])", d, ActivationFunctions.derivativeName(activation), z, a)
        .endControlFlow()
        .endControlFlow()
        .build();
  }
}
