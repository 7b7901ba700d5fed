package dev.unrolled.fuzz;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The errors a declaration should get, worked out from the rule catalogue alone (the tags in
 * brackets at the start of every processor message), never from the processor's code:
 *
 * <ul>
 *   <li>sizes: {@code inputs-not-positive}, {@code no-layers}, one {@code units-not-positive} per
 *       layer below 1, {@code rbf-units-not-positive} for an RBF layer below 1;
 *   <li>loss: {@code cross-entropy-output-activation}, {@code softmax-needs-two-outputs} (an output
 *       of exactly 1 unit; 0 or less is only a size error);
 *   <li>the type: {@code not-interface-or-abstract-class}, and only when that does not fire
 *       {@code generic-type}, {@code private-type}, {@code inner-class},
 *       {@code no-accessible-constructor}, {@code name-clash};
 *   <li>budget: {@code max-parameters-not-positive}, or else {@code too-many-parameters} when every
 *       size is at least 1 and Σ (in·out + out), the RBF layer included, exceeds {@code maxParameters} (default 50,000,000);
 *   <li>members, only once nothing above fires (they are weighed against the methods of the model
 *       that would be generated): {@code unimplementable-method}, {@code member-clash}.
 * </ul>
 *
 * <p>Where the catalogue leaves Java semantics implicit, the oracle says so ("inferred" below). A
 * type nested in a private type must be rejected as private (the generated classes beside it cannot
 * name it). Three readings are left open, so either outcome passes as long as nothing broken is
 * generated: a private abstract class's implicit constructor is private (JLS 8.8.9), so
 * {@code no-accessible-constructor} may join {@code private-type}; an interface's abstract
 * redeclaration of Object's {@code toString}/{@code hashCode}/{@code equals} is implemented by
 * Object, so {@code unimplementable-method} is optional; and a declared {@code parameters()} that
 * competes with Model's default one (which the model inherits) may be a {@code member-clash}, unless
 * the model writes its own.
 */
final class Oracle {
  static final long DEFAULT_MAX_PARAMETERS = 50_000_000L;

  /** What the generated model implements, for either precision, as "returnType name(parameterTypes)". */
  private static final Set<String> IMPLEMENTED = Set.of(
      "int inputSize()", "int outputSize()", "int parameterCount()",
      "dev.unrolled.Architecture architecture()", "dev.unrolled.Loss loss()",
      "dev.unrolled.Precision precision()", "java.lang.String summary()",
      "void predict(double[],double[])", "int classify(double[])",
      "double lossAndGradient(double[][],double[][],double[])",
      "void getParameters(double[])", "void setParameters(double[])");
  /** What a FLOAT model implements as well. */
  private static final Set<String> IMPLEMENTED_FLOAT = Set.of(
      "void predict(float[],float[])", "int classify(float[])");
  /** Model's default methods that the generated model inherits instead of implementing (inferred). */
  private static final Set<String> INHERITED_MODEL_DEFAULTS = Set.of("double[] parameters()");
  private static final Set<String> OBJECT_METHODS = Set.of(
      "java.lang.String toString()", "int hashCode()", "boolean equals(java.lang.Object)");
  /** Abstract methods a declared supertype brings along. */
  private static final Map<String, List<String>> SUPERTYPE_ABSTRACT_METHODS = Map.of(
      "java.lang.Runnable", List.of("void run()"),
      "java.lang.AutoCloseable", List.of("void close()"),
      "java.io.Serializable", List.of(),
      "dev.unrolled.Model", List.of("int inputSize()", "int outputSize()", "int parameterCount()",
          "void getParameters(double[])", "void setParameters(double[])",
          "void predict(double[],double[])", "double lossAndGradient(double[][],double[][],double[])",
          "dev.unrolled.Architecture architecture()", "dev.unrolled.Loss loss()",
          "dev.unrolled.Precision precision()", "java.lang.String summary()"));

  /**
   * The errors a declaration must get, each with how often it fires (only {@code units-not-positive}'s
   * count is specified: one per layer); the errors it may get on an inferred reading of the
   * catalogue, where either outcome is sound; and the parameter count (saturated at
   * {@link Long#MAX_VALUE}; -1 when a size is below 1 or there is no layer).
   */
  record Expectation(SortedMap<String, Integer> errors, SortedSet<String> allowed, long parameterCount) {
    /** Whether the declaration may compile: only when nothing is certainly wrong with it. */
    boolean mayCompile() {
      return errors.isEmpty();
    }

    /** Whether these reported tags are every required one and nothing beyond the allowed ones. */
    boolean accepts(Set<String> reported) {
      Set<String> permitted = new TreeSet<>(errors.keySet());
      permitted.addAll(allowed);
      return reported.containsAll(errors.keySet()) && permitted.containsAll(reported);
    }
  }

