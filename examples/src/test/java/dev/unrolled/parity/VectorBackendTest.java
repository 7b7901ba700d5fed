package dev.unrolled.parity;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unrolled.Backend;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.reference.TestData;
import dev.unrolled.support.VectorSupport;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector backend picks its path when the model class loads: Vector API tiles when the JVM has
 * {@code jdk.incubator.vector}, the plain loops otherwise. Surefire runs this class twice — with
 * {@code --add-modules jdk.incubator.vector} and without — and tells it which through the system
 * property {@code unrolled.test.vectorModule}; {@link GeneratedVsReferenceTest} checks the
 * arithmetic of both runs against the reference.
 */
class VectorBackendTest {
  private static final boolean MODULE_EXPECTED =
      !"absent".equals(System.getProperty("unrolled.test.vectorModule", "present"));

  @Test
  void theJvmHasTheModuleExactlyWhenThisRunSaysSo() {
    assertEquals(MODULE_EXPECTED, ModuleLayer.boot().findModule(VectorSupport.MODULE).isPresent());
  }

  @Test
  void vectorModelsReportTheKernelsThisJvmRuns() {
    for (NetCase c : VectorCases.all()) {
      Model model = c.newModel(1);
      assertEquals(MODULE_EXPECTED ? Backend.VECTOR : Backend.PLAIN, model.backend(), c.name);
      String kernels = model.summary().lines().reduce((first, second) -> second).orElseThrow();
      if (MODULE_EXPECTED) {
        assertThat(kernels).matches("Kernels: Vector API tiles, \\d+-bit (Float|Double)Vector, \\d+ lanes");
      } else {
        assertThat(kernels).isEqualTo(
            "Kernels: plain loops (the JVM was started without --add-modules jdk.incubator.vector)");
      }
      assertThat(model.summary()).contains("dense 2   (m, 50)");
      assertThat(model.summary().lines().filter(line -> line.endsWith("vector tiles 8×2 (else looped)")).count())
          .isEqualTo(2);
      assertThat(model.summary()).contains("looped; backward in vector tiles over the inputs (else looped)");
    }
  }

  @Test
  void laneModelsReportTheKernelsThisJvmRuns() {
    for (NetCase c : LaneCases.all()) {
      Model model = c.newModel(1);
      assertEquals(MODULE_EXPECTED ? Backend.VECTOR : Backend.PLAIN, model.backend(), c.name);
      String kernels = model.summary().lines().reduce((first, second) -> second).orElseThrow();
      if (MODULE_EXPECTED) {
        assertThat(kernels).matches("Kernels: Vector API tiles, \\d+-bit (Float|Double)Vector, \\d+ lanes");
      } else {
        assertThat(kernels).startsWith("Kernels: plain loops");
      }
      assertThat(model.summary()).contains("dense 1   (m, 10)");
      assertThat(model.summary().lines().filter(line -> line.endsWith("batch lanes (else looped)")).count())
          .isEqualTo(3);
    }
  }

  @Test
  void forcedLaneModelsKeepEveryLayerInLanes() {
    for (NetCase c : ForcedLaneCases.all()) {
      Model model = c.newModel(1);
      assertEquals(MODULE_EXPECTED ? Backend.VECTOR : Backend.PLAIN, model.backend(), c.name);
      assertThat(model.summary().lines().filter(line -> line.endsWith("batch lanes (else looped)")).count())
          .isEqualTo(c.sizes.length - 1);
    }
  }

  @Test
  void laneAndPlainTrainingAgreeInDouble() {
    var lanes = new LaneNetworks_TanhSoftmaxLanesDoubleTrainer(
        new LaneNetworks_TanhSoftmaxLanesDoubleModel(5), Optimizer.sgd(0.1));
    var plain = new LaneNetworks_TanhSoftmaxPlainDoubleTrainer(
        new LaneNetworks_TanhSoftmaxPlainDoubleModel(5), Optimizer.sgd(0.1));
    double[] lossesLanes = new double[8];
    double[] lossesPlain = new double[8];
    trainSmall(lanes::trainBatch, lossesLanes);
    trainSmall(plain::trainBatch, lossesPlain);
    // Lane sums add the batch in another order than the unrolled kernels: equal up to rounding.
    assertThat(TestData.relativeError(lanes.model().parameters(), plain.model().parameters())).isLessThan(1e-12);
    assertThat(TestData.relativeError(lossesLanes, lossesPlain)).isLessThan(1e-12);
    assertThat(lossesLanes[7]).isLessThan(lossesLanes[0]);
  }

