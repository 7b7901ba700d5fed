package dev.unrolled.reference;

/** Textbook optimizer steps on flat parameter vectors, the oracle for the generated trainers. */
public final class ReferenceOptimizers {
  private ReferenceOptimizers() {}

  /** {@code p − lr·g}, as a new array. */
  public static double[] sgdStep(double[] params, double[] grad, double lr) {
    double[] next = new double[params.length];
    for (int k = 0; k < params.length; k++) {
      next[k] = params[k] - lr * grad[k];
    }
    return next;
  }

  /**
   * Adam (Kingma and Ba, Algorithm 1) with β1 0.9, β2 0.999, ε 1e-8: bias-corrected moments, ε added
   * after the square root, the step counter {@code t} starting at 1 on the first step.
   */
  public static final class Adam {
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final double lr;
    private final double[] m;
    private final double[] v;
    private int t;

    public Adam(int parameterCount, double lr) {
      this.lr = lr;
      this.m = new double[parameterCount];
      this.v = new double[parameterCount];
    }

    /** Number of steps taken so far. */
    public int steps() {
      return t;
    }

    /** One step from {@code params} with gradient {@code grad}; returns the new parameters. */
    public double[] step(double[] params, double[] grad) {
      t++;
      double correction1 = 1 - Math.pow(BETA1, t);
      double correction2 = 1 - Math.pow(BETA2, t);
      double[] next = new double[params.length];
      for (int k = 0; k < params.length; k++) {
        m[k] = BETA1 * m[k] + (1 - BETA1) * grad[k];
        v[k] = BETA2 * v[k] + (1 - BETA2) * grad[k] * grad[k];
        double mHat = m[k] / correction1;
        double vHat = v[k] / correction2;
        next[k] = params[k] - lr * mHat / (Math.sqrt(vHat) + EPSILON);
      }
      return next;
    }
  }
}
