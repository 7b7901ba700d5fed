package dev.unrolled.spark;

import dev.unrolled.Loss;
import dev.unrolled.data.Fingerprint;
import dev.unrolled.fullbatch.PartitionSum;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One partition's rows packed into flat arrays, cached by Spark between steps: rows
 * {@code [first, first + rows)} of the training data, in order. While the data is prepared, a block
 * is also a piece of a partition: a run of rows from one input partition. Features are kept as {@code float}
 * when every value is exactly a float (pixels, most CSVs) — the same numbers in half the memory —
 * and as {@code double} otherwise.
 */
final class Block implements Serializable {
  private static final long serialVersionUID = 1L;

  final int partition;
  final long first;
  final int rows;
  final int width; // features per row; 0 for an empty block
  final int targetWidth; // 0 for labels
  private final float[] floatFeatures; // at most one of the two is non-null
  private final double[] doubleFeatures;
  private final int[] labels; // null with target rows
  private final double[] targets;

  private Block(int partition, long first, int rows, int width, int targetWidth, float[] floatFeatures,
      double[] doubleFeatures, int[] labels, double[] targets) {
    this.partition = partition;
    this.first = first;
    this.rows = rows;
    this.width = width;
    this.targetWidth = targetWidth;
    this.floatFeatures = floatFeatures;
    this.doubleFeatures = doubleFeatures;
    this.labels = labels;
    this.targets = targets;
  }

  /**
   * Packs {@code samples}, rows {@code first, first + 1, …} of the data, checking that they agree
   * in width and kind and that every value is finite.
   */
  static Block pack(int partition, long first, List<Sample> samples) {
    int rows = samples.size();
    if (rows == 0) {
      return new Block(partition, first, 0, 0, 0, new float[0], null, new int[0], null);
    }
    Sample head = samples.get(0);
    int width = head.features().length;
    boolean labelled = head.hasLabel();
    int targetWidth = labelled ? 0 : head.targets().length;
    requireArraySize(partition, rows, width, targetWidth);
    boolean floatExact = true;
    for (int r = 0; r < rows; r++) {
      Sample s = samples.get(r);
      long row = first + r;
      double[] x = s.features();
      if (x.length != width) {
        throw new IllegalArgumentException("row " + row + " has " + x.length + " features but row " + first
            + " has " + width + "; every row must have the same width");
      }
      if (s.hasLabel() != labelled) {
        throw new IllegalArgumentException("row " + row + " has " + (labelled ? "a target row" : "a label")
            + " but row " + first + " has " + (labelled ? "a label" : "a target row") + "; use one kind for all rows");
      }
      for (int c = 0; c < width; c++) {
        requireFinite("feature", row, c, x[c]);
        floatExact &= (float) x[c] == x[c];
      }
      if (!labelled) {
        double[] t = s.targets();
        if (t.length != targetWidth) {
          throw new IllegalArgumentException("row " + row + " has " + t.length + " targets but row " + first
              + " has " + targetWidth + "; every target row must have the same width");
        }
        for (int c = 0; c < targetWidth; c++) {
          requireFinite("target", row, c, t[c]);
        }
      }
    }
    float[] floats = floatExact ? new float[rows * width] : null;
    double[] doubles = floatExact ? null : new double[rows * width];
    int[] labels = labelled ? new int[rows] : null;
    double[] targets = labelled ? null : new double[rows * targetWidth];
    for (int r = 0; r < rows; r++) {
      Sample s = samples.get(r);
      double[] x = s.features();
      for (int c = 0; c < width; c++) {
        if (floats != null) {
          floats[r * width + c] = (float) x[c];
        } else {
          doubles[r * width + c] = x[c];
        }
      }
      if (labelled) {
        labels[r] = s.label();
      } else {
        System.arraycopy(s.targets(), 0, targets, r * targetWidth, targetWidth);
      }
    }
    return new Block(partition, first, rows, width, targetWidth, floats, doubles, labels, targets);
  }

