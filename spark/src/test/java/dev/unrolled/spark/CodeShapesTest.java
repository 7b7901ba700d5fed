package dev.unrolled.spark;

import static com.google.common.truth.Truth.assertThat;

import dev.unrolled.Backend;
import dev.unrolled.Dataset;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.fullbatch.FullBatch;
import dev.unrolled.fullbatch.GradientStep;
import dev.unrolled.fullbatch.GradientSum;
import dev.unrolled.fullbatch.Lbfgs;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of generated code trains on Spark to the one-machine bits: a looped DOUBLE layer,
 * FLOAT Vector API tiles, an RBF layer; by seeded mini-batch steps and by L-BFGS.
 */
class CodeShapesTest {
  private static final int PARTITIONS = 3;
  private static final Dataset ROWS = rows(600, 13);
  private static TrainingData data;

  @BeforeAll
  static void distribute() {
    data = TrainingData.of(LocalSpark.context(), ROWS, PARTITIONS);
  }

  @AfterAll
  static void release() {
    data.close();
  }

  @Test
  void theNetworksHaveTheCodeShapesUnderTest() {
    assertThat(new Nets_LoopedModel(0).summary()).contains("looped");
    assertThat(new Nets_TiledModel(0).backend()).isEqualTo(Backend.VECTOR);
    assertThat(new Nets_RadialModel(0).architecture().hasRbf()).isTrue();
  }

  @Test
  void aLoopedDoubleLayerTrainsToTheOneMachineBits() {
    assertSameBits(Nets_LoopedModel::new);
  }

  @Test
  void vectorTilesInFloatTrainToTheOneMachineBits() {
    assertSameBits(Nets_TiledModel::new);
  }

  @Test
  void anRbfLayerTrainsToTheOneMachineBits() {
    assertSameBits(Nets_RadialModel::new);
  }

  private static <M extends Model> void assertSameBits(ModelFactory<M> network) {
    M onSpark = network.create(7);
    M alone = network.create(7);
    SparkTrainer<M> trainer = new SparkTrainer<>(onSpark, network, Optimizer.adam(0.01));
    GradientStep step = new GradientStep(alone, Optimizer.adam(0.01));
    double[] g = new double[alone.parameterCount()];

    double[] losses = trainer.fit(data, 3, 0.5, 21);
    for (int t = 0; t < 3; t++) {
      GradientSum sum = SparkTrainerTest.sampledReference(alone, ROWS, 0.5, 21, t, PARTITIONS);
      assertThat(losses[t]).isEqualTo(sum.meanLoss());
      sum.meanGradient(g);
      step.apply(g);
    }
    assertThat(onSpark.parameters()).isEqualTo(alone.parameters());

    Lbfgs.Options options = Lbfgs.options().maxIterations(5);
    Lbfgs.Result distributed = trainer.fitLbfgs(data, options);
    Lbfgs.Result local = Lbfgs.minimize(FullBatch.of(alone, ROWS, PARTITIONS), alone.parameters(), options);
    assertThat(distributed.x()).isEqualTo(local.x());
    assertThat(distributed.value()).isLessThan(losses[0]); // it learned
  }

  /** Three classes in 40 dimensions, each lifting its own block of features, in a seeded order. */
  private static Dataset rows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][40];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(3);
      for (int k = 0; k < 40; k++) {
        x[i][k] = random.nextGaussian() * 0.5 + (k % 3 == labels[i] ? 0.8 : 0);
      }
    }
    return Dataset.ofLabels(x, labels, 3);
  }
}
