package dev.unrolled.spark;

import dev.unrolled.Model;
import dev.unrolled.fullbatch.GradientSum;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Training rows laid out for exact, repeatable data-parallel training: numbered in the order of the
 * input, cut into {@code partitions} contiguous runs as {@link GradientSum#partitionStart} says
 * (partition k holds rows {@code [start(k), start(k+1))}, in order), packed into flat arrays and
 * cached (memory, spilling to disk); every training step then reads the cache. Input that Spark
 * reads (an RDD, a frame from {@code spark.read}) is read on the executors twice (once only to count
 * its rows) and packed runs of rows are shuffled, once. Rows held by the driver (a local
 * {@link dev.unrolled.Dataset}, a frame of driver rows) are packed there and shipped as one
 * broadcast per partition ({@code DriverRows}), never inside a task, so Spark's message size does
 * not limit them.
 *
 * <pre>{@code
 * try (TrainingData data = TrainingData.of(frame, "features", "label", 8)) {
 *   trainer.fit(data, 100, 0.1, 42);
 * }
 * }</pre>
 *
 * <p>Because the layout depends only on the row order and the partition count, a gradient summed
 * over it equals {@link dev.unrolled.fullbatch.FullBatch} on one machine with the same rows and partition
 * count, bit for bit. {@link #close()} releases the cache and the broadcasts.
 */
public final class TrainingData implements AutoCloseable {
  private final JavaRDD<Block> blocks;
  private final long rows;
  private final int partitions;
  private final int width;
  private final int targetWidth; // 0 for labels
  private final int maxLabel; // -1 with target rows
  private final String notDistribution; // why softmax cannot train on the first bad target row, or null
  private final String notProbability; // the same for sigmoid
  private final Runnable release;
  private DataIdentity identity; // computed on first use

  private TrainingData(JavaRDD<Block> blocks, long rows, int partitions, Shape shape, Runnable release) {
    this.blocks = blocks;
    this.rows = rows;
    this.partitions = partitions;
    this.width = shape.width();
    this.targetWidth = shape.targetWidth();
    this.maxLabel = shape.maxLabel();
    this.notDistribution = shape.notDistribution();
    this.notProbability = shape.notProbability();
    this.release = release;
  }

  /**
   * What every row has in common, the largest label, and the first target row that softmax and
   * sigmoid cross-entropy refuse (null if none): checked on the driver.
   */
  private record Shape(int width, int targetWidth, int maxLabel, String notDistribution, String notProbability) {
    static Shape of(List<Block.Stats> stats) {
      Block.Stats head = null;
      int max = -1;
      String notDistribution = null;
      String notProbability = null;
      for (Block.Stats s : stats) { // in partition order, so the first problem met is the first row
        if (s.rows() == 0) {
          continue;
        }
        if (head == null) {
          head = s;
        } else if (s.width() != head.width() || s.targetWidth() != head.targetWidth()) {
          throw new IllegalArgumentException("row " + s.first() + " has " + s.width() + " features and "
              + describeTargets(s.targetWidth()) + " but row " + head.first() + " has " + head.width() + " and "
              + describeTargets(head.targetWidth()) + "; every row must have the same shape");
        }
        max = Math.max(max, s.maxLabel());
        notDistribution = notDistribution != null ? notDistribution : s.notDistribution();
        notProbability = notProbability != null ? notProbability : s.notProbability();
      }
      if (head == null) {
        throw new IllegalArgumentException("the training data has no rows; give at least one sample");
      }
      return new Shape(head.width(), head.targetWidth(), max, notDistribution, notProbability);
    }
  }

  /** The samples in their RDD's order, cut into as many partitions as the RDD has. */
  public static TrainingData of(JavaRDD<Sample> samples) {
    return of(samples, samples.getNumPartitions());
  }

  /**
   * The samples in their RDD's order, cut into {@code partitions} contiguous partitions.
   *
   * @throws IllegalArgumentException if the rows disagree in width or kind, a value is not finite,
   *     or there are no rows
   */
  public static TrainingData of(JavaRDD<Sample> samples, int partitions) {
    if (samples == null) {
      throw new IllegalArgumentException("samples is null");
    }
    requirePartitions(partitions);
    try {
      ExecutorRows packed = ExecutorRows.pack(samples, partitions);
      try {
        Shape shape = Shape.of(packed.blocks().map(Block::stats).collect());
        return new TrainingData(packed.blocks(), packed.rows(), partitions, shape, packed::release);
      } catch (RuntimeException e) {
        packed.release();
        throw e;
      }
    } catch (Exception e) {
      throw Jobs.failure(e);
    }
  }

  /**
   * A local {@link dev.unrolled.Dataset}, distributed in its row order over {@code partitions}:
   * packed on the driver and shipped as one broadcast per partition, so its size is bounded by the
   * driver's memory, not by Spark's message size.
   */
  public static TrainingData of(JavaSparkContext spark, dev.unrolled.Dataset data, int partitions) {
    if (spark == null || data == null) {
      throw new IllegalArgumentException((spark == null ? "spark" : "data") + " is null");
    }
    requirePartitions(partitions);
    List<Block> blocks = new ArrayList<>(partitions);
    for (int k = 0; k < partitions; k++) {
      blocks.add(Block.of(k, data, (int) GradientSum.partitionStart(data.size(), partitions, k),
          (int) GradientSum.partitionStart(data.size(), partitions, k + 1)));
    }
    return shipped(spark, blocks, data.size());
  }

  /** Rows held by the driver, already cut into partitions: shipped, cached and checked. */
  private static TrainingData shipped(JavaSparkContext spark, List<Block> blocks, long rows) {
    List<Block.Stats> stats = new ArrayList<>(blocks.size());
    for (Block block : blocks) {
      stats.add(block.stats());
    }
    Shape shape = Shape.of(stats); // before anything is shipped
    DriverRows shipped = DriverRows.ship(spark, blocks);
    return new TrainingData(shipped.blocks(), rows, blocks.size(), shape, shipped::release);
  }

  private static void requirePartitions(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions is " + partitions + "; give at least 1, e.g. the executors' cores");
    }
  }

  /**
   * Rows of a DataFrame, as MLlib's estimators take them: {@code featuresColumn} holds an
   * {@code ml.linalg.Vector} (or an array of numbers); {@code labelColumn} a class index (a number
   * with no fraction: 0, 1, 2, …) or a target {@code Vector}.
   *
   * <p>A frame read by Spark ({@code spark.read}, a table, a transformation of one) is read on the
   * executors. A frame made from rows on the driver ({@code createDataFrame} of a list,
   * {@link org.apache.spark.sql.Dataset#isLocal()}) is packed there and shipped as broadcasts: Spark
   * would put its rows inside the tasks, beyond {@code spark.rpc.message.maxSize} for MNIST.
   */
  public static TrainingData of(org.apache.spark.sql.Dataset<Row> frame, String featuresColumn, String labelColumn,
      int partitions) {
    if (frame == null) {
      throw new IllegalArgumentException("frame is null");
    }
    for (String column : new String[] {featuresColumn, labelColumn}) {
      if (!List.of(frame.columns()).contains(column)) {
        throw new IllegalArgumentException("the frame has no column \"" + column + "\"; its columns are "
            + List.of(frame.columns()));
      }
    }
    requirePartitions(partitions);
    org.apache.spark.sql.Dataset<Row> columns = frame.select(featuresColumn, labelColumn);
    if (frame.isLocal()) {
      List<Row> rows = columns.collectAsList();
      return shipped(JavaSparkContext.fromSparkContext(frame.sparkSession().sparkContext()),
          FrameRows.blocks(rows, featuresColumn, labelColumn, partitions), rows.size());
    }
    JavaRDD<Sample> samples = columns.javaRDD().map(row -> FrameRows.sample(row, featuresColumn, labelColumn));
    return of(samples, partitions);
  }



  /** Number of rows. */
  public long size() {
    return rows;
  }

  /** Number of partitions: this fixes the reduction order. */
  public int partitions() {
    return partitions;
  }

  /** Features per row. */
  public int featureCount() {
    return width;
  }

  /**
   * The rows as MLlib's estimators take them, in order and in these partitions, computed from the
   * cache on the executors: {@code features}, a dense {@code ml.linalg.Vector}, and {@code label},
   * the class index as a double (or the target row as a dense vector). Valid until {@link #close()}.
   *
   * <pre>{@code
   * Dataset<Row> frame = data.toDataFrame(spark).cache();
   * new MultilayerPerceptronClassifier().setLayers(new int[] {784, 64, 10}).fit(frame);
   * }</pre>
   */
  public org.apache.spark.sql.Dataset<Row> toDataFrame(SparkSession spark) {
    StructType schema = new StructType()
        .add("features", SQLDataTypes.VectorType(), false)
        .add("label", targetWidth == 0 ? DataTypes.DoubleType : SQLDataTypes.VectorType(), false);
    return spark.createDataFrame(blocks.flatMap(Block::toRows), schema);
  }

  /** Releases the cached rows; the data cannot be used afterwards. */
  @Override
  public void close() {
    release.run();
  }

  @Override
  public String toString() {
    return "TrainingData[" + rows + " rows, " + width + " features, " + describeTargets(targetWidth) + ", "
        + partitions + " partitions]";
  }

  JavaRDD<Block> blocks() {
    return blocks;
  }

  /**
   * The rows per partition and a hash of the contents, for training checkpoints: one job over the
   * cached partitions the first time (each executor hashes its own rows), then remembered.
   */
  synchronized DataIdentity identity() {
    if (identity == null) {
      List<long[]> parts;
      try {
        parts = blocks.map(b -> new long[] {b.partition, b.rows, b.fingerprint()}).collect();
      } catch (Exception e) {
        throw Jobs.failure(e);
      }
      long[] rowCounts = new long[partitions];
      long[] hashes = new long[partitions];
      boolean[] seen = new boolean[partitions];
      for (long[] p : parts) {
        int k = (int) p[0];
        if (k < 0 || k >= partitions || seen[k]) {
          throw new IllegalStateException("partition " + k + " came back " + (seen[k] ? "twice" : "out of range")
              + " while hashing " + partitions + " partitions");
        }
        seen[k] = true;
        rowCounts[k] = p[1];
        hashes[k] = p[2];
      }
      if (parts.size() != partitions) {
        throw new IllegalStateException(parts.size() + " blocks for " + partitions + " partitions");
      }
      identity = DataIdentity.of(rowCounts, hashes);
    }
    return identity;
  }

  /** Checks that {@code model} can train on these rows, before any job runs. */
  void requireFits(Model model) {
    if (model.inputSize() != width) {
      throw new IllegalArgumentException("the model takes " + model.inputSize() + " inputs but the rows have "
          + width + " features");
    }
    int outputs = model.outputSize();
    if (targetWidth > 0 && targetWidth != outputs) {
      throw new IllegalArgumentException("the model has " + outputs + " outputs but the target rows have "
          + targetWidth + " values; give target rows as wide as the output layer");
    }
    String refused = switch (model.loss()) {
      case SOFTMAX_CROSS_ENTROPY -> notDistribution;
      case SIGMOID_CROSS_ENTROPY -> notProbability;
      case MEAN_SQUARED_ERROR -> null;
    };
    if (refused != null) {
      throw new IllegalArgumentException(refused);
    }
    if (targetWidth == 0 && maxLabel >= Math.max(outputs, 2)) {
      throw new IllegalArgumentException("the rows have label " + maxLabel + " but the model has " + outputs
          + " output" + (outputs == 1 ? " (labels 0 and 1)" : "s (labels 0.." + (outputs - 1) + ")")
          + "; declare as many output units as classes");
    }
  }

  private static String describeTargets(int targetWidth) {
    return targetWidth == 0 ? "class labels" : targetWidth + " targets";
  }
}