  /**
   * Rows {@code [first, end)} of a local dataset, packed on the driver. The dataset checked its
   * values when it was made, so only the array size is checked here.
   */
  static Block of(int partition, dev.unrolled.Dataset data, int first, int end) {
    int rows = end - first;
    if (rows == 0) {
      return new Block(partition, first, 0, 0, 0, new float[0], null, new int[0], null);
    }
    int width = data.featureCount();
    int targetWidth = data.hasLabels() ? 0 : data.targetWidth();
    requireArraySize(partition, rows, width, targetWidth);
    float[] floats = null;
    double[] doubles = null;
    if (data.hasFloatFeatures()) {
      floats = new float[rows * width];
      float[] row = new float[width];
      for (int r = 0; r < rows; r++) {
        data.features(first + r, row);
        System.arraycopy(row, 0, floats, r * width, width);
      }
    } else {
      doubles = new double[rows * width];
      double[] row = new double[width];
      for (int r = 0; r < rows; r++) {
        data.features(first + r, row);
        System.arraycopy(row, 0, doubles, r * width, width);
      }
      floats = floatsIfExact(doubles);
      doubles = floats == null ? doubles : null;
    }
    int[] labels = targetWidth == 0 ? new int[rows] : null;
    double[] targets = targetWidth == 0 ? null : new double[rows * targetWidth];
    double[] t = new double[targetWidth];
    for (int r = 0; r < rows; r++) {
      if (labels != null) {
        labels[r] = data.label(first + r);
      } else {
        data.targets(first + r, t);
        System.arraycopy(t, 0, targets, r * targetWidth, targetWidth);
      }
    }
    return new Block(partition, first, rows, width, targetWidth, floats, doubles, labels, targets);
  }

