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
    AnnotationValue unitsValue) {}
