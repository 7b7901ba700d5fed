package dev.unrolled.support;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The vector kernels run exactly when the boot layer holds the Vector API and nobody turned them off. */
class VectorSupportTest {
  @Test
  void availableExactlyWhenTheModuleIsInTheBootLayer() {
    boolean module = ModuleLayer.boot().findModule(VectorSupport.MODULE).isPresent();
    boolean turnedOff = "false".equals(System.getProperty(VectorSupport.PROPERTY));

    assertThat(VectorSupport.available()).isEqualTo(module && !turnedOff);
    assertThat(VectorSupport.unavailableReason() == null).isEqualTo(VectorSupport.available());
  }
}
