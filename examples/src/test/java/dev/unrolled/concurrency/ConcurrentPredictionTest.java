package dev.unrolled.concurrency;

import static com.google.common.truth.Truth.assertThat;

import dev.unrolled.Activation;
import dev.unrolled.Dense;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Network;
import dev.unrolled.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A trained model serves many threads at once: every thread's predictions, classes and gradients
 * equal, bit for bit, what one thread computes alone.
 */
class ConcurrentPredictionTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 40;
  private static ExecutorService pool;

  /** Unrolled layers only. */
  @Network(inputs = 4, layers = {@Dense(units = 16, activation = Activation.TANH), @Dense(units = 3)},
      loss = Loss.SOFTMAX_CROSS_ENTROPY)
  interface Small {}

  /** Looped layers, and double arithmetic. */
  @Network(inputs = 80, layers = {@Dense(units = 96, activation = Activation.RELU),
      @Dense(units = 70, activation = Activation.SILU), @Dense(units = 5, activation = Activation.SIGMOID)},
      loss = Loss.MEAN_SQUARED_ERROR, precision = Precision.DOUBLE)
  interface Wide {}

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void unrolledFloatModel() throws Exception {
    checkConcurrentCallsMatchOneThread(ConcurrentPredictionTest_SmallModel::new);
  }

  @Test
  void loopedDoubleModel() throws Exception {
    checkConcurrentCallsMatchOneThread(ConcurrentPredictionTest_WideModel::new);
  }

  @Test
  void theFloatFastPathIsSafeToo() throws Exception {
    ConcurrentPredictionTest_SmallModel model = new ConcurrentPredictionTest_SmallModel(3);
    float[][] inputs = new float[200][4];
    SplittableRandom random = new SplittableRandom(5);
    for (float[] row : inputs) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) random.nextDouble(-2, 2);
      }
    }
    float[][] expected = new float[inputs.length][3];
    for (int s = 0; s < inputs.length; s++) {
      model.predict(inputs[s], expected[s]);
    }
    List<Callable<Void>> tasks = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < THREADS; t++) {
      int offset = t;
      tasks.add(() -> {
        start.await();
        float[] out = new float[3];
        for (int round = 0; round < ROUNDS; round++) {
          for (int k = 0; k < inputs.length; k++) {
            int s = (k * 7 + offset) % inputs.length;
            model.predict(inputs[s], out);
            assertThat(out).isEqualTo(expected[s]);
          }
        }
        return null;
      });
    }
    runTogether(tasks, start);
  }

  private static void checkConcurrentCallsMatchOneThread(LongFunction<Model> create) throws Exception {
    Model model = create.apply(11);
    int n = 64;
    SplittableRandom random = new SplittableRandom(17);
    double[][] inputs = new double[n][model.inputSize()];
    double[][] targets = new double[n][model.outputSize()];
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < inputs[s].length; i++) {
        inputs[s][i] = random.nextDouble(-2, 2);
      }
      targets[s][random.nextInt(model.outputSize())] = 1;
    }
    double[][] expected = new double[n][model.outputSize()];
    int[] expectedClass = new int[n];
    for (int s = 0; s < n; s++) {
      model.predict(inputs[s], expected[s]);
      expectedClass[s] = model.classify(inputs[s]);
    }
    double[] expectedGradient = new double[model.parameterCount()];
    double expectedLoss = model.lossAndGradient(inputs, targets, expectedGradient);

    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int offset = t;
      tasks.add(() -> {
        start.await();
        double[] out = new double[model.outputSize()];
        double[] gradient = new double[model.parameterCount()];
        for (int round = 0; round < ROUNDS; round++) {
          for (int k = 0; k < n; k++) {
            int s = (k * 5 + offset) % n; // threads visit rows in different orders
            model.predict(inputs[s], out);
            assertThat(out).isEqualTo(expected[s]);
            assertThat(model.classify(inputs[s])).isEqualTo(expectedClass[s]);
          }
          if (round % 8 == offset % 8) {
            assertThat(model.lossAndGradient(inputs, targets, gradient)).isEqualTo(expectedLoss);
            assertThat(gradient).isEqualTo(expectedGradient);
          }
        }
        return null;
      });
    }
    runTogether(tasks, start);
  }

  private static void runTogether(List<Callable<Void>> tasks, CountDownLatch start) throws Exception {
    List<Future<Void>> futures = new ArrayList<>();
    for (Callable<Void> task : tasks) {
      futures.add(pool.submit(task));
    }
    start.countDown();
    for (Future<Void> future : futures) {
      future.get(60, TimeUnit.SECONDS); // rethrows any thread's assertion failure
    }
  }
}
