package dev.unrolled.benchmarks;

import dev.unrolled.Optimizer;
import dev.unrolled.ParameterUpdater;
import dev.unrolled.support.BatchWorkspace;
import dev.unrolled.support.GuardedUpdate;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Where a data-parallel step spends its time, on one thread: forward, loss and backward of the whole
 * batch and of half of it (one of two shards), the sum of two shards' gradients, the optimizer step
 * alone and with the guard's copy. The phases take turns, a few hundred calls each, over many rounds,
 * so that a noisy machine slows them alike; medians in microseconds per call.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks.jar:runtime.jar dev.unrolled.benchmarks.ParallelProfile [rounds]
 * </pre>
 */
public final class ParallelProfile {
  private ParallelProfile() {}

  private interface Phase {
    void run();
  }

  /** What the profile does to a generated workspace beyond {@link BatchWorkspace}: train on rows [0, n) of the data. */
  private interface Loader<W> {
    void load(W workspace, TeacherData data, int n);
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    TeacherData data = new TeacherData(2048, 784, 10, 7);
    Shapes_MnistModel mnist = new Shapes_MnistModel(1);
    profile("784-128-10 plain b32", 32, rounds, data, mnist, mnist.parameterRows(), Shapes_MnistModel.Workspace::new,
        (w, d, n) -> {
          w.ensureTraining(false);
          w.loadInputs(d.x, 0, n);
          w.loadLabels(d.labels, n);
        }, Shapes_MnistModel.Workspace::gradientRows);
    Shapes_MnistVectorModel mnistVector = new Shapes_MnistVectorModel(1);
    profile("784-128-10 vector b32", 32, rounds, data, mnistVector, mnistVector.parameterRows(),
        Shapes_MnistVectorModel.Workspace::new, (w, d, n) -> {
          w.ensureTraining(false);
          w.loadInputs(d.x, 0, n);
          w.loadLabels(d.labels, n);
        }, Shapes_MnistVectorModel.Workspace::gradientRows);
    Shapes_DeepModel deep = new Shapes_DeepModel(1);
    profile("784-256-128-10 plain b64", 64, rounds, data, deep, deep.parameterRows(), Shapes_DeepModel.Workspace::new,
        (w, d, n) -> {
          w.ensureTraining(false);
          w.loadInputs(d.x, 0, n);
          w.loadLabels(d.labels, n);
        }, Shapes_DeepModel.Workspace::gradientRows);
    Shapes_DeepVectorModel deepVector = new Shapes_DeepVectorModel(1);
    profile("784-256-128-10 vector b64", 64, rounds, data, deepVector, deepVector.parameterRows(),
        Shapes_DeepVectorModel.Workspace::new, (w, d, n) -> {
          w.ensureTraining(false);
          w.loadInputs(d.x, 0, n);
          w.loadLabels(d.labels, n);
        }, Shapes_DeepVectorModel.Workspace::gradientRows);
  }

  /** A batch of m rows in one workspace, and its two halves as two shards would see them. */
  private static <M, W extends BatchWorkspace<M>> void profile(String name, int m, int rounds, TeacherData data,
      M model, float[][] parameterRows, IntFunction<W> workspace, Loader<W> loader,
      Function<W, float[][]> gradientRows) {
    int h = m / 2;
    W full = workspace.apply(m);
    W half = workspace.apply(h);
    W other = workspace.apply(h);
    loader.load(full, data, m);
    loader.load(half, data, h);
    loader.load(other, data, h);
    report(name, rounds, parameterRows, gradientRows.apply(full), gradientRows.apply(half), gradientRows.apply(other),
        () -> {
          full.forward(model, m);
          full.loss(m, true);
          full.backward(model, m);
        }, () -> {
          half.forward(model, h);
          half.loss(h, true);
          half.backward(model, h);
        });
  }

  private static void report(String name, int rounds, float[][] params, float[][] fullGrads, float[][] g0,
      float[][] g1, Phase full, Phase half) {
    // A tiny learning rate keeps the parameters, and so the work, the same over the run.
    ParameterUpdater plain = Optimizer.sgd(1e-12).bind(params, fullGrads, new boolean[params.length]);
    GuardedUpdate guarded = new GuardedUpdate(Optimizer.sgd(1e-12).bind(params, fullGrads,
        new boolean[params.length]), params);
    Phase[] phases = {full, half, () -> sum(g0, g1), plain::step, guarded::step};
    String[] names = {"fwd+loss+bwd m", "fwd+loss+bwd m/2", "sum 2 shards", "sgd update", "guarded update"};
    double[][] micros = new double[phases.length][rounds];
    for (int r = -5; r < rounds; r++) {
      for (int p = 0; p < phases.length; p++) {
        int calls = 200;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          phases[p].run();
        }
        if (r >= 0) {
          micros[p][r] = (System.nanoTime() - start) / 1e3 / calls;
        }
      }
    }
    double[] median = new double[phases.length];
    for (int p = 0; p < phases.length; p++) {
      double[] sorted = micros[p].clone();
      Arrays.sort(sorted);
      median[p] = sorted[rounds / 2];
      System.out.printf(Locale.ROOT, "%-26s %-18s %8.1f us%n", name, names[p], median[p]);
    }
    double one = median[0] + median[4];
    double ideal = median[1] + (median[2] + median[4]) / 2;
    System.out.printf(Locale.ROOT, "%-26s one thread %.1f us; two threads, shards and update split, no hand-off %.1f us"
        + " (%.2fx)%n", name, one, ideal, one / ideal);
  }

  private static void sum(float[][] g0, float[][] g1) {
    for (int r = 0; r < g0.length; r++) {
      float[] d = g0[r];
      float[] s = g1[r];
      for (int j = 0; j < d.length; j++) {
        d[j] = 0.5f * d[j] + 0.5f * s[j];
      }
    }
  }
}
