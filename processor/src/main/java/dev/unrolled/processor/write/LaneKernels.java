package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unrolled.Activation;
import dev.unrolled.Loss;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
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

  /**
   * Lane activations whose scalar function calls an exponential: {@code lanewise(EXP)} and its kin
   * round differently compiled (an SVML-like stub) and interpreted (a Java loop over {@code Math}),
   * so training would depend on when the JIT compiles; these run the model's own scalar function
   * lane by lane instead, which rounds the same everywhere and equals the unrolled code bit for bit.
   */
  private static final Set<Activation> SCALAR_EXPONENTIALS =
      EnumSet.of(Activation.SIGMOID, Activation.ELU, Activation.SOFTPLUS, Activation.SILU);

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

  /** Whether {@code activation}'s lanes call the scalar function (see {@link #SCALAR_EXPONENTIALS}). */
  private boolean scalarLanes(Activation activation) {
    // The double tanh goes through e^x too (FastMath.tanh); the float one is a rational fit.
    return SCALAR_EXPONENTIALS.contains(activation) || (activation == Activation.TANH && !num.isFloat());
  }

  /** {@code e^x} of a scalar in the model's precision: FastMath's float exp, or Math.exp. */
  private CodeBlock exp(String x) {
    return num.isFloat() ? CodeBlock.of("$T.exp($L)", RuntimeTypes.FAST_MATH, x)
        : CodeBlock.of("$T.exp($L)", ClassName.get(Math.class), x);
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
      type.addField(FieldSpec.builder(num.vector(), "LANE_INDEX", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("0, 1, …, LANES − 1: the live lanes of the block at s are those below m − s.\n")
              .initializer("new $T[LANES]", num.scalar())
              .build())
          .addStaticBlock(CodeBlock.builder()
              .beginControlFlow("for (int i = 0; i < LANES; i++)")
              .addStatement("LANE_INDEX[i] = i")
              .endControlFlow()
              .build())
          .addMethod(laneLoss == Loss.SOFTMAX_CROSS_ENTROPY ? softmaxLoss() : sigmoidLoss())
          .addMethod(hits());
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
    // The last units in one pass too: one at a time, each k would wait on the previous FMA
    // (4-16-3: the output layer's 3 units took as long as the hidden layer's 16).
    return productSignature("product")
        .addParameter(TypeName.INT, "mp")
        .beginControlFlow("for (int s = 0; s < mp; s += LANES)")
        .addCode(inPasses("o", "outs", this::productPass))
        .endControlFlow()
        .build();
  }

  /**
   * {@code first} from 0 to {@code count} in passes of {@value #UNITS_PER_PASS}, then the one to
   * {@value #UNITS_PER_PASS} − 1 left in one pass of their own: each pass keeps its sums in registers,
   * and sums of one pass do not wait on one another.
   */
  private static CodeBlock inPasses(String first, String count, IntFunction<CodeBlock> pass) {
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("int $L = 0", first)
        .beginControlFlow("for (; $L + $L <= $L; $L += $L)", first, UNITS_PER_PASS, count, first, UNITS_PER_PASS)
        .add(pass.apply(UNITS_PER_PASS))
        .endControlFlow();
    for (int rest = UNITS_PER_PASS - 1; rest >= 1; rest--) {
      String test = CodeBlock.of("$L - $L == $L", count, first, rest).toString();
      if (rest == UNITS_PER_PASS - 1) {
        code.beginControlFlow("if ($L)", test);
      } else {
        code.nextControlFlow("else if ($L)", test);
      }
      code.add(pass.apply(rest));
    }
    return code.endControlFlow().build();
  }

  /** Units o to o + count − 1 of one vector of samples, their sums in registers across the inputs. */
  private CodeBlock productPass(int count) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int u = 0; u < count; u++) {
      code.addStatement("$T s$L = $T.broadcast(SPECIES, init == null ? $L : init[o + $L])", vector, u, vector,
          num.literal("0.0"), u);
    }
    code.beginControlFlow("for (int k = 0; k < n; k++)")
        .addStatement("$T v = $T.fromArray(SPECIES, in, k * stride + s)", vector, vector);
    for (int u = 0; u < count; u++) {
      code.addStatement("s$L = v.fma($T.broadcast(SPECIES, w[(o + $L) * wo + k * wk]), s$L)", u, vector, u, u);
    }
    code.endControlFlow();
    for (int u = 0; u < count; u++) {
      code.addStatement("s$L.intoArray(out, (o + $L) * stride + s)", u, u);
    }
    return code.build();
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
        .addCode(biasSums())
        .addStatement("int vectorEnd = SPECIES.loopBound(n)")
        .beginControlFlow("for (int j = 0; j < units; j++)")
        .addStatement("int row = j * stride")
        .addStatement("int i = 0")
        // Several vectors of inputs in one pass over the samples: one at a time, each sample's FMA
        // would wait on the one before (a chain of mp FMAs per vector).
        .beginControlFlow("for (; i + 4 * LANES <= vectorEnd; i += 4 * LANES)")
        .addCode(inputsPass(4))
        .endControlFlow()
        .beginControlFlow("if (i + 2 * LANES <= vectorEnd)")
        .addCode(inputsPass(2))
        .addStatement("i += 2 * LANES")
        .endControlFlow()
        .beginControlFlow("if (i < vectorEnd)")
        .addCode(inputsPass(1))
        .endControlFlow()
        .beginControlFlow("for (i = vectorEnd; i < n; i++)")
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
        // Several inputs in one pass over the samples, as in gradientOverInputs
        .addCode(inPasses("i", "n", this::unitsPass))
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
   * {@code gb[j] = Σₛ d[j·stride + s]} for every unit, up to four units per pass over the samples so
   * that their sums (each in its own order over s) do not wait on one another.
   */
  private CodeBlock biasSums() {
    return inPasses("u", "units", this::biasPass);
  }

  private CodeBlock biasPass(int count) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int v = 0; v < count; v++) {
      code.addStatement("$T b$L = $L", num.scalar(), v, num.literal("0.0"));
    }
    code.beginControlFlow("for (int s = 0; s < mp; s++)");
    for (int v = 0; v < count; v++) {
      code.addStatement("b$L += d[$L * stride + s]", v, v == 0 ? "u" : "(u + " + v + ")");
    }
    code.endControlFlow();
    for (int v = 0; v < count; v++) {
      code.addStatement("gb[$L] = b$L", v == 0 ? "u" : "u + " + v, v);
    }
    return code.build();
  }

  /** {@code count} vectors of inputs from i, summed over the samples in registers, stored to unit j's row of gw. */
  private CodeBlock inputsPass(int count) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int v = 0; v < count; v++) {
      code.addStatement("$T g$L = $T.zero(SPECIES)", vector, v, vector);
    }
    code.beginControlFlow("for (int s = 0; s < mp; s++)")
        .addStatement("$T ds = $T.broadcast(SPECIES, d[row + s])", vector, vector);
    for (int v = 0; v < count; v++) {
      code.addStatement("g$L = $T.fromArray(SPECIES, rows, s * n + $L).fma(ds, g$L)", v, vector, offset("i", v), v);
    }
    code.endControlFlow();
    for (int v = 0; v < count; v++) {
      code.addStatement("g$L.intoArray(gw, j * n + $L)", v, offset("i", v));
    }
    return code.build();
  }

  /**
   * Inputs i to i + count − 1 for the vector of units from j, summed over the samples in registers,
   * then written to the units' rows of gw through {@code lanes}.
   */
  private CodeBlock unitsPass(int count) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int u = 0; u < count; u++) {
      code.addStatement("$T g$L = $T.zero(SPECIES)", vector, u, vector);
    }
    code.beginControlFlow("for (int s = 0; s < mp; s++)")
        .addStatement("$T ds = $T.fromArray(SPECIES, rows, s * units + j)", vector, vector);
    for (int u = 0; u < count; u++) {
      code.addStatement("g$L = ds.fma($T.broadcast(SPECIES, in[$L * stride + s]), g$L)", u, vector,
          u == 0 ? "i" : "(i + " + u + ")", u);
    }
    code.endControlFlow();
    for (int u = 0; u < count; u++) {
      code.addStatement("g$L.intoArray(lanes, $L)", u, u == 0 ? "0" : u == 1 ? "LANES" : u + " * LANES");
    }
    code.beginControlFlow("for (int u = 0; u < LANES; u++)");
    for (int v = 0; v < count; v++) {
      code.addStatement("gw[(j + u) * n + $L] = lanes[$L]", v == 0 ? "i" : "i + " + v,
          v == 0 ? "u" : v == 1 ? "LANES + u" : v + " * LANES + u");
    }
    return code.endControlFlow().build();
  }

  /** {@code base}, or {@code base + v·LANES}. */
  private static String offset(String base, int v) {
    return v == 0 ? base : v == 1 ? base + " + LANES" : base + " + " + v + " * LANES";
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
        .addStatement("$T.fromArray(SPECIES, $L, k * stride + s, across, 0).intoArray(rows, s * $L + k)",
            vector, lanes, width)
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
        .addStatement("double total = 0.0");
  }

  /** Opens the loop over blocks of {@code LANES} samples, with the mask of the live ones. */
  private MethodSpec.Builder eachBlock(MethodSpec.Builder method) {
    return method.beginControlFlow("for (int s = 0; s < mp; s += LANES)").addCode(liveLanes());
  }

  /**
   * {@code live}, the mask of the block's samples below m, as a comparison with the lane indices. Not
   * {@code SPECIES.indexInRange}: on JDK 17 that is a Java fallback (no intrinsic) which C2 inlines
   * or not from one run to the next, and when it does not, every block allocates a vector.
   */
  private CodeBlock liveLanes() {
    return CodeBlock.builder()
        .addStatement("$T<$T> live = $T.fromArray(SPECIES, LANE_INDEX, 0).compare($T.LT, ($T) Math.min(LANES, m - s))",
            VECTOR_MASK, num.scalar().box(), vector, VECTOR_OPERATORS, num.scalar())
        .build();
  }

  /**
   * Ends a loss kernel: the block's losses of live samples, added in a fixed order; then
   * {@code afterBlocks}, and the mean.
   */
  private MethodSpec finishLoss(MethodSpec.Builder method, CodeBlock afterBlocks) {
    return method.addStatement("loss.blend($L, live.not()).intoArray(lanes, 0)", num.literal("0.0"))
        .addStatement("total += sum(lanes, 0)")
        .endControlFlow()
        .addCode(afterBlocks)
        .addStatement("return total / m")
        .build();
  }

  /**
   * Softmax cross-entropy lane by lane: loss {@code Σⱼ tⱼ(max − zⱼ) + (Σⱼ tⱼ)·log Σⱼ e^(zⱼ − max)},
   * the logarithms taken once for the batch ({@link LogSumProduct}) from the live lanes' sums; the
   * exponentials wait in {@code d} for the deltas {@code (e/Σe − t)/m}, zero in the padding lanes.
   */
  private MethodSpec softmaxLoss() {
    MethodSpec.Builder method = lossSignature("softmaxCrossEntropy")
        .addJavadoc("Softmax cross-entropy over the lanes of the batch; returns the mean over rows [0, m) and, with\n")
        .addJavadoc("{@code withDelta}, writes {@code d = (softmax(z) − t)/m} into the lanes (zero past m).\n");
    eachBlock(method.addCode(LogSumProduct.declare()))
        .addStatement("$T max = $T.fromArray(SPECIES, z, s)", vector, vector)
        .beginControlFlow("for (int j = 1; j < outs; j++)")
        .addStatement("max = max.max($T.fromArray(SPECIES, z, j * stride + s))", vector)
        .endControlFlow()
        .addStatement("$T sum = $T.zero(SPECIES)", vector, vector)
        .beginControlFlow("for (int j = 0; j < outs; j++)")
        .addStatement("$T.fromArray(SPECIES, z, j * stride + s).sub(max).intoArray(lanes, 0)", vector)
        .addCode(eachLane(CodeBlock.of("lanes[i] = $L", exp("lanes[i]"))))
        .addStatement("$T e = $T.fromArray(SPECIES, lanes, 0)", vector, vector)
        .addStatement("sum = sum.add(e)")
        .beginControlFlow("if (withDelta)")
        .addStatement("e.intoArray(d, j * stride + s)")
        .endControlFlow()
        .endControlFlow()
        .addStatement("$T loss = $T.zero(SPECIES)", vector, vector)
        .addStatement("$T weight = $T.zero(SPECIES)", vector, vector)
        .addStatement("$T share = $T.broadcast(SPECIES, scale).div(sum)", vector, vector)
        .beginControlFlow("for (int j = 0; j < outs; j++)")
        .addStatement("int k = j * stride + s")
        .addStatement("$T tj = $T.fromArray(SPECIES, t, k)", vector, vector)
        .addStatement("loss = loss.add(tj.mul(max.sub($T.fromArray(SPECIES, z, k))))", vector)
        .addStatement("weight = weight.add(tj)")
        .beginControlFlow("if (withDelta)")
        .addStatement("$T.fromArray(SPECIES, d, k).mul(share).sub(tj.mul(scale)).blend($L, live.not()).intoArray(d, k)",
            vector, num.literal("0.0"))
        .endControlFlow()
        .endControlFlow()
        .addStatement("sum.intoArray(lanes, 0)")
        .addStatement("weight.intoArray(lanes, LANES)")
        .beginControlFlow("for (int i = 0, count = Math.min(LANES, m - s); i < count; i++)")
        .addCode(LogSumProduct.add("lanes[LANES + i]", "lanes[i]"))
        .endControlFlow();
    return finishLoss(method, LogSumProduct.finish());
  }

  /**
   * The samples of rows [0, m) whose predicted class is their target's, lane by lane, with the
   * decisions of {@code classOf} and {@code targetClass}: one output is class 1 from a logit of 0 and
   * a target of ½ on; several are their first largest entry (a NaN never wins, as in {@code argmax}).
   */
  private MethodSpec hits() {
    String zero = num.literal("0.0");
    return MethodSpec.methodBuilder("hits")
        .addModifiers(Modifier.STATIC)
        .addJavadoc("The number of samples in rows [0, m) whose logits {@code z} pick the class of their targets\n")
        .addJavadoc("{@code t}: the first largest entry of each, or for one output a logit ≥ 0 and a target ≥ ½.\n")
        .returns(TypeName.INT)
        .addParameter(num.vector(), "z")
        .addParameter(num.vector(), "t")
        .addParameter(TypeName.INT, "outs")
        .addParameter(TypeName.INT, "stride")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "mp")
        .addStatement("int hits = 0")
        .beginControlFlow("for (int s = 0; s < mp; s += LANES)")
        .addCode(liveLanes())
        .addStatement("$T zBest = $T.fromArray(SPECIES, z, s)", vector, vector)
        .addStatement("$T tBest = $T.fromArray(SPECIES, t, s)", vector, vector)
        .beginControlFlow("if (outs == 1)")
        .addStatement("hits += zBest.compare($T.GE, $L).eq(tBest.compare($T.GE, $L)).and(live).trueCount()",
            VECTOR_OPERATORS, zero, VECTOR_OPERATORS, num.literal("0.5"))
        .addStatement("continue")
        .endControlFlow()
        .addStatement("$T zClass = $T.zero(SPECIES)", vector, vector)
        .addStatement("$T tClass = $T.zero(SPECIES)", vector, vector)
        .beginControlFlow("for (int j = 1; j < outs; j++)")
        .addStatement("$T zj = $T.fromArray(SPECIES, z, j * stride + s)", vector, vector)
        .addStatement("$T tj = $T.fromArray(SPECIES, t, j * stride + s)", vector, vector)
        .addStatement("$T<$T> zWins = zj.compare($T.GT, zBest)", VECTOR_MASK, num.scalar().box(), VECTOR_OPERATORS)
        .addStatement("$T<$T> tWins = tj.compare($T.GT, tBest)", VECTOR_MASK, num.scalar().box(), VECTOR_OPERATORS)
        .addStatement("zBest = zBest.blend(zj, zWins)")
        .addStatement("tBest = tBest.blend(tj, tWins)")
        .addStatement("zClass = zClass.blend(($T) j, zWins)", num.scalar())
        .addStatement("tClass = tClass.blend(($T) j, tWins)", num.scalar())
        .endControlFlow()
        .addStatement("hits += zClass.compare($T.EQ, tClass).and(live).trueCount()", VECTOR_OPERATORS)
        .endControlFlow()
        .addStatement("return hits")
        .build();
  }

  /**
   * Sigmoid cross-entropy lane by lane: {@code softplus(z) − t·z} per output, from
   * {@code max(z, 0) + log1p(e^−|z|)}, so large logits stay exact; deltas {@code (σ(z) − t)/m}.
   */
  private MethodSpec sigmoidLoss() {
    MethodSpec.Builder method = lossSignature("sigmoidCrossEntropy")
        .addJavadoc("Sigmoid cross-entropy over the lanes of the batch; returns the mean over rows [0, m) and, with\n")
        .addJavadoc("{@code withDelta}, writes {@code d = (σ(z) − t)/m} into the lanes (zero past m).\n");
    eachBlock(method)
        .addStatement("$T loss = $T.zero(SPECIES)", vector, vector)
        .beginControlFlow("for (int j = 0; j < outs; j++)")
        .addStatement("int k = j * stride + s")
        .addStatement("$T zj = $T.fromArray(SPECIES, z, k)", vector, vector)
        .addStatement("$T tj = $T.fromArray(SPECIES, t, k)", vector, vector)
        .addStatement("zj.intoArray(lanes, 0)")
        .addCode(eachLane(CodeBlock.of("lanes[LANES + i] = $L", functions.expression(Activation.SOFTPLUS, "lanes[i]"))))
        .addStatement("loss = loss.add($T.fromArray(SPECIES, lanes, LANES).sub(zj.mul(tj)))", vector)
        .beginControlFlow("if (withDelta)")
        .addCode(eachLane(CodeBlock.of("lanes[LANES + i] = $L", functions.expression(Activation.SIGMOID, "lanes[i]"))))
        .addStatement("$T.fromArray(SPECIES, lanes, LANES).sub(tj).mul(scale).blend($L, live.not()).intoArray(d, k)",
            vector, num.literal("0.0"))
        .endControlFlow()
        .endControlFlow();
    return finishLoss(method, CodeBlock.of(""));
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
    for (CodeBlock statement : activationBody(activation)) {
      method.addStatement(statement);
    }
    return method.addStatement("r.intoArray(a, k)")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** Statements from {@code v = z} to {@code r = f(z)}, for activations without an exponential. */
  private List<CodeBlock> activationBody(Activation activation) {
    String zero = num.literal("0.0");
    return switch (activation) {
      case TANH -> floatTanh();
      case RELU -> List.of(CodeBlock.of("$T r = v.max($L)", vector, zero));
      case LEAKY_RELU -> List.of(CodeBlock.of("$T r = v.blend(v.mul($L), v.compare($T.LE, $L))", vector,
          num.literal("0.01"), VECTOR_OPERATORS, zero));
      default -> throw new IllegalArgumentException("no vector form of " + activation);
    };
  }

  /** {@code FastMath.tanh(float)}'s rational fit, lane by lane: within 6 float ulps, ±1 from ±9 on. */
  private List<CodeBlock> floatTanh() {
    return List.of(
        CodeBlock.of("$T c = v.max(-9f).min(9f)", vector),
        CodeBlock.of("$T w = c.mul(c)", vector),
        CodeBlock.of("$T p = w.fma(1.335254534733453e-08f, 2.0607709301683954e-05f).mul(w).add(0.0034955131417599285f)"
            + ".mul(w).add(0.13380965983075835f).mul(w).add(0.9999999799416258f)", vector),
        CodeBlock.of("$T q = w.fma(7.775734996929048e-07f, 0.0003285505851995032f).mul(w).add(0.025876707307297214f)"
            + ".mul(w).add(0.4671428179267843f).mul(w).add(1f)", vector),
        CodeBlock.of("$T r = c.mul(p).div(q).max(-1f).min(1f)", vector));
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
    // softplus' = σ(z) and SiLU's slope need e^−z (null): the scalar derivative, lane by lane
    CodeBlock slope = VectorClass.slope(activation, num, load("z"), load("a"));
    if (slope == null) {
      return method.beginControlFlow("for (int k = j * stride, end = k + mp; k < end; k++)")
          .addStatement("d[k] *= $T.$L(z[k], a[k])", model, ActivationFunctions.derivativeName(activation))
          .endControlFlow()
          .endControlFlow()
          .build();
    }
    return method.beginControlFlow("for (int k = j * stride, end = k + mp; k < end; k += LANES)")
        .addStatement("$T slope = $L", vector, slope)
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
