package dev.unrolled.support;

/**
 * Checks for the entry points of generated code; each message names the bad row (and value) and the
 * fix. Shapes are checked per row. A batch's values are also checked to be finite, per element, so
 * that a NaN or infinite input is an error before the step rather than a silent one: a saturating
 * activation turns an infinite input into a finite loss with a NaN gradient (tanh(∞) = 1, and
 * 0·∞ = NaN), and the step would leave NaN parameters behind. That scan reads each value once, a
 * small fraction of the forward pass that multiplies it by a whole layer's weights.
 */
public final class Checks {
  private Checks() {}

  /** Checks a batch of finite double rows against the network's widths; returns the batch size. */
  public static int batch(double[][] inputs, int inputWidth, double[][] targets, int targetWidth) {
    int m = rows(inputs, targets == null ? -1 : targets.length);
    for (int s = 0; s < m; s++) {
      row(inputs[s], inputWidth, "inputs", s);
      row(targets[s], targetWidth, "targets", s);
    }
    for (int s = 0; s < m; s++) {
      finite(inputs[s], "inputs", s);
      finite(targets[s], "targets", s);
    }
    return m;
  }

  /**
   * {@link #batch(double[][], int, double[][], int)} for a FLOAT model's double entry points: every
   * value must also be finite as a float, since the model narrows it and 1e39 would become infinity.
   */
  public static int floatBatch(double[][] inputs, int inputWidth, double[][] targets, int targetWidth) {
    int m = batch(inputs, inputWidth, targets, targetWidth);
    for (int s = 0; s < m; s++) {
      floatRange(inputs[s], "inputs", s);
      floatRange(targets[s], "targets", s);
    }
    return m;
  }

  /** Checks a batch of finite float rows against the network's widths; returns the batch size. */
  public static int batch(float[][] inputs, int inputWidth, float[][] targets, int targetWidth) {
    int m = rows(inputs, targets == null ? -1 : targets.length);
    for (int s = 0; s < m; s++) {
      row(inputs[s], inputWidth, "inputs", s);
      row(targets[s], targetWidth, "targets", s);
    }
    for (int s = 0; s < m; s++) {
      finite(inputs[s], "inputs", s);
      finite(targets[s], "targets", s);
    }
    return m;
  }

  /** Checks finite float input rows and class labels; returns the batch size. */
  public static int batch(float[][] inputs, int inputWidth, int[] labels, int outputs) {
    int m = rows(inputs, labels == null ? -1 : labels.length);
    for (int s = 0; s < m; s++) {
      row(inputs[s], inputWidth, "inputs", s);
      label(labels[s], outputs, s);
    }
    for (int s = 0; s < m; s++) {
      finite(inputs[s], "inputs", s);
    }
    return m;
  }

  /**
   * {@link #batch(float[][], int, int[], int)} without looking at the input values: rows, widths and
   * labels only. For a trainer that scans the values itself: with its model's scan, in vectors where
   * the model has vector tiles ({@link #finiteColumns(float[][], int, int, int)} elsewhere), or in the
   * parts of a step split by layers ({@code Parallelism.splitLayers}), each its own input columns,
   * during the step. When a scan finds a value that is not finite, the trainer calls {@code batch}
   * itself for the message, before anything has changed.
   */
  public static int batchShape(float[][] inputs, int inputWidth, int[] labels, int outputs) {
    int m = rows(inputs, labels == null ? -1 : labels.length);
    for (int s = 0; s < m; s++) {
      row(inputs[s], inputWidth, "inputs", s);
      label(labels[s], outputs, s);
    }
    return m;
  }

  /** {@link #batchShape(float[][], int, int[], int)} for double rows. */
  public static int batchShape(double[][] inputs, int inputWidth, int[] labels, int outputs) {
    int m = rows(inputs, labels == null ? -1 : labels.length);
    for (int s = 0; s < m; s++) {
      row(inputs[s], inputWidth, "inputs", s);
      label(labels[s], outputs, s);
    }
    return m;
  }

  /**
   * {@link #batch(float[][], int, float[][], int)} without looking at the input values (the targets'
   * are checked): see {@link #batchShape(float[][], int, int[], int)}.
   */
  public static int batchShape(float[][] inputs, int inputWidth, float[][] targets, int targetWidth) {
    int m = rows(inputs, targets == null ? -1 : targets.length);
    for (int s = 0; s < m; s++) {
      row(inputs[s], inputWidth, "inputs", s);
      row(targets[s], targetWidth, "targets", s);
    }
    for (int s = 0; s < m; s++) {
      finite(targets[s], "targets", s);
    }
    return m;
  }

