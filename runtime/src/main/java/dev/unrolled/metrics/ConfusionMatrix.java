package dev.unrolled.metrics;

import java.util.Locale;

/**
 * Counts of (actual class, predicted class) pairs, with accuracy, per-class precision and recall,
 * and a readable table.
 *
 * <pre>{@code
 * ConfusionMatrix cm = Metrics.confusionMatrix(model, test);
 * double recallOfVirginica = cm.recall(2);
 * System.out.println(cm.format("setosa", "versicolor", "virginica"));
 * }</pre>
 */
public final class ConfusionMatrix {
  private static final String CORNER = "actual \\ predicted";

  private final long[][] counts; // counts[actual][predicted]

  private ConfusionMatrix(long[][] counts) {
    this.counts = counts;
  }

  /** Tallies {@code actual[i]} against {@code predicted[i]}, both class indices in {@code [0, classes)}. */
  public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
    if (actual == null || predicted == null || actual.length != predicted.length) {
      throw new IllegalArgumentException("actual and predicted must be non-null and equally long, but have "
          + (actual == null ? "null" : actual.length) + " and " + (predicted == null ? "null" : predicted.length)
          + " entries");
    }
    if (classes < 1) {
      throw new IllegalArgumentException("classes is " + classes + "; give the number of classes (at least 1)");
    }
    long[][] counts = new long[classes][classes];
    for (int i = 0; i < actual.length; i++) {
      requireClass("actual", i, actual[i], classes);
      requireClass("predicted", i, predicted[i], classes);
      counts[actual[i]][predicted[i]]++;
    }
    return new ConfusionMatrix(counts);
  }

  /** Number of classes. */
  public int classes() {
    return counts.length;
  }

  /** How many samples of class {@code actual} were predicted as {@code predicted}. */
  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  /** Total number of samples. */
  public long total() {
    long total = 0;
    for (long[] row : counts) {
      for (long c : row) {
        total += c;
      }
    }
    return total;
  }

  /** Share of samples on the diagonal; NaN when empty. */
  public double accuracy() {
    long diagonal = 0;
    for (int c = 0; c < counts.length; c++) {
      diagonal += counts[c][c];
    }
    return (double) diagonal / total();
  }

  /** Of the samples predicted as {@code c}, the share that are {@code c}; NaN if none was predicted. */
  public double precision(int c) {
    long predicted = 0;
    for (long[] row : counts) {
      predicted += row[c];
    }
    return (double) counts[c][c] / predicted;
  }

  /** Of the samples of class {@code c}, the share predicted as {@code c}; NaN if there were none. */
  public double recall(int c) {
    long actual = 0;
    for (long n : counts[c]) {
      actual += n;
    }
    return (double) counts[c][c] / actual;
  }

  /**
   * A table with one row per actual class, one column per predicted class, recall per row, precision
   * per column and the accuracy. Without names, classes are shown by index.
   */
  public String format(String... classNames) {
    String[] names = names(classNames);
    int first = Math.max(CORNER.length(), "precision".length());
    for (String name : names) {
      first = Math.max(first, name.length());
    }
    int[] widths = columnWidths(names);
    StringBuilder table = new StringBuilder(pad(CORNER, first, true));
    for (int c = 0; c < names.length; c++) {
      table.append("  ").append(pad(names[c], widths[c], false));
    }
    table.append("  recall\n");
    for (int a = 0; a < names.length; a++) {
      table.append(pad(names[a], first, true));
      for (int p = 0; p < names.length; p++) {
        table.append("  ").append(pad(Long.toString(counts[a][p]), widths[p], false));
      }
      table.append("  ").append(pad(ratio(recall(a)), "recall".length(), false)).append('\n');
    }
    table.append(pad("precision", first, true));
    for (int p = 0; p < names.length; p++) {
      table.append("  ").append(pad(ratio(precision(p)), widths[p], false));
    }
    long diagonal = Math.round(accuracy() * total());
    return table.append("\naccuracy ").append(ratio(accuracy()))
        .append(" (").append(diagonal).append(" of ").append(total()).append(")\n").toString();
  }

  @Override
  public String toString() {
    return format();
  }

  private String[] names(String[] classNames) {
    if (classNames == null || classNames.length == 0) {
      String[] indices = new String[counts.length];
      for (int c = 0; c < indices.length; c++) {
        indices[c] = Integer.toString(c);
      }
      return indices;
    }
    if (classNames.length != counts.length) {
      throw new IllegalArgumentException("format got " + classNames.length + " class names for "
          + counts.length + " classes; give one name per class, or none");
    }
    return classNames.clone();
  }

  private int[] columnWidths(String[] names) {
    int[] widths = new int[names.length];
    for (int p = 0; p < names.length; p++) {
      widths[p] = Math.max(names[p].length(), "0.000".length());
      for (long[] row : counts) {
        widths[p] = Math.max(widths[p], Long.toString(row[p]).length());
      }
    }
    return widths;
  }

  private static String ratio(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String pad(String text, int width, boolean left) {
    String space = " ".repeat(Math.max(0, width - text.length()));
    return left ? text + space : space + text;
  }

  private static void requireClass(String what, int index, int value, int classes) {
    if (value < 0 || value >= classes) {
      throw new IllegalArgumentException(what + "[" + index + "] is " + value + ", outside [0, " + classes
          + "); give class indices 0.." + (classes - 1));
    }
  }
}
