package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The radial-basis-function layer. Forward, per sample and unit:
 * {@code z[j] = β[j]·Σᵢ (x[i] − c_j[i])²}, {@code a[j] = exp(−z[j])}, {@code β = exp(s)}. Backward,
 * with {@code d = ∂L/∂z} from the next layer: {@code ∂L/∂c_j[i] = −2β[j]·Σₛ d[s][j]·(x[s][i] − c_j[i])}
 * and, as {@code ∂z/∂s = β·r = z}, {@code ∂L/∂s[j] = Σₛ d[s][j]·z[s][j]}. Differences are taken
 * before squaring or multiplying, never expanded into {@code ‖x‖² − 2x·c + ‖c‖²}, which cancels
 * catastrophically when inputs sit far from the origin.
 *
 * <p>The layer keeps its centres where a dense layer keeps weights and its log-widths where a dense
 * layer keeps biases, so storage, the flat layout and the optimizers treat both alike. It is always
 * layer 1 and never propagates: nothing before it trains.
 */
abstract class RadialEmitter extends LayerEmitter {
  RadialEmitter(LayerPlan layer, Numeric num, ClassName model, Storage storage, String input) {
    super(layer, num, model, storage, input);
  }

  /** The centre field; its Javadoc says how this shape stores {@code C}. */
  abstract FieldSpec centreField();

  /** The kernel calls of the forward pass: {@code z = β·‖x − c‖²} over rows [0, m). */
  abstract void addForwardCalls(MethodSpec.Builder method);

  /** The kernel calls of the gradients of centres and log-widths. */
  abstract void addGradientCalls(MethodSpec.Builder method);

  String widths() {
    return Names.widths(l);
  }

  @Override
  List<FieldSpec> parameterFields() {
    return List.of(centreField(), FieldSpec.builder(num.vector(), Names.biases(l), Modifier.FINAL)
        .addJavadoc("Layer $L (RBF) log-widths {@code s}: unit j has {@code β = exp(s[j])}.\n", l)
        .initializer("new $T[$L]", num.scalar(), layer.outputs())
        .build());
  }

  /** {@code β = exp(s)} of the layer's units, taken once per forward pass. */
  FieldSpec widthsField() {
    return FieldSpec.builder(num.vector(), widths(), Modifier.FINAL)
        .addJavadoc("{@code β = exp(s)} of layer $L's units, taken once per forward pass.\n", l)
        .initializer("new $T[$L]", num.scalar(), layer.outputs())
        .build();
  }

  @Override
  List<FieldSpec> workspaceFields() {
    List<FieldSpec> fields = new ArrayList<>(super.workspaceFields());
    fields.add(widthsField());
    return fields;
  }

  /**
   * Centres uniform in [−1, 1]ⁿ (inputs are expected standardised) and one width for all units,
   * {@code σ = 2√n / k^(1/n)}: the spacing of a grid of k points over the cube, times √n so that
   * in many dimensions, where random points lie about √n apart, the units still overlap.
   */
  @Override
  CodeBlock initialise() {
    int n = layer.inputs();
    int k = layer.outputs();
    double beta = Math.pow(k, 2.0 / n) / (8.0 * n);
    double s = Math.log(beta);
    return CodeBlock.builder()
        .addStatement("init.$L($L, $L, $L, 1.0)", storage.initialiser(), Names.weights(l), n, k)
        .add("// Widths: σ = 2√n / k^(1/n) for n = $L inputs and k = $L units, β = 1/(2σ²) = $L, s = log β.\n",
            n, k, beta)
        .addStatement("$T.fill($L, $L)", ClassName.get("java.util", "Arrays"), Names.biases(l),
            num.isFloat() ? (float) s + "f" : Double.toString(s))
        .build();
  }

  @Override
  MethodSpec forward() {
    String z = Names.preActivations(l);
    MethodSpec.Builder method = pass("forward")
        .addJavadoc("Layer $L (RBF, $L): widths {@code $L = exp(b$L)}, {@code $L[s][j] = $L[j]·‖x[s] − c_j‖²},\n",
            l, layer.shapeName(), widths(), l, z, widths())
        .addJavadoc("{@code $L = exp(−$L)}.\n", activations(), z)
        .beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
        .addStatement("$L[j] = $L", widths(), num.narrow("$T.exp(model.$L[j])", Math.class, Names.biases(l)))
        .endControlFlow();
    addForwardCalls(method);
    return method.addCode(eachUnit("$T[] zs = $L[s], as = $L[s]", new Object[] {num.scalar(), z, activations()},
            layer.outputs(), "j", "as[j] = $L", num.narrow("$T.exp(-zs[j])", Math.class)))
        .build();
  }

  @Override
  MethodSpec backward(LayerEmitter previous) {
    String d = Names.deltas(l);
    MethodSpec.Builder method = pass("backward")
        .addJavadoc("Layer $L (RBF): centre gradients {@code $L = −2$L ⊙ Σₛ $L[s]·(x[s] − c)}, width gradients\n",
            l, Names.weightGradients(l), widths(), d)
        .addJavadoc("{@code $L = Σₛ $L[s] ⊙ $L[s]} (as {@code ∂z/∂s = β·‖x − c‖² = z}).\n",
            Names.biasGradients(l), d, Names.preActivations(l));
    addGradientCalls(method);
    return method.build();
  }

  /** Through the RBF units into deltas a dense layer propagated: {@code a = exp(−z)}, so {@code ∂a/∂z = −a}. */
  @Override
  CodeBlock slope() {
    return CodeBlock.builder()
        .add("// Through the RBF units: a = exp(−z), so ∂a/∂z = −a.\n")
        .add(eachUnit("$T[] ps = $L[s], as = $L[s]", new Object[] {num.scalar(), Names.deltas(l), activations()},
            layer.outputs(), "i", "ps[i] *= -as[i]"))
        .build();
  }
}
