package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.unrolled.Activation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits one small static method per activation the network uses, and its derivative as a function
 * of both {@code z} and {@code a = f(z)} (whichever is cheaper). DOUBLE code computes its
 * transcendentals with {@code Math} (tanh with {@code FastMath.tanh}); FLOAT code stays in float
 * throughout with {@code FastMath}'s float tanh, sigmoid, expm1 and softplus (within 6 float ulps),
 * because float-double conversions around {@code Math.exp} cost more than the function.
 */
final class ActivationFunctions {
  private static final ClassName MATH = ClassName.get(Math.class);
  private final Numeric num;

  ActivationFunctions(Numeric num) {
    this.num = num;
  }

  static String functionName(Activation activation) {
    String[] parts = activation.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(parts[0]);
    for (int k = 1; k < parts.length; k++) {
      name.append(Character.toUpperCase(parts[k].charAt(0))).append(parts[k].substring(1));
    }
    return name.toString();
  }

  static String derivativeName(Activation activation) {
    return functionName(activation) + "Derivative";
  }

  /** Methods for every non-identity activation in {@code used}, in enum order. */
  List<MethodSpec> methods(Set<Activation> used) {
    List<MethodSpec> methods = new ArrayList<>();
    for (Activation activation : EnumSet.copyOf(used)) {
      if (activation != Activation.IDENTITY) {
        methods.add(function(activation));
        methods.add(derivative(activation));
      }
    }
    return methods;
  }

  private MethodSpec function(Activation activation) {
    return MethodSpec.methodBuilder(functionName(activation))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(num.scalar())
        .addParameter(num.scalar(), "z")
        .addStatement("return $L", expression(activation, "z"))
        .build();
  }

  /**
   * {@code f(z)} as an expression of the scalar variable named {@code z}: the body of the activation's
   * method, and what the lane kernels compute lane by lane where an exponential is involved.
   */
  CodeBlock expression(Activation activation, String z) {
    String zero = num.literal("0");
    switch (activation) {
      case SIGMOID:
        return num.isFloat() ? CodeBlock.of("$T.sigmoid($L)", RuntimeTypes.FAST_MATH, z)
            : CodeBlock.of("1.0 / (1.0 + $T.exp(-$L))", MATH, z);
      case TANH:
        // Plain arithmetic that inlines: JDK 17 does not intrinsify Math.tanh, and the float form
        // stays in float (float-double conversions around Math.exp made it about 5× slower).
        return CodeBlock.of("$T.tanh($L)", RuntimeTypes.FAST_MATH, z);
      case RELU:
        return CodeBlock.of("$T.max($L, $L)", MATH, zero, z);
      case LEAKY_RELU:
        return CodeBlock.of("$L > $L ? $L : $L * $L", z, zero, z, num.literal("0.01"), z);
      case ELU:
        return CodeBlock.of("$L > $L ? $L : $T.expm1($L)", z, zero, z,
            num.isFloat() ? RuntimeTypes.FAST_MATH : MATH, z);
      case SOFTPLUS:
        // max(z, 0) + log1p(e^-|z|) never overflows, unlike log(1 + e^z).
        return num.isFloat() ? CodeBlock.of("$T.softplus($L)", RuntimeTypes.FAST_MATH, z)
            : CodeBlock.of("$T.max($L, 0.0) + $T.log1p($T.exp(-$T.abs($L)))", MATH, z, MATH, MATH, MATH, z);
      case SILU:
        return num.isFloat() ? CodeBlock.of("$L * $T.sigmoid($L)", z, RuntimeTypes.FAST_MATH, z)
            : CodeBlock.of("$L / (1.0 + $T.exp(-$L))", z, MATH, z);
      default:
        throw new IllegalArgumentException("no function for " + activation);
    }
  }

  private MethodSpec derivative(Activation activation) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(derivativeName(activation))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(num.scalar())
        .addParameter(num.scalar(), "z")
        .addParameter(num.scalar(), "a");
    String zero = num.literal("0");
    String one = num.literal("1");
    switch (activation) {
      case SIGMOID:
        return method.addStatement("return a * ($L - a)", one).build();
      case TANH:
        return method.addStatement("return $L - a * a", one).build();
      case RELU:
        return method.addStatement("return z > $L ? $L : $L", zero, one, zero).build();
      case LEAKY_RELU:
        return method.addStatement("return z > $L ? $L : $L", zero, one, num.literal("0.01")).build();
      case ELU:
        return method.addStatement("return z > $L ? $L : a + $L", zero, one, one).build();
      case SOFTPLUS:
        return num.isFloat() ? method.addStatement("return $T.sigmoid(z)", RuntimeTypes.FAST_MATH).build()
            : method.addStatement("return 1.0 / (1.0 + $T.exp(-z))", MATH).build();
      case SILU:
        return num.isFloat()
            ? method.addStatement("float s = $T.sigmoid(z)", RuntimeTypes.FAST_MATH)
                .addStatement("return s * (1f + z * (1f - s))").build()
            : method.addStatement("double s = 1.0 / (1.0 + $T.exp(-z))", MATH)
                .addStatement("return s * (1.0 + z * (1.0 - s))").build();
      default:
        throw new IllegalArgumentException("no derivative for " + activation);
    }
  }
}
