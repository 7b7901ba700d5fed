package dev.unrolled.processor.validate;

import dev.unrolled.processor.model.MethodSignature;
import dev.unrolled.processor.model.NetworkDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Rules between the declared type's methods and the methods the generated model declares: every
 * abstract method must be one the model implements, and no inherited method may stop the model's
 * own (final, static, a different return type, or wider access than the model gives it).
 */
final class MemberRules {
  private static final Set<String> PROVIDED_ELSEWHERE = Set.of("java.lang.Object", "dev.unrolled.Model");

  private final Elements elements;
  private final Types types;

  MemberRules(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  void check(NetworkDeclaration network, List<MethodSignature> declaredByModel, ValidationReport report) {
    TypeElement type = network.type();
    List<MethodSignature> generated = withModelDefaults(declaredByModel);
    List<ExecutableElement> members = ElementFilter.methodsIn(elements.getAllMembers(type));
    for (ExecutableElement method : members) {
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      Set<Modifier> modifiers = method.getModifiers();
      if (PROVIDED_ELSEWHERE.contains(owner.getQualifiedName().toString())
          || modifiers.contains(Modifier.PRIVATE)
          || owner.getKind().isInterface() && modifiers.contains(Modifier.STATIC)) {
        continue; // not inherited by the model, or satisfied by design
      }
      MethodSignature twin = find(generated, method);
      if (twin == null) {
        if (modifiers.contains(Modifier.ABSTRACT) && !isImplementedElsewhere(method, members, type)) {
          report.add(Message.UNIMPLEMENTABLE_METHOD, reportedOn(method, type), null, null,
              describe(method), owner.getQualifiedName(), network.modelName(), publicApi(generated));
        }
        continue;
      }
      String conflict = conflict(method, twin);
      if (conflict != null) {
        report.add(Message.MEMBER_CLASH, reportedOn(method, type), null, null, describe(method),
            owner.getQualifiedName(), twin.describe(), network.modelName(), conflict);
      }
    }
  }

  /** The model's own methods, plus the default methods it inherits from {@code Model} (marked DEFAULT). */
  private List<MethodSignature> withModelDefaults(List<MethodSignature> declaredByModel) {
    List<MethodSignature> all = new ArrayList<>(declaredByModel);
    TypeElement model = elements.getTypeElement("dev.unrolled.Model");
    for (ExecutableElement method : ElementFilter.methodsIn(model.getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.DEFAULT) && find(declaredByModel, method) == null) {
        all.add(new MethodSignature(method.getSimpleName().toString(),
            method.getParameters().stream().map(p -> types.erasure(p.asType()).toString()).toList(),
            types.erasure(method.getReturnType()).toString(), Set.of(Modifier.PUBLIC, Modifier.DEFAULT)));
      }
    }
    return all;
  }

  /** On the method when it is declared in the annotated type, else on the type (it is inherited). */
  private static Element reportedOn(ExecutableElement method, TypeElement type) {
    return method.getEnclosingElement().equals(type) ? method : type;
  }

  private MethodSignature find(List<MethodSignature> generated, ExecutableElement method) {
    List<String> parameters = method.getParameters().stream()
        .map(p -> types.erasure(p.asType()).toString()).toList();
    for (MethodSignature signature : generated) {
      if (signature.name().contentEquals(method.getSimpleName())
          && signature.parameterTypes().equals(parameters)) {
        return signature;
      }
    }
    return null;
  }

  /** Why the model's method cannot override {@code method}, or null when it can. */
  private String conflict(ExecutableElement method, MethodSignature twin) {
    Set<Modifier> declared = method.getModifiers();
    if (declared.contains(Modifier.DEFAULT) && twin.modifiers().contains(Modifier.DEFAULT)) {
      return "Model has a default method of that signature too, and a class cannot inherit both";
    }
    if (declared.contains(Modifier.FINAL)) {
      return "it is final, so the model cannot override it";
    }
    if (declared.contains(Modifier.STATIC) != twin.modifiers().contains(Modifier.STATIC)) {
      return declared.contains(Modifier.STATIC)
          ? "it is static, and a static method cannot be overridden"
          : "the generated one is static and cannot override an instance method";
    }
    if (access(twin.modifiers()) < access(declared)) {
      return "the generated one is " + accessName(twin.modifiers()) + ", which cannot override a "
          + accessName(declared) + " method";
    }
    if (!returnsCompatibly(twin.returnType(), method.getReturnType())) {
      return "it returns " + types.erasure(method.getReturnType()) + " but the generated one returns "
          + twin.returnType();
    }
    return null;
  }

  private boolean returnsCompatibly(String generated, TypeMirror declared) {
    String erased = types.erasure(declared).toString();
    if (erased.equals(generated)) {
      return true;
    }
    if (declared.getKind() != TypeKind.DECLARED) {
      return false; // primitives, void and arrays must match exactly
    }
    TypeElement generatedType = elements.getTypeElement(generated);
    return generatedType != null
        && types.isAssignable(types.erasure(generatedType.asType()), types.erasure(declared));
  }

  /** An abstract method may already have a body in another supertype (a class, or Object). */
  private boolean isImplementedElsewhere(ExecutableElement method, List<ExecutableElement> members, TypeElement type) {
    for (ExecutableElement other : members) {
      if (other != method && !other.getModifiers().contains(Modifier.ABSTRACT)
          && elements.overrides(other, method, type)) {
        return true;
      }
    }
    TypeElement object = elements.getTypeElement("java.lang.Object");
    for (ExecutableElement inherited : ElementFilter.methodsIn(object.getEnclosedElements())) {
      if (inherited.getModifiers().contains(Modifier.PUBLIC)
          && inherited.getSimpleName().contentEquals(method.getSimpleName())
          && types.isSubsignature((ExecutableType) inherited.asType(),
              (ExecutableType) method.asType())) {
        return true;
      }
    }
    return false;
  }

  private static int access(Set<Modifier> modifiers) {
    return modifiers.contains(Modifier.PUBLIC) ? 3 : modifiers.contains(Modifier.PROTECTED) ? 2
        : modifiers.contains(Modifier.PRIVATE) ? 0 : 1;
  }

  private static String accessName(Set<Modifier> modifiers) {
    return switch (access(modifiers)) {
      case 3 -> "public";
      case 2 -> "protected";
      case 0 -> "private";
      default -> "package-private";
    };
  }

  private String describe(ExecutableElement method) {
    return types.erasure(method.getReturnType()) + " " + method.getSimpleName()
        + method.getParameters().stream().map(p -> types.erasure(p.asType()).toString())
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String publicApi(List<MethodSignature> generated) {
    return generated.stream()
        .filter(s -> s.modifiers().contains(Modifier.PUBLIC) && !s.modifiers().contains(Modifier.DEFAULT))
        .map(MethodSignature::describe).distinct().collect(Collectors.joining(", "));
  }
}
