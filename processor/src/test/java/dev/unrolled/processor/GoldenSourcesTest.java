package dev.unrolled.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static com.google.testing.compile.JavaFileObjectSubject.javaFileObjects;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: what the processor generates for a few declarations, checked in under
 * {@code processor/src/test/resources/golden/} next to the declarations ({@code Tiny.java} gives
 * {@code TinyModel.java}, {@code TinyTrainer.java} and {@code TinyModelArchitecture.java}). Generated
 * sources are compared with them by syntax tree ({@code hasSourceEquivalentTo}): formatting and
 * comments do not count, every declaration, statement, name and literal does.
 *
 * <p>When the generated code changes on purpose, regenerate the golden files and review the change as
 * a diff before committing it:
 *
 * <pre>
 * mvn -B -q -pl processor -am test -Dgolden.update=true
 * git diff processor/src/test/resources/golden/
 * </pre>
 *
 * With {@code golden.update=true} this test writes every source generated from each declaration over
 * its golden file, deletes golden files of a declaration that are no longer generated, and passes;
 * without it, it compares. A declaration is added by putting {@code Name.java} (package
 * {@code golden}) in the folder, adding it to {@link #DECLARATIONS} and regenerating. The folder's
 * README says the same for those who meet the golden files in a diff first.
 */
class GoldenSourcesTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final String REGENERATE = "if the change is intended, regenerate with "
      + "`mvn -B -q -pl processor -am test -Dgolden.update=true` and review `git diff` of the golden files";

  /** A declaration and the javac options it needs. */
  record Golden(String name, List<String> options) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Golden> DECLARATIONS = List.of(
      new Golden("Tiny", List.of()),
      new Golden("Looped", List.of()),
      new Golden("Tiled", List.of("--add-modules", "jdk.incubator.vector")),
      new Golden("Lanes", List.of("--add-modules", "jdk.incubator.vector")),
      new Golden("Radial", List.of()),
      new Golden("Normalised", List.of()));

  static List<Golden> declarations() {
    return DECLARATIONS;
  }

  /** The source folder (surefire runs in the module and sets basedir), so updates land in the tree. */
  private static Path folder() {
    Path folder = Path.of(System.getProperty("basedir", ""), "src", "test", "resources", "golden");
    assertWithMessage("golden folder %s", folder.toAbsolutePath()).that(Files.isDirectory(folder)).isTrue();
    return folder;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("declarations")
  void generatedSourcesMatchTheGoldenFiles(Golden golden) throws IOException {
    Path folder = folder();
    JavaFileObject declaration = JavaFileObjects.forResource(folder.resolve(golden.name() + ".java").toUri().toURL());

    Compilation compilation = javac().withProcessors(new UnrolledProcessor()).withOptions(golden.options())
        .compile(declaration);

    assertThat(compilation).succeeded();
    Map<String, JavaFileObject> generated = generatedSources(compilation);
    assertThat(generated.keySet()).containsAtLeast(golden.name() + "Model.java", golden.name() + "Trainer.java",
        golden.name() + "ModelArchitecture.java");
    if (UPDATE) {
      update(folder, golden, generated);
    } else {
      compare(folder, golden, generated);
    }
  }

  private static void compare(Path folder, Golden golden, Map<String, JavaFileObject> generated)
      throws IOException {
    assertWithMessage("golden files of %s; %s", golden, REGENERATE)
        .that(goldenFilesOf(folder, golden)).containsExactlyElementsIn(generated.keySet());
    for (Map.Entry<String, JavaFileObject> file : generated.entrySet()) {
      JavaFileObject expected = JavaFileObjects.forResource(folder.resolve(file.getKey()).toUri().toURL());
      assertWithMessage("%s; %s", file.getKey(), REGENERATE).about(javaFileObjects()).that(file.getValue())
          .hasSourceEquivalentTo(expected);
    }
  }

  private static void update(Path folder, Golden golden, Map<String, JavaFileObject> generated)
      throws IOException {
    for (String stale : goldenFilesOf(folder, golden)) {
      if (!generated.containsKey(stale)) {
        Files.delete(folder.resolve(stale));
      }
    }
    for (Map.Entry<String, JavaFileObject> file : generated.entrySet()) {
      Files.writeString(folder.resolve(file.getKey()), file.getValue().getCharContent(true), StandardCharsets.UTF_8);
    }
  }

  /** Generated sources by file name; all go to the declaration's package, next to it. */
  private static Map<String, JavaFileObject> generatedSources(Compilation compilation) {
    Map<String, JavaFileObject> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String name = file.toUri().getPath();
      sources.put(name.substring(name.lastIndexOf('/') + 1), file);
    }
    return sources;
  }

  /** The golden files generated from {@code golden}: {@code NameSomething.java}, not the declaration. */
  private static TreeSet<String> goldenFilesOf(Path folder, Golden golden) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString())
          .filter(f -> f.startsWith(golden.name()) && f.endsWith(".java") && !f.equals(golden.name() + ".java"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void everyGoldenFileBelongsToExactlyOneDeclaration() throws IOException {
    List<String> names = DECLARATIONS.stream().map(Golden::name).toList();
    // No name may start another ("Tiny" and "TinyDeep"): the files of one would count as the other's.
    for (String a : names) {
      for (String b : names) {
        assertWithMessage("%s and %s", a, b).that(a.equals(b) || !b.startsWith(a)).isTrue();
      }
    }
    try (Stream<Path> files = Files.list(folder())) {
      for (String file : files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".java")).toList()) {
        assertWithMessage("%s is in no declaration's golden files", file)
            .that(names.stream().filter(file::startsWith).count()).isEqualTo(1);
      }
    }
  }
}
