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

  private static boolean moduleLoaded() {
    return ModuleLayer.boot().findModule(MODULE).isPresent();
  }
}
