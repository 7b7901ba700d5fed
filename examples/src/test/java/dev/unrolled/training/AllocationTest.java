package dev.unrolled.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.Optimizer;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hot paths allocate nothing: measured in bytes with the JVM's per-thread allocation counter (a
 * count, not a timing), after a warm-up that lets the buffers reach their final size. The JIT may
 * rematerialise a few hundred bytes once while it recompiles, so the bound is "fewer bytes than
 * steps": allocating even one object per step would cost at least 16 bytes a step.
 */
class AllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final int STEPS = 2_000;

  private static long allocatedBy(Runnable work) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    work.run();
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }

  /**
   * Runs {@code steps} until a round allocates nothing, at most 30 rounds: C2 compiles many kernels
   * over several rounds, more of them on a busy machine, and until then Vector API code allocates.
   */
  private static void warmUp(Runnable steps) {
    for (int round = 0; round < 30 && allocatedBy(steps) >= STEPS; round++) {
      // keep warming
    }
  }

  private static int[] labels(Random random, int count, int classes) {
    int[] labels = new int[count];
    for (int s = 0; s < count; s++) {
      labels[s] = random.nextInt(classes);
    }
    return labels;
  }

  private static float[][] rows(Random random, int n, int width) {
    float[][] x = new float[n][width];
    for (float[] row : x) {
      for (int k = 0; k < width; k++) {
        row[k] = (float) random.nextGaussian();
      }
    }
    return x;
  }

  @Test
  void floatTrainingStepsAllocateNothing() {
    Random random = new Random(3);
    float[][] x = rows(random, 32, 2);
    int[] labels = new int[32];
    for (int s = 0; s < labels.length; s++) {
      labels[s] = random.nextInt(2);
    }
    for (Optimizer optimizer : new Optimizer[] {Optimizer.sgd(0.01), Optimizer.nesterov(0.01, 0.9),
        Optimizer.adam(0.001).withWeightDecay(1e-4), Optimizer.adamW(0.001, 0.01), Optimizer.rmsProp(0.001)}) {
      TrainingNetworks_SpiralsTrainer trainer =
          new TrainingNetworks_SpiralsTrainer(new TrainingNetworks_SpiralsModel(1), optimizer);
      Runnable steps = () -> {
        for (int k = 0; k < STEPS; k++) {
          trainer.trainBatch(x, labels);
        }
      };
      steps.run();

      long bytes = allocatedBy(steps);
      assertTrue(bytes < STEPS, bytes + " bytes allocated by " + STEPS + " steps with " + optimizer);
    }
  }

  @Test
  void vectorTilesAllocateNothingOnceCompiled() {
    // Interpreted, every Vector API operation allocates; compiled, escape analysis keeps the
    // vectors in registers. Batches of 13 rows reach the eight-, four- and one-row tiles, which read
    // their operands in place; batches of 19 the packed panels (from VectorKernels.PACK_ROWS = 16 on).
    Random random = new Random(5);
    int outputs = dev.unrolled.parity.VectorNetworks_ReluSoftmaxVectorFloatModel.OUTPUTS;
    float[][] small = rows(random, 13, 37);
    float[][] large = rows(random, 19, 37);
    int[] smallLabels = labels(random, 13, outputs);
    int[] largeLabels = labels(random, 19, outputs);
    var model = new dev.unrolled.parity.VectorNetworks_ReluSoftmaxVectorFloatModel(1);
    var trainer = new dev.unrolled.parity.VectorNetworks_ReluSoftmaxVectorFloatTrainer(model, Optimizer.sgd(0.001));
    Runnable steps = () -> {
      for (int k = 0; k < STEPS; k++) {
        if (k % 2 == 0) {
          trainer.trainBatch(small, smallLabels);
        } else {
          trainer.trainBatch(large, largeLabels);
        }
      }
    };
    warmUp(steps);

    long bytes = allocatedBy(steps);
    assertTrue(bytes < STEPS, bytes + " bytes allocated by " + STEPS + " steps on the " + model.backend() + " path");
  }

  @Test
  void batchLanesAllocateNothingOnceCompiled() {
    // Lanes, tiles and the lane loss: 6-10-12-60-8 with SiLU (exponentials through the Vector API),
    // batches of 13 rows leaving padding lanes.
    Random random = new Random(6);
    float[][] x = rows(random, 13, 6);
    int[] labels = new int[13];
    for (int s = 0; s < labels.length; s++) {
      labels[s] = random.nextInt(8);
    }
    var model = new dev.unrolled.parity.LaneNetworks_SiluSoftmaxLanesFloatModel(1);
    var trainer = new dev.unrolled.parity.LaneNetworks_SiluSoftmaxLanesFloatTrainer(model, Optimizer.sgd(0.001));
    Runnable steps = () -> {
      for (int k = 0; k < STEPS; k++) {
        trainer.trainBatch(x, labels);
      }
    };
    warmUp(steps);

    long bytes = allocatedBy(steps);
    assertTrue(bytes < STEPS, bytes + " bytes allocated by " + STEPS + " steps on the " + model.backend() + " path");
  }

  @Test
  void normalisationAndDropoutAllocateNothingOnceCompiled() {
    // Both norms in every code shape (unrolled, vector tiles or their loops, looped) with dropout on
    // every hidden layer, the running estimates folded every step; and predictions with them.
    Random random = new Random(8);
    float[][] x = rows(random, 13, 6);
    int[] labels = new int[13];
    for (int s = 0; s < labels.length; s++) {
      labels[s] = random.nextInt(4);
    }
    var model = new dev.unrolled.parity.NormNetworks_SiluSoftmaxBatchFirstFloatModel(1);
    var trainer = new dev.unrolled.parity.NormNetworks_SiluSoftmaxBatchFirstFloatTrainer(model, Optimizer.adam(0.001));
    float[] out = new float[4];
    Runnable steps = () -> {
      for (int k = 0; k < STEPS; k++) {
        trainer.trainBatch(x, labels);
        model.predict(x[k % 13], out);
      }
    };
    warmUp(steps);

    long bytes = allocatedBy(steps);
    assertTrue(bytes < STEPS, bytes + " bytes allocated by " + STEPS + " steps on the " + model.backend() + " path");
  }

  @Test
  void batchPredictionsAllocateNothingOnceCompiled() {
    // 130 rows: two full prediction blocks and a short one, through lanes, tiles and the lane loss,
    // and through both norms with dropout (running estimates); float rows, double rows (narrowed
    // into the workspace) and classes.
    Random random = new Random(10);
    float[][] x = rows(random, 130, 6);
    double[][] wide = new double[130][6];
    for (int s = 0; s < 130; s++) {
      for (int k = 0; k < 6; k++) {
        wide[s][k] = x[s][k];
      }
    }
    int[] classes = new int[130];
    var lanes = new dev.unrolled.parity.LaneNetworks_SiluSoftmaxLanesFloatModel(1);
    float[][] laneOut = new float[130][8];
    double[][] laneWide = new double[130][8];
    var norm = new dev.unrolled.parity.NormNetworks_SiluSoftmaxBatchFirstFloatModel(1);
    float[][] normOut = new float[130][4];
    var doubles = new dev.unrolled.parity.LaneNetworks_SiluSoftmaxLanesDoubleModel(1);
    double[][] doubleOut = new double[130][8];
    Runnable steps = () -> {
      for (int k = 0; k < STEPS / 10; k++) {
        lanes.predict(x, laneOut);
        lanes.predict(wide, laneWide);
        lanes.classify(x, classes);
        norm.predict(x, normOut);
        norm.classify(wide, classes);
        doubles.predict(wide, doubleOut);
        doubles.classify(wide, classes);
      }
    };
    warmUp(steps);

    long bytes = allocatedBy(steps);
    assertTrue(bytes < STEPS, bytes + " bytes allocated by " + 7 * STEPS / 10 + " batch predictions on the "
        + lanes.backend() + " path");
  }

  @Test
  void shardedNormalisationAndDropoutAllocateNothing() {
    Random random = new Random(9);
    float[][] x = rows(random, 16, 6);
    int[] labels = new int[16];
    for (int s = 0; s < labels.length; s++) {
      labels[s] = random.nextInt(3);
    }
    var model = new dev.unrolled.norm.NormNetworks_HalfDropoutModel(1);
    try (var trainer = new dev.unrolled.norm.NormNetworks_HalfDropoutTrainer(model, Optimizer.sgd(0.01),
        dev.unrolled.Parallelism.shards(2))) {
      Runnable steps = () -> {
        for (int k = 0; k < STEPS; k++) {
          trainer.trainBatch(x, labels);
        }
      };
      steps.run();

      long bytes = allocatedBy(steps);
      assertTrue(bytes < STEPS, bytes + " bytes allocated by " + STEPS + " sharded steps");
    }
  }

  @Test
  void doubleTrainingStepsAndDatasetBatchesAllocateNothing() {
    Random random = new Random(4);
    double[][] x = new double[50][1];
    double[][] y = new double[50][1];
    int[] order = new int[50];
    for (int s = 0; s < 50; s++) {
      x[s][0] = random.nextDouble();
      y[s][0] = Math.sin(x[s][0]);
      order[s] = 49 - s;
    }
    Dataset data = Dataset.ofTargets(x, y);
    TrainingNetworks_SineTrainer trainer =
        new TrainingNetworks_SineTrainer(new TrainingNetworks_SineModel(1), Optimizer.adam(0.01));
    Runnable steps = () -> {
      for (int k = 0; k < STEPS; k++) {
        trainer.trainBatch(x, y);
        trainer.trainBatch(data, order, 10, 42);
        trainer.evaluateBatch(data, order, 0, 50);
      }
    };
    steps.run();

    long bytes = allocatedBy(steps);
    assertTrue(bytes < 3 * STEPS, bytes + " bytes allocated by " + 3 * STEPS + " steps and evaluations");
  }

  @Test
  void fitAllocatesPerEpochNotPerBatch() {
    Random random = new Random(5);
    float[][] x = rows(random, 512, 2);
    int[] labels = new int[512];
    for (int s = 0; s < labels.length; s++) {
      labels[s] = x[s][0] * x[s][1] > 0 ? 1 : 0;
    }
    Dataset data = Dataset.ofLabels(x, labels, 2);
    TrainingNetworks_SpiralsTrainer trainer =
        new TrainingNetworks_SpiralsTrainer(new TrainingNetworks_SpiralsModel(2), Optimizer.sgd(0.01), 64);
    trainer.fit(data, FitOptions.epochs(3).batchSize(64));
    trainer.fit(data, FitOptions.epochs(3).batchSize(4));

    long fewBatches = allocatedBy(() -> trainer.fit(data, FitOptions.epochs(4).batchSize(64)));
    long manyBatches = allocatedBy(() -> trainer.fit(data, FitOptions.epochs(4).batchSize(4)));

    // 8 batches an epoch against 128: any per-batch allocation would show 120 times over per epoch.
    assertTrue(Math.abs(manyBatches - fewBatches) < 1_024,
        "fit allocated " + fewBatches + " bytes with 32 batches and " + manyBatches + " with 512");
  }
}
