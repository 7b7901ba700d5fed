package dev.unrolled.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link ParallelPaired}'s results: one {@link PairedCosts} file per shape and backend,
 * {@code parallel.<shape>.<backend>.properties} ({@link #file}). A contender's wall-time ratio is its
 * time per batch over the one-thread trainer's in the same round; the speed-up is the reciprocal,
 * how many times the batches per second of one thread it trains, its interval the reciprocal ends.
 */
final class ParallelResults {
  /** The speed-up two threads are asked for. */
  static final double TARGET = 1.85;

  private final Map<String, Case> cases;

  private ParallelResults(Map<String, Case> cases) {
    this.cases = cases;
  }

  /** {@code 784-128-10/32}, {@code vector} → {@code parallel.784-128-10-b32.vector.properties}. */
  static String file(String shape, String backend) {
    return "parallel." + shape.replace("/", "-b") + "." + backend + ".properties";
  }

  /** The results in {@code folder}; empty when there are none. */
  static ParallelResults read(Path folder) throws IOException {
    Map<String, Case> cases = new LinkedHashMap<>();
    for (String shape : ParallelPaired.SHAPES) {
      for (String backend : ParallelPaired.BACKENDS) {
        Path file = folder.resolve(file(shape, backend));
        if (Files.isRegularFile(file)) {
          cases.put(key(shape, backend), new Case(PairedCosts.read(file)));
        }
      }
    }
    return new ParallelResults(cases);
  }

  private static String key(String shape, String backend) {
    return shape + " " + backend;
  }

  boolean isEmpty() {
    return cases.isEmpty();
  }

  /** The results of {@code shape} on {@code backend}; null when not measured. */
  Case of(String shape, String backend) {
    return cases.get(key(shape, backend));
  }

  /** One shape on one backend. */
  static final class Case {
    final PairedCosts costs;

    Case(PairedCosts costs) {
      this.costs = costs;
    }

    /**
     * How many times one thread's batches per second the network split by layers trains on two
     * threads: median and interval, wall time. The target judges this one.
     */
    Ratio speedUp() {
      return reciprocal(costs.wallRatio(ParallelPaired.TWO));
    }

    /** The same for two shards on two threads; null in results from before they were measured beside it. */
    Ratio shardsSpeedUp() {
      return costs.hasWallCost(ParallelPaired.SHARDS) ? reciprocal(costs.wallRatio(ParallelPaired.SHARDS))
          : null;
    }

    /** Whether two shards on one thread and on two trained the same bits; null when not checked. */
    Boolean shardsBitIdentical() {
      String value = costs.condition("bit_identical_shards", "");
      return value.isEmpty() ? null : Boolean.valueOf(value);
    }

    /** The same for two independent trainers at once: what the machine allowed two threads. */
    Ratio ceiling() {
      return reciprocal(costs.wallRatio(ParallelPaired.CEILING));
    }

    double oneThreadSamplesPerSecond() {
      String shape = costs.condition("shape", "");
      double steps = costs.wallStepsPerSecond(ParallelPaired.ONE);
      return shape.isEmpty() ? Double.NaN : steps * TrainingResults.batch(shape);
    }

    /** Whether one and two threads trained the same bits; null when not checked. */
    Boolean bitIdentical() {
      String value = costs.condition("bit_identical", "");
      return value.isEmpty() ? null : Boolean.valueOf(value);
    }

    /** Met only on the lower end of the speed-up's interval, and only with bit-identical parameters. */
    boolean meetsTarget() {
      return Boolean.TRUE.equals(bitIdentical()) && speedUp().atLeast(TARGET);
    }

    private static Ratio reciprocal(double[] ratio) {
      return Ratio.interval(1 / ratio[0], 1 / ratio[2], 1 / ratio[1]);
    }
  }
}
