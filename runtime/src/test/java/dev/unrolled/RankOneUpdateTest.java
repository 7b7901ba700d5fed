package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.support.RankOneUpdate;
import dev.unrolled.support.RowSplitUpdate;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A run of rows whose gradient is the rank-one product {@code a ⊗ d} (a layer's weight gradient on
 * one sample), folded into the step without gradient rows, gives the bits of filling those rows
 * with {@code 0 + a[i]·d[k]} (as the gradient kernels sum from zero) and taking the step as usual,
 * and leaves in {@code before} the rows as they were ahead of the step:
 * for plain SGD, which forms each element as it updates it, and for momentum and Nesterov, which
 * fill a row and then update it; with and without weight decay, on runs that do not start at row 0.
 */
class RankOneUpdateTest {
  private static final int ROWS = 9;
  private static final int WIDTH = 37; // not a multiple of any vector width
  private static final boolean[] DECAYED = {true, false, true, true, false, true, true, false, true};

  private static List<Supplier<Optimizer>> optimizers() {
    return List.of(
        () -> Optimizer.sgd(0.05),
        () -> Optimizer.sgd(0.1).withWeightDecay(0.01),
        () -> Optimizer.momentum(0.05, 0.9),
        () -> Optimizer.nesterov(0.05, 0.9).withWeightDecay(1e-2).withSchedule(LearningRateSchedule.cosine(10, 0.1)));
  }

  @Test
  void floatRunsMatchFilledGradientRows() {
    for (Supplier<Optimizer> optimizer : optimizers()) {
      Random random = new Random(5);
      float[][] filledParams = new float[ROWS][WIDTH];
      fill(filledParams, random);
      float[][] foldedParams = copy(filledParams);
      float[][] filledGrads = new float[ROWS][WIDTH];
      float[][] foldedGrads = new float[ROWS][WIDTH];
      RowSplitUpdate filled = (RowSplitUpdate) optimizer.get().bind(filledParams, filledGrads, DECAYED);
      RankOneUpdate folded = (RankOneUpdate) optimizer.get().bind(foldedParams, foldedGrads, DECAYED);
      for (int step = 0; step < 5; step++) {
        float[][] a = new float[1][ROWS - 2];
        float[][] d = new float[1][WIDTH];
        fill(a, random);
        fill(d, random);
        a[0][3] = 0f; // an input that is zero: its row's gradient is ±0
        fill(filledGrads, random); // rows 0 and 1: an ordinary gradient in both
        for (int r = 0; r < 2; r++) {
          System.arraycopy(filledGrads[r], 0, foldedGrads[r], 0, WIDTH);
        }
        for (int r = 2; r < ROWS; r++) {
          for (int k = 0; k < WIDTH; k++) {
            filledGrads[r][k] = 0f + a[0][r - 2] * d[0][k];
          }
        }

        float[][] ahead = copy(foldedParams);
        float[][] before = new float[ROWS][WIDTH];

        filled.begin();
        filled.update(0, ROWS);
        filled.end();
        folded.begin();
        folded.update(0, 2);
        folded.updateRankOne(2, ROWS, a[0], d[0], before);
        folded.end();

        for (int r = 0; r < ROWS; r++) {
          assertThat(bits(foldedParams[r])).isEqualTo(bits(filledParams[r]));
        }
        for (int r = 2; r < ROWS; r++) {
          assertThat(bits(before[r])).isEqualTo(bits(ahead[r]));
        }
        assertThat(before[0]).isEqualTo(new float[WIDTH]); // rows outside the run: not copied
      }
    }
  }

