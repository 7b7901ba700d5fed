package dev.unrolled.rbf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unrolled.Dataset;
import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import dev.unrolled.examples.Surface;
import dev.unrolled.examples.Surface_Dense20Model;
import dev.unrolled.examples.Surface_RadialModel;
import dev.unrolled.files.ModelFile;
import dev.unrolled.files.ModelFileException;
import dev.unrolled.fullbatch.FullBatch;
import dev.unrolled.fullbatch.GradientStep;
import dev.unrolled.reference.TestData;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RBF networks in use: k-means++ placement, model files, data-parallel and allocation-free training,
 * and the Surface example's result.
 */
class RbfTrainingTest {
  @TempDir Path dir;

  /** Tight blobs (σ = 0.05) around known centres, rows interleaved. */
  private static double[][] blobs(int perBlob, double[][] centres, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[perBlob * centres.length][];
    for (int r = 0; r < rows.length; r++) {
      double[] centre = centres[r % centres.length];
      rows[r] = new double[] {centre[0] + 0.05 * random.nextGaussian(), centre[1] + 0.05 * random.nextGaussian()};
    }
    return rows;
  }

  @Test
  void kMeansPlacesOneCentrePerClusterAndWidthsFromTheirSpacing() {
    // Surface's 20 units on 20 tight blobs, a 5 × 4 grid of spacing 0.5.
    double[][] centres = new double[20][];
    for (int k = 0; k < 20; k++) {
      centres[k] = new double[] {-1 + 0.5 * (k % 5), -0.75 + 0.5 * (k / 5)};
    }
    double[][] rows = blobs(30, centres, 1);
    Surface_RadialModel model = new Surface_RadialModel(3);
    double[] before = model.parameters();

    RbfCentres.Placement placed = RbfCentres.fromData(model, rows, 11);

    assertTrue(placed.converged(), "k-means did not converge in " + placed.iterations() + " iterations");
    double[] p = model.parameters();
    for (double[] centre : centres) {
      double nearest = Double.POSITIVE_INFINITY;
      for (int j = 0; j < 20; j++) {
        nearest = Math.min(nearest, Math.hypot(p[2 * j] - centre[0], p[2 * j + 1] - centre[1]));
      }
      assertTrue(nearest < 0.03, "no centre within 0.03 of " + Arrays.toString(centre) + ": " + nearest);
    }
    // Nearest-centre spacing 0.5 everywhere: σ ≈ 0.5, and s = −log(2σ²) for every unit.
    assertEquals(0.5, placed.width(), 0.02);
    for (int j = 0; j < 20; j++) {
      assertEquals((float) -Math.log(2 * placed.width() * placed.width()), p[40 + j], 1e-6, "s[" + j + "]");
    }
    assertTrue(placed.meanSquaredDistance() < 2 * 0.05 * 0.05 * 1.3, "inertia " + placed.meanSquaredDistance());
    assertArrayEquals(Arrays.copyOfRange(before, 60, 81), Arrays.copyOfRange(p, 60, 81), 0,
        "the dense layer changed");
  }

  @Test
  void kMeansIsDeterministicForASeedAndDependsOnIt() {
    double[][] rows = featureRows(Surface.grid(9));
    Surface_RadialModel a = new Surface_RadialModel(1);
    Surface_RadialModel b = new Surface_RadialModel(1);
    Surface_RadialModel c = new Surface_RadialModel(1);
    RbfCentres.fromData(a, rows, 5);
    RbfCentres.fromData(b, rows, 5);
    RbfCentres.fromData(c, rows, 6);
    assertArrayEquals(a.parameters(), b.parameters(), 0);
    assertTrue(!Arrays.equals(a.parameters(), c.parameters()), "seeds 5 and 6 placed the same centres");
  }

  @Test
  void kMeansFromADatasetEqualsKMeansFromItsRows() {
    Dataset grid = Surface.grid(11);
    Surface_RadialModel fromDataset = new Surface_RadialModel(1);
    Surface_RadialModel fromRows = new Surface_RadialModel(1);
    RbfCentres.fromData(fromDataset, grid, 3);
    RbfCentres.fromData(fromRows, featureRows(grid), 3);
    assertArrayEquals(fromRows.parameters(), fromDataset.parameters(), 0);
  }

