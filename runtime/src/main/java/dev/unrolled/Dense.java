package dev.unrolled;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One fully connected layer: {@code z = W·a_prev + b}, {@code a = activation(z)}; with a
 * {@link #norm()}, {@code z = γ⊙normalise(W·a_prev) + β} instead (see {@link Norm}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Dense {
  /** Number of units (outputs) of this layer. */
  int units();

  /** The element-wise activation; the output layer of a cross-entropy network keeps {@code IDENTITY}. */
  Activation activation() default Activation.IDENTITY;

  /** Normalisation of the pre-activations: none, per sample ({@link Norm#LAYER}) or per batch ({@link Norm#BATCH}). */
  Norm norm() default Norm.NONE;

  /**
   * Dropout probability {@code p} in [0, 1) on a hidden layer's outputs: in trainer steps only, each
   * output of each sample is kept with probability {@code 1 − p} and scaled by {@code 1/(1 − p)},
   * else set to 0. {@code predict}, {@code classify} and {@code lossAndGradient} never drop. The
   * masks are a function of the trainer's dropout seed, the step number, the layer, the sample's row
   * in the batch and the unit (see {@link dev.unrolled.train.Dropout}).
   */
  double dropout() default 0.0;
}
