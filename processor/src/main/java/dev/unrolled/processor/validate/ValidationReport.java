package dev.unrolled.processor.validate;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * What validation found for one declaration; printed once, testable without a Messager. Problems
 * point at the narrowest place known: the value, else the annotation, else the element.
 */
public final class ValidationReport {
  private final List<Problem> problems = new ArrayList<>();

  void add(Message message, Element element, AnnotationMirror mirror, AnnotationValue value,
      Object... args) {
    if (message.kind() == Diagnostic.Kind.WARNING && Suppressions.suppressed(element, message)) {
      return;
    }
    problems.add(new Problem(message, message.format(args), element, mirror, value));
  }

  /** Adds what another step found. */
  public void addAll(ValidationReport other) {
    problems.addAll(other.problems);
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** True when nothing stops generation (warnings allowed). */
  public boolean isClean() {
    return problems.stream().noneMatch(p -> p.message().kind() == Diagnostic.Kind.ERROR);
  }

  public void printTo(Messager messager) {
    for (Problem p : problems) {
      if (p.value() != null) {
        messager.printMessage(p.message().kind(), p.text(), p.element(), p.mirror(), p.value());
      } else if (p.mirror() != null) {
        messager.printMessage(p.message().kind(), p.text(), p.element(), p.mirror());
      } else {
        messager.printMessage(p.message().kind(), p.text(), p.element());
      }
    }
  }
}