  @Test
  void kMeansRejectsWhatItCannotUse() {
    Surface_RadialModel rbf = new Surface_RadialModel(1);
    IllegalArgumentException noRbf = assertThrows(IllegalArgumentException.class,
        () -> RbfCentres.fromData(new Surface_Dense20Model(1), new double[][] {{0, 0}}, 1));
    assertTrue(noRbf.getMessage().contains("has no RBF layer; declare one with rbf = @Rbf(units = …)"),
        noRbf.getMessage());

    IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
        () -> RbfCentres.fromData(rbf, new double[][] {{0, 0, 0}}, 1));
    assertEquals("the features have 3 columns but the model has 2 inputs", width.getMessage());

    double[][] fewDistinct = new double[50][];
    for (int r = 0; r < fewDistinct.length; r++) {
      fewDistinct[r] = new double[] {r % 7, 0};
    }
    double[] before = rbf.parameters();
    IllegalArgumentException distinct = assertThrows(IllegalArgumentException.class,
        () -> RbfCentres.fromData(rbf, fewDistinct, 1));
    assertTrue(distinct.getMessage().startsWith("the data has only 7 distinct rows but the RBF layer has 20 units"),
        distinct.getMessage());
    assertArrayEquals(before, rbf.parameters(), 0, "a failed placement changed the model");

    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> RbfCentres.fromData(rbf, new double[][] {{0, Double.NaN}}, 1));
    assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RbfCentres.fromData(rbf, Surface.grid(5), 1, -1));
  }

  @Test
  void anRbfModelFileRoundTripsAndIsRefusedByADenseModelOfTheSameSize() throws IOException {
    Surface_RadialModel model = new Surface_RadialModel(4);
    RbfCentres.fromData(model, Surface.grid(7), 2);
    Path file = dir.resolve("surface.unrl");
    model.save(file);

    assertEquals(2, ByteBuffer.wrap(Files.readAllBytes(file)).getInt(4), "format version");
    assertEquals(model.architecture(), ModelFile.readArchitecture(file));
    Surface_RadialModel copy = new Surface_RadialModel(99);
    copy.load(file);
    assertArrayEquals(model.parameters(), copy.parameters(), 0);

    Surface_Dense20Model dense = new Surface_Dense20Model(1); // also 81 parameters
    assertEquals(model.parameterCount(), dense.parameterCount());
    double[] denseBefore = dense.parameters();
    ModelFileException e = assertThrows(ModelFileException.class, () -> dense.load(file));
    assertTrue(e.getMessage().contains("2 → 20 RBF → 1 IDENTITY"), e.getMessage());
    assertArrayEquals(denseBefore, dense.parameters(), 0);

    Path denseFile = dir.resolve("dense.unrl");
    dense.save(denseFile);
    assertEquals(1, ByteBuffer.wrap(Files.readAllBytes(denseFile)).getInt(4), "a dense model's format");
    assertThrows(ModelFileException.class, () -> copy.load(denseFile));
  }

  @Test
  void aNonFiniteCentreIsNamedWhenSaving() {
    Surface_RadialModel model = new Surface_RadialModel(1);
    double[] p = model.parameters();
    p[2 * 3 + 1] = Double.NaN;
    model.setParameters(p);
    ModelFileException e = assertThrows(ModelFileException.class, () -> model.save(dir.resolve("bad.unrl")));
    assertTrue(e.getMessage().contains("layer 1 RBF centre C[3][1]"), e.getMessage());
  }

  /** Sharded training sums shard gradients in a fixed order: the same bits on 1 or 3 threads. */
  @Test
  void dataParallelTrainingIsBitIdenticalOnAnyNumberOfThreads() {
    Random random = new Random(8);
    double[][] x = TestData.uniformInputs(random, 37, 24);
    double[][] y = TestData.targets(random, dev.unrolled.Loss.MEAN_SQUARED_ERROR, 37, 3, false);
    double[][] results = new double[3][];
    int[] threads = {1, 3};
    for (int t = 0; t < threads.length; t++) {
      RbfNetworks_LoopedMseDoubleModel model = new RbfNetworks_LoopedMseDoubleModel(2);
      try (RbfNetworks_LoopedMseDoubleTrainer trainer = new RbfNetworks_LoopedMseDoubleTrainer(model,
          Optimizer.adam(0.01), Parallelism.shards(3).threads(threads[t]))) {
        for (int step = 0; step < 3; step++) {
          trainer.trainBatch(x, y);
        }
      }
      results[t] = model.parameters();
    }
    RbfNetworks_LoopedMseDoubleModel single = new RbfNetworks_LoopedMseDoubleModel(2);
    RbfNetworks_LoopedMseDoubleTrainer trainer = new RbfNetworks_LoopedMseDoubleTrainer(single, Optimizer.adam(0.01));
    for (int step = 0; step < 3; step++) {
      trainer.trainBatch(x, y);
    }
    results[2] = single.parameters();

    assertArrayEquals(results[0], results[1], 0, "1 and 3 threads differ");
    assertTrue(TestData.relativeError(results[0], results[2]) < 1e-12, "sharded and single-workspace training differ");
  }

  /**
   * The flat-vector update used for gradients summed elsewhere (Spark, {@code FullBatch}) knows the
   * RBF layer: with weight decay it steps a FLOAT model to the trainer's bits.
   */
  @Test
  void gradientStepUpdatesAnRbfModelExactlyAsItsTrainer() {
    Dataset grid = Surface.grid(9); // 81 rows: one chunk, so the full-batch gradient is the trainer's
    int[] all = new int[grid.size()];
    for (int r = 0; r < all.length; r++) {
      all[r] = r;
    }
    for (Optimizer optimizer : new Optimizer[] {Optimizer.momentum(0.1, 0.9).withWeightDecay(0.05),
        Optimizer.adamW(0.01, 0.1)}) {
      Surface_RadialModel viaStep = new Surface_RadialModel(5);
      Surface_RadialModel viaTrainer = new Surface_RadialModel(5);
      GradientStep step = new GradientStep(viaStep, optimizer);
      var trainer = new dev.unrolled.examples.Surface_RadialTrainer(viaTrainer, optimizer, grid.size());
      double[] g = new double[viaStep.parameterCount()];
      for (int i = 0; i < 3; i++) {
        FullBatch.of(viaStep, grid).evaluate(viaStep.parameters(), g);
        step.apply(g);
        trainer.trainBatch(grid, all, 0, all.length);
      }
      assertArrayEquals(viaTrainer.parameters(), viaStep.parameters(), 0, optimizer.toString());
    }
  }

  @Test
  void rbfTrainingStepsAllocateNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Random random = new Random(9);
    float[][] x = TestData.toFloat(TestData.uniformInputs(random, 16, 24));
    float[][] y = TestData.toFloat(TestData.targets(random, dev.unrolled.Loss.MEAN_SQUARED_ERROR, 16, 3, false));
    float[][] x2 = TestData.toFloat(TestData.uniformInputs(random, 16, 2));
    float[][] y2 = TestData.toFloat(TestData.targets(random, dev.unrolled.Loss.MEAN_SQUARED_ERROR, 16, 1, false));
    RbfNetworks_LoopedMseFloatTrainer looped =
        new RbfNetworks_LoopedMseFloatTrainer(new RbfNetworks_LoopedMseFloatModel(1), Optimizer.adam(0.001));
    RbfNetworks_DirectFloatTrainer unrolled =
        new RbfNetworks_DirectFloatTrainer(new RbfNetworks_DirectFloatModel(1), Optimizer.adam(0.001));
    int steps = 2_000;
    Runnable work = () -> {
      for (int k = 0; k < steps; k++) {
        looped.trainBatch(x, y);
        unrolled.trainBatch(x2, y2);
      }
    };
    work.run();
    long before = threads.getCurrentThreadAllocatedBytes();
    work.run();
    long bytes = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(bytes < steps, bytes + " bytes allocated by " + steps + " steps of each network");
  }

  /** The example's claim, as numbers: the RBF network fits the surface far better than the dense one. */
  @Test
  void theSurfaceExampleFitsBetterWithRbfUnits() {
    var results = Surface.compare(dev.unrolled.FitOptions.epochs(150).batchSize(16).shuffleSeed(1));
    assertEquals(3, results.size());
    double twoStage = results.get(0).testError();
    double seeded = results.get(1).testError();
    double dense = results.get(2).testError();
    assertTrue(twoStage < 5e-3 && seeded < 5e-3, "RBF test errors " + twoStage + ", " + seeded);
    assertTrue(twoStage < dense / 3 && seeded < dense / 3, "RBF " + twoStage + "/" + seeded + " vs dense " + dense);
  }

  private static double[][] featureRows(Dataset data) {
    double[][] rows = new double[data.size()][];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = data.featureRow(r);
    }
    return rows;
  }
}
