package dev.unrolled.benchmarks;

import java.util.Arrays;

/**
 * How long a cache line takes to go from one thread to another and back: the calling thread and a
 * second one take turns writing a shared counter, each waiting for the other's write. Between two
 * cores that share a last-level cache this is tens of nanoseconds; across chiplets or sockets
 * several times that. A data-parallel step moves its gradients and updated weights between the
 * cores every batch, so its speed-up follows this figure, which a virtual machine can change from
 * one run to the next as the host moves its virtual CPUs; {@link ParallelPaired} records it beside
 * each measurement.
 */
final class CoreRoundTrip {
  private static final int TRIPS = 200_000;
  private static final int REPEATS = 5;

  private static volatile long turn;

  private CoreRoundTrip() {}

  /** The median over a few runs of {@value #TRIPS} round trips, in nanoseconds per round trip. */
  static double measure() throws InterruptedException {
    double[] times = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      times[r] = once();
    }
    Arrays.sort(times);
    return times[REPEATS / 2];
  }

  private static double once() throws InterruptedException {
    turn = 0;
    Thread other = new Thread(() -> {
      for (long i = 1; i <= TRIPS; i++) {
        while (turn != 2 * i - 1) {
          // no onSpinWait: its pause would be most of what is measured
        }
        turn = 2 * i;
      }
    }, "round-trip");
    other.setDaemon(true);
    other.start();
    long start = System.nanoTime();
    for (long i = 1; i <= TRIPS; i++) {
      turn = 2 * i - 1;
      while (turn != 2 * i) {
        // no onSpinWait: its pause would be most of what is measured
      }
    }
    long end = System.nanoTime();
    other.join();
    return (end - start) / (double) TRIPS;
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.printf("core-to-core round trip: %.0f ns%n", measure());
  }
}
