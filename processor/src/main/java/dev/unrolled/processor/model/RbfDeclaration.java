package dev.unrolled.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * The {@code @Rbf} of a declaration, when {@code rbf} is written at all (the default means none).
 *
 * @param value the {@code rbf} value as written
 * @param unitsValue the {@code units} value as written
 */
public record RbfDeclaration(int units, AnnotationMirror mirror, AnnotationValue value,
    AnnotationValue unitsValue) implements DeclaredLayer {
  /** The RBF layer comes first: layer 1. */
  public static final int NUMBER = 1;

  @Override
  public int number() {
    return NUMBER;
  }

  @Override
  public String name() {
    return "layer 1 (RBF)";
  }
}
