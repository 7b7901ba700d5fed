package dev.unrolled.processor.validate;

import dev.unrolled.Backend;
import dev.unrolled.processor.model.NetworkDeclaration;
import javax.lang.model.util.Elements;

/**
 * The vector backend compiles against {@code jdk.incubator.vector}, which javac sees only with
 * {@code --add-modules jdk.incubator.vector}. Without it the generated source would fail with
 * "package jdk.incubator.vector does not exist" in a file the user never wrote; say so at the
 * declaration instead.
 */
final class BackendRules {
  static final String VECTOR_TYPE = "jdk.incubator.vector.FloatVector";

  private BackendRules() {}

  static void check(NetworkDeclaration network, Elements elements, ValidationReport report) {
    if (network.backend() == Backend.VECTOR && elements.getTypeElement(VECTOR_TYPE) == null) {
      report.add(Message.VECTOR_MODULE_MISSING, network.type(), network.mirror(), network.backendValue(),
          network.backendValue() != null ? "backend = Backend.VECTOR" : "the build's -Aunrolled.backend=vector");
    }
  }
}
