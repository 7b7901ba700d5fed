package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unrolled.Activation;
import java.util.EnumSet;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * What every nested Vector API class of a model starts with ({@link VectorKernels},
 * {@link LaneKernels}): the species this CPU runs natively, its lane count, and {@code describe()}
 * for {@code summary()}. Such a class is loaded only when the model's {@code VECTOR} is true.
 */
final class VectorClass {
  private static final ClassName VECTOR_OPERATORS = ClassName.get("jdk.incubator.vector", "VectorOperators");

  /**
   * Activations whose scalar slope chooses by {@code z > 0}: C2 does not vectorise that choice in a
   * plain loop (JDK 17), while a mask gives the same bits. The others' slopes are arithmetic, which
   * C2 vectorises in the plain loop already.
   */
  static final Set<Activation> CHOSEN_SLOPES = EnumSet.of(Activation.RELU, Activation.LEAKY_RELU, Activation.ELU);

  private VectorClass() {}

  /**
   * {@code f'(z)} as a vector expression of the vectors {@code z} and {@code a = f(z)}; null for
   * softplus and SiLU, whose slopes need an exponential. The choices take {@code z > 0}, as the scalar
   * derivatives do, so that a NaN z takes the same branch.
   */
  static CodeBlock slope(Activation activation, Numeric num, CodeBlock z, CodeBlock a) {
    ClassName vector = vectorType(num);
    String one = num.literal("1.0");
    String zero = num.literal("0.0");
    return switch (activation) {
      case SIGMOID -> CodeBlock.of("$L.mul($L.neg().add($L))", a, a, one);
      case TANH -> CodeBlock.of("$L.neg().fma($L, $T.broadcast(SPECIES, $L))", a, a, vector, one);
      case RELU -> CodeBlock.of("$T.broadcast(SPECIES, $L).blend($L, $L.compare($T.GT, $L))", vector, zero, one,
          z, VECTOR_OPERATORS, zero);
      case LEAKY_RELU -> CodeBlock.of("$T.broadcast(SPECIES, $L).blend($L, $L.compare($T.GT, $L))", vector,
          num.literal("0.01"), one, z, VECTOR_OPERATORS, zero);
      case ELU -> CodeBlock.of("$L.add($L).blend($L, $L.compare($T.GT, $L))", a, one, one, z, VECTOR_OPERATORS,
          zero);
      default -> null;
    };
  }

  /** {@code FloatVector} or {@code DoubleVector}. */
  static ClassName vectorType(Numeric num) {
    return ClassName.get("jdk.incubator.vector", num.isFloat() ? "FloatVector" : "DoubleVector");
  }

  /** The class {@code name} with {@code SPECIES}, {@code LANES}, a private constructor and {@code describe()}. */
  static TypeSpec.Builder builder(String name, Numeric num) {
    ClassName vector = vectorType(num);
    TypeName species = ParameterizedTypeName.get(ClassName.get("jdk.incubator.vector", "VectorSpecies"),
        num.scalar().box());
    return TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addField(FieldSpec.builder(species, "SPECIES", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The widest vectors this CPU runs natively.\n")
            .initializer("$T.SPECIES_PREFERRED", vector)
            .build())
        .addField(FieldSpec.builder(TypeName.INT, "LANES", Modifier.STATIC, Modifier.FINAL)
            .initializer("SPECIES.length()")
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("describe")
            .addModifiers(Modifier.STATIC)
            .addJavadoc("For {@code summary()}: the vector shape in use.\n")
            .returns(String.class)
            .addStatement("return SPECIES.vectorBitSize() + $S + LANES + $S", "-bit " + vector.simpleName() + ", ",
                " lanes")
            .build());
  }
}
