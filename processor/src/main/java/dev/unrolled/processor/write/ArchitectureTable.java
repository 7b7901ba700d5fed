package dev.unrolled.processor.write;

import dev.unrolled.processor.plan.LayerPlan;
import dev.unrolled.processor.plan.NetworkPlan;
import java.util.Locale;

/** The architecture table shown in the generated Javadoc and returned by {@code summary()}. */
final class ArchitectureTable {
  private ArchitectureTable() {}

  static String table(NetworkPlan plan) {
    StringBuilder out = new StringBuilder();
    String format = "%-9s %-13s %-11s %12s  %s";
    line(out, String.format(Locale.ROOT, format, "Layer", "Output shape", "Activation", "Parameters", "Code shape"));
    line(out, String.format(Locale.ROOT, format, "input", "(m, " + plan.inputs() + ")", "", "", ""));
    for (LayerPlan layer : plan.layers()) {
      line(out, String.format(Locale.ROOT, format, (layer.radial() ? "rbf " : "dense ") + layer.number(),
          "(m, " + layer.outputs() + ")", layer.radial() ? "GAUSSIAN" : layer.activation(),
          String.format(Locale.ROOT, "%,d", layer.parameterCount()), shape(layer)));
    }
    out.append(String.format(Locale.ROOT, "Total parameters: %,d · loss %s · precision %s%n",
        plan.parameterCount(), plan.loss(), plan.precision()));
    return out.toString();
  }

  private static void line(StringBuilder out, String text) {
    out.append(text.stripTrailing()).append('\n');
  }

  private static String shape(LayerPlan layer) {
    if (layer.isVector()) {
      return "vector tiles 8×2 (else looped)";
    }
    if (!layer.isUnrolled()) {
      return layer.radial() ? "looped (units innermost)" : "looped (axpy rows, 4 per pass)";
    }
    int methods = layer.forwardChunks().size();
    return "unrolled" + (methods == 1 ? "" : " (" + methods + " forward methods)");
  }
}
