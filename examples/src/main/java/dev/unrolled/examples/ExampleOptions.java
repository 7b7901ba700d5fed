package dev.unrolled.examples;

import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.train.ConsoleListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line every example takes: {@code [--quiet] [--out DIR] [data path]}. Progress goes to
 * the console unless {@code --quiet}; the learning-curve PNG goes to {@code DIR} (default
 * {@code target/examples}).
 */
final class ExampleOptions {
  private final boolean quiet;
  private final Path output;
  private final List<String> arguments;

  private ExampleOptions(boolean quiet, Path output, List<String> arguments) {
    this.quiet = quiet;
    this.output = output;
    this.arguments = List.copyOf(arguments);
  }

  static ExampleOptions parse(String[] args) {
    boolean quiet = false;
    Path output = Path.of("target", "examples");
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quiet" -> quiet = true;
        case "--out" -> {
          if (i + 1 == args.length) {
            throw new IllegalArgumentException("--out needs a directory, e.g. --out target/examples");
          }
          output = Path.of(args[++i]);
        }
        default -> {
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + args[i] + "; use [--quiet] [--out DIR] [data path]");
          }
          rest.add(args[i]);
        }
      }
    }
    return new ExampleOptions(quiet, output, rest);
  }

  boolean quiet() {
    return quiet;
  }

  /** The data path given on the command line, else {@code fallback}. */
  Path dataPath(Path fallback) {
    return arguments.isEmpty() ? fallback : Path.of(arguments.get(0));
  }

  /** {@code base} with live console progress (epoch lines every {@code everyEpochs}), unless quiet. */
  FitOptions withProgress(FitOptions base, int everyEpochs) {
    return quiet ? base : base.listener(new ConsoleListener(System.out, System.console() != null, everyEpochs));
  }

  /** Prints a formatted line unless quiet. */
  void say(String format, Object... args) {
    if (!quiet) {
      System.out.printf(Locale.ROOT, format + "%n", args);
    }
  }

  /** Prints {@code text} as it is unless quiet. */
  void print(String text) {
    if (!quiet) {
      System.out.print(text);
    }
  }

  /** For examples with built-in data: a data path on the command line is a mistake, not a wish. */
  ExampleOptions withoutData(String example) {
    if (!arguments.isEmpty()) {
      throw new IllegalArgumentException(example + " uses built-in data and takes no data path, but got "
          + arguments + "; use [--quiet] [--out DIR]");
    }
    return this;
  }

  /** Draws the learning curves to {@code DIR/name.png} and says where. */
  Path chart(History history, String title, String name) {
    try {
      Path file = TrainingChart.save(history, title, output.resolve(name + ".png"));
      say("learning curves: %s", file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the chart " + name + ".png to " + output, e);
    }
  }
}
