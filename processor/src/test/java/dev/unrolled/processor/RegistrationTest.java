package dev.unrolled.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How build tools find the processor. */
class RegistrationTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = UnrolledProcessor.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  @Test
  void javacFindsItThroughTheServiceLoader() throws IOException {
    assertThat(resource("META-INF/services/javax.annotation.processing.Processor"))
        .isEqualTo(UnrolledProcessor.class.getName());
  }

  @Test
  void gradleTreatsItAsIsolating() throws IOException {
    assertThat(resource("META-INF/gradle/incremental.annotation.processors"))
        .isEqualTo(UnrolledProcessor.class.getName() + ",isolating");
  }
}
