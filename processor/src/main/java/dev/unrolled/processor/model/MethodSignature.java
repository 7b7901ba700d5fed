package dev.unrolled.processor.model;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A method the generated model declares, as the member rules need it: name, erased parameter types
 * and return type as source text ({@code double[]}, {@code dev.unrolled.Loss}), and modifiers.
 */
public record MethodSignature(String name, List<String> parameterTypes, String returnType,
    Set<Modifier> modifiers) {

  public MethodSignature {
    parameterTypes = List.copyOf(parameterTypes);
    modifiers = Set.copyOf(modifiers);
  }

  /** For messages: {@code predict(double[], double[])}. */
  public String describe() {
    return name + "(" + String.join(", ", parameterTypes) + ")";
  }
}
