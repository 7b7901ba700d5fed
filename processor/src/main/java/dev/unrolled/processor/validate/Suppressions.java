package dev.unrolled.processor.validate;

import java.util.Arrays;
import javax.lang.model.element.Element;

/**
 * Whether {@code @SuppressWarnings} on the annotated type (or a type around it) silences a warning:
 * by its tag ({@code "unrolled.identity-hidden-layer"}) or by {@code "unrolled"} for all of them.
 */
final class Suppressions {
  private Suppressions() {}

  static boolean suppressed(Element element, Message message) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings annotation = e.getAnnotation(SuppressWarnings.class);
      if (annotation != null && Arrays.stream(annotation.value())
          .anyMatch(name -> name.equals("unrolled") || name.equals(message.tag()))) {
        return true;
      }
    }
    return false;
  }
}
