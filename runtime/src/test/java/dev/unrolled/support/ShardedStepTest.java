package dev.unrolled.support;

import static com.google.common.truth.Truth.assertThat;

import dev.unrolled.Parallelism;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shard bookkeeping: bounds that depend on the batch size and shard count only, a gradient sum
 * in one fixed order, and a result that is the same bits on any number of threads.
 */
class ShardedStepTest {

  @Test
  void shardsAreContiguousNearlyEqualAndTheEmptyOnesComeLast() {
    for (int shards = 1; shards <= 9; shards++) {
      int[] bounds = new int[shards + 1];
      for (int m = 1; m <= 100; m++) {
        ShardedStep.cut(m, shards, bounds);
        assertThat(bounds[0]).isEqualTo(0);
        assertThat(bounds[shards]).isEqualTo(m);
        for (int k = 0; k < shards; k++) {
          int size = bounds[k + 1] - bounds[k];
          assertThat(size).isAnyOf(m / shards, m / shards + 1);
          assertThat(size > 0).isEqualTo(k < Math.min(m, shards));
          if (k > 0) {
            assertThat(size).isAtMost(bounds[k] - bounds[k - 1]);
          }
        }
      }
    }
  }

  @Test
  void gradientRowsAreSplitIntoBalancedChunksThatCoverThemAll() {
    int[] lengths = new int[914];
    java.util.Arrays.fill(lengths, 128);
    lengths[784] = 128;
    lengths[913] = 10;
    for (int parts : new int[] {1, 2, 3, 8, 1000}) {
      int[] chunks = ShardedStep.chunks(lengths, parts);
      assertThat(chunks[0]).isEqualTo(0);
      assertThat(chunks[chunks.length - 1]).isEqualTo(lengths.length);
      assertThat(chunks.length - 1).isAtMost(Math.min(parts, lengths.length));
      for (int c = 1; c < chunks.length; c++) {
        assertThat(chunks[c]).isAtLeast(chunks[c - 1]);
        assertThat(chunks[c] - chunks[c - 1]).isAtMost(lengths.length / (chunks.length - 1) + 1);
      }
    }
    assertThat(ShardedStep.chunks(new int[] {5}, 4)).isEqualTo(new int[] {0, 1});
  }

  /** {@code g₀ ← w₀g₀ + w₁g₁ + w₂g₂ + …}, left to right, each product rounded: the same bits. */
  @Test
  void theSumAddsTheWeightedShardsInShardOrder() {
    Random random = new Random(1);
    for (int used = 2; used <= 5; used++) {
      float[][][] floats = new float[6][3][];
      double[][][] doubles = new double[6][3][];
      float[] fw = new float[6];
      double[] dw = new double[6];
      for (int k = 0; k < 6; k++) {
        fw[k] = random.nextFloat();
        dw[k] = random.nextDouble();
        for (int r = 0; r < 3; r++) {
          floats[k][r] = new float[7];
          doubles[k][r] = new double[7];
          for (int j = 0; j < 7; j++) {
            floats[k][r][j] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
            doubles[k][r][j] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
          }
        }
      }
      float[][] expectedFloats = new float[3][7];
      double[][] expectedDoubles = new double[3][7];
      for (int r = 0; r < 3; r++) {
        for (int j = 0; j < 7; j++) {
          float f = fw[0] * floats[0][r][j];
          double d = dw[0] * doubles[0][r][j];
          for (int k = 1; k < used; k++) {
            f = f + fw[k] * floats[k][r][j];
            d = d + dw[k] * doubles[k][r][j];
          }
          expectedFloats[r][j] = f;
          expectedDoubles[r][j] = d;
        }
      }

      ShardedStep.sum(floats, fw, used, 0, 2);
      ShardedStep.sum(floats, fw, used, 2, 3);
      ShardedStep.sum(doubles, dw, used, 0, 3);

      assertThat(floats[0]).isEqualTo(expectedFloats);
      assertThat(doubles[0]).isEqualTo(expectedDoubles);
    }
  }

  /**
   * A least-squares fit of one weight, {@code L = (1/2m) Σ (w·x − y)²}, as a generated trainer would
   * shard it: the batch's loss and gradient come out right, and the same bits on 1 to 4 threads.
   */
  private static final class LeastSquares implements ShardedStep.Work {
    final double[] x;
    final double[] y;
    final double w;
    final double[][][] gradients;

    LeastSquares(int shards, double[] x, double[] y, double w) {
      this.x = x;
      this.y = y;
      this.w = w;
      this.gradients = new double[shards][1][1];
    }

    @Override
    public double run(int shard, int from, int rows, boolean training) {
      double loss = 0;
      double gradient = 0;
      for (int s = from; s < from + rows; s++) {
        double error = w * x[s] - y[s];
        loss += error * error / 2;
        gradient += error * x[s];
      }
      if (training) {
        gradients[shard][0][0] = gradient / rows;
      }
      return loss / rows;
    }

    @Override
    public int correct(int shard) {
      return shard;
    }
  }

  @Test
  void theShardedLossAndGradientAreTheBatchsOnAnyThreadCount() {
    Random random = new Random(2);
    int m = 37;
    double[] x = new double[m];
    double[] y = new double[m];
    double loss = 0;
    double gradient = 0;
    for (int s = 0; s < m; s++) {
      x[s] = random.nextGaussian();
      y[s] = random.nextGaussian();
      loss += (0.7 * x[s] - y[s]) * (0.7 * x[s] - y[s]) / 2 / m;
      gradient += (0.7 * x[s] - y[s]) * x[s] / m;
    }
    long lossBits = 0;
    long gradientBits = 0;
    for (int threads = 1; threads <= 4; threads++) {
      LeastSquares work = new LeastSquares(4, x, y, 0.7);
      ShardedStep step = new ShardedStep(Parallelism.shards(4).threads(threads), work, work.gradients);
      try {
        double batchLoss = step.train(m);
        assertThat(batchLoss).isWithin(1e-14).of(loss);
        assertThat(work.gradients[0][0][0]).isWithin(1e-14).of(gradient);
        assertThat(step.correct()).isEqualTo(0 + 1 + 2 + 3);
        assertThat(step.evaluate(m)).isEqualTo(batchLoss);
        if (threads == 1) {
          lossBits = Double.doubleToRawLongBits(batchLoss);
          gradientBits = Double.doubleToRawLongBits(work.gradients[0][0][0]);
        }
        assertThat(Double.doubleToRawLongBits(batchLoss)).isEqualTo(lossBits);
        assertThat(Double.doubleToRawLongBits(work.gradients[0][0][0])).isEqualTo(gradientBits);
      } finally {
        step.close();
      }
    }
  }

  @Test
  void aNonFiniteLossSumsNoGradient() {
    double[] x = {1, 2, 3, 4};
    double[] y = {0, 0, Double.NaN, 0};
    LeastSquares work = new LeastSquares(2, x, y, 1);
    ShardedStep step = new ShardedStep(Parallelism.shards(2).threads(1), work, work.gradients);

    assertThat(step.train(4)).isNaN();
    // Shard 0 (rows 0 and 1) keeps its own gradient (1·1 + 2·2)/2; a sum with shard 1's would be NaN.
    assertThat(work.gradients[0][0][0]).isEqualTo(2.5);
    assertThat(work.gradients[1][0][0]).isNaN();
    step.close();
  }
}