  /**
   * Whether the values in columns {@code [from, to)} of rows {@code [0, m)} are all finite (no message):
   * the scan of a generated trainer's input rows where the model has no vector tiles (which scan in
   * vectors). Without a branch per value: {@code v · 0} is ±0 for a finite {@code v} and NaN for an
   * infinity or NaN, and a sum of zeros stays zero while one NaN makes it NaN. Eight independent sums
   * keep the adds in flight: 0.25 ns a value against 0.36 for a loop that tests each value (256 rows
   * of 784, JDK 17).
   */
  public static boolean finiteColumns(float[][] rows, int m, int from, int to) {
    float z0 = 0f, z1 = 0f, z2 = 0f, z3 = 0f, z4 = 0f, z5 = 0f, z6 = 0f, z7 = 0f;
    for (int s = 0; s < m; s++) {
      float[] row = rows[s];
      int c = from;
      for (; c + 7 < to; c += 8) {
        z0 += row[c] * 0f;
        z1 += row[c + 1] * 0f;
        z2 += row[c + 2] * 0f;
        z3 += row[c + 3] * 0f;
        z4 += row[c + 4] * 0f;
        z5 += row[c + 5] * 0f;
        z6 += row[c + 6] * 0f;
        z7 += row[c + 7] * 0f;
      }
      for (; c < to; c++) {
        z0 += row[c] * 0f;
      }
    }
    return (z0 + z1 + z2 + z3) + (z4 + z5 + z6 + z7) == 0f;
  }

  /** {@link #finiteColumns(float[][], int, int, int)} for double rows. */
  public static boolean finiteColumns(double[][] rows, int m, int from, int to) {
    double z0 = 0, z1 = 0, z2 = 0, z3 = 0, z4 = 0, z5 = 0, z6 = 0, z7 = 0;
    for (int s = 0; s < m; s++) {
      double[] row = rows[s];
      int c = from;
      for (; c + 7 < to; c += 8) {
        z0 += row[c] * 0.0;
        z1 += row[c + 1] * 0.0;
        z2 += row[c + 2] * 0.0;
        z3 += row[c + 3] * 0.0;
        z4 += row[c + 4] * 0.0;
        z5 += row[c + 5] * 0.0;
        z6 += row[c + 6] * 0.0;
        z7 += row[c + 7] * 0.0;
      }
      for (; c < to; c++) {
        z0 += row[c] * 0.0;
      }
    }
    return (z0 + z1 + z2 + z3) + (z4 + z5 + z6 + z7) == 0.0;
  }

  /** Checks finite double input rows and class labels; returns the batch size. */
  public static int batch(double[][] inputs, int inputWidth, int[] labels, int outputs) {
    int m = rows(inputs, labels == null ? -1 : labels.length);
    for (int s = 0; s < m; s++) {
      row(inputs[s], inputWidth, "inputs", s);
      label(labels[s], outputs, s);
    }
    for (int s = 0; s < m; s++) {
      finite(inputs[s], "inputs", s);
    }
    return m;
  }

  /**
   * Checks the rows of a batch {@code predict}: both arrays present, one output row per input row,
   * every row of the network's width; returns the number of rows, which may be 0. Values are not
   * checked, as {@code predict} of one row does not check them.
   */
  public static int predictions(double[][] inputs, int inputWidth, double[][] outputs, int outputWidth) {
    int n = predictionRows(inputs, outputs == null ? -1 : outputs.length, "outputs", "output rows");
    for (int s = 0; s < n; s++) {
      row(inputs[s], inputWidth, "inputs", s);
      row(outputs[s], outputWidth, "outputs", s);
    }
    return n;
  }

  /** {@link #predictions(double[][], int, double[][], int)} for float rows. */
  public static int predictions(float[][] inputs, int inputWidth, float[][] outputs, int outputWidth) {
    int n = predictionRows(inputs, outputs == null ? -1 : outputs.length, "outputs", "output rows");
    for (int s = 0; s < n; s++) {
      row(inputs[s], inputWidth, "inputs", s);
      row(outputs[s], outputWidth, "outputs", s);
    }
    return n;
  }

  /** Checks the arguments of a batch {@code classify}: one class slot per input row of the input width. */
  public static int classifications(double[][] inputs, int inputWidth, int[] classes) {
    int n = predictionRows(inputs, classes == null ? -1 : classes.length, "classes", "elements in classes");
    for (int s = 0; s < n; s++) {
      row(inputs[s], inputWidth, "inputs", s);
    }
    return n;
  }

