package dev.unrolled.io;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.Precision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  private static final String FLOWERS = "sepal,petal,species\n"
      + "5.1,1.4,virginica\n"
      + "4.9,1.5,setosa\n"
      + "6.3,4.7,versicolor\n"
      + "5.0,1.3,setosa\n";

  @TempDir Path dir;

  private static LabeledData read(CsvReader reader, String text) throws IOException {
    return reader.read(new StringReader(text), "test.csv");
  }

  private static DataFileException rejected(CsvReader reader, String text) {
    return assertThrows(DataFileException.class, () -> read(reader, text));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void classNamesAreSortedSoIrisGetsScikitLearnsOrder() throws IOException {
    LabeledData flowers = read(CsvReader.withHeader(), FLOWERS);

    assertThat(flowers.classNames()).containsExactly("setosa", "versicolor", "virginica").inOrder();
    assertThat(flowers.labels()).asList().containsExactly(2, 0, 1, 0).inOrder();
    assertThat(flowers.featureNames()).containsExactly("sepal", "petal").inOrder();
    assertThat(flowers.floatFeatures()[2]).usingExactEquality().containsExactly(6.3f, 4.7f).inOrder();
    assertThat(flowers.classCounts()).asList().containsExactly(2, 1, 1).inOrder();
  }

  @Test
  void integerLabelsAreTheClassIndices() throws IOException {
    LabeledData digits = read(CsvReader.withoutHeader(), "0,16,3\n7,0,1\n1,2,3\n");

    assertThat(digits.labels()).asList().containsExactly(3, 1, 3).inOrder();
    assertThat(digits.classNames()).containsExactly("0", "1", "2", "3").inOrder(); // 0 and 2 unseen
    assertThat(digits.featureNames()).containsExactly("x0", "x1").inOrder();
    assertThat(digits.toDataset().classCount()).isEqualTo(4);
  }

  @Test
  void labelColumnCanBeNamedOrIndexed() throws IOException {
    String text = "a,class,b\n1,yes,2\n3,no,4\n";

    LabeledData named = read(CsvReader.withHeader().labelColumn("class"), text);
    LabeledData indexed = read(CsvReader.withoutHeader().labelColumn(0), "yes,1,2\nno,3,4\n");

    assertThat(named.featureNames()).containsExactly("a", "b").inOrder();
    assertThat(named.labels()).asList().containsExactly(1, 0).inOrder();
    assertThat(named.floatFeatures()[1]).usingExactEquality().containsExactly(3f, 4f).inOrder();
    assertThat(indexed.featureNames()).containsExactly("x1", "x2").inOrder();
    assertThat(indexed.labels()).asList().containsExactly(1, 0).inOrder();
  }

  @Test
  void gzipIsRecognisedByItsMagicBytesWhateverTheName() throws IOException {
    Path file = Files.write(dir.resolve("flowers.csv"), gzip(FLOWERS));

    LabeledData fromFile = CsvReader.withHeader().read(file);
    LabeledData fromStream = CsvReader.withHeader().read(new ByteArrayInputStream(gzip(FLOWERS)), "stream");

    assertThat(fromFile.size()).isEqualTo(4);
    assertThat(fromStream.labels()).isEqualTo(fromFile.labels());
  }

  @Test
  void plainFileRoundTripsToADataset() throws IOException {
    Path file = Files.writeString(dir.resolve("flowers.csv"), FLOWERS);

    Dataset data = CsvReader.withHeader().read(file).toDataset();

    assertThat(data.size()).isEqualTo(4);
    assertThat(data.featureCount()).isEqualTo(2);
    assertThat(data.classCount()).isEqualTo(3);
    assertThat(data.label(0)).isEqualTo(2);
  }

  @Test
  void commentsBlankLinesQuotesCrlfAndByteOrderMark() throws IOException {
    String text = "\uFEFF# measured in cm\r\n\"length\";\"the; class\"\r\n\r\n 1.5 ;\"a \"\"big\"\" one\"\r\n  # done\r\n2;b\r\n";

    LabeledData data = read(CsvReader.withHeader().delimiter(';').comments(true), text);

    assertThat(data.featureNames()).containsExactly("length");
    assertThat(data.classNames()).containsExactly("a \"big\" one", "b").inOrder();
    assertThat(data.floatFeatures()[0][0]).isEqualTo(1.5f);
  }

  @Test
  void doublePrecisionKeepsWhatFloatCannotHold() throws IOException {
    LabeledData data = read(CsvReader.withoutHeader().precision(Precision.DOUBLE), "0.1,1e300,0\n");

    assertThat(data.precision()).isEqualTo(Precision.DOUBLE);
    assertThat(data.doubleFeatures()[0]).usingExactEquality().containsExactly(0.1, 1e300).inOrder();
    assertThat(data.floatFeatures()[0][0]).isEqualTo(0.1f);
    assertThat(data.toDataset().toString()).contains("double features");
  }

  @Test
  void rowOfTheWrongWidthNamesLineAndBothWidths() {
    DataFileException e = rejected(CsvReader.withHeader(), FLOWERS + "5.9,versicolor\n");

    assertThat(e).hasMessageThat().isEqualTo("test.csv line 6 has 2 columns but the header (line 1) has 3; "
        + "every row needs 3 values separated by ','");
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.source()).isEqualTo("test.csv");
  }

  @Test
  void rowOfTheWrongWidthSuggestsTheDelimiterItContains() {
    DataFileException e = rejected(CsvReader.withoutHeader(), "1,2,0\n3;4;1\n");

    assertThat(e).hasMessageThat().contains("test.csv line 2 has 1 columns but the first row (line 1) has 3");
    assertThat(e).hasMessageThat().contains("the line contains ';': is that the delimiter? set delimiter(';')");
  }

  @Test
  void singleColumnFileSuggestsTheDelimiter() {
    DataFileException e = rejected(CsvReader.withHeader(), "a\tb\tlabel\n1\t2\tx\n");

    assertThat(e).hasMessageThat().isEqualTo("test.csv line 1 has 1 column, but a labelled CSV needs at least "
        + "one feature column and the label column (the line contains '\\t': is that the delimiter? set "
        + "delimiter('\\t'))");
  }

  @Test
  void blankLineIsAnErrorWhenNotSkipped() {
    DataFileException e = rejected(CsvReader.withoutHeader().skipBlankLines(false), "1,0\n\n2,1\n");

    assertThat(e).hasMessageThat().isEqualTo("test.csv line 2 is blank, but the first row (line 1) has 2 "
        + "columns; remove it or read with skipBlankLines(true)");
  }

  @Test
  void nonNumericFeatureNamesColumnIndexAndHeaderName() {
    DataFileException e = rejected(CsvReader.withHeader(), FLOWERS + "5.9,abc,versicolor\n");

    assertThat(e).hasMessageThat().isEqualTo("test.csv line 6 column 1 (petal): \"abc\" is not a number; "
        + "feature columns hold numbers such as 1.5 or -2e-3, and the label is column 2 (species)");
  }

  @Test
  void javaNumberSuffixesAreNotNumbers() {
    DataFileException e = rejected(CsvReader.withoutHeader(), "1.5f,0\n");

    assertThat(e).hasMessageThat().contains("line 1 column 0: \"1.5f\" is not a number");
  }

  @Test
  void nonFiniteFeatureIsRejected() {
    DataFileException e = rejected(CsvReader.withoutHeader(), "1,0\nNaN,1\n");

    assertThat(e).hasMessageThat().isEqualTo("test.csv line 2 column 0: NaN is not a finite number; replace "
        + "missing or infinite values before reading");
  }

  @Test
  void featureBeyondFloatRangeSuggestsDouble() {
    DataFileException e = rejected(CsvReader.withoutHeader(), "1e39,0\n");

    assertThat(e).hasMessageThat().isEqualTo("test.csv line 1 column 0: 1e39 is beyond the float range (±"
        + Float.MAX_VALUE + "); read with precision(Precision.DOUBLE) or rescale the column");
  }

  @Test
  void emptyFeatureIsAMissingValue() {
    DataFileException e = rejected(CsvReader.withHeader(), "a,b,c\n1,,x\n");

    assertThat(e).hasMessageThat().isEqualTo("test.csv line 2 column 1 (b) is empty (a missing value); every "
        + "feature needs a number, so fill it in or drop the row");
  }

  @Test
  void emptyLabelIsRejected() {
    DataFileException e = rejected(CsvReader.withHeader(), "a,b,c\n1,2, \n");

    assertThat(e).hasMessageThat().isEqualTo("test.csv line 2 column 2 (c) (the label) is empty; every row "
        + "needs its class");
  }

  @Test
  void emptySourceIsReported() {
    assertThat(rejected(CsvReader.withHeader().comments(true), "\n# only\n")).hasMessageThat()
        .isEqualTo("test.csv is empty: it has no header line and no data rows");
    assertThat(rejected(CsvReader.withHeader(), "")).hasMessageThat()
        .isEqualTo("test.csv is empty: it has no header line and no data rows");
    assertThat(rejected(CsvReader.withoutHeader(), "\n  \n")).hasMessageThat()
        .isEqualTo("test.csv is empty: it has no data rows");
  }

  @Test
  void headerWithoutRowsIsReported() {
    DataFileException e = rejected(CsvReader.withHeader(), "a,label\n\n");

    assertThat(e).hasMessageThat().isEqualTo("test.csv has a header (line 1) but no data rows after it");
  }

  @Test
  void missingLabelColumnNameListsTheHeader() {
    DataFileException e = rejected(CsvReader.withHeader().labelColumn("Species"), FLOWERS);

    assertThat(e).hasMessageThat().isEqualTo("test.csv line 1 (the header) has no column named \"Species\"; "
        + "its columns are sepal, petal, species — name one of them in labelColumn(...) (names are "
        + "case-sensitive)");
  }

  @Test
  void ambiguousLabelColumnNameIsRejected() {
    DataFileException e = rejected(CsvReader.withHeader().labelColumn("y"), "y,x,y\n1,2,3\n");

    assertThat(e).hasMessageThat().contains("names columns 0 and 2 both \"y\"; give the label column's index");
  }

  @Test
  void labelColumnIndexBeyondTheRowIsRejected() {
    DataFileException e = rejected(CsvReader.withoutHeader().labelColumn(3), "1,2,0\n");

    assertThat(e).hasMessageThat().isEqualTo("test.csv line 1 has 3 columns (0..2), so there is no label "
        + "column 3; give labelColumn an index in that range");
  }

  @Test
  void unclosedQuoteIsRejected() {
    DataFileException e = rejected(CsvReader.withHeader(), "a,label\n1,\"two\nlines\"\n");

    assertThat(e).hasMessageThat().isEqualTo("test.csv line 2 column 1: the quoted field that starts at "
        + "character 3 is not closed on this line; close it with \" (a quote inside is written \"\") — fields "
        + "that span lines are not supported");
  }

  @Test
  void textAfterAClosingQuoteIsRejected() {
    DataFileException e = rejected(CsvReader.withHeader(), "a,label\n\"1\"2,x\n");

    assertThat(e).hasMessageThat().contains("test.csv line 2 column 0: text follows the closing quote at "
        + "character 3 (2,x); a quoted field ends at the delimiter ',', and a quote inside it is written \"\"");
  }

  @Test
  void integerLabelsFarBeyondAClassIndexAreRejected() {
    DataFileException e = rejected(CsvReader.withoutHeader(), "1,0\n2,90210\n");

    assertThat(e).hasMessageThat().isEqualTo("test.csv line 2 has label 90210, which as a class index would "
        + "make 90211 classes (at most 65536); integer labels are class indices 0..n-1, so renumber the "
        + "classes or check that the label column is the right one");
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void damagedGzipIsReportedAfterTheLinesReadSoFar() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < 2000; r++) {
      text.append(r).append(',').append(r % 3).append('\n');
    }
    byte[] whole = gzip(text.toString());
    Path file = Files.write(dir.resolve("rows.csv.gz"), Arrays.copyOf(whole, whole.length / 2));

    DataFileException e = assertThrows(DataFileException.class, () -> CsvReader.withoutHeader().read(file));

    // Decompression reads ahead, so the message can only bound where the data breaks.
    assertThat(e).hasMessageThat().containsMatch("^" + java.util.regex.Pattern.quote(file.toString())
        + " is a damaged gzip file: its compressed data fails (before its first line is complete|somewhere after "
        + "line [0-9]+) \\(Unexpected end of ZLIB input stream\\)");
    assertThat(e).hasMessageThat().contains("fetch it again");
  }

  @Test
  void aBinaryFileIsNotTakenForCsv() throws IOException {
    Path file = Files.write(dir.resolve("t10k-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 7, 2});

    DataFileException e = assertThrows(DataFileException.class, () -> CsvReader.withoutHeader().read(file));

    assertThat(e).hasMessageThat().isEqualTo(file + " line 1 holds NUL bytes, so it is a binary file, not CSV "
        + "text; for IDX files (MNIST and the like) use IdxReader");
  }

  @Test
  void optionsThatCannotFitAnyFileFailAtOnce() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> CsvReader.withoutHeader().labelColumn("y")))
        .hasMessageThat().isEqualTo("labelColumn(\"y\") names a column, but this reader expects no header "
            + "line; start from CsvReader.withHeader() or give the column's index");
    assertThat(assertThrows(IllegalArgumentException.class, () -> CsvReader.withHeader().labelColumn(-1)))
        .hasMessageThat().isEqualTo("the label column index is -1; columns count from 0 (the default is the "
            + "last column)");
    assertThat(assertThrows(IllegalArgumentException.class, () -> CsvReader.withHeader().delimiter('"')))
        .hasMessageThat().isEqualTo("the delimiter cannot be '\"', which CSV reserves for quoting and line "
            + "ends; use e.g. ',', ';' or '\\t'");
    assertThat(assertThrows(IllegalArgumentException.class, () -> CsvReader.withHeader().precision(null)))
        .hasMessageThat().isEqualTo("precision is null; give Precision.FLOAT or Precision.DOUBLE");
  }

  @Test
  void optionsAreImmutable() {
    CsvReader base = CsvReader.withHeader();

    base.delimiter(';').labelColumn("y");

    assertThat(base.toString()).isEqualTo("CsvReader[header, label last column, delimiter ',', skip blank "
        + "lines, FLOAT]");
  }
}
