package dev.unrolled.rbf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unrolled.Model;
import dev.unrolled.Trainer;
import dev.unrolled.parity.BatchPredictions;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Batch {@code predict} and {@code classify} of RBF networks equal their single-row methods bit for bit. */
class RbfBatchPredictTest {
  @Test
  void everyRbfNetworkAfterTraining() {
    int checked = 0;
    for (RbfCase c : RbfCases.all()) {
      Model model = c.newModel(7);
      Trainer trainer = c.newTrainer(model, BatchPredictions.optimizer());
      Random random = new Random(c.name.hashCode());
      BatchPredictions.train(trainer, c.loss, random);
      BatchPredictions.assertMatchesRowByRow(c.name, model, random,
          BatchPredictions.exact(model, c.activations));
      checked++;
    }
    assertEquals(RbfCases.COUNT, checked);
  }
}