  /** {@link #classifications(double[][], int, int[])} for float rows. */
  public static int classifications(float[][] inputs, int inputWidth, int[] classes) {
    int n = predictionRows(inputs, classes == null ? -1 : classes.length, "classes", "elements in classes");
    for (int s = 0; s < n; s++) {
      row(inputs[s], inputWidth, "inputs", s);
    }
    return n;
  }

  /** An empty batch is fine here: it has no outputs to write, unlike a training batch with no loss. */
  private static int predictionRows(Object[] inputs, int results, String name, String what) {
    if (inputs == null) {
      throw new NullPointerException("inputs");
    }
    if (results < 0) {
      throw new NullPointerException(name);
    }
    if (results != inputs.length) {
      throw new IllegalArgumentException("the batch has " + inputs.length + " input rows but " + results + " "
          + what + "; pass one per input row");
    }
    return inputs.length;
  }

  /** Checks {@code rows[from..to)} as a batch of row indices; returns the batch size. */
  public static int range(int[] rows, int from, int to) {
    if (rows == null) {
      throw new NullPointerException("rows");
    }
    if (from < 0 || to > rows.length || from >= to) {
      throw new IllegalArgumentException("batch range [" + from + ", " + to
          + ") must be non-empty and inside the " + rows.length + " row indices");
    }
    return to - from;
  }

  /** Checks that {@code array} has exactly {@code length} elements. */
  public static void length(double[] array, int length, String what) {
    if (array == null) {
      throw new NullPointerException(what);
    }
    if (array.length != length) {
      throw new IllegalArgumentException(what + " has length " + array.length + " but the network needs "
          + length);
    }
  }

  /** Checks that {@code array} has exactly {@code length} elements. */
  public static void length(float[] array, int length, String what) {
    if (array == null) {
      throw new NullPointerException(what);
    }
    if (array.length != length) {
      throw new IllegalArgumentException(what + " has length " + array.length + " but the network needs "
          + length);
    }
  }

  private static int rows(Object[] inputs, int targetRows) {
    if (inputs == null) {
      throw new NullPointerException("inputs");
    }
    if (targetRows < 0) {
      throw new NullPointerException("targets");
    }
    if (inputs.length == 0) {
      throw new IllegalArgumentException("the batch is empty: pass at least one input row");
    }
    if (targetRows != inputs.length) {
      throw new IllegalArgumentException("the batch has " + inputs.length + " input rows but "
          + targetRows + " targets; pass one target per input row");
    }
    return inputs.length;
  }

  private static void row(double[] row, int width, String what, int s) {
    if (row == null || row.length != width) {
      throw new IllegalArgumentException(what + "[" + s + "] has "
          + (row == null ? "no row" : row.length + " values") + " but the network needs " + width);
    }
  }

  private static void row(float[] row, int width, String what, int s) {
    if (row == null || row.length != width) {
      throw new IllegalArgumentException(what + "[" + s + "] has "
          + (row == null ? "no row" : row.length + " values") + " but the network needs " + width);
    }
  }

  private static void finite(double[] row, String what, int s) {
    for (int c = 0; c < row.length; c++) {
      if (!Double.isFinite(row[c])) {
        throw notFinite(what, s, c, row[c]);
      }
    }
  }

  private static void floatRange(double[] row, String what, int s) {
    for (int c = 0; c < row.length; c++) {
      if (!Float.isFinite((float) row[c])) {
        throw new IllegalArgumentException(what + "[" + s + "][" + c + "] is " + row[c] + " but a FLOAT model "
            + "needs values within the float range (±3.4e38); scale or standardise the data");
      }
    }
  }

  private static void finite(float[] row, String what, int s) {
    for (int c = 0; c < row.length; c++) {
      if (!Float.isFinite(row[c])) {
        throw notFinite(what, s, c, row[c]);
      }
    }
  }

  private static IllegalArgumentException notFinite(String what, int s, int c, double value) {
    return new IllegalArgumentException(what + "[" + s + "][" + c + "] is " + value + " but a batch holds finite "
        + "values only; replace missing or infinite values before training (a Dataset refuses them too)");
  }

  private static void label(int label, int outputs, int s) {
    int classes = outputs == 1 ? 2 : outputs;
    if (label < 0 || label >= classes) {
      throw new IllegalArgumentException("labels[" + s + "] is " + label + " but must be in [0, "
          + classes + ") for a network with " + outputs + " output" + (outputs == 1 ? "" : "s"));
    }
  }
}
