package dev.unrolled.processor.validate;

import dev.unrolled.processor.model.NetworkDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Rules on the annotated type itself: its kind, generics, access, constructor, and whether the
 * generated classes' names are free. Remembers the names claimed in this compilation, so the
 * second of two declarations that would generate the same class hears about it.
 */
final class TypeRules {
  private static final String MODEL = "dev.unrolled.Model";
  private static final String TRAINER = "dev.unrolled.Trainer";
  private static final String ARCHITECTURE = "dev.unrolled.Architecture";

  private final Elements elements;
  private final Types types;
  // Generated name → declaring type, as names: elements must not outlive their round.
  private final Map<String, String> claimed = new HashMap<>();

  TypeRules(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  void check(NetworkDeclaration network, ValidationReport report) {
    TypeElement type = network.type();
    ElementKind kind = type.getKind();
    boolean isAbstractClass = kind == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT);
    if (kind != ElementKind.INTERFACE && !isAbstractClass) {
      report.add(Message.NOT_INTERFACE_OR_ABSTRACT_CLASS, type, null, null, type.getSimpleName(), describe(type));
      return;
    }
    if (type.getModifiers().contains(Modifier.SEALED)) {
      report.add(Message.SEALED_TYPE, type, null, null, type.getQualifiedName(), network.modelName());
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.add(Message.GENERIC_TYPE, type, null, null, type.getSimpleName(),
          type.getTypeParameters().stream().map(Object::toString).collect(Collectors.joining(", ")));
    }
    checkAccess(network, report);
    if (type.getNestingKind() == NestingKind.MEMBER && kind == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.add(Message.INNER_CLASS, type, null, null, type.getQualifiedName());
    }
    if (isAbstractClass) {
      checkConstructor(network, report);
    }
    checkNames(network, report);
  }

  private static String describe(TypeElement type) {
    switch (type.getKind()) {
      case CLASS:
        return type.getModifiers().contains(Modifier.FINAL) ? "a final class" : "a concrete class";
      case ENUM:
        return "an enum";
      case ANNOTATION_TYPE:
        return "an annotation type";
      default:
        return "a " + type.getKind().name().toLowerCase(Locale.ROOT); // a record
    }
  }

  /** The type and every type around it must be visible from the generated classes in the package. */
  private static void checkAccess(NetworkDeclaration network, ValidationReport report) {
    for (Element e = network.type(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        String what = t == network.type() ? "private" : "nested in private " + t.getQualifiedName();
        report.add(Message.PRIVATE_TYPE, network.type(), null, null, network.type().getQualifiedName(),
            what, network.modelName());
        return;
      }
    }
  }

  private void checkConstructor(NetworkDeclaration network, ValidationReport report) {
    TypeElement type = network.type();
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
    for (ExecutableElement constructor : constructors) {
      boolean callableWithoutArguments = constructor.getParameters().isEmpty()
          || constructor.isVarArgs() && constructor.getParameters().size() == 1;
      if (callableWithoutArguments && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        List<String> checked = new ArrayList<>();
        for (TypeMirror thrown : constructor.getThrownTypes()) {
          if (isChecked(thrown)) {
            checked.add(thrown.toString());
          }
        }
        if (!checked.isEmpty()) {
          report.add(Message.CONSTRUCTOR_THROWS, constructor, null, null, type.getSimpleName(),
              String.join(", ", checked), network.modelName());
        }
        return;
      }
    }
    List<String> declared = new ArrayList<>();
    for (ExecutableElement constructor : constructors) {
      declared.add((constructor.getModifiers().contains(Modifier.PRIVATE) ? "private " : "")
          + type.getSimpleName() + constructor.getParameters().stream()
              .map(p -> types.erasure(p.asType()).toString()).collect(Collectors.joining(", ", "(", ")")));
    }
    report.add(Message.NO_ACCESSIBLE_CONSTRUCTOR, type, null, null, type.getQualifiedName(),
        String.join(" and ", declared), type.getSimpleName());
  }

  private boolean isChecked(TypeMirror thrown) {
    TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    return !types.isSubtype(thrown, runtime) && !types.isSubtype(thrown, error);
  }

  private void checkNames(NetworkDeclaration network, ValidationReport report) {
    String pkg = network.packageName();
    String prefix = pkg.isEmpty() ? "" : pkg + ".";
    TypeElement declared = network.type();
    checkName(network, prefix + network.modelName(),
        existing -> implementsType(existing, MODEL) && types.isAssignable(existing.asType(),
            types.erasure(declared.asType())), report);
    checkName(network, prefix + network.trainerName(), existing -> implementsType(existing, TRAINER), report);
    checkName(network, prefix + network.architectureName(), this::holdsArchitectureOnly, report);
  }

  /**
   * {@code earlierOutput} tells a class from an earlier build of the same declaration (say, on the
   * classpath of an incremental build), which is replaced, from a type that is in the way.
   */
  private void checkName(NetworkDeclaration network, String generated, Predicate<TypeElement> earlierOutput,
      ValidationReport report) {
    TypeElement type = network.type();
    String declaring = type.getQualifiedName().toString();
    String first = claimed.putIfAbsent(generated, declaring);
    if (first != null && !first.equals(declaring)) {
      report.add(Message.NAME_CLASH, type, null, null, generated, "the class generated for " + first,
          type.getSimpleName());
      return;
    }
    TypeElement existing = elements.getTypeElement(generated);
    if (existing != null && !earlierOutput.test(existing)) {
      report.add(Message.NAME_CLASH, type, null, null, generated,
          "the existing " + existing.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
              + existing.getQualifiedName(), type.getSimpleName());
    }
  }

  /** Whether {@code existing} implements the runtime's {@code contract}, as a generated model or trainer does. */
  private boolean implementsType(TypeElement existing, String contract) {
    TypeElement contractType = elements.getTypeElement(contract);
    return contractType != null && types.isAssignable(existing.asType(), types.erasure(contractType.asType()));
  }

  /** Whether {@code existing} is an interface with one member, an {@code ARCHITECTURE} constant, as generated. */
  private boolean holdsArchitectureOnly(TypeElement existing) {
    List<? extends Element> members = existing.getEnclosedElements();
    return existing.getKind() == ElementKind.INTERFACE && members.size() == 1
        && members.get(0).getKind() == ElementKind.FIELD
        && members.get(0).getSimpleName().contentEquals("ARCHITECTURE")
        && types.erasure(members.get(0).asType()).toString().equals(ARCHITECTURE);
  }
}
