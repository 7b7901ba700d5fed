package dev.unrolled.support;

import static com.google.common.truth.Truth.assertThat;

import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
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

  /**
   * Float parameter rows of uneven lengths pulled towards per-sample targets: shard k's gradient
   * row r is {@code (1/mₖ) Σₛ (p − tₛ)·(1 + r/8)} over its samples s, element by element.
   */
  private static final class Pull implements ShardedStep.Work {
    /** 29 rows: more than the 4 to 12 chunks of 1 to 3 threads, and divisible by none of those counts. */
    static final int[] LENGTHS = new int[29];

    static {
      for (int r = 0; r < LENGTHS.length; r++) {
        LENGTHS[r] = r * 37 % 131 + 1;
      }
    }

    final float[][] params = new float[LENGTHS.length][];
    final float[][][] gradients;
    final float[] targets;

    Pull(int shards, int m) {
      Random random = new Random(6);
      gradients = new float[shards][LENGTHS.length][];
      for (int r = 0; r < LENGTHS.length; r++) {
        params[r] = new float[LENGTHS[r]];
        for (int j = 0; j < LENGTHS[r]; j++) {
          params[r][j] = (float) random.nextGaussian();
        }
        for (int k = 0; k < shards; k++) {
          gradients[k][r] = new float[LENGTHS[r]];
        }
      }
      targets = new float[m];
      for (int s = 0; s < m; s++) {
        targets[s] = (float) random.nextGaussian();
      }
    }

    @Override
    public double run(int shard, int from, int rows, boolean training) {
      double loss = 0;
      for (int r = 0; r < LENGTHS.length; r++) {
        float[] p = params[r];
        float[] g = gradients[shard][r];
        Arrays.fill(g, 0f);
        for (int s = from; s < from + rows; s++) {
          for (int j = 0; j < p.length; j++) {
            float e = p[j] - targets[s];
            g[j] += e * (1 + r / 8f) / rows;
            loss += e * e / 2 / rows;
          }
        }
      }
      return loss;
    }

    @Override
    public int correct(int shard) {
      return 0;
    }
  }

  private static final List<Supplier<Optimizer>> OPTIMIZERS = List.of(
      () -> Optimizer.sgd(0.05),
      () -> Optimizer.momentum(0.05, 0.9),
      () -> Optimizer.adam(1e-2).withWeightDecay(1e-3));

  /** Parameters after a few steps of 3 shards of batches that 3 does not divide, as raw bits. */
  private static int[] train(Supplier<Optimizer> optimizer, int threads, boolean fused) {
    int m = 32;
    Pull work = new Pull(3, m);
    boolean[] decayed = new boolean[Pull.LENGTHS.length];
    for (int r = 0; r < decayed.length; r++) {
      decayed[r] = r % 3 != 1;
    }
    GuardedUpdate update = new GuardedUpdate(optimizer.get().bind(work.params, work.gradients[0], decayed),
        work.params);
    Parallelism parallelism = Parallelism.shards(3).threads(threads);
    ShardedStep step = fused ? new ShardedStep(parallelism, work, work.gradients, update)
        : new ShardedStep(parallelism, work, work.gradients);
    try {
      for (int batch : new int[] {32, 31, 2, 32, 17}) {
        assertThat(step.train(batch)).isFinite();
        if (!fused) {
          update.step();
        }
      }
    } finally {
      step.close();
    }
    int[] bits = new int[0];
    for (float[] row : work.params) {
      int at = bits.length;
      bits = Arrays.copyOf(bits, at + row.length);
      for (int j = 0; j < row.length; j++) {
        bits[at + j] = Float.floatToRawIntBits(row[j]);
      }
    }
    return bits;
  }

  /**
   * The update taken by rows on the threads, fused with the shard sum, gives the bits of the sum
   * followed by the whole update on the calling thread, for 1, 2 and 3 threads.
   */
  @Test
  void theUpdateSplitByRowsOverTheThreadsKeepsEveryBit() {
    for (Supplier<Optimizer> optimizer : OPTIMIZERS) {
      int[] expected = train(optimizer, 1, false);
      for (int threads = 1; threads <= 3; threads++) {
        assertThat(train(optimizer, threads, true)).isEqualTo(expected);
      }
    }
  }

  /** A non-finite loss leaves the parameters alone: neither the sum nor the update runs. */
  @Test
  void aNonFiniteLossTakesNoFusedStep() {
    Pull work = new Pull(2, 4);
    work.targets[3] = Float.NaN;
    float[] before = work.params[1].clone();
    GuardedUpdate update = new GuardedUpdate(Optimizer.sgd(0.1).bind(work.params, work.gradients[0],
        new boolean[Pull.LENGTHS.length]), work.params);
    ShardedStep step = new ShardedStep(Parallelism.shards(2).threads(2), work, work.gradients, update);
    try {
      assertThat(step.train(4)).isNaN();
    } finally {
      step.close();
    }
    assertThat(work.params[1]).isEqualTo(before);
  }
}
