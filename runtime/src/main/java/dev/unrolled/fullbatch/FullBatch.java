package dev.unrolled.fullbatch;

import dev.unrolled.Dataset;
import dev.unrolled.Model;

/**
 * A model's mean loss over a whole dataset, and its gradient, summed in the fixed order of
 * {@link GradientSum}: the rows cut into {@code partitions} contiguous partitions, each summed in
 * chunks, the partition sums added in a fixed tree. With the same rows, order and partition count,
 * the Spark trainer's full-batch gradient is the same bits, so this is its single-machine
 * reference; it is also the objective {@link Lbfgs} minimizes on one machine.
 *
 * <pre>{@code
 * FullBatch loss = FullBatch.of(model, train);
 * double[] g = new double[model.parameterCount()];
 * double mean = loss.evaluate(model.parameters(), g);
 * }</pre>
 *
 * <p>Evaluating sets the model's parameters. Not thread-safe: one evaluation at a time.
 */
public final class FullBatch implements Objective {
  private final Model model;
  private final Dataset data;
  private final int partitions;

  private FullBatch(Model model, Dataset data, int partitions) {
    this.model = model;
    this.data = data;
    this.partitions = partitions;
  }

  /** All of {@code data} as one partition. */
  public static FullBatch of(Model model, Dataset data) {
    return of(model, data, 1);
  }

  /**
   * All of {@code data} cut into {@code partitions} partitions, as a Spark trainer with that many
   * partitions sums it.
   *
   * @throws IllegalArgumentException if the data does not suit the model, or partitions &lt; 1
   */
  public static FullBatch of(Model model, Dataset data, int partitions) {
    if (model == null || data == null) {
      throw new IllegalArgumentException("model and data must not be null");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions is " + partitions + "; give at least 1");
    }
    if (data.featureCount() != model.inputSize()) {
      throw new IllegalArgumentException("the model takes " + model.inputSize() + " inputs but the dataset has "
          + data.featureCount() + " features");
    }
    data.requireTargetWidth(model.outputSize());
    data.requireTargetsFor(model.loss());
    return new FullBatch(model, data, partitions);
  }

  /** Sets the model's parameters to {@code x}; returns the mean loss and writes the mean gradient. */
  @Override
  public double evaluate(double[] x, double[] gradient) {
    model.setParameters(x);
    GradientSum total = sum();
    total.meanGradient(gradient);
    return total.meanLoss();
  }

  /** The summed loss and gradient at the model's current parameters. */
  public GradientSum sum() {
    GradientSum.Tree tree = new GradientSum.Tree(partitions);
    int n = data.size();
    for (int k = 0; k < partitions; k++) {
      PartitionSum partition = new PartitionSum(model);
      int end = (int) GradientSum.partitionStart(n, partitions, k + 1);
      for (int r = (int) GradientSum.partitionStart(n, partitions, k); r < end; r++) {
        partition.add(data, r);
      }
      tree.add(partition.finish(k, partitions));
    }
    return tree.total();
  }
}
