package dev.unrolled.spark;

import static com.google.common.truth.Truth.assertThat;

import dev.unrolled.Dataset;
import dev.unrolled.Optimizer;
import dev.unrolled.fullbatch.FullBatch;
import dev.unrolled.fullbatch.GradientStep;
import org.junit.jupiter.api.Test;

/**
 * The driver's update is the generated trainer's, without Spark: on a batch that fits one chunk the
 * full-batch gradient is the trainer's own float gradient (m·g/m is exact in double for a float g),
 * so the parameters must agree bit for bit.
 */
class GradientStepTest {
  private static final Dataset ONE_CHUNK = LocalSpark.blobs(200, 13);

  @Test
  void aFloatModelStepsExactlyAsItsGeneratedTrainer() {
    for (Optimizer optimizer : new Optimizer[] {
        Optimizer.momentum(0.1, 0.9).withWeightDecay(0.01), Optimizer.adam(0.01), Optimizer.rmsProp(0.01)}) {
      Nets_FloatClassifierModel viaStep = new Nets_FloatClassifierModel(11);
      Nets_FloatClassifierModel viaTrainer = new Nets_FloatClassifierModel(11);
      GradientStep step = new GradientStep(viaStep, optimizer);
      Nets_FloatClassifierTrainer trainer = new Nets_FloatClassifierTrainer(viaTrainer, optimizer, ONE_CHUNK.size());
      int[] all = new int[ONE_CHUNK.size()];
      for (int r = 0; r < all.length; r++) {
        all[r] = r;
      }
      double[] g = new double[viaStep.parameterCount()];

      for (int i = 0; i < 3; i++) {
        double loss = FullBatch.of(viaStep, ONE_CHUNK).evaluate(viaStep.parameters(), g);
        step.apply(g);
        // The loss is a double, so m·L/m may round: the last bit only.
        assertThat(trainer.trainBatch(ONE_CHUNK, all, 0, all.length)).isWithin(1e-15).of(loss);
      }

      assertThat(viaStep.parameters()).isEqualTo(viaTrainer.parameters());
      assertThat(step.steps()).isEqualTo(3);
    }
  }
}
