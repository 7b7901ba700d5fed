package dev.unrolled.benchmarks;

import dev.unrolled.Optimizer;

/**
 * The contenders and data {@link TrainingBenchmark} and {@link TrainingPaired} measure: one
 * contender's SGD step (learning rate 0.01) on shape {@code "784-128-10/32"} (layer sizes / batch),
 * cycling through the batches of teacher-labelled rows, a loss that is not finite failing the step.
 * Built in one place so that both measure the same thing.
 */
final class TrainingSteps {
  private static final float LEARNING_RATE = 0.01f;

  /** The rows of one shape cut into batches, as float and double; read-only, so contenders can share them. */
  static final class Batches {
    final String shape;
    final int[] sizes;
    final int m;
    final TeacherData data;
    final float[][][] x;
    final double[][][] xd;
    final int[][] y;

    private Batches(String shape, int[] sizes, int m, TeacherData data, float[][][] x, double[][][] xd, int[][] y) {
      this.shape = shape;
      this.sizes = sizes;
      this.m = m;
      this.data = data;
      this.x = x;
      this.xd = xd;
      this.y = y;
    }
  }

  /** One training step on batch {@code batch}, returning its loss (see {@link Peers.Step}). */
  private interface Step {
    double run(int batch);
  }

  private final String contender;
  private final String shape;
  private final Step step;
  private final int batches;
  private int next;

  private TrainingSteps(String contender, String shape, Step step, int batches) {
    this.contender = contender;
    this.shape = shape;
    this.step = step;
    this.batches = batches;
  }

  /** 4,096 rows for the small network, 2,048 for the 784-input ones, cut into batches of the shape's size. */
  static Batches data(String shape) {
    String[] parts = shape.split("/");
    int m = Integer.parseInt(parts[1]);
    int[] sizes = Contenders.sizes(parts[0]);
    int rows = sizes[0] > 100 ? 2048 : 4096;
    TeacherData data = new TeacherData(rows, sizes[0], sizes[sizes.length - 1], 7);
    int batches = rows / m;
    float[][][] x = new float[batches][m][];
    double[][][] xd = new double[batches][m][];
    int[][] y = new int[batches][m];
    double[][] asDouble = data.asDouble();
    for (int k = 0; k < batches; k++) {
      for (int s = 0; s < m; s++) {
        x[k][s] = data.x[k * m + s];
        xd[k][s] = asDouble[k * m + s];
        y[k][s] = data.labels[k * m + s];
      }
    }
    return new Batches(shape, sizes, m, data, x, xd, y);
  }

  /** A fresh {@code contender} (one of {@link TrainingBenchmark}'s) on {@code data}. */
  static TrainingSteps of(String contender, Batches data) {
    return new TrainingSteps(contender, data.shape, create(contender, data), data.x.length);
  }

  private static Step create(String contender, Batches data) {
    String layers = data.shape.split("/")[0];
    int[] sizes = data.sizes;
    boolean tanh = Contenders.tanh(sizes);
    int m = data.m;
    switch (contender) {
      case "generated-float":
        return generatedFloat(layers, data.x, data.y);
      case "generated-vector":
        return generatedVector(layers, data.x, data.y);
      case "generated-double":
        return generatedDouble(layers, data.xd, data.y);
      case "hand-written": {
        HandWrittenMlp mlp = new HandWrittenMlp(sizes, tanh, LEARNING_RATE, 1);
        TeacherData rows = data.data;
        return k -> mlp.trainBatch(rows.x, rows.labels, k * m, m);
      }
      case "encog":
        return Peers.encog(sizes, tanh, LEARNING_RATE, data.xd, data.y)::run;
      case "smile":
        return Peers.smile(sizes, tanh, LEARNING_RATE, data.xd, data.y)::run;
      case "dl4j":
        Contenders.requireSingleThreadedNatives(contender);
        return Dl4jPeer.train(sizes, tanh, LEARNING_RATE, data.x, data.y)::run;
      case "djl":
        Contenders.requireSingleThreadedNatives(contender);
        return DjlPeer.train(sizes, tanh, LEARNING_RATE, data.x, data.y)::run;
      default:
        throw new IllegalArgumentException("no contender " + contender);
    }
  }

