package dev.unrolled.io;

import dev.unrolled.Dataset;
import dev.unrolled.Precision;
import java.util.List;

/**
 * Feature rows with class labels, as a reader found them, plus the names of the classes and of the
 * feature columns. The rows are held in the precision they were read in and shared, not copied (as
 * {@link Dataset} shares them), so do not modify the arrays the accessors return; the other
 * precision is available as a converted copy.
 *
 * <pre>{@code
 * LabeledData iris = CsvReader.withHeader().read(Path.of("iris.csv"));
 * iris.classNames();   // [setosa, versicolor, virginica]
 * Dataset data = iris.toDataset();
 * }</pre>
 */
public final class LabeledData {
  private final float[][] floats; // exactly one of floats, doubles is non-null
  private final double[][] doubles;
  private final int[] labels;
  private final List<String> classNames;
  private final List<String> featureNames;

  LabeledData(float[][] floats, double[][] doubles, int[] labels, List<String> classNames,
      List<String> featureNames) {
    this.floats = floats;
    this.doubles = doubles;
    this.labels = labels;
    this.classNames = List.copyOf(classNames);
    this.featureNames = List.copyOf(featureNames);
  }

  /** The precision the features were read in. */
  public Precision precision() {
    return floats != null ? Precision.FLOAT : Precision.DOUBLE;
  }

  /** Number of rows. */
  public int size() {
    return labels.length;
  }

  /** The float feature rows: shared if read as FLOAT, else a rounded copy. */
  public float[][] floatFeatures() {
    if (floats != null) {
      return floats;
    }
    float[][] copy = new float[doubles.length][];
    for (int r = 0; r < copy.length; r++) {
      copy[r] = new float[doubles[r].length];
      for (int c = 0; c < copy[r].length; c++) {
        copy[r][c] = (float) doubles[r][c];
      }
    }
    return copy;
  }

  /** The double feature rows: shared if read as DOUBLE, else a widened copy. */
  public double[][] doubleFeatures() {
    if (doubles != null) {
      return doubles;
    }
    double[][] copy = new double[floats.length][];
    for (int r = 0; r < copy.length; r++) {
      copy[r] = new double[floats[r].length];
      for (int c = 0; c < copy[r].length; c++) {
        copy[r][c] = floats[r][c];
      }
    }
    return copy;
  }

  /** The class index of every row, in {@code [0, classNames().size())}; a copy. */
  public int[] labels() {
    return labels.clone();
  }

  /** The class names by index: "0".."n-1" for integer labels, else the names in sorted order. */
  public List<String> classNames() {
    return classNames;
  }

  /** The names of the feature columns in row order: header names, or "x" + column index without a header. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** How many rows each class has, by class index. */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** A {@link Dataset} of these rows (in the precision read) with {@code classNames().size()} classes. */
  public Dataset toDataset() {
    return floats != null
        ? Dataset.ofLabels(floats, labels, classNames.size())
        : Dataset.ofLabels(doubles, labels, classNames.size());
  }

  @Override
  public String toString() {
    return "LabeledData[" + size() + " rows, " + featureNames.size() + " " + precision() + " features, "
        + classNames.size() + " classes" + (classNames.size() <= 10 ? " " + classNames : "") + "]";
  }
}
