package dev.unrolled.parity;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.unrolled.Activation;
import dev.unrolled.Backend;
import dev.unrolled.Dataset;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Network;
import dev.unrolled.Optimizer;
import dev.unrolled.Precision;
import dev.unrolled.Trainer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A lane output layer counts the samples it classifies correctly ({@link Trainer#lastBatchCorrect()})
 * lane by lane; the count must be the one the rows give: {@code classify} against the target's class,
 * the first largest entry of each (ties and NaN outputs go to the first), or for one output the sign
 * of the logit against a target of at least ½. Batches of 13 rows leave padding lanes, which must
 * not count.
 */
class LaneHitsTest {
  private static final int ROWS = 13;

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = Activation.TANH), @Dense(units = 1)},
      loss = Loss.SIGMOID_CROSS_ENTROPY, backend = Backend.VECTOR)
  interface OneOutputLanes {}

  @Network(inputs = 6, layers = {@Dense(units = 10, activation = Activation.TANH), @Dense(units = 1)},
      loss = Loss.SIGMOID_CROSS_ENTROPY, precision = Precision.DOUBLE, backend = Backend.VECTOR)
  interface OneOutputLanesDouble {}

  /** A model and a trainer on it (each generated trainer takes its own model class). */
  private record Case(Model model, Trainer trainer) {}

  @Test
  void severalOutputsCountTheFirstLargestEntry() {
    var softmax = new LaneNetworks_SiluSoftmaxLanesFloatModel(3);
    var softmaxDouble = new LaneNetworks_SiluSoftmaxLanesDoubleModel(3);
    var sigmoid = new LaneNetworks_IdentitySigmoidLanesFloatModel(3);
    var sigmoidDouble = new LaneNetworks_IdentitySigmoidLanesDoubleModel(3);
    Optimizer sgd = Optimizer.sgd(0.01); // evaluateBatch changes no parameter
    for (Case c : new Case[] {new Case(softmax, new LaneNetworks_SiluSoftmaxLanesFloatTrainer(softmax, sgd)),
        new Case(softmaxDouble, new LaneNetworks_SiluSoftmaxLanesDoubleTrainer(softmaxDouble, sgd)),
        new Case(sigmoid, new LaneNetworks_IdentitySigmoidLanesFloatTrainer(sigmoid, sgd)),
        new Case(sigmoidDouble, new LaneNetworks_IdentitySigmoidLanesDoubleTrainer(sigmoidDouble, sgd))}) {
      Random random = new Random(21);
      float[][] x = rows(random, 6);
      float[][] targets = new float[ROWS][8];
      for (float[] t : targets) {
        t[random.nextInt(8)] = 1f;
      }
      // ties in the targets: the first largest entry is the class
      targets[0] = new float[] {0f, 0.5f, 0.5f, 0f, 0f, 0f, 0f, 0f};
      targets[1] = new float[] {0.25f, 0.25f, 0.25f, 0.25f, 0f, 0f, 0f, 0f};
      assertCountsAsRows(c, x, targets, "random parameters");

      c.model().setParameters(new double[c.model().parameterCount()]);
      assertCountsAsRows(c, x, targets, "all outputs tied");

      double[] nan = new double[c.model().parameterCount()];
      Arrays.fill(nan, Double.NaN);
      c.model().setParameters(nan);
      assertCountsAsRows(c, x, targets, "NaN outputs");
    }
  }

  @Test
  void oneOutputCountsTheSignOfTheLogit() {
    var single = new LaneHitsTest_OneOutputLanesModel(5);
    var singleDouble = new LaneHitsTest_OneOutputLanesDoubleModel(5);
    Optimizer sgd = Optimizer.sgd(0.01); // evaluateBatch changes no parameter
    for (Case c : new Case[] {new Case(single, new LaneHitsTest_OneOutputLanesTrainer(single, sgd)),
        new Case(singleDouble, new LaneHitsTest_OneOutputLanesDoubleTrainer(singleDouble, sgd))}) {
      Random random = new Random(22);
      float[][] x = rows(random, 6);
      float[][] targets = new float[ROWS][1];
      for (int s = 0; s < ROWS; s++) {
        targets[s][0] = s % 4 == 0 ? 0.5f : random.nextInt(2); // ½ is class 1
      }
      assertCountsAsRows(c, x, targets, "random parameters");
      c.model().setParameters(new double[c.model().parameterCount()]); // a logit of 0 is class 1
      assertCountsAsRows(c, x, targets, "zero logits");
    }
  }

  private static void assertCountsAsRows(Case c, float[][] x, float[][] targets, String what) {
    int[] rows = new int[ROWS];
    Arrays.setAll(rows, s -> s);
    c.trainer().evaluateBatch(Dataset.ofTargets(x, targets), rows, 0, ROWS);

    double[][] wide = new double[ROWS][];
    Arrays.setAll(wide, s -> {
      double[] row = new double[x[s].length];
      Arrays.setAll(row, k -> x[s][k]);
      return row;
    });
    int[] classes = new int[ROWS];
    c.model().classify(wide, classes);
    int expected = 0;
    for (int s = 0; s < ROWS; s++) {
      if (classes[s] == targetClass(targets[s])) {
        expected++;
      }
    }
    assertWithMessage("%s, %s: samples classified correctly", c.model().getClass().getSimpleName(), what)
        .that(c.trainer().lastBatchCorrect()).isEqualTo(expected);
  }

  private static int targetClass(float[] t) {
    if (t.length == 1) {
      return t[0] >= 0.5f ? 1 : 0;
    }
    int best = 0;
    for (int j = 1; j < t.length; j++) {
      if (t[j] > t[best]) {
        best = j;
      }
    }
    return best;
  }

  private static float[][] rows(Random random, int width) {
    float[][] x = new float[ROWS][width];
    for (float[] row : x) {
      for (int k = 0; k < width; k++) {
        row[k] = (float) random.nextGaussian();
      }
    }
    return x;
  }
}
