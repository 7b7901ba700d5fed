package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * What every nested Vector API class of a model starts with ({@link VectorKernels},
 * {@link LaneKernels}): the species this CPU runs natively, its lane count, and {@code describe()}
 * for {@code summary()}. Such a class is loaded only when the model's {@code VECTOR} is true.
 */
final class VectorClass {
  private VectorClass() {}

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
