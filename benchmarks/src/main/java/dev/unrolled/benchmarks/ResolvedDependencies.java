package dev.unrolled.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The runtime jars each contender needs, from what Maven resolved for the benchmarks module: the
 * verbose dependency tree ({@code dependency:tree -Dverbose}, which still lists a dependency shared
 * by two libraries under both, marked "omitted for duplicate") and the resolved classpath
 * ({@code dependency:build-classpath}), both written by the module's build into {@code target/}.
 *
 * <p>A contender's jars are the subtrees of the module's direct dependencies it owns (below), with
 * the version Maven picked where a subtree lost a version conflict. So a library's figure is what a
 * user adding just that library would ship, even where the benchmarks module shares a jar between
 * two peers.
 */
final class ResolvedDependencies {
  /** One node of the tree: {@code group:artifact:type[:classifier]:version:scope}. */
  private static final class Node {
    final int depth;
    final String key; // group:artifact:type:classifier, the identity Maven's conflict resolution uses
    final String artifact;
    final String version;
    final String type;
    final String classifier;
    final String scope;
    final boolean omitted;

    Node(int depth, String coordinates, boolean omitted) {
      String[] c = coordinates.split(":");
      boolean hasClassifier = c.length >= 6;
      this.depth = depth;
      this.artifact = c[1];
      this.type = c[2];
      this.classifier = hasClassifier ? c[3] : "";
      this.version = c[hasClassifier ? 4 : 3];
      this.scope = c.length > (hasClassifier ? 5 : 4) ? c[hasClassifier ? 5 : 4] : "compile";
      this.key = c[0] + ":" + c[1] + ":" + type + ":" + classifier;
      this.omitted = omitted;
    }

    String group() {
      return key.substring(0, key.indexOf(':'));
    }
  }

  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Path> jarByKey = new LinkedHashMap<>();

  ResolvedDependencies(Path tree, Path classpath) throws IOException {
    List<String> lines = Files.readAllLines(tree, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) { // the first line is the module itself
      int start = 0;
      while (start < line.length() && " |+-\\".indexOf(line.charAt(start)) >= 0) {
        start++;
      }
      if (start == line.length()) {
        continue;
      }
      String rest = line.substring(start);
      boolean omitted = rest.startsWith("(");
      String coordinates = (omitted ? rest.substring(1) : rest).split("[ )]", 2)[0];
      nodes.add(new Node(start / 3, coordinates, omitted));
    }
    String text = new String(Files.readAllBytes(classpath), StandardCharsets.UTF_8).trim();
    List<Path> jars = new ArrayList<>();
    for (String entry : text.split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty()) {
        jars.add(Paths.get(entry));
      }
    }
    for (Node node : nodes) {
      if (node.omitted || jarByKey.containsKey(node.key)) {
        continue;
      }
      put(node, jars);
    }
    // A runtime artifact whose winning version sits under a test-scoped branch (Truth's
    // error_prone_annotations, say) appears in the runtime tree only as "omitted for conflict":
    // the classpath holds the mediated version, so take that jar.
    for (Node node : nodes) {
      if (node.omitted && !jarByKey.containsKey(node.key)) {
        for (Path jar : jars) {
          String file = jar.getFileName().toString();
          if (file.startsWith(node.artifact + "-") && file.endsWith("." + node.type)
              && (node.classifier.isEmpty() || file.contains("-" + node.classifier + "."))
              && Character.isDigit(file.charAt(node.artifact.length() + 1))) {
            jarByKey.put(node.key, jar);
            break;
          }
        }
      }
    }
  }

  private void put(Node node, List<Path> jars) {
    String name = node.artifact + "-" + node.version
        + (node.classifier.isEmpty() ? "" : "-" + node.classifier) + "." + node.type;
    for (Path jar : jars) {
      if (jar.getFileName().toString().equals(name) || isReactorClasses(jar, node)) {
        jarByKey.put(node.key, jar);
        break;
      }
    }
  }

  /** Which direct dependencies of the benchmarks module belong to a contender. */
  static Predicate<String> ownsDirectDependency(String contender) {
    if (contender.startsWith("generated-")) {
      return key -> key.startsWith("dev.unrolled:unrolled-runtime:");
    }
    switch (contender) {
      case "encog":
        return key -> key.startsWith("org.encog:");
      case "smile":
        // Smile computes through OpenBLAS; the module pins JavaCPP's openblas (the version DL4J
        // needs) as direct dependencies, so they belong to Smile too.
        return key -> key.startsWith("com.github.haifengl:") || key.startsWith("org.bytedeco:openblas:")
            || key.startsWith("org.bytedeco:javacpp:");
      case "dl4j":
        return key -> key.startsWith("org.deeplearning4j:") || key.startsWith("org.nd4j:")
            || key.startsWith("org.bytedeco:");
      case "djl":
        return key -> key.startsWith("ai.djl");
      default: // hand-written, hello: the JDK only
        return key -> false;
    }
  }

  /** The contender's runtime jars in tree order, each once. */
  List<Path> jars(String contender) {
    Predicate<String> owns = ownsDirectDependency(contender);
    Set<String> keys = new LinkedHashSet<>();
    boolean inside = false;
    for (Node node : nodes) {
      if (node.depth == 1) {
        inside = owns.test(node.key) && isRuntime(node);
      }
      if (inside && isRuntime(node)) {
        keys.add(node.key);
      }
    }
    List<Path> jars = new ArrayList<>();
    for (String key : keys) {
      Path jar = jarByKey.get(key);
      if (jar == null) {
        throw new IllegalStateException(key + " is in the dependency tree but not on the resolved classpath");
      }
      jars.add(jar);
    }
    return jars;
  }

  /** Bytes on disk of a jar, or of every file under a folder. */
  static long size(Path path) {
    try {
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          return files.filter(Files::isRegularFile).mapToLong(ResolvedDependencies::fileSize).sum();
        }
      }
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long fileSize(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isRuntime(Node node) {
    return node.scope.equals("compile") || node.scope.equals("runtime");
  }

  /** Before packaging, a reactor module resolves to its {@code target/classes} folder. */
  private static boolean isReactorClasses(Path entry, Node node) {
    return node.group().equals("dev.unrolled")
        && entry.endsWith(Paths.get(node.artifact.replaceFirst("^unrolled-", ""), "target", "classes"));
  }
}
