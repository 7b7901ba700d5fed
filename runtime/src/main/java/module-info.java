/**
 * Unrolled's runtime: the annotations a network is declared with, the contracts of the classes the
 * processor generates, and everything architecture-independent they link against — optimizers,
 * datasets, the training loop, metrics, model files and full-batch training. It needs the JDK's
 * {@code java.base} only.
 *
 * <p>A modular application that declares networks reads this module and runs the processor
 * ({@code unrolled-processor}) from the processor path:
 *
 * <pre>{@code
 * module demo {
 *   requires dev.unrolled;
 * }
 * }</pre>
 *
 * <p>Generated classes are annotated {@code @javax.annotation.processing.Generated} (source
 * retention), so this module makes {@code java.compiler} readable at compile time without needing
 * it at run time. Networks with {@code backend = Backend.VECTOR} also need
 * {@code requires jdk.incubator.vector;} in the application's own module, as their generated
 * kernels use it directly; this module never does.
 */
module dev.unrolled {
  // @Generated on generated classes is javax.annotation.processing.Generated: readable wherever the
  // generated code compiles, absent at run time (source retention).
  requires static transitive java.compiler;

  exports dev.unrolled;
  exports dev.unrolled.data;
  exports dev.unrolled.files;
  exports dev.unrolled.fullbatch;
  exports dev.unrolled.io;
  exports dev.unrolled.metrics;
  exports dev.unrolled.rbf;
  exports dev.unrolled.train;
  // What generated classes call. They live in users' own modules, so the export cannot be qualified
  // to them; the package documentation says it is not an API to call by hand.
  exports dev.unrolled.support;
}
