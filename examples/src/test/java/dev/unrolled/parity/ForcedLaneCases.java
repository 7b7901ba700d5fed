package dev.unrolled.parity;

import static dev.unrolled.Activation.ELU;
import static dev.unrolled.Activation.IDENTITY;
import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.SILU;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SIGMOID_CROSS_ENTROPY;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Precision;
import dev.unrolled.Trainer;
import dev.unrolled.fuzz.InMemoryClassLoader;
import dev.unrolled.processor.UnrolledProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;

/**
 * Batch lanes at widths the planner loops today, forced with {@code -Aunrolled.shape=lanes}: the
 * networks are compiled here, in process, because that option applies to a whole compilation. Every
 * dense layer keeps the batch in lanes, so the lane kernels run at 64 and 128 units, at widths that
 * are no multiple of their blocks of four (70, 33, 7), and lane layer into lane layer at those widths.
 * Both precisions of each, for the same differential tests as the declared networks; run with and
 * without {@code jdk.incubator.vector} like them.
 */
final class ForcedLaneCases {
  static final int COUNT = 6;

  private record Shape(String name, Loss loss, int[] sizes, Activation[] activations) {}

  private static final List<Shape> SHAPES = List.of(
      new Shape("Tanh32x64x10Softmax", SOFTMAX_CROSS_ENTROPY, new int[] {32, 64, 10}, new Activation[] {TANH, IDENTITY}),
      new Shape("Relu128x128x10Sigmoid", SIGMOID_CROSS_ENTROPY, new int[] {128, 128, 10},
          new Activation[] {RELU, IDENTITY}),
      new Shape("SiluElu70x96x33x7Mse", MEAN_SQUARED_ERROR, new int[] {70, 96, 33, 7},
          new Activation[] {SILU, ELU, IDENTITY}));

  private static List<NetCase> cases;

  private ForcedLaneCases() {}

  static synchronized List<NetCase> all() {
    if (cases == null) {
      cases = compile();
    }
    return cases;
  }

  private static List<NetCase> compile() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Shape shape : SHAPES) {
      for (Precision precision : Precision.values()) {
        sources.add(source(shape, precision));
      }
    }
    Compilation compilation = Compiler.javac().withProcessors(new UnrolledProcessor())
        .withOptions("--add-modules", "jdk.incubator.vector", "-Aunrolled.shape=lanes")
        .compile(sources);
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new IllegalStateException("the forced-lane networks did not compile: " + compilation.diagnostics());
    }
    InMemoryClassLoader loader = new InMemoryClassLoader(compilation, ForcedLaneCases.class.getClassLoader());
    List<NetCase> all = new ArrayList<>();
    for (Shape shape : SHAPES) {
      for (Precision precision : Precision.values()) {
        all.add(netCase(loader, shape, precision));
      }
    }
    return all;
  }

  private static String name(Shape shape, Precision precision) {
    String p = precision.name().charAt(0) + precision.name().substring(1).toLowerCase(Locale.ROOT);
    return "ForcedLanes" + shape.name() + p;
  }

  private static JavaFileObject source(Shape shape, Precision precision) {
    StringBuilder layers = new StringBuilder();
    for (int l = 1; l < shape.sizes().length; l++) {
      layers.append(l > 1 ? ", " : "").append("@Dense(units = ").append(shape.sizes()[l])
          .append(", activation = Activation.").append(shape.activations()[l - 1]).append(")");
    }
    String name = name(shape, precision);
    return JavaFileObjects.forSourceString("forced." + name, "package forced;\n\nimport dev.unrolled.*;\n\n"
        + "@Network(inputs = " + shape.sizes()[0] + ", layers = {" + layers + "}, loss = Loss." + shape.loss()
        + ", precision = Precision." + precision + ", backend = Backend.VECTOR)\npublic interface " + name + " {}\n");
  }

  private static NetCase netCase(ClassLoader loader, Shape shape, Precision precision) {
    try {
      String name = name(shape, precision);
      Class<?> model = loader.loadClass("forced." + name + "Model");
      Class<?> trainer = loader.loadClass("forced." + name + "Trainer");
      var modelConstructor = model.getConstructor(long.class);
      var trainerConstructor = trainer.getConstructor(model, Optimizer.class);
      return NetCase.<Model>of(name, precision, shape.loss(), shape.sizes(), shape.activations(),
          model.getField("INPUTS").getInt(null), model.getField("OUTPUTS").getInt(null),
          model.getField("PARAMETERS").getInt(null),
          seed -> construct(() -> (Model) modelConstructor.newInstance(seed)),
          (m, optimizer) -> construct(() -> (Trainer) trainerConstructor.newInstance(m, optimizer)));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Reflective<T> {
    T get() throws ReflectiveOperationException;
  }

  private static <T> T construct(Reflective<T> constructor) {
    try {
      return constructor.get();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