  /** The values as floats when every one is exactly a float, else null. */
  private static float[] floatsIfExact(double[] values) {
    for (double v : values) {
      if ((float) v != v) {
        return null;
      }
    }
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
    }
    return floats;
  }

  /**
   * Joins the pieces of partition {@code partition}, which must cover rows {@code [first, end)}
   * exactly when sorted by their first row, into one block; they must agree in width and kind.
   */
  static Block concat(int partition, long first, long end, List<Block> pieces) {
    pieces.sort((a, b) -> Long.compare(a.first, b.first));
    Block head = null;
    boolean floats = true;
    long expected = first;
    for (Block piece : pieces) {
      if (piece.first != expected) {
        throw new IllegalStateException("partition " + partition + " expected row " + expected + " but got row "
            + piece.first + "; the input gave other rows when read a second time (make it deterministic or cache it)");
      }
      expected += piece.rows;
      if (piece.rows == 0) {
        continue;
      }
      if (head == null) {
        head = piece;
      } else if (piece.width != head.width || piece.targetWidth != head.targetWidth) {
        throw new IllegalArgumentException("row " + piece.first + " has " + piece.width + " features and "
            + kind(piece.targetWidth) + " but row " + head.first + " has " + head.width + " and "
            + kind(head.targetWidth) + "; every row must have the same shape");
      }
      floats &= piece.floatFeatures != null;
    }
    if (expected != end) {
      throw new IllegalStateException("partition " + partition + " holds rows up to " + expected + " but should up to "
          + end + "; the input gave other rows when read a second time (make it deterministic or cache it)");
    }
    if (head == null) {
      return new Block(partition, first, 0, 0, 0, new float[0], null, new int[0], null);
    }
    if (pieces.size() == 1) {
      return head;
    }
    int rows = (int) (end - first);
    int width = head.width;
    int targetWidth = head.targetWidth;
    requireArraySize(partition, rows, width, targetWidth);
    float[] floatFeatures = floats ? new float[rows * width] : null;
    double[] doubleFeatures = floats ? null : new double[rows * width];
    int[] labels = targetWidth == 0 ? new int[rows] : null;
    double[] targets = targetWidth == 0 ? null : new double[rows * targetWidth];
    int at = 0;
    for (Block piece : pieces) {
      int n = piece.rows * width;
      if (floatFeatures != null) {
        System.arraycopy(piece.floatFeatures, 0, floatFeatures, at * width, n);
      } else {
        for (int i = 0; i < n; i++) {
          doubleFeatures[at * width + i] =
              piece.floatFeatures != null ? piece.floatFeatures[i] : piece.doubleFeatures[i];
        }
      }
      if (labels != null) {
        System.arraycopy(piece.labels, 0, labels, at, piece.rows);
      } else {
        System.arraycopy(piece.targets, 0, targets, at * targetWidth, piece.rows * targetWidth);
      }
      at += piece.rows;
    }
    return new Block(partition, first, rows, width, targetWidth, floatFeatures, doubleFeatures, labels, targets);
  }

  private static void requireArraySize(int partition, int rows, int width, int targetWidth) {
    if ((long) rows * Math.max(width, targetWidth) > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("partition " + partition + " holds " + rows + " rows of " + width
          + " features, more values than one Java array takes; use more partitions");
    }
  }

  private static String kind(int targetWidth) {
    return targetWidth == 0 ? "class labels" : targetWidth + " targets";
  }

  /**
   * What the driver checks against the model: widths, kind, label range, and the first target row
   * each cross-entropy loss refuses.
   */
  Stats stats() {
    int max = -1;
    if (labels != null) {
      for (int label : labels) {
        max = Math.max(max, label);
      }
    }
    String notDistribution = null;
    String notProbability = null;
    if (targets != null) {
      notDistribution = TargetCheck.problem(Loss.SOFTMAX_CROSS_ENTROPY, targets, rows, targetWidth, first);
      notProbability = TargetCheck.problem(Loss.SIGMOID_CROSS_ENTROPY, targets, rows, targetWidth, first);
    }
    return new Stats(partition, first, rows, width, targetWidth, max, notDistribution, notProbability);
  }

  /**
   * Adds the rows in step {@code step}'s sample (all rows when {@code fraction} is 1) to
   * {@code sum}, in row order, for a model with {@code outputs} outputs. Allocates nothing.
   */
  void addTo(PartitionSum sum, int outputs, double fraction, long seed, long step) {
    if (sum.holdsFloats() && floatFeatures != null) {
      addFloatsTo(sum, outputs, fraction, seed, step);
      return;
    }
    for (int r = 0; r < rows; r++) {
      if (!Sampling.includes(seed, step, first + r, fraction)) {
        continue;
      }
      double[] x = sum.features();
      int at = r * width;
      if (floatFeatures != null) {
        for (int c = 0; c < width; c++) {
          x[c] = floatFeatures[at + c];
        }
      } else {
        System.arraycopy(doubleFeatures, at, x, 0, width);
      }
      double[] t = sum.targets();
      if (labels == null) {
        System.arraycopy(targets, r * targetWidth, t, 0, targetWidth);
      } else if (outputs == 1) {
        t[0] = labels[r];
      } else {
        Arrays.fill(t, 0);
        t[labels[r]] = 1;
      }
      sum.commit();
    }
  }

  /**
   * {@link #addTo} for a FLOAT model and float rows: the rows go to the model in float, with no
   * widening to double and back (the values are the same either way, so are the bits).
   */
  private void addFloatsTo(PartitionSum sum, int outputs, double fraction, long seed, long step) {
    for (int r = 0; r < rows; r++) {
      if (!Sampling.includes(seed, step, first + r, fraction)) {
        continue;
      }
      System.arraycopy(floatFeatures, r * width, sum.floatFeatures(), 0, width);
      float[] t = sum.floatTargets();
      if (labels == null) {
        for (int c = 0; c < targetWidth; c++) {
          t[c] = (float) targets[r * targetWidth + c];
        }
      } else if (outputs == 1) {
        t[0] = labels[r];
      } else {
        Arrays.fill(t, 0);
        t[labels[r]] = 1;
      }
      sum.commit();
    }
  }

  /**
   * A hash of this block's place and contents: its first row, row count, widths, then every feature
   * as the double it is (so float and double storage of the same numbers agree), and the labels or
   * target rows, row by row. {@link DataIdentity} combines the partitions' hashes.
   */
  long fingerprint() {
    long h = Fingerprint.add(Fingerprint.SEED, first);
    h = Fingerprint.add(h, rows);
    h = Fingerprint.add(h, width);
    h = Fingerprint.add(h, targetWidth);
    int values = rows * width;
    for (int i = 0; i < values; i++) {
      double v = floatFeatures != null ? floatFeatures[i] : doubleFeatures[i];
      h = Fingerprint.add(h, Double.doubleToLongBits(v));
    }
    if (labels != null) {
      for (int label : labels) {
        h = Fingerprint.add(h, label);
      }
    } else {
      for (double t : targets) {
        h = Fingerprint.add(h, Double.doubleToLongBits(t));
      }
    }
    return h;
  }

  /**
   * The rows as MLlib takes them: a dense features vector, and the label as a double or the target
   * row as a dense vector.
   */
  Iterator<Row> toRows() {
    return new Iterator<>() {
      private int r;

      @Override
      public boolean hasNext() {
        return r < rows;
      }

      @Override
      public Row next() {
        if (r == rows) {
          throw new NoSuchElementException();
        }
        double[] x = new double[width];
        for (int c = 0; c < width; c++) {
          x[c] = floatFeatures != null ? floatFeatures[r * width + c] : doubleFeatures[r * width + c];
        }
        Object label = labels != null ? (Object) (double) labels[r]
            : Vectors.dense(Arrays.copyOfRange(targets, r * targetWidth, (r + 1) * targetWidth));
        r++;
        return RowFactory.create(Vectors.dense(x), label);
      }
    };
  }

  private static void requireFinite(String what, long row, int column, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " row " + row + ", column " + column + " is " + value
          + " but every value must be finite; replace missing or infinite values before training");
    }
  }

  /**
   * A block's shape, collected on the driver when the data is prepared; the two problems are null
   * when every target row suits softmax (a distribution) or sigmoid (values in [0, 1]).
   */
  record Stats(int partition, long first, int rows, int width, int targetWidth, int maxLabel, String notDistribution,
      String notProbability) implements Serializable {}
}