  private static Step generatedFloat(String layers, float[][][] x, int[][] y) {
    Optimizer sgd = Optimizer.sgd(LEARNING_RATE);
    switch (layers) {
      case "4-16-3": {
        Shapes_SmallTrainer t = new Shapes_SmallTrainer(new Shapes_SmallModel(1), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-128-10": {
        Shapes_MnistTrainer t = new Shapes_MnistTrainer(new Shapes_MnistModel(1), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-256-128-10": {
        Shapes_DeepTrainer t = new Shapes_DeepTrainer(new Shapes_DeepModel(1), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      default:
        throw new IllegalArgumentException("no generated-float network " + layers);
    }
  }

  /**
   * The float networks with {@code backend = Backend.VECTOR}: 4-16-3 in batch lanes, the others in
   * tiles, {@link SweepShapes}' among them.
   */
  private static Step generatedVector(String layers, float[][][] x, int[][] y) {
    Optimizer sgd = Optimizer.sgd(LEARNING_RATE);
    switch (layers) {
      case "4-16-3": {
        Shapes_SmallVectorModel model = new Shapes_SmallVectorModel(1);
        requireVectorPath(model);
        Shapes_SmallVectorTrainer t = new Shapes_SmallVectorTrainer(model, sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-128-10": {
        Shapes_MnistVectorModel model = new Shapes_MnistVectorModel(1);
        requireVectorPath(model);
        Shapes_MnistVectorTrainer t = new Shapes_MnistVectorTrainer(model, sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-256-128-10": {
        Shapes_DeepVectorModel model = new Shapes_DeepVectorModel(1);
        requireVectorPath(model);
        Shapes_DeepVectorTrainer t = new Shapes_DeepVectorTrainer(model, sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-128-128-10": {
        SweepShapes_Width128Model model = new SweepShapes_Width128Model(1);
        requireVectorPath(model);
        SweepShapes_Width128Trainer t = new SweepShapes_Width128Trainer(model, sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-256-256-10": {
        SweepShapes_Width256Model model = new SweepShapes_Width256Model(1);
        requireVectorPath(model);
        SweepShapes_Width256Trainer t = new SweepShapes_Width256Trainer(model, sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-512-512-10": {
        SweepShapes_Width512Model model = new SweepShapes_Width512Model(1);
        requireVectorPath(model);
        SweepShapes_Width512Trainer t = new SweepShapes_Width512Trainer(model, sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-1024-1024-10": {
        SweepShapes_Width1024Model model = new SweepShapes_Width1024Model(1);
        requireVectorPath(model);
        SweepShapes_Width1024Trainer t = new SweepShapes_Width1024Trainer(model, sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "784-2048-2048-10": {
        SweepShapes_Width2048Model model = new SweepShapes_Width2048Model(1);
        requireVectorPath(model);
        SweepShapes_Width2048Trainer t = new SweepShapes_Width2048Trainer(model, sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      default:
        throw new IllegalArgumentException("no generated-vector network " + layers);
    }
  }

  /** A vector contender silently running its plain fallback would make the figures a lie. */
  static void requireVectorPath(dev.unrolled.Model model) {
    if (model.backend() != dev.unrolled.Backend.VECTOR) {
      throw new IllegalStateException("generated-vector runs plain loops here: " + model.summary());
    }
  }

  private static Step generatedDouble(String layers, double[][][] xd, int[][] y) {
    Optimizer sgd = Optimizer.sgd(LEARNING_RATE);
    switch (layers) {
      case "4-16-3": {
        Shapes_SmallDoubleTrainer t = new Shapes_SmallDoubleTrainer(new Shapes_SmallDoubleModel(1), sgd);
        return k -> t.trainBatch(xd[k], y[k]);
      }
      case "784-128-10": {
        Shapes_MnistDoubleTrainer t = new Shapes_MnistDoubleTrainer(new Shapes_MnistDoubleModel(1), sgd);
        return k -> t.trainBatch(xd[k], y[k]);
      }
      case "784-256-128-10": {
        Shapes_DeepDoubleTrainer t = new Shapes_DeepDoubleTrainer(new Shapes_DeepDoubleModel(1), sgd);
        return k -> t.trainBatch(xd[k], y[k]);
      }
      default:
        throw new IllegalArgumentException("no generated-double network " + layers);
    }
  }

  /**
   * One step on the next batch, returning its loss; fails when the loss is not finite, so a
   * contender that diverged (and then often runs at a different speed on NaNs) is never reported.
   */
  double next() {
    double loss = step.run(next);
    if (!Double.isFinite(loss)) {
      throw new IllegalStateException(contender + " on " + shape + ": loss " + loss + " at batch " + next);
    }
    next = next + 1 == batches ? 0 : next + 1;
    return loss;
  }
}
