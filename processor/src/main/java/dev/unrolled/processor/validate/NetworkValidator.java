package dev.unrolled.processor.validate;

import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.processor.model.LayerDeclaration;
import dev.unrolled.processor.model.NetworkDeclaration;
import java.util.Locale;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Checks a declaration against every rule before anything is generated. */
public final class NetworkValidator {

  public ValidationReport validate(NetworkDeclaration network) {
    ValidationReport report = new ValidationReport();
    checkType(network.type(), report);
    checkSizes(network, report);
    checkLoss(network, report);
    return report;
  }

  private static void checkType(TypeElement type, ValidationReport report) {
    ElementKind kind = type.getKind();
    boolean isAbstractClass = kind == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT);
    if (kind != ElementKind.INTERFACE && !isAbstractClass) {
      report.add(Message.NOT_INTERFACE_OR_ABSTRACT_CLASS, type, null, null,
          type.getSimpleName(), describe(type));
      return;
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.add(Message.GENERIC_TYPE, type, null, null, type.getSimpleName(), type.getTypeParameters());
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      report.add(Message.PRIVATE_TYPE, type, null, null, type.getQualifiedName());
    }
    if (type.getNestingKind() == NestingKind.MEMBER && kind == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.add(Message.INNER_CLASS, type, null, null, type.getQualifiedName());
    }
    if (isAbstractClass && !hasAccessibleNoArgConstructor(type)) {
      report.add(Message.NO_ACCESSIBLE_CONSTRUCTOR, type, null, null, type.getQualifiedName());
    }
  }

  private static String describe(TypeElement type) {
    ElementKind kind = type.getKind();
    if (kind == ElementKind.CLASS) {
      return "a concrete class";
    }
    return "an " + (kind == ElementKind.ANNOTATION_TYPE ? "annotation type"
        : kind.name().toLowerCase(Locale.ROOT));
  }

  private static boolean hasAccessibleNoArgConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  private static void checkSizes(NetworkDeclaration network, ValidationReport report) {
    if (network.inputs() < 1) {
      report.add(Message.INPUTS_NOT_POSITIVE, network.type(), network.mirror(), network.inputsValue(),
          network.inputs());
    }
    if (network.layers().isEmpty()) {
      report.add(Message.NO_LAYERS, network.type(), network.mirror(), network.layersValue());
    }
    for (LayerDeclaration layer : network.layers()) {
      if (layer.units() < 1) {
        report.add(Message.UNITS_NOT_POSITIVE, network.type(), layer.mirror(), layer.unitsValue(),
            layer.number(), layer.units());
      }
    }
  }

  private static void checkLoss(NetworkDeclaration network, ValidationReport report) {
    LayerDeclaration output = network.outputLayer();
    if (output == null) {
      return;
    }
    Loss loss = network.loss();
    if (loss.isCrossEntropy() && output.activation() != Activation.IDENTITY) {
      AnnotationValue value = output.activationValue();
      report.add(Message.CROSS_ENTROPY_OUTPUT_ACTIVATION, network.type(), output.mirror(), value,
          loss, output.number(), output.activation(),
          loss == Loss.SOFTMAX_CROSS_ENTROPY ? "softmax" : "the sigmoid");
    }
    if (loss == Loss.SOFTMAX_CROSS_ENTROPY && output.units() == 1) {
      report.add(Message.SOFTMAX_NEEDS_TWO_OUTPUTS, network.type(), output.mirror(),
          output.unitsValue(), output.units());
    }
  }
}
