package dev.unrolled.processor.validate;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every message the processor can report: its severity, a stable tag (shown in brackets so users
 * can search for it, and the name {@code @SuppressWarnings} takes for warnings) and a text that says
 * what is wrong, what was found, and how to fix it. Tests refer to these constants rather than to
 * copied strings.
 */
public enum Message {
  INPUTS_NOT_POSITIVE(Diagnostic.Kind.ERROR,
      "inputs must be ≥ 1 but is %d; set inputs to the width of one input row"),
  NO_LAYERS(Diagnostic.Kind.ERROR,
      "layers is empty; declare at least the output layer, e.g. layers = @Dense(units = 3)"),
  UNITS_NOT_POSITIVE(Diagnostic.Kind.ERROR,
      "units must be ≥ 1 but layer %d declares %d; give every layer at least one unit"),
  RBF_UNITS_NOT_POSITIVE(Diagnostic.Kind.ERROR,
      "the RBF layer's units must be ≥ 1 but are %d; give it at least one unit, or leave out rbf "
          + "for a network without one"),
  CROSS_ENTROPY_OUTPUT_ACTIVATION(Diagnostic.Kind.ERROR,
      "the output layer of a %s network must use Activation.IDENTITY, but layer %d declares %s: "
          + "the loss applies %s to the logits itself; remove the activation"),
  SOFTMAX_NEEDS_TWO_OUTPUTS(Diagnostic.Kind.ERROR,
      "SOFTMAX_CROSS_ENTROPY needs at least 2 outputs but the output layer has %d; "
          + "for one output use Loss.SIGMOID_CROSS_ENTROPY"),
  DROPOUT_OUT_OF_RANGE(Diagnostic.Kind.ERROR,
      "dropout is a probability in [0, 1) but layer %d declares %s; use for example dropout = 0.2, "
          + "or 0 for none"),
  DROPOUT_ON_OUTPUT_LAYER(Diagnostic.Kind.ERROR,
      "dropout applies to hidden layers only, but the output layer, layer %d, declares dropout = %s: "
          + "dropping outputs would drop predictions; remove it, or put it on the layer before"),
  MAX_PARAMETERS_NOT_POSITIVE(Diagnostic.Kind.ERROR,
      "maxParameters must be ≥ 1 but is %d; omit it for the default budget of %,d"),
  TOO_MANY_PARAMETERS(Diagnostic.Kind.ERROR,
      "the network has %s parameters, over the budget of %,d (maxParameters); the largest layer, "
          + "%s, has %,d inputs × %,d units; %s"),
  TOO_MANY_LAYERS(Diagnostic.Kind.ERROR,
      "the network declares %,d layers, more than the %,d the generated code is built for; "
          + "a network this deep will not train with dense layers anyway, so check the declaration"),
  NOT_INTERFACE_OR_ABSTRACT_CLASS(Diagnostic.Kind.ERROR,
      "@Network goes on an interface or an abstract class (the generated model implements or extends "
          + "it), but %s is %s; declare it as an interface"),
  SEALED_TYPE(Diagnostic.Kind.ERROR,
      "%s is sealed, so the generated %s cannot implement or extend it; remove sealed and permits"),
  GENERIC_TYPE(Diagnostic.Kind.ERROR,
      "@Network types cannot have type parameters (the generated model could not choose them), "
          + "but %s declares <%s>; remove them"),
  PRIVATE_TYPE(Diagnostic.Kind.ERROR,
      "%s is %s, so the generated %s beside it cannot implement it; make it package-private or public"),
  INNER_CLASS(Diagnostic.Kind.ERROR,
      "%s is an inner (non-static) class, so the generated classes cannot extend it; declare it static"),
  NO_ACCESSIBLE_CONSTRUCTOR(Diagnostic.Kind.ERROR,
      "abstract class %s has no non-private constructor without parameters (it declares %s), but the "
          + "generated model must call one; add protected %s() {}"),
  CONSTRUCTOR_THROWS(Diagnostic.Kind.ERROR,
      "the constructor %s() declares throws %s, which the generated %s(long seed) cannot pass on; "
          + "handle the exception inside the constructor"),
  NAME_CLASH(Diagnostic.Kind.ERROR,
      "the generated class %s would clash with %s; rename %s or the other type"),
  MEMBER_CLASH(Diagnostic.Kind.ERROR,
      "%s in %s clashes with %s that the generated %s declares: %s; rename or remove it"),
  UNIMPLEMENTABLE_METHOD(Diagnostic.Kind.ERROR,
      "abstract method %s in %s cannot be implemented by the generated %s, which provides only %s; "
          + "give it a body or remove it"),
  IDENTITY_HIDDEN_LAYER(Diagnostic.Kind.WARNING,
      "hidden layer %d has Activation.IDENTITY%s, so it and layer %d collapse into one linear map; "
          + "give it a nonlinearity such as RELU or TANH, or remove the layer "
          + "(or @SuppressWarnings(\"unrolled.identity-hidden-layer\"))"),
  DEEP_SATURATING_LAYERS(Diagnostic.Kind.WARNING,
      "layer %d is hidden SIGMOID/TANH layer number %d; their gradients shrink at every layer and vanish "
          + "beyond %d of them; use RELU, LEAKY_RELU, ELU or SILU in deep networks "
          + "(or @SuppressWarnings(\"unrolled.deep-saturating-layers\"))"),
  VECTOR_MODULE_MISSING(Diagnostic.Kind.ERROR,
      "%s needs the Vector API at compile time, but javac runs without --add-modules jdk.incubator.vector; "
          + "add that flag to javac's arguments (the JVM needs it too for the vector kernels to run), "
          + "or use Backend.PLAIN"),
  BACKEND_OPTION_INVALID(Diagnostic.Kind.ERROR,
      "the processor option unrolled.backend is \"%s\" but must be plain or vector"),
  SHAPE_OPTION_INVALID(Diagnostic.Kind.ERROR,
      "the processor option unrolled.shape is \"%s\" but must be auto, lanes or rows"),
  RUNTIME_MISMATCH(Diagnostic.Kind.ERROR,
      "the classpath has %s, but this processor generates code for runtime level %d; use "
          + "unrolled-runtime and unrolled-processor of the same version"),
  PROCESSOR_PATH_INCOMPLETE(Diagnostic.Kind.ERROR,
      "the annotation-processor path lacks %s (%s); put it beside unrolled-processor and unrolled-runtime, "
          + "or use Maven's annotationProcessorPaths, which adds it for you"),
  INTERNAL_ERROR(Diagnostic.Kind.ERROR,
      "internal error in the Unrolled processor while generating code for %s: %s. "
          + "This is a bug in Unrolled, not in your code; please report it with this declaration");

  private final Diagnostic.Kind kind;
  private final String template;

  Message(Diagnostic.Kind kind, String template) {
    this.kind = kind;
    this.template = template;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  /** A short stable tag, e.g. {@code unrolled.units-not-positive}. */
  public String tag() {
    return "unrolled." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The text for these arguments, prefixed with the tag. */
  public String format(Object... args) {
    return "[" + tag() + "] " + String.format(Locale.ROOT, template, args);
  }
}
