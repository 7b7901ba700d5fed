package dev.unrolled.benchmarks;

import dev.unrolled.Optimizer;
import dev.unrolled.support.GuardedUpdate;

/**
 * Where the time of one 784-128-10 relu training step of the vector trainer goes (SGD 0.01), at a
 * batch size given on the command line: forward, loss with output deltas, backward, guarded
 * update, as cumulative cuts of the step, in µs per step; the fastest of many short runs.
 *
 * <p>A development diagnostic, not a benchmark of record. Run it with
 * {@code java --add-modules jdk.incubator.vector -cp <benchmarks classpath> dev.unrolled.benchmarks.WideStepProbe [batch] [runs]}.
 */
public final class WideStepProbe {
  private static final int ROWS = 2048;
  private static final double LEARNING_RATE = 0.01;

  private final int batch;
  private final float[][][] x;
  private final int[][] y;
  private final Shapes_MnistVectorModel model = new Shapes_MnistVectorModel(1);
  private final Shapes_MnistVectorModel.Workspace ws;
  private final GuardedUpdate update;
  private final Shapes_MnistVectorTrainer trainer;
  private double sink;

  private WideStepProbe(int batch) {
    this.batch = batch;
    TeacherData data = new TeacherData(ROWS, 784, 10, 7);
    int batches = ROWS / batch;
    x = new float[batches][batch][];
    y = new int[batches][batch];
    for (int k = 0; k < batches; k++) {
      for (int s = 0; s < batch; s++) {
        x[k][s] = data.x[k * batch + s];
        y[k][s] = data.labels[k * batch + s];
      }
    }
    ws = new Shapes_MnistVectorModel.Workspace(batch);
    ws.ensureTraining(false);
    float[][] rows = model.parameterRows();
    update = new GuardedUpdate(Optimizer.sgd(LEARNING_RATE).bind(rows, ws.gradientRows(),
        Shapes_MnistVectorModel.decayedRows()), rows);
    trainer = new Shapes_MnistVectorTrainer(new Shapes_MnistVectorModel(1), Optimizer.sgd(LEARNING_RATE), batch);
  }

  private double phases(int phase, int k) {
    if (phase == 6) {
      return trainer.trainBatch(x[k], y[k]);
    }
    double loss = 0;
    ws.loadInputs(x[k], 0, batch);
    ws.loadLabels(y[k], batch);
    if (phase >= 2) {
      ws.forward(model, batch);
    }
    if (phase >= 3) {
      loss = ws.loss(batch, true);
    }
    if (phase >= 4) {
      ws.backward(model, batch);
    }
    if (phase >= 5) {
      update.step();
    }
    return loss;
  }

  private double fastest(int phase, int runs, int[] next) {
    double best = Double.POSITIVE_INFINITY;
    int pass = Math.max(1, 64 / batch);
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      for (int p = 0; p < pass; p++) {
        sink += phases(phase, next[0]);
        next[0] = (next[0] + 1) % x.length;
      }
      best = Math.min(best, (System.nanoTime() - start) / 1e3 / pass);
    }
    return best;
  }

  public static void main(String[] args) {
    int batch = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    WideStepProbe probe = new WideStepProbe(batch);
    String[] names = {"load", "+forward", "+loss", "+backward", "+update", "trainer step"};
    double[] best = new double[names.length];
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    int[] next = new int[1];
    for (int round = 0; round < 20; round++) {
      for (int c = 0; c < names.length; c++) {
        best[c] = Math.min(best[c], probe.fastest(c + 1, runs, next));
      }
    }
    System.out.printf("784-128-10 relu vector, batch %d, fastest of %d runs:%n", batch, 20 * runs);
    for (int c = 0; c < names.length; c++) {
      System.out.printf("%-13s %8.2f µs/step  %8.0f samples/s%n", names[c], best[c], batch * 1e6 / best[c]);
    }
    System.out.println("(sink " + probe.sink + ")");
  }
}
