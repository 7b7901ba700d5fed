package dev.unrolled.processor.plan;

import dev.unrolled.Backend;
import dev.unrolled.Loss;
import dev.unrolled.Precision;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Everything the writers need: names, sizes, and each layer's code shape. Holds the annotated type
 * only as the originating element and the supertype of the generated model.
 *
 * @param baseName {@code Foo} for a top-level type, {@code Outer_Foo} for a nested one
 */
public record NetworkPlan(
    TypeElement type,
    String packageName,
    String baseName,
    int inputs,
    List<LayerPlan> layers,
    Loss loss,
    Precision precision,
    Backend backend) {

  public NetworkPlan {
    layers = List.copyOf(layers);
  }

  public String modelName() {
    return baseName + "Model";
  }

  public String trainerName() {
    return baseName + "Trainer";
  }

  public LayerPlan output() {
    return layers.get(layers.size() - 1);
  }

  public int outputs() {
    return output().outputs();
  }

  public int parameterCount() {
    LayerPlan last = output();
    return last.weightOffset() + last.parameterCount();
  }

  /** The RBF layer (always layer 1), or null when the network has none. */
  public LayerPlan rbf() {
    return layers.get(0).radial() ? layers.get(0) : null;
  }

  /** The dense layers, after the RBF layer if there is one. */
  public List<LayerPlan> denseLayers() {
    return rbf() == null ? layers : layers.subList(1, layers.size());
  }

  /** True when some layer has Vector API kernels, so the model needs its vector class. */
  public boolean hasVectorLayers() {
    return layers.stream().anyMatch(LayerPlan::isVector);
  }

  public boolean isInterface() {
    return type.getKind().isInterface();
  }
}
