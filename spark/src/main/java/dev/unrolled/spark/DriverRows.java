package dev.unrolled.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * Partitions packed on the driver, shipped to the executors as one broadcast each. A task carries
 * only the broadcasts' ids; executors fetch the rows through the block manager in pieces of
 * {@code spark.broadcast.blockSize} (4 MB), so no message comes near {@code spark.rpc.message.maxSize}
 * whatever the data's size. (Rows given to {@code parallelize} or {@code createDataFrame} travel
 * inside the tasks instead: a 60,000-image MNIST in two tasks is two messages of 190 MB.)
 *
 * <p>The driver keeps the broadcasts until {@link #release()}: an executor lost later rebuilds its
 * cached partitions from them.
 */
final class DriverRows {
  private final List<Broadcast<Block>> shipped;
  private final JavaRDD<Block> blocks;

  private DriverRows(List<Broadcast<Block>> shipped, JavaRDD<Block> blocks) {
    this.shipped = shipped;
    this.blocks = blocks;
  }

  /** Ships {@code partitions} (partition k at index k) and caches them on the executors. */
  static DriverRows ship(JavaSparkContext spark, List<Block> partitions) {
    List<Broadcast<Block>> shipped = new ArrayList<>(partitions.size());
    List<Integer> indices = new ArrayList<>(partitions.size());
    for (Block block : partitions) {
      indices.add(indices.size());
      shipped.add(spark.broadcast(block));
    }
    JavaRDD<Block> blocks = spark.parallelize(indices, partitions.size())
        .mapPartitionsWithIndex((k, it) -> Collections.singletonList(shipped.get(k).value()).iterator(), true)
        .persist(StorageLevel.MEMORY_AND_DISK());
    DriverRows rows = new DriverRows(shipped, blocks);
    try {
      blocks.count();
    } catch (RuntimeException e) {
      rows.release();
      throw Jobs.failure(e);
    }
    // The cache holds the same objects; dropping the executors' broadcast copies keeps Spark's
    // memory accounting from counting every row twice. The driver's copies stay for recovery.
    for (Broadcast<Block> b : shipped) {
      b.unpersist(false);
    }
    return rows;
  }

  JavaRDD<Block> blocks() {
    return blocks;
  }

  /** Drops the cache and the broadcasts, on the driver too. */
  void release() {
    blocks.unpersist(false);
    for (Broadcast<Block> b : shipped) {
      b.destroy();
    }
  }
}
