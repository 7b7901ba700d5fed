package dev.unrolled.spark;

import dev.unrolled.fullbatch.GradientSum;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * DataFrame rows as training rows: a features column holding an {@code ml.linalg.Vector} or an
 * array of numbers, and a label column holding a class index or a target vector.
 */
final class FrameRows {
  private FrameRows() {}

  /** {@code rows} (collected on the driver), packed into {@code partitions} contiguous blocks. */
  static List<Block> blocks(List<Row> rows, String featuresColumn, String labelColumn, int partitions) {
    List<Sample> samples = new ArrayList<>(rows.size());
    for (Row row : rows) {
      samples.add(sample(row, featuresColumn, labelColumn));
    }
    List<Block> blocks = new ArrayList<>(partitions);
    for (int k = 0; k < partitions; k++) {
      int first = (int) GradientSum.partitionStart(samples.size(), partitions, k);
      int end = (int) GradientSum.partitionStart(samples.size(), partitions, k + 1);
      blocks.add(Block.pack(k, first, samples.subList(first, end)));
    }
    return blocks;
  }

  /** One row of the two selected columns (features first) as a sample. */
  static Sample sample(Row row, String featuresColumn, String labelColumn) {
    if (row.isNullAt(0) || row.isNullAt(1)) {
      throw new IllegalArgumentException("a row has null in \"" + (row.isNullAt(0) ? featuresColumn : labelColumn)
          + "\"; drop or fill missing values first");
    }
    double[] features = numbers(row, 0, featuresColumn);
    Object label = row.get(1);
    if (label instanceof Number number) {
      double value = number.doubleValue();
      if (!(value >= 0) || value != Math.rint(value) || value > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("label " + value + " in \"" + labelColumn
            + "\" is not a class index; labels are 0, 1, 2, … (or give a target vector)");
      }
      return Sample.labeled(features, (int) value);
    }
    return Sample.withTargets(features, numbers(row, 1, labelColumn));
  }

  private static double[] numbers(Row row, int i, String column) {
    Object value = row.get(i);
    if (value instanceof Vector vector) {
      return vector.toArray();
    }
    if (value instanceof scala.collection.Seq<?>) {
      List<Object> list = row.getList(i);
      double[] out = new double[list.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = ((Number) list.get(k)).doubleValue();
      }
      return out;
    }
    throw new IllegalArgumentException("column \"" + column + "\" holds " + value.getClass().getSimpleName()
        + "; give an ml.linalg.Vector (e.g. from VectorAssembler) or an array of numbers");
  }
}
