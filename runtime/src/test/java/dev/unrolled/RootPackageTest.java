package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The root package keeps what a user declares and calls first; everything else lives in a package
 * named for its concern. A new public type here should be a deliberate choice, made in this list.
 */
class RootPackageTest {
  @Test
  void publicTypesAreTheDeclarationTheContractsAndWhatTrainingTakes() throws IOException, URISyntaxException {
    Path classes = Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> publicTypes;
    try (Stream<Path> files = Files.list(classes.resolve("dev/unrolled"))) {
      publicTypes = files.map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()))
          .filter(RootPackageTest::isPublic)
          .sorted()
          .toList();
    }

    assertThat(publicTypes).containsExactly("Activation", "Architecture", "Backend", "Dataset", "Dense",
        "FitOptions", "History", "LearningRateSchedule", "Loss", "Model", "Network", "Norm", "Optimizer",
        "Parallelism", "ParameterUpdater", "Precision", "Rbf", "Trainer").inOrder();
  }

  private static boolean isPublic(String simpleName) {
    try {
      return Modifier.isPublic(Class.forName("dev.unrolled." + simpleName).getModifiers());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
