package dev.unrolled.parallel;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import dev.unrolled.Trainer;
import dev.unrolled.parallel.ParallelCases.Batch;
import dev.unrolled.parallel.ParallelCases.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float rows a trainer uses without copying are scanned for values that are not finite before
 * the step: by the model's scan, in vectors when it has vector tiles (whole vectors, then a tail),
 * or, in a step split by layers, by each part over its own columns (a run of whole vectors and a
 * tail, or a tail alone). A NaN or an infinity in any column of any row is refused with the message
 * that names it, and nothing changes.
 */
class NonFiniteInputsTest {
  private static final float[] NOT_FINITE = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};

  /** The vector-tiled networks that can be split: 40 and 50 inputs. */
  static List<Case> cases() {
    List<Case> vector = new ArrayList<>();
    for (Case c : ParallelCases.splittable()) {
      if (c.name().endsWith("Vector")) {
        vector.add(c);
      }
    }
    assertThat(vector).hasSize(2);
    return vector;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aValueThatIsNotFiniteIsFoundInEveryColumn(Case c) {
    // In three parts of 40 inputs the middle part owns 8 columns: less than one 16-lane vector.
    for (Parallelism parallelism : List.of(Parallelism.none(), Parallelism.splitLayers(2).threads(1),
        Parallelism.splitLayers(3).threads(1))) {
      Batch batch = c.batch(new Random(21), 5);
      Trainer trainer = c.trainer(Optimizer.sgd(0.01), parallelism);
      try {
        double[] before = DataParallelTest.parameters(trainer.model());
        for (int column = 0; column < c.inputs(); column++) {
          int row = column % 5;
          float kept = batch.xf[row][column];
          for (float bad : NOT_FINITE) {
            batch.xf[row][column] = bad;
            String message = "inputs[" + row + "][" + column + "] is " + (double) bad;
            assertThat(assertThrows(IllegalArgumentException.class, () -> c.labels().train(trainer, batch)))
                .hasMessageThat().startsWith(message);
            if (c.floatRows() != null) {
              assertThat(assertThrows(IllegalArgumentException.class, () -> c.floatRows().train(trainer, batch)))
                  .hasMessageThat().startsWith(message);
            }
          }
          batch.xf[row][column] = kept;
        }
        assertThat(DataParallelTest.parameters(trainer.model())).isEqualTo(before);
        assertThat(trainer.trainerState().steps()).isEqualTo(0);
        assertThat(c.labels().train(trainer, batch)).isFinite();
      } finally {
        DataParallelTest.close(trainer);
      }
    }
  }
}
