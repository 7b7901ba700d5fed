package dev.unrolled.testing;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs one read of a hostile input and lets exactly two things out: success (null) or the reader's
 * documented exception. Anything else thrown — another exception, a {@code StackOverflowError}, an
 * {@code OutOfMemoryError} — fails the test naming the input, and so does a read that allocates more
 * than a bound derived from the input's length: a reader that trusts a declared size shows here even
 * when the heap happens to be big enough for it.
 */
public final class HostileInput {
  /** Buffers, messages, stack traces and first-use class loading: what any read may allocate. */
  public static final long BASE_ALLOCATION = 16L << 20;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private HostileInput() {}

  /**
   * Null if {@code read} returned, its {@code documented} exception if it threw one; an
   * {@code AssertionError} naming {@code input} otherwise, or if it allocated more than
   * {@link #BASE_ALLOCATION} plus {@code bytesPerInputByte} per byte of an input of {@code length} bytes.
   */
  public static <E extends Exception> E readOrRefusal(Class<E> documented, String input, int length,
      int bytesPerInputByte, Executable read) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    Throwable thrown = null;
    try {
      read.execute();
    } catch (Throwable t) {
      thrown = t;
    }
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    if (thrown != null && !documented.isInstance(thrown)) {
      throw new AssertionError("reading " + input + " threw " + thrown + ", not a " + documented.getSimpleName(),
          thrown);
    }
    long limit = BASE_ALLOCATION + (long) bytesPerInputByte * length;
    if (allocated > limit) {
      throw new AssertionError("reading " + input + " (" + length + " bytes) allocated " + allocated
          + " bytes, more than the " + limit + " its length allows: a declared size was trusted", thrown);
    }
    return documented.cast(thrown);
  }
}
