package dev.unrolled.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Precision;
import dev.unrolled.Trainer;
import dev.unrolled.reference.ReferenceMlp;
import dev.unrolled.reference.TestData;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Cross-entropy from logits must stay finite and exact where the naive formulas overflow: logits
 * around ±800 for DOUBLE (e^800 overflows a double) and ±80 for FLOAT (e^-80 underflows a float to
 * 0, and log 0 is −∞). The output biases are set to ±logit, so every sample's logits are that large.
 */
class StabilityTest {
  private static final List<String> DOUBLE_CASES = List.of(
      "NoHiddenSoftmaxDouble", "HiddenTanhDouble", "NoHiddenSigmoidDouble", "HiddenEluDouble",
      "HiddenSigmoidDouble");
  private static final List<String> FLOAT_CASES = List.of(
      "NoHiddenSoftmaxFloat", "HiddenTanhFloat", "NoHiddenSigmoidFloat", "HiddenEluFloat",
      "HiddenSigmoidFloat");

  @Test
  void doubleLogitsOfAbout800(TestReporter reporter) {
    ParityReport report = new ParityReport("logits of ±800");
    for (String name : DOUBLE_CASES) {
      NetCase c = ParityCases.named(name);
      report.check(c, () -> checkHugeLogits(c, 800, report));
    }
    reporter.publishEntry("stability", report.summary());
    report.assertAllPassed(5);
  }

  @Test
  void floatLogitsOfAbout80(TestReporter reporter) {
    ParityReport report = new ParityReport("logits of ±80");
    for (String name : FLOAT_CASES) {
      NetCase c = ParityCases.named(name);
      report.check(c, () -> checkHugeLogits(c, 80, report));
    }
    reporter.publishEntry("stability", report.summary());
    report.assertAllPassed(5);
  }

  @Test
  void laneLogitsOfAbout80And800(TestReporter reporter) {
    // Lane networks compute their losses over the lanes of a batch: the same limits hold there.
    ParityReport report = new ParityReport("lane logits of ±80 (float) and ±800 (double)");
    int cases = 0;
    for (NetCase c : LaneCases.all()) {
      if (c.loss != Loss.MEAN_SQUARED_ERROR) {
        cases++;
        report.check(c, () -> checkHugeLogits(c, c.precision == Precision.FLOAT ? 80 : 800, report));
      }
    }
    reporter.publishEntry("stability", report.summary());
    report.assertAllPassed(cases);
    assertTrue(cases == 32, cases + " cross-entropy lane networks");
  }

  @Test
  void softmaxLossOfABatchLargeEnoughToRescaleItsProduct(TestReporter reporter) {
    // The generated softmax takes the log of the product of the samples' Σe once a batch, scaling
    // the product by 2^-900 whenever it grows past 2^900: 2,000 samples of k ≥ 2 equal logits
    // (Σe = k each) pass that point at least twice.
    ParityReport report = new ParityReport("softmax over 2,000 samples");
    int cases = 0;
    for (NetCase c : softmaxCases()) {
      cases++;
      report.check(c, () -> checkLargeBatch(c, report));
    }
    reporter.publishEntry("stability", report.summary());
    report.assertAllPassed(cases);
  }

  /** Every row and lane network with a softmax output. */
  private static List<NetCase> softmaxCases() {
    return java.util.stream.Stream.concat(ParityCases.all().stream(), LaneCases.all().stream())
        .filter(c -> c.loss == Loss.SOFTMAX_CROSS_ENTROPY)
        .toList();
  }

