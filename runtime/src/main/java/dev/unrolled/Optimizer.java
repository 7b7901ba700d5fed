package dev.unrolled;

/**
 * An immutable optimizer configuration: the update rule, a base learning rate, optional weight decay
 * and an optional learning-rate schedule. {@link #bind} attaches it to one model's parameter rows and
 * returns a {@link ParameterUpdater} that owns the per-model state; one optimizer may be bound any
 * number of times.
 *
 * <pre>{@code
 * Optimizer opt = Optimizer.adamW(1e-3, 0.01).withSchedule(LearningRateSchedule.cosine(5_000, 0.0));
 * IrisTrainer trainer = new IrisTrainer(model, opt);
 * }</pre>
 *
 * <p>The update rules follow PyTorch's {@code torch.optim} defaults (no dampening, ε added after the
 * square root). Weight decay from {@link #withWeightDecay} applies only to rows bound as decayed
 * (weights, not biases).
 */
public abstract class Optimizer {
  private final double learningRate;
  private final LearningRateSchedule schedule;
  private final double weightDecay;

  Optimizer(double learningRate, LearningRateSchedule schedule, double weightDecay) {
    Check.positiveFinite("learning rate", learningRate, "e.g. 0.01");
    Check.nonNegativeFinite("weight decay", weightDecay, "0 for none, typically 1e-4 to 1e-2");
    if (schedule == null) {
      throw new IllegalArgumentException(
          "the learning-rate schedule is null; use LearningRateSchedule.constant() for none");
    }
    this.learningRate = learningRate;
    this.schedule = schedule;
    this.weightDecay = weightDecay;
  }

  /** Stochastic gradient descent: {@code p −= lr·g}. */
  public static Optimizer sgd(double learningRate) {
    return new SgdOptimizer(learningRate, LearningRateSchedule.constant(), 0, 0, false);
  }

  /** SGD with momentum (PyTorch): {@code v = μ·v + g; p −= lr·v}, with {@code v} starting at 0. */
  public static Optimizer momentum(double learningRate, double mu) {
    Check.unitInterval("momentum", mu);
    return new SgdOptimizer(learningRate, LearningRateSchedule.constant(), 0, mu, false);
  }

  /** Nesterov momentum (PyTorch): {@code v = μ·v + g; p −= lr·(g + μ·v)}. */
  public static Optimizer nesterov(double learningRate, double mu) {
    Check.unitInterval("momentum", mu);
    if (mu == 0) {
      throw new IllegalArgumentException("Nesterov momentum is 0; give μ in (0, 1), e.g. 0.9, or use sgd");
    }
    return new SgdOptimizer(learningRate, LearningRateSchedule.constant(), 0, mu, true);
  }

  /** Adam with β1 = 0.9, β2 = 0.999, ε = 1e-8. */
  public static Optimizer adam(double learningRate) {
    return adam(learningRate, 0.9, 0.999, 1e-8);
  }

  /**
   * Adam: {@code m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; p −= lr·m̂/(√v̂ + ε)} with the bias
   * corrections {@code m̂ = m/(1−β1^t)}, {@code v̂ = v/(1−β2^t)} and {@code t = 1} on the first step.
   */
  public static Optimizer adam(double learningRate, double beta1, double beta2, double epsilon) {
    return new AdamOptimizer(
        learningRate, LearningRateSchedule.constant(), 0, beta1, beta2, epsilon, false);
  }

  /** AdamW (decoupled weight decay) with β1 = 0.9, β2 = 0.999, ε = 1e-8. */
  public static Optimizer adamW(double learningRate, double weightDecay) {
    return adamW(learningRate, 0.9, 0.999, 1e-8, weightDecay);
  }

  /**
   * AdamW (PyTorch): decayed rows first shrink, {@code p −= lr·wd·p}, then take the Adam step. Here
   * {@link #withWeightDecay} replaces this decoupled decay.
   */
  public static Optimizer adamW(
      double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
    return new AdamOptimizer(
        learningRate, LearningRateSchedule.constant(), weightDecay, beta1, beta2, epsilon, true);
  }

  /** RMSProp with α = 0.99, ε = 1e-8. */
  public static Optimizer rmsProp(double learningRate) {
    return rmsProp(learningRate, 0.99, 1e-8);
  }

