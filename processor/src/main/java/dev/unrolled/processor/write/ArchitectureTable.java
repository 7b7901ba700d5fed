package dev.unrolled.processor.write;

import dev.unrolled.processor.plan.LayerPlan;
import dev.unrolled.processor.plan.NetworkPlanner;
import dev.unrolled.processor.plan.NetworkPlan;
import java.util.Locale;

/** The architecture table shown in the generated Javadoc and returned by {@code summary()}. */
final class ArchitectureTable {
  private ArchitectureTable() {}

  static String table(NetworkPlan plan) {
    StringBuilder out = new StringBuilder();
    if (plan.hasNormOrDropout()) {
      String format = "%-9s %-13s %-11s %-6s %-8s %12s  %s";
      line(out, String.format(Locale.ROOT, format, "Layer", "Output shape", "Activation", "Norm", "Dropout",
          "Parameters", "Code shape"));
      line(out, String.format(Locale.ROOT, format, "input", "(m, " + plan.inputs() + ")", "", "", "", "", ""));
      for (LayerPlan layer : plan.layers()) {
        line(out, String.format(Locale.ROOT, format, name(layer), "(m, " + layer.outputs() + ")",
            layer.activationLabel(), layer.normalised() ? layer.norm().name() : "",
            layer.hasDropout() ? Double.toString(layer.dropout()) : "",
            String.format(Locale.ROOT, "%,d", layer.parameterCount()), layer.shapeLabel()));
      }
    } else {
      String format = "%-9s %-13s %-11s %12s  %s";
      line(out, String.format(Locale.ROOT, format, "Layer", "Output shape", "Activation", "Parameters", "Code shape"));
      line(out, String.format(Locale.ROOT, format, "input", "(m, " + plan.inputs() + ")", "", "", ""));
      for (LayerPlan layer : plan.layers()) {
        line(out, String.format(Locale.ROOT, format, name(layer), "(m, " + layer.outputs() + ")",
            layer.activationLabel(), String.format(Locale.ROOT, "%,d", layer.parameterCount()), layer.shapeLabel()));
      }
    }
    out.append(String.format(Locale.ROOT, "Total parameters: %,d · loss %s · precision %s%n",
        plan.parameterCount(), plan.loss(), plan.precision()));
    if (plan.unrolledSoftmax()) {
      line(out, "Softmax: exponentials in locals (an unrolled output layer of at most "
          + NetworkPlanner.UNROLL_SOFTMAX_MAX + " units)");
    }
    if (plan.layers().size() > plan.layersPerMethod()) {
      line(out, String.format(Locale.ROOT, "Bookkeeping: %d layers per method (parameter copies, buffers)",
          plan.layersPerMethod()));
    }
    return out.toString();
  }

  private static String name(LayerPlan layer) {
    return layer.kind().name().toLowerCase(Locale.ROOT) + " " + layer.number();
  }

  private static void line(StringBuilder out, String text) {
    out.append(text.stripTrailing()).append('\n');
  }
}
