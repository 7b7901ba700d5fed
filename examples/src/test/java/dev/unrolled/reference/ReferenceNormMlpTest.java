package dev.unrolled.reference;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Norm;
import dev.unrolled.train.Dropout;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pins the normalisation/dropout oracle down: central finite differences (fourth order) for both
 * norms, every activation and every loss, with and without a dropout mask; hand-computed layer and
 * batch normalisation, running estimates and inference; the masks against {@link Dropout}; and
 * agreement with {@link ReferenceMlp} and {@link ReferenceRbf} when there is nothing to normalise or
 * drop.
 */
class ReferenceNormMlpTest {
  private static final double FD_STEP = 1e-5;
  private static final double FD_TOLERANCE = 1e-6;
  /** Below this size a gradient component is compared absolutely: {@code |a − n| / max(|n|, floor)}. */
  private static final double FD_FLOOR = 1e-3;
  private static final double EPS = ReferenceNormMlp.EPSILON;

  private static final Activation[] ACTIVATIONS = Activation.values();
  private static final Norm[] NORMS = {Norm.LAYER, Norm.BATCH};

  // -----------------------------------------------------------------------------------------------
  // Finite differences

  @Test
  void gradientMatchesFiniteDifferencesForBothNormsEveryActivationAndLoss() {
    int checked = 0;
    double worst = 0;
    for (Norm norm : NORMS) {
      for (Activation hidden : ACTIVATIONS) {
        for (Loss loss : Loss.values()) {
          // Under MSE the output activation runs through every activation as the hidden one does.
          Activation output = loss.isCrossEntropy()
              ? Activation.IDENTITY
              : ACTIVATIONS[(hidden.ordinal() + 3) % ACTIVATIONS.length];
          // The output layer is normalised too in half of the cases: for every loss, under 4 of the
          // 8 hidden activations.
          boolean normalisedOutput = (hidden.ordinal() + loss.ordinal()) % 2 == 0;
          ReferenceNormMlp net = new ReferenceNormMlp(3, 0, new int[] {5, 4, 3},
              new Activation[] {hidden, hidden, output},
              new Norm[] {norm, norm, normalisedOutput ? norm : Norm.NONE},
              new double[] {0.3, 0.5, 0}, loss);
          worst = Math.max(worst, checkFiniteDifferences(net, 6, 1000L + checked));
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(2 * 8 * 3);
    assertWithMessage("worst relative error").that(worst).isAtMost(FD_TOLERANCE);
  }

  @Test
  void gradientMatchesFiniteDifferencesForMixedNetworksAndAnRbfLayerInFront() {
    int checked = 0;
    for (Loss loss : Loss.values()) {
      Activation out = loss.isCrossEntropy() ? Activation.IDENTITY : Activation.SIGMOID;
      // NONE, LAYER and BATCH mixed, dropout on every hidden layer, a batch-normalised output.
      checkFiniteDifferences(new ReferenceNormMlp(4, 0, new int[] {6, 5, 4, 3},
          new Activation[] {Activation.TANH, Activation.RELU, Activation.SILU, out},
          new Norm[] {Norm.BATCH, Norm.NONE, Norm.LAYER, Norm.BATCH},
          new double[] {0.25, 0.5, 0.1, 0}, loss), 7, 2000L + checked++);
      // An RBF layer in front (layer number 1), then LAYER, BATCH and a plain output layer.
      checkFiniteDifferences(new ReferenceNormMlp(3, 5, new int[] {6, 4, 3},
          new Activation[] {Activation.ELU, Activation.SOFTPLUS, out},
          new Norm[] {Norm.LAYER, Norm.BATCH, Norm.NONE},
          new double[] {0.2, 0.3, 0}, loss), 6, 2000L + checked++);
      // An RBF layer straight into a batch-normalised output layer.
      checkFiniteDifferences(new ReferenceNormMlp(2, 4, new int[] {3},
          new Activation[] {out}, new Norm[] {Norm.BATCH}, new double[] {0}, loss), 5, 2000L + checked++);
      // BATCH on a single output unit (two for softmax, over one it is constant).
      checkFiniteDifferences(new ReferenceNormMlp(3, 0, new int[] {4, loss == Loss.SOFTMAX_CROSS_ENTROPY ? 2 : 1},
          new Activation[] {Activation.LEAKY_RELU, loss.isCrossEntropy() ? Activation.IDENTITY : Activation.TANH},
          new Norm[] {Norm.LAYER, Norm.BATCH}, new double[] {0.4, 0}, loss), 4, 2000L + checked++);
    }
    assertThat(checked).isEqualTo(12);
  }

  /**
   * Compares {@code lossAndGradient} with central differences of the loss (fourth order, see
   * {@link ReferenceNormMlp#finiteDifferenceGradient}), once without dropout and once with the masks
   * of a trainer step; returns the worse relative error.
   */
  private static double checkFiniteDifferences(ReferenceNormMlp net, int rows, long seed) {
    Random random = new Random(seed);
    double[] params = randomParameters(random, net);
    net.setParameters(params);
    double[][][] masks = net.masks(seed, 7, rows);
    double[][] x = awayFromKinks(random, net, rows, masks);
    double[][] y = TestData.targets(random, net.loss(), rows, net.outputSize(), false);
    double[] running = net.runningEstimates();

    double worst = 0;
    for (double[][][] mask : Arrays.asList(null, masks)) {
      String what = describe(net) + (mask == null ? " without dropout" : " with dropout masks");
      double[] analytic = new double[net.parameterCount()];
      double lossValue = net.lossAndGradient(x, y, analytic, mask);
      double[] numeric = net.finiteDifferenceGradient(params, x, y, mask, FD_STEP);
      assertWithMessage(what + ": loss").that(lossValue).isEqualTo(net.loss(x, y, mask));
      assertWithMessage(what + ": a vanishing gradient checks nothing").that(TestData.norm(numeric)).isGreaterThan(1e-3);
      double error = maxRelativeError(analytic, numeric);
      assertWithMessage(what + ": max relative error").that(error).isAtMost(FD_TOLERANCE);
      worst = Math.max(worst, error);
    }
    // Neither lossAndGradient nor the loss touches the running estimates.
    assertThat(net.runningEstimates()).usingExactEquality().containsExactly(running).inOrder();
    return worst;
  }

  /** {@code max_k |a_k − n_k| / max(|n_k|, FD_FLOOR)}. */
  private static double maxRelativeError(double[] analytic, double[] numeric) {
    double worst = 0;
    for (int k = 0; k < analytic.length; k++) {
      worst = Math.max(worst, Math.abs(analytic[k] - numeric[k]) / Math.max(Math.abs(numeric[k]), FD_FLOOR));
    }
    return worst;
  }

  /** A batch whose pre-activations (with and without the masks) all stay clear of the kinks at 0. */
  private static double[][] awayFromKinks(Random random, ReferenceNormMlp net, int rows, double[][][] masks) {
    for (int attempt = 0; attempt < 100; attempt++) {
      double[][] x = TestData.uniformInputs(random, rows, net.inputSize());
      if (closestToKink(net.preActivations(x, null)) > 1e-3 && closestToKink(net.preActivations(x, masks)) > 1e-3) {
        return x;
      }
    }
    throw new AssertionError("no batch away from the kinks in 100 attempts");
  }

  private static double closestToKink(double[][][] z) {
    double min = Double.POSITIVE_INFINITY;
    for (double[][] layer : z) {
      for (double[] row : layer) {
        for (double v : row) {
          min = Math.min(min, Math.abs(v));
        }
      }
    }
    return min;
  }

  /**
   * Parameters in the flat layout: centres U(−1, 1), log-widths N(0, 0.3²); weights
   * N(0, 1)/√fanIn; biases and shifts N(0, 0.3²); scales 1 + N(0, 0.3²).
   */
  private static double[] randomParameters(Random random, ReferenceNormMlp net) {
    double[] p = new double[net.parameterCount()];
    int k = 0;
    for (int n = 0; n < net.rbfUnits() * net.inputSize(); n++) {
      p[k++] = 2 * random.nextDouble() - 1;
    }
    for (int n = 0; n < net.rbfUnits(); n++) {
      p[k++] = 0.3 * random.nextGaussian();
    }
    for (int l = 0; l < net.layerCount(); l++) {
      double std = 1 / Math.sqrt(net.fanIn(l));
      for (int n = 0; n < net.fanOut(l) * net.fanIn(l); n++) {
        p[k++] = std * random.nextGaussian();
      }
      if (net.norm(l) == Norm.NONE) {
        for (int n = 0; n < net.fanOut(l); n++) {
          p[k++] = 0.3 * random.nextGaussian();
        }
      } else {
        for (int n = 0; n < net.fanOut(l); n++) {
          p[k++] = 1 + 0.3 * random.nextGaussian();
        }
        for (int n = 0; n < net.fanOut(l); n++) {
          p[k++] = 0.3 * random.nextGaussian();
        }
      }
    }
    assertThat(k).isEqualTo(p.length);
    return p;
  }

  private static String describe(ReferenceNormMlp net) {
    StringBuilder s = new StringBuilder().append(net.inputSize());
    if (net.rbfUnits() > 0) {
      s.append(" → RBF ").append(net.rbfUnits());
    }
    for (int l = 0; l < net.layerCount(); l++) {
      s.append(" → ").append(net.fanOut(l)).append(' ').append(net.activation(l));
      if (net.norm(l) != Norm.NONE) {
        s.append(' ').append(net.norm(l));
      }
      if (net.dropout(l) > 0) {
        s.append(" dropout ").append(net.dropout(l));
      }
    }
    return s.append(' ').append(net.loss()).toString();
  }

  // -----------------------------------------------------------------------------------------------
  // Layer normalisation by hand

  @Test
  void layerNormByHand() {
    // 1 → 3 IDENTITY, LAYER, MSE. Flat: W = [1, 2, 3] (no bias), γ = [1, 2, 0.5], β = [0, 1, −1].
    ReferenceNormMlp net = new ReferenceNormMlp(1, 0, new int[] {3}, new Activation[] {Activation.IDENTITY},
        new Norm[] {Norm.LAYER}, new double[] {0}, Loss.MEAN_SQUARED_ERROR);
    assertThat(net.parameterCount()).isEqualTo(9);
    assertThat(net.runningEstimateCount()).isEqualTo(0);
    double[] flat = {1, 2, 3, 1, 2, 0.5, 0, 1, -1};
    net.setParameters(flat);
    assertThat(net.parameters()).usingExactEquality().containsExactly(flat).inOrder();

    // x = 1: h = [1, 2, 3], μ = 2, σ² = 2/3, ĥ = [−r, 0, r] with r = 1/√(2/3 + 1e-5);
    // z = γ⊙ĥ + β = [−r, 1, r/2 − 1].
    double r = 1 / Math.sqrt(2.0 / 3.0 + 1e-5);
    assertThat(r).isWithin(1e-7).of(1.2247357); // √1.5 = 1.2247449 without ε
    double[] z1 = {-r, 1, r / 2 - 1};
    assertThat(net.predict(new double[] {1})).usingTolerance(1e-15).containsExactly(z1).inOrder();

    // x = 2: h = [2, 4, 6], σ² = 8/3, ĥ = [−q, 0, q] with q = 2/√(8/3 + 1e-5): ε breaks the scale invariance.
    double q = 2 / Math.sqrt(8.0 / 3.0 + 1e-5);
    double[] z2 = {-q, 1, q / 2 - 1};
    assertThat(net.predict(new double[] {2})).usingTolerance(1e-15).containsExactly(z2).inOrder();
    assertThat(q).isGreaterThan(r);

    // Training uses the same per-sample statistics: a batch of one row is fine, and the batch loss is
    // the mean of the rows' losses. y = 0: L = (1/2m) Σ z².
    double[] grad = new double[9];
    double loss1 = net.lossAndGradient(new double[][] {{1}}, new double[][] {{0, 0, 0}}, grad);
    assertThat(loss1).isWithin(1e-15).of((r * r + 1 + (r / 2 - 1) * (r / 2 - 1)) / 2);
    double loss2 = net.loss(new double[][] {{2}}, new double[][] {{0, 0, 0}});
    double both = net.lossAndGradient(new double[][] {{1}, {2}}, new double[][] {{0, 0, 0}, {0, 0, 0}}, grad);
    assertThat(both).isWithin(1e-15).of((loss1 + loss2) / 2);
    // The gradient of β is dz summed over samples, /m: z − y per row for MSE with IDENTITY.
    assertThat(Arrays.copyOfRange(grad, 6, 9)).usingTolerance(1e-15)
        .containsExactly((z1[0] + z2[0]) / 2, (z1[1] + z2[1]) / 2, (z1[2] + z2[2]) / 2).inOrder();
    // and of γ, dz⊙ĥ: [r² + q², 0, r(r/2 − 1) + q(q/2 − 1)]/2.
    assertThat(Arrays.copyOfRange(grad, 3, 6)).usingTolerance(1e-15)
        .containsExactly((r * r + q * q) / 2, 0.0, (r * (r / 2 - 1) + q * (q / 2 - 1)) / 2).inOrder();
  }

  // -----------------------------------------------------------------------------------------------
  // Batch normalisation by hand

  /** 1 → 2 IDENTITY, BATCH, MSE; W = [1, −2], γ = [1, 1], β = [0, 0]. */
  private static ReferenceNormMlp twoUnitBatchNorm() {
    ReferenceNormMlp net = new ReferenceNormMlp(1, 0, new int[] {2}, new Activation[] {Activation.IDENTITY},
        new Norm[] {Norm.BATCH}, new double[] {0}, Loss.MEAN_SQUARED_ERROR);
    net.setParameters(new double[] {1, -2, 1, 1, 0, 0});
    return net;
  }

  @Test
  void batchStatisticsAndRunningEstimatesByHand() {
    ReferenceNormMlp net = twoUnitBatchNorm();
    assertThat(net.runningEstimateCount()).isEqualTo(4);
    // Start: means 0, variances 1.
    assertThat(net.runningEstimates()).usingExactEquality().containsExactly(0, 0, 1, 1).inOrder();

    // Batch 1: x = [1, 3]. Unit 0: h = [1, 3], μ = 2, σ² = 1, ĥ = ∓1/√(1 + ε).
    // Unit 1: h = [−2, −6], μ = −4, σ² = 4, ĥ = ±2/√(4 + ε). With y = 0, L = Σ ĥ² / (2·2).
    double[][] x1 = {{1}, {3}};
    double[][] y1 = {{0, 0}, {0, 0}};
    double expectedLoss1 = (2 / (1 + EPS) + 8 / (4 + EPS)) / 4;
    double[] grad = new double[6];
    assertThat(net.lossAndGradient(x1, y1, grad)).isWithin(1e-15).of(expectedLoss1);
    // ĥ sums to 0 over the batch, so the gradient of β is 0; that of γ is Σ ĥ²/m per unit.
    assertThat(Arrays.copyOfRange(grad, 2, 6)).usingTolerance(1e-15)
        .containsExactly(1 / (1 + EPS), 4 / (4 + EPS), 0.0, 0.0).inOrder();
    // The gradient of W flows through the statistics only: per unit, Σ_s ĥ² = m·σ²/(σ² + ε) with
    // σ² = W²·var(x) = W², so dL/dW = (1/2m)·m·ε/(σ² + ε)²·2W = ε·W/(σ² + ε)²: [ε/(1 + ε)², −2ε/(4 + ε)²].
    assertThat(Arrays.copyOfRange(grad, 0, 2)).usingTolerance(1e-15)
        .containsExactly(EPS / ((1 + EPS) * (1 + EPS)), -2 * EPS / ((4 + EPS) * (4 + EPS))).inOrder();
    // lossAndGradient does not touch the running estimates.
    assertThat(net.runningEstimates()).usingExactEquality().containsExactly(0, 0, 1, 1).inOrder();

    // Step 1 (lr = 0, so the parameters stay): rm = 0.1·μ = [0.2, −0.4];
    // rv = 0.9·1 + 0.1·σ²·2/1 = [1.1, 1.7].
    assertThat(net.trainStepSgd(x1, y1, 0, null)).isWithin(1e-15).of(expectedLoss1);
    assertThat(net.runningEstimates()).usingTolerance(1e-15).containsExactly(0.2, -0.4, 1.1, 1.7).inOrder();

    // Step 2: x = [0, 1, 2]. Unit 0: h = [0, 1, 2], μ = 1, σ² = 2/3, σ²·3/2 = 1;
    // unit 1: h = [0, −2, −4], μ = −2, σ² = 8/3, σ²·3/2 = 4.
    // rm = 0.9·[0.2, −0.4] + 0.1·[1, −2] = [0.28, −0.56]; rv = 0.9·[1.1, 1.7] + 0.1·[1, 4] = [1.09, 1.93].
    net.trainStepSgd(new double[][] {{0}, {1}, {2}}, new double[][] {{0, 0}, {0, 0}, {0, 0}}, 0, null);
    assertThat(net.runningEstimates()).usingTolerance(1e-15).containsExactly(0.28, -0.56, 1.09, 1.93).inOrder();
    assertThat(net.parameters()).usingExactEquality().containsExactly(1, -2, 1, 1, 0, 0).inOrder();

    // Inference normalises with them: z = (h − rm)/√(rv + ε).
    assertThat(net.predict(new double[] {1})).usingTolerance(1e-15)
        .containsExactly((1 - 0.28) / Math.sqrt(1.09 + EPS), (-2 + 0.56) / Math.sqrt(1.93 + EPS)).inOrder();
  }

  @Test
  void aStepUpdatesTheRunningEstimatesFromItsForwardPassBeforeTheUpdate() {
    double[][] x = {{1}, {3}};
    double[][] y = {{0.5, -1}, {2, 0}};
    for (int optimizer = 0; optimizer < 2; optimizer++) {
      ReferenceNormMlp net = twoUnitBatchNorm();
      if (optimizer == 0) {
        net.trainStepSgd(x, y, 0.5, null);
      } else {
        net.trainStepAdam(new ReferenceOptimizers.Adam(6, 0.1), x, y, null);
      }
      assertThat(net.parameters()).isNotEqualTo(new double[] {1, -2, 1, 1, 0, 0});
      // Statistics of the parameters before the step (as with lr = 0 above).
      assertThat(net.runningEstimates()).usingTolerance(1e-15).containsExactly(0.2, -0.4, 1.1, 1.7).inOrder();
    }
  }

  @Test
  void batchPredictIsTheFormulaWithTheRunningEstimates() {
    // 2 → 3 TANH BATCH → 2 IDENTITY (plain), MSE.
    ReferenceNormMlp net = new ReferenceNormMlp(2, 0, new int[] {3, 2},
        new Activation[] {Activation.TANH, Activation.IDENTITY}, new Norm[] {Norm.BATCH, Norm.NONE},
        new double[] {0.5, 0}, Loss.MEAN_SQUARED_ERROR);
    Random random = new Random(5);
    double[] p = randomParameters(random, net);
    net.setParameters(p);
    double[] running = {0.3, -0.2, 0.1, 0.5, 2.0, 1.5}; // means, then variances
    net.setRunningEstimates(running);
    assertThat(net.runningEstimates()).usingExactEquality().containsExactly(running).inOrder();

    // Layout: W1[3][2] at 0, γ at 6, β at 9, W2[2][3] at 12, b2 at 18.
    double[] x = {0.7, -0.4};
    double[] a = new double[3];
    for (int j = 0; j < 3; j++) {
      double h = p[2 * j] * x[0] + p[2 * j + 1] * x[1];
      a[j] = Math.tanh(p[6 + j] * (h - running[j]) / Math.sqrt(running[3 + j] + EPS) + p[9 + j]);
    }
    double[] expected = new double[2];
    for (int j = 0; j < 2; j++) {
      expected[j] = p[18 + j];
      for (int i = 0; i < 3; i++) {
        expected[j] += p[12 + 3 * j + i] * a[i];
      }
    }
    assertThat(net.predict(x)).usingTolerance(1e-15).containsExactly(expected).inOrder();
    // No dropout in inference, and predicting changes nothing.
    assertThat(net.predict(x)).usingExactEquality().containsExactly(net.predict(x)).inOrder();
    assertThat(net.runningEstimates()).usingExactEquality().containsExactly(running).inOrder();
  }

  @Test
  void runningEstimatesFollowBatchLayersInOrderMeansThenVariances() {
    ReferenceNormMlp net = new ReferenceNormMlp(2, 3, new int[] {4, 2, 3, 2},
        new Activation[] {Activation.RELU, Activation.TANH, Activation.SIGMOID, Activation.IDENTITY},
        new Norm[] {Norm.BATCH, Norm.LAYER, Norm.BATCH, Norm.NONE}, new double[] {0, 0, 0, 0},
        Loss.SOFTMAX_CROSS_ENTROPY);
    assertThat(net.runningEstimateCount()).isEqualTo(2 * 4 + 2 * 3);
    assertThat(net.runningEstimates()).usingExactEquality()
        .containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1).inOrder();
    // RBF 3·2 + 3, then W 4·3 + γ, β; W 2·4 + γ, β; W 3·2 + γ, β; W 2·3 + b.
    assertThat(net.parameterCount()).isEqualTo(9 + 20 + 12 + 12 + 8);
    assertThat(net.layerOffset(2)).isEqualTo(9 + 20 + 12);
    assertThrows(IllegalArgumentException.class, () -> net.setRunningEstimates(new double[13]));
    double[] negative = net.runningEstimates();
    negative[4] = -1;
    assertThrows(IllegalArgumentException.class, () -> net.setRunningEstimates(negative));
  }

  @Test
  void aBatchOfOneRowWithBatchNormIsAnError() {
    ReferenceNormMlp net = new ReferenceNormMlp(2, 0, new int[] {3, 2},
        new Activation[] {Activation.TANH, Activation.IDENTITY}, new Norm[] {Norm.NONE, Norm.BATCH},
        new double[] {0.5, 0}, Loss.SOFTMAX_CROSS_ENTROPY);
    net.setParameters(randomParameters(new Random(3), net));
    double[][] x = {{0.1, 0.2}};
    double[][] y = {{1, 0}};
    double[] grad = new double[net.parameterCount()];
    assertThrows(IllegalArgumentException.class, () -> net.lossAndGradient(x, y, grad));
    assertThrows(IllegalArgumentException.class, () -> net.lossAndGradient(x, y, grad, net.masks(1, 0, 1)));
    assertThrows(IllegalArgumentException.class, () -> net.loss(x, y));
    assertThrows(IllegalArgumentException.class, () -> net.trainStepSgd(x, y, 0.1, null));
    assertThrows(IllegalArgumentException.class,
        () -> net.trainStepAdam(new ReferenceOptimizers.Adam(net.parameterCount(), 0.1), x, y, null));
    // Nothing moved, and inference on one row is fine.
    assertThat(net.runningEstimates()).usingExactEquality().containsExactly(0, 0, 1, 1).inOrder();
    assertThat(net.predict(x[0])).hasLength(2);
    // Two rows are enough.
    net.lossAndGradient(new double[][] {{0.1, 0.2}, {0.3, -0.1}}, new double[][] {{1, 0}, {0, 1}}, grad);
  }

  // -----------------------------------------------------------------------------------------------
  // Dropout masks

  @Test
  void withZeroProbabilityEveryMultiplierIsOne() {
    for (long seed : new long[] {0, 1, -7, Long.MAX_VALUE}) {
      for (long step = 0; step < 3; step++) {
        for (double[] row : ReferenceNormMlp.mask(seed, step, 2, 5, 9, 0)) {
          for (double v : row) {
            assertThat(v).isEqualTo(1.0);
          }
        }
      }
    }
    // All-one masks change nothing; a layer without dropout gets no mask.
    ReferenceNormMlp net = new ReferenceNormMlp(3, 0, new int[] {4, 4, 2},
        new Activation[] {Activation.SILU, Activation.TANH, Activation.IDENTITY},
        new Norm[] {Norm.BATCH, Norm.LAYER, Norm.NONE}, new double[] {0, 0, 0}, Loss.SIGMOID_CROSS_ENTROPY);
    net.setParameters(randomParameters(new Random(11), net));
    Random random = new Random(12);
    double[][] x = TestData.uniformInputs(random, 5, 3);
    double[][] y = TestData.targets(random, Loss.SIGMOID_CROSS_ENTROPY, 5, 2, true);
    assertThat(net.masks(3, 4, 5)).asList().containsExactly(null, null, null);
    double[][][] ones = {ReferenceNormMlp.mask(3, 4, 1, 5, 4, 0), ReferenceNormMlp.mask(3, 4, 2, 5, 4, 0), null};
    double[] plain = new double[net.parameterCount()];
    double[] masked = new double[net.parameterCount()];
    double plainLoss = net.lossAndGradient(x, y, plain);
    assertThat(net.lossAndGradient(x, y, masked, ones)).isEqualTo(plainLoss);
    assertThat(masked).usingExactEquality().containsExactly(plain).inOrder();
  }

  @Test
  void masksAreDropoutKeptScaledAndCountTheRbfLayer() {
    double p = 0.3;
    ReferenceNormMlp net = new ReferenceNormMlp(2, 3, new int[] {5, 4, 2},
        new Activation[] {Activation.RELU, Activation.RELU, Activation.IDENTITY},
        new Norm[] {Norm.NONE, Norm.BATCH, Norm.NONE}, new double[] {p, 0, 0}, Loss.SOFTMAX_CROSS_ENTROPY);
    assertThat(net.layerNumber(0)).isEqualTo(2); // the RBF layer is layer 1
    double[][][] masks = net.masks(42, 9, 6);
    assertThat(masks[1]).isNull();
    assertThat(masks[2]).isNull();
    for (int row = 0; row < 6; row++) {
      for (int unit = 0; unit < 5; unit++) {
        double expected = Dropout.kept(42, 9, 2, row, unit, p) ? 1 / (1 - p) : 0;
        assertThat(masks[0][row][unit]).isEqualTo(expected);
      }
    }
    // Another step draws another mask.
    assertThat(Arrays.deepEquals(masks, net.masks(42, 10, 6))).isFalse();

    // Over many rows about 1 − p of the outputs are kept, each scaled by 1/(1 − p).
    double[][] big = ReferenceNormMlp.mask(5, 0, 1, 2000, 50, p);
    int kept = 0;
    for (double[] row : big) {
      for (double v : row) {
        assertThat(v == 0 || v == 1 / (1 - p)).isTrue();
        kept += v > 0 ? 1 : 0;
      }
    }
    assertThat(kept / 100_000.0).isWithin(0.01).of(1 - p);
  }

  @Test
  void dropoutMultipliesTheHiddenOutputs() {
    // 1 → 2 IDENTITY (dropout 0.5) → 1 IDENTITY, MSE. W1 = [1, 1], b1 = 0, W2 = [1, 1], b2 = 0.
    // With the mask [2, 0]: a1 = [2x, 0], so the output is 2x; without it, 2x as well; with [0, 0], 0.
    ReferenceNormMlp net = new ReferenceNormMlp(1, 0, new int[] {2, 1},
        new Activation[] {Activation.IDENTITY, Activation.IDENTITY}, new Norm[] {Norm.NONE, Norm.NONE},
        new double[] {0.5, 0}, Loss.MEAN_SQUARED_ERROR);
    net.setParameters(new double[] {1, 1, 0, 0, 1, 1, 0});
    double[][] x = {{3}};
    double[][] y = {{0}};
    assertThat(net.loss(x, y, new double[][][] {{{2, 0}}, null})).isEqualTo(18.0); // ½·6²
    assertThat(net.loss(x, y, new double[][][] {{{0, 0}}, null})).isEqualTo(0.0);
    assertThat(net.loss(x, y, new double[][][] {{{2, 2}}, null})).isEqualTo(72.0); // ½·12²
    assertThat(net.loss(x, y)).isEqualTo(18.0);
    // The gradient of W1 follows the kept unit only: dz2 = 6, da1 = [6, 6], ⊙ mask [2, 0] → [12, 0]·x.
    double[] grad = new double[7];
    net.lossAndGradient(x, y, grad, new double[][][] {{{2, 0}}, null});
    assertThat(grad).usingExactEquality().containsExactly(36, 0, 12, 0, 36, 0, 6).inOrder();
  }

  // -----------------------------------------------------------------------------------------------
  // Trainer steps

  @Test
  void trainerStepsAreOptimizerStepsOnTheMaskedGradient() {
    Random random = new Random(77);
    ReferenceNormMlp net = mixedNetwork();
    double[] start = randomParameters(random, net);
    net.setParameters(start);
    double[][] x = TestData.uniformInputs(random, 5, 3);
    double[][] y = TestData.targets(random, Loss.SOFTMAX_CROSS_ENTROPY, 5, 3, true);

    // SGD: the loss before the step, then p − lr·g with g from the same masks.
    double[][][] masks = net.masks(99, 0, 5);
    double[] g = new double[net.parameterCount()];
    double expectedLoss = net.lossAndGradient(x, y, g, masks);
    assertThat(net.trainStepSgd(x, y, 0.05, masks)).isEqualTo(expectedLoss);
    assertThat(net.parameters()).usingExactEquality()
        .containsExactly(ReferenceOptimizers.sgdStep(start, g, 0.05)).inOrder();
    double[] initial = mixedNetwork().runningEstimates();
    assertThat(net.runningEstimates()).isNotEqualTo(initial);

    // Adam, two steps with the masks of steps 0 and 1, against the optimizer applied by hand.
    ReferenceNormMlp byHand = mixedNetwork();
    ReferenceNormMlp stepped = mixedNetwork();
    byHand.setParameters(start);
    stepped.setParameters(start);
    ReferenceOptimizers.Adam adamByHand = new ReferenceOptimizers.Adam(start.length, 0.01);
    ReferenceOptimizers.Adam adam = new ReferenceOptimizers.Adam(start.length, 0.01);
    double[] p = start;
    for (long step = 0; step < 2; step++) {
      double[][][] stepMasks = stepped.masks(99, step, 5);
      double[] grad = new double[start.length];
      double loss = byHand.lossAndGradient(x, y, grad, stepMasks);
      p = adamByHand.step(p, grad);
      byHand.setParameters(p);
      assertThat(stepped.trainStepAdam(adam, x, y, stepMasks)).isEqualTo(loss);
      assertThat(stepped.parameters()).usingExactEquality().containsExactly(p).inOrder();
    }
    assertThat(adam.steps()).isEqualTo(2);
    // Only the trainer steps moved the running estimates.
    assertThat(byHand.runningEstimates()).usingExactEquality().containsExactly(initial).inOrder();
    assertThat(stepped.runningEstimates()).isNotEqualTo(initial);
  }

  private static ReferenceNormMlp mixedNetwork() {
    return new ReferenceNormMlp(3, 0, new int[] {6, 4, 3},
        new Activation[] {Activation.TANH, Activation.RELU, Activation.IDENTITY},
        new Norm[] {Norm.BATCH, Norm.LAYER, Norm.BATCH}, new double[] {0.3, 0.2, 0},
        Loss.SOFTMAX_CROSS_ENTROPY);
  }

  // -----------------------------------------------------------------------------------------------
  // Agreement with the plain oracles

  @Test
  void withoutNormOrDropoutItIsReferenceMlpAndReferenceRbf() {
    Random random = new Random(8);
    for (Loss loss : Loss.values()) {
      Activation out = loss.isCrossEntropy() ? Activation.IDENTITY : Activation.SOFTPLUS;
      Activation[] activations = {Activation.ELU, Activation.SIGMOID, out};
      Norm[] none = {Norm.NONE, Norm.NONE, Norm.NONE};
      double[] noDropout = {0, 0, 0};
      double[][] x = TestData.uniformInputs(random, 4, 3);
      double[][] y = TestData.targets(random, loss, 4, 3, false);

      ReferenceNormMlp net = new ReferenceNormMlp(3, 0, new int[] {5, 4, 3}, activations, none, noDropout, loss);
      ReferenceMlp mlp = new ReferenceMlp(new int[] {3, 5, 4, 3}, activations, loss);
      double[] p = randomParameters(random, net);
      net.setParameters(p);
      mlp.setParameters(p);
      assertThat(net.runningEstimateCount()).isEqualTo(0);
      assertThat(net.parameterCount()).isEqualTo(mlp.parameterCount());
      compare(net.lossAndGradient(x, y, new double[p.length]), mlp.lossAndGradient(x, y, new double[p.length]));
      double[] g1 = new double[p.length];
      double[] g2 = new double[p.length];
      net.lossAndGradient(x, y, g1);
      mlp.lossAndGradient(x, y, g2);
      assertThat(TestData.relativeError(g1, g2)).isLessThan(1e-13);
      assertThat(TestData.relativeError(net.predict(x[0]), mlp.predict(x[0]))).isLessThan(1e-14);

      ReferenceNormMlp withRbf = new ReferenceNormMlp(3, 4, new int[] {5, 4, 3}, activations, none, noDropout, loss);
      ReferenceRbf rbf = new ReferenceRbf(3, 4, new int[] {5, 4, 3}, activations, loss);
      double[] q = randomParameters(random, withRbf);
      withRbf.setParameters(q);
      rbf.setParameters(q);
      assertThat(withRbf.parameterCount()).isEqualTo(rbf.parameterCount());
      double[] h1 = new double[q.length];
      double[] h2 = new double[q.length];
      compare(withRbf.lossAndGradient(x, y, h1), rbf.lossAndGradient(x, y, h2));
      assertThat(TestData.relativeError(h1, h2)).isLessThan(1e-13);
      assertThat(TestData.relativeError(withRbf.predict(x[1]), rbf.predict(x[1]))).isLessThan(1e-14);
    }
  }

  private static void compare(double a, double b) {
    assertThat(TestData.relativeError(a, b)).isLessThan(1e-14);
  }

  // -----------------------------------------------------------------------------------------------
  // Declarations it refuses

  @Test
  void refusesWhatTheContractRules() {
    // A cross-entropy output layer must produce logits.
    assertThrows(IllegalArgumentException.class, () -> new ReferenceNormMlp(2, 0, new int[] {3},
        new Activation[] {Activation.TANH}, new Norm[] {Norm.LAYER}, new double[] {0}, Loss.SOFTMAX_CROSS_ENTROPY));
    // Dropout is for hidden layers, with p in [0, 1).
    assertThrows(IllegalArgumentException.class, () -> new ReferenceNormMlp(2, 0, new int[] {3, 2},
        new Activation[] {Activation.TANH, Activation.IDENTITY}, new Norm[] {Norm.NONE, Norm.NONE},
        new double[] {0, 0.5}, Loss.MEAN_SQUARED_ERROR));
    assertThrows(IllegalArgumentException.class, () -> new ReferenceNormMlp(2, 0, new int[] {3, 2},
        new Activation[] {Activation.TANH, Activation.IDENTITY}, new Norm[] {Norm.NONE, Norm.NONE},
        new double[] {1, 0}, Loss.MEAN_SQUARED_ERROR));
    assertThrows(IllegalArgumentException.class, () -> ReferenceNormMlp.mask(0, 0, 1, 2, 2, 1.0));
    // One activation, norm and dropout per dense layer.
    assertThrows(IllegalArgumentException.class, () -> new ReferenceNormMlp(2, 0, new int[] {3, 2},
        new Activation[] {Activation.TANH, Activation.IDENTITY}, new Norm[] {Norm.NONE},
        new double[] {0, 0}, Loss.MEAN_SQUARED_ERROR));
  }
}