  private static void checkLargeBatch(NetCase c, ParityReport report) {
    Random random = new Random(c.name.hashCode());
    int rows = 2000;
    double[][] x = TestData.roundToFloat(TestData.uniformInputs(random, rows, c.inputs()));
    double[][] y = new double[rows][c.outputs()];
    for (int s = 0; s < rows; s++) {
      y[s][s % c.outputs()] = 1;
    }
    Model model = c.newModel(1);
    double[] zeros = new double[model.parameterCount()];
    model.setParameters(zeros); // every logit 0: each sample's loss is exactly ln k
    double[] gradient = new double[model.parameterCount()];
    report.compare(c, "loss with equal logits", model.lossAndGradient(x, y, gradient), Math.log(c.outputs()));

    ReferenceMlp reference = c.newReference();
    double[] p = TestData.roundToFloat(TestData.parameters(random, reference, 1.0));
    reference.setParameters(p);
    model.setParameters(p);
    y[rows - 1] = TestData.targets(random, c.loss, 1, c.outputs(), false)[0]; // one soft row among them
    y = TestData.roundToFloat(y);
    double[] expected = new double[reference.parameterCount()];
    double expectedLoss = reference.lossAndGradient(x, y, expected);
    report.compare(c, "loss", model.lossAndGradient(x, y, gradient), expectedLoss);
    report.compare(c, "gradient", gradient, expected);
  }

  private static void checkHugeLogits(NetCase c, double logit, ParityReport report) {
    Random random = new Random(c.name.hashCode());
    ReferenceMlp reference = c.newReference();
    double[] p = TestData.parameters(random, reference, 1.0);
    int last = reference.layerCount() - 1;
    int biases = reference.layerOffset(last) + reference.fanIn(last) * reference.fanOut(last);
    for (int j = 0; j < reference.fanOut(last); j++) {
      // Alternate +logit, −logit (and 0 for a third softmax output) so classes disagree wildly.
      p[biases + j] = j % 3 == 0 ? logit : j % 3 == 1 ? -logit : 0;
    }
    p = TestData.roundToFloat(p); // exact in both precisions, so one vector serves both sides
    reference.setParameters(p);
    Model model = c.newModel(1);
    model.setParameters(p);

    double[][] x = TestData.roundToFloat(TestData.uniformInputs(random, 6, c.inputs()));
    double[][] y = wrongAndRightTargets(c, random);
    double[] expected = new double[reference.parameterCount()];
    double expectedLoss = reference.lossAndGradient(x, y, expected);
    assertTrue(expectedLoss > 0.5 * logit, "the batch should contain confidently wrong samples");

    double[] gradient = new double[model.parameterCount()];
    double loss = model.lossAndGradient(x, y, gradient);
    assertTrue(Double.isFinite(loss), "loss " + loss);
    assertTrue(TestData.allFinite(gradient), "non-finite gradient");
    report.compare(c, "loss", loss, expectedLoss);
    report.compare(c, "gradient", gradient, expected);

    double[] out = new double[c.outputs()];
    for (double[] row : x) {
      model.predict(row, out);
      assertTrue(TestData.allFinite(out), "non-finite prediction");
      report.compare(c, "predict", out, reference.predict(row));
    }

    Trainer trainer = c.newTrainer(model, Optimizer.sgd(0.01));
    double trainLoss = trainer.trainBatch(x, y);
    report.compare(c, "trainBatch loss", trainLoss, expectedLoss);
    assertTrue(TestData.allFinite(model.parameters()), "non-finite parameters after a step");
  }

  /** One-hot rows for every class (half of them hit a −logit output), plus soft rows. */
  private static double[][] wrongAndRightTargets(NetCase c, Random random) {
    int n = c.outputs();
    double[][] y = new double[6][n];
    for (int s = 0; s < y.length; s++) {
      if (c.loss == Loss.SOFTMAX_CROSS_ENTROPY) {
        if (s < 4) {
          y[s][s % n] = 1;
        } else {
          y[s] = TestData.targets(random, c.loss, 1, n, false)[0];
        }
      } else {
        for (int j = 0; j < n; j++) {
          y[s][j] = s < 4 ? (s + j) % 2 : 0.25;
        }
      }
    }
    return TestData.roundToFloat(y);
  }
}
