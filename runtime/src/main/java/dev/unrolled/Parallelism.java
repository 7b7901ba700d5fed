package dev.unrolled;

/**
 * Data-parallel training for a generated trainer: each batch is cut into a fixed number of
 * <em>shards</em> whose gradients are computed apart and then summed in a fixed order, on a fixed
 * number of <em>threads</em>. The shards fix the arithmetic; the threads only the speed.
 *
 * <pre>{@code
 * try (MnistTrainer trainer = new MnistTrainer(model, Optimizer.adam(1e-3),
 *     Parallelism.shards(4).threads(2))) {
 *   trainer.fit(train, FitOptions.epochs(10).batchSize(64));
 * }
 * }</pre>
 *
 * <p>The contract:
 * <ul>
 *   <li>A batch of {@code m} rows is cut into {@code shards} contiguous runs of rows whose bounds
 *       depend only on {@code m} and {@code shards} (shard {@code k} starts at row
 *       {@code ⌈k·m/shards⌉}; with fewer rows than shards the last shards are empty). Each shard
 *       runs forward, loss and backward in buffers of its own; the batch's gradient is
 *       {@code Σₖ (mₖ/m)·gₖ} and its loss {@code Σₖ (mₖ/m)·Lₖ}, summed for shard 0, 1, 2, … in that
 *       order, element by element; then the optimizer takes one step as without shards.
 *   <li>So for the same shards, the same model seed, optimizer and batches, the parameters after any
 *       number of steps (and {@code fit}) are bit-identical for every thread count, 1 included, on
 *       the same JVM. Which thread computes a shard never changes a bit.
 *   <li>Another shard count rounds differently, since its sums group the rows otherwise; so does
 *       the default trainer, which sums all rows in one workspace. The gradients agree to rounding.
 *   <li>{@link #none()} (one shard) is the default single-threaded path, unchanged.
 * </ul>
 *
 * <p>{@link #splitLayers(int)} splits the other way: every batch stays whole, and each of
 * {@code parts} parts owns a run of every layer's inputs — the first layer's input columns, and
 * the units of each hidden layer. A part multiplies its run of inputs by its rows of the layer's
 * weights (the batch's partial pre-activations), the parts' partial sums are added in part order
 * for each unit ({@code z = (b + z₀) + z₁ + …}), a part applies the activation to its own units,
 * and on the way back it computes the deltas of its units and the gradients and optimizer step of
 * its weight rows. Only activations and deltas pass between the threads, never weights or
 * gradients: about 30 KB a step for 784-128-10 at batch 32, where the shards move 800 KB. The
 * arithmetic is fixed by {@code parts} alone, so again any thread count gives the same bits; it
 * differs from the default trainer's only in that the parts' sums are added at the end.
 * Networks of dense layers in the looped or vector code shapes split (not unrolled or lane layers,
 * radial units, normalisation or dropout: the trainer says so when it is built).
 *
 * <p>A trainer with threads starts {@code threads − 1} daemon threads (the calling thread works
 * too). After each batch they spin for up to a millisecond, so that the next batch of a training
 * loop finds them awake, then park until the next one; the spin yields the core to any other
 * thread that can run there. {@code close()} the trainer to stop them.
 * Immutable.
 */
public final class Parallelism {
  /** The largest shard count: far beyond any useful one, and small enough for the bookkeeping. */
  public static final int MAX_SHARDS = 1024;

  /** The most parts {@link #splitLayers(int)} cuts each layer into. */
  public static final int MAX_PARTS = 64;

  private static final Parallelism NONE = new Parallelism(1, 1, 1);

  private final int shards;
  private final int parts;
  private final int threads;

  private Parallelism(int shards, int parts, int threads) {
    this.shards = shards;
    this.parts = parts;
    this.threads = threads;
  }

  /** One shard on the calling thread: exactly the default, single-threaded trainer. */
  public static Parallelism none() {
    return NONE;
  }

  /**
   * Batches cut into {@code shards} shards (1 to {@link #MAX_SHARDS}), on as many threads as there
   * are shards or processors, whichever is fewer; change that with {@link #threads(int)}.
   */
  public static Parallelism shards(int shards) {
    if (shards < 1 || shards > MAX_SHARDS) {
      throw new IllegalArgumentException("shards is " + shards + "; give 1 to " + MAX_SHARDS
          + " (the number of parts each batch is cut into)");
    }
    return new Parallelism(shards, 1, Math.min(shards, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Whole batches, every layer's inputs cut into {@code parts} runs (2 to {@link #MAX_PARTS}), on as
   * many threads as there are parts or processors, whichever is fewer; see the class comment.
   */
  public static Parallelism splitLayers(int parts) {
    if (parts < 2 || parts > MAX_PARTS) {
      throw new IllegalArgumentException("parts is " + parts + "; give 2 to " + MAX_PARTS
          + " (the runs each layer's inputs are cut into; Parallelism.none() is one)");
    }
    return new Parallelism(1, parts, Math.min(parts, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * The same shards (or parts) on {@code threads} threads (at least 1, the calling thread included).
   * More threads than shards or parts would have nothing to do, so the count is capped at them.
   */
  public Parallelism threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads is " + threads
          + "; give at least 1 (the calling thread, which always works too)");
    }
    return new Parallelism(shards, parts, Math.min(threads, Math.max(shards, parts)));
  }

  /** Parts each batch is cut into: this fixes the arithmetic. 1 with {@link #splitLayers}. */
  public int shards() {
    return shards;
  }

  /** Runs each layer's inputs are cut into ({@link #splitLayers}): this fixes the arithmetic. 1 otherwise. */
  public int parts() {
    return parts;
  }

  /** Threads that compute the shards or parts, the calling thread included: this fixes only the speed. */
  public int threads() {
    return threads;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parallelism p && p.shards == shards && p.parts == parts && p.threads == threads;
  }

  @Override
  public int hashCode() {
    return (31 * shards + parts) * 31 + threads;
  }

  @Override
  public String toString() {
    return parts > 1 ? "Parallelism[splitLayers=" + parts + ", threads=" + threads + "]"
        : "Parallelism[shards=" + shards + ", threads=" + threads + "]";
  }
}
