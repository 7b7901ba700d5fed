package dev.unrolled;

/**
 * Adam and AdamW, PyTorch semantics. Per step {@code t} (1-based): on decayed rows Adam uses
 * {@code g' = g + wd·p}, AdamW first shrinks {@code p −= lr·wd·p}; then {@code m = β1·m + (1−β1)·g'},
 * {@code v = β2·v + (1−β2)·g'²}, {@code p −= lr·(m/(1−β1^t)) / (√(v/(1−β2^t)) + ε)}.
 */
final class AdamOptimizer extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final boolean decoupled;

  AdamOptimizer(double lr, LearningRateSchedule schedule, double weightDecay, double beta1,
      double beta2, double epsilon, boolean decoupled) {
    super(lr, schedule, weightDecay);
    Check.unitInterval("beta1", beta1);
    Check.unitInterval("beta2", beta2);
    Check.positiveFinite("epsilon", epsilon, "e.g. 1e-8");
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.decoupled = decoupled;
  }

  @Override
  Optimizer copy(LearningRateSchedule schedule, double weightDecay) {
    return new AdamOptimizer(learningRate(), schedule, weightDecay, beta1, beta2, epsilon, decoupled);
  }

  @Override
  ParameterUpdater bindFloat(float[][] params, float[][] grads, double[] decay) {
    return new FloatRows(this, params, grads, decay);
  }

  @Override
  ParameterUpdater bindDouble(double[][] params, double[][] grads, double[] decay) {
    return new DoubleRows(this, params, grads, decay);
  }

  @Override
  String name() {
    return decoupled ? "AdamW" : "Adam";
  }

  @Override
  String settings() {
    return "beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + epsilon;
  }

  /** Per-step scalars shared by both precisions: bias corrections and the decay split. */
  private abstract static class Rows extends RowUpdater {
    final double beta1;
    final double beta2;
    final double epsilon;
    private final boolean decoupled;

    Rows(AdamOptimizer o, double[] decay) {
      super(o, decay);
      this.beta1 = o.beta1;
      this.beta2 = o.beta2;
      this.epsilon = o.epsilon;
      this.decoupled = o.decoupled;
    }

    private double lr;
    private double correction1;
    private double correction2;

    @Override
    final void prepare(double lr, long t) {
      this.lr = lr;
      this.correction1 = 1.0 - Math.pow(beta1, (double) t);
      this.correction2 = 1.0 - Math.pow(beta2, (double) t);
    }

    @Override
    public final void update(int from, int to) {
      double lr = this.lr;
      double correction1 = this.correction1;
      double correction2 = this.correction2;
      for (int r = from; r < to; r++) {
        double shrink = decoupled ? 1.0 - lr * decay[r] : 1.0;
        double coupled = decoupled ? 0.0 : decay[r];
        updateRow(r, lr, correction1, correction2, shrink, coupled);
      }
    }

    /** Row {@code r}: {@code g' = g + coupled·p}, {@code p *= shrink}, then the Adam step. */
    abstract void updateRow(int r, double lr, double correction1, double correction2, double shrink,
        double coupled);
  }

  private static final class FloatRows extends Rows {
    private final float[][] params;
    private final float[][] grads;
    private final float[][] m;
    private final float[][] v;

    FloatRows(AdamOptimizer o, float[][] params, float[][] grads, double[] decay) {
      super(o, decay);
      this.params = params;
      this.grads = grads;
      this.m = BoundRows.zerosLike(params);
      this.v = BoundRows.zerosLike(params);
    }

    @Override
    String[] bufferNames() {
      return new String[] {"m", "v"};
    }

    @Override
    Object[] buffers() {
      return new Object[] {m, v};
    }

    /** In float arithmetic, for the same reason as SGD's float rows: it keeps the loop vectorised. */
    @Override
    void updateRow(int r, double lr, double c1, double c2, double shrink, double coupled) {
      float[] p = params[r];
      float[] g = grads[r];
      float[] mr = m[r];
      float[] vr = v[r];
      float b1 = (float) beta1;
      float b2 = (float) beta2;
      float a1 = (float) (1.0 - beta1);
      float a2 = (float) (1.0 - beta2);
      float step = (float) (lr / c1);
      float inverseC2 = (float) (1.0 / c2);
      float eps = (float) epsilon;
      float keep = (float) shrink;
      float wd = (float) coupled;
      for (int k = 0; k < p.length; k++) {
        float pk = p[k];
        float gk = g[k] + wd * pk;
        float mk = b1 * mr[k] + a1 * gk;
        float vk = b2 * vr[k] + a2 * gk * gk;
        mr[k] = mk;
        vr[k] = vk;
        p[k] = pk * keep - step * mk / ((float) Math.sqrt(vk * inverseC2) + eps);
      }
    }
  }

  private static final class DoubleRows extends Rows {
    private final double[][] params;
    private final double[][] grads;
    private final double[][] m;
    private final double[][] v;

    DoubleRows(AdamOptimizer o, double[][] params, double[][] grads, double[] decay) {
      super(o, decay);
      this.params = params;
      this.grads = grads;
      this.m = BoundRows.zerosLike(params);
      this.v = BoundRows.zerosLike(params);
    }

    @Override
    String[] bufferNames() {
      return new String[] {"m", "v"};
    }

    @Override
    Object[] buffers() {
      return new Object[] {m, v};
    }

    @Override
    void updateRow(int r, double lr, double c1, double c2, double shrink, double coupled) {
      double[] p = params[r];
      double[] g = grads[r];
      double[] mr = m[r];
      double[] vr = v[r];
      for (int k = 0; k < p.length; k++) {
        double pk = p[k];
        double gk = g[k] + coupled * pk;
        double mk = beta1 * mr[k] + (1.0 - beta1) * gk;
        double vk = beta2 * vr[k] + (1.0 - beta2) * gk * gk;
        mr[k] = mk;
        vr[k] = vk;
        p[k] = pk * shrink - lr * (mk / c1) / (Math.sqrt(vk / c2) + epsilon);
      }
    }
  }
}
