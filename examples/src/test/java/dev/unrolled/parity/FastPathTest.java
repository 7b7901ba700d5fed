package dev.unrolled.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Trainer;
import dev.unrolled.reference.TestData;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The precision-native entry points (float arrays, integer labels) agree with the {@code double}
 * contract that {@link GeneratedVsReferenceTest} pins to the reference. Each comparison runs two
 * identically seeded models side by side, one through each entry point.
 */
class FastPathTest {
  private static final long SEED = 42;

  @FunctionalInterface
  interface FloatPredict {
    void predict(float[] input, float[] output);
  }

  @FunctionalInterface
  interface FloatClassify {
    int classify(float[] input);
  }

  @FunctionalInterface
  interface FloatLabels {
    double trainBatch(float[][] inputs, int[] labels);
  }

  @FunctionalInterface
  interface FloatTargets {
    double trainBatch(float[][] inputs, float[][] targets);
  }

  @FunctionalInterface
  interface DoubleLabels {
    double trainBatch(double[][] inputs, int[] labels);
  }

  private static Optimizer adam() {
    return Optimizer.adam(0.01);
  }

  // -----------------------------------------------------------------------------------------------

  @Test
  void floatPredictAndClassifyAgreeWithDoubleEntryPoints(TestReporter reporter) {
    ParityReport report = new ParityReport("predict/classify(float[]) vs (double[])");
    var tanh = new ParityNetworks_HiddenTanhFloatModel(SEED);
    predictAgrees(report, "HiddenTanhFloat", tanh, tanh::predict, tanh::classify);
    var elu = new ParityNetworks_HiddenEluFloatModel(SEED);
    predictAgrees(report, "HiddenEluFloat", elu, elu::predict, elu::classify);
    var sigmoid = new ParityNetworks_HiddenSigmoidFloatModel(SEED);
    predictAgrees(report, "HiddenSigmoidFloat", sigmoid, sigmoid::predict, sigmoid::classify);
    var large = new ParityNetworks_LargeSoftmaxFloatModel(SEED);
    predictAgrees(report, "LargeSoftmaxFloat", large, large::predict, large::classify);
    var mse = new ParityNetworks_OutputSiluFloatModel(SEED);
    predictAgrees(report, "OutputSiluFloat", mse, mse::predict, null);
    reporter.publishEntry("fast paths", report.summary());
    report.assertAllPassed(5);
  }

  private static void predictAgrees(ParityReport report, String name, Model model,
      FloatPredict predict, FloatClassify classify) {
    NetCase c = ParityCases.named(name);
    report.check(c, () -> {
      Random random = new Random(name.hashCode());
      double[][] x = TestData.roundToFloat(TestData.uniformInputs(random, 6, c.inputs()));
      float[][] xf = TestData.toFloat(x);
      double[] expected = new double[c.outputs()];
      float[] actual = new float[c.outputs()];
      for (int s = 0; s < x.length; s++) {
        model.predict(x[s], expected);
        predict.predict(xf[s], actual);
        double[] widened = new double[actual.length];
        for (int j = 0; j < actual.length; j++) {
          widened[j] = actual[j];
        }
        report.compare(c, "predict(float[])", widened, expected);
        if (classify != null && GeneratedVsReferenceTest.clearWinner(expected)) {
          assertEquals(model.classify(x[s]), classify.classify(xf[s]), "classify(float[])");
        }
      }
    });
  }

  // -----------------------------------------------------------------------------------------------

