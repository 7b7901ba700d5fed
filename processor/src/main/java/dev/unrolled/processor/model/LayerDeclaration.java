package dev.unrolled.processor.model;

import dev.unrolled.Activation;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * One {@code @Dense} as written, with the mirrors diagnostics point at.
 *
 * @param number the layer's number in the layer table: its 1-based position in {@code layers}, plus
 *     one behind an RBF layer
 * @param unitsValue the {@code units} value as written
 * @param activationValue the {@code activation} value, or null when the default applies
 */
public record LayerDeclaration(
    int number,
    int units,
    Activation activation,
    AnnotationMirror mirror,
    AnnotationValue unitsValue,
    AnnotationValue activationValue) implements DeclaredLayer {}
