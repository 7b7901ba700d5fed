package dev.unrolled.benchmarks;

import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The networks {@link LaneCrossover} compares, compiled in this JVM: the same W → W (tanh) → W
 * declaration (MSE, float) compiled by the Unrolled processor once per {@code -Aunrolled.shape}
 * value, into a temporary folder loaded by a class loader of its own. In process rather than in a
 * second compiler execution of the build, because the widths are a list here, not 18 hand-written
 * declarations, and one option value per compilation keeps the shapes apart by name only.
 *
 * <p>The processor runs from {@code processor-classpath.txt}, which the build writes beside the
 * benchmark classpath (the processor is never on a class path that runs).
 */
final class CrossoverNetworks {
  /** Java's source of one declaration: {@code crossover.<Prefix><width>}. */
  static String declaration(String name, int width, String backend) {
    return String.format(Locale.ROOT, "package crossover;%n%nimport dev.unrolled.*;%n%n"
        + "@Network(inputs = %d, layers = {@Dense(units = %d, activation = Activation.TANH), @Dense(units = %d)},%n"
        + "    loss = Loss.MEAN_SQUARED_ERROR, precision = Precision.FLOAT, backend = Backend.%s)%n"
        + "public interface %s {}%n", width, width, width, backend, name);
  }

  /** A compiled network's steps: {@code trainBatch(float[][] x, float[][] y)} of a fresh trainer. */
  interface Step {
    double run(float[][] x, float[][] y) throws Throwable;
  }

  private final URLClassLoader loader;

  private CrossoverNetworks(URLClassLoader loader) {
    this.loader = loader;
  }

  /**
   * Compiles the networks {@code names[k]} of {@code widths[k]} and {@code backends[k]} with
   * {@code -Aunrolled.shape=shape}, into {@code folder}.
   */
  static void compile(Path folder, Path processorClasspath, String shape, List<String> names, List<Integer> widths,
      List<String> backends) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("LaneCrossover needs a JDK (javax.tools finds no compiler)");
    }
    List<JavaFileObject> sources = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      sources.add(source(names.get(k), declaration(names.get(k), widths.get(k), backends.get(k))));
    }
    String processorPath = String.join(File.pathSeparator, Files.readString(processorClasspath).trim(),
        System.getProperty("java.class.path"));
    List<String> options = List.of("-d", folder.toString(), "-classpath", System.getProperty("java.class.path"),
        "-processorpath", processorPath, "--add-modules", "jdk.incubator.vector", "-Aunrolled.shape=" + shape,
        "-nowarn", "-Xlint:none");
    StringWriter log = new StringWriter();
    if (!javac.getTask(log, null, null, options, null, sources).call()) {
      throw new IllegalStateException("the crossover networks did not compile (shape " + shape + "):\n" + log);
    }
  }

  private static JavaFileObject source(String name, String text) {
    return new SimpleJavaFileObject(java.net.URI.create("string:///crossover/" + name + ".java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  /** The classes compiled into {@code folder}. */
  static CrossoverNetworks load(Path folder) throws IOException {
    return new CrossoverNetworks(new URLClassLoader(new URL[] {folder.toUri().toURL()},
        CrossoverNetworks.class.getClassLoader()));
  }

  Model model(String name) throws ReflectiveOperationException {
    return (Model) loader.loadClass("crossover." + name + "Model").getConstructor(long.class).newInstance(1L);
  }

  /** A trainer of {@code name} (SGD 0.01) for batches up to {@code capacity} rows. */
  Step trainer(String name, int capacity) throws ReflectiveOperationException {
    Class<?> modelClass = loader.loadClass("crossover." + name + "Model");
    Class<?> trainerClass = loader.loadClass("crossover." + name + "Trainer");
    Object trainer = trainerClass.getConstructor(modelClass, Optimizer.class, int.class)
        .newInstance(model(name), Optimizer.sgd(0.01), capacity);
    MethodHandle step = MethodHandles.publicLookup().findVirtual(trainerClass, "trainBatch",
        MethodType.methodType(double.class, float[][].class, float[][].class)).bindTo(trainer);
    return (x, y) -> (double) step.invokeExact(x, y);
  }

  /** The code-shape column of layer 1's row in the model's architecture table. */
  String shapeOfLayer1(String name) throws ReflectiveOperationException {
    for (String line : model(name).summary().split("\n")) {
      if (line.startsWith("dense 1")) {
        return line.replaceFirst("^dense 1\\s+\\(m, \\d+\\)\\s+\\S+\\s+[\\d,]+\\s+", "").trim();
      }
    }
    throw new IllegalStateException("no layer 1 in the summary of " + name);
  }
}
