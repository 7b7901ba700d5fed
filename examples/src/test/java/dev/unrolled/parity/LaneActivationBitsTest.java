package dev.unrolled.parity;

import static dev.unrolled.parity.FloatBits.assertSameBits;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The FLOAT lane kernels of the sigmoid, SiLU, ELU, softplus, ReLU and leaky ReLU, and of their
 * slopes, give every lane the bits of the model's own scalar function (the one its unrolled and
 * looped layers call), over a sweep of float bit patterns that crosses every range of the
 * exponential, and at its edges: NaN included, where a slope written {@code z ≤ 0 ? … : …} in vector
 * form and {@code z > 0 ? … : …} in the scalar one would part. (Whether a lane calls the scalar
 * function or a vector form of it is the kernel's business; a vector form must keep these bits.)
 */
class LaneActivationBitsTest {
  /** Every 4096th float bit pattern: a million values, both signs, subnormals to NaN. */
  private static final int STRIDE = 4096;

  private static final float[] EDGES = {
    0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
    Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
    // where FastMath's float exp overflows (88.72283) and flushes to 0 (-87.33654), and either side
    88.72283f, Math.nextDown(88.72283f), -88.72283f, -87.33654f, Math.nextUp(-87.33654f), Math.nextDown(-87.33654f),
    -103.97208f,
    0.35f, -0.35f, Math.nextDown(0.35f), Math.nextUp(-0.35f), -87.34f, -88.73f, -100f, -103.9f, 1e-30f, -1e-30f,
    0.5f, -0.5f, 1f, -1f, 9f, -9f, 20f, -20f, 40f, -40f
  };

  @Test
  void floatLanesGiveTheScalarFunctionsBits() throws ReflectiveOperationException {
    FloatBits.assumeLaneKernels();
    float[] z = values();
    for (String activation : new String[] {"sigmoid", "silu", "elu", "softplus", "relu", "leakyRelu"}) {
      String network = Character.toUpperCase(activation.charAt(0)) + activation.substring(1);
      Class<?> model = Class.forName(LaneActivationBitsTest.class.getPackageName() + ".LaneNetworks_" + network
          + "SoftmaxLanesFloatModel");
      Class<?> kernels = Class.forName(model.getName() + "$LaneKernels");
      Method lanes = accessible(kernels.getDeclaredMethod(activation, float[].class, float[].class, int.class,
          int.class, int.class));
      Method slopes = accessible(kernels.getDeclaredMethod(activation + "Derivative", float[].class, float[].class,
          float[].class, int.class, int.class, int.class));
      Method scalar = accessible(model.getDeclaredMethod(activation, float.class));
      Method slope = accessible(model.getDeclaredMethod(activation + "Derivative", float.class, float.class));

      float[] a = new float[z.length];
      lanes.invoke(null, z, a, 1, z.length, z.length);
      float[] d = new float[z.length];
      Arrays.fill(d, 1f);
      slopes.invoke(null, d, z, a, 1, z.length, z.length);
      for (int k = 0; k < z.length; k++) {
        float expected = (float) scalar.invoke(null, z[k]);
        assertSameBits(activation + "(" + z[k] + ")", a[k], expected);
        assertSameBits(activation + "'(" + z[k] + ")", d[k], (float) slope.invoke(null, z[k], expected));
      }
    }
  }

  /** The sweep and the edges, padded to whole vectors of any width with zeros. */
  private static float[] values() {
    int sweep = (int) ((1L << 32) / STRIDE);
    float[] z = new float[(sweep + EDGES.length + 63) / 64 * 64];
    for (int i = 0; i < sweep; i++) {
      z[i] = Float.intBitsToFloat((int) ((long) i * STRIDE + 1));
    }
    System.arraycopy(EDGES, 0, z, sweep, EDGES.length);
    return z;
  }

  private static Method accessible(Method method) {
    method.setAccessible(true);
    return method;
  }
}