  @Test
  void floatLabelsTrainLikeOneHotTargets(TestReporter reporter) {
    ParityReport report = new ParityReport("trainBatch(float[][], int[]) vs one-hot double targets");
    {
      var a = new ParityNetworks_HiddenTanhFloatTrainer(
          new ParityNetworks_HiddenTanhFloatModel(SEED), adam());
      var b = new ParityNetworks_HiddenTanhFloatTrainer(
          new ParityNetworks_HiddenTanhFloatModel(SEED), adam());
      labelsAgree(report, "HiddenTanhFloat", a, b, a::trainBatch);
    }
    {
      var a = new ParityNetworks_HiddenEluFloatTrainer(
          new ParityNetworks_HiddenEluFloatModel(SEED), adam());
      var b = new ParityNetworks_HiddenEluFloatTrainer(
          new ParityNetworks_HiddenEluFloatModel(SEED), adam());
      labelsAgree(report, "HiddenEluFloat", a, b, a::trainBatch);
    }
    {
      var a = new ParityNetworks_HiddenSigmoidFloatTrainer(
          new ParityNetworks_HiddenSigmoidFloatModel(SEED), adam());
      var b = new ParityNetworks_HiddenSigmoidFloatTrainer(
          new ParityNetworks_HiddenSigmoidFloatModel(SEED), adam());
      labelsAgree(report, "HiddenSigmoidFloat", a, b, a::trainBatch);
    }
    {
      var a = new ParityNetworks_LargeSoftmaxFloatTrainer(
          new ParityNetworks_LargeSoftmaxFloatModel(SEED), adam());
      var b = new ParityNetworks_LargeSoftmaxFloatTrainer(
          new ParityNetworks_LargeSoftmaxFloatModel(SEED), adam());
      labelsAgree(report, "LargeSoftmaxFloat", a, b, a::trainBatch);
    }
    {
      var a = new ParityNetworks_NoHiddenSigmoidFloatTrainer(
          new ParityNetworks_NoHiddenSigmoidFloatModel(SEED), adam());
      var b = new ParityNetworks_NoHiddenSigmoidFloatTrainer(
          new ParityNetworks_NoHiddenSigmoidFloatModel(SEED), adam());
      labelsAgree(report, "NoHiddenSigmoidFloat", a, b, a::trainBatch);
    }
    reporter.publishEntry("fast paths", report.summary());
    report.assertAllPassed(5);
  }

  private static void labelsAgree(ParityReport report, String name, Trainer viaLabels,
      Trainer viaTargets, FloatLabels labelsEntry) {
    NetCase c = ParityCases.named(name);
    report.check(c, () -> {
      Random random = new Random(name.hashCode());
      for (int step = 1; step <= 2; step++) {
        double[][] x = TestData.roundToFloat(TestData.uniformInputs(random, 4 + 3 * step, c.inputs()));
        int[] labels = randomLabels(random, x.length, c);
        double[] start = viaTargets.model().parameters();
        double lossA = labelsEntry.trainBatch(TestData.toFloat(x), labels);
        double lossB = viaTargets.trainBatch(x, oneHot(labels, c));
        report.compare(c, "loss at step " + step, lossA, lossB);
        report.compareStep(c, "step " + step, start,
            viaLabels.model().parameters(), viaTargets.model().parameters());
      }
    });
  }

  // -----------------------------------------------------------------------------------------------

  @Test
  void floatTargetsTrainLikeDoubleTargets(TestReporter reporter) {
    ParityReport report = new ParityReport("trainBatch(float[][], float[][]) vs double[][]");
    {
      var a = new ParityNetworks_OutputSiluFloatTrainer(
          new ParityNetworks_OutputSiluFloatModel(SEED), adam());
      var b = new ParityNetworks_OutputSiluFloatTrainer(
          new ParityNetworks_OutputSiluFloatModel(SEED), adam());
      targetsAgree(report, "OutputSiluFloat", a, b, a::trainBatch);
    }
    {
      var a = new ParityNetworks_MixedMseFloatTrainer(
          new ParityNetworks_MixedMseFloatModel(SEED), adam());
      var b = new ParityNetworks_MixedMseFloatTrainer(
          new ParityNetworks_MixedMseFloatModel(SEED), adam());
      targetsAgree(report, "MixedMseFloat", a, b, a::trainBatch);
    }
    {
      var a = new ParityNetworks_HiddenTanhFloatTrainer(
          new ParityNetworks_HiddenTanhFloatModel(SEED), adam());
      var b = new ParityNetworks_HiddenTanhFloatTrainer(
          new ParityNetworks_HiddenTanhFloatModel(SEED), adam());
      targetsAgree(report, "HiddenTanhFloat", a, b, a::trainBatch);
    }
    {
      var a = new ParityNetworks_LargeSigmoidFloatTrainer(
          new ParityNetworks_LargeSigmoidFloatModel(SEED), adam());
      var b = new ParityNetworks_LargeSigmoidFloatTrainer(
          new ParityNetworks_LargeSigmoidFloatModel(SEED), adam());
      targetsAgree(report, "LargeSigmoidFloat", a, b, a::trainBatch);
    }
    reporter.publishEntry("fast paths", report.summary());
    report.assertAllPassed(4);
  }

