package dev.unrolled.support;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The trainers' guard before a step: one NaN or infinity anywhere, at any position, is found. */
class FiniteTest {

  @Test
  void finiteRowsPass() {
    assertThat(Finite.all(new float[][] {{1, -2, Float.MAX_VALUE, -Float.MAX_VALUE, 0}, {}, {3}})).isTrue();
    assertThat(Finite.all(new double[][] {{1, -2, Double.MAX_VALUE, Double.MIN_VALUE}, {}, {3}})).isTrue();
    assertThat(Finite.all(new double[] {0, -0.0, Double.MAX_VALUE})).isTrue();
    assertThat(Finite.all(new double[] {0, Double.NaN})).isFalse();
  }

  @Test
  void oneBadValueAnywhereFails() {
    float[] badFloats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    double[] badDoubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int length = 1; length <= 9; length++) { // every position of rows of several lengths
      for (int at = 0; at < length; at++) {
        for (int b = 0; b < badFloats.length; b++) {
          float[][] floats = {new float[3], new float[length]};
          floats[1][at] = badFloats[b];
          assertThat(Finite.all(floats)).isFalse();
          double[][] doubles = {new double[length], new double[2]};
          doubles[0][at] = badDoubles[b];
          assertThat(Finite.all(doubles)).isFalse();
        }
      }
    }
  }
}
