package dev.unrolled.processor.model;

import dev.unrolled.Loss;
import dev.unrolled.Precision;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Network} declaration read from source: the numbers that define the network plus the
 * elements, mirrors and values that diagnostics point at. Immutable; never kept across rounds.
 */
public record NetworkDeclaration(
    TypeElement type,
    AnnotationMirror mirror,
    int inputs,
    AnnotationValue inputsValue,
    List<LayerDeclaration> layers,
    AnnotationValue layersValue,
    Loss loss,
    AnnotationValue lossValue,
    Precision precision) {

  public NetworkDeclaration {
    layers = List.copyOf(layers);
  }

  /** The output layer, or null when no layer is declared. */
  public LayerDeclaration outputLayer() {
    return layers.isEmpty() ? null : layers.get(layers.size() - 1);
  }
}
