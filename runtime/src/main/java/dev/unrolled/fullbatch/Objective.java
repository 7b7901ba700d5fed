package dev.unrolled.fullbatch;

/**
 * A differentiable function of a parameter vector, as {@link Lbfgs} minimizes it: a model's mean
 * loss over a whole dataset ({@link FullBatch}), the same summed over a cluster, or any smooth
 * function.
 *
 * <pre>{@code
 * Objective bowl = (x, g) -> { g[0] = 2 * x[0]; g[1] = 8 * x[1]; return x[0] * x[0] + 4 * x[1] * x[1]; };
 * Lbfgs.Result r = Lbfgs.minimize(bowl, new double[] {3, -2}, Lbfgs.options());
 * }</pre>
 */
@FunctionalInterface
public interface Objective {
  /**
   * The value at {@code x}, with its gradient written into {@code gradient} (as long as {@code x}).
   * Must not modify {@code x}; may return NaN or infinity where the function is undefined or
   * overflows, which a line search treats as "too far".
   */
  double evaluate(double[] x, double[] gradient);
}
