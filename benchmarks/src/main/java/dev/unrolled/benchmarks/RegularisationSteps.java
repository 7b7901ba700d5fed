package dev.unrolled.benchmarks;

import dev.unrolled.Model;
import dev.unrolled.Optimizer;

/**
 * The trainers and data {@link RegularisationBenchmark} and {@link RegularisationPaired} measure:
 * one variant's 784-256-128-10 vector trainer (SGD 0.01) stepping through the 2,048 teacher-labelled
 * rows of {@link TrainingBenchmark}, batch 64, a loss that is not finite failing the step. Built in
 * one place so that both measure the same thing.
 */
final class RegularisationSteps {
  static final int BATCH = 64;
  private static final int ROWS = 2048;
  private static final float LEARNING_RATE = 0.01f;

  /** The rows cut into batches; read-only, so the variants of one JVM can share them. */
  static final class Batches {
    final float[][][] x;
    final int[][] y;

    private Batches(float[][][] x, int[][] y) {
      this.x = x;
      this.y = y;
    }
  }

  private interface Step {
    double run(int k);
  }

  private final String variant;
  private final Step step;
  private final int batches;
  private int next;

  private RegularisationSteps(String variant, Step step, int batches) {
    this.variant = variant;
    this.step = step;
    this.batches = batches;
  }

  static Batches data() {
    TeacherData data = new TeacherData(ROWS, 784, 10, 7);
    return new Batches(data.inputBatches(BATCH), data.labelBatches(BATCH));
  }

  /** A fresh trainer of {@code variant} (one of {@link RegularisationResults#VARIANTS}) on {@code data}. */
  static RegularisationSteps of(String variant, Batches data) {
    return new RegularisationSteps(variant, trainer(variant, data.x, data.y), data.x.length);
  }

  private static Step trainer(String variant, float[][][] x, int[][] y) {
    Optimizer sgd = Optimizer.sgd(LEARNING_RATE);
    switch (variant) {
      case "plain": {
        Shapes_DeepVectorTrainer t = new Shapes_DeepVectorTrainer(vector(new Shapes_DeepVectorModel(1)), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "batch-norm": {
        Shapes_DeepVectorBatchNormTrainer t =
            new Shapes_DeepVectorBatchNormTrainer(vector(new Shapes_DeepVectorBatchNormModel(1)), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "dropout": {
        Shapes_DeepVectorDropoutTrainer t =
            new Shapes_DeepVectorDropoutTrainer(vector(new Shapes_DeepVectorDropoutModel(1)), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      case "batch-norm+dropout": {
        Shapes_DeepVectorRegularisedTrainer t =
            new Shapes_DeepVectorRegularisedTrainer(vector(new Shapes_DeepVectorRegularisedModel(1)), sgd);
        return k -> t.trainBatch(x[k], y[k]);
      }
      default:
        throw new IllegalArgumentException("no variant " + variant);
    }
  }

  private static <M extends Model> M vector(M model) {
    TrainingSteps.requireVectorPath(model);
    return model;
  }

  /** One step on the next batch, returning its loss; a loss that is not finite fails it. */
  double next() {
    double loss = step.run(next);
    if (!Double.isFinite(loss)) {
      throw new IllegalStateException(variant + " on " + RegularisationBenchmark.SHAPE + ": loss " + loss
          + " at batch " + next);
    }
    next = next + 1 == batches ? 0 : next + 1;
    return loss;
  }
}
