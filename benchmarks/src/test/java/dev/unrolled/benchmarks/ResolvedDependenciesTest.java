package dev.unrolled.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-contender jars from a verbose dependency tree, as maven-dependency-plugin 3.9 writes it. */
class ResolvedDependenciesTest {
  @TempDir Path folder;

  private static final String TREE = String.join("\n",
      "dev.unrolled:unrolled-benchmarks:jar:0.1.0-SNAPSHOT",
      "+- dev.unrolled:unrolled-runtime:jar:0.1.0-SNAPSHOT:compile",
      "+- org.openjdk.jmh:jmh-core:jar:1.37:compile",
      "|  \\- net.sf.jopt-simple:jopt-simple:jar:5.0.4:compile",
      "+- org.encog:encog-core:jar:3.4:compile",
      "+- com.github.haifengl:smile-core:jar:3.1.1:compile",
      "|  +- com.github.haifengl:smile-base:jar:3.1.1:compile",
      "|  |  +- (org.slf4j:slf4j-api:jar:2.0.12:compile - omitted for duplicate)",
      "|  |  +- org.bytedeco:javacpp:jar:linux-x86_64:1.5.10:compile",
      "|  |  \\- com.epam:parso:jar:2.0.14:compile",
      "|  |     \\- (org.slf4j:slf4j-api:jar:1.7.5:compile - omitted for conflict with 2.0.12)",
      "|  \\- org.slf4j:slf4j-api:jar:2.0.12:compile",
      "\\- org.junit.jupiter:junit-jupiter:jar:5.14.1:test",
      "");

  @Test
  void aContenderOwnsItsSubtreesWithTheVersionsMavenPicked() throws IOException {
    ResolvedDependencies resolved = resolve();

    assertThat(names(resolved.jars("smile"))).containsExactly("smile-core-3.1.1.jar", "smile-base-3.1.1.jar",
        "slf4j-api-2.0.12.jar", "javacpp-1.5.10-linux-x86_64.jar", "parso-2.0.14.jar").inOrder();
    assertThat(names(resolved.jars("encog"))).containsExactly("encog-core-3.4.jar");
    assertThat(names(resolved.jars("generated-float"))).containsExactly("unrolled-runtime-0.1.0-SNAPSHOT.jar");
    assertThat(resolved.jars("hand-written")).isEmpty();
    assertThat(resolved.jars("djl")).isEmpty();
  }

  @Test
  void sizesAreTheFilesOnDisk() throws IOException {
    ResolvedDependencies resolved = resolve();

    long smile = resolved.jars("smile").stream().mapToLong(ResolvedDependencies::size).sum();

    assertThat(smile).isEqualTo(100 + 200 + 300 + 400 + 500);
  }

  private ResolvedDependencies resolve() throws IOException {
    Path repo = Files.createDirectories(folder.resolve("repo"));
    List<String> classpath = new ArrayList<>();
    String[][] jars = {{"unrolled-runtime-0.1.0-SNAPSHOT.jar", "10"}, {"jmh-core-1.37.jar", "20"},
        {"jopt-simple-5.0.4.jar", "30"}, {"encog-core-3.4.jar", "40"}, {"smile-core-3.1.1.jar", "100"},
        {"smile-base-3.1.1.jar", "200"}, {"javacpp-1.5.10-linux-x86_64.jar", "400"},
        {"parso-2.0.14.jar", "500"}, {"slf4j-api-2.0.12.jar", "300"}};
    for (String[] jar : jars) {
      Path file = repo.resolve(jar[0]);
      Files.write(file, new byte[Integer.parseInt(jar[1])]);
      classpath.add(file.toString());
    }
    Path tree = folder.resolve("tree.txt");
    Files.write(tree, TREE.getBytes(StandardCharsets.UTF_8));
    Path cp = folder.resolve("classpath.txt");
    Files.write(cp, String.join(File.pathSeparator, classpath).getBytes(StandardCharsets.UTF_8));
    return new ResolvedDependencies(tree, cp);
  }

  private static List<String> names(List<Path> jars) {
    List<String> names = new ArrayList<>();
    jars.forEach(j -> names.add(j.getFileName().toString()));
    return names;
  }
}
