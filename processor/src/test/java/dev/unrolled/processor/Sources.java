package dev.unrolled.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Declarations the processor tests compile. */
final class Sources {
  private Sources() {}

  static JavaFileObject network(String qualifiedName, String annotation) {
    int dot = qualifiedName.lastIndexOf('.');
    String pkg = qualifiedName.substring(0, dot);
    String name = qualifiedName.substring(dot + 1);
    return JavaFileObjects.forSourceString(qualifiedName, String.join("\n",
        "package " + pkg + ";",
        "",
        "import dev.unrolled.*;",
        "",
        annotation,
        "public interface " + name + " {}",
        ""));
  }

  /** The 4-16-3 iris classifier: every layer small enough to unroll. */
  static JavaFileObject iris() {
    return network("test.Iris", "@Network(inputs = 4,\n"
        + "    layers = {@Dense(units = 16, activation = Activation.TANH), @Dense(units = 3)},\n"
        + "    loss = Loss.SOFTMAX_CROSS_ENTROPY)");
  }

  /** A 784-256-128-10 MNIST network: every layer looped. */
  static JavaFileObject mnist(String precision) {
    return network("test.Mnist", "@Network(inputs = 784,\n"
        + "    layers = {@Dense(units = 256, activation = Activation.RELU),\n"
        + "              @Dense(units = 128, activation = Activation.RELU), @Dense(units = 10)},\n"
        + "    loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision." + precision + ")");
  }

  /** 2 inputs, 20 Gaussian units, a TANH layer and one linear output: every layer unrolled. */
  static JavaFileObject surface(String precision) {
    return network("test.Surface", "@Network(inputs = 2, rbf = @Rbf(units = 20),\n"
        + "    layers = {@Dense(units = 8, activation = Activation.TANH), @Dense(units = 1)},\n"
        + "    loss = Loss.MEAN_SQUARED_ERROR, precision = Precision." + precision + ")");
  }

  /** 100 inputs, 300 Gaussian units, a softmax over 3 classes: the RBF layer looped. */
  static JavaFileObject bumps(String precision) {
    return network("test.Bumps", "@Network(inputs = 100, rbf = @Rbf(units = 300),\n"
        + "    layers = {@Dense(units = 16, activation = Activation.RELU), @Dense(units = 3)},\n"
        + "    loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision." + precision + ")");
  }

  /** {@code inputs} → {@code units} Gaussian units → 8 TANH → 1, named after its sizes. */
  static JavaFileObject rbf(int inputs, int units, String precision) {
    return network("test.Rbf" + inputs + "x" + units, "@Network(inputs = " + inputs + ", rbf = @Rbf(units = "
        + units + "),\n    layers = {@Dense(units = 8, activation = Activation.TANH), @Dense(units = 1)},\n"
        + "    loss = Loss.MEAN_SQUARED_ERROR, precision = Precision." + precision + ")");
  }

  /** Every activation once, both shapes, MSE on an activated output. */
  static JavaFileObject mixed(String precision) {
    return network("test.Mixed", "@Network(inputs = 6,\n"
        + "    layers = {@Dense(units = 64, activation = Activation.SIGMOID),\n"
        + "              @Dense(units = 8, activation = Activation.TANH),\n"
        + "              @Dense(units = 70, activation = Activation.RELU),\n"
        + "              @Dense(units = 5, activation = Activation.LEAKY_RELU),\n"
        + "              @Dense(units = 33, activation = Activation.ELU),\n"
        + "              @Dense(units = 9, activation = Activation.SOFTPLUS),\n"
        + "              @Dense(units = 4, activation = Activation.SILU)},\n"
        + "    loss = Loss.MEAN_SQUARED_ERROR, precision = Precision." + precision + ")");
  }
}
