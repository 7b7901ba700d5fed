package dev.unrolled.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Number formats and tables of the report, locale-independent so the same results give the same bytes. */
final class Markdown {
  static final String NOT_MEASURED = "not measured";

  private final StringBuilder text = new StringBuilder();

  Markdown line(String line) {
    text.append(line).append('\n');
    return this;
  }

  Markdown blank() {
    return line("");
  }

  /** A table: {@code align} holds one character per column, 'l' or 'r'. */
  Markdown table(String align, List<String> header, List<List<String>> rows) {
    line("| " + String.join(" | ", header) + " |");
    List<String> rules = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      rules.add(align.charAt(c) == 'r' ? "---:" : "---");
    }
    line("|" + String.join("|", rules) + "|");
    for (List<String> row : rows) {
      line("| " + String.join(" | ", row) + " |");
    }
    return blank();
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /** 1,208,941 — thousands separated, no decimals. */
  static String count(double value) {
    return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%,.0f", value);
  }

  /** "1,208,941 ± 634,983", or without the error when JMH had too few iterations to give one. */
  static String countWithError(double value, double error) {
    return Double.isNaN(error) ? count(value) : count(value) + " ± " + count(error);
  }

  /** A rate in the words: "10 M", "2.42 M", "24 k", "950". */
  static String samples(double value) {
    if (value >= 1e6) {
      return significant(value / 1e6) + " M";
    }
    return value >= 1e3 ? significant(value / 1e3) + " k" : significant(value);
  }

  static String fixed(double value, int decimals) {
    return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  /** Three significant figures for small values, thousands separators for large ones. */
  static String significant(double value) {
    if (Double.isNaN(value)) {
      return "—";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 100) {
      return count(value);
    }
    return fixed(value, magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3);
  }

  /** "5.9×", "0.55×" below 1, "—" when it cannot be computed. */
  static String times(double ratio) {
    if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
      return "—";
    }
    return fixed(ratio, ratio < 1 ? 2 : 1) + "×";
  }

  /** Bytes allocated per operation as JMH reports them (it averages over many operations). */
  static String bytes(double value) {
    if (Double.isNaN(value)) {
      return "—";
    }
    return value < 10 ? fixed(value, 2) : count(value);
  }

  /** "1.6 MB", "120 kB", "0 B" (decimal units, as file sizes are usually quoted). */
  static String size(long bytes) {
    if (bytes >= 1_000_000) {
      return fixed(bytes / 1e6, 1) + " MB";
    }
    if (bytes >= 1_000) {
      return fixed(bytes / 1e3, 0) + " kB";
    }
    return bytes + " B";
  }
}
