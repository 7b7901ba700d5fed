package dev.unrolled.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Precision;
import dev.unrolled.fuzz.RandomDeclaration.Access;
import dev.unrolled.fuzz.RandomDeclaration.Clash;
import dev.unrolled.fuzz.RandomDeclaration.Constructor;
import dev.unrolled.fuzz.RandomDeclaration.Enclosing;
import dev.unrolled.fuzz.RandomDeclaration.Kind;
import dev.unrolled.fuzz.RandomDeclaration.Layer;
import dev.unrolled.fuzz.RandomDeclaration.Method;
import dev.unrolled.fuzz.RandomDeclaration.NameStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The oracle on hand-written declarations, one rule (or one inferred reading of it) per test. */
class OracleTest {

  /** A valid 4-8-3 softmax interface; each test changes what it is about. */
  private static final class Draft {
    Kind kind = Kind.INTERFACE;
    Access access = Access.PUBLIC;
    boolean staticKeyword;
    List<Enclosing> enclosing = new ArrayList<>();
    String typeParameters = "";
    String supertype;
    List<Constructor> constructors = new ArrayList<>();
    List<Method> methods = new ArrayList<>();
    int inputs = 4;
    Integer rbfUnits;
    List<Layer> layers = new ArrayList<>(List.of(layer(8, Activation.TANH), layer(3, null)));
    Loss loss = Loss.SOFTMAX_CROSS_ENTROPY;
    Precision precision;
    Integer maxParameters;
    Clash clash = Clash.NONE;

    Map<String, Integer> expected() {
      return expectation().errors();
    }

    Set<String> allowed() {
      return expectation().allowed();
    }

    Oracle.Expectation expectation() {
      RandomDeclaration d = new RandomDeclaration(0, "p", enclosing, kind, "Foo", access, staticKeyword,
          typeParameters, supertype, constructors, methods, List.of(), List.of(), inputs, rbfUnits, layers, loss,
          precision, maxParameters, NameStyle.ON_DEMAND_IMPORT, true, clash);
      return Oracle.expect(d);
    }
  }

  private static Layer layer(int units, Activation activation) {
    return new Layer(units, activation, false);
  }

  private static Method method(String modifiers, String returnType, String name, String... parameters) {
    return new Method(modifiers.isEmpty() ? List.of() : List.of(modifiers.split(" ")), returnType, name,
        List.of(parameters));
  }

  private static Map<String, Integer> errors(Object... tagsAndCounts) {
    Map<String, Integer> map = new TreeMap<>();
    for (int k = 0; k < tagsAndCounts.length; k += 2) {
      map.put((String) tagsAndCounts[k], (Integer) tagsAndCounts[k + 1]);
    }
    return map;
  }

  @Test
  void aValidInterfaceHasNoErrors() {
    assertEquals(errors(), new Draft().expected());
  }

  @Test
  void sizeErrorsOnePerLayer() {
    Draft d = new Draft();
    d.inputs = 0;
    d.layers = List.of(layer(-1, null), layer(0, null), layer(3, null));
    assertEquals(errors("inputs-not-positive", 1, "units-not-positive", 2), d.expected());
    d.layers = List.of();
    assertEquals(errors("inputs-not-positive", 1, "no-layers", 1), d.expected());
  }

  @Test
  void lossRulesLookAtTheOutputLayer() {
    Draft d = new Draft();
    d.layers = List.of(layer(8, Activation.TANH), layer(1, Activation.SIGMOID));
    assertEquals(errors("cross-entropy-output-activation", 1, "softmax-needs-two-outputs", 1), d.expected());
    d.layers = List.of(layer(0, null));
    assertEquals(errors("units-not-positive", 1), d.expected()); // 0 outputs is a size error only
    d.loss = Loss.MEAN_SQUARED_ERROR;
    d.layers = List.of(layer(1, Activation.SIGMOID));
    assertEquals(errors(), d.expected());
  }

  @Test
  void dropoutRulesOnePerLayerAndNormalisedLayersCountScalesAndShifts() {
    Draft d = new Draft();
    d.layers = List.of(new Layer(8, Activation.TANH, false, dev.unrolled.Norm.BATCH, 1.0),
        new Layer(8, Activation.RELU, false, null, -0.1), new Layer(3, null, false, dev.unrolled.Norm.LAYER, 0.5));
    assertEquals(errors("dropout-out-of-range", 2, "dropout-on-output-layer", 1), d.expected());
    d.layers = List.of(new Layer(8, Activation.TANH, false, dev.unrolled.Norm.BATCH, 0.5),
        new Layer(3, null, false, dev.unrolled.Norm.LAYER, 0.0));
    assertEquals(errors(), d.expected());
    assertEquals(4 * 8 + 2 * 8 + 8 * 3 + 2 * 3, d.expectation().parameterCount());
  }

  @Test
  void theWrongKindSuppressesTheOtherTypeRulesButNotSizes() {
    Draft d = new Draft();
    d.kind = Kind.ENUM;
    d.access = Access.PRIVATE;
    d.enclosing = List.of(new Enclosing("Outer", false, Access.PUBLIC, false));
    d.clash = Clash.MODEL_OWN_FILE;
    d.inputs = -1;
    assertEquals(errors("not-interface-or-abstract-class", 1, "inputs-not-positive", 1), d.expected());
  }

