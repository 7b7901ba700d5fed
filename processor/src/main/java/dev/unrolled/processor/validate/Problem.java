package dev.unrolled.processor.validate;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One diagnostic, anchored as narrowly as the source allows: the element, and where possible the
 * annotation and the value inside it, so IDEs underline {@code units = -3} rather than the type.
 */
public record Problem(
    Message message, String text, Element element, AnnotationMirror mirror, AnnotationValue value) {}
