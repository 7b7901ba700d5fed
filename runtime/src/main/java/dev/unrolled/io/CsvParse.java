package dev.unrolled.io;

import dev.unrolled.Precision;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/** One pass of a {@link CsvReader} over one source: splits lines, parses rows, names every problem. */
final class CsvParse {
  private static final char[] OTHER_DELIMITERS = {',', ';', '\t', '|'};

  private final CsvReader options;
  private final String source;
  private final List<String> fields = new ArrayList<>();
  private final List<float[]> floatRows = new ArrayList<>();
  private final List<double[]> doubleRows = new ArrayList<>();
  private final ClassIndex classes = new ClassIndex();
  private List<String> columnNames; // header names, or null without a header
  private long firstLine; // the line that fixed the width (the header or the first row)
  private long line;
  private int width; // 0 until the first line that counts is read
  private int label;

  CsvParse(CsvReader options, String source) {
    this.options = options;
    this.source = source;
  }

  LabeledData read(BufferedReader in) throws IOException {
    String text;
    while ((text = next(in)) != null) {
      if (line == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (skipped(text)) {
        continue;
      }
      split(text);
      if (width == 0) {
        start(text);
        if (options.header()) {
          continue;
        }
      }
      row(text);
    }
    if (classes.size() == 0) {
      throw new DataFileException(source, 0, width == 0
          ? source + " is empty: it has no " + (options.header() ? "header line and no " : "") + "data rows"
          : source + " has a header (line " + firstLine + ") but no data rows after it");
    }
    ClassIndex.Classes labels = classes.finish(source);
    List<String> featureNames = new ArrayList<>(width - 1);
    for (int c = 0; c < width; c++) {
      if (c != label) {
        featureNames.add(columnNames != null ? columnNames.get(c) : "x" + c);
      }
    }
    return options.precision() == Precision.FLOAT
        ? new LabeledData(floatRows.toArray(new float[0][]), null, labels.indices(), labels.names(), featureNames)
        : new LabeledData(null, doubleRows.toArray(new double[0][]), labels.indices(), labels.names(), featureNames);
  }

  private String next(BufferedReader in) throws IOException {
    try {
      String text = in.readLine();
      line++;
      if (text != null && text.indexOf('\u0000') >= 0) {
        throw new DataFileException(source, line, source + " line " + line + " holds NUL bytes, so it is a "
            + "binary file, not CSV text; for IDX files (MNIST and the like) use IdxReader");
      }
      return text;
    } catch (EOFException | ZipException e) {
      // Decompression reads ahead, so the break lies somewhere after the lines already read.
      throw Sources.damaged(source, 0, line == 0 ? "before its first line is complete"
          : "somewhere after line " + line, e);
    }
  }

  private boolean skipped(String text) {
    if (options.comments() && text.stripLeading().startsWith("#")) {
      return true;
    }
    return options.skipsBlankLines() && text.isBlank();
  }

  /** The first line that counts fixes the width, the column names and the label column. */
  private void start(String text) throws DataFileException {
    width = fields.size();
    firstLine = line;
    if (options.header()) {
      columnNames = new ArrayList<>(width);
      for (String name : fields) {
        columnNames.add(name.trim());
      }
    }
    if (width < 2) {
      throw problem("has 1 column, but a labelled CSV needs at least one feature column and the label column"
          + delimiterHint(text));
    }
    label = options.labelName() != null ? namedLabel() : options.labelIndex() < 0 ? width - 1 : options.labelIndex();
    if (label >= width) {
      throw problem("has " + width + " columns (0.." + (width - 1) + "), so there is no label column "
          + label + "; give labelColumn an index in that range" + (options.header() ? " or a header name" : ""));
    }
  }

  private int namedLabel() throws DataFileException {
    int found = columnNames.indexOf(options.labelName());
    if (found < 0) {
      throw problem("(the header) has no column named \"" + options.labelName() + "\"; its columns are "
          + String.join(", ", columnNames) + " — name one of them in labelColumn(...) (names are case-sensitive)");
    }
    if (columnNames.lastIndexOf(options.labelName()) != found) {
      throw problem("(the header) names columns " + found + " and " + columnNames.lastIndexOf(options.labelName())
          + " both \"" + options.labelName() + "\"; give the label column's index instead");
    }
    return found;
  }

  private void row(String text) throws DataFileException {
    if (fields.size() != width) {
      String rule = (options.header() ? "the header (line " : "the first row (line ") + firstLine + ") has " + width;
      throw problem(text.isBlank()
          ? "is blank, but " + rule + " columns; remove it or read with skipBlankLines(true)"
          : "has " + fields.size() + " columns but " + rule + "; every row needs " + width + " values separated by "
              + CsvReader.describe(options.delimiter()) + delimiterHint(text));
    }
    String name = fields.get(label).trim();
    if (name.isEmpty()) {
      throw problem("column " + column(label) + " (the label) is empty; every row needs its class");
    }
    classes.add(name, line);
    if (options.precision() == Precision.FLOAT) {
      float[] values = new float[width - 1];
      for (int c = 0, f = 0; c < width; c++) {
        if (c != label) {
          values[f++] = floatValue(c);
        }
      }
      floatRows.add(values);
    } else {
      double[] values = new double[width - 1];
      for (int c = 0, f = 0; c < width; c++) {
        if (c != label) {
          values[f++] = doubleValue(c);
        }
      }
      doubleRows.add(values);
    }
  }

  private float floatValue(int c) throws DataFileException {
    String text = fields.get(c);
    float value;
    try {
      value = Float.parseFloat(numeral(c, text));
    } catch (NumberFormatException e) {
      throw notANumber(c, text);
    }
    if (!Float.isFinite(value)) {
      if (Double.isFinite(Double.parseDouble(text))) {
        throw problem("column " + column(c) + ": " + text.trim() + " is beyond the float range (±"
            + Float.MAX_VALUE + "); read with precision(Precision.DOUBLE) or rescale the column");
      }
      throw notFinite(c, text);
    }
    return value;
  }

  private double doubleValue(int c) throws DataFileException {
    String text = fields.get(c);
    double value;
    try {
      value = Double.parseDouble(numeral(c, text));
    } catch (NumberFormatException e) {
      throw notANumber(c, text);
    }
    if (!Double.isFinite(value)) {
      throw notFinite(c, text);
    }
    return value;
  }

  /** Java's parsers also take "1f" and "2d"; a CSV number with such a suffix is a typo, not a float. */
  private String numeral(int c, String text) throws DataFileException {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      throw problem("column " + column(c) + " is empty (a missing value); every feature needs a number, so "
          + "fill it in or drop the row");
    }
    char last = Character.toLowerCase(trimmed.charAt(trimmed.length() - 1));
    if (last == 'f' || last == 'd') {
      throw notANumber(c, text);
    }
    return trimmed;
  }

