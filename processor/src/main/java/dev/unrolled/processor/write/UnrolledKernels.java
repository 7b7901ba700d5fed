package dev.unrolled.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.unrolled.processor.plan.Chunk;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Straight-line kernels for a small layer, one sample per call, EJML style: the sample's inputs
 * are loaded into locals {@code x0, x1, …} (deltas into {@code d0, d1, …}) and every weight is read
 * at a constant offset of the flat {@code W[out][in]} array. Work is split into chunks of units
 * planned to stay far below HotSpot's 8,000-byte compile limit.
 */
final class UnrolledKernels {
  private final Numeric num;

  UnrolledKernels(Numeric num) {
    this.num = num;
  }

  List<MethodSpec> methods(LayerPlan layer) {
    List<MethodSpec> methods = new ArrayList<>();
    for (int k = 0; k < layer.forwardChunks().size(); k++) {
      methods.add(forward(layer, k));
    }
    for (int k = 0; k < layer.gradientChunks().size(); k++) {
      methods.add(gradient(layer, k));
    }
    for (int k = 0; k < layer.propagateChunks().size(); k++) {
      methods.add(propagate(layer, k));
    }
    return methods;
  }

  static String forwardName(LayerPlan layer, int chunk) {
    return Names.chunked("dense", layer, layer.forwardChunks(), chunk);
  }

  static String gradientName(LayerPlan layer, int chunk) {
    return Names.chunked("gradient", layer, layer.gradientChunks(), chunk);
  }

  static String propagateName(LayerPlan layer, int chunk) {
    return Names.chunked("propagate", layer, layer.propagateChunks(), chunk);
  }

  private MethodSpec forward(LayerPlan layer, int index) {
    Chunk chunk = layer.forwardChunks().get(index);
    int in = layer.inputs();
    MethodSpec.Builder method = kernel(forwardName(layer, index))
        .addJavadoc("Layer $L forward for units $L–$L of one sample: {@code z[j] = b[j] + Σᵢ W[j][i]·x[i]}.\n",
            layer.number(), chunk.from(), chunk.to() - 1)
        .addParameter(num.vector(), "w")
        .addParameter(num.vector(), "b")
        .addParameter(num.vector(), "x")
        .addParameter(num.vector(), "z");
    loadLocals(method, "x", in);
    for (int j = chunk.from(); j < chunk.to(); j++) {
      CodeBlock.Builder sum = CodeBlock.builder().add("b[$L]", j);
      for (int i = 0; i < in; i++) {
        sum.add("$W+ w[$L] * x$L", j * in + i, i);
      }
      method.addStatement("z[$L] = $L", j, sum.build());
    }
    return method.build();
  }

  private MethodSpec gradient(LayerPlan layer, int index) {
    Chunk chunk = layer.gradientChunks().get(index);
    int in = layer.inputs();
    MethodSpec.Builder method = kernel(gradientName(layer, index))
        .addJavadoc("Adds one sample's layer $L gradients for units $L–$L:\n",
            layer.number(), chunk.from(), chunk.to() - 1)
        .addJavadoc("{@code gb[j] += d[j]}, {@code gw[j·$L + i] += d[j]·x[i]}.\n", in)
        .addParameter(num.vector(), "x")
        .addParameter(num.vector(), "d")
        .addParameter(num.vector(), "gw")
        .addParameter(num.vector(), "gb");
    loadLocals(method, "x", in);
    for (int j = chunk.from(); j < chunk.to(); j++) {
      method.addStatement("$T d$L = d[$L]", num.scalar(), j, j);
      method.addStatement("gb[$L] += d$L", j, j);
      for (int i = 0; i < in; i++) {
        method.addStatement("gw[$L] += d$L * x$L", j * in + i, j, i);
      }
    }
    return method.build();
  }

  private MethodSpec propagate(LayerPlan layer, int index) {
    Chunk chunk = layer.propagateChunks().get(index);
    int in = layer.inputs();
    int out = layer.outputs();
    MethodSpec.Builder method = kernel(propagateName(layer, index))
        .addJavadoc("Layer $L deltas of one sample back to units $L–$L of layer $L, before the slope:\n",
            layer.number(), chunk.from(), chunk.to() - 1, layer.number() - 1)
        .addJavadoc("{@code p[i] = Σⱼ d[j]·W[j][i]}.\n")
        .addParameter(num.vector(), "w")
        .addParameter(num.vector(), "d")
        .addParameter(num.vector(), "p");
    loadLocals(method, "d", out);
    for (int i = chunk.from(); i < chunk.to(); i++) {
      CodeBlock.Builder sum = CodeBlock.builder().add("d0 * w[$L]", i);
      for (int j = 1; j < out; j++) {
        sum.add("$W+ d$L * w[$L]", j, j * in + i);
      }
      method.addStatement("p[$L] = $L", i, sum.build());
    }
    return method.build();
  }

  private void loadLocals(MethodSpec.Builder method, String array, int count) {
    for (int i = 0; i < count; i++) {
      method.addStatement("$T $L$L = $L[$L]", num.scalar(), array, i, array, i);
    }
  }

  private static MethodSpec.Builder kernel(String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC);
  }
}
