package dev.unrolled.io;

import dev.unrolled.Precision;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A second reading of CSV as {@link CsvReader} documents it, with the default options (label last,
 * comma, blank lines skipped, no comments), for the fuzz test: the rows it accepts, or the line (and
 * for a feature, the column) of the first problem. Lines end as {@link java.io.BufferedReader} ends
 * them. Nothing here is shared with {@link CsvParse}.
 */
final class CsvReference {
  /** Accepted: the rows; or refused at {@code line} (0: the file as a whole), {@code column} −1 unless a feature's. */
  record Verdict(List<double[]> rows, List<Integer> labels, List<String> classNames, List<String> featureNames,
      long line, int column) {
    boolean accepted() {
      return rows != null;
    }
  }

  /** Refused on {@code line} of the text; never leaves this class. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;
    final int column;

    Refused(long line, int column) {
      super(null, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  private final boolean header;
  private final Precision precision;

  CsvReference(boolean header, Precision precision) {
    this.header = header;
    this.precision = precision;
  }

  /** The verdict on {@code bytes}; null for gzip that does not gunzip, where only refusal is certain. */
  Verdict read(byte[] bytes) {
    String text;
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1f && (bytes[1] & 0xFF) == 0x8b) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return null;
      }
    } else {
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    try {
      return parse(lines(text));
    } catch (Refused e) {
      return new Verdict(null, null, null, null, e.line, e.column);
    }
  }

  /** Split at \n, \r and \r\n; a last line without an end still counts, an empty one does not. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  private Verdict parse(List<String> lines) throws Refused {
    List<String> names = null;
    int width = 0;
    List<double[]> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Map<String, Long> firstLines = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      long line = i + 1;
      String text = lines.get(i);
      require(text.indexOf('\0') < 0, line, -1);
      if (line == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (text.isBlank()) {
        continue;
      }
      List<String> fields = fields(text, line);
      if (width == 0) {
        width = fields.size();
        require(width >= 2, line, -1);
        if (header) {
          names = fields.stream().map(String::trim).toList();
          continue;
        }
      }
      require(fields.size() == width, line, -1);
      String label = fields.get(width - 1).trim();
      require(!label.isEmpty(), line, -1);
      firstLines.putIfAbsent(label, line);
      labels.add(label);
      double[] row = new double[width - 1];
      for (int c = 0; c < width - 1; c++) {
        row[c] = number(fields.get(c).trim(), line, c);
      }
      rows.add(row);
    }
    require(!rows.isEmpty(), 0, -1);
    List<String> features = new ArrayList<>();
    for (int c = 0; c < width - 1; c++) {
      features.add(names != null ? names.get(c) : "x" + c);
    }
    List<String> classes = classNames(firstLines);
    boolean integers = integers(firstLines);
    List<Integer> indices = labels.stream()
        .map(l -> integers ? Integer.parseInt(l) : Collections.binarySearch(classes, l)).toList();
    return new Verdict(rows, indices, classes, features, 0, -1);
  }

  private static boolean integers(Map<String, Long> firstLines) {
    return firstLines.keySet().stream().allMatch(l -> l.length() <= 9 && l.chars().allMatch(c -> c >= '0' && c <= '9'));
  }

  /** "0".."max" if every label is at most nine digits, the largest below 65536; else the sorted labels. */
  private static List<String> classNames(Map<String, Long> firstLines) throws Refused {
    if (!integers(firstLines)) {
      List<String> sorted = new ArrayList<>(firstLines.keySet());
      Collections.sort(sorted);
      return sorted;
    }
    int max = firstLines.keySet().stream().mapToInt(Integer::parseInt).max().orElseThrow();
    for (Map.Entry<String, Long> label : firstLines.entrySet()) {
      require(max < 65_536 || Integer.parseInt(label.getKey()) != max, label.getValue(), -1);
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c <= max; c++) {
      names.add(Integer.toString(c));
    }
    return names;
  }

  /** A finite number in the precision, without Java's f and d suffixes. */
  private double number(String text, long line, int column) throws Refused {
    require(!text.isEmpty() && !text.endsWith("f") && !text.endsWith("F") && !text.endsWith("d")
        && !text.endsWith("D"), line, column);
    double value;
    try {
      value = precision == Precision.FLOAT ? Float.parseFloat(text) : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new Refused(line, column);
    }
    require(Double.isFinite(value), line, column);
    return value;
  }

  /** Comma-separated fields; a field that starts with a quote ends at the next lone quote, then a comma. */
  private static List<String> fields(String text, long line) throws Refused {
    List<String> fields = new ArrayList<>();
    int i = 0;
    while (true) {
      StringBuilder field = new StringBuilder();
      if (i < text.length() && text.charAt(i) == '"') {
        for (i++; ; i++) {
          require(i < text.length(), line, -1);
          if (text.charAt(i) == '"' && (i + 1 >= text.length() || text.charAt(i + 1) != '"')) {
            break;
          }
          field.append(text.charAt(i));
          i += text.charAt(i) == '"' ? 1 : 0;
        }
        i++;
        require(i >= text.length() || text.charAt(i) == ',', line, -1);
      } else {
        int end = text.indexOf(',', i);
        field.append(text, i, end < 0 ? text.length() : end);
        i = end < 0 ? text.length() : end;
      }
      fields.add(field.toString());
      if (i >= text.length()) {
        return fields;
      }
      i++;
    }
  }

  private static void require(boolean condition, long line, int column) throws Refused {
    if (!condition) {
      throw new Refused(line, column);
    }
  }
}
