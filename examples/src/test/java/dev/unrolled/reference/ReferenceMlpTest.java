package dev.unrolled.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unrolled.Activation;
import dev.unrolled.Loss;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pins the oracle down before anything is compared with it: hand-computed tiny cases, central finite
 * differences for every activation and loss, and huge logits.
 */
class ReferenceMlpTest {
  private static final double FD_STEP = 1e-5;
  private static final double FD_TOLERANCE = 1e-6;

  // -----------------------------------------------------------------------------------------------
  // Finite differences

  @Test
  void gradientMatchesFiniteDifferencesForEveryHiddenActivationAndLoss() {
    int checked = 0;
    double worst = 0;
    for (Activation hidden : Activation.values()) {
      for (Loss loss : Loss.values()) {
        int outputs = loss == Loss.SIGMOID_CROSS_ENTROPY ? 1 : 3;
        worst = Math.max(worst, checkFiniteDifferences(
            new int[] {4, 5, 4, outputs},
            new Activation[] {hidden, hidden, Activation.IDENTITY}, loss, 31L * checked + 1));
        checked++;
      }
      // Several sigmoid outputs too (the one-output case is above).
      worst = Math.max(worst, checkFiniteDifferences(
          new int[] {3, 6, 4},
          new Activation[] {hidden, Activation.IDENTITY}, Loss.SIGMOID_CROSS_ENTROPY, 977L + checked));
      checked++;
    }
    // 8 activations × (3 losses + several sigmoid outputs).
    assertEquals(32, checked);
    assertTrue(worst <= FD_TOLERANCE, "worst relative error " + worst);
  }

  @Test
  void gradientMatchesFiniteDifferencesForEveryOutputActivationUnderMse() {
    int checked = 0;
    for (Activation output : Activation.values()) {
      checkFiniteDifferences(
          new int[] {3, 5, 2},
          new Activation[] {Activation.TANH, output}, Loss.MEAN_SQUARED_ERROR, 500L + checked);
      checked++;
    }
    assertEquals(8, checked); // one per activation
  }

  @Test
  void gradientMatchesFiniteDifferencesWithoutHiddenLayersAndWhenDeep() {
    for (Loss loss : Loss.values()) {
      checkFiniteDifferences(new int[] {4, loss == Loss.SIGMOID_CROSS_ENTROPY ? 1 : 3},
          new Activation[] {Activation.IDENTITY}, loss, 71);
    }
    checkFiniteDifferences(new int[] {5, 6, 5, 4, 4, 3},
        new Activation[] {Activation.TANH, Activation.RELU, Activation.SILU, Activation.ELU,
            Activation.IDENTITY},
        Loss.SOFTMAX_CROSS_ENTROPY, 72);
    checkFiniteDifferences(new int[] {3, 4, 4, 4, 2},
        new Activation[] {Activation.SOFTPLUS, Activation.LEAKY_RELU, Activation.SIGMOID,
            Activation.TANH},
        Loss.MEAN_SQUARED_ERROR, 73);
  }

  /** Returns the relative error; fails when it exceeds the tolerance. */
  private static double checkFiniteDifferences(
      int[] sizes, Activation[] activations, Loss loss, long seed) {
    Random random = new Random(seed);
    ReferenceMlp net = new ReferenceMlp(sizes, activations, loss);
    double[] params = TestData.parameters(random, net, 1.0);
    net.setParameters(params);
    double[][] x = awayFromKinks(random, net, 6);
    double[][] y = TestData.targets(random, loss, x.length, net.outputSize(), false);

    double[] analytic = new double[net.parameterCount()];
    double lossValue = net.lossAndGradient(x, y, analytic);
    double[] numeric = ReferenceMlp.finiteDifferenceGradient(net, params, x, y, FD_STEP);

    String what = describe(sizes, activations, loss);
    assertEquals(net.loss(x, y), lossValue, 1e-14 * Math.abs(lossValue), what + ": loss");
    assertTrue(TestData.norm(numeric) > 1e-6, what + ": a vanishing gradient checks nothing");
    double error = TestData.relativeError(analytic, numeric);
    assertTrue(error <= FD_TOLERANCE, what + ": relative error " + error);
    return error;
  }

