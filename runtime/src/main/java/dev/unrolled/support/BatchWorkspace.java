package dev.unrolled.support;

import dev.unrolled.Dataset;

/**
 * What {@link TrainingCore} needs of a generated model's {@code Workspace}: the buffers of one batch
 * and the passes over them. Implemented by generated code only; {@code M} is the generated model.
 */
public interface BatchWorkspace<M> {
  /** Grows the row buffers for batches of {@code m} rows; allocates only when m is a new maximum. */
  void ensureCapacity(int m);

  /** Copies rows {@code rows[from..from+m)} of {@code data} into the own buffers. */
  void loadRows(Dataset data, int[] rows, int from, int m);

  /** Uses rows {@code [from, from+m)} of the batch in {@code batch}, a workspace of the same model, as rows {@code [0, m)}. */
  void shareRows(BatchWorkspace<M> batch, int from, int m);

  /**
   * What the next forward passes compute: with {@code training}, a trainer step's (dropout masks of
   * step {@code step} under {@code seed} for batch rows from {@code firstRow}, batch statistics for
   * {@code Norm.BATCH}); without, inference (no dropout, running estimates).
   */
  void prepare(boolean training, long seed, long step, int firstRow);

  /**
   * After a training forward pass with a finite loss, folds the batch statistics of this
   * workspace's rows into the model's running estimates: {@code r ← 0.9·r + 0.1·weight·stat} for
   * the first shard of the batch, {@code r ← r + 0.1·weight·stat} for the others, with
   * {@code weight} the shard's share of the batch's rows. Nothing without batch normalisation.
   */
  void foldStatistics(M model, boolean first, double weight);

  /** Forward pass over rows [0, m). */
  void forward(M model, int m);

  /** The mean loss over rows [0, m); with {@code withDelta}, also the output deltas. */
  double loss(int m, boolean withDelta);

  /** Backward pass over rows [0, m): fills every gradient row. */
  default void backward(M model, int m) {
    backward(model, m, ReadyRows.NONE);
  }

  /**
   * Backward pass over rows [0, m): fills every gradient row, and tells {@code ready} about each run
   * of parameter rows as soon as its gradients are final and the pass no longer reads its parameters.
   */
  void backward(M model, int m, ReadyRows ready);

  /** Correct classifications in the last batch passed to {@link #loss}. */
  int correct();

  /**
   * The phases of a training step split by layers ({@code Parallelism.splitLayers}), or 0 when the
   * network cannot be split. Phases {@code [0, splitForwardPhases())} run the forward pass and the
   * loss; the rest the backward pass and the optimizer step. Every part runs phase {@code k} before
   * any part starts phase {@code k + 1}.
   */
  default int splitPhases() {
    return 0;
  }

  /** The phases of {@link #splitPhases()} up to and including the loss. */
  default int splitForwardPhases() {
    return 0;
  }

  /**
   * Makes this workspace part {@code part} of {@code team}, the workspaces of one split trainer,
   * team[0] being the one that holds the batch and whose gradient rows the optimizer is bound to.
   */
  default void joinSplit(BatchWorkspace<M>[] team, int part) {
    throw new UnsupportedOperationException("this network cannot be split by layers");
  }

  /**
   * Phase {@code phase} of this part's share of a training step over rows [0, m); reports the
   * parameter rows it finishes to {@code ready}.
   */
  default void splitPhase(M model, int phase, int m, ReadyRows ready) {
    throw new UnsupportedOperationException("this network cannot be split by layers");
  }

  /** Whether this part's columns of the last batch's inputs were all finite (checked in phase 0). */
  default boolean splitInputsFinite() {
    return true;
  }

  /**
   * The mean loss of the last forward phases, the same bits in every part once they have all run:
   * where the parts compute the loss of their own rows, their shares added in part order.
   */
  default double splitLoss() {
    throw new UnsupportedOperationException("this network cannot be split by layers");
  }

  /**
   * Correct classifications in the last split step's batch, once its forward phases have all run:
   * where the parts classify their own rows, their counts added.
   */
  default int splitCorrect() {
    return correct();
  }

  /** Why {@link #splitPhases()} is 0, for the trainer's message; null when it splits. */
  default String whyNotSplit() {
    return "it was generated without the split phases";
  }
}
