package dev.unrolled.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.unrolled.Precision;

/** What changes between FLOAT and DOUBLE code: types, literals and the casts from double math. */
final class Numeric {
  private final boolean isFloat;

  private Numeric(boolean isFloat) {
    this.isFloat = isFloat;
  }

  static Numeric of(Precision precision) {
    return new Numeric(precision == Precision.FLOAT);
  }

  boolean isFloat() {
    return isFloat;
  }

  TypeName scalar() {
    return isFloat ? TypeName.FLOAT : TypeName.DOUBLE;
  }

  ArrayTypeName vector() {
    return ArrayTypeName.of(scalar());
  }

  ArrayTypeName matrix() {
    return ArrayTypeName.of(vector());
  }

  /** A literal of the scalar type, e.g. {@code 0.01f} or {@code 0.01}. */
  String literal(String digits) {
    return isFloat ? digits + "f" : digits;
  }

  /** {@code expr}, narrowed from double when the scalar type is float. */
  CodeBlock narrow(CodeBlock expr) {
    return isFloat ? CodeBlock.of("($T) ($L)", TypeName.FLOAT, expr) : expr;
  }

  /** Same as {@link #narrow(CodeBlock)} for a short expression. */
  CodeBlock narrow(String format, Object... args) {
    return narrow(CodeBlock.of(format, args));
  }
}
