package dev.unrolled.processor.validate;

import dev.unrolled.support.RuntimeVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** The runtime on the classpath must be the one this processor generates code for. */
final class RuntimeRules {
  private static final String VERSION = RuntimeVersion.class.getCanonicalName();

  private RuntimeRules() {}

  static void check(TypeElement type, Elements elements, ValidationReport report) {
    Object found = null;
    TypeElement version = elements.getTypeElement(VERSION);
    if (version != null) {
      for (VariableElement field : ElementFilter.fieldsIn(version.getEnclosedElements())) {
        if (field.getSimpleName().contentEquals("LEVEL")) {
          found = field.getConstantValue();
        }
      }
    }
    if (!Integer.valueOf(RuntimeVersion.LEVEL).equals(found)) {
      report.add(Message.RUNTIME_MISMATCH, type, null, null,
          found == null ? "an older runtime without " + VERSION : "runtime level " + found,
          RuntimeVersion.LEVEL);
    }
  }
}
