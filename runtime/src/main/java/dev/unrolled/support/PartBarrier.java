package dev.unrolled.support;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where the parts of a split step, each on a thread of its own, wait for each other between two
 * phases: each part announces the phases it has finished, on a cache line of its own, and waits
 * until every other part has finished as many. That is about two cache-line transfers between the
 * cores a phase, where handing each phase out through the {@link WorkerPool} takes about five.
 *
 * <p>A part that fails {@link #abort aborts} the barrier, and every part waiting at it (or arriving
 * later) throws instead of waiting for the failed one forever. {@link #reset()} before each step,
 * while no part runs.
 */
final class PartBarrier {
  /** Longs per part: a 64-byte cache line, so that no two parts' counts share one. */
  private static final int STRIDE = 8;
  /** How long a waiting part only pauses, before it also yields its core (as {@link WorkerPool}'s threads). */
  private static final long EAGER_NANOS = WorkerPool.EAGER_NANOS;

  private final int parts;
  private final AtomicLongArray finished;
  private volatile Throwable failure;

  PartBarrier(int parts) {
    this.parts = parts;
    this.finished = new AtomicLongArray((parts + 1) * STRIDE);
  }

  /** Before a step, while no part runs: no phase finished, no failure. */
  void reset() {
    for (int p = 0; p < parts; p++) {
      finished.set((p + 1) * STRIDE, 0);
    }
    failure = null;
  }

  /**
   * Part {@code part} has finished its {@code phases}-th phase of the step; returns once every part
   * has. What each part wrote before it arrived is visible to every part after it returns.
   */
  void await(int part, long phases) {
    finished.set((part + 1) * STRIDE, phases);
    for (int q = 0; q < parts; q++) {
      long start = 0;
      while (finished.get((q + 1) * STRIDE) < phases) {
        if (failure != null) {
          throw new IllegalStateException("another part of the split step failed", failure);
        }
        long now = System.nanoTime();
        if (start == 0) {
          start = now;
        }
        if (now - start < EAGER_NANOS) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
  }

  /** A part failed with {@code cause}: the others stop waiting for it. */
  void abort(Throwable cause) {
    if (failure == null) {
      failure = cause;
    }
  }

  /** The failure that aborted the step, or null. */
  Throwable failure() {
    return failure;
  }
}
