package dev.unrolled.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Per-layer bookkeeping code (parameter copies, buffer allocation) grows with depth: about 56
 * bytes of bytecode per layer, so a network of ~150 layers would push one such method past
 * HotSpot's 8,000-byte compile limit. Layers are therefore written in groups; a method whose
 * layers fit in one group stays as it is, otherwise it calls one helper per group.
 */
final class LayerGroups {
  /** Layers per method: at ~56 bytes a layer, about 2.2 KB. */
  static final int LAYERS_PER_METHOD = 40;

  private LayerGroups() {}

  /**
   * Adds {@code perLayer}'s code for every layer to {@code method}, directly or through helpers
   * named {@code helperName0, helperName1, …} that take {@code parameter} (none when it is null) and
   * are returned for the caller to add to the class.
   */
  static List<MethodSpec> addPerLayer(MethodSpec.Builder method, String helperName, ParameterSpec parameter,
      boolean isStatic, List<LayerPlan> layers, Function<LayerPlan, CodeBlock> perLayer) {
    List<MethodSpec> helpers = new ArrayList<>();
    if (layers.size() <= LAYERS_PER_METHOD) {
      for (LayerPlan layer : layers) {
        method.addCode(perLayer.apply(layer));
      }
      return helpers;
    }
    for (int from = 0; from < layers.size(); from += LAYERS_PER_METHOD) {
      List<LayerPlan> group = layers.subList(from, Math.min(layers.size(), from + LAYERS_PER_METHOD));
      String name = helperName + helpers.size();
      MethodSpec.Builder helper = MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PRIVATE)
          .addJavadoc("Layers $L–$L of {@code $L}.\n", group.get(0).number(),
              group.get(group.size() - 1).number(), helperName);
      if (parameter != null) {
        helper.addParameter(parameter);
      }
      if (isStatic) {
        helper.addModifiers(Modifier.STATIC);
      }
      for (LayerPlan layer : group) {
        helper.addCode(perLayer.apply(layer));
      }
      helpers.add(helper.build());
      if (parameter != null) {
        method.addStatement("$L($N)", name, parameter);
      } else {
        method.addStatement("$L()", name);
      }
    }
    return helpers;
  }
}
