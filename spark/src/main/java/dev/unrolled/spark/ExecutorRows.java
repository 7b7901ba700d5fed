package dev.unrolled.spark;

import dev.unrolled.fullbatch.GradientSum;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Rows that Spark reads on the executors (an RDD, a frame from {@code spark.read}), laid out as
 * {@link TrainingData} needs them: one pass counts the rows of each input partition, so that every
 * row gets its index; a second pass packs runs of rows into pieces, each bound for one partition;
 * one shuffle moves the pieces (a few flat arrays, not a record per row) and each partition joins
 * its pieces in row order. The result is cached, and rebuilt from the input if an executor is lost.
 */
final class ExecutorRows {
  /** Features per packed piece while an input partition is cut up: 8 MB of doubles. */
  private static final long PIECE_VALUES = 1 << 20;

  private final JavaRDD<Block> blocks;
  private final long rows;

  private ExecutorRows(JavaRDD<Block> blocks, long rows) {
    this.blocks = blocks;
    this.rows = rows;
  }

  /** Counts {@code samples} (one job) and describes their packed, cached layout over {@code partitions}. */
  static ExecutorRows pack(JavaRDD<Sample> samples, int partitions) {
    List<Long> counts = samples.mapPartitions(it -> {
      long count = 0;
      for (; it.hasNext(); it.next()) {
        count++;
      }
      return Collections.singletonList(count).iterator();
    }).collect();
    long[] starts = new long[counts.size()]; // where each input partition starts among the rows
    long n = 0;
    for (int i = 0; i < starts.length; i++) {
      starts[i] = n;
      n += counts.get(i);
    }
    ContiguousPartitioner cut = new ContiguousPartitioner(n, partitions);
    JavaRDD<Block> blocks = samples
        .mapPartitionsWithIndex((i, it) -> pieces(it, starts[i], cut).iterator(), true)
        .mapToPair(piece -> new Tuple2<>(piece.first, piece))
        .partitionBy(cut)
        .mapPartitionsWithIndex((k, it) -> {
          List<Block> pieces = new ArrayList<>();
          it.forEachRemaining(t -> pieces.add(t._2()));
          return Collections.singletonList(Block.concat(k, cut.start(k), cut.start(k + 1), pieces)).iterator();
        }, true)
        .persist(StorageLevel.MEMORY_AND_DISK());
    return new ExecutorRows(blocks, n);
  }

  JavaRDD<Block> blocks() {
    return blocks;
  }

  long rows() {
    return rows;
  }

  void release() {
    blocks.unpersist(false);
  }

  /**
   * Rows from {@code first} on, packed into pieces of at most {@link #PIECE_VALUES} features, each
   * within one destination partition: an input partition of any size is never held as samples
   * all at once.
   */
  private static List<Block> pieces(Iterator<Sample> rows, long first, ContiguousPartitioner cut) {
    List<Block> pieces = new ArrayList<>();
    List<Sample> run = new ArrayList<>();
    long row = first;
    long runStart = first;
    int target = -1;
    long values = 0;
    while (rows.hasNext()) {
      Sample sample = rows.next();
      int k = cut.partitionOf(row);
      if ((k != target || values >= PIECE_VALUES) && !run.isEmpty()) {
        pieces.add(Block.pack(target, runStart, run));
        run = new ArrayList<>();
        values = 0;
      }
      if (run.isEmpty()) {
        target = k;
        runStart = row;
      }
      run.add(sample);
      values += sample.features().length;
      row++;
    }
    if (!run.isEmpty()) {
      pieces.add(Block.pack(target, runStart, run));
    }
    return pieces;
  }

  /** Sends row i to the partition whose contiguous run holds it. */
  static final class ContiguousPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final long rows;
    private final int partitions;

    ContiguousPartitioner(long rows, int partitions) {
      this.rows = rows;
      this.partitions = partitions;
    }

    long start(int k) {
      return GradientSum.partitionStart(rows, partitions, k);
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return partitionOf((Long) key);
    }

    int partitionOf(long i) {
      long q = rows / partitions;
      long r = rows % partitions;
      long longer = r * (q + 1); // rows in the first r partitions, one row longer than the rest
      return (int) (i < longer ? i / (q + 1) : r + (i - longer) / q);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ContiguousPartitioner p && p.rows == rows && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(rows) * 31 + partitions;
    }
  }
}
