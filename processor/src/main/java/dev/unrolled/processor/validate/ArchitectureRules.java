package dev.unrolled.processor.validate;

import dev.unrolled.Activation;
import dev.unrolled.Architecture;
import dev.unrolled.Loss;
import dev.unrolled.Network;
import dev.unrolled.processor.model.DeclaredLayer;
import dev.unrolled.processor.model.LayerDeclaration;
import dev.unrolled.processor.model.NetworkDeclaration;
import dev.unrolled.processor.model.RbfDeclaration;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/** Rules on the numbers: sizes, the parameter budget, the loss against the output layer, and depth. */
final class ArchitectureRules {
  private ArchitectureRules() {}

  static void check(NetworkDeclaration network, ValidationReport report) {
    boolean sized = checkSizes(network, report);
    int budget = network.maxParameters();
    if (budget < 1) {
      report.add(Message.MAX_PARAMETERS_NOT_POSITIVE, network.type(), network.mirror(),
          network.maxParametersValue(), budget, Network.DEFAULT_MAX_PARAMETERS);
    } else if (sized) {
      checkBudget(network, budget, report);
    }
    checkLoss(network, report);
    checkDropout(network, report);
    checkHiddenLayers(network, report);
  }

  /** Dropout is a probability below 1, on hidden layers only. */
  private static void checkDropout(NetworkDeclaration network, ValidationReport report) {
    LayerDeclaration output = network.outputLayer();
    for (LayerDeclaration layer : network.layers()) {
      double p = layer.dropout();
      if (!(p >= 0 && p < 1)) {
        report.add(Message.DROPOUT_OUT_OF_RANGE, network.type(), layer.mirror(), layer.dropoutValue(),
            layer.number(), p);
      } else if (layer == output && p > 0) {
        report.add(Message.DROPOUT_ON_OUTPUT_LAYER, network.type(), layer.mirror(), layer.dropoutValue(),
            layer.number(), p);
      }
    }
  }

  /** True when every size is positive, so counting parameters means something. */
  private static boolean checkSizes(NetworkDeclaration network, ValidationReport report) {
    boolean sized = true;
    if (network.inputs() < 1) {
      report.add(Message.INPUTS_NOT_POSITIVE, network.type(), network.mirror(), network.inputsValue(),
          network.inputs());
      sized = false;
    }
    if (network.layers().isEmpty()) {
      report.add(Message.NO_LAYERS, network.type(), network.mirror(), network.layersValue());
      sized = false;
    }
    if (network.layers().size() > Network.MAX_LAYERS) {
      report.add(Message.TOO_MANY_LAYERS, network.type(), network.mirror(), network.layersValue(),
          network.layers().size(), Network.MAX_LAYERS);
      sized = false;
    }
    RbfDeclaration rbf = network.rbf();
    if (rbf != null && rbf.units() < 1) {
      report.add(Message.RBF_UNITS_NOT_POSITIVE, network.type(), rbf.mirror(), rbf.unitsValue(), rbf.units());
      sized = false;
    }
    for (LayerDeclaration layer : network.layers()) {
      if (layer.units() < 1) {
        report.add(Message.UNITS_NOT_POSITIVE, network.type(), layer.mirror(), layer.unitsValue(),
            layer.number(), layer.units());
        sized = false;
      }
    }
    return sized;
  }

  private static void checkBudget(NetworkDeclaration network, int budget, ValidationReport report) {
    long count = network.parameterCount();
    if (count <= budget) {
      return;
    }
    Sized largest = largestLayer(network);
    String fix = count > Integer.MAX_VALUE
        ? "no model can hold more than " + String.format(Locale.ROOT, "%,d", Integer.MAX_VALUE)
            + " parameters; check the sizes for a typo"
        : "check the sizes for a typo, or raise maxParameters to at least "
            + String.format(Locale.ROOT, "%,d", count) + " if you mean it";
    // Point at the budget if the user set it, else at the largest layer's size.
    boolean atBudget = network.maxParametersValue() != null;
    report.add(Message.TOO_MANY_PARAMETERS, network.type(), atBudget ? network.mirror() : largest.mirror(),
        atBudget ? network.maxParametersValue() : largest.unitsValue(),
        count == Long.MAX_VALUE ? "more than " + String.format(Locale.ROOT, "%,d", Long.MAX_VALUE)
            : String.format(Locale.ROOT, "%,d", count),
        budget, largest.name(), largest.in(), largest.out(), fix);
  }

  /** The layer with the most weights (centres for the RBF layer): the likeliest place of a typo. */
  private static Sized largestLayer(NetworkDeclaration network) {
    Architecture.LayerSpan largest = null;
    for (Architecture.LayerSpan layer : network.table()) {
      if (largest == null || layer.matrix().length() > largest.matrix().length()) {
        largest = layer;
      }
    }
    return new Sized(network.declared(largest.number()), largest.inputs(), largest.outputs());
  }

  /** A layer as the budget message names it: where to point, and its inputs × units. */
  private record Sized(DeclaredLayer layer, long in, long out) {
    String name() {
      return layer.name();
    }

    AnnotationMirror mirror() {
      return layer.mirror();
    }

    AnnotationValue unitsValue() {
      return layer.unitsValue();
    }
  }

  private static void checkLoss(NetworkDeclaration network, ValidationReport report) {
    LayerDeclaration output = network.outputLayer();
    if (output == null) {
      return;
    }
    Loss loss = network.loss();
    if (loss.isCrossEntropy() && output.activation() != Activation.IDENTITY) {
      report.add(Message.CROSS_ENTROPY_OUTPUT_ACTIVATION, network.type(), output.mirror(),
          output.activationValue(), loss, output.number(), output.activation(),
          loss == Loss.SOFTMAX_CROSS_ENTROPY ? "softmax" : "the sigmoid");
    }
    if (loss == Loss.SOFTMAX_CROSS_ENTROPY && output.units() == 1) {
      report.add(Message.SOFTMAX_NEEDS_TWO_OUTPUTS, network.type(), output.mirror(),
          output.unitsValue(), output.units());
    }
  }

  /** Warnings: legal declarations that almost surely are not what was meant. */
  private static void checkHiddenLayers(NetworkDeclaration network, ValidationReport report) {
    List<LayerDeclaration> layers = network.layers();
    int saturating = 0;
    for (LayerDeclaration layer : layers.subList(0, Math.max(layers.size() - 1, 0))) {
      if (layer.activation() == Activation.IDENTITY) {
        report.add(Message.IDENTITY_HIDDEN_LAYER, network.type(), layer.mirror(), layer.activationValue(),
            layer.number(), layer.activationValue() == null ? " (the default)" : "", layer.number() + 1);
      }
      if (layer.activation() == Activation.SIGMOID || layer.activation() == Activation.TANH) {
        saturating++;
        if (saturating == Network.SATURATING_LAYERS_WARNING + 1) {
          report.add(Message.DEEP_SATURATING_LAYERS, network.type(), layer.mirror(),
              layer.activationValue(), layer.number(), saturating, Network.SATURATING_LAYERS_WARNING);
        }
      }
    }
  }
}
