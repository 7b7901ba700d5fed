package dev.unrolled.support;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The hand-off behind sharded training: every task once per run, truly in parallel, failures surfaced. */
class WorkerPoolTest {

  @Test
  void everyTaskRunsExactlyOncePerRun() {
    WorkerPool pool = new WorkerPool(3);
    try {
      for (int count : new int[] {0, 1, 2, 3, 5, 64}) {
        AtomicIntegerArray runs = new AtomicIntegerArray(count);
        for (int run = 0; run < 200; run++) {
          pool.run(runs::incrementAndGet, count);
        }
        for (int i = 0; i < count; i++) {
          assertThat(runs.get(i)).isEqualTo(200);
        }
      }
    } finally {
      pool.close();
    }
  }

  /**
   * runEach gives index i to thread i mod threads every time (the caller being thread 0), mixed with
   * ordinary runs, and still runs every index exactly once.
   */
  @Test
  void runEachKeepsEveryIndexOnItsOwnThread() {
    WorkerPool pool = new WorkerPool(3);
    try {
      Thread caller = Thread.currentThread();
      for (int count : new int[] {1, 2, 3, 7}) {
        Thread[] owner = new Thread[count];
        AtomicIntegerArray runs = new AtomicIntegerArray(count);
        boolean[] moved = new boolean[1];
        for (int run = 0; run < 300; run++) {
          pool.runEach(i -> {
            runs.incrementAndGet(i);
            Thread me = Thread.currentThread();
            if (owner[i] == null) {
              owner[i] = me;
            } else if (owner[i] != me) {
              moved[0] = true;
            }
          }, count);
          pool.run(i -> { }, 5); // a claimed run in between must not disturb the fixed ones
        }
        assertThat(moved[0]).isFalse();
        for (int i = 0; i < count; i++) {
          assertThat(runs.get(i)).isEqualTo(300);
          assertThat(owner[i] == caller).isEqualTo(i % 3 == 0);
          assertThat(owner[i]).isSameInstanceAs(owner[i % 3]);
        }
        if (count > 2) {
          assertThat(owner[1]).isNotSameInstanceAs(owner[2]);
        }
      }
    } finally {
      pool.close();
    }
  }

  /** Each of the two tasks waits for the other to start: that finishes only if two threads run them. */
  @Test
  void theWorkersRunTasksAtTheSameTimeAsTheCaller() {
    WorkerPool pool = new WorkerPool(2);
    try {
      for (int run = 0; run < 20; run++) {
        CountDownLatch bothStarted = new CountDownLatch(2);
        boolean[] met = new boolean[2];
        pool.run(i -> met[i] = meet(bothStarted), 2);
        assertThat(met).asList().containsExactly(true, true);
      }
    } finally {
      pool.close();
    }
  }

  /**
   * Workers spin between the runs of a training loop, but an idle pool must not keep a core busy:
   * once the runs stop, the worker parks (its thread waits) until the next one.
   */
  @Test
  void anIdleWorkerStopsSpinningAndParks() throws InterruptedException {
    WorkerPool pool = new WorkerPool(2);
    try {
      Thread caller = Thread.currentThread();
      Thread[] worker = new Thread[1];
      CountDownLatch bothStarted = new CountDownLatch(2);
      pool.run(i -> {
        meet(bothStarted);
        if (Thread.currentThread() != caller) {
          worker[0] = Thread.currentThread();
        }
      }, 2);
      assertThat(worker[0]).isNotNull();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (worker[0].getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      assertThat(worker[0].getState()).isEqualTo(Thread.State.WAITING);
      AtomicIntegerArray runs = new AtomicIntegerArray(2);
      pool.run(runs::incrementAndGet, 2); // and a parked worker does not hold up the next run
      assertThat(runs.get(0) + runs.get(1)).isEqualTo(2);
    } finally {
      pool.close();
    }
  }

  private static boolean meet(CountDownLatch latch) {
    latch.countDown();
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aFailureOnAWorkerThreadIsRethrownToTheCallerAfterEveryTaskEnded() {
    Thread caller = Thread.currentThread();
    IllegalStateException boom = new IllegalStateException("boom");
    AssertionError error = new AssertionError("worse");
    WorkerPool pool = new WorkerPool(2);
    try {
      for (Throwable thrown : new Throwable[] {boom, error}) {
        CountDownLatch bothStarted = new CountDownLatch(2);
        AtomicIntegerArray finished = new AtomicIntegerArray(2);
        Throwable seen = assertThrows(Throwable.class, () -> pool.run(i -> {
          meet(bothStarted); // one task per thread
          if (Thread.currentThread() != caller) {
            throwUnchecked(thrown);
          }
          finished.set(i, 1);
        }, 2));
        assertSame(thrown, seen);
        assertThat(finished.get(0) + finished.get(1)).isEqualTo(1); // the caller's own task completed

        AtomicIntegerArray runs = new AtomicIntegerArray(4); // and the pool goes on working
        pool.run(runs::incrementAndGet, 4);
        for (int i = 0; i < 4; i++) {
          assertThat(runs.get(i)).isEqualTo(1);
        }
      }
    } finally {
      pool.close();
    }
  }

  private static void throwUnchecked(Throwable t) {
    if (t instanceof RuntimeException e) {
      throw e;
    }
    throw (Error) t;
  }

  @Test
  void aFailureOnTheCallingThreadWaitsForTheWorkersToo() {
    WorkerPool pool = new WorkerPool(2);
    try {
      Thread caller = Thread.currentThread();
      CountDownLatch bothStarted = new CountDownLatch(2);
      AtomicIntegerArray finished = new AtomicIntegerArray(2);
      assertThrows(ArithmeticException.class, () -> pool.run(i -> {
        meet(bothStarted);
        if (Thread.currentThread() == caller) {
          throw new ArithmeticException("caller");
        }
        sleep(50); // still working when the caller's task has failed
        finished.set(i, 1);
      }, 2));
      assertThat(finished.get(0) + finished.get(1)).isEqualTo(1);
    } finally {
      pool.close();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void closeEndsTheThreadsAndLaterRunsAreRefused() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    WorkerPool pool = new WorkerPool(4);
    Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
    started.removeAll(before);
    assertThat(started).hasSize(3);
    pool.run(i -> { }, 8);

    pool.close();
    pool.close();

    for (Thread t : started) {
      assertThat(t.getName()).startsWith("unrolled-shards-");
      assertThat(t.isDaemon()).isTrue();
      assertThat(t.isAlive()).isFalse();
    }
    assertThrows(IllegalStateException.class, () -> pool.run(i -> { }, 1));
  }
}
