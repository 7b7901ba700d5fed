package dev.unrolled.parity;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Bit-for-bit comparison of a lane kernel's float against the scalar code's. */
final class FloatBits {
  private FloatBits() {}

  /** Skips the test without jdk.incubator.vector: the lane kernels run only with it. */
  static void assumeLaneKernels() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "the lane kernels run only with jdk.incubator.vector");
  }

  /** Equal bits, any NaN matching any NaN (a NaN's sign and payload carry no meaning here). */
  static void assertSameBits(String what, float lanes, float scalar) {
    if (Float.isNaN(scalar) && Float.isNaN(lanes)) {
      return;
    }
    if (Float.floatToRawIntBits(lanes) != Float.floatToRawIntBits(scalar)) {
      assertWithMessage("%s: lanes %s, scalar %s", what, lanes, scalar)
          .that(Float.floatToRawIntBits(lanes)).isEqualTo(Float.floatToRawIntBits(scalar));
    }
  }
}
