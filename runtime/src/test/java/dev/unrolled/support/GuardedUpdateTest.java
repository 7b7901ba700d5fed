package dev.unrolled.support;

import static com.google.common.truth.Truth.assertThat;

import dev.unrolled.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * A rank-one run of rows is guarded like any other: the rows are remembered before the step, and
 * a step that left them non-finite is undone to the bits from just before it (not to those of an
 * earlier step).
 */
class GuardedUpdateTest {
  @Test
  void aRankOneStepThatOverflowsIsUndone() {
    float[][] params = {{1f, -2f, 3f}, {0.5f, 0.25f, -0.125f}, {7f}};
    float[][] grads = new float[3][];
    for (int r = 0; r < 3; r++) {
      grads[r] = new float[params[r].length];
    }
    GuardedUpdate update = new GuardedUpdate(Optimizer.sgd(1e30).bind(params, grads, new boolean[3]), params);
    update.begin(); // a first step that changes the rows by about 1: the backup must not keep the start
    update.stepRankOne(0, 2, new float[] {1e-30f, -1e-30f}, new float[] {1f, 0.5f, 2f});
    update.stepRows(2, 3);
    update.end();
    assertThat(params[0][0]).isWithin(1e-6f).of(0f);
    float[][] before = {params[0].clone(), params[1].clone(), params[2].clone()};

    assertThat(update.foldsRankOne()).isTrue();
    update.begin();
    update.stepRankOne(0, 2, new float[] {1e10f, 0f}, new float[] {1e10f, -1e10f, 1f});
    update.stepRows(2, 3);
    update.end();
    assertThat(params[0][0]).isNegativeInfinity(); // 1 − 10³⁰·10²⁰ overflows
    assertThat(params[1]).isEqualTo(before[1]); // a zero input: that row's gradient is 0

    assertThat(update.restoreIfNotFinite()).isTrue();
    for (int r = 0; r < 3; r++) {
      assertThat(params[r]).isEqualTo(before[r]);
    }
  }

  @Test
  void doubleRowsToo() {
    double[][] params = {{1, -2}, {3, 4}};
    double[][] grads = {new double[2], new double[2]};
    GuardedUpdate update = new GuardedUpdate(Optimizer.sgd(1e300).bind(params, grads, new boolean[2]), params);
    update.begin();
    update.stepRankOne(0, 2, new double[] {1e-300, 0}, new double[] {1, 1});
    update.end();
    double[] first = {1 - 1e300 * (0.0 + 1e-300), -2 - 1e300 * (0.0 + 1e-300)};
    assertThat(params[0]).isEqualTo(first);

    update.begin();
    update.stepRankOne(0, 2, new double[] {1e300, 1e-300}, new double[] {1e300, 1});
    update.end();
    assertThat(params[0][0]).isNegativeInfinity();
    assertThat(params[1]).isEqualTo(new double[] {3 - 1e300 * (1e-300 * 1e300), 4 - 1e300 * 1e-300});

    assertThat(update.restoreIfNotFinite()).isTrue();
    assertThat(params[0]).isEqualTo(first);
    assertThat(params[1]).isEqualTo(new double[] {3, 4});
  }

  @Test
  void optimizersWithoutTheFoldTakeRowsOnly() {
    float[][] params = {{1f}};
    GuardedUpdate update = new GuardedUpdate(Optimizer.adam(0.1).bind(params, new float[][] {{0f}}, new boolean[1]),
        params);

    assertThat(update.foldsRankOne()).isFalse();
    assertThat(update.splitsRows()).isTrue();
  }
}