  /** RMSProp (PyTorch, not centred): {@code v = α·v + (1−α)·g²; p −= lr·g/(√v + ε)}. */
  public static Optimizer rmsProp(double learningRate, double alpha, double epsilon) {
    return new RmsPropOptimizer(learningRate, LearningRateSchedule.constant(), 0, alpha, epsilon);
  }

  /** The base learning rate, before the schedule's factor. */
  public final double learningRate() {
    return learningRate;
  }

  /** The learning-rate schedule ({@link LearningRateSchedule#constant()} unless set). */
  public final LearningRateSchedule schedule() {
    return schedule;
  }

  /** The weight-decay coefficient (0 when none): coupled L2, or decoupled for AdamW. */
  public final double weightDecay() {
    return weightDecay;
  }

  /**
   * A copy with weight decay {@code l2} on decayed rows. For SGD, momentum, Adam and RMSProp the
   * gradient becomes {@code g + l2·p} (PyTorch's {@code weight_decay}); for AdamW it is the decoupled
   * coefficient instead. {@code 0} removes the decay.
   */
  public final Optimizer withWeightDecay(double l2) {
    Check.nonNegativeFinite("weight decay", l2, "0 for none, typically 1e-4 to 1e-2");
    return copy(schedule, l2);
  }

  /** A copy whose learning rate at step {@code t} is {@code learningRate() · schedule.factor(t)}. */
  public final Optimizer withSchedule(LearningRateSchedule schedule) {
    if (schedule == null) {
      throw new IllegalArgumentException(
          "the learning-rate schedule is null; use LearningRateSchedule.constant() for none");
    }
    return copy(schedule, weightDecay);
  }

  /**
   * Binds to {@code float} parameter rows: {@code params[r]} is updated in place from
   * {@code grads[r]} (same length) on every {@link ParameterUpdater#step()}; {@code decayed[r]} says
   * whether weight decay applies to row {@code r}. All optimizer state is allocated here.
   *
   * @throws IllegalArgumentException if the arrays are null or their shapes disagree
   */
  public final ParameterUpdater bind(float[][] params, float[][] grads, boolean[] decayed) {
    BoundRows.check(params, grads, decayed);
    return bindFloat(params, grads, BoundRows.decayPerRow(decayed, weightDecay));
  }

  /**
   * Binds to {@code double} parameter rows; see {@link #bind(float[][], float[][], boolean[])}.
   *
   * @throws IllegalArgumentException if the arrays are null or their shapes disagree
   */
  public final ParameterUpdater bind(double[][] params, double[][] grads, boolean[] decayed) {
    BoundRows.check(params, grads, decayed);
    return bindDouble(params, grads, BoundRows.decayPerRow(decayed, weightDecay));
  }

  /**
   * This optimizer as a checkpoint records it: {@link #toString()}, except that a custom schedule is
   * named by its class, since its own {@code toString} (a lambda's, say) may differ from run to run.
   */
  final String identity() {
    return describe(Schedules.identity(schedule));
  }

  abstract Optimizer copy(LearningRateSchedule schedule, double weightDecay);

  /** {@code decay[r]} is the weight-decay coefficient of row {@code r} (0 when not decayed). */
  abstract ParameterUpdater bindFloat(float[][] params, float[][] grads, double[] decay);

  abstract ParameterUpdater bindDouble(double[][] params, double[][] grads, double[] decay);

  /** The rule's own settings, e.g. {@code "beta1=0.9, beta2=0.999, eps=1.0E-8"}, or empty. */
  abstract String settings();

  abstract String name();

  @Override
  public final String toString() {
    return describe(String.valueOf(schedule));
  }

  /** {@code "Adam(lr=0.001, beta1=0.9, …, schedule=…)"}, the schedule as {@code scheduleText}. */
  private String describe(String scheduleText) {
    StringBuilder s = new StringBuilder(name()).append("(lr=").append(learningRate);
    String settings = settings();
    if (!settings.isEmpty()) {
      s.append(", ").append(settings);
    }
    if (weightDecay != 0) {
      s.append(", weightDecay=").append(weightDecay);
    }
    if (schedule != LearningRateSchedule.constant()) {
      s.append(", schedule=").append(scheduleText);
    }
    return s.append(')').toString();
  }
}
