package dev.unrolled.support;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads for the same few jobs, batch after batch: {@link #run} offers tasks
 * {@code 0 … count−1} of one {@link Task} to {@code threads − 1} daemon threads and the calling
 * thread, which claim them one at a time from a shared cursor, and returns once every task has
 * finished. Nothing is allocated per run: the task is an object the caller keeps.
 *
 * <p>The caller never waits for a thread that has not started: on a busy machine a worker may be
 * descheduled when a run begins, and the caller then claims its tasks itself. The cursor packs the
 * run's generation, task count and next index into one {@code long}, so a worker that wakes up late
 * can only claim a task of the run in progress, never one of a finished run. Idle threads spin
 * (yielding, below) for up to {@value #SPIN_NANOS} ns, then park. The spin outlasts the caller's
 * serial work between two runs of a training loop (its input checks, the loss, the next batch),
 * because a parked thread is slow to wake: on a virtual machine its core may have been halted, and
 * the step waits for it.
 * With a 50 µs spin, workers parked 0.1 to 1 times per step of the 784-input networks on a 2-core
 * guest, and 0.003 to 0.02 times with this one; the thread pools of OpenMP runtimes spin for
 * longer still before they sleep.
 *
 * <p>The spin yields: between two looks a waiting thread calls {@link Thread#yield()}, not
 * {@link Thread#onSpinWait()}, so that a thread with work to do on the same core runs instead. A
 * core is shared whenever the machine has fewer free cores than the pool has threads (another
 * program busy, or two trainers with threads at once): a pure spin then burnt the time slices the
 * worker needed. Two shards on two threads of the 784-128-10 plain trainer (batch 32, 2-core guest,
 * JDK 17) with one unrelated busy program beside them took 630–660 µs a step spinning, 410–430
 * yielding (one thread: 370); with both cores free, 245 µs either way.
 *
 * <p>Which thread runs which index is left to chance, so tasks must not depend on it: each writes
 * only what belongs to its index. {@link #runEach} instead gives each index to one fixed thread
 * (index {@code i} to thread {@code i mod threads}, the caller being thread 0), batch after batch,
 * so that what a task keeps in its core's caches stays there; the caller then waits for a thread
 * that is slow to start. A task that throws does not stop the others already running;
 * once all have finished, {@link #run} rethrows the first failure on the calling thread. One caller
 * at a time.
 */
final class WorkerPool {
  /** One job, split into numbered tasks. */
  interface Task {
    void run(int index);
  }

  /** The most tasks one run can have: the cursor keeps the count and next index in 16 bits each. */
  static final int MAX_TASKS = 0xFFFF;
  /** How long an idle thread spins before it parks: 1 ms (see the class comment). */
  static final long SPIN_NANOS = 1_000_000;
  /**
   * For how long of that spin a thread only pauses, without yielding: a step split by layers hands
   * off 2L + 1 times a batch (L layers), a few microseconds apart, and a yield is a system call that
   * can take longer than the wait itself.
   */
  static final long EAGER_NANOS = 20_000;
  private static final AtomicInteger POOLS = new AtomicInteger();

  private static final long FIXED = 1L << 32;

  private final Worker[] workers;
  /** generation (31 bits) | fixed (1 bit) | count (16 bits) | next index (16 bits). */
  private final AtomicLong cursor = new AtomicLong();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  // Written before the cursor publishes a run, read after a task of it is claimed: a claimed task
  // keeps the run unfinished, so the caller cannot overwrite it meanwhile.
  private Task task;
  private volatile Thread caller;
  private volatile boolean closed;
  private int generation;

  /** Starts {@code threads − 1} daemon threads; the thread calling {@link #run} is the last one. */
  WorkerPool(int threads) {
    int pool = POOLS.incrementAndGet();
    workers = new Worker[threads - 1];
    for (int w = 0; w < workers.length; w++) {
      workers[w] = new Worker("unrolled-shards-" + pool + "-" + (w + 1), w + 1);
    }
    for (Worker worker : workers) {
      worker.thread.start();
    }
  }

  /** Runs tasks {@code 0 … count−1} of {@code job} on all threads; returns when every one has finished. */
  void run(Task job, int count) {
    run(job, count, false);
  }

  /**
   * Runs task {@code i} of {@code job} on thread {@code i mod threads} for every {@code i < count}
   * (the caller is thread 0); returns when every one has finished.
   */
  void runEach(Task job, int count) {
    run(job, count, true);
  }

  private void run(Task job, int count, boolean fixed) {
    if (closed) {
      throw new IllegalStateException("the threads are closed");
    }
    if (count < 0 || count > MAX_TASKS) {
      throw new IllegalArgumentException("a run has 0 to " + MAX_TASKS + " tasks, not " + count);
    }
    if (count == 0) {
      return;
    }
    task = job;
    caller = Thread.currentThread();
    completed.set(0);
    long published = (long) ++generation << 33 | (fixed ? FIXED : 0) | (long) count << 16;
    cursor.set(published);
    for (Worker worker : workers) {
      if (worker.parked) {
        LockSupport.unpark(worker.thread);
      }
    }
    claimAll(0, published);
    long start = 0;
    while (completed.get() != count) {
      start = pause(start);
    }
    task = null; // the pool must not keep the job (and the trainer behind it) reachable
    Throwable thrown = failure.getAndSet(null);
    if (thrown instanceof RuntimeException e) {
      throw e;
    }
    if (thrown instanceof Error e) {
      throw e;
    }
  }

  /**
   * Claims and runs tasks of the run in progress until none is left; in a fixed run (as the cursor
   * read {@code seen} says; it cannot finish without thread {@code me}, 0 being the caller), runs
   * that thread's tasks.
   */
  private void claimAll(int me, long seen) {
    if ((seen & FIXED) != 0) {
      int count = (int) (seen >>> 16) & 0xFFFF;
      for (int i = me; i < count; i += workers.length + 1) {
        runTask(i, count);
      }
      return;
    }
    while (true) {
      long c = cursor.get();
      int next = (int) c & 0xFFFF;
      int count = (int) (c >>> 16) & 0xFFFF;
      if (next >= count || (c & FIXED) != 0) { // done, or a fixed run began: its tasks are not for claiming
        return;
      }
      if (!cursor.compareAndSet(c, c + 1)) {
        continue;
      }
      runTask(next, count);
    }
  }

  private void runTask(int index, int count) {
    try {
      if (failure.get() == null) { // one failure fails the run: skip what is left
        task.run(index);
      }
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    }
    if (completed.incrementAndGet() == count) {
      Thread waiting = caller;
      if (waiting != Thread.currentThread()) {
        LockSupport.unpark(waiting);
      }
    }
  }

  /** Spins for a while after {@code start} (0: now), then parks; returns the start. */
  private static long pause(long start) {
    long now = System.nanoTime();
    if (start == 0) {
      return now == 0 ? 1 : now;
    }
    if (now - start < EAGER_NANOS) {
      Thread.onSpinWait();
    } else if (now - start < SPIN_NANOS) {
      Thread.yield();
    } else {
      LockSupport.park();
    }
    return start;
  }

  /** Stops the threads and waits for them to end; idempotent. */
  void close() {
    closed = true;
    for (Worker worker : workers) {
      LockSupport.unpark(worker.thread);
    }
    boolean interrupted = false;
    for (Worker worker : workers) {
      while (worker.thread.isAlive()) {
        try {
          worker.thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Worker implements Runnable {
    final Thread thread;
    /** The worker's thread number in a fixed run: 1 to threads − 1. */
    final int index;
    /** Set while the worker parks or is about to, so that a new run knows to wake it. */
    volatile boolean parked;

    Worker(String name, int index) {
      thread = new Thread(this, name);
      thread.setDaemon(true);
      this.index = index;
    }

    @Override
    public void run() {
      int seen = 0;
      long start = 0;
      while (!closed) {
        long c = cursor.get();
        int g = (int) (c >>> 33);
        if (g != seen) {
          seen = g;
          claimAll(index, c);
          start = 0;
        } else if (start == 0 || System.nanoTime() - start < SPIN_NANOS) {
          long now = System.nanoTime();
          start = start == 0 ? Math.max(1, now) : start;
          if (now - start < EAGER_NANOS) {
            Thread.onSpinWait();
          } else {
            Thread.yield();
          }
        } else {
          parked = true; // then look once more: a run published meanwhile saw the flag or is seen here
          if ((int) (cursor.get() >>> 33) == seen && !closed) {
            LockSupport.park();
          }
          parked = false;
        }
      }
    }
  }
}
