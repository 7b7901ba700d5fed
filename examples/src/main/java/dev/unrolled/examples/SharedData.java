package dev.unrolled.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the real datasets live: the project's sibling folder {@code shared/data}, seen from the
 * project root ({@code ../shared/data}) or from a module ({@code ../../shared/data}).
 */
final class SharedData {
  private static final List<Path> ROOTS = List.of(Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data"));

  private SharedData() {}

  /** {@code relative} under the first shared data folder that has it, or under the first candidate. */
  static Path find(String relative) {
    for (Path root : ROOTS) {
      Path candidate = root.resolve(relative);
      if (Files.exists(candidate)) {
        return candidate.normalize();
      }
    }
    return ROOTS.get(0).resolve(relative).normalize();
  }

  /** Fails with a message that says what is missing and how to get it. */
  static Path require(Path path, String what, String download) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(what + " not found at " + path.toAbsolutePath().normalize()
          + "; pass its path as the first argument (" + download + ")");
    }
    return path;
  }
}
