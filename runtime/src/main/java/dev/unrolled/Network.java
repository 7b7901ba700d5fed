package dev.unrolled;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a fully connected network, optionally behind a radial-basis-function layer
 * ({@link #rbf()}); at compile time the Unrolled processor generates {@code FooModel} and
 * {@code FooTrainer} next to the annotated type {@code Foo}.
 *
 * <pre>{@code
 * @Network(inputs = 4,
 *     layers = {@Dense(units = 16, activation = Activation.TANH), @Dense(units = 3)},
 *     loss = Loss.SOFTMAX_CROSS_ENTROPY)
 * public interface Iris {}
 * }</pre>
 *
 * <p>The annotated type must be a top-level or static nested interface, or an abstract class with an
 * accessible no-argument constructor. For a nested type {@code Outer.Foo} the generated classes are
 * named {@code Outer_FooModel} and {@code Outer_FooTrainer}.
 *
 * <p>Mistakes are javac errors on the offending value, each tagged like
 * {@code [unrolled.units-not-positive]}. Two declarations are legal but almost surely wrong and
 * get warnings: a hidden layer with {@code IDENTITY} activation ({@code unrolled.identity-hidden-layer}:
 * it collapses with the next layer into one linear map), and more than
 * {@value #SATURATING_LAYERS_WARNING} hidden {@code SIGMOID}/{@code TANH} layers
 * ({@code unrolled.deep-saturating-layers}: their gradients vanish). Silence either with
 * {@code @SuppressWarnings("unrolled.identity-hidden-layer")} (the tag) or
 * {@code @SuppressWarnings("unrolled")} (all) on the annotated type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {
  /** The default {@link #maxParameters()}: 50 million (200 MB of float parameters). */
  int DEFAULT_MAX_PARAMETERS = 50_000_000;

  /** The most layers a declaration may have: deeper code would outgrow HotSpot's method limits. */
  int MAX_LAYERS = 256;

  /** More hidden {@code SIGMOID}/{@code TANH} layers than this draw the deep-saturating-layers warning. */
  int SATURATING_LAYERS_WARNING = 4;

  /** Width of one input row. */
  int inputs();

  /**
   * An optional radial-basis-function layer between the input and {@link #layers()}, e.g.
   * {@code rbf = @Rbf(units = 20)}; the default, {@code @Rbf(units = 0)}, means none.
   */
  Rbf rbf() default @Rbf(units = 0);

  /** Hidden layers followed by the output layer (the last element). */
  Dense[] layers();

  /** The training objective; with a cross-entropy loss the output layer must be {@code IDENTITY}. */
  Loss loss();

  /** Arithmetic of the generated parameters, activations and kernels. */
  Precision precision() default Precision.FLOAT;

  /**
   * The most parameters this declaration may have; more is a compile error, reported before any
   * code is generated so that a mistyped size fails fast instead of exhausting memory. Raise it
   * deliberately for a bigger network.
   */
  int maxParameters() default DEFAULT_MAX_PARAMETERS;

  /**
   * Kernels for the large layers: {@link Backend#VECTOR} adds Vector API register tiles (compile
   * with {@code --add-modules jdk.incubator.vector}; used at run time only when the JVM has that
   * module, else the plain loops run). {@link Backend#DEFAULT} follows the processor option
   * {@code unrolled.backend}, else {@link Backend#PLAIN}.
   */
  Backend backend() default Backend.DEFAULT;
}
