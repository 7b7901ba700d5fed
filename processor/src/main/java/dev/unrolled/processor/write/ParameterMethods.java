package dev.unrolled.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unrolled.processor.plan.NetworkPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The model's parameter plumbing: the fields, the seeded constructor, {@code getParameters} and
 * {@code setParameters} in the flat layout, and the rows an optimizer updates in place. Each layer's
 * emitter knows its own storage; this writer only strings them together, in groups of layers as
 * the planner chose.
 */
final class ParameterMethods {
  private static final ParameterSpec DST = ParameterSpec.builder(ArrayTypeName.of(TypeName.DOUBLE), "dst").build();
  private static final ParameterSpec SRC = ParameterSpec.builder(ArrayTypeName.of(TypeName.DOUBLE), "src").build();

  private final NetworkPlan plan;
  private final Numeric num;
  private final List<LayerEmitter> layers;

  ParameterMethods(NetworkPlan plan, Numeric num, List<LayerEmitter> layers) {
    this.plan = plan;
    this.num = num;
    this.layers = layers;
  }

  void addFields(TypeSpec.Builder type) {
    for (LayerEmitter layer : layers) {
      type.addFields(layer.parameterFields());
    }
  }

  /**
   * Seeded initialisation straight into the storage, in the flat draw order: the same values as
   * drawing a flat array and calling setParameters, at half the work while a fresh JVM still
   * interprets. Deep networks initialise through per-group helpers, keeping the constructor small.
   */
  void addConstructor(TypeSpec.Builder type) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A model with parameters drawn from {@code seed}: the same seed gives the same\n")
        .addJavadoc("parameters on every JDK.\n")
        .addParameter(TypeName.LONG, "seed")
        .addStatement("$T init = new $T(seed)", RuntimeTypes.WEIGHT_INIT, RuntimeTypes.WEIGHT_INIT);
    ParameterSpec init = ParameterSpec.builder(RuntimeTypes.WEIGHT_INIT, "init").build();
    type.addMethods(perLayer(constructor, "initialise", init, LayerEmitter::initialise));
    constructor.addCode("// Biases start at zero.\n");
    if (plan.hasBatchNorm()) {
      constructor.addStatement("running = runningRows()");
    }
    type.addMethod(constructor.build());
  }

  void addMethods(TypeSpec.Builder type) {
    MethodSpec.Builder get = contractMethod("getParameters", DST);
    MethodSpec.Builder set = contractMethod("setParameters", SRC);
    type.addMethods(perLayer(get, "getParameters", DST, layer -> layer.exportParameters("dst")));
    type.addMethods(perLayer(set, "setParameters", SRC, layer -> layer.importParameters("src")));
    type.addMethod(get.build()).addMethod(set.build());
    type.addMethods(rows(MethodSpec.methodBuilder("parameterRows")
        .addJavadoc("The parameter storage as rows for an optimizer to update in place.\n"),
        plan, num, layers, LayerEmitter::parameterRows));
    addDecayedRows(type);
  }

  private List<MethodSpec> perLayer(MethodSpec.Builder method, String helperName, ParameterSpec parameter,
      Function<LayerEmitter, CodeBlock> code) {
    return LayerGroups.addPerLayer(method, helperName, parameter, plan.layersPerMethod(), layers, code);
  }

  private static MethodSpec.Builder contractMethod(String name, ParameterSpec array) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(array)
        .addStatement("$T.length($N, PARAMETERS, $S)", RuntimeTypes.CHECKS, array, array.name());
  }

  /**
   * Completes {@code method} to build and return the array of parameter (or gradient) rows, in a
   * fixed order; returns the method and its per-group helpers.
   */
  static List<MethodSpec> rows(MethodSpec.Builder method, NetworkPlan plan, Numeric num,
      List<LayerEmitter> layers, Function<LayerEmitter, CodeBlock> rows) {
    ParameterSpec array = ParameterSpec.builder(num.matrix(), "rows").build();
    method.returns(num.matrix())
        .addStatement("$T[][] rows = new $T[$L][]", num.scalar(), num.scalar(), rowCount(layers));
    List<MethodSpec> methods = new ArrayList<>(LayerGroups.addPerLayer(method, method.build().name(), array,
        plan.layersPerMethod(), layers, rows));
    methods.add(method.addStatement("return rows").build());
    return methods;
  }

  /** {@code decayedRows()}: which rows belong to decayed blocks (weights), not biases, centres or widths. */
  private void addDecayedRows(TypeSpec.Builder type) {
    ParameterSpec decayed = ParameterSpec.builder(ArrayTypeName.of(TypeName.BOOLEAN), "decayed").build();
    MethodSpec.Builder method = MethodSpec.methodBuilder("decayedRows")
        .addModifiers(Modifier.STATIC)
        .addJavadoc("Which of {@code parameterRows()} hold weights (subject to weight decay).\n")
        .returns(ArrayTypeName.of(TypeName.BOOLEAN))
        .addStatement("boolean[] decayed = new boolean[$L]", rowCount(layers));
    type.addMethods(LayerGroups.addPerLayer(method, "decayedRows", decayed, true, plan.layersPerMethod(), layers,
        LayerEmitter::decayedRows));
    type.addMethod(method.addStatement("return decayed").build());
  }

  private static int rowCount(List<LayerEmitter> layers) {
    return layers.stream().mapToInt(LayerEmitter::rowCount).sum();
  }
}
