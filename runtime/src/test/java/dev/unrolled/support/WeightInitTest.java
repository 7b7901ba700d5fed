package dev.unrolled.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Generated models draw their weights straight into their storage; the values must be exactly those
 * of the flat layout drawn in order, so a seed means the same parameters whatever the storage.
 */
class WeightInitTest {
  private static final int IN = 97;
  private static final int OUT = 53;

  private static double[] flat(long seed, boolean he) {
    double[] p = new double[IN * OUT + 3 * 4];
    WeightInit init = new WeightInit(seed);
    if (he) {
      init.heUniform(p, 0, IN, OUT);
    } else {
      init.glorotUniform(p, 0, IN, OUT);
    }
    init.heUniform(p, IN * OUT, 3, 4); // the next layer continues the same stream
    return p;
  }

  @Test
  void transposedRowsHoldTheFlatDrawsInBothPrecisions() {
    double[] expected = flat(42, true);
    float[][] f = new float[IN][OUT];
    double[][] d = new double[IN][OUT];
    WeightInit fi = new WeightInit(42);
    WeightInit di = new WeightInit(42);
    fi.uniformTransposed(f, IN, OUT, WeightInit.heLimit(IN));
    di.uniformTransposed(d, IN, OUT, WeightInit.heLimit(IN));
    for (int j = 0; j < OUT; j++) {
      for (int i = 0; i < IN; i++) {
        assertEquals((float) expected[j * IN + i], f[i][j]);
        assertEquals(expected[j * IN + i], d[i][j]);
      }
    }
    double[] next = new double[12];
    di.uniform(next, 3, 4, WeightInit.heLimit(3));
    assertArrayEquals(java.util.Arrays.copyOfRange(expected, IN * OUT, IN * OUT + 12), next);
  }

  @Test
  void theStreamIsSplitMix64AsPublished() {
    // The first outputs of SplitMix64 seeded with 0, from its reference implementation.
    long[] reference = {0xE220A8397B1DCDAFL, 0x6E789E6AA1B965F4L, 0x06C45D188009454FL};
    double[] draws = new double[3];
    new WeightInit(0).uniform(draws, 3, 1, 1.0);
    for (int k = 0; k < 3; k++) {
      assertEquals(2.0 * ((reference[k] >>> 11) * 0x1.0p-53) - 1.0, draws[k]);
    }
  }

  @Test
  void rowsLongerThanOneCallOfDrawsKeepTheFlatOrder() {
    int in = 5;
    int out = 150; // more than two calls of the inner loop per transposed row
    double[] expected = new double[in * out];
    new WeightInit(3).glorotUniform(expected, 0, in, out);
    float[][] f = new float[in][out];
    new WeightInit(3).uniformTransposed(f, in, out, WeightInit.glorotLimit(in, out));
    for (int j = 0; j < out; j++) {
      for (int i = 0; i < in; i++) {
        assertEquals((float) expected[j * in + i], f[i][j]);
      }
    }
  }

  @Test
  void flatStorageHoldsTheFlatDraws() {
    double[] expected = flat(9, false);
    float[] f = new float[IN * OUT];
    new WeightInit(9).uniform(f, IN, OUT, WeightInit.glorotLimit(IN, OUT));
    for (int k = 0; k < f.length; k++) {
      assertEquals((float) expected[k], f[k]);
    }
  }

  @Test
  void drawsStayWithinTheLimits() {
    double[][] d = new double[100][30];
    new WeightInit(1).uniformTransposed(d, 100, 30, WeightInit.glorotLimit(100, 30));
    double limit = Math.sqrt(6.0 / 130);
    for (double[] row : d) {
      for (double v : row) {
        assertTrue(Math.abs(v) < limit);
      }
    }
  }
}