  @Test
  void doubleRunsMatchFilledGradientRows() {
    for (Supplier<Optimizer> optimizer : optimizers()) {
      Random random = new Random(6);
      double[][] filledParams = doubles(random, ROWS, WIDTH);
      double[][] foldedParams = new double[ROWS][];
      for (int r = 0; r < ROWS; r++) {
        foldedParams[r] = filledParams[r].clone();
      }
      double[][] filledGrads = new double[ROWS][WIDTH];
      double[][] foldedGrads = new double[ROWS][WIDTH];
      RowSplitUpdate filled = (RowSplitUpdate) optimizer.get().bind(filledParams, filledGrads, DECAYED);
      RankOneUpdate folded = (RankOneUpdate) optimizer.get().bind(foldedParams, foldedGrads, DECAYED);
      for (int step = 0; step < 5; step++) {
        double[] a = random.doubles(ROWS - 3, -2, 2).toArray();
        double[] d = random.doubles(WIDTH, -1, 1).toArray();
        for (int r = 0; r < 3; r++) {
          filledGrads[r] = random.doubles(WIDTH, -1, 1).toArray();
          System.arraycopy(filledGrads[r], 0, foldedGrads[r], 0, WIDTH);
        }
        for (int r = 3; r < ROWS; r++) {
          for (int k = 0; k < WIDTH; k++) {
            filledGrads[r][k] = 0.0 + a[r - 3] * d[k];
          }
        }
        double[][] ahead = new double[ROWS][];
        for (int r = 0; r < ROWS; r++) {
          ahead[r] = foldedParams[r].clone();
        }
        double[][] before = new double[ROWS][WIDTH];

        filled.begin();
        filled.update(0, ROWS);
        filled.end();
        folded.begin();
        folded.update(0, 3);
        folded.updateRankOne(3, ROWS, a, d, before);
        folded.end();

        for (int r = 0; r < ROWS; r++) {
          assertThat(foldedParams[r]).isEqualTo(filledParams[r]);
        }
        for (int r = 3; r < ROWS; r++) {
          assertThat(before[r]).isEqualTo(ahead[r]);
        }
      }
    }
  }

  @Test
  void aRunInTheOtherPrecisionIsRefused() {
    RankOneUpdate floats = (RankOneUpdate) Optimizer.sgd(0.1).bind(new float[][] {{1f}}, new float[][] {{0f}},
        new boolean[] {true});
    RankOneUpdate doubles = (RankOneUpdate) Optimizer.sgd(0.1).bind(new double[][] {{1}}, new double[][] {{0}},
        new boolean[] {true});

    assertThrows(UnsupportedOperationException.class,
        () -> floats.updateRankOne(0, 1, new double[1], new double[1], new double[1][1]));
    assertThrows(UnsupportedOperationException.class,
        () -> doubles.updateRankOne(0, 1, new float[1], new float[1], new float[1][1]));
  }

  @Test
  void onlySgdFoldsRankOneGradients() {
    float[][] params = {{1f, 2f}};
    float[][] grads = {{0f, 0f}};
    boolean[] decayed = {true};

    assertThat(Optimizer.sgd(0.1).bind(params, grads, decayed)).isInstanceOf(RankOneUpdate.class);
    assertThat(Optimizer.adam(0.1).bind(params, grads, decayed)).isNotInstanceOf(RankOneUpdate.class);
    assertThat(Optimizer.rmsProp(0.1).bind(params, grads, decayed)).isNotInstanceOf(RankOneUpdate.class);
  }

  private static void fill(float[][] rows, Random random) {
    for (float[] row : rows) {
      for (int k = 0; k < row.length; k++) {
        row[k] = (float) random.nextGaussian();
      }
    }
  }

  private static double[][] doubles(Random random, int rows, int width) {
    double[][] values = new double[rows][];
    for (int r = 0; r < rows; r++) {
      values[r] = random.doubles(width, -1, 1).toArray();
    }
    return values;
  }

  private static float[][] copy(float[][] rows) {
    float[][] copy = new float[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      copy[r] = rows[r].clone();
    }
    return copy;
  }

  private static int[] bits(float[] row) {
    int[] bits = new int[row.length];
    for (int k = 0; k < row.length; k++) {
      bits[k] = Float.floatToRawIntBits(row[k]);
    }
    return bits;
  }
}
