package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link Optimizer#bind} checks the row shapes once and names the offending row. */
class ParameterBindingTest {
  private final Optimizer adam = Optimizer.adam(0.01);

  @Test
  void differentRowCountsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> adam.bind(new double[2][1], new double[1][1], new boolean[2]));

    assertThat(e).hasMessageThat().contains("2 parameter rows, 1 gradient rows and 2 decayed flags");
  }

  @Test
  void missingDecayFlagsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> adam.bind(new float[2][1], new float[2][1], new boolean[1]));

    assertThat(e).hasMessageThat().contains("1 decayed flags");
  }

  @Test
  void rowOfWrongLengthIsNamed() {
    double[][] params = {{1, 2}, {1, 2, 3}};
    double[][] grads = {{0, 0}, {0, 0}};

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> adam.bind(params, grads, new boolean[2]));

    assertThat(e).hasMessageThat().contains("params[1] has length 3 but grads[1] has length 2");
  }

  @Test
  void nullArraysAndRowsAreNamed() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> adam.bind(new float[1][1], new float[1][1], null)))
        .hasMessageThat().contains("decayed is null");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> adam.bind(new double[][] {{1}, null}, new double[2][1], new boolean[2])))
        .hasMessageThat().contains("params[1] is null");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> adam.bind(new double[][] {{1}}, new double[][] {null}, new boolean[1])))
        .hasMessageThat().contains("grads[0] is null");
  }

  @Test
  void gradientSharingTheParameterArrayIsRejected() {
    float[] row = new float[3];

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> adam.bind(new float[][] {row}, new float[][] {row}, new boolean[1]));

    assertThat(e).hasMessageThat().contains("params[0] and grads[0] are the same array");
  }

  @Test
  void updaterWritesIntoTheBoundRowsInPlace() {
    double[] weights = {1.0, 1.0};
    double[][] params = {weights};
    ParameterUpdater sgd = Optimizer.sgd(1.0).bind(params, new double[][] {{1.0, 2.0}}, new boolean[1]);

    sgd.step();

    assertThat(params[0]).isSameInstanceAs(weights);
    assertThat(weights).usingExactEquality().containsExactly(0.0, -1.0).inOrder();
  }
}
