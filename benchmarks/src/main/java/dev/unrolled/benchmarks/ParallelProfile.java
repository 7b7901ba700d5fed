package dev.unrolled.benchmarks;

import dev.unrolled.Optimizer;
import dev.unrolled.ParameterUpdater;
import dev.unrolled.support.GuardedUpdate;
import java.util.Arrays;
import java.util.Locale;

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

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    TeacherData data = new TeacherData(2048, 784, 10, 7);
    profileMnist("784-128-10 plain b32", false, 32, data, rounds);
    profileMnist("784-128-10 vector b32", true, 32, data, rounds);
    profileDeep("784-256-128-10 plain b64", false, 64, data, rounds);
    profileDeep("784-256-128-10 vector b64", true, 64, data, rounds);
  }

  private static void profileMnist(String name, boolean vector, int m, TeacherData data, int rounds) {
    float[][] x = Arrays.copyOf(data.x, m);
    int[] y = Arrays.copyOf(data.labels, m);
    int h = m / 2;
    float[][] xh = Arrays.copyOf(data.x, h);
    int[] yh = Arrays.copyOf(data.labels, h);
    if (vector) {
      Shapes_MnistVectorModel model = new Shapes_MnistVectorModel(1);
      Shapes_MnistVectorModel.Workspace full = new Shapes_MnistVectorModel.Workspace(m);
      Shapes_MnistVectorModel.Workspace half = new Shapes_MnistVectorModel.Workspace(h);
      Shapes_MnistVectorModel.Workspace other = new Shapes_MnistVectorModel.Workspace(h);
      for (Shapes_MnistVectorModel.Workspace w : new Shapes_MnistVectorModel.Workspace[] {full, half, other}) {
        w.ensureTraining();
      }
      full.loadInputs(x, m);
      full.loadLabels(y, m);
      half.loadInputs(xh, h);
      half.loadLabels(yh, h);
      report(name, rounds, model.parameterRows(), full.gradientRows(), half.gradientRows(), other.gradientRows(),
          () -> {
            full.forward(model, m);
            full.loss(m, true);
            full.backward(model, m);
          }, () -> {
            half.forward(model, h);
            half.loss(h, true);
            half.backward(model, h);
          });
    } else {
      Shapes_MnistModel model = new Shapes_MnistModel(1);
      Shapes_MnistModel.Workspace full = new Shapes_MnistModel.Workspace(m);
      Shapes_MnistModel.Workspace half = new Shapes_MnistModel.Workspace(h);
      Shapes_MnistModel.Workspace other = new Shapes_MnistModel.Workspace(h);
      for (Shapes_MnistModel.Workspace w : new Shapes_MnistModel.Workspace[] {full, half, other}) {
        w.ensureTraining();
      }
      full.loadInputs(x, m);
      full.loadLabels(y, m);
      half.loadInputs(xh, h);
      half.loadLabels(yh, h);
      report(name, rounds, model.parameterRows(), full.gradientRows(), half.gradientRows(), other.gradientRows(),
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
  }

  private static void profileDeep(String name, boolean vector, int m, TeacherData data, int rounds) {
    float[][] x = Arrays.copyOf(data.x, m);
    int[] y = Arrays.copyOf(data.labels, m);
    int h = m / 2;
    float[][] xh = Arrays.copyOf(data.x, h);
    int[] yh = Arrays.copyOf(data.labels, h);
    if (vector) {
      Shapes_DeepVectorModel model = new Shapes_DeepVectorModel(1);
      Shapes_DeepVectorModel.Workspace full = new Shapes_DeepVectorModel.Workspace(m);
      Shapes_DeepVectorModel.Workspace half = new Shapes_DeepVectorModel.Workspace(h);
      Shapes_DeepVectorModel.Workspace other = new Shapes_DeepVectorModel.Workspace(h);
      for (Shapes_DeepVectorModel.Workspace w : new Shapes_DeepVectorModel.Workspace[] {full, half, other}) {
        w.ensureTraining();
      }
      full.loadInputs(x, m);
      full.loadLabels(y, m);
      half.loadInputs(xh, h);
      half.loadLabels(yh, h);
      report(name, rounds, model.parameterRows(), full.gradientRows(), half.gradientRows(), other.gradientRows(),
          () -> {
            full.forward(model, m);
            full.loss(m, true);
            full.backward(model, m);
          }, () -> {
            half.forward(model, h);
            half.loss(h, true);
            half.backward(model, h);
          });
    } else {
      Shapes_DeepModel model = new Shapes_DeepModel(1);
      Shapes_DeepModel.Workspace full = new Shapes_DeepModel.Workspace(m);
      Shapes_DeepModel.Workspace half = new Shapes_DeepModel.Workspace(h);
      Shapes_DeepModel.Workspace other = new Shapes_DeepModel.Workspace(h);
      for (Shapes_DeepModel.Workspace w : new Shapes_DeepModel.Workspace[] {full, half, other}) {
        w.ensureTraining();
      }
      full.loadInputs(x, m);
      full.loadLabels(y, m);
      half.loadInputs(xh, h);
      half.loadLabels(yh, h);
      report(name, rounds, model.parameterRows(), full.gradientRows(), half.gradientRows(), other.gradientRows(),
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
