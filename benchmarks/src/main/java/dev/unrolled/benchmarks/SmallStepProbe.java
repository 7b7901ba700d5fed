package dev.unrolled.benchmarks;

import dev.unrolled.Optimizer;
import dev.unrolled.support.GuardedUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the time of one 4-16-3 tanh training step (batch 16, SGD 0.01) goes, on the data
 * {@link TrainingBenchmark} uses: the generated float trainer phase by phase (forward, loss with
 * output deltas, backward, guarded update), and whole steps of the generated float (plain and
 * vector-lane backends) and double trainers and of Encog, in ns per sample; then the vector
 * trainer's phases the same way.
 *
 * <p>A development diagnostic, not a benchmark of record. On a machine shared with other work a
 * JMH average mostly measures the neighbours, so this takes the fastest of many short runs (each
 * {@value #PASS} batches, well under a scheduler slice) and interleaves the contenders, which keeps
 * their ratios stable when the load changes. Run it with
 * {@code java --add-modules jdk.incubator.vector -cp <benchmarks classpath> dev.unrolled.benchmarks.SmallStepProbe [runs]}
 * (without the module the vector trainer runs its plain fallback loops).
 */
public final class SmallStepProbe {
  private static final int BATCH = 16;
  private static final int ROWS = 4096;
  private static final int PASS = 16;
  private static final double LEARNING_RATE = 0.01;

  private final float[][][] x;
  private final double[][][] xd;
  private final int[][] y;
  private final Shapes_SmallModel model = new Shapes_SmallModel(1);
  private final Shapes_SmallModel.Workspace ws = new Shapes_SmallModel.Workspace(BATCH);
  private final GuardedUpdate update;
  private final Shapes_SmallVectorModel vectorModel = new Shapes_SmallVectorModel(1);
  private final Shapes_SmallVectorModel.Workspace vectorWs = new Shapes_SmallVectorModel.Workspace(BATCH);
  private final GuardedUpdate vectorUpdate;
  private double sink;

  private SmallStepProbe() {
    TeacherData data = new TeacherData(ROWS, 4, 3, 7);
    double[][] asDouble = data.asDouble();
    int batches = ROWS / BATCH;
    x = new float[batches][BATCH][];
    xd = new double[batches][BATCH][];
    y = new int[batches][BATCH];
    for (int k = 0; k < batches; k++) {
      for (int s = 0; s < BATCH; s++) {
        x[k][s] = data.x[k * BATCH + s];
        xd[k][s] = asDouble[k * BATCH + s];
        y[k][s] = data.labels[k * BATCH + s];
      }
    }
    ws.ensureTraining(false);
    float[][] rows = model.parameterRows();
    update = new GuardedUpdate(Optimizer.sgd(LEARNING_RATE).bind(rows, ws.gradientRows(),
        Shapes_SmallModel.decayedRows()), rows);
    vectorWs.ensureTraining(false);
    float[][] vectorRows = vectorModel.parameterRows();
    vectorUpdate = new GuardedUpdate(Optimizer.sgd(LEARNING_RATE).bind(vectorRows, vectorWs.gradientRows(),
        Shapes_SmallVectorModel.decayedRows()), vectorRows);
  }

  /** {@link #phases} for the vector (batch-lane) trainer. */
  private double vectorPhases(int phase, int k) {
    double loss = 0;
    vectorWs.loadInputs(x[k], 0, BATCH);
    vectorWs.loadLabels(y[k], BATCH);
    if (phase >= 2) {
      vectorWs.forward(vectorModel, BATCH);
    }
    if (phase >= 3) {
      loss = vectorWs.loss(BATCH, true);
    }
    if (phase >= 4) {
      vectorWs.backward(vectorModel, BATCH);
    }
    if (phase >= 5) {
      vectorUpdate.step();
    }
    return loss;
  }

  /** The float step cut after a phase: 1 load, 2 +forward, 3 +loss, 4 +backward, 5 +update. */
  private double phases(int phase, int k) {
    double loss = 0;
    ws.loadInputs(x[k], 0, BATCH);
    ws.loadLabels(y[k], BATCH);
    if (phase >= 2) {
      ws.forward(model, BATCH);
    }
    if (phase >= 3) {
      loss = ws.loss(BATCH, true);
    }
    if (phase >= 4) {
      ws.backward(model, BATCH);
    }
    if (phase >= 5) {
      update.step();
    }
    return loss;
  }

  private List<Peers.Step> steps() {
    List<Peers.Step> steps = new ArrayList<>();
    Shapes_SmallTrainer single = new Shapes_SmallTrainer(new Shapes_SmallModel(1), Optimizer.sgd(LEARNING_RATE));
    steps.add(k -> single.trainBatch(x[k], y[k]));
    Shapes_SmallDoubleTrainer twice = new Shapes_SmallDoubleTrainer(new Shapes_SmallDoubleModel(1),
        Optimizer.sgd(LEARNING_RATE));
    steps.add(k -> twice.trainBatch(xd[k], y[k]));
    Shapes_SmallVectorTrainer lanes = new Shapes_SmallVectorTrainer(new Shapes_SmallVectorModel(1),
        Optimizer.sgd(LEARNING_RATE));
    steps.add(k -> lanes.trainBatch(x[k], y[k]));
    steps.add(Peers.encog(new int[] {4, 16, 3}, true, LEARNING_RATE, xd, y));
    for (int phase = 1; phase <= 5; phase++) {
      int cut = phase;
      steps.add(k -> phases(cut, k));
    }
    for (int phase = 1; phase <= 5; phase++) {
      int cut = phase;
      steps.add(k -> vectorPhases(cut, k));
    }
    return steps;
  }

  /** The fastest run of {@link #PASS} batches, in ns per sample. */
  private double fastest(Peers.Step step, int runs, int[] first) {
    double best = Double.POSITIVE_INFINITY;
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      for (int k = first[0]; k < first[0] + PASS; k++) {
        sink += step.run(k);
      }
      best = Math.min(best, (System.nanoTime() - start) / (double) (PASS * BATCH));
      first[0] = first[0] + 2 * PASS > x.length ? 0 : first[0] + PASS;
    }
    return best;
  }

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    SmallStepProbe probe = new SmallStepProbe();
    List<Peers.Step> steps = probe.steps();
    String[] names = {"generated-float", "generated-double", "generated-vector", "encog",
        "  load", "  +forward", "  +loss", "  +backward", "  +update",
        "  vector load", "  +forward", "  +loss", "  +backward", "  +update"};
    double[] best = new double[steps.size()];
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    int[][] first = new int[steps.size()][1];
    for (int round = 0; round < 10; round++) { // interleaved, so load changes hit every contender
      for (int c = 0; c < steps.size(); c++) {
        best[c] = Math.min(best[c], probe.fastest(steps.get(c), runs, first[c]));
      }
    }
    System.out.printf("4-16-3 tanh, batch %d, fastest of %d runs of %d batches:%n", BATCH, 10 * runs, PASS);
    for (int c = 0; c < steps.size(); c++) {
      System.out.printf("%-17s %6.0f ns/sample  %6.2f M samples/s%s%n", names[c], best[c], 1e3 / best[c],
          c < 4 ? String.format("  %.2f× Encog", best[3] / best[c]) : "");
    }
    System.out.println("(sink " + probe.sink + ")");
  }
}
