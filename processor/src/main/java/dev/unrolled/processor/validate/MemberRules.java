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
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
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
    DeclaredType self = (DeclaredType) type.asType();
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
      // As seen from the declared type, so Predictor<double[]>.predict(T, T) takes double[].
      ExecutableType seen = (ExecutableType) types.asMemberOf(self, method);
      MethodSignature twin = find(generated, method.getSimpleName().toString(), erased(seen));
      if (twin == null) {
        if (modifiers.contains(Modifier.ABSTRACT) && !isImplementedElsewhere(method, members, type)) {
          report.add(Message.UNIMPLEMENTABLE_METHOD, reportedOn(method, type), null, null,
              describe(method, seen), owner.getQualifiedName(), network.modelName(), publicApi(generated));
        }
        continue;
      }
      String conflict = conflict(method, seen, owner, twin);
      if (conflict != null) {
        report.add(Message.MEMBER_CLASH, reportedOn(method, type), null, null, describe(method, seen),
            owner.getQualifiedName(), twin.describe(), network.modelName(), conflict);
      }
    }
    checkHiddenAbstractMethods(network, report, generated);
  }

  /**
   * A package-private abstract method of a superclass in another package is invisible to
   * {@code getAllMembers}, yet no class outside that package can implement it.
   */
  private void checkHiddenAbstractMethods(NetworkDeclaration network, ValidationReport report,
      List<MethodSignature> generated) {
    PackageElement here = elements.getPackageOf(network.type());
    for (TypeMirror s = network.type().getSuperclass(); s instanceof DeclaredType d; ) {
      TypeElement superclass = (TypeElement) d.asElement();
      if (!elements.getPackageOf(superclass).equals(here)) {
        for (ExecutableElement method : ElementFilter.methodsIn(superclass.getEnclosedElements())) {
          Set<Modifier> modifiers = method.getModifiers();
          if (modifiers.contains(Modifier.ABSTRACT) && !modifiers.contains(Modifier.PUBLIC)
              && !modifiers.contains(Modifier.PROTECTED) && !modifiers.contains(Modifier.PRIVATE)) {
            report.add(Message.UNIMPLEMENTABLE_METHOD, network.type(), null, null,
                describe(method, (ExecutableType) method.asType()) + " (package-private, in another package)",
                superclass.getQualifiedName(), network.modelName(), publicApi(generated));
          }
        }
      }
      s = superclass.getSuperclass();
    }
  }

  private List<String> erased(ExecutableType method) {
    return method.getParameterTypes().stream().map(t -> types.erasure(t).toString()).toList();
  }

  /** The model's own methods, plus the default methods it inherits from {@code Model} (marked DEFAULT). */
  private List<MethodSignature> withModelDefaults(List<MethodSignature> declaredByModel) {
    List<MethodSignature> all = new ArrayList<>(declaredByModel);
    TypeElement model = elements.getTypeElement("dev.unrolled.Model");
    for (ExecutableElement method : ElementFilter.methodsIn(model.getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.DEFAULT)
          && find(declaredByModel, method.getSimpleName().toString(), erased((ExecutableType) method.asType())) == null) {
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

  private static MethodSignature find(List<MethodSignature> generated, String name, List<String> parameters) {
    for (MethodSignature signature : generated) {
      if (signature.name().equals(name) && signature.parameterTypes().equals(parameters)) {
        return signature;
      }
    }
    return null;
  }

  /** Why the model's method cannot override {@code method}, or null when it can. */
  private String conflict(ExecutableElement method, ExecutableType seen, TypeElement owner, MethodSignature twin) {
    Set<Modifier> declared = method.getModifiers();
    if (twin.modifiers().contains(Modifier.DEFAULT)) { // the model inherits Model's default for it
      if (declared.contains(Modifier.ABSTRACT)) {
        return "it is abstract, and the model relies on Model's default for it; remove the declaration or give it a body";
      }
      if (declared.contains(Modifier.DEFAULT) && !isModel(owner)) {
        return "Model has a default method of that signature too, and a class cannot inherit both";
      }
      if (!owner.getKind().isInterface() && !declared.contains(Modifier.STATIC) && access(declared) < 3) {
        // A class method beats the interface default, so the inherited one implements Model's.
        return "the model inherits it in place of Model's public default, and it is "
            + accessName(declared) + "; make it public or remove it";
      }
    }
    if (declared.contains(Modifier.FINAL)) {
      return "it is final, so the model cannot override it";
    }
    if (declared.contains(Modifier.STATIC) != twin.modifiers().contains(Modifier.STATIC)) {
      return declared.contains(Modifier.STATIC)
          ? "it is static, and an instance method cannot hide a static one"
          : "the generated one is static and cannot hide an instance method";
    }
    if (access(twin.modifiers()) < access(declared)) {
      return "the generated one is " + accessName(twin.modifiers()) + ", which cannot override a "
          + accessName(declared) + " method";
    }
    if (!returnsCompatibly(twin.returnType(), seen.getReturnType())) {
      return "it returns " + types.erasure(seen.getReturnType()) + " but the generated one returns "
          + twin.returnType();
    }
    return null;
  }

  private boolean isModel(TypeElement owner) {
    TypeElement model = elements.getTypeElement("dev.unrolled.Model");
    return types.isAssignable(types.erasure(owner.asType()), types.erasure(model.asType()));
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
    if (!method.getEnclosingElement().getKind().isInterface()) {
      return false; // a class that re-declares an Object method abstract takes Object's body away
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

  private String describe(ExecutableElement method, ExecutableType seen) {
    return types.erasure(seen.getReturnType()) + " " + method.getSimpleName()
        + seen.getParameterTypes().stream().map(t -> types.erasure(t).toString())
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String publicApi(List<MethodSignature> generated) {
    return generated.stream()
        .filter(s -> s.modifiers().contains(Modifier.PUBLIC) && !s.modifiers().contains(Modifier.DEFAULT))
        .map(MethodSignature::describe).distinct().collect(Collectors.joining(", "));
  }
}
