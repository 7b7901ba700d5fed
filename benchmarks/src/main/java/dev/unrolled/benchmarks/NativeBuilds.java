package dev.unrolled.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps native builds this CPU cannot run off a class path. The pom brings ND4J's generic
 * {@code linux-x86_64} build and its {@code linux-x86_64-avx512} build; JavaCPP loads the AVX-512
 * one whenever it is on the class path, and on a CPU without AVX-512 (AMD EPYC before Zen 4, say)
 * the first ND4J call dies with SIGILL in {@code libnd4jcpu.so}, taking the JVM with it. Without
 * that jar ND4J runs its generic build, the fastest this CPU can run of those published.
 *
 * <pre>java NativeBuilds target/benchmark-classpath.txt   # prints the class path without them</pre>
 */
public final class NativeBuilds {
  private static final Path CPUINFO = Paths.get("/proc/cpuinfo");

  private NativeBuilds() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: NativeBuilds <classpath.txt>");
      System.exit(2);
    }
    String text = new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.UTF_8).trim();
    Set<String> flags = cpuFlags();
    List<String> kept = new ArrayList<>();
    for (String entry : text.split(File.pathSeparator)) {
      if (!entry.isEmpty() && runsOn(Paths.get(entry), flags)) {
        kept.add(entry);
      }
    }
    System.out.print(String.join(File.pathSeparator, kept));
  }

  /** Whether {@code jar} is not a native build for an instruction set missing from {@code flags}. */
  static boolean runsOn(Path jar, Set<String> flags) {
    String name = jar.getFileName().toString();
    if (name.endsWith("-avx512.jar")) {
      return flags.contains("avx512f");
    }
    if (name.endsWith("-avx2.jar")) {
      return flags.contains("avx2");
    }
    return true;
  }

  /** The CPU's feature flags from /proc/cpuinfo; none where it does not exist (then no build is dropped). */
  static Set<String> cpuFlags() throws IOException {
    Set<String> flags = new TreeSet<>();
    if (!Files.isReadable(CPUINFO)) {
      flags.add("avx512f");
      flags.add("avx2");
      return flags;
    }
    for (String line : Files.readAllLines(CPUINFO, StandardCharsets.US_ASCII)) {
      if (line.startsWith("flags")) {
        for (String flag : line.substring(line.indexOf(':') + 1).trim().split("\\s+")) {
          flags.add(flag);
        }
        break;
      }
    }
    return flags;
  }
}
