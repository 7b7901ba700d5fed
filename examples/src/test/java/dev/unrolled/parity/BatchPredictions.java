package dev.unrolled.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unrolled.Activation;
import dev.unrolled.Backend;
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
 *
 * <p>One exception, not of batching: DOUBLE models on the vector backend whose activations take
 * exponentials (the sigmoid, SiLU, ELU, softplus and tanh) are held to {@link #DOUBLE_TOLERANCE} of
 * the row's largest output, and classes where the winner is clear, rather than to the bit; the same
 * models run on the plain loops without the vector module, where they are checked bit for bit.
 * FLOAT lanes compute those functions with the model's scalar functions, or (tanh) a rational fit
 * in plain vector arithmetic, which give the same bits compiled or not ({@code LaneActivationBitsTest},
 * {@code LaneDeterminismTest}), so FLOAT models are checked bit for bit on every backend.
 */
public final class BatchPredictions {
  /** Across the prediction block of 64 rows: one row, a few, just under, at and over, several blocks. */
  public static final int[] BATCH_SIZES = {1, 2, 63, 64, 65, 200};

  static final double DOUBLE_TOLERANCE = 1e-12;

  private BatchPredictions() {}

  /**
   * Whether {@code model} must match bit for bit: every model but DOUBLE ones running Vector API
   * kernels with an activation computed through exponentials (see the class comment).
   */
  public static boolean exact(Model model, Activation... activations) {
    if (model.backend() != Backend.VECTOR) {
      return true;
    }
    for (Activation activation : activations) {
      switch (activation) {
        case SIGMOID, ELU, SOFTPLUS, SILU, TANH -> {
          // FLOAT lanes give the scalar functions' bits (LaneActivationBitsTest; tanh's rational fit too)
          if (model.precision() == Precision.DOUBLE) {
            return false;
          }
        }
        default -> { }
      }
    }
    return true;
  }

  /** A few optimizer steps, so the parameters and any running estimates are no longer the initial ones. */
  public static void train(Trainer trainer, Loss loss, Random random) {
    Model model = trainer.model();
    for (int step = 0; step < 3; step++) {
      double[][] x = TestData.uniformInputs(random, 16, model.inputSize());
      trainer.trainBatch(x, TestData.targets(random, loss, x.length, model.outputSize(), false));
    }
  }

  /** Checks every batch size of {@link #BATCH_SIZES} through every batch entry point of {@code model}. */
  public static void assertMatchesRowByRow(String name, Model model, Random random, boolean exact) {
    double tolerance = exact ? 0 : DOUBLE_TOLERANCE; // only DOUBLE models are ever inexact
    for (int n : BATCH_SIZES) {
      double[][] x = TestData.uniformInputs(random, n, model.inputSize());
      String what = name + ", batch of " + n;
      // Leaves the thread's workspace normalising with batch statistics: the batch methods must
      // switch it back to the running estimates, as predict of one row does.
      model.lossAndGradient(TestData.uniformInputs(random, 5, model.inputSize()),
          TestData.targets(random, model.loss(), 5, model.outputSize(), false), new double[model.parameterCount()]);
      doubleRows(what, model, x, tolerance);
      if (model.precision() == Precision.FLOAT) {
        floatRows(what, model, TestData.toFloat(x), tolerance);
      }
    }
  }

  private static void doubleRows(String what, Model model, double[][] x, double tolerance) {
    double[][] batch = new double[x.length][model.outputSize()];
    int[] classes = new int[x.length];
    model.predict(x, batch);
    model.classify(x, classes);
    double[] one = new double[model.outputSize()];
    for (int s = 0; s < x.length; s++) {
      model.predict(x[s], one);
      compare(one, batch[s], tolerance, what + ": predict(double[][]) row " + s);
      if (tolerance == 0 || GeneratedVsReferenceTest.clearWinner(one)) {
        assertEquals(model.classify(x[s]), classes[s], what + ": classify(double[][]) row " + s);
      }
    }
  }

  private static void floatRows(String what, Model model, float[][] x, double tolerance) {
    float[][] batch = new float[x.length][model.outputSize()];
    int[] classes = new int[x.length];
    invoke(model, "predict", float[][].class, float[][].class, x, batch);
    invoke(model, "classify", float[][].class, int[].class, x, classes);
    float[] one = new float[model.outputSize()];
    for (int s = 0; s < x.length; s++) {
      invoke(model, "predict", float[].class, float[].class, x[s], one);
      if (tolerance == 0) {
        assertArrayEquals(one, batch[s], what + ": predict(float[][]) row " + s);
      } else {
        compare(widen(one), widen(batch[s]), tolerance, what + ": predict(float[][]) row " + s);
      }
      if (tolerance == 0 || GeneratedVsReferenceTest.clearWinner(widen(one))) {
        int expected = (int) invoke(model, "classify", float[].class, null, x[s], null);
        assertEquals(expected, classes[s], what + ": classify(float[][]) row " + s);
      }
    }
  }

  /** Bit for bit when {@code tolerance} is 0, else within it relative to the row's largest output. */
  private static void compare(double[] expected, double[] actual, double tolerance, String what) {
    if (tolerance == 0) {
      assertArrayEquals(expected, actual, what);
      return;
    }
    double scale = 1e-30;
    for (double e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    assertArrayEquals(expected, actual, tolerance * scale, what);
  }

  private static double[] widen(float[] row) {
    double[] wide = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      wide[j] = row[j];
    }
    return wide;
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
