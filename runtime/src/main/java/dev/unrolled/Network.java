package dev.unrolled;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a fully connected network; at compile time the Unrolled processor generates
 * {@code FooModel} and {@code FooTrainer} next to the annotated type {@code Foo}.
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
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {
  /** Width of one input row. */
  int inputs();

  /** Hidden layers followed by the output layer (the last element). */
  Dense[] layers();

  /** The training objective; with a cross-entropy loss the output layer must be {@code IDENTITY}. */
  Loss loss();

  /** Arithmetic of the generated parameters, activations and kernels. */
  Precision precision() default Precision.FLOAT;
}