  /** A batch whose pre-activations all stay clear of 0, so the kinks of RELU/LEAKY_RELU are not crossed. */
  private static double[][] awayFromKinks(Random random, ReferenceMlp net, int rows) {
    for (int attempt = 0; attempt < 100; attempt++) {
      double[][] x = TestData.uniformInputs(random, rows, net.inputSize());
      if (TestData.closestToKink(net, x) > 1e-3) {
        return x;
      }
    }
    throw new AssertionError("no batch away from the kinks in 100 attempts");
  }

  private static String describe(int[] sizes, Activation[] activations, Loss loss) {
    return java.util.Arrays.toString(sizes) + " " + java.util.Arrays.toString(activations) + " " + loss;
  }

  // -----------------------------------------------------------------------------------------------
  // Hand-computed cases

  @Test
  void flatLayoutIsWeightsRowMajorThenBiases() {
    // 2 inputs → 3 outputs, identity: flat = W[0][0], W[0][1], W[1][0], ..., b[0], b[1], b[2].
    ReferenceMlp net = new ReferenceMlp(
        new int[] {2, 3}, new Activation[] {Activation.IDENTITY}, Loss.MEAN_SQUARED_ERROR);
    net.setParameters(new double[] {0, 1, 2, 3, 4, 5, 10, 20, 30});
    // x = e_1 picks column 1: W[j][1] + b[j] = (2j + 1) + 10(j + 1).
    assertArrayEquals(new double[] {11, 23, 35}, net.predict(new double[] {0, 1}), 0);
    assertArrayEquals(new double[] {10, 22, 34}, net.predict(new double[] {1, 0}), 0);
    assertEquals(9, net.parameterCount());
    assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 10, 20, 30}, net.getParameters(), 0);
  }

  @Test
  void oneByOneMeanSquaredError() {
    // w = 2, b = 0.5, x = 1.5, y = 1: a = 3.5, L = ½·2.5² = 3.125, dL/dw = 2.5·1.5, dL/db = 2.5.
    ReferenceMlp net = new ReferenceMlp(
        new int[] {1, 1}, new Activation[] {Activation.IDENTITY}, Loss.MEAN_SQUARED_ERROR);
    net.setParameters(new double[] {2, 0.5});
    double[] grad = new double[2];
    double loss = net.lossAndGradient(new double[][] {{1.5}}, new double[][] {{1}}, grad);
    assertEquals(3.125, loss, 1e-15);
    assertArrayEquals(new double[] {3.75, 2.5}, grad, 1e-15);
    assertArrayEquals(new double[] {3.5}, net.predict(new double[] {1.5}), 1e-15);
  }

  @Test
  void meanSquaredErrorAveragesOverSamplesAndHalves() {
    // w = 3, b = 0.5, x = 0 twice, y = 1 and −1: L = (0.5² + 1.5²)/(2·2) = 0.625, db = (−0.5 + 1.5)/2.
    ReferenceMlp net = new ReferenceMlp(
        new int[] {1, 1}, new Activation[] {Activation.IDENTITY}, Loss.MEAN_SQUARED_ERROR);
    net.setParameters(new double[] {3, 0.5});
    double[] grad = new double[2];
    double loss = net.lossAndGradient(new double[][] {{0}, {0}}, new double[][] {{1}, {-1}}, grad);
    assertEquals(0.625, loss, 1e-15);
    assertArrayEquals(new double[] {0, 0.5}, grad, 1e-15);
  }

  @Test
  void oneByOneSigmoidCrossEntropy() {
    // w = 0.5, b = −1, x = 2: z = 0, σ = ½, L = log 2, dz = ½ − 1, dw = dz·2, db = dz.
    ReferenceMlp net = new ReferenceMlp(
        new int[] {1, 1}, new Activation[] {Activation.IDENTITY}, Loss.SIGMOID_CROSS_ENTROPY);
    net.setParameters(new double[] {0.5, -1});
    double[] grad = new double[2];
    double loss = net.lossAndGradient(new double[][] {{2}}, new double[][] {{1}}, grad);
    assertEquals(Math.log(2), loss, 1e-15);
    assertArrayEquals(new double[] {-1, -0.5}, grad, 1e-15);
    assertArrayEquals(new double[] {0.5}, net.predict(new double[] {2}), 1e-15);
  }

  @Test
  void softmaxCrossEntropyByHand() {
    // W = [[1], [−1]], b = 0, x = ln(3)/2: z = ±ln(3)/2, softmax = [3/4, 1/4]; y = [1, 0]:
    // L = log(4/3), dz = [−1/4, 1/4], dW = dz·x, db = dz.
    double c = Math.log(3) / 2;
    ReferenceMlp net = new ReferenceMlp(
        new int[] {1, 2}, new Activation[] {Activation.IDENTITY}, Loss.SOFTMAX_CROSS_ENTROPY);
    net.setParameters(new double[] {1, -1, 0, 0});
    double[] grad = new double[4];
    double loss = net.lossAndGradient(new double[][] {{c}}, new double[][] {{1, 0}}, grad);
    assertEquals(Math.log(4.0 / 3.0), loss, 1e-15);
    assertArrayEquals(new double[] {-c / 4, c / 4, -0.25, 0.25}, grad, 1e-15);
    assertArrayEquals(new double[] {0.75, 0.25}, net.predict(new double[] {c}), 1e-15);
  }

  @Test
  void twoLayerReluBackpropagationByHand() {
    // 1 → 2 RELU → 1, MSE. W1 = [[1], [−1]], b1 = 0, W2 = [[2, 3]], b2 = 0.5, x = 2, y = 1.
    // z1 = [2, −2], a1 = [2, 0], z2 = 4.5, L = 3.5²/2 = 6.125; δ2 = 3.5, dW2 = [7, 0], db2 = 3.5;
    // δ1 = [2·3.5·1, 3·3.5·0] = [7, 0], dW1 = [14, 0], db1 = [7, 0].
    ReferenceMlp net = new ReferenceMlp(new int[] {1, 2, 1},
        new Activation[] {Activation.RELU, Activation.IDENTITY}, Loss.MEAN_SQUARED_ERROR);
    net.setParameters(new double[] {1, -1, 0, 0, 2, 3, 0.5});
    double[] grad = new double[7];
    double loss = net.lossAndGradient(new double[][] {{2}}, new double[][] {{1}}, grad);
    assertEquals(6.125, loss, 1e-15);
    assertArrayEquals(new double[] {14, 0, 7, 0, 7, 0, 3.5}, grad, 1e-15);
  }

  @Test
  void activationValuesAndDerivatives() {
    double s1 = 1 / (1 + Math.exp(-1));
    assertEquals(0.5, ReferenceMlp.activate(Activation.SIGMOID, 0), 0);
    assertEquals(Math.tanh(0.3), ReferenceMlp.activate(Activation.TANH, 0.3), 0);
    assertEquals(0, ReferenceMlp.activate(Activation.RELU, -2), 0);
    assertEquals(-0.02, ReferenceMlp.activate(Activation.LEAKY_RELU, -2), 1e-17);
    assertEquals(Math.exp(-1) - 1, ReferenceMlp.activate(Activation.ELU, -1), 1e-16);
    assertEquals(Math.log(2), ReferenceMlp.activate(Activation.SOFTPLUS, 0), 1e-16);
    assertEquals(800, ReferenceMlp.activate(Activation.SOFTPLUS, 800), 0);
    assertEquals(s1, ReferenceMlp.activate(Activation.SILU, 1), 1e-16);

    assertEquals(0, ReferenceMlp.derivative(Activation.RELU, 0), 0, "RELU'(0) is 0 by contract");
    assertEquals(1, ReferenceMlp.derivative(Activation.RELU, 1e-300), 0);
    assertEquals(0.01, ReferenceMlp.derivative(Activation.LEAKY_RELU, -3), 0);
    assertEquals(Math.exp(-2), ReferenceMlp.derivative(Activation.ELU, -2), 0);
    assertEquals(s1, ReferenceMlp.derivative(Activation.SOFTPLUS, 1), 1e-16);
    assertEquals(s1 * (1 + (1 - s1)), ReferenceMlp.derivative(Activation.SILU, 1), 1e-16);
    assertEquals(0.25, ReferenceMlp.derivative(Activation.SIGMOID, 0), 0);
    assertEquals(1 - Math.tanh(0.7) * Math.tanh(0.7),
        ReferenceMlp.derivative(Activation.TANH, 0.7), 1e-16);
  }

  @Test
  void optimizerStepsByHand() {
    assertArrayEquals(new double[] {0.9, 2.05},
        ReferenceOptimizers.sgdStep(new double[] {1, 2}, new double[] {1, -0.5}, 0.1), 1e-15);

    // Adam, t = 1: m̂ = g, v̂ = g², step = lr·g/(|g| + ε). t = 2 with g = −1 after g = 1:
    // m = 0.9·0.1 − 0.1 = −0.01, m̂ = −0.01/0.19; v = 0.999·0.001 + 0.001, v̂ = v/(1 − 0.999²) = 1.
    ReferenceOptimizers.Adam adam = new ReferenceOptimizers.Adam(1, 0.1);
    double[] p1 = adam.step(new double[] {0}, new double[] {1});
    assertEquals(-0.1 / (1 + 1e-8), p1[0], 1e-16);
    double[] p2 = adam.step(p1, new double[] {-1});
    assertEquals(p1[0] + 0.1 * (0.01 / 0.19) / (1 + 1e-8), p2[0], 1e-15);
    assertEquals(2, adam.steps());
  }

  // -----------------------------------------------------------------------------------------------
  // Stability

  @Test
  void softmaxOfHugeLogitsIsFiniteAndExact() {
    // W = 0, b = [800, −800, 0]: log-sum-exp = 800, so −log softmax₁ = 1600 and dz = [1, −1, 0].
    ReferenceMlp net = new ReferenceMlp(
        new int[] {2, 3}, new Activation[] {Activation.IDENTITY}, Loss.SOFTMAX_CROSS_ENTROPY);
    net.setParameters(new double[] {0, 0, 0, 0, 0, 0, 800, -800, 0});
    double[] grad = new double[9];
    double loss = net.lossAndGradient(new double[][] {{0.5, -0.25}}, new double[][] {{0, 1, 0}}, grad);
    assertEquals(1600, loss, 0);
    assertArrayEquals(new double[] {0.5, -0.25, -0.5, 0.25, 0, 0, 1, -1, 0}, grad, 1e-300);
    assertArrayEquals(new double[] {1, 0, 0}, net.predict(new double[] {0.5, -0.25}), 0);
  }

  @Test
  void sigmoidCrossEntropyOfHugeLogitsIsFiniteAndExact() {
    // z = ±800 with the wrong label costs 800 each and pushes with gradient ±1.
    ReferenceMlp net = new ReferenceMlp(
        new int[] {1, 1}, new Activation[] {Activation.IDENTITY}, Loss.SIGMOID_CROSS_ENTROPY);
    net.setParameters(new double[] {800, 0});
    double[] grad = new double[2];
    double loss = net.lossAndGradient(new double[][] {{1}, {-1}}, new double[][] {{0}, {1}}, grad);
    assertEquals(800, loss, 0);
    // dz = [1, −1]/2, dw = (1·1 + (−1)(−1))/2 = 1, db = 0.
    assertArrayEquals(new double[] {1, 0}, grad, 0);
    assertTrue(TestData.allFinite(grad));
  }
}
