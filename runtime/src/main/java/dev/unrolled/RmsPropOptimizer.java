package dev.unrolled;

/**
 * RMSProp, PyTorch semantics (not centred, no momentum): {@code g' = g + wd·p} on decayed rows,
 * {@code v = α·v + (1−α)·g'²}, {@code p −= lr·g'/(√v + ε)}.
 */
final class RmsPropOptimizer extends Optimizer {
  private final double alpha;
  private final double epsilon;

  RmsPropOptimizer(double lr, LearningRateSchedule schedule, double weightDecay, double alpha,
      double epsilon) {
    super(lr, schedule, weightDecay);
    Check.unitInterval("alpha", alpha);
    Check.positiveFinite("epsilon", epsilon, "e.g. 1e-8");
    this.alpha = alpha;
    this.epsilon = epsilon;
  }

  @Override
  Optimizer copy(LearningRateSchedule schedule, double weightDecay) {
    return new RmsPropOptimizer(learningRate(), schedule, weightDecay, alpha, epsilon);
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
    return "RMSProp";
  }

  @Override
  String settings() {
    return "alpha=" + alpha + ", eps=" + epsilon;
  }

  private static final class FloatRows extends RowUpdater {
    private final float[][] params;
    private final float[][] grads;
    private final float[][] v;
    private final double alpha;
    private final double epsilon;

    FloatRows(RmsPropOptimizer o, float[][] params, float[][] grads, double[] decay) {
      super(o, decay);
      this.params = params;
      this.grads = grads;
      this.v = BoundRows.zerosLike(params);
      this.alpha = o.alpha;
      this.epsilon = o.epsilon;
    }

    private double lr;

    @Override
    String[] bufferNames() {
      return new String[] {"v"};
    }

    @Override
    Object[] buffers() {
      return new Object[] {v};
    }

    @Override
    void prepare(double lr, long t) {
      this.lr = lr;
    }

    @Override
    public void update(int from, int to) {
      double lr = this.lr;
      for (int r = from; r < to; r++) {
        float[] p = params[r];
        float[] g = grads[r];
        float[] vr = v[r];
        // Float arithmetic keeps the loop vectorised (see SGD's float rows).
        float wd = (float) decay[r];
        float keep = (float) alpha;
        float mix = (float) (1.0 - alpha);
        float rate = (float) lr;
        float eps = (float) epsilon;
        for (int k = 0; k < p.length; k++) {
          float gk = g[k] + wd * p[k];
          float vk = keep * vr[k] + mix * gk * gk;
          vr[k] = vk;
          p[k] -= rate * gk / ((float) Math.sqrt(vk) + eps);
        }
      }
    }
  }

  private static final class DoubleRows extends RowUpdater {
    private final double[][] params;
    private final double[][] grads;
    private final double[][] v;
    private final double alpha;
    private final double epsilon;

    DoubleRows(RmsPropOptimizer o, double[][] params, double[][] grads, double[] decay) {
      super(o, decay);
      this.params = params;
      this.grads = grads;
      this.v = BoundRows.zerosLike(params);
      this.alpha = o.alpha;
      this.epsilon = o.epsilon;
    }

    private double lr;

    @Override
    String[] bufferNames() {
      return new String[] {"v"};
    }

    @Override
    Object[] buffers() {
      return new Object[] {v};
    }

    @Override
    void prepare(double lr, long t) {
      this.lr = lr;
    }

    @Override
    public void update(int from, int to) {
      double lr = this.lr;
      for (int r = from; r < to; r++) {
        double[] p = params[r];
        double[] g = grads[r];
        double[] vr = v[r];
        double wd = decay[r];
        for (int k = 0; k < p.length; k++) {
          double gk = g[k] + wd * p[k];
          double vk = alpha * vr[k] + (1.0 - alpha) * gk * gk;
          vr[k] = vk;
          p[k] -= lr * gk / (Math.sqrt(vk) + epsilon);
        }
      }
    }
  }
}
