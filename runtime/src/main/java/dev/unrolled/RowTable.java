package dev.unrolled;

import dev.unrolled.data.Fingerprint;

/**
 * Rectangular rows of {@code float} or {@code double}, whichever the caller gave, validated once.
 * The outer array is copied; the rows themselves are shared, never copied.
 */
final class RowTable {
  private final float[][] floats; // exactly one of floats, doubles is non-null
  private final double[][] doubles;
  private final int width;

  private RowTable(float[][] floats, double[][] doubles, int width) {
    this.floats = floats;
    this.doubles = doubles;
    this.width = width;
  }

  /** Validates {@code rows} (named {@code what} in messages: "features", "targets"). */
  static RowTable of(float[][] rows, String what) {
    requireRows(rows, what);
    float[][] copy = rows.clone();
    int width = widthOf(copy, what);
    for (int r = 0; r < copy.length; r++) {
      requireWidth(what, r, copy[r] == null ? -1 : copy[r].length, width);
      for (int c = 0; c < width; c++) {
        requireFinite(what, r, c, copy[r][c]);
      }
    }
    return new RowTable(copy, null, width);
  }

  static RowTable of(double[][] rows, String what) {
    requireRows(rows, what);
    double[][] copy = rows.clone();
    int width = widthOf(copy, what);
    for (int r = 0; r < copy.length; r++) {
      requireWidth(what, r, copy[r] == null ? -1 : copy[r].length, width);
      for (int c = 0; c < width; c++) {
        requireFinite(what, r, c, copy[r][c]);
      }
    }
    return new RowTable(null, copy, width);
  }

  int size() {
    return floats != null ? floats.length : doubles.length;
  }

  int width() {
    return width;
  }

  boolean isFloat() {
    return floats != null;
  }

  /**
   * Folds the precision, the shape and every value's bits into {@code hash}, row by row
   * ({@link Dataset#fingerprint()}).
   */
  long fingerprint(long hash) {
    long h = Fingerprint.add(Fingerprint.add(hash, isFloat() ? 4 : 8), (long) size() << 32 | width);
    if (floats != null) {
      for (float[] row : floats) {
        for (int c = 0; c < width; c++) {
          h = Fingerprint.add(h, Float.floatToIntBits(row[c]));
        }
      }
    } else {
      for (double[] row : doubles) {
        for (int c = 0; c < width; c++) {
          h = Fingerprint.add(h, Double.doubleToLongBits(row[c]));
        }
      }
    }
    return h;
  }

  double get(int row, int col) {
    return floats != null ? floats[row][col] : doubles[row][col];
  }

  /** The value at ({@code row}, {@code col}) as written in messages: float rows print as floats ("0.1"). */
  String text(int row, int col) {
    return floats != null ? Float.toString(floats[row][col]) : Double.toString(doubles[row][col]);
  }

  /**
   * Checks that every value stays finite as a {@code float}: a FLOAT model reads double rows as floats,
   * and a value beyond ±3.4e38 would enter it as infinity and surface later as a diverged loss.
   */
  void requireFloatRange(String what) {
    if (doubles == null) {
      return;
    }
    for (int r = 0; r < doubles.length; r++) {
      for (int c = 0; c < width; c++) {
        if (Float.isInfinite((float) doubles[r][c])) {
          throw new IllegalArgumentException(what + " row " + r + ", column " + c + " is " + doubles[r][c]
              + " but a FLOAT model needs values within the float range (±" + Float.MAX_VALUE + "); rescale "
              + "the column (e.g. with a Standardizer) or declare the network with precision = DOUBLE");
        }
      }
    }
  }

  /** Copies row {@code row} into {@code dst}; the caller has checked {@code dst.length == width}. */
  void copy(int row, float[] dst) {
    if (floats != null) {
      System.arraycopy(floats[row], 0, dst, 0, width);
    } else {
      double[] src = doubles[row];
      for (int c = 0; c < width; c++) {
        dst[c] = (float) src[c];
      }
    }
  }

  void copy(int row, double[] dst) {
    if (doubles != null) {
      System.arraycopy(doubles[row], 0, dst, 0, width);
    } else {
      float[] src = floats[row];
      for (int c = 0; c < width; c++) {
        dst[c] = src[c];
      }
    }
  }

  /** The rows at the given (already range-checked) indices, shared with this table. */
  RowTable select(int[] rows) {
    if (floats != null) {
      float[][] picked = new float[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        picked[i] = floats[rows[i]];
      }
      return new RowTable(picked, null, width);
    }
    double[][] picked = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      picked[i] = doubles[rows[i]];
    }
    return new RowTable(null, picked, width);
  }

  private static void requireRows(Object[] rows, String what) {
    if (rows == null) {
      throw new IllegalArgumentException(what + " are null; give one row per sample");
    }
    if (rows.length == 0) {
      throw new IllegalArgumentException(what + " have no rows; a Dataset needs at least one sample");
    }
  }

  private static int widthOf(float[][] rows, String what) {
    return requireColumns(rows[0] == null ? -1 : rows[0].length, what);
  }

  private static int widthOf(double[][] rows, String what) {
    return requireColumns(rows[0] == null ? -1 : rows[0].length, what);
  }

  private static int requireColumns(int width, String what) {
    if (width == 0) {
      throw new IllegalArgumentException(what + " row 0 has no columns; give at least one value per row");
    }
    return width;
  }

  private static void requireWidth(String what, int row, int length, int width) {
    if (length < 0) {
      throw new IllegalArgumentException(what + " row " + row + " is null; give every row its values");
    }
    if (length != width) {
      throw new IllegalArgumentException(what + " row " + row + " has " + length + " columns but row 0 has "
          + width + "; every row must have the same width");
    }
  }

  private static void requireFinite(String what, int row, int col, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " row " + row + ", column " + col + " is " + value
          + " but every value must be finite; replace missing or infinite values before building a Dataset");
    }
  }
}
