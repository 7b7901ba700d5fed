package dev.unrolled.processor.model;

import dev.unrolled.Architecture;
import dev.unrolled.Backend;
import dev.unrolled.Loss;
import dev.unrolled.Precision;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Network} declaration read from source: the numbers that define the network plus the
 * elements, mirrors and values that diagnostics point at. Immutable; never kept across rounds.
 *
 * @param backend the kernels to generate, resolved: {@code PLAIN} or {@code VECTOR}, never
 *     {@code DEFAULT} (that is replaced by the build's processor option)
 * @param backendValue the {@code backend} value as written, or null when it came from the build
 * @param rbf the radial-basis-function layer, or null when {@code rbf} is not written
 */
public record NetworkDeclaration(
    TypeElement type,
    AnnotationMirror mirror,
    int inputs,
    AnnotationValue inputsValue,
    RbfDeclaration rbf,
    List<LayerDeclaration> layers,
    AnnotationValue layersValue,
    Loss loss,
    AnnotationValue lossValue,
    Precision precision,
    int maxParameters,
    AnnotationValue maxParametersValue,
    Backend backend,
    AnnotationValue backendValue) {

  public NetworkDeclaration {
    layers = List.copyOf(layers);
  }

  /** The package of the annotated type, where the generated classes go. */
  public String packageName() {
    Element e = type;
    while (e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return ((PackageElement) e).getQualifiedName().toString();
  }

  /** {@code Foo} for a top-level type; {@code Outer_Foo} for {@code Outer.Foo}. */
  public String baseName() {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement(); e.getKind() != ElementKind.PACKAGE;
        e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + "_");
    }
    return name.toString();
  }

  /** The simple name of the generated model class. */
  public String modelName() {
    return baseName() + "Model";
  }

  /** The simple name of the generated trainer class. */
  public String trainerName() {
    return baseName() + "Trainer";
  }

  /** The simple name of the generated interface that holds the model's {@code ARCHITECTURE}. */
  public String architectureName() {
    return modelName() + "Architecture";
  }

  public boolean hasRbf() {
    return rbf != null;
  }

  /**
   * The declared architecture, for the runtime's layer table. Call it only once every size is
   * positive (validation checks that first): {@code Architecture} refuses others.
   */
  public Architecture architecture() {
    List<Architecture.Layer> dense = layers.stream().map(LayerDeclaration::layer).toList();
    return new Architecture(inputs, hasRbf() ? rbf.units() : 0, dense, loss, precision);
  }

  /** The layer table (see {@link Architecture#table()}): the one walk over the layers. */
  public List<Architecture.LayerSpan> table() {
    return architecture().table();
  }

  /**
   * Every parameter of the layer table, saturating at {@code Long.MAX_VALUE}: declarations may be
   * absurdly large. Call it only once every size is positive, as {@link #architecture()}.
   */
  public long parameterCount() {
    return architecture().parameterCount();
  }

  /** The declared layer that row {@code number} of the layer table comes from: where diagnostics point. */
  public DeclaredLayer declared(int number) {
    return hasRbf() && number == RbfDeclaration.NUMBER ? rbf : layers.get(number - 1 - (hasRbf() ? 1 : 0));
  }

  /** The output layer, or null when no layer is declared. */
  public LayerDeclaration outputLayer() {
    return layers.isEmpty() ? null : layers.get(layers.size() - 1);
  }
}
