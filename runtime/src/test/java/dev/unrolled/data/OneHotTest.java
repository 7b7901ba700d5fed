package dev.unrolled.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OneHotTest {
  @Test
  void encodesEachLabelAsARowWithASingleOne() {
    double[][] rows = OneHot.encode(new int[] {0, 2}, 3);

    assertThat(rows[0]).usingExactEquality().containsExactly(1.0, 0.0, 0.0).inOrder();
    assertThat(rows[1]).usingExactEquality().containsExactly(0.0, 0.0, 1.0).inOrder();
  }

  @Test
  void encodesFloatRows() {
    float[][] rows = OneHot.encodeFloat(new int[] {1}, 2);

    assertThat(rows[0]).usingExactEquality().containsExactly(0f, 1f).inOrder();
  }

  @Test
  void argmaxPicksTheFirstMaximum() {
    assertThat(OneHot.argmax(new double[] {0.1, 0.7, 0.7, 0.2})).isEqualTo(1);
    assertThat(OneHot.argmax(new float[] {3f, -1f, 3f})).isEqualTo(0);
    assertThat(OneHot.argmax(new double[] {Double.NaN, 0.5})).isEqualTo(1);
  }

  @Test
  void invalidInputIsNamed() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[] {0, 3}, 3)))
        .hasMessageThat().contains("label 3 at index 1 is outside [0, 3)");
    assertThat(assertThrows(IllegalArgumentException.class, () -> OneHot.encodeFloat(new int[] {0}, 0)))
        .hasMessageThat().contains("classes is 0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> OneHot.argmax(new double[0])))
        .hasMessageThat().contains("argmax of an empty");
    assertThat(assertThrows(IllegalArgumentException.class, () -> OneHot.encode(null, 2)))
        .hasMessageThat().isEqualTo("labels are null; give one class index per sample");
    assertThat(assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[] {-1}, 2)))
        .hasMessageThat().contains("label -1 at index 0 is outside [0, 2)");
    assertThat(assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[0], -3)))
        .hasMessageThat().contains("classes is -3");
    assertThat(assertThrows(IllegalArgumentException.class, () -> OneHot.argmax((float[]) null)))
        .hasMessageThat().contains("argmax of an empty or null row");
  }
}
