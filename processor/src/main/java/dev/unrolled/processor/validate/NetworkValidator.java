package dev.unrolled.processor.validate;

import dev.unrolled.processor.model.MethodSignature;
import dev.unrolled.processor.model.NetworkDeclaration;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks declarations against every rule, in three steps: {@link #validateRuntime} before the
 * annotation is read, {@link #validate} before anything is
 * planned (the type, the sizes and the parameter budget, so an absurd declaration fails fast), and
 * {@link #validateMembers} once the model's methods are known but before any file is written. One
 * validator serves one compilation: it remembers which generated names are taken.
 */
public final class NetworkValidator {
  private final Elements elements;
  private final TypeRules typeRules;
  private final MemberRules memberRules;

  public NetworkValidator(Elements elements, Types types) {
    this.elements = elements;
    this.typeRules = new TypeRules(elements, types);
    this.memberRules = new MemberRules(elements, types);
  }

  /** First of all: the runtime on the classpath must match, or the annotation itself may be foreign. */
  public ValidationReport validateRuntime(TypeElement type) {
    ValidationReport report = new ValidationReport();
    RuntimeRules.check(type, elements, report);
    return report;
  }

  public ValidationReport validate(NetworkDeclaration network) {
    ValidationReport report = new ValidationReport();
    typeRules.check(network, report);
    ArchitectureRules.check(network, report);
    BackendRules.check(network, elements, report);
    return report;
  }

  /**
   * The declared type's methods against {@code generated}, the methods the model will declare. Runs
   * only for an otherwise valid declaration, since only that can be planned into a model.
   */
  public ValidationReport validateMembers(NetworkDeclaration network, List<MethodSignature> generated) {
    ValidationReport report = new ValidationReport();
    memberRules.check(network, generated, report);
    return report;
  }
}
