package dev.unrolled.parallel;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unrolled.Dataset;
import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import dev.unrolled.Trainer;
import dev.unrolled.parallel.ParallelCases.Batch;
import dev.unrolled.parallel.ParallelCases.Case;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The threads of a data-parallel trainer: started with it, stopped by {@code close()} (or, if it is
 * dropped unclosed, once it is garbage-collected), and allocating nothing per batch, the caller and
 * every worker counted.
 */
class ShardThreadsTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final Case LOOPED = ParallelCases.all().get(2);

  private static Set<Thread> shardThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("unrolled-shards-"))
        .collect(Collectors.toSet());
  }

  private static Set<Thread> startedBy(Runnable action) {
    Set<Thread> before = shardThreads();
    action.run();
    Set<Thread> started = new HashSet<>(shardThreads());
    started.removeAll(before);
    return started;
  }

  @Test
  void closeStopsTheThreadsAndTheTrainerRefusesFurtherBatches() {
    Batch batch = LOOPED.batch(new Random(1), 16);
    Trainer[] trainer = new Trainer[1];
    Set<Thread> started = startedBy(
        () -> trainer[0] = LOOPED.trainer(Optimizer.adam(0.01), Parallelism.shards(4).threads(3)));
    assertThat(started).hasSize(2); // the calling thread is the third
    trainer[0].trainBatch(batch.xd, batch.yd);

    DataParallelTest.close(trainer[0]);

    for (Thread t : started) {
      assertThat(t.isAlive()).isFalse();
    }
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> trainer[0].trainBatch(batch.xd, batch.yd));
    assertThat(e).hasMessageThat().contains("closed");
    DataParallelTest.close(trainer[0]); // idempotent
  }

  @Test
  void oneThreadStartsNoThreadAndTheDefaultTrainerNeedsNoClose() {
    Batch batch = LOOPED.batch(new Random(2), 16);
    Trainer[] trainers = new Trainer[2];
    Set<Thread> started = startedBy(() -> {
      trainers[0] = LOOPED.trainer(Optimizer.adam(0.01), Parallelism.shards(4).threads(1));
      trainers[1] = LOOPED.trainer(Optimizer.adam(0.01), Parallelism.none());
    });
    assertThat(started).isEmpty();

    DataParallelTest.close(trainers[1]); // nothing to stop: it keeps training
    assertThat(trainers[1].trainBatch(batch.xd, batch.yd)).isFinite();
    DataParallelTest.close(trainers[0]);
    assertThrows(IllegalStateException.class, () -> trainers[0].trainBatch(batch.xd, batch.yd));
  }

  @Test
  void anUnclosedTrainerStopsItsThreadsOnceCollected() throws InterruptedException {
    Set<Thread> started = startedBy(ShardThreadsTest::trainAndDrop);
    assertThat(started).hasSize(1);

    for (int attempt = 0; attempt < 100 && started.stream().anyMatch(Thread::isAlive); attempt++) {
      System.gc();
      Thread.sleep(20);
    }
    for (Thread t : started) {
      assertThat(t.isAlive()).isFalse();
    }
  }

  private static void trainAndDrop() {
    Batch batch = LOOPED.batch(new Random(3), 16);
    LOOPED.trainer(Optimizer.adam(0.01), Parallelism.shards(2).threads(2)).trainBatch(batch.xd, batch.yd);
  }

  /** Bytes allocated by the calling thread and every shard thread while {@code work} runs. */
  private static long allocatedBy(Runnable work) {
    long[] ids = shardThreads().stream().mapToLong(Thread::getId).toArray();
    long before = THREADS.getCurrentThreadAllocatedBytes() + sum(THREADS.getThreadAllocatedBytes(ids));
    work.run();
    return THREADS.getCurrentThreadAllocatedBytes() + sum(THREADS.getThreadAllocatedBytes(ids)) - before;
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }

  @Test
  void shardedStepsAllocateNothingOnAnyThread() {
    Random random = new Random(4);
    Batch batch = LOOPED.batch(random, 32);
    Dataset data = LOOPED.dataset(random, 64);
    int[] rows = new int[64];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = 63 - r;
    }
    Trainer trainer = LOOPED.trainer(Optimizer.adam(0.001), Parallelism.shards(4).threads(3));
    int steps = 1_000;
    Runnable work = () -> {
      for (int k = 0; k < steps; k++) {
        trainer.trainBatch(batch.xd, batch.yd);
        LOOPED.labels().train(trainer, batch);
        trainer.trainBatch(data, rows, 5, 42);
        trainer.evaluateBatch(data, rows, 0, 64);
      }
    };
    work.run();

    long bytes = allocatedBy(work);
    DataParallelTest.close(trainer);
    // One object a batch would be at least 16 bytes a batch; the JIT may allocate a little, once.
    assertTrue(bytes < 4 * steps, bytes + " bytes allocated by " + 4 * steps + " sharded batches");
  }

  @Test
  void stepsSplitByLayersAllocateNothingOnAnyThreadOnceCompiled() {
    // Vector tiles, and the parts' scans of their input columns in vectors (with the module): until
    // C2 has compiled a Vector API kernel it allocates, so rounds run until one allocates nothing.
    // Tiles only: in the whole suite's JVM, after many lane models, the batch lanes' gathers allocated
    // (the JDK's gather code, not this step's), which a network of its own in a fresh JVM does not.
    Case vector = ParallelCases.all().stream().filter(c -> c.name().equals("VectorFloat")).findFirst()
        .orElseThrow();
    Batch batch = vector.batch(new Random(6), 32);
    Trainer trainer = vector.trainer(Optimizer.sgd(0.001), Parallelism.splitLayers(2).threads(2));
    int steps = 1_000;
    Runnable work = () -> {
      for (int k = 0; k < steps; k++) {
        vector.labels().train(trainer, batch);
        trainer.trainBatch(batch.xd, batch.yd);
      }
    };
    long bytes = Long.MAX_VALUE;
    for (int round = 0; round < 30 && bytes >= 4 * steps; round++) {
      bytes = allocatedBy(work);
    }
    DataParallelTest.close(trainer);
    // One object a batch would be at least 16 bytes a batch; the JIT may allocate a little, once.
    assertTrue(bytes < 4 * steps, bytes + " bytes allocated by " + 2 * steps + " split batches");
  }
}
