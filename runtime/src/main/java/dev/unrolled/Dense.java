package dev.unrolled;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One fully connected layer: {@code z = W·a_prev + b}, {@code a = activation(z)}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Dense {
  /** Number of units (outputs) of this layer. */
  int units();

  /** The element-wise activation; the output layer of a cross-entropy network keeps {@code IDENTITY}. */
  Activation activation() default Activation.IDENTITY;
}