  private static void targetsAgree(ParityReport report, String name, Trainer viaFloat,
      Trainer viaDouble, FloatTargets floatEntry) {
    NetCase c = ParityCases.named(name);
    report.check(c, () -> {
      Random random = new Random(name.hashCode());
      for (int step = 1; step <= 2; step++) {
        double[][] x = TestData.roundToFloat(TestData.uniformInputs(random, 4 + 3 * step, c.inputs()));
        double[][] y = TestData.roundToFloat(TestData.targets(random, c.loss, x.length, c.outputs(),
            false));
        double[] start = viaDouble.model().parameters();
        double lossA = floatEntry.trainBatch(TestData.toFloat(x), TestData.toFloat(y));
        double lossB = viaDouble.trainBatch(x, y);
        report.compare(c, "loss at step " + step, lossA, lossB);
        report.compareStep(c, "step " + step, start,
            viaFloat.model().parameters(), viaDouble.model().parameters());
      }
    });
  }

  // -----------------------------------------------------------------------------------------------

  @Test
  void doubleLabelsTrainLikeOneHotTargets(TestReporter reporter) {
    ParityReport report = new ParityReport("trainBatch(double[][], int[]) vs one-hot targets");
    {
      var a = new ParityNetworks_HiddenTanhDoubleTrainer(
          new ParityNetworks_HiddenTanhDoubleModel(SEED), adam());
      var b = new ParityNetworks_HiddenTanhDoubleTrainer(
          new ParityNetworks_HiddenTanhDoubleModel(SEED), adam());
      doubleLabelsAgree(report, "HiddenTanhDouble", a, b, a::trainBatch);
    }
    {
      var a = new ParityNetworks_HiddenEluDoubleTrainer(
          new ParityNetworks_HiddenEluDoubleModel(SEED), adam());
      var b = new ParityNetworks_HiddenEluDoubleTrainer(
          new ParityNetworks_HiddenEluDoubleModel(SEED), adam());
      doubleLabelsAgree(report, "HiddenEluDouble", a, b, a::trainBatch);
    }
    {
      var a = new ParityNetworks_HiddenSigmoidDoubleTrainer(
          new ParityNetworks_HiddenSigmoidDoubleModel(SEED), adam());
      var b = new ParityNetworks_HiddenSigmoidDoubleTrainer(
          new ParityNetworks_HiddenSigmoidDoubleModel(SEED), adam());
      doubleLabelsAgree(report, "HiddenSigmoidDouble", a, b, a::trainBatch);
    }
    {
      var a = new ParityNetworks_MixedSoftmaxDoubleTrainer(
          new ParityNetworks_MixedSoftmaxDoubleModel(SEED), adam());
      var b = new ParityNetworks_MixedSoftmaxDoubleTrainer(
          new ParityNetworks_MixedSoftmaxDoubleModel(SEED), adam());
      doubleLabelsAgree(report, "MixedSoftmaxDouble", a, b, a::trainBatch);
    }
    reporter.publishEntry("fast paths", report.summary());
    report.assertAllPassed(4);
  }

  private static void doubleLabelsAgree(ParityReport report, String name, Trainer viaLabels,
      Trainer viaTargets, DoubleLabels labelsEntry) {
    NetCase c = ParityCases.named(name);
    report.check(c, () -> {
      Random random = new Random(name.hashCode());
      for (int step = 1; step <= 2; step++) {
        double[][] x = TestData.uniformInputs(random, 4 + 3 * step, c.inputs());
        int[] labels = randomLabels(random, x.length, c);
        double[] start = viaTargets.model().parameters();
        double lossA = labelsEntry.trainBatch(x, labels);
        double lossB = viaTargets.trainBatch(x, oneHot(labels, c));
        report.compare(c, "loss at step " + step, lossA, lossB);
        report.compareStep(c, "step " + step, start,
            viaLabels.model().parameters(), viaTargets.model().parameters());
      }
    });
  }

  // -----------------------------------------------------------------------------------------------

  /** Labels in [0, classes): for one sigmoid output the classes are 0 and 1. */
  private static int[] randomLabels(Random random, int rows, NetCase c) {
    int classes = c.outputs() == 1 ? 2 : c.outputs();
    int[] labels = new int[rows];
    for (int s = 0; s < rows; s++) {
      labels[s] = random.nextInt(classes);
    }
    return labels;
  }

  /** The contract's meaning of a label: a one-hot row, or for one sigmoid output the label itself. */
  static double[][] oneHot(int[] labels, NetCase c) {
    if (c.loss == Loss.MEAN_SQUARED_ERROR) {
      throw new IllegalArgumentException(c.name + ": labels are for classifiers");
    }
    double[][] y = new double[labels.length][c.outputs()];
    for (int s = 0; s < labels.length; s++) {
      if (c.outputs() == 1) {
        y[s][0] = labels[s];
      } else {
        y[s][labels[s]] = 1;
      }
    }
    return y;
  }
}
