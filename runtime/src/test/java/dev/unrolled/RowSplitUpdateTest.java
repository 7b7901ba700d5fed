package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.support.RowSplitUpdate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer's step taken in runs of rows, in shuffled order, gives the bits of {@link
 * ParameterUpdater#step()}: the rules are element-wise, so where the rows are cut cannot matter.
 */
class RowSplitUpdateTest {
  private static final int[] LENGTHS = {17, 1, 33, 128, 5, 10, 64, 3};
  private static final boolean[] DECAYED = {true, false, true, true, false, true, true, false};

  private static List<Supplier<Optimizer>> optimizers() {
    return List.of(
        () -> Optimizer.sgd(0.05),
        () -> Optimizer.momentum(0.05, 0.9),
        () -> Optimizer.nesterov(0.05, 0.9).withWeightDecay(1e-2),
        () -> Optimizer.adam(1e-2),
        () -> Optimizer.adam(1e-2).withWeightDecay(1e-3).withSchedule(LearningRateSchedule.cosine(10, 0.1)),
        () -> Optimizer.adamW(1e-2, 0.05),
        () -> Optimizer.rmsProp(1e-2).withWeightDecay(1e-3),
        () -> Optimizer.sgd(0.1).withWeightDecay(0.01));
  }

  @Test
  void floatRowsStepInShuffledRunsWithTheSameBits() {
    for (Supplier<Optimizer> optimizer : optimizers()) {
      Random random = new Random(3);
      float[][] wholeParams = floats(random);
      float[][] splitParams = copy(wholeParams);
      float[][] grads = new float[LENGTHS.length][];
      for (int r = 0; r < grads.length; r++) {
        grads[r] = new float[LENGTHS[r]];
      }
      ParameterUpdater whole = optimizer.get().bind(wholeParams, grads, DECAYED);
      ParameterUpdater split = optimizer.get().bind(splitParams, grads, DECAYED);
      for (int step = 0; step < 6; step++) {
        fill(grads, random);
        whole.step();
        stepInRuns((RowSplitUpdate) split, random);
        for (int r = 0; r < LENGTHS.length; r++) {
          assertThat(floatBits(splitParams[r])).isEqualTo(floatBits(wholeParams[r]));
        }
      }
      assertThat(split.steps()).isEqualTo(whole.steps());
    }
  }

  @Test
  void doubleRowsStepInShuffledRunsWithTheSameBits() {
    for (Supplier<Optimizer> optimizer : optimizers()) {
      Random random = new Random(4);
      double[][] wholeParams = new double[LENGTHS.length][];
      double[][] splitParams = new double[LENGTHS.length][];
      double[][] grads = new double[LENGTHS.length][];
      for (int r = 0; r < LENGTHS.length; r++) {
        wholeParams[r] = random.doubles(LENGTHS[r], -1, 1).toArray();
        splitParams[r] = wholeParams[r].clone();
        grads[r] = new double[LENGTHS[r]];
      }
      ParameterUpdater whole = optimizer.get().bind(wholeParams, grads, DECAYED);
      ParameterUpdater split = optimizer.get().bind(splitParams, grads, DECAYED);
      for (int step = 0; step < 6; step++) {
        for (double[] g : grads) {
          for (int k = 0; k < g.length; k++) {
            g[k] = random.nextGaussian();
          }
        }
        whole.step();
        stepInRuns((RowSplitUpdate) split, random);
        for (int r = 0; r < LENGTHS.length; r++) {
          assertThat(splitParams[r]).isEqualTo(wholeParams[r]);
        }
      }
    }
  }

  @Test
  void aBadScheduleFailsBeforeAnyRowChanges() {
    float[][] params = {{1f, 2f}};
    float[][] grads = {{1f, 1f}};
    RowSplitUpdate split = (RowSplitUpdate) Optimizer.sgd(0.1).withSchedule(t -> Double.NaN)
        .bind(params, grads, new boolean[] {true});

    assertThat(assertThrows(IllegalStateException.class, split::begin)).hasMessageThat().contains("gave factor NaN");
    assertThat(params[0]).isEqualTo(new float[] {1f, 2f});
    assertThat(split.rows()).isEqualTo(1);
  }

  /** One step as runs of 0 to 3 rows, taken in shuffled order. */
  private static void stepInRuns(RowSplitUpdate split, Random random) {
    List<int[]> runs = new ArrayList<>();
    for (int from = 0; from < split.rows(); ) {
      int to = Math.min(split.rows(), from + random.nextInt(4));
      runs.add(new int[] {from, to});
      from = to;
    }
    Collections.shuffle(runs, random);
    split.begin();
    for (int[] run : runs) {
      split.update(run[0], run[1]);
    }
    split.end();
  }

  private static float[][] floats(Random random) {
    float[][] rows = new float[LENGTHS.length][];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = new float[LENGTHS[r]];
    }
    fill(rows, random);
    return rows;
  }

  private static void fill(float[][] rows, Random random) {
    for (float[] row : rows) {
      for (int k = 0; k < row.length; k++) {
        row[k] = (float) random.nextGaussian();
      }
    }
  }

  private static float[][] copy(float[][] rows) {
    float[][] copy = new float[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      copy[r] = rows[r].clone();
    }
    return copy;
  }

  private static int[] floatBits(float[] row) {
    int[] bits = new int[row.length];
    for (int k = 0; k < row.length; k++) {
      bits[k] = Float.floatToRawIntBits(row[k]);
    }
    return bits;
  }
}
