package dev.unrolled.processor.model;

import dev.unrolled.Activation;
import dev.unrolled.Architecture;
import dev.unrolled.Norm;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * One {@code @Dense} as written, with the mirrors diagnostics point at.
 *
 * @param number the layer's number in the layer table: its 1-based position in {@code layers}, plus
 *     one behind an RBF layer
 * @param unitsValue the {@code units} value as written
 * @param activationValue the {@code activation} value, or null when the default applies
 * @param normValue the {@code norm} value, or null when the default applies
 * @param dropoutValue the {@code dropout} value, or null when the default applies
 */
public record LayerDeclaration(
    int number,
    int units,
    Activation activation,
    Norm norm,
    double dropout,
    AnnotationMirror mirror,
    AnnotationValue unitsValue,
    AnnotationValue activationValue,
    AnnotationValue normValue,
    AnnotationValue dropoutValue) implements DeclaredLayer {

  /** The layer for the runtime's layer table; a dropout outside [0, 1) (reported by validation) becomes 0. */
  Architecture.Layer layer() {
    return new Architecture.Layer(units, activation, norm, dropout >= 0 && dropout < 1 ? dropout : 0);
  }
}
