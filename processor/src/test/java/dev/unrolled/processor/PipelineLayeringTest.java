package dev.unrolled.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pipeline's arrows point one way: model → validate → plan → write. */
class PipelineLayeringTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/unrolled/processor");

  private static List<String> importsOf(String pkg) throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .flatMap(f -> {
            try {
              return Files.readAllLines(f).stream().filter(l -> l.startsWith("import "));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .toList();
    }
  }

  @Test
  void theModelKnowsNothingOfLaterStages() throws IOException {
    for (String line : importsOf("model")) {
      assertThat(line).doesNotContainMatch("processor\\.(validate|plan|write)|javapoet");
    }
  }

  @Test
  void validationNeitherPlansNorWrites() throws IOException {
    for (String line : importsOf("validate")) {
      assertThat(line).doesNotContainMatch("processor\\.(plan|write)|javapoet");
    }
  }

  @Test
  void planningDoesNotWrite() throws IOException {
    for (String line : importsOf("plan")) {
      assertThat(line).doesNotContainMatch("processor\\.(validate|write)|javapoet");
    }
  }

  @Test
  void writersNeverValidate() throws IOException {
    List<String> imports = importsOf("write");
    assertThat(imports).isNotEmpty();
    for (String line : imports) {
      assertThat(line).doesNotContainMatch("processor\\.validate");
    }
  }
}
