package dev.unrolled.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Paths;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which native builds stay on the class path for which CPU flags. */
class NativeBuildsTest {
  @Test
  void theAvx512BuildRunsOnlyWhereTheCpuHasAvx512() {
    Set<String> avx2 = Set.of("avx2", "fma");
    Set<String> avx512 = Set.of("avx512f", "avx2", "fma");

    assertThat(NativeBuilds.runsOn(Paths.get("nd4j-native-1.0.0-M2.1-linux-x86_64-avx512.jar"), avx2)).isFalse();
    assertThat(NativeBuilds.runsOn(Paths.get("nd4j-native-1.0.0-M2.1-linux-x86_64-avx512.jar"), avx512)).isTrue();
    assertThat(NativeBuilds.runsOn(Paths.get("nd4j-native-1.0.0-M2.1-linux-x86_64.jar"), avx2)).isTrue();
    assertThat(NativeBuilds.runsOn(Paths.get("nd4j-native-1.0.0-M2.1-linux-x86_64-avx2.jar"), Set.of())).isFalse();
  }
}