  /** What a rule says about one declaration; {@code EITHER} where the catalogue leaves it open. */
  private enum Verdict { FINE, ERROR, EITHER }

  private static final class Tally {
    final SortedMap<String, Integer> errors = new TreeMap<>();
    final SortedSet<String> allowed = new TreeSet<>();

    void add(String tag) {
      errors.merge(tag, 1, Integer::sum);
    }

    void add(Verdict verdict, String tag) {
      if (verdict == Verdict.ERROR) {
        add(tag);
      } else if (verdict == Verdict.EITHER) {
        allowed.add(tag);
      }
    }
  }

  private Oracle() {}

  static Expectation expect(RandomDeclaration d) {
    Tally tally = new Tally();
    if (d.kind == Kind.INTERFACE || d.kind == Kind.ABSTRACT_CLASS) {
      typeRules(d, tally);
    } else {
      tally.add("not-interface-or-abstract-class");
    }
    sizeRules(d, tally);
    lossRules(d, tally);
    dropoutRules(d, tally);
    budgetRules(d, tally);
    if (tally.errors.isEmpty() && (d.kind == Kind.INTERFACE || d.kind == Kind.ABSTRACT_CLASS)) {
      memberRules(d, tally);
    }
    tally.allowed.removeAll(tally.errors.keySet());
    return new Expectation(Collections.unmodifiableSortedMap(tally.errors),
        Collections.unmodifiableSortedSet(tally.allowed), parameterCount(d.inputs, d.rbfUnits, d.layers));
  }

  // -----------------------------------------------------------------------------------------------

  private static void typeRules(RandomDeclaration d, Tally tally) {
    if (!d.typeParameters.isEmpty()) {
      tally.add("generic-type");
    }
    if (isEffectivelyPrivate(d)) {
      tally.add("private-type");
    }
    if (isInnerClass(d)) {
      tally.add("inner-class");
    }
    if (d.kind == Kind.ABSTRACT_CLASS) {
      tally.add(constructor(d), "no-accessible-constructor");
    }
    if (d.clash != Clash.NONE) {
      tally.add("name-clash");
    }
  }

  private static void memberRules(RandomDeclaration d, Tally tally) {
    for (String abstractMethod : abstractMethods(d)) {
      tally.add(implementation(d, abstractMethod), "unimplementable-method");
    }
    for (Method m : d.methods) {
      if (!isAbstract(d, m)) {
        tally.add(clash(d, m), "member-clash");
      }
    }
  }

  /** Inferred: a type inside a private type is out of reach of the generated classes too. */
  private static boolean isEffectivelyPrivate(RandomDeclaration d) {
    return d.access == Access.PRIVATE || d.enclosing.stream().anyMatch(e -> e.access() == Access.PRIVATE);
  }

  /** A member class without {@code static}; members of interfaces are implicitly static. */
  private static boolean isInnerClass(RandomDeclaration d) {
    if (d.kind != Kind.ABSTRACT_CLASS || d.enclosing.isEmpty()) {
      return false;
    }
    Enclosing outer = d.enclosing.get(d.enclosing.size() - 1);
    return !outer.isInterface() && !d.staticKeyword;
  }

  /**
   * A non-private constructor without parameters. Inferred: without declared constructors, the
   * implicit one has the class's access (JLS 8.8.9), so a private class has none; as private-type
   * rejects that class anyway, whether this rule also fires is left open.
   */
  private static Verdict constructor(RandomDeclaration d) {
    if (d.constructors.isEmpty()) {
      return d.access == Access.PRIVATE ? Verdict.EITHER : Verdict.FINE;
    }
    for (Constructor c : d.constructors) {
      if (!c.withArgument() && c.access() != Access.PRIVATE) {
        return Verdict.FINE;
      }
    }
    return Verdict.ERROR;
  }

  private static List<String> abstractMethods(RandomDeclaration d) {
    List<String> result = new ArrayList<>();
    for (Method m : d.methods) {
      if (isAbstract(d, m)) {
        result.add(key(m));
      }
    }
    if (d.supertype != null) {
      result.addAll(SUPERTYPE_ABSTRACT_METHODS.get(d.supertype));
    }
    return result;
  }

  private static boolean isAbstract(RandomDeclaration d, Method m) {
    if (d.kind == Kind.INTERFACE) {
      return !(m.has("default") || m.has("static") || m.has("private"));
    }
    return m.has("abstract");
  }

  /**
   * Whether the model implements an abstract method. Inferred: Object's public methods already
   * implement an interface's abstract redeclaration of them, but the catalogue does not list them,
   * so rejecting one is not wrong either.
   */
  private static Verdict implementation(RandomDeclaration d, String method) {
    if (implemented(d.effectivePrecision()).contains(method)) {
      return Verdict.FINE;
    }
    return d.kind == Kind.INTERFACE && OBJECT_METHODS.contains(method) ? Verdict.EITHER : Verdict.ERROR;
  }

