package dev.unrolled.io;

import static com.google.common.truth.Truth.assertThat;

import dev.unrolled.Dataset;
import dev.unrolled.testing.SharedDataRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The readers on the project's real datasets, with the counts {@code shared/data/README.md} states.
 * Each test is skipped, saying so, when the data are not found under {@code shared/data} in the
 * working directory or one of its parents, and fails instead under CI ({@link SharedDataRule}).
 */
class SharedDataTest {
  private static Path data(String relative) {
    Optional<Path> found = Optional.empty();
    for (Path dir = Path.of("").toAbsolutePath(); dir != null && found.isEmpty(); dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data").resolve(relative);
      found = Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }
    SharedDataRule.require(found.isPresent(), relative);
    return found.get();
  }

  @Test
  void iris() throws IOException {
    LabeledData iris = CsvReader.withHeader().labelColumn("species").read(data("iris.csv"));

    assertThat(iris.size()).isEqualTo(150);
    assertThat(iris.featureNames())
        .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width").inOrder();
    assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica").inOrder();
    assertThat(iris.classCounts()).asList().containsExactly(50, 50, 50).inOrder();
    assertThat(iris.floatFeatures()[0]).usingExactEquality().containsExactly(5.1f, 3.5f, 1.4f, 0.2f).inOrder();
  }

  @Test
  void digits() throws IOException {
    LabeledData digits = CsvReader.withoutHeader().read(data("sklearn/digits.csv.gz"));

    assertThat(digits.size()).isEqualTo(1797);
    assertThat(digits.featureNames()).hasSize(64);
    assertThat(digits.classCounts()).asList()
        .containsExactly(178, 182, 177, 183, 181, 182, 181, 179, 174, 180).inOrder();
  }

  @Test
  void mnistTestSet() throws IOException {
    Dataset mnist = IdxReader.readDataset(data("mnist/t10k-images-idx3-ubyte.gz"),
        data("mnist/t10k-labels-idx1-ubyte.gz"));

    assertThat(mnist.size()).isEqualTo(10_000);
    assertThat(mnist.featureCount()).isEqualTo(784);
    assertThat(mnist.classCount()).isEqualTo(10);
    int zeros = 0;
    for (int r = 0; r < mnist.size(); r++) {
      zeros += mnist.label(r) == 0 ? 1 : 0;
    }
    assertThat(zeros).isEqualTo(980);
  }
}
