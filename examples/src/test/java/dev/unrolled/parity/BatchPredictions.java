package dev.unrolled.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Precision;
import dev.unrolled.Trainer;
import dev.unrolled.reference.TestData;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Random;

/**
 * The batch {@code predict} and {@code classify} of a generated model against the same model's
 * single-row methods, bit for bit: each row's sums run in the same order in a batch of any size, so
 * any difference is a bug (a row read from the wrong block, a stale buffer, batch statistics or
 * dropout where prediction has neither). FLOAT models are also checked through their float entry
 * points, found by reflection since {@link Model} has only the double ones.
 */
public final class BatchPredictions {
  /** Across the prediction block of 64 rows: one row, a few, just under, at and over, several blocks. */
  public static final int[] BATCH_SIZES = {1, 2, 63, 64, 65, 200};

  private BatchPredictions() {}

  /** A few optimizer steps, so the parameters and any running estimates are no longer the initial ones. */
  public static void train(Trainer trainer, Loss loss, Random random) {
    Model model = trainer.model();
    for (int step = 0; step < 3; step++) {
      double[][] x = TestData.uniformInputs(random, 16, model.inputSize());
      trainer.trainBatch(x, TestData.targets(random, loss, x.length, model.outputSize(), false));
    }
  }

  /** Checks every batch size of {@link #BATCH_SIZES} through every batch entry point of {@code model}. */
  public static void assertMatchesRowByRow(String name, Model model, Random random) {
    for (int n : BATCH_SIZES) {
      double[][] x = TestData.uniformInputs(random, n, model.inputSize());
      String what = name + ", batch of " + n;
      doubleRows(what, model, x);
      if (model.precision() == Precision.FLOAT) {
        floatRows(what, model, TestData.toFloat(x));
      }
    }
  }

  private static void doubleRows(String what, Model model, double[][] x) {
    double[][] batch = new double[x.length][model.outputSize()];
    int[] classes = new int[x.length];
    model.predict(x, batch);
    model.classify(x, classes);
    double[] one = new double[model.outputSize()];
    for (int s = 0; s < x.length; s++) {
      model.predict(x[s], one);
      assertArrayEquals(one, batch[s], what + ": predict(double[][]) row " + s);
      assertEquals(model.classify(x[s]), classes[s], what + ": classify(double[][]) row " + s);
    }
  }

  private static void floatRows(String what, Model model, float[][] x) {
    float[][] batch = new float[x.length][model.outputSize()];
    int[] classes = new int[x.length];
    invoke(model, "predict", float[][].class, float[][].class, x, batch);
    invoke(model, "classify", float[][].class, int[].class, x, classes);
    float[] one = new float[model.outputSize()];
    for (int s = 0; s < x.length; s++) {
      invoke(model, "predict", float[].class, float[].class, x[s], one);
      assertArrayEquals(one, batch[s], what + ": predict(float[][]) row " + s);
      int expected = (int) invoke(model, "classify", float[].class, null, x[s], null);
      assertEquals(expected, classes[s], what + ": classify(float[][]) row " + s);
    }
  }

  /** {@code model.name(a)} or {@code model.name(a, b)}: a generated public method. */
  static Object invoke(Model model, String name, Class<?> first, Class<?> second, Object a, Object b) {
    try {
      if (second == null) {
        return model.getClass().getMethod(name, first).invoke(model, a);
      }
      Method method = model.getClass().getMethod(name, first, second);
      return method.invoke(model, a, b);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(model.getClass().getSimpleName() + " has no public " + name, e);
    }
  }

  /** A fresh Adam trainer's worth of steps for any case's model. */
  public static Optimizer optimizer() {
    return Optimizer.adam(0.01);
  }
}
