package dev.unrolled.processor.model;

import dev.unrolled.Activation;
import dev.unrolled.Backend;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @Network} through annotation mirrors (not reflection), so every value keeps its
 * {@link AnnotationValue} for diagnostics. A value javac could not resolve makes the whole read
 * empty: javac has already reported it, and generating from a guess would only add noise.
 */
public final class NetworkReader {
  private static final String NETWORK = Network.class.getCanonicalName();

  private final Elements elements;
  private final Backend buildBackend;

  /** @param buildBackend what {@code Backend.DEFAULT} stands for in this build: PLAIN or VECTOR */
  public NetworkReader(Elements elements, Backend buildBackend) {
    this.elements = elements;
    this.buildBackend = buildBackend;
  }

  public Optional<NetworkDeclaration> read(TypeElement type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().contentEquals(NETWORK)) {
        return read(type, mirror);
      }
    }
    return Optional.empty();
  }

  private Optional<NetworkDeclaration> read(TypeElement type, AnnotationMirror mirror) {
    Map<String, AnnotationValue> values = valuesOf(mirror);
    AnnotationValue inputs = values.get("inputs");
    AnnotationValue layers = values.get("layers");
    AnnotationValue loss = values.get("loss");
    AnnotationValue precision = values.get("precision");
    AnnotationValue maxParameters = values.get("maxParameters");
    if (!(inputs != null && inputs.getValue() instanceof Integer)
        || !(layers != null && layers.getValue() instanceof List)
        || !(maxParameters != null && maxParameters.getValue() instanceof Integer)) {
      return Optional.empty();
    }
    Optional<Loss> lossConstant = enumConstant(loss, Loss.class);
    Optional<Precision> precisionConstant = enumConstant(precision, Precision.class);
    Optional<Backend> backendConstant = enumConstant(values.get("backend"), Backend.class);
    AnnotationValue rbfValue = explicitValue(mirror, "rbf"); // absent: no RBF layer
    Optional<RbfDeclaration> rbf = rbfValue == null ? Optional.empty() : readRbf(rbfValue);
    Optional<List<LayerDeclaration>> layerList = readLayers(layers, rbfValue == null ? 0 : 1); // behind the RBF layer
    if (lossConstant.isEmpty() || precisionConstant.isEmpty() || backendConstant.isEmpty()
        || layerList.isEmpty() || (rbfValue != null && rbf.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new NetworkDeclaration(
        type, mirror, (Integer) inputs.getValue(), explicitValue(mirror, "inputs"),
        rbf.orElse(null), layerList.get(), explicitValue(mirror, "layers"),
        lossConstant.get(), explicitValue(mirror, "loss"), precisionConstant.get(),
        (Integer) maxParameters.getValue(), explicitValue(mirror, "maxParameters"),
        backendConstant.get() == Backend.DEFAULT ? buildBackend : backendConstant.get(),
        explicitValue(mirror, "backend")));
  }

  /**
   * The written {@code rbf} value, even with units ≤ 0 (validation reports those); empty when javac
   * could not resolve it.
   */
  private Optional<RbfDeclaration> readRbf(AnnotationValue rbf) {
    if (!(rbf.getValue() instanceof AnnotationMirror annotation)) {
      return Optional.empty();
    }
    AnnotationValue units = valuesOf(annotation).get("units");
    if (units == null || !(units.getValue() instanceof Integer)) {
      return Optional.empty();
    }
    return Optional.of(new RbfDeclaration((Integer) units.getValue(), annotation, rbf,
        explicitValue(annotation, "units")));
  }

  /** The dense layers, numbered in the layer table after the {@code before} layers in front of them. */
  private Optional<List<LayerDeclaration>> readLayers(AnnotationValue layers, int before) {
    List<LayerDeclaration> result = new ArrayList<>();
    for (Object element : (List<?>) layers.getValue()) {
      if (!(element instanceof AnnotationValue value && value.getValue() instanceof AnnotationMirror)) {
        return Optional.empty();
      }
      AnnotationMirror dense = (AnnotationMirror) value.getValue();
      Map<String, AnnotationValue> values = valuesOf(dense);
      AnnotationValue units = values.get("units");
      Optional<Activation> activation = enumConstant(values.get("activation"), Activation.class);
      Optional<Norm> norm = enumConstant(values.get("norm"), Norm.class);
      AnnotationValue dropout = values.get("dropout");
      if (units == null || !(units.getValue() instanceof Integer) || activation.isEmpty() || norm.isEmpty()
          || dropout == null || !(dropout.getValue() instanceof Double)) {
        return Optional.empty();
      }
      result.add(new LayerDeclaration(before + result.size() + 1, (Integer) units.getValue(),
          activation.get(), norm.get(), (Double) dropout.getValue(), dense, explicitValue(dense, "units"),
          explicitValue(dense, "activation"), explicitValue(dense, "norm"), explicitValue(dense, "dropout")));
    }
    return Optional.of(result);
  }

  private Map<String, AnnotationValue> valuesOf(AnnotationMirror mirror) {
    Map<String, AnnotationValue> byName = new java.util.HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      byName.put(entry.getKey().getSimpleName().toString(), entry.getValue());
    }
    return byName;
  }

  /** The value as written in source (diagnostics can only point at those), or null for a default. */
  private static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static <E extends Enum<E>> Optional<E> enumConstant(AnnotationValue value, Class<E> type) {
    if (value == null || !(value.getValue() instanceof VariableElement constant)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, constant.getSimpleName().toString()));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
