package dev.unrolled.processor.plan;

import dev.unrolled.Architecture;
import dev.unrolled.Loss;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import dev.unrolled.processor.model.NetworkDeclaration;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Everything the writers need: the declaration, each layer's plan, and the network-wide decisions.
 *
 * @param layersPerMethod layers whose bookkeeping (parameter copies, buffer allocation) one method
 *     holds before the writers split it into helpers
 * @param unrolledSoftmax whether the softmax loss keeps one exponential per output in locals
 */
public record NetworkPlan(
    NetworkDeclaration declaration,
    List<LayerPlan> layers,
    int layersPerMethod,
    boolean unrolledSoftmax) {

  public NetworkPlan {
    layers = List.copyOf(layers);
  }

  /** The annotated type: the originating element and the supertype of the generated model. */
  public TypeElement type() {
    return declaration.type();
  }

  public String packageName() {
    return declaration.packageName();
  }

  public String modelName() {
    return declaration.modelName();
  }

  public String trainerName() {
    return declaration.trainerName();
  }

  public String architectureName() {
    return declaration.architectureName();
  }

  public int inputs() {
    return declaration.inputs();
  }

  public Loss loss() {
    return declaration.loss();
  }

  public Precision precision() {
    return declaration.precision();
  }

  /** What the generated {@code ARCHITECTURE} constant holds. */
  public Architecture architecture() {
    return declaration.architecture();
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

  /** True when some layer has Vector API kernels, so the model needs its {@code VECTOR} switch. */
  public boolean hasVectorLayers() {
    return hasTiledLayers() || hasLaneLayers();
  }

  /** True when some layer has vector register tiles, so the model needs {@code VectorKernels}. */
  public boolean hasTiledLayers() {
    return layers.stream().anyMatch(layer -> layer.shape() == CodeShape.VECTOR);
  }

  /** True when some layer keeps the batch in lanes, so the model needs {@code LaneKernels}. */
  public boolean hasLaneLayers() {
    return layers.stream().anyMatch(layer -> layer.shape() == CodeShape.LANES);
  }

  /**
   * True when the loss runs in lanes too: a cross-entropy loss on an output layer that keeps the
   * batch in lanes. (The squared error stays in rows: it is a few subtractions per output.)
   */
  public boolean laneLoss() {
    return output().shape() == CodeShape.LANES && loss().isCrossEntropy();
  }

  /** True when some layer normalises over the batch, so the model keeps running estimates. */
  public boolean hasBatchNorm() {
    return layers.stream().anyMatch(layer -> layer.norm() == Norm.BATCH);
  }

  /** True when some layer drops outputs in trainer steps. */
  public boolean hasDropout() {
    return layers.stream().anyMatch(LayerPlan::hasDropout);
  }

  /** True when some layer normalises or drops, so the table shows those columns. */
  public boolean hasNormOrDropout() {
    return layers.stream().anyMatch(layer -> layer.normalised() || layer.hasDropout());
  }

  public boolean isInterface() {
    return type().getKind().isInterface();
  }
}
