package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.train.OptimizerState;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An updater restored from another's {@link OptimizerState} takes the very steps the other would
 * have taken, for every rule in both precisions; a state of another optimizer, of other sizes or
 * holding a non-finite value is refused with the updater unchanged.
 */
class OptimizerStateTest {
  private static final int[] ROWS = {5, 3, 1};

  static List<Optimizer> optimizers() {
    LearningRateSchedule cosine = LearningRateSchedule.cosine(7, 0.1);
    return List.of(Optimizer.sgd(0.1), Optimizer.momentum(0.1, 0.9).withWeightDecay(0.01),
        Optimizer.nesterov(0.05, 0.8), Optimizer.adam(0.01).withSchedule(cosine), Optimizer.adamW(0.01, 0.02),
        Optimizer.rmsProp(0.01).withSchedule(LearningRateSchedule.linearWarmup(2, cosine)));
  }

  @ParameterizedTest
  @MethodSource("optimizers")
  void aRestoredDoubleUpdaterContinuesBitForBit(Optimizer optimizer) {
    Doubles a = new Doubles(optimizer);
    for (int step = 0; step < 3; step++) {
      a.step(step);
    }
    Doubles b = new Doubles(optimizer);
    b.copyParametersFrom(a);

    b.updater.restore(a.updater.state());
    for (int step = 3; step < 6; step++) {
      a.step(step);
      b.step(step);
    }

    assertThat(b.params).isEqualTo(a.params);
    assertThat(b.updater.steps()).isEqualTo(6);
  }

  @ParameterizedTest
  @MethodSource("optimizers")
  void aRestoredFloatUpdaterContinuesBitForBit(Optimizer optimizer) {
    Floats a = new Floats(optimizer);
    for (int step = 0; step < 3; step++) {
      a.step(step);
    }
    Floats b = new Floats(optimizer);
    b.copyParametersFrom(a);

    b.updater.restore(a.updater.state());
    for (int step = 3; step < 6; step++) {
      a.step(step);
      b.step(step);
    }

    assertThat(b.params).isEqualTo(a.params);
  }

  @ParameterizedTest
  @MethodSource("optimizers")
  void aStateThatDoesNotFitIsRefusedBeforeAnyChange(Optimizer optimizer) {
    Doubles a = new Doubles(optimizer);
    a.step(0);
    OptimizerState state = a.updater.state();
    Doubles b = new Doubles(optimizer);
    OptimizerState before = b.updater.state();

    Optimizer other = optimizer.withWeightDecay(0.5);
    IllegalArgumentException otherOptimizer = assertThrows(IllegalArgumentException.class,
        () -> new Doubles(other).updater.restore(state));
    assertThat(otherOptimizer).hasMessageThat().contains("the optimizer state was made by " + optimizer);
    if (state.buffers().length > 0) {
      double[][] shorter = state.buffers().clone();
      shorter[0] = new double[3];
      refused(b, new OptimizerState(state.optimizer(), 1, state.bufferNames(), shorter), "holds 3 values");
      double[][] infinite = state.buffers().clone();
      infinite[infinite.length - 1] = infinite[infinite.length - 1].clone();
      infinite[infinite.length - 1][4] = Double.POSITIVE_INFINITY;
      refused(b, new OptimizerState(state.optimizer(), 1, state.bufferNames(), infinite), "[4] is Infinity");
    }

    assertThat(b.updater.state().steps()).isEqualTo(before.steps());
    for (int k = 0; k < before.buffers().length; k++) {
      assertThat(b.updater.state().buffers()[k]).isEqualTo(before.buffers()[k]);
    }
  }

  private static void refused(Doubles into, OptimizerState state, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> into.updater.restore(state));
    assertThat(e).hasMessageThat().contains(message);
  }

  /** Gradients of step {@code step}: the same for every updater, different from step to step. */
  private static double gradient(int step, int row, int k) {
    return new Random(31L * step + 7L * row + k).nextGaussian();
  }

  private static final class Doubles {
    final double[][] params = rows();
    final double[][] grads = rows();
    final ParameterUpdater updater;

    Doubles(Optimizer optimizer) {
      for (int r = 0; r < params.length; r++) {
        for (int k = 0; k < params[r].length; k++) {
          params[r][k] = 0.1 * (r + 1) - 0.05 * k;
        }
      }
      updater = optimizer.bind(params, grads, new boolean[] {true, false, true});
    }

    void step(int step) {
      for (int r = 0; r < grads.length; r++) {
        for (int k = 0; k < grads[r].length; k++) {
          grads[r][k] = gradient(step, r, k);
        }
      }
      updater.step();
    }

    void copyParametersFrom(Doubles other) {
      for (int r = 0; r < params.length; r++) {
        System.arraycopy(other.params[r], 0, params[r], 0, params[r].length);
      }
    }

    private static double[][] rows() {
      double[][] rows = new double[ROWS.length][];
      for (int r = 0; r < ROWS.length; r++) {
        rows[r] = new double[ROWS[r]];
      }
      return rows;
    }
  }

  private static final class Floats {
    final float[][] params = rows();
    final float[][] grads = rows();
    final ParameterUpdater updater;

    Floats(Optimizer optimizer) {
      for (int r = 0; r < params.length; r++) {
        for (int k = 0; k < params[r].length; k++) {
          params[r][k] = (float) (0.1 * (r + 1) - 0.05 * k);
        }
      }
      updater = optimizer.bind(params, grads, new boolean[] {true, false, true});
    }

    void step(int step) {
      for (int r = 0; r < grads.length; r++) {
        for (int k = 0; k < grads[r].length; k++) {
          grads[r][k] = (float) gradient(step, r, k);
        }
      }
      updater.step();
    }

    void copyParametersFrom(Floats other) {
      for (int r = 0; r < params.length; r++) {
        System.arraycopy(other.params[r], 0, params[r], 0, params[r].length);
      }
    }

    private static float[][] rows() {
      float[][] rows = new float[ROWS.length][];
      for (int r = 0; r < ROWS.length; r++) {
        rows[r] = new float[ROWS[r]];
      }
      return rows;
    }
  }
}
