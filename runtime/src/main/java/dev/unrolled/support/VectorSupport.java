package dev.unrolled.support;

/**
 * Whether generated Vector API kernels may run in this JVM: the JVM must have been started with
 * {@code --add-modules jdk.incubator.vector}. Generated models read {@link #available()} once, into
 * a static final constant, so the JIT removes the path not taken.
 *
 * <p>{@code -Dunrolled.vector=false} turns the vector kernels off without removing the module, to
 * compare both paths in one setup.
 */
public final class VectorSupport {
  /** The module that holds the Vector API. */
  public static final String MODULE = "jdk.incubator.vector";

  /** The system property that turns the vector kernels off when set to {@code false}. */
  public static final String PROPERTY = "unrolled.vector";

  private static final boolean AVAILABLE = moduleLoaded() && !"false".equals(System.getProperty(PROPERTY));

  private VectorSupport() {}

  /** True when the JVM has the Vector API and vector kernels were not turned off. */
  public static boolean available() {
    return AVAILABLE;
  }

  /** Why the vector kernels do not run, or {@code null} when they do. */
  public static String unavailableReason() {
    if (AVAILABLE) {
      return null;
    }
    return moduleLoaded()
        ? "turned off by -D" + PROPERTY + "=false"
        : "the JVM was started without --add-modules " + MODULE;
  }

  /**
   * Whether the boot layer holds the module. A plain loop over its modules: {@code findModule}
   * looks for a missing module through a stream and lambdas, whose bootstrap costs a cold JVM
   * about 6 ms before its first prediction. The boot layer's only parent is the empty layer.
   */
  private static boolean moduleLoaded() {
    for (Module module : ModuleLayer.boot().modules()) {
      if (MODULE.equals(module.getName())) {
        return true;
      }
    }
    return false;
  }
}