  @Test
  void laneAndPlainTrainingAgreeInFloat() {
    var lanes = new LaneNetworks_TanhSoftmaxLanesFloatTrainer(
        new LaneNetworks_TanhSoftmaxLanesFloatModel(5), Optimizer.sgd(0.1));
    var plain = new LaneNetworks_TanhSoftmaxPlainFloatTrainer(
        new LaneNetworks_TanhSoftmaxPlainFloatModel(5), Optimizer.sgd(0.1));
    double[] lossesLanes = new double[8];
    double[] lossesPlain = new double[8];
    trainSmall(lanes::trainBatch, lossesLanes);
    trainSmall(plain::trainBatch, lossesPlain);
    assertThat(TestData.relativeError(lanes.model().parameters(), plain.model().parameters())).isLessThan(1e-4);
    assertThat(TestData.relativeError(lossesLanes, lossesPlain)).isLessThan(1e-4);
    assertThat(lossesLanes[7]).isLessThan(lossesLanes[0]);
  }

  /** Eight SGD steps of 6-…-8 networks on seeded batches of 13 rows (padding lanes in every vector). */
  private static void trainSmall(Step step, double[] losses) {
    Random random = new Random(12);
    for (int k = 0; k < losses.length; k++) {
      double[][] x = new double[13][6];
      double[][] y = new double[13][8];
      for (int s = 0; s < 13; s++) {
        for (int i = 0; i < 6; i++) {
          x[s][i] = random.nextGaussian();
        }
        y[s][(x[s][0] > 0 ? 4 : 0) + (x[s][1] > 0 ? 2 : 0) + (x[s][2] > 0 ? 1 : 0)] = 1;
      }
      losses[k] = step.trainBatch(x, y);
    }
  }

  @Test
  void plainModelsAlwaysRunPlainLoops() {
    Model model = new VectorNetworks_ReluSoftmaxPlainDoubleModel(1);
    assertEquals(Backend.PLAIN, model.backend());
    assertThat(model.summary()).doesNotContain("Kernels:");
    assertThat(model.summary()).doesNotContain("vector");
  }

  @Test
  void vectorAndPlainTrainingAgreeInDouble() {
    var vector = new VectorNetworks_ReluSoftmaxVectorDoubleTrainer(
        new VectorNetworks_ReluSoftmaxVectorDoubleModel(5), Optimizer.sgd(0.1));
    var plain = new VectorNetworks_ReluSoftmaxPlainDoubleTrainer(
        new VectorNetworks_ReluSoftmaxPlainDoubleModel(5), Optimizer.sgd(0.1));
    double[] lossesVector = new double[8];
    double[] lossesPlain = new double[8];
    train(vector::trainBatch, lossesVector);
    train(plain::trainBatch, lossesPlain);
    double[] a = vector.model().parameters();
    double[] b = plain.model().parameters();
    // Fused multiply-adds round once where the loops round twice: equal up to summation rounding.
    assertThat(TestData.relativeError(a, b)).isLessThan(1e-12);
    assertThat(TestData.relativeError(lossesVector, lossesPlain)).isLessThan(1e-12);
    assertThat(lossesVector[7]).isLessThan(lossesVector[0]);
  }

  @Test
  void vectorAndPlainTrainingAgreeInFloat() {
    var vector = new VectorNetworks_ReluSoftmaxVectorFloatTrainer(
        new VectorNetworks_ReluSoftmaxVectorFloatModel(5), Optimizer.sgd(0.1));
    var plain = new VectorNetworks_ReluSoftmaxPlainFloatTrainer(
        new VectorNetworks_ReluSoftmaxPlainFloatModel(5), Optimizer.sgd(0.1));
    double[] lossesVector = new double[8];
    double[] lossesPlain = new double[8];
    train(vector::trainBatch, lossesVector);
    train(plain::trainBatch, lossesPlain);
    assertThat(TestData.relativeError(vector.model().parameters(), plain.model().parameters())).isLessThan(1e-4);
    assertThat(TestData.relativeError(lossesVector, lossesPlain)).isLessThan(1e-4);
    assertThat(lossesVector[7]).isLessThan(lossesVector[0]);
  }

  private interface Step {
    double trainBatch(double[][] inputs, double[][] targets);
  }

  /** Eight SGD steps on seeded batches of 13 rows (three tiles of four rows and one single row). */
  private static void train(Step step, double[] losses) {
    Random random = new Random(11);
    int outputs = VectorNetworks_ReluSoftmaxVectorDoubleModel.OUTPUTS;
    double[][] teacher = new double[outputs][37];
    for (double[] row : teacher) {
      for (int i = 0; i < row.length; i++) {
        row[i] = random.nextGaussian();
      }
    }
    for (int k = 0; k < losses.length; k++) {
      double[][] x = new double[13][37];
      double[][] y = new double[13][outputs];
      for (int s = 0; s < 13; s++) {
        for (int i = 0; i < 37; i++) {
          x[s][i] = random.nextDouble();
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < outputs; j++) {
          double score = 0;
          for (int i = 0; i < 37; i++) {
            score += teacher[j][i] * x[s][i];
          }
          if (score > bestScore) {
            bestScore = score;
            best = j;
          }
        }
        y[s][best] = 1;
      }
      losses[k] = step.trainBatch(x, y);
    }
  }
}
