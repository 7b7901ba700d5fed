package dev.unrolled.support;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads for the same few jobs, batch after batch: {@link #run} hands tasks
 * {@code 0 … count−1} of one {@link Task} to {@code threads − 1} daemon threads and the calling
 * thread, which take the next index from a shared counter until none is left, and returns once
 * every task has finished. Nothing is allocated per run: the task is an object the caller keeps,
 * and the hand-off is a volatile generation number per worker, with a short spin before parking
 * (a batch is a fraction of a millisecond, so waking a parked thread would cost a noticeable part
 * of it).
 *
 * <p>Which thread runs which index is left to chance, so tasks must not depend on it: each writes
 * only what belongs to its index. A task that throws does not stop the others; once all have
 * finished, {@link #run} rethrows the first failure on the calling thread. One caller at a time.
 */
final class WorkerPool {
  /** One job, split into numbered tasks. */
  interface Task {
    void run(int index);
  }

  /** How long a waiting thread spins before it parks. */
  private static final long SPIN_NANOS = 50_000;
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Worker[] workers;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  // Written by the caller before a worker's volatile `go`, read by the worker after it: published.
  private Task task;
  private int count;
  private volatile Thread caller;
  private volatile boolean closed;
  private int generation;

  /** Starts {@code threads − 1} daemon threads; the thread calling {@link #run} is the last one. */
  WorkerPool(int threads) {
    int pool = POOLS.incrementAndGet();
    workers = new Worker[threads - 1];
    for (int w = 0; w < workers.length; w++) {
      workers[w] = new Worker("unrolled-shards-" + pool + "-" + (w + 1));
    }
    for (Worker worker : workers) {
      worker.thread.start();
    }
  }

  /** Runs tasks {@code 0 … count−1} of {@code job} on all threads; returns when every one has finished. */
  void run(Task job, int count) {
    if (closed) {
      throw new IllegalStateException("the threads are closed");
    }
    this.task = job;
    this.count = count;
    next.set(0);
    caller = Thread.currentThread();
    int g = ++generation;
    for (Worker worker : workers) {
      worker.go = g;
      LockSupport.unpark(worker.thread);
    }
    work(job, count);
    for (Worker worker : workers) {
      long start = 0;
      while (worker.done != g) {
        start = pause(start);
      }
    }
    this.task = null; // the pool must not keep the job (and the trainer behind it) reachable
    Throwable thrown = failure.getAndSet(null);
    if (thrown instanceof RuntimeException e) {
      throw e;
    }
    if (thrown instanceof Error e) {
      throw e;
    }
  }

  private void work(Task job, int count) {
    for (int i; (i = next.getAndIncrement()) < count; ) {
      if (failure.get() != null) {
        continue; // one failure fails the run: skip what is left
      }
      try {
        job.run(i);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }
  }

  /** Spins for a while after {@code start} (0: now), then parks; returns the start. */
  private static long pause(long start) {
    long now = System.nanoTime();
    if (start == 0) {
      return now == 0 ? 1 : now;
    }
    if (now - start < SPIN_NANOS) {
      Thread.onSpinWait();
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
    volatile int go;
    volatile int done;

    Worker(String name) {
      thread = new Thread(this, name);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      int seen = 0;
      while (true) {
        long start = 0;
        while (go == seen) {
          if (closed) {
            return;
          }
          start = pause(start);
        }
        seen = go;
        work(task, count);
        done = seen;
        LockSupport.unpark(caller);
      }
    }
  }
}