  @Test
  void nestingAndAccess() {
    Draft d = new Draft();
    d.kind = Kind.ABSTRACT_CLASS;
    d.enclosing = List.of(new Enclosing("Outer", false, Access.PUBLIC, false));
    d.staticKeyword = false;
    d.access = Access.PRIVATE; // its implicit constructor is private too (JLS 8.8.9): may be reported
    assertEquals(errors("inner-class", 1, "private-type", 1), d.expected());
    assertEquals(Set.of("no-accessible-constructor"), d.allowed());
    d.enclosing = List.of(new Enclosing("Outer", true, Access.PUBLIC, false));
    d.access = Access.PUBLIC; // members of interfaces are implicitly static
    assertEquals(errors(), d.expected());
    d.enclosing = List.of(new Enclosing("Outer", false, Access.PUBLIC, false),
        new Enclosing("Mid", false, Access.PRIVATE, true));
    d.staticKeyword = true;
    assertEquals(errors("private-type", 1), d.expected()); // inferred: private by enclosure
  }

  @Test
  void constructors() {
    Draft d = new Draft();
    d.kind = Kind.ABSTRACT_CLASS;
    d.constructors = List.of(new Constructor(Access.PRIVATE, false), new Constructor(Access.PUBLIC, true));
    assertEquals(errors("no-accessible-constructor", 1), d.expected());
    d.constructors = List.of(new Constructor(Access.PACKAGE, false));
    assertEquals(errors(), d.expected());
  }

  @Test
  void abstractMethods() {
    Draft d = new Draft();
    d.methods = List.of(method("", "int", "inputSize"), method("", "void", "predict", "float[]", "float[]"));
    assertEquals(errors(), d.expected());
    assertEquals(Set.of(), d.allowed());
    d.precision = Precision.DOUBLE; // no float entry points to implement predict(float[], float[])
    assertEquals(errors("unimplementable-method", 1), d.expected());
    d.precision = null;
    d.methods = List.of(method("", "java.lang.String", "toString")); // Object implements it
    assertEquals(errors(), d.expected());
    assertEquals(Set.of("unimplementable-method"), d.allowed());
    d.kind = Kind.ABSTRACT_CLASS; // a class must implement an abstract toString itself
    d.methods = List.of(method("public abstract", "java.lang.String", "toString"));
    assertEquals(errors("unimplementable-method", 1), d.expected());
    d.kind = Kind.INTERFACE;
    d.methods = List.of();
    d.supertype = "java.lang.Runnable";
    assertEquals(errors("unimplementable-method", 1), d.expected());
    d.supertype = "dev.unrolled.Model";
    assertEquals(errors(), d.expected());
  }

  @Test
  void membersTheModelCannotOverride() {
    Draft d = new Draft();
    d.kind = Kind.ABSTRACT_CLASS;
    d.methods = List.of(method("public final", "int", "inputSize"));
    assertEquals(errors("member-clash", 1), d.expected());
    d.methods = List.of(method("private final", "int", "inputSize"), method("public", "int", "outputSize"));
    assertEquals(errors(), d.expected());
    d.precision = Precision.DOUBLE;
    d.methods = List.of(method("static", "void", "predict", "float[]", "float[]"));
    assertEquals(errors(), d.expected());
    d.methods = List.of(method("protected", "double[]", "parameters")); // hides Model's default
    assertEquals(errors(), d.expected());
    assertEquals(Set.of("member-clash"), d.allowed());
    d.kind = Kind.INTERFACE;
    d.methods = List.of(method("default", "double[]", "parameters")); // competes with Model's default
    assertEquals(Set.of("member-clash"), d.allowed());
    d.supertype = "dev.unrolled.Model"; // overrides it instead
    assertEquals(errors(), d.expected());
    assertEquals(Set.of(), d.allowed());
  }

  @Test
  void parameterBudget() {
    Draft d = new Draft();
    d.inputs = 100_000;
    d.layers = List.of(layer(100_000, Activation.RELU), layer(3, null));
    assertEquals(errors("too-many-parameters", 1), d.expected());
    d.maxParameters = 0;
    assertEquals(errors("max-parameters-not-positive", 1), d.expected());
    d.inputs = 4;
    d.layers = List.of(layer(8, Activation.TANH), layer(3, null));
    d.maxParameters = 4 * 8 + 8 + 8 * 3 + 3;
    assertEquals(errors(), d.expected());
    d.maxParameters--;
    assertEquals(errors("too-many-parameters", 1), d.expected());
    d.maxParameters = null;
    d.inputs = Integer.MAX_VALUE; // the count saturates instead of wrapping
    d.layers = List.of(layer(Integer.MAX_VALUE, null), layer(Integer.MAX_VALUE, null), layer(3, null));
    assertEquals(errors("too-many-parameters", 1), d.expected());
    d.layers = List.of(layer(Integer.MAX_VALUE, null), layer(0, null));
    assertEquals(errors("units-not-positive", 1), d.expected()); // no budget on invalid sizes
  }

  @Test
  void rbfLayers() {
    Draft d = new Draft();
    d.rbfUnits = 20;
    assertEquals(errors(), d.expected());
    assertEquals(4 * 20 + 20 + 20 * 8 + 8 + 8 * 3 + 3, d.expectation().parameterCount());
    d.maxParameters = 4 * 20 + 20 + 20 * 8 + 8 + 8 * 3 + 3 - 1;
    assertEquals(errors("too-many-parameters", 1), d.expected());
    d.maxParameters = null;
    d.rbfUnits = 0;
    assertEquals(errors("rbf-units-not-positive", 1), d.expected());
    d.rbfUnits = -2;
    d.layers = List.of();
    assertEquals(errors("rbf-units-not-positive", 1, "no-layers", 1), d.expected());
    d.rbfUnits = 100_000;
    d.inputs = 100_000;
    d.layers = List.of(layer(3, null));
    assertEquals(errors("too-many-parameters", 1), d.expected());
  }
}
