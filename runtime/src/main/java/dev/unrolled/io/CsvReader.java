package dev.unrolled.io;

import dev.unrolled.Precision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a CSV table of numeric features and one class column into {@link LabeledData}, line by line:
 * the text is never held in memory, only the parsed rows. Options are immutable; each setter returns
 * a new reader, so one configured reader can be kept in a constant and shared between threads.
 *
 * <pre>{@code
 * LabeledData iris = CsvReader.withHeader().read(Path.of("iris.csv"));           // label: last column
 * LabeledData digits = CsvReader.withoutHeader().read(Path.of("digits.csv.gz")); // gunzipped by magic
 * LabeledData wine = CsvReader.withHeader().labelColumn("class").delimiter(';')
 *     .precision(Precision.DOUBLE).read(Path.of("wine.csv"));
 * Dataset data = iris.toDataset();
 * }</pre>
 *
 * <p><b>Classes.</b> If every label is a non-negative integer (digits only, e.g. {@code 0}..{@code 9}),
 * the integer is the class index and the class names are {@code "0"} up to the largest label, so
 * labels {@code 1, 2} give three classes of which {@code "0"} is empty. Otherwise each distinct
 * name is a class, indexed in {@link String#compareTo} order (case-sensitive), which for iris gives
 * scikit-learn's {@code setosa = 0, versicolor = 1, virginica = 2} whatever order the rows come in.
 * Labels and header names are trimmed; feature values may carry surrounding spaces.
 *
 * <p><b>Format.</b> One row per line ({@code \n} or {@code \r\n}), UTF-8, an optional byte-order mark.
 * Fields may be quoted as in RFC 4180 ({@code "a, b"}, {@code ""} for a quote) on a single line; a
 * quoted field that spans lines is reported, not joined. Blank lines are skipped unless
 * {@link #skipBlankLines(boolean) skipBlankLines(false)}; lines starting with {@code #} are comments
 * only after {@link #comments(boolean) comments(true)}. Features are parsed as
 * {@link Precision#FLOAT} unless {@link #precision} says otherwise, and must be finite in it.
 *
 * <p><b>Errors.</b> A file that does not match the options throws {@link DataFileException} (an
 * {@code IOException}) naming the source, the line (from 1, as editors count), the column (from 0,
 * as {@link #labelColumn(int)} counts, with its header name), what was found and what was expected.
 * An option that is wrong whatever the file holds throws {@code IllegalArgumentException} at once.
 */
public final class CsvReader {
  private final boolean header;
  private final String labelName; // null: use labelIndex
  private final int labelIndex; // -1: the last column
  private final char delimiter;
  private final boolean skipBlankLines;
  private final boolean comments;
  private final Precision precision;

  private CsvReader(boolean header, String labelName, int labelIndex, char delimiter, boolean skipBlankLines,
      boolean comments, Precision precision) {
    this.header = header;
    this.labelName = labelName;
    this.labelIndex = labelIndex;
    this.delimiter = delimiter;
    this.skipBlankLines = skipBlankLines;
    this.comments = comments;
    this.precision = precision;
  }

  /** A reader for files whose first line names the columns; the label is the last column. */
  public static CsvReader withHeader() {
    return new CsvReader(true, null, -1, ',', true, false, Precision.FLOAT);
  }

  /** A reader for files that start with data; the label is the last column. */
  public static CsvReader withoutHeader() {
    return new CsvReader(false, null, -1, ',', true, false, Precision.FLOAT);
  }

  /** The label is the column with this header name (needs {@link #withHeader()}). */
  public CsvReader labelColumn(String name) {
    if (!header) {
      throw new IllegalArgumentException("labelColumn(\"" + name + "\") names a column, but this reader "
          + "expects no header line; start from CsvReader.withHeader() or give the column's index");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("the label column name is " + (name == null ? "null" : "blank")
          + "; give the header name of the class column, e.g. \"species\"");
    }
    return new CsvReader(header, name.trim(), -1, delimiter, skipBlankLines, comments, precision);
  }

  /** The label is column {@code index}, counted from 0. */
  public CsvReader labelColumn(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("the label column index is " + index
          + "; columns count from 0 (the default is the last column)");
    }
    return new CsvReader(header, null, index, delimiter, skipBlankLines, comments, precision);
  }

  /** The field separator, ',' by default (e.g. ';' or '\t'). */
  public CsvReader delimiter(char delimiter) {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("the delimiter cannot be " + describe(delimiter)
          + ", which CSV reserves for quoting and line ends; use e.g. ',', ';' or '\\t'");
    }
    return new CsvReader(header, labelName, labelIndex, delimiter, skipBlankLines, comments, precision);
  }

  /** Whether to skip lines that hold only whitespace (true by default); if not, they are errors. */
  public CsvReader skipBlankLines(boolean skip) {
    return new CsvReader(header, labelName, labelIndex, delimiter, skip, comments, precision);
  }

  /** Whether lines whose first non-blank character is '#' are comments (false by default). */
  public CsvReader comments(boolean allowed) {
    return new CsvReader(header, labelName, labelIndex, delimiter, skipBlankLines, allowed, precision);
  }

  /** The precision of the feature arrays: FLOAT (default, as FLOAT models train) or DOUBLE. */
  public CsvReader precision(Precision precision) {
    if (precision == null) {
      throw new IllegalArgumentException("precision is null; give Precision.FLOAT or Precision.DOUBLE");
    }
    return new CsvReader(header, labelName, labelIndex, delimiter, skipBlankLines, comments, precision);
  }

  /** Reads {@code file}, gunzipping it if it starts with the gzip magic bytes. */
  public LabeledData read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads {@code in} to its end (gunzipping gzip bytes); {@code source} names it in messages. Not closed. */
  public LabeledData read(InputStream in, String source) throws IOException {
    InputStream bytes = Sources.decompressed(in, source);
    return read(new InputStreamReader(bytes, StandardCharsets.UTF_8), source);
  }

  /** Reads {@code in} to its end; {@code source} names it in messages. Not closed. */
  public LabeledData read(Reader in, String source) throws IOException {
    BufferedReader lines = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in, Sources.BUFFER);
    return new CsvParse(this, source).read(lines);
  }

  boolean header() {
    return header;
  }

  String labelName() {
    return labelName;
  }

  int labelIndex() {
    return labelIndex;
  }

  char delimiter() {
    return delimiter;
  }

  boolean skipsBlankLines() {
    return skipBlankLines;
  }

  boolean comments() {
    return comments;
  }

  Precision precision() {
    return precision;
  }

  static String describe(char c) {
    switch (c) {
      case '\t': return "'\\t'";
      case '\n': return "'\\n'";
      case '\r': return "'\\r'";
      default: return "'" + c + "'";
    }
  }

  @Override
  public String toString() {
    return "CsvReader[" + (header ? "header" : "no header") + ", label "
        + (labelName != null ? "\"" + labelName + "\"" : labelIndex < 0 ? "last column" : "column " + labelIndex)
        + ", delimiter " + describe(delimiter) + (skipBlankLines ? ", skip blank lines" : "")
        + (comments ? ", # comments" : "") + ", " + precision + "]";
  }
}
