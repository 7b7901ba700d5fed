package dev.unrolled.parallel;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import dev.unrolled.Trainer;
import dev.unrolled.parallel.ParallelCases.Batch;
import dev.unrolled.parallel.ParallelCases.Case;
import dev.unrolled.train.TrainerState;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training split by layers, as {@link Parallelism#splitLayers} specifies it: for a fixed part count,
 * every loss, count and parameter is the same bits on any number of threads; the split step's
 * gradient is the batch gradient to rounding; batches of any size work, fewer rows than parts too;
 * networks that cannot be split say why. Every activation, loss and precision, both backends, two
 * and three layers, through every entry point and {@code fit}.
 */
class SplitLayersTest {
  static List<Case> cases() {
    return ParallelCases.splittable();
  }

  static List<Object[]> unsplittable() {
    return ParallelCases.unsplittable();
  }

  private static List<Long> observe(Case c, Parallelism parallelism) {
    return DataParallelTest.observe(c, parallelism);
  }

  private static double[] parameters(Model model) {
    return DataParallelTest.parameters(model);
  }

  private static void assertSameBits(List<Long> expected, List<Long> actual, String what) {
    DataParallelTest.assertSameBits(expected, actual, what);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyThreadCountGivesTheSameBitsForTheSameParts(Case c) {
    for (int parts : new int[] {2, 3}) {
      List<Long> oneThread = observe(c, Parallelism.splitLayers(parts).threads(1));
      for (int threads = 2; threads <= parts; threads++) {
        assertSameBits(oneThread, observe(c, Parallelism.splitLayers(parts).threads(threads)),
            c + " in " + parts + " parts on " + threads + " threads");
      }
    }
  }

  /**
   * One step of plain SGD with rate 1 moves the parameters by minus the gradient, up to the rounding
   * of the subtraction; the split step's gradient agrees with the model's {@code lossAndGradient} to
   * rounding (its pre-activations are sums of the parts' partial sums, added at the end). With more
   * parts than a layer has runs of eight units, some parts own no units of it.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void theSplitGradientIsTheBatchGradient(Case c) {
    Random random = new Random(9);
    for (int parts : new int[] {2, 3, 7}) {
      for (int m : new int[] {32, 5, 1}) {
        DataParallelTest.assertOneStepIsTheBatchGradient(c, Parallelism.splitLayers(parts).threads(2),
            c.batch(random, m), c + " in " + parts + " parts, batch of " + m);
      }
    }
  }

  /**
   * Each part computes the outputs, loss and output deltas of its own run of the batch's rows, and
   * the step adds their shares: it counts every row's classification once, as the default trainer
   * does (with more parts than rows too, where some parts have none), and its loss is the batch's.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void theSplitStepCountsEveryRowOnce(Case c) {
    Random random = new Random(21);
    for (int parts : new int[] {2, 3, 7}) {
      for (int m : new int[] {32, 5, 1}) {
        Batch b = c.batch(random, m);
        Trainer whole = c.trainer(Optimizer.sgd(0.1), Parallelism.none());
        Trainer split = c.trainer(Optimizer.sgd(0.1), Parallelism.splitLayers(parts).threads(2));
        try {
          double expected = whole.trainBatch(b.xd, b.yd);
          double loss = split.trainBatch(b.xd, b.yd);
          String what = c + " in " + parts + " parts, batch of " + m;
          assertEquals(whole.lastBatchCorrect(), split.lastBatchCorrect(), what);
          assertEquals(expected, loss, (c.isFloat() ? 1e-6 : 1e-13) * Math.max(1, Math.abs(expected)), what);
        } finally {
          DataParallelTest.close(whole);
          DataParallelTest.close(split);
        }
      }
    }
  }

  /**
   * The parts check the values of their own input columns during the step (the batch's shape is
   * checked before it); a value that is not finite, in any part's columns, is refused with the same
   * message as without parts, and the step is not taken: parameters and step count stay as they were.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void aNonFiniteBatchIsRefusedBeforeAnyStep(Case c) {
    Random random = new Random(13);
    Batch good = c.batch(random, 24);
    for (int column : new int[] {0, c.inputs() - 1}) { // in the first part's columns, and in the last's
      Batch bad = c.batch(random, 24);
      bad.xd[17][column] = Double.NaN;
      bad.xf[17][column] = Float.NaN;
      Trainer trainer = c.trainer(Optimizer.adam(0.01), Parallelism.splitLayers(2).threads(2));
      try {
        trainer.trainBatch(good.xd, good.yd);
        double[] before = parameters(trainer.model());
        long steps = trainer.trainerState().steps();
        String message = "inputs[17][" + column + "] is NaN";
        assertThat(assertThrows(IllegalArgumentException.class, () -> trainer.trainBatch(bad.xd, bad.yd)))
            .hasMessageThat().startsWith(message);
        assertThat(assertThrows(IllegalArgumentException.class, () -> c.labels().train(trainer, bad)))
            .hasMessageThat().startsWith(message);
        if (c.floatRows() != null) {
          assertThat(assertThrows(IllegalArgumentException.class, () -> c.floatRows().train(trainer, bad)))
              .hasMessageThat().startsWith(message);
        }
        assertThat(parameters(trainer.model())).isEqualTo(before);
        assertThat(trainer.trainerState().steps()).isEqualTo(steps);
        assertThat(trainer.trainBatch(good.xd, good.yd)).isFinite();
      } finally {
        DataParallelTest.close(trainer);
      }
    }
  }

  /** Split training learns a rule as well as the default trainer does. */
  @ParameterizedTest
  @MethodSource("cases")
  void trainingSplitByLayersLearns(Case c) {
    Dataset train = c.learnable(new Random(31), 512);
    FitOptions options = FitOptions.epochs(30).batchSize(32);
    Trainer plain = c.trainer(Optimizer.adam(0.01), Parallelism.none());
    Trainer split = c.trainer(Optimizer.adam(0.01), Parallelism.splitLayers(2));
    try {
      double plainLoss = plain.fit(train, options).last().trainLoss();
      History history = split.fit(train, options);
      double first = history.epochs().get(0).trainLoss();
      double last = history.last().trainLoss();

      // by half at least: sigmoid outputs cannot reach the negative regression targets, so not by 4
      assertTrue(last < first / 2, c + ": training loss went from " + first + " to " + last);
      assertThat(last).isWithin(0.01 * plainLoss).of(plainLoss);
    } finally {
      DataParallelTest.close(plain);
      DataParallelTest.close(split);
    }
  }

  /**
   * A trainer state carries the part count, which fixes the bits: it resumes into a trainer with the
   * same parts (on any threads), and is refused by one with other parts or none.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void aTrainerStateResumesOnlyWithTheSameParts(Case c) {
    Random random = new Random(17);
    Batch b = c.batch(random, 16);
    Trainer split = c.trainer(Optimizer.adam(0.01), Parallelism.splitLayers(2).threads(2));
    Trainer same = c.trainer(Optimizer.adam(0.01), Parallelism.splitLayers(2).threads(1));
    Trainer other = c.trainer(Optimizer.adam(0.01), Parallelism.splitLayers(3));
    Trainer none = c.trainer(Optimizer.adam(0.01), Parallelism.none());
    try {
      split.trainBatch(b.xd, b.yd);
      TrainerState state = split.trainerState();
      assertThat(state.parts()).isEqualTo(2);
      assertThat(state.shards()).isEqualTo(1);
      same.restoreTrainerState(state);
      assertThat(assertThrows(IllegalArgumentException.class, () -> other.restoreTrainerState(state)))
          .hasMessageThat().contains("Parallelism.splitLayers(2)");
      assertThat(assertThrows(IllegalArgumentException.class, () -> none.restoreTrainerState(state)))
          .hasMessageThat().contains("splits layers into 2 part(s), but this one does not split them");
      assertThat(assertThrows(IllegalArgumentException.class,
              () -> split.restoreTrainerState(none.trainerState())))
          .hasMessageThat().contains("resume with a trainer that does not split layers");
    } finally {
      for (Trainer t : List.of(split, same, other, none)) {
        DataParallelTest.close(t);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("unsplittable")
  void aNetworkThatCannotBeSplitSaysWhy(Case c, String reason) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> c.trainer(Optimizer.adam(0.01), Parallelism.splitLayers(2)));
    assertThat(e).hasMessageThat().contains("Parallelism.splitLayers cannot split this network: " + reason);
    assertThat(e).hasMessageThat().contains("use Parallelism.shards instead");
  }
}
