package dev.unrolled.processor.validate;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every message the processor can report: its severity, a stable tag (shown in brackets so users
 * can search for it) and a text that says what is wrong, what was found, and how to fix it.
 * Tests refer to these constants rather than to copied strings.
 */
public enum Message {
  INPUTS_NOT_POSITIVE(Diagnostic.Kind.ERROR,
      "inputs must be ≥ 1 but is %d; set inputs to the width of one input row"),
  NO_LAYERS(Diagnostic.Kind.ERROR,
      "layers is empty; declare at least the output layer, e.g. layers = @Dense(units = 3)"),
  UNITS_NOT_POSITIVE(Diagnostic.Kind.ERROR,
      "units must be ≥ 1 but layer %d declares %d"),
  CROSS_ENTROPY_OUTPUT_ACTIVATION(Diagnostic.Kind.ERROR,
      "the output layer of a %s network must use Activation.IDENTITY, but layer %d declares %s: "
          + "the loss applies %s to the logits itself; remove the activation"),
  SOFTMAX_NEEDS_TWO_OUTPUTS(Diagnostic.Kind.ERROR,
      "SOFTMAX_CROSS_ENTROPY needs at least 2 outputs but the output layer has %d; "
          + "for one output use Loss.SIGMOID_CROSS_ENTROPY"),
  NOT_INTERFACE_OR_ABSTRACT_CLASS(Diagnostic.Kind.ERROR,
      "@Network goes on an interface or an abstract class, but %s is %s; "
          + "declare it as an interface"),
  GENERIC_TYPE(Diagnostic.Kind.ERROR,
      "@Network types cannot have type parameters, but %s declares %s; remove them"),
  PRIVATE_TYPE(Diagnostic.Kind.ERROR,
      "%s is private, so the generated classes beside it cannot implement it; make it package-private or public"),
  INNER_CLASS(Diagnostic.Kind.ERROR,
      "%s is an inner (non-static) class, so the generated classes cannot extend it; declare it static"),
  NO_ACCESSIBLE_CONSTRUCTOR(Diagnostic.Kind.ERROR,
      "abstract class %s needs a non-private constructor without parameters for the generated model to call"),
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
