package dev.unrolled.support;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The batch checks of generated entry points; the generated trainers' use of them, and that a refused
 * batch changes no parameter, is tested in the examples' BadDataTest.
 */
class ChecksTest {
  @Test
  void aNonFiniteInputOrTargetIsNamedWithItsRowAndColumn() {
    double[][] ok = {{1, 2}, {3, 4}};

    IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
        () -> Checks.batch(new double[][] {{1, 2}, {3, Double.POSITIVE_INFINITY}}, 2, ok, 2));
    IllegalArgumentException target = assertThrows(IllegalArgumentException.class,
        () -> Checks.batch(new float[][] {{1, 2}}, 2, new float[][] {{Float.NaN}}, 1));
    IllegalArgumentException labelled = assertThrows(IllegalArgumentException.class,
        () -> Checks.batch(new float[][] {{Float.NEGATIVE_INFINITY}}, 1, new int[] {0}, 2));
    IllegalArgumentException doubles = assertThrows(IllegalArgumentException.class,
        () -> Checks.batch(new double[][] {{0}, {Double.NaN}}, 1, new int[] {0, 1}, 2));

    assertThat(input).hasMessageThat().isEqualTo("inputs[1][1] is Infinity but a batch holds finite values only; "
        + "replace missing or infinite values before training (a Dataset refuses them too)");
    assertThat(target).hasMessageThat().startsWith("targets[0][0] is NaN but a batch holds finite values only");
    assertThat(labelled).hasMessageThat().startsWith("inputs[0][0] is -Infinity");
    assertThat(doubles).hasMessageThat().startsWith("inputs[1][0] is NaN");
    assertThat(Checks.batch(ok, 2, ok, 2)).isEqualTo(2);
  }

  /**
   * The scan without a branch per value ({@code finiteColumns}, which trainers run before a step) finds
   * a non-finite value anywhere in a row, in the blocks of eight or in the rest, among the largest
   * finite values and signed zeros, over whole rows and over a part's columns; the batch check names it.
   */
  @Test
  void labelledBatchesFindANonFiniteValueAtAnyColumn() {
    float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    for (int width : new int[] {1, 7, 8, 13, 784}) {
      for (int c = 0; c < width; c++) {
        for (float special : specials) {
          float[][] floats = new float[2][width];
          double[][] doubles = new double[2][width];
          for (int k = 0; k < width; k++) {
            floats[0][k] = k % 2 == 0 ? Float.MAX_VALUE : -0f;
            doubles[0][k] = k % 2 == 0 ? Double.MAX_VALUE : -0.0;
          }
          floats[1] = floats[0].clone();
          doubles[1] = doubles[0].clone();
          assertThat(Checks.batch(floats, width, new int[] {0, 1}, 2)).isEqualTo(2);
          assertThat(Checks.batch(doubles, width, new int[] {0, 1}, 2)).isEqualTo(2);
          assertThat(Checks.finiteColumns(floats, 2, 0, width)).isTrue();
          assertThat(Checks.finiteColumns(doubles, 2, 0, width)).isTrue();

          floats[1][c] = special;
          doubles[1][c] = special;
          // The trainers' scan, over whole rows and over the columns a part of a split step owns.
          assertThat(Checks.finiteColumns(floats, 2, 0, width)).isFalse();
          assertThat(Checks.finiteColumns(doubles, 2, 0, width)).isFalse();
          assertThat(Checks.finiteColumns(floats, 2, c, c + 1)).isFalse();
          assertThat(Checks.finiteColumns(doubles, 2, c, width)).isFalse();
          assertThat(Checks.finiteColumns(floats, 2, 0, c)).isTrue();
          assertThat(Checks.finiteColumns(doubles, 2, c + 1, width)).isTrue();
          assertThat(Checks.finiteColumns(floats, 1, 0, width)).isTrue();
          IllegalArgumentException inFloats = assertThrows(IllegalArgumentException.class,
              () -> Checks.batch(floats, width, new int[] {0, 1}, 2));
          IllegalArgumentException inDoubles = assertThrows(IllegalArgumentException.class,
              () -> Checks.batch(doubles, width, new int[] {0, 1}, 2));
          assertThat(inFloats).hasMessageThat().startsWith("inputs[1][" + c + "] is " + special);
          assertThat(inDoubles).hasMessageThat().startsWith("inputs[1][" + c + "] is " + (double) special);
        }
      }
    }
  }

  @Test
  void aFloatModelsDoubleRowsMustFitInFloats() {
    double[][] ok = {{1, 2}, {3, 4}};

    IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
        () -> Checks.floatBatch(new double[][] {{1, 2}, {3, 1e39}}, 2, ok, 2));
    IllegalArgumentException target = assertThrows(IllegalArgumentException.class,
        () -> Checks.floatBatch(ok, 2, new double[][] {{-4e38, 0}, {0, 0}}, 2));

    assertThat(input).hasMessageThat().isEqualTo("inputs[1][1] is 1.0E39 but a FLOAT model needs values within the"
        + " float range (±3.4e38); scale or standardise the data");
    assertThat(target).hasMessageThat().startsWith("targets[0][0] is -4.0E38 but a FLOAT model");
    assertThat(Checks.floatBatch(ok, 2, ok, 2)).isEqualTo(2);
    assertThat(Checks.floatBatch(new double[][] {{3e38}}, 1, new double[][] {{0}}, 1)).isEqualTo(1);
  }

  @Test
  void shapesAreCheckedBeforeValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.batch(new double[][] {{Double.NaN}, {1, 2}}, 2, new double[][] {{0}, {0}}, 1));

    assertThat(e).hasMessageThat().startsWith("inputs[0] has 1 values but the network needs 2");
  }

  @Test
  void labelledBatchesReportWidthsAndLabelsOfEveryRowBeforeValues() {
    IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
        () -> Checks.batch(new float[][] {{Float.NaN, 0}, {1, 2}}, 2, new int[] {0, 3}, 3));
    IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
        () -> Checks.batch(new double[][] {{Double.NaN, 0}, {1, 2}, {1}}, 2, new int[] {0, 1, 1}, 1));
    IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
        () -> Checks.batch(new double[][] {{0, 0}, {1, Double.NaN}}, 2, new int[] {0, 1}, 2));

    assertThat(label).hasMessageThat().isEqualTo("labels[1] is 3 but must be in [0, 3) for a network with 3 outputs");
    assertThat(width).hasMessageThat().startsWith("inputs[2] has 1 values but the network needs 2");
    assertThat(value).hasMessageThat().startsWith("inputs[1][1] is NaN");
    assertThat(Checks.batch(new float[][] {{0, 1}, {2, 3}}, 2, new int[] {1, 0}, 1)).isEqualTo(2);
  }
}
