package dev.unrolled.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the runtime dependency size of each contender as a TSV file for {@link ReportWriter}:
 * {@code contender, jars, bytes, unpacked bytes, note}. Jars come from {@link ResolvedDependencies};
 * "unpacked" is what a library extracts at first use outside Maven's repository (DJL's native
 * PyTorch under {@code ~/.djl.ai}, or {@code $DJL_CACHE_DIR}), when that folder exists.
 *
 * <pre>java DependencySize target/dependency-tree.txt target/benchmark-classpath.txt out.tsv</pre>
 */
public final class DependencySize {
  static final List<String> CONTENDERS = List.of("generated", "hand-written", "encog", "smile", "dl4j", "djl");

  private DependencySize() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: DependencySize <dependency-tree.txt> <classpath.txt> <out.tsv>");
      System.exit(2);
    }
    ResolvedDependencies resolved = new ResolvedDependencies(Paths.get(args[0]), Paths.get(args[1]));
    List<String> rows = new ArrayList<>();
    rows.add("contender\tjars\tbytes\tunpacked_bytes\tnote");
    for (String contender : CONTENDERS) {
      rows.add(row(contender, resolved));
    }
    Files.write(Paths.get(args[2]), rows, StandardCharsets.UTF_8);
  }

  private static String row(String contender, ResolvedDependencies resolved) {
    String lookup = contender.equals("generated") ? "generated-float" : contender;
    List<Path> jars = resolved.jars(lookup);
    long bytes = jars.stream().mapToLong(ResolvedDependencies::size).sum();
    String note;
    if (contender.equals("hand-written")) {
      note = "the JDK only";
    } else if (jars.isEmpty()) {
      return contender + "\t-\t-\t-\tnot in the benchmarks module's dependencies";
    } else {
      note = jars.get(0).getFileName().toString() + (jars.size() > 1 ? " and its dependencies" : "");
    }
    long unpacked = 0;
    if (contender.equals("djl")) {
      String cache = System.getenv("DJL_CACHE_DIR");
      Path dir = cache != null ? Paths.get(cache) : Paths.get(System.getProperty("user.home"), ".djl.ai");
      if (Files.isDirectory(dir)) {
        unpacked = ResolvedDependencies.size(dir);
        note += "; natives unpacked at first use under " + (cache != null ? "$DJL_CACHE_DIR" : "~/.djl.ai");
      }
    }
    return contender + "\t" + jars.size() + "\t" + bytes + "\t" + unpacked + "\t" + note;
  }
}
