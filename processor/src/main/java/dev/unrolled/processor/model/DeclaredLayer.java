package dev.unrolled.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/** A layer as written, of any kind: its number in the layer table and where diagnostics point. */
public interface DeclaredLayer {
  int number();

  /** The layer's annotation ({@code @Dense}, {@code @Rbf}). */
  AnnotationMirror mirror();

  /** Its {@code units} value as written, or null for a default. */
  AnnotationValue unitsValue();

  /** What messages call it: {@code layer 2}. */
  default String name() {
    return "layer " + number();
  }
}