  private DataFileException notANumber(int c, String text) {
    return problem("column " + column(c) + ": \"" + text + "\" is not a number; feature columns hold numbers "
        + "such as 1.5 or -2e-3, and the label is column " + column(label));
  }

  private DataFileException notFinite(int c, String text) {
    return problem("column " + column(c) + ": " + text.trim() + " is not a finite number; replace missing or "
        + "infinite values before reading");
  }

  /** A column as messages show it: its index and, with a header, its name. */
  private String column(int c) {
    return columnNames == null ? String.valueOf(c) : c + " (" + columnNames.get(c) + ")";
  }

  private DataFileException problem(String what) {
    return new DataFileException(source, line, source + " line " + line + " " + what);
  }

  /** A row of the wrong width often means another delimiter; say which one the line contains. */
  private String delimiterHint(String text) {
    for (char other : OTHER_DELIMITERS) {
      if (other != options.delimiter() && text.indexOf(other) >= 0
          && text.indexOf(options.delimiter()) < 0) {
        return " (the line contains " + CsvReader.describe(other) + ": is that the delimiter? set delimiter("
            + CsvReader.describe(other) + "))";
      }
    }
    return "";
  }

  /** Splits {@code text} into {@link #fields}, unquoting RFC 4180 fields that stay on one line. */
  private void split(String text) throws DataFileException {
    fields.clear();
    char delimiter = options.delimiter();
    int i = 0;
    while (true) {
      if (i < text.length() && text.charAt(i) == '"') {
        i = quoted(text, i);
      } else {
        int end = text.indexOf(delimiter, i);
        fields.add(text.substring(i, end < 0 ? text.length() : end));
        i = end < 0 ? text.length() : end;
      }
      if (i >= text.length()) {
        return;
      }
      i++; // past the delimiter
    }
  }

  /** Adds the quoted field that starts at {@code open}; returns the index just after its closing quote. */
  private int quoted(String text, int open) throws DataFileException {
    StringBuilder value = new StringBuilder();
    int i = open + 1;
    while (true) {
      if (i >= text.length()) {
        throw problem("column " + fields.size() + ": the quoted field that starts at character " + (open + 1)
            + " is not closed on this line; close it with \" (a quote inside is written \"\") — fields that "
            + "span lines are not supported");
      }
      char c = text.charAt(i++);
      if (c != '"') {
        value.append(c);
      } else if (i < text.length() && text.charAt(i) == '"') {
        value.append('"');
        i++;
      } else {
        break;
      }
    }
    if (i < text.length() && text.charAt(i) != options.delimiter()) {
      throw problem("column " + fields.size() + ": text follows the closing quote at character " + i + " ("
          + (text.length() - i > 12 ? text.substring(i, i + 12) + "…" : text.substring(i)) + "); a quoted field ends at the delimiter "
          + CsvReader.describe(options.delimiter()) + ", and a quote inside it is written \"\"");
    }
    fields.add(value.toString());
    return i;
  }
}
