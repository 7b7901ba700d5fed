package dev.unrolled;

import dev.unrolled.metrics.Evaluation;
import dev.unrolled.train.Fit;
import dev.unrolled.train.TrainingDivergedException;

/**
 * Trains a generated model: implemented by every generated {@code FooTrainer}, which owns all the
 * buffers a step needs (activations, deltas, gradients, optimizer state) and allocates nothing per
 * batch once it has seen its largest batch. A trainer is single-threaded: use each from one thread
 * at a time.
 *
 * <pre>{@code
 * IrisModel model = new IrisModel(42);
 * IrisTrainer trainer = new IrisTrainer(model, Optimizer.adam(0.01));
 * History history = trainer.fit(train, FitOptions.epochs(100).batchSize(16).validation(test));
 * }</pre>
 */
public interface Trainer {
  /** The model whose parameters this trainer updates in place. */
  Model model();

  /**
   * One optimizer step on this batch: computes the mean loss and its gradient, then updates the
   * model's parameters. Returns the batch's mean loss computed before the step. A batch whose loss
   * is NaN or infinite takes no step, and if the previous step left a parameter non-finite (an
   * overflowing gradient or update), puts back the parameters from before it: the model keeps its
   * last finite parameters, and {@link Fit} stops with {@link TrainingDivergedException}.
   *
   * @throws IllegalArgumentException before any change, if the batch is empty, a row has the wrong
   *     width, or a value is NaN or infinite (a NaN loss could not catch every one: tanh turns an
   *     infinite input into a finite loss with a NaN gradient)
   */
  double trainBatch(double[][] inputs, double[][] targets);

  /**
   * One optimizer step on rows {@code rows[from..to)} of {@code data}; returns the mean loss before
   * the step, or a non-finite value without a step, as {@link #trainBatch(double[][], double[][])}.
   * Labels become one-hot targets (for one sigmoid output, the label itself is the target).
   *
   * @throws IllegalArgumentException before any change, if the range is empty, a row index is not
   *     one of {@code data}'s, or the rows do not fit the model (call
   *     {@link Dataset#requireCompatible} once before a loop of one's own, as {@link Fit} does)
   */
  double trainBatch(Dataset data, int[] rows, int from, int to);

  /**
   * If the last optimizer step left any parameter NaN or infinite, puts back the parameters from
   * before it and returns true; otherwise changes nothing and returns false. {@link Fit} calls this
   * after every epoch, since a bad last step has no next batch to reveal it.
   */
  boolean restoreIfNotFinite();

  /** Mean loss over rows {@code rows[from..to)} of {@code data}, without changing any parameter. */
  double evaluateBatch(Dataset data, int[] rows, int from, int to);

  /**
   * How many samples of the last batch given to {@code trainBatch} or {@code evaluateBatch} were
   * classified correctly by the forward pass (before the step): the arg-max of the outputs against
   * the arg-max of the target row, or for one output the sign of the logit against {@code y ≥ 0.5}.
   */
  int lastBatchCorrect();

  /**
   * Sets the seed of the dropout masks (0 until set) and returns this trainer. The mask of step
   * {@code k} is a function of the seed, k, the layer, the sample's row in the batch and the unit
   * (see {@link dev.unrolled.train.Dropout}), so training repeats bit for bit and does not depend on
   * the thread count. A network without dropout has no masks, and the seed changes nothing.
   */
  default Trainer dropoutSeed(long seed) {
    return this;
  }

  /**
   * The fewest rows a training batch may have: 1, or for a network with {@link Norm#BATCH}
   * normalisation two per shard (batch statistics of one row are undefined). {@link Fit} joins a
   * smaller last batch of an epoch to the one before it.
   */
  default int minimumBatchRows() {
    return 1;
  }

  /** Trains on {@code train} as {@code options} say; see {@link Fit}. */
  default History fit(Dataset train, FitOptions options) {
    return Fit.run(this, train, options);
  }

  /** Mean loss and accuracy of the current parameters over all of {@code data}. */
  default Evaluation evaluate(Dataset data) {
    return Fit.evaluate(this, data);
  }
}
