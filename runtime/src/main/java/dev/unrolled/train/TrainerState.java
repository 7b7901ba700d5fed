package dev.unrolled.train;

import dev.unrolled.Parallelism;

/**
 * What a generated trainer carries between steps besides the model's parameters and running
 * estimates: its optimizer's state, the number of training batches it was given (which selects the
 * dropout masks of the next), the dropout seed, and the number of shards it cuts batches into (which
 * fixes the order gradients are summed in, and so their bits). A training checkpoint holds it with
 * the model, so that a resumed fit continues bit for bit.
 *
 * @param optimizer the optimizer's step count and buffers
 * @param steps training batches given so far, counting any a non-finite loss skipped
 * @param dropoutSeed the seed of the dropout masks
 * @param shards the {@link Parallelism#shards()} of the trainer
 * @param parts the {@link Parallelism#parts()} of the trainer: 1, or with {@code shards} 1 the parts
 *     of {@link Parallelism#splitLayers}
 */
public record TrainerState(OptimizerState optimizer, long steps, long dropoutSeed, int shards, int parts) {
  /** Checks that the optimizer state is present and the counts are possible. */
  public TrainerState {
    if (optimizer == null) {
      throw new IllegalArgumentException("a trainer state needs its optimizer's state");
    }
    if (steps < 0 || shards < 1 || parts < 1 || (shards > 1 && parts > 1)) {
      throw new IllegalArgumentException("a trainer state has " + steps + " steps, " + shards + " shards and "
          + parts + " parts; steps are at least 0, shards and parts at least 1, and one of them 1");
    }
  }

  /** The state of a trainer that does not split layers. */
  public TrainerState(OptimizerState optimizer, long steps, long dropoutSeed, int shards) {
    this(optimizer, steps, dropoutSeed, shards, 1);
  }
}
