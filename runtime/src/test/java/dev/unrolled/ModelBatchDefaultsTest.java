package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.testing.LogisticModel;
import org.junit.jupiter.api.Test;

/**
 * {@link Model}'s default batch {@code predict} and {@code classify}, on a hand-written model: row by
 * row through the single-row methods, after the same argument checks generated models make (the
 * examples' BatchPredictTest covers the generated overrides).
 */
class ModelBatchDefaultsTest {
  private static LogisticModel model() {
    LogisticModel model = new LogisticModel(2);
    model.setParameters(new double[] {1.5, -2.0, 0.25});
    return model;
  }

  @Test
  void eachRowIsWhatTheSingleRowMethodsGive() {
    LogisticModel model = model();
    double[][] x = {{0.3, 0.1}, {-1, 2}, {4, 0.5}, {0, 0}, {-0.2, -0.3}};
    double[][] out = new double[x.length][1];
    int[] classes = new int[x.length];

    model.predict(x, out);
    model.classify(x, classes);

    for (int s = 0; s < x.length; s++) {
      double[] one = new double[1];
      model.predict(x[s], one);
      assertThat(out[s][0]).isEqualTo(one[0]);
      assertThat(classes[s]).isEqualTo(model.classify(x[s]));
    }
    assertThat(classes).asList().containsExactly(1, 0, 1, 1, 1).inOrder();
  }

  @Test
  void badArgumentsAreNamedBeforeAnyRowIsWritten() {
    LogisticModel model = model();
    double[][] x = {{1, 2}, {3, 4}};
    double[][] out = {{-1}, {-1}};

    assertThat(assertThrows(NullPointerException.class, () -> model.predict(null, out))).hasMessageThat()
        .isEqualTo("inputs");
    assertThat(assertThrows(NullPointerException.class, () -> model.predict(x, null))).hasMessageThat()
        .isEqualTo("outputs");
    assertThat(assertThrows(NullPointerException.class, () -> model.classify(x, null))).hasMessageThat()
        .isEqualTo("classes");
    assertThat(assertThrows(IllegalArgumentException.class, () -> model.predict(x, new double[3][1])))
        .hasMessageThat().isEqualTo("the batch has 2 input rows but 3 output rows; pass one per input row");
    assertThat(assertThrows(IllegalArgumentException.class, () -> model.classify(x, new int[1])))
        .hasMessageThat().isEqualTo("the batch has 2 input rows but 1 elements in classes; pass one per input row");
    assertThat(assertThrows(IllegalArgumentException.class, () -> model.predict(new double[][] {{1, 2}, {3}}, out)))
        .hasMessageThat().isEqualTo("inputs[1] has 1 values but the network needs 2");
    assertThat(assertThrows(IllegalArgumentException.class, () -> model.predict(x, new double[][] {{0}, {0, 0}})))
        .hasMessageThat().isEqualTo("outputs[1] has 2 values but the network needs 1");
    assertThat(assertThrows(IllegalArgumentException.class, () -> model.classify(new double[][] {null}, new int[1])))
        .hasMessageThat().isEqualTo("inputs[0] has no row but the network needs 2");
    assertThat(out[0][0]).isEqualTo(-1.0);

    model.predict(new double[0][], new double[0][]); // an empty batch: nothing to do
  }
}
