package dev.unrolled;

/**
 * Which kernels a generated model runs for its large layers.
 *
 * <p>{@link #VECTOR} adds register-tiled kernels written with the JDK's Vector API
 * ({@code jdk.incubator.vector}) beside the plain ones. Compiling them needs
 * {@code --add-modules jdk.incubator.vector} on javac's command line; at run time the model uses
 * them only when the JVM was started with the same flag and falls back to its plain loops
 * otherwise. {@link Model#backend()} tells which path a model runs.
 */
public enum Backend {
  /**
   * The build's choice: the processor option {@code -Aunrolled.backend=plain|vector}, or
   * {@link #PLAIN} when the option is absent. Only meaningful in {@link Network#backend()}.
   */
  DEFAULT,
  /** Constant-bound Java loops that HotSpot's auto-vectoriser compiles; runs on every JVM. */
  PLAIN,
  /** Vector API register tiles for large layers, with the plain loops kept as the fallback. */
  VECTOR
}
