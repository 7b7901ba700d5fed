package dev.unrolled.parity;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.unrolled.parity.FloatBits.assertSameBits;

import dev.unrolled.support.FastMath;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The FLOAT lane kernels of both cross-entropy losses give every lane's delta the bits of the scalar
 * formula the row code computes with {@code FastMath} — {@code e/Σe·(1/m) − t/m} for the softmax,
 * {@code (σ(z) − t)·(1/m)} for the sigmoid — over a sweep of float bit patterns through every range
 * of the exponential and the losses' edges; and on moderate logits the mean loss agrees with a
 * double-precision sum of the same terms. (The kernels take their exponentials lane by lane with the
 * scalar functions; a vector form of them would have to keep these bits.)
 */
class LaneLossBitsTest {
  /** Every 4096th float bit pattern: a million values, both signs, subnormals to the largest finite floats. */
  private static final int STRIDE = 4096;

  /** Logits whose losses a float block sum holds. */
  private static final float MODERATE = 1e4f;

  private static final float[] EDGES = {
    0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 88.72283f, -88.72283f,
    -87.33654f, Math.nextUp(-87.33654f), Math.nextDown(-87.33654f), -87.34f, -100f, -103.97208f, 1e-30f, -1e-30f,
    0.5f, -0.5f, 20f, -20f, 40f, -40f
  };

  @Test
  void softmaxLanesGiveTheRowFormulasBits() throws ReflectiveOperationException {
    FloatBits.assumeLaneKernels();
    softmax(values(Float.MAX_VALUE), false);
    softmax(values(MODERATE), true);
  }

  @Test
  void sigmoidLanesGiveTheRowFormulasBits() throws ReflectiveOperationException {
    FloatBits.assumeLaneKernels();
    sigmoid(values(Float.MAX_VALUE), false);
    sigmoid(values(MODERATE), true);
  }

  /** Deltas of logits {@code x} against the row formula; with {@code mean}, the mean loss too. */
  private static void softmax(float[] x, boolean mean) throws ReflectiveOperationException {
    int n = x.length;
    // Two outputs per sample: the swept logit and a zero one, so the largest is either.
    float[] z = new float[2 * n];
    float[] t = new float[2 * n];
    for (int s = 0; s < n; s++) {
      z[s] = x[s];
      t[(s % 2) * n + s] = 1f;
    }
    float[] d = new float[2 * n];
    double loss = invoke("IdentitySoftmaxLanesFloat", "softmaxCrossEntropy", z, t, d, 2, n);

    float scale = 1f / n;
    double total = 0;
    for (int s = 0; s < n; s++) {
      float z0 = z[s];
      float z1 = z[n + s];
      float max = Math.max(z0, z1);
      float e0 = FastMath.exp(z0 - max);
      float e1 = FastMath.exp(z1 - max);
      float sum = 0f + e0 + e1;
      float share = scale / sum;
      assertSameBits("softmax delta 0 at z = " + z0, d[s], e0 * share - t[s] * scale);
      assertSameBits("softmax delta 1 at z = " + z0, d[n + s], e1 * share - t[n + s] * scale);
      total += t[s] * ((double) max - z0) + t[n + s] * ((double) max - z1) + Math.log(sum);
    }
    if (mean) {
      assertClose("softmax mean loss", loss, total / n);
    }
  }

  /** {@link #softmax} for the sigmoid cross-entropy of logits {@code z}. */
  private static void sigmoid(float[] z, boolean mean) throws ReflectiveOperationException {
    int n = z.length;
    float[] t = new float[n];
    for (int s = 0; s < n; s += 3) {
      t[s] = 1f;
    }
    float[] d = new float[n];
    double loss = invoke("IdentitySigmoidLanesFloat", "sigmoidCrossEntropy", z, t, d, 1, n);

    float scale = 1f / n;
    double total = 0;
    for (int s = 0; s < n; s++) {
      assertSameBits("sigmoid delta at z = " + z[s], d[s], (FastMath.sigmoid(z[s]) - t[s]) * scale);
      total += FastMath.softplus(z[s]) - z[s] * t[s];
    }
    if (mean) {
      assertClose("sigmoid mean loss", loss, total / n);
    }
  }

  /**
   * The values of the sweep and the edges within ±{@code limit}, a multiple of 64 of them. (A block of
   * lanes adds its losses in float, so logits near the float range make the mean infinite where the
   * double reference is not: the mean is compared on moderate logits only.)
   */
  private static float[] values(float limit) {
    int sweep = (int) ((1L << 32) / STRIDE);
    float[] all = new float[sweep + EDGES.length];
    int count = 0;
    for (int i = 0; i < sweep; i++) {
      float v = Float.intBitsToFloat((int) ((long) i * STRIDE + 1));
      if (Math.abs(v) <= limit) {
        all[count++] = v;
      }
    }
    for (float edge : EDGES) {
      if (Math.abs(edge) <= limit) {
        all[count++] = edge;
      }
    }
    float[] z = new float[count / 64 * 64];
    System.arraycopy(all, count - z.length, z, 0, z.length); // the edges stay, at the end
    return z;
  }

  private static double invoke(String network, String kernel, float[] z, float[] t, float[] d, int outs, int n)
      throws ReflectiveOperationException {
    Class<?> model = Class.forName(LaneLossBitsTest.class.getPackageName() + ".LaneNetworks_" + network + "Model");
    Class<?> kernels = Class.forName(model.getName() + "$LaneKernels");
    Method loss = kernels.getDeclaredMethod(kernel, float[].class, float[].class, float[].class, int.class,
        int.class, int.class, int.class, boolean.class, float[].class);
    loss.setAccessible(true);
    float[] lanes = new float[1024];
    return (double) loss.invoke(null, z, t, d, outs, n, n, n, true, lanes);
  }

  private static void assertClose(String what, double actual, double expected) {
    assertWithMessage("%s: lanes %s, double sum %s", what, actual, expected)
        .that(Math.abs(actual - expected)).isAtMost(1e-5 * Math.max(1, Math.abs(expected)));
  }
}
