package dev.unrolled.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes per-layer bookkeeping code (parameter copies, buffer allocation) in the groups of layers
 * the planner chose, so the methods stay far below HotSpot's 8,000-byte compile limit however deep
 * the network: a method whose layers fit in one group stays as it is, otherwise it calls one helper
 * per group.
 */
final class LayerGroups {
  private LayerGroups() {}

  /**
   * Adds {@code perLayer}'s code for every layer to {@code method}, directly or through helpers
   * named {@code helperName0, helperName1, …} that take {@code parameter} (none when it is null) and
   * are returned for the caller to add to the class.
   */
  static List<MethodSpec> addPerLayer(MethodSpec.Builder method, String helperName, ParameterSpec parameter,
      int layersPerMethod, List<LayerEmitter> layers, Function<LayerEmitter, CodeBlock> perLayer) {
    return addPerLayer(method, helperName, parameter, false, layersPerMethod, layers, perLayer);
  }

  /** As above, with static helpers for a static {@code method}. */
  static List<MethodSpec> addPerLayer(MethodSpec.Builder method, String helperName, ParameterSpec parameter,
      boolean isStatic, int layersPerMethod, List<LayerEmitter> layers, Function<LayerEmitter, CodeBlock> perLayer) {
    List<MethodSpec> helpers = new ArrayList<>();
    if (layers.size() <= layersPerMethod) {
      for (LayerEmitter layer : layers) {
        method.addCode(perLayer.apply(layer));
      }
      return helpers;
    }
    for (int from = 0; from < layers.size(); from += layersPerMethod) {
      List<LayerEmitter> group = layers.subList(from, Math.min(layers.size(), from + layersPerMethod));
      String name = helperName + helpers.size();
      MethodSpec.Builder helper = MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PRIVATE)
          .addJavadoc("Layers $L–$L of {@code $L}.\n", group.get(0).l, group.get(group.size() - 1).l, helperName);
      if (parameter != null) {
        helper.addParameter(parameter);
      }
      if (isStatic) {
        helper.addModifiers(Modifier.STATIC);
      }
      for (LayerEmitter layer : group) {
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
