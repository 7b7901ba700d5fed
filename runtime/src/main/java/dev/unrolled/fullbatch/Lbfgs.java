package dev.unrolled.fullbatch;

import dev.unrolled.Dataset;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.ParameterUpdater;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Limited-memory BFGS with a strong-Wolfe line search: the full-batch optimizer Spark MLlib uses
 * (through Breeze) for its multilayer perceptron, here for any {@link Objective} — a model's mean
 * loss over a {@link Dataset} on one machine ({@link #fit}), or the same loss summed over a cluster.
 *
 * <pre>{@code
 * IrisModel model = new IrisModel(42);
 * Lbfgs.Result r = Lbfgs.fit(model, train, Lbfgs.options().maxIterations(200));
 * // model now holds r.x(); r.reason() says why it stopped
 * }</pre>
 *
 * <p>Each iteration takes the two-loop recursion's direction over the last {@code memory} pairs
 * {@code s = Δx}, {@code y = Δg} (initial scaling {@code sᵀy / yᵀy}), then searches along it for a
 * step satisfying the strong Wolfe conditions with {@code c1 = 1e-4}, {@code c2 = 0.9} (Nocedal &amp;
 * Wright, algorithms 3.5 and 3.6, cubic interpolation, at most 10 bracketing and 10 zoom
 * evaluations). The first step tries {@code 1/‖d‖}, later ones 1, as Breeze does. A pair whose
 * curvature {@code sᵀy} is not positive is not stored; a direction that does not descend restarts
 * from the gradient. Unlike the per-batch {@link Optimizer}s, L-BFGS re-evaluates the function
 * during its search, so it is a loop of its own rather than a {@link ParameterUpdater}.
 *
 * <p>Stops, in this order of checks after each iteration: {@link Stop#GRADIENT} when
 * {@code ‖g‖∞ ≤ tolerance · max(1, |f|)}; {@link Stop#FUNCTION_VALUE} when the last iteration
 * improved {@code f} by at most {@code tolerance · max(1, |f|)}; {@link Stop#MAX_ITERATIONS}; and
 * {@link Stop#LINE_SEARCH_FAILED} when no step along a fresh gradient direction satisfied the
 * conditions (the result is then the last accepted point).
 *
 * <p><b>Stopping and resuming.</b> A listener given to {@link #minimize(Objective, double[], Options,
 * Consumer)} hears every finished iteration ({@link Iteration}) and can take a {@link State}: the
 * current point, its value and gradient, the stored pairs and the counters — everything the next
 * iterations depend on, since a line search starts afresh at every iteration.
 * {@link #resume(Objective, State, Options, Consumer)} goes on from such a state, with the same
 * options, exactly as the run would have gone on: the same evaluations, the same bits. A training
 * checkpoint on Spark stores it ({@code SparkTrainer.fitLbfgs} with checkpoints).
 */
public final class Lbfgs {
  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private static final int MAX_BRACKET = 10;
  private static final int MAX_ZOOM = 10;

  private Lbfgs() {}

  /** Why {@link #minimize} stopped. */
  public enum Stop { GRADIENT, FUNCTION_VALUE, MAX_ITERATIONS, LINE_SEARCH_FAILED }

  /**
   * The minimizer's answer: the point, its value and gradient norm ({@code ‖g‖₂}), the iterations
   * taken and the objective evaluations spent (each a full pass over the data for a model's loss).
   */
  public record Result(double[] x, double value, double gradientNorm, int iterations, int evaluations, Stop reason) {}

  /**
   * Where a run stands after {@link #iterations} iterations: everything the following iterations
   * depend on. The arrays are copied in; treat the ones the accessors return as read-only.
   *
   * @param iterations the iterations finished (at least 0)
   * @param evaluations the objective evaluations so far (at least {@code iterations + 1})
   * @param x the current point
   * @param value the objective at {@code x}, finite
   * @param gradient the gradient at {@code x}, as long as {@code x}
   * @param previousValue the objective before the last iteration, for the function-value test (NaN
   *     before the first iteration)
   * @param s the stored corrections {@code Δx}, oldest first, each as long as {@code x}
   * @param y the matching {@code Δg}; every pair has positive curvature {@code sᵀy}
   */
  public record State(int iterations, int evaluations, double[] x, double value, double[] gradient,
      double previousValue, double[][] s, double[][] y) {
    /**
     * Checks the shape and values: as many {@code s} as {@code y}, every vector as long as
     * {@code x}, finite values, positive curvature.
     *
     * @throws IllegalArgumentException naming the first problem
     */
    public State {
      if (x == null || gradient == null || s == null || y == null) {
        throw new IllegalArgumentException("an L-BFGS state needs the point, the gradient and the pairs");
      }
      int n = x.length;
      if (n == 0 || gradient.length != n) {
        throw new IllegalArgumentException("an L-BFGS state has a point of " + n + " coordinates and a gradient of "
            + gradient.length + "; both have the same, at least 1");
      }
      if (iterations < 0 || evaluations < iterations + 1L) {
        throw new IllegalArgumentException("an L-BFGS state has " + iterations + " iterations and " + evaluations
            + " evaluations; a run evaluates its start and at least once per iteration");
      }
      if (!Double.isFinite(value) || !Run.finite(x) || !Run.finite(gradient)) {
        throw new IllegalArgumentException("an L-BFGS state's value, point and gradient are finite; its value is "
            + value);
      }
      if (iterations == 0 ? !Double.isNaN(previousValue) : !Double.isFinite(previousValue)) {
        throw new IllegalArgumentException("an L-BFGS state's previous value is " + previousValue + " after "
            + iterations + " iterations; it is NaN before the first and finite after");
      }
      if (s.length != y.length) {
        throw new IllegalArgumentException("an L-BFGS state has " + s.length + " s vectors and " + y.length
            + " y vectors; they come in pairs");
      }
      x = x.clone();
      gradient = gradient.clone();
      s = s.clone();
      y = y.clone();
      for (int k = 0; k < s.length; k++) {
        if (s[k] == null || y[k] == null || s[k].length != n || y[k].length != n) {
          throw new IllegalArgumentException("L-BFGS pair " + k + " is not two vectors of " + n + " values");
        }
        s[k] = s[k].clone();
        y[k] = y[k].clone();
        double sy = Run.dot(s[k], y[k]);
        if (!(sy > 0) || Double.isInfinite(sy) || !Run.finite(s[k]) || !Run.finite(y[k])) {
          throw new IllegalArgumentException("L-BFGS pair " + k + " has curvature sᵀy = " + sy
              + "; a stored pair has finite values and positive curvature");
        }
      }
    }

    /** The stored pairs. */
    public int pairs() {
      return s.length;
    }
  }

  /**
   * An iteration just finished, as a listener sees it; valid during the call only. A listener that
   * throws ends the run with its exception.
   */
  public interface Iteration {
    /** Iterations finished, this one included. */
    int number();

    /** The objective at the point this iteration accepted. */
    double value();

    /** Objective evaluations so far (those before a resume included). */
    int evaluations();

    /** Why the run stops after this iteration, or null when it goes on. */
    Stop stop();

    /** A copy of where the run stands, to {@link #resume} from; allocates {@code (2·pairs + 2)·n} doubles. */
    State state();
  }

  /**
   * {@link #minimize(Objective, double[], Options)}, telling {@code afterIteration} (null: nobody)
   * after every iteration, before the run goes on or returns.
   */
  public static Result minimize(Objective f, double[] x0, Options options, Consumer<Iteration> afterIteration) {
    if (f == null || x0 == null || options == null) {
      throw new IllegalArgumentException("objective, starting point and options must not be null");
    }
    if (x0.length == 0) {
      throw new IllegalArgumentException("the starting point has no coordinates; give at least one");
    }
    return new Run(f, x0.length, options, afterIteration).start(x0);
  }

  /**
   * Goes on from {@code state}, as the run that made it would have gone on with {@code options}: the
   * same evaluations and the same bits, when {@code options} are those of that run (a larger
   * {@code maxIterations} goes on further, exactly as a run that had asked for it from the start).
   * A state whose run had stopped returns at once with the same result. The result counts the
   * iterations and evaluations before the state too.
   *
   * @throws IllegalArgumentException if {@code state} holds more pairs than {@code options} keep
   */
  public static Result resume(Objective f, State state, Options options, Consumer<Iteration> afterIteration) {
    if (f == null || state == null || options == null) {
      throw new IllegalArgumentException("objective, state and options must not be null");
    }
    if (state.pairs() > options.memory) {
      throw new IllegalArgumentException("the L-BFGS state holds " + state.pairs() + " pairs but these options keep "
          + options.memory + "; resume with the options of the run that made the state");
    }
    return new Run(f, state.x().length, options, afterIteration).resume(state);
  }

  /** Defaults: memory 10, at most 100 iterations, tolerance 1e-6 (MLlib's MLP defaults). */
  public static Options options() {
    return new Options(10, 100, 1e-6);
  }

  /** Settings of a run; immutable, each {@code with}-method returns a copy. */
  public static final class Options {
    private final int memory;
    private final int maxIterations;
    private final double tolerance;

    private Options(int memory, int maxIterations, double tolerance) {
      this.memory = memory;
      this.maxIterations = maxIterations;
      this.tolerance = tolerance;
    }

    /** How many correction pairs the inverse-Hessian estimate keeps (3 to 20 is usual). */
    public Options memory(int pairs) {
      if (pairs < 1) {
        throw new IllegalArgumentException("L-BFGS memory is " + pairs + "; keep at least 1 correction pair, e.g. 10");
      }
      return new Options(pairs, maxIterations, tolerance);
    }

    /** The most iterations (each one line search); 0 only evaluates the starting point. */
    public Options maxIterations(int iterations) {
      if (iterations < 0) {
        throw new IllegalArgumentException("maxIterations is " + iterations + "; give 0 or more, e.g. 100");
      }
      return new Options(memory, iterations, tolerance);
    }

    /** Relative tolerance of both the gradient and the function-value tests; 0 runs every iteration. */
    public Options tolerance(double tolerance) {
      if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
        throw new IllegalArgumentException("L-BFGS tolerance is " + tolerance
            + "; give a finite value of at least 0 (e.g. 1e-6)");
      }
      return new Options(memory, maxIterations, tolerance);
    }

    public int memory() {
      return memory;
    }

    public int maxIterations() {
      return maxIterations;
    }

    public double tolerance() {
      return tolerance;
    }

    @Override
    public String toString() {
      return "L-BFGS(memory=" + memory + ", maxIterations=" + maxIterations + ", tolerance=" + tolerance + ")";
    }
  }

  /**
   * Minimizes {@code model}'s mean loss over all of {@code data} ({@link FullBatch}) from its current
   * parameters, and leaves the best point found in the model.
   *
   * @throws IllegalArgumentException if the data does not suit the model, or the model has a
   *     {@code BATCH}-normalised layer or dropout, which a full-batch loss cannot honour
   *     ({@link FullBatch#requireSupported}); train those with their generated trainer
   */
  public static Result fit(Model model, Dataset data, Options options) {
    Result result = minimize(FullBatch.of(model, data), model.parameters(), options);
    model.setParameters(result.x());
    return result;
  }

  /**
   * Minimizes {@code f} from {@code x0} (not modified).
   *
   * @throws IllegalArgumentException if {@code x0} is empty, or {@code f} is not finite there
   */
  public static Result minimize(Objective f, double[] x0, Options options) {
    return minimize(f, x0, options, null);
  }

  /** One minimization: the current point, the trial point of the line search and the history. */
  private static final class Run implements Iteration {
    private final Objective f;
    private final Options options;
    private final Consumer<Iteration> listener;
    private final int n;
    private double[] x;
    private double[] g;
    private double fx;
    private double[] xt; // trial point of the line search and its gradient
    private double[] gt;
    private double ft;
    private final double[] d;
    private final double[][] s;
    private final double[][] y;
    private double[] sNew; // the pair remember() forms, swapped into the ring when it is kept
    private double[] yNew;
    private final double[] rho;
    private final double[] alpha;
    private int stored; // pairs in the ring, newest at (next - 1)
    private int next;
    private int evaluations;
    private int iteration; // finished
    private double before; // fx before the last iteration (NaN before the first)
    private Stop stop;

    Run(Objective f, int n, Options options, Consumer<Iteration> listener) {
      this.f = f;
      this.options = options;
      this.listener = listener;
      this.n = n;
      this.x = new double[n];
      this.g = new double[n];
      this.xt = new double[n];
      this.gt = new double[n];
      this.d = new double[n];
      this.s = new double[options.memory][n];
      this.y = new double[options.memory][n];
      this.sNew = new double[n];
      this.yNew = new double[n];
      this.rho = new double[options.memory];
      this.alpha = new double[options.memory];
      this.before = Double.NaN;
    }

    Result start(double[] x0) {
      System.arraycopy(x0, 0, x, 0, n);
      fx = evaluate(x, g);
      if (!Double.isFinite(fx) || !finite(g)) {
        throw new IllegalArgumentException("the objective is " + fx + " at the starting point"
            + (Double.isFinite(fx) ? " with a non-finite gradient" : "")
            + "; start from parameters where the loss and its gradient are finite");
      }
      return run();
    }

    /** Puts the state back: the ring holds its pairs oldest first from slot 0, ρ recomputed as at the time. */
    Result resume(State state) {
      System.arraycopy(state.x(), 0, x, 0, n);
      System.arraycopy(state.gradient(), 0, g, 0, n);
      fx = state.value();
      evaluations = state.evaluations();
      iteration = state.iterations();
      before = state.previousValue();
      for (int k = 0; k < state.pairs(); k++) {
        System.arraycopy(state.s()[k], 0, s[k], 0, n);
        System.arraycopy(state.y()[k], 0, y[k], 0, n);
        rho[k] = 1 / dot(s[k], y[k]); // the sum remember() formed, in the same order
      }
      stored = state.pairs();
      next = stored % options.memory;
      return run();
    }

    /** Iterations from where the run stands: the stopping tests, then an iteration, until a test stops it. */
    private Result run() {
      stop = verdict();
      while (stop == null) {
        boolean fresh = direction();
        double step = iteration == 0 ? 1 / norm(d) : 1;
        double value = fx;
        if (!lineSearch(step)) {
          if (fresh) {
            return result(iteration, Stop.LINE_SEARCH_FAILED);
          }
          stored = 0; // the history misled the search: retry along the gradient
          continue;
        }
        remember();
        iteration++;
        before = value;
        stop = verdict();
        if (listener != null) {
          listener.accept(this);
        }
      }
      return result(iteration, stop);
    }

    /** The stopping tests, in their order, after {@code iteration} iterations; null to go on. */
    private Stop verdict() {
      if (gradientConverged()) {
        return Stop.GRADIENT;
      }
      if (iteration > 0 && before - fx <= options.tolerance * Math.max(1, Math.abs(fx))) {
        return Stop.FUNCTION_VALUE;
      }
      if (iteration >= options.maxIterations) {
        return Stop.MAX_ITERATIONS;
      }
      return null;
    }

    @Override
    public int number() {
      return iteration;
    }

    @Override
    public double value() {
      return fx;
    }

    @Override
    public int evaluations() {
      return evaluations;
    }

    @Override
    public Stop stop() {
      return stop;
    }

    @Override
    public State state() {
      double[][] sOut = new double[stored][];
      double[][] yOut = new double[stored][];
      for (int k = 0; k < stored; k++) { // oldest first
        int j = Math.floorMod(next - stored + k, options.memory);
        sOut[k] = s[j];
        yOut[k] = y[j];
      }
      return new State(iteration, evaluations, x, fx, g, before, sOut, yOut); // copies
    }

    /** d = −H·g by the two-loop recursion; returns whether d is the plain −g (no history). */
    private boolean direction() {
      for (int i = 0; i < n; i++) {
        d[i] = -g[i];
      }
      if (stored == 0) {
        return true;
      }
      int m = options.memory;
      for (int k = 0; k < stored; k++) {
        int j = Math.floorMod(next - 1 - k, m);
        alpha[j] = rho[j] * dot(s[j], d);
        axpy(-alpha[j], y[j], d);
      }
      int newest = Math.floorMod(next - 1, m);
      scale(dot(s[newest], y[newest]) / dot(y[newest], y[newest]), d);
      for (int k = stored - 1; k >= 0; k--) {
        int j = Math.floorMod(next - 1 - k, m);
        double beta = rho[j] * dot(y[j], d);
        axpy(alpha[j] - beta, s[j], d);
      }
      if (dot(d, g) >= 0) { // rounding or a bad pair: not a descent direction
        stored = 0;
        return direction();
      }
      return false;
    }

    /**
     * Strong-Wolfe search along d from x, trying {@code step} first; on success the accepted point
     * is in xt/gt/ft (the last point evaluated). Returns false when no step was accepted.
     */
    private boolean lineSearch(double step) {
      double dphi0 = dot(g, d);
      double prev = 0;
      double phiPrev = fx;
      double dphiPrev = dphi0;
      double a = step;
      for (int i = 0; i < MAX_BRACKET; i++) {
        double phi = trial(a);
        double dphi = dot(gt, d);
        if (!(phi <= fx + C1 * a * dphi0) || (i > 0 && phi >= phiPrev)) {
          return zoom(prev, phiPrev, dphiPrev, a, phi, dphi, dphi0);
        }
        if (Math.abs(dphi) <= -C2 * dphi0) {
          return true;
        }
        if (dphi >= 0) {
          return zoom(a, phi, dphi, prev, phiPrev, dphiPrev, dphi0);
        }
        prev = a;
        phiPrev = phi;
        dphiPrev = dphi;
        a *= 2;
      }
      return false;
    }

    /** Narrows [lo, hi] (lo: lowest sufficient-decrease value so far) to a strong-Wolfe step. */
    private boolean zoom(double lo, double phiLo, double dphiLo, double hi, double phiHi, double dphiHi,
        double dphi0) {
      for (int j = 0; j < MAX_ZOOM; j++) {
        double a = interpolate(lo, phiLo, dphiLo, hi, phiHi, dphiHi);
        double phi = trial(a);
        double dphi = dot(gt, d);
        if (!(phi <= fx + C1 * a * dphi0) || phi >= phiLo) {
          hi = a;
          phiHi = phi;
          dphiHi = dphi;
        } else {
          if (Math.abs(dphi) <= -C2 * dphi0) {
            return true;
          }
          if (dphi * (hi - lo) >= 0) {
            hi = lo;
            phiHi = phiLo;
            dphiHi = dphiLo;
          }
          lo = a;
          phiLo = phi;
          dphiLo = dphi;
        }
      }
      return false;
    }

    /** The cubic's minimizer through both ends, kept 10% inside the interval; else the midpoint. */
    private static double interpolate(double a, double fa, double da, double b, double fb, double db) {
      double mid = (a + b) / 2;
      if (!Double.isFinite(fb) || !Double.isFinite(db)) {
        return mid;
      }
      double d1 = da + db - 3 * (fa - fb) / (a - b);
      double radicand = d1 * d1 - da * db;
      if (!(radicand >= 0)) {
        return mid;
      }
      double d2 = Math.signum(b - a) * Math.sqrt(radicand);
      double t = b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
      double low = Math.min(a, b);
      double width = Math.abs(b - a);
      return t >= low + 0.1 * width && t <= low + 0.9 * width ? t : mid;
    }

    private double trial(double a) {
      for (int i = 0; i < n; i++) {
        xt[i] = x[i] + a * d[i];
      }
      ft = evaluate(xt, gt);
      return Double.isFinite(ft) && finite(gt) ? ft : Double.POSITIVE_INFINITY;
    }

    /**
     * Accepts the trial point and stores its correction pair when the curvature is positive; a pair
     * that is not kept leaves the ring as it was.
     */
    private void remember() {
      double sy = 0;
      for (int i = 0; i < n; i++) {
        sNew[i] = xt[i] - x[i];
        yNew[i] = gt[i] - g[i];
        sy += sNew[i] * yNew[i];
      }
      if (sy > 1e-10 * Math.sqrt(dot(sNew, sNew) * dot(yNew, yNew))) {
        int j = next;
        double[] t = s[j];
        s[j] = sNew;
        sNew = t;
        t = y[j];
        y[j] = yNew;
        yNew = t;
        rho[j] = 1 / sy;
        next = (next + 1) % options.memory;
        stored = Math.min(stored + 1, options.memory);
      }
      double[] t = x;
      x = xt;
      xt = t;
      t = g;
      g = gt;
      gt = t;
      fx = ft;
    }

    private boolean gradientConverged() {
      double max = 0;
      for (double v : g) {
        max = Math.max(max, Math.abs(v));
      }
      return max <= options.tolerance * Math.max(1, Math.abs(fx));
    }

    private double evaluate(double[] point, double[] gradient) {
      evaluations++;
      Arrays.fill(gradient, 0);
      return f.evaluate(point, gradient);
    }

    private Result result(int iterations, Stop reason) {
      return new Result(x.clone(), fx, norm(g), iterations, evaluations, reason);
    }

    static boolean finite(double[] v) {
      for (double e : v) {
        if (!Double.isFinite(e)) {
          return false;
        }
      }
      return true;
    }

    static double dot(double[] a, double[] b) {
      double sum = 0;
      for (int i = 0; i < a.length; i++) {
        sum += a[i] * b[i];
      }
      return sum;
    }

    private static double norm(double[] v) {
      return Math.sqrt(dot(v, v));
    }

    private static void axpy(double a, double[] x, double[] y) {
      for (int i = 0; i < x.length; i++) {
        y[i] += a * x[i];
      }
    }

    private static void scale(double a, double[] v) {
      for (int i = 0; i < v.length; i++) {
        v[i] *= a;
      }
    }
  }
}
