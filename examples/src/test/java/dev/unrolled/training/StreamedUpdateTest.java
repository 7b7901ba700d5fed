package dev.unrolled.training;

import static com.google.common.truth.Truth.assertThat;
import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static dev.unrolled.Precision.FLOAT;

import dev.unrolled.Backend;
import dev.unrolled.Dense;
import dev.unrolled.Model;
import dev.unrolled.Network;
import dev.unrolled.Optimizer;
import dev.unrolled.Trainer;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A trainer step updates the first layer's weight rows block by block inside the backward pass,
 * as their gradients are done. That must be the very step an optimizer takes after the whole pass:
 * the parameters after {@code trainBatch} have the bits of {@code p − lr·(g + 0·p)} (plain SGD's
 * rule, in the model's precision) with {@code g} from {@code lossAndGradient}, for first layers cut
 * into several blocks with a short last one, in both precisions and both backends. The batch of
 * one sample takes the other path, where SGD folds the rank-one gradient {@code x ⊗ d} into the
 * update and no gradient row is written: the same bits are asked of it.
 */
class StreamedUpdateTest {
  /** 6 weight rows per block (300 units): 50 inputs make 8 blocks and one of 2 rows. */
  @Network(inputs = 50, layers = {@Dense(units = 300, activation = RELU), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT)
  interface WideFloat {}

  @Network(inputs = 50, layers = {@Dense(units = 300, activation = RELU), @Dense(units = 4)},
      loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE)
  interface WideDouble {}

  /** 24 weight rows per block (70 units) in vector tiles: 37 inputs make a block and one of 13. */
  @Network(inputs = 37, layers = {@Dense(units = 70, activation = TANH), @Dense(units = 20, activation = TANH),
      @Dense(units = 5)}, loss = SOFTMAX_CROSS_ENTROPY, precision = FLOAT, backend = Backend.VECTOR)
  interface TiledFloat {}

  @Network(inputs = 37, layers = {@Dense(units = 70, activation = TANH), @Dense(units = 20, activation = TANH),
      @Dense(units = 5)}, loss = SOFTMAX_CROSS_ENTROPY, precision = DOUBLE, backend = Backend.VECTOR)
  interface TiledDouble {}

  private static final double RATE = 0.05;

  @Test
  void plainFloat() {
    check(new StreamedUpdateTest_WideFloatModel(3), m -> new StreamedUpdateTest_WideFloatTrainer(
        (StreamedUpdateTest_WideFloatModel) m, Optimizer.sgd(RATE)), true);
  }

  @Test
  void plainDouble() {
    check(new StreamedUpdateTest_WideDoubleModel(3), m -> new StreamedUpdateTest_WideDoubleTrainer(
        (StreamedUpdateTest_WideDoubleModel) m, Optimizer.sgd(RATE)), false);
  }

  @Test
  void vectorFloat() {
    check(new StreamedUpdateTest_TiledFloatModel(3), m -> new StreamedUpdateTest_TiledFloatTrainer(
        (StreamedUpdateTest_TiledFloatModel) m, Optimizer.sgd(RATE)), true);
  }

  @Test
  void vectorDouble() {
    check(new StreamedUpdateTest_TiledDoubleModel(3), m -> new StreamedUpdateTest_TiledDoubleTrainer(
        (StreamedUpdateTest_TiledDoubleModel) m, Optimizer.sgd(RATE)), false);
  }

  /** Three steps on batches of 1, 7 and 16 rows, each against the step taken by hand. */
  private static void check(Model model, Function<Model, Trainer> trainerOf, boolean floats) {
    Trainer trainer = trainerOf.apply(model);
    Random random = new Random(11);
    for (int m : new int[] {1, 7, 16}) {
      double[][] x = new double[m][model.inputSize()];
      double[][] y = new double[m][model.outputSize()];
      for (int s = 0; s < m; s++) {
        for (int i = 0; i < x[s].length; i++) {
          x[s][i] = random.nextGaussian();
        }
        y[s][random.nextInt(model.outputSize())] = 1;
      }
      double[] before = model.parameters();
      double[] gradient = new double[before.length];
      double expectedLoss = model.lossAndGradient(x, y, gradient);
      double[] expected = new double[before.length];
      for (int k = 0; k < before.length; k++) {
        expected[k] = floats ? sgd((float) before[k], (float) gradient[k]) : sgd(before[k], gradient[k]);
      }

      double loss = trainer.trainBatch(x, y);

      assertThat(loss).isEqualTo(expectedLoss);
      double[] after = model.parameters();
      for (int k = 0; k < after.length; k++) {
        if (Double.doubleToLongBits(after[k]) != Double.doubleToLongBits(expected[k])) {
          throw new AssertionError("batch of " + m + ": parameter " + k + " of " + after.length + " is " + after[k]
              + " after the step, but an SGD step on lossAndGradient's gradient gives " + expected[k]);
        }
      }
    }
  }

  private static float sgd(float p, float g) {
    float rate = (float) RATE;
    return p - rate * (g + 0f * p);
  }

  private static double sgd(double p, double g) {
    return p - RATE * (g + 0.0 * p);
  }
}