  /**
   * Whether a declared method with a body stops the model from compiling: a final or static one
   * with the signature of a method the model writes. Inferred: Model's default {@code parameters()},
   * which the catalogue does not list, breaks when the declared type competes with it (another
   * default in an interface; a static or non-public one in a class); the model might equally write
   * its own {@code parameters()}, so either outcome is sound.
   */
  private static Verdict clash(RandomDeclaration d, Method m) {
    String key = key(m);
    if (m.has("private")) {
      return Verdict.FINE; // not inherited
    }
    if (d.kind == Kind.INTERFACE) {
      boolean competes = INHERITED_MODEL_DEFAULTS.contains(key) && m.has("default")
          && !"dev.unrolled.Model".equals(d.supertype);
      return competes ? Verdict.EITHER : Verdict.FINE; // statics of interfaces are not inherited
    }
    if (implemented(d.effectivePrecision()).contains(key)) {
      return m.has("final") || m.has("static") ? Verdict.ERROR : Verdict.FINE;
    }
    boolean competes = INHERITED_MODEL_DEFAULTS.contains(key) && (m.has("static") || !m.has("public"));
    return competes ? Verdict.EITHER : Verdict.FINE;
  }

  private static Set<String> implemented(Precision precision) {
    if (precision == Precision.DOUBLE) {
      return IMPLEMENTED;
    }
    Set<String> all = new HashSet<>(IMPLEMENTED);
    all.addAll(IMPLEMENTED_FLOAT);
    return all;
  }

  private static String key(Method m) {
    return m.returnType() + " " + m.signature();
  }

  // -----------------------------------------------------------------------------------------------

  private static void sizeRules(RandomDeclaration d, Tally tally) {
    if (d.inputs < 1) {
      tally.add("inputs-not-positive");
    }
    if (d.layers.isEmpty()) {
      tally.add("no-layers");
    }
    for (Layer layer : d.layers) {
      if (layer.units() < 1) {
        tally.add("units-not-positive");
      }
    }
    if (d.rbfUnits != null && d.rbfUnits < 1) {
      tally.add("rbf-units-not-positive");
    }
  }

  private static void lossRules(RandomDeclaration d, Tally tally) {
    if (d.layers.isEmpty()) {
      return;
    }
    Layer output = d.layers.get(d.layers.size() - 1);
    if (d.loss.isCrossEntropy() && output.effectiveActivation() != Activation.IDENTITY) {
      tally.add("cross-entropy-output-activation");
    }
    if (d.loss == Loss.SOFTMAX_CROSS_ENTROPY && output.units() == 1) {
      tally.add("softmax-needs-two-outputs");
    }
  }

  /** Dropout is a probability in [0, 1), and the output layer has none. */
  private static void dropoutRules(RandomDeclaration d, Tally tally) {
    for (int k = 0; k < d.layers.size(); k++) {
      double p = d.layers.get(k).effectiveDropout();
      if (!(p >= 0 && p < 1)) {
        tally.add("dropout-out-of-range");
      } else if (k == d.layers.size() - 1 && p > 0) {
        tally.add("dropout-on-output-layer");
      }
    }
  }

  /** A budget of 0 or less is an error of its own; the budget itself is only weighed on valid sizes. */
  private static void budgetRules(RandomDeclaration d, Tally tally) {
    if (d.maxParameters != null && d.maxParameters <= 0) {
      tally.add("max-parameters-not-positive");
      return;
    }
    long count = parameterCount(d.inputs, d.rbfUnits, d.layers);
    long budget = d.maxParameters == null ? DEFAULT_MAX_PARAMETERS : d.maxParameters;
    if (count >= 0 && count > budget) {
      tally.add("too-many-parameters");
    }
  }

  /**
   * Σ over layers of in·out + out (+ out more for a normalised layer's scale and shift; an RBF layer
   * of k units counts k·inputs + k), saturating at
   * {@link Long#MAX_VALUE}; -1 when a size is below 1 or there is no layer.
   */
  static long parameterCount(int inputs, Integer rbfUnits, List<Layer> layers) {
    if (inputs < 1 || layers.isEmpty() || layers.stream().anyMatch(l -> l.units() < 1)
        || (rbfUnits != null && rbfUnits < 1)) {
      return -1;
    }
    long total = 0;
    long in = inputs;
    if (rbfUnits != null) {
      total = (long) inputs * rbfUnits + rbfUnits; // both below 2³¹: no overflow
      in = rbfUnits;
    }
    for (Layer layer : layers) {
      long out = layer.units();
      try {
        long vectors = layer.effectiveNorm() == dev.unrolled.Norm.NONE ? out : 2 * out;
        total = Math.addExact(total, Math.addExact(Math.multiplyExact(in, out), vectors));
      } catch (ArithmeticException overflow) {
        return Long.MAX_VALUE;
      }
      in = out;
    }
    return total;
  }
}
