package dev.unrolled.fullbatch;

import dev.unrolled.Architecture;
import dev.unrolled.Architecture.Layer;
import dev.unrolled.Architecture.LayerSpan;
import dev.unrolled.Dataset;
import dev.unrolled.Model;
import dev.unrolled.Norm;
import java.util.ArrayList;
import java.util.List;

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
 *
 * <p><b>What it refuses.</b> The sum is of {@link Model#lossAndGradient} over chunks of rows, which is
 * the loss of the whole dataset only when each row's loss depends on that row alone and on nothing
 * random. A layer with {@link Norm#BATCH} breaks the first: each chunk would be normalised with its
 * own statistics, and the sum would be no loss of the data. A layer with dropout breaks the second:
 * {@code lossAndGradient} never drops, so training would silently go without it. {@link #of} (and
 * so {@link Lbfgs#fit} and the Spark trainer) refuses such a model with an
 * {@link IllegalArgumentException} naming the first such layer; {@link Norm#LAYER} normalises each
 * row by itself and is fine. Train those networks with their generated trainer instead.
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

  /**
   * All of {@code data} as one partition.
   *
   * @throws IllegalArgumentException if the data does not suit the model, or the model has a
   *     {@link Norm#BATCH} layer or dropout (see {@link #requireSupported})
   */
  public static FullBatch of(Model model, Dataset data) {
    return of(model, data, 1);
  }

  /**
   * All of {@code data} cut into {@code partitions} partitions, as a Spark trainer with that many
   * partitions sums it.
   *
   * @throws IllegalArgumentException if the data does not suit the model, partitions &lt; 1, or the
   *     model has a {@link Norm#BATCH} layer or dropout (see {@link #requireSupported})
   */
  public static FullBatch of(Model model, Dataset data, int partitions) {
    if (model == null || data == null) {
      throw new IllegalArgumentException("model and data must not be null");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions is " + partitions + "; give at least 1");
    }
    requireSupported(model);
    if (data.featureCount() != model.inputSize()) {
      throw new IllegalArgumentException("the model takes " + model.inputSize() + " inputs but the dataset has "
          + data.featureCount() + " features");
    }
    data.requireTargetWidth(model.outputSize());
    data.requireTargetsFor(model.loss());
    return new FullBatch(model, data, partitions);
  }

  /**
   * Refuses a model whose loss a sum of {@link Model#lossAndGradient} over chunks of rows is not:
   * one with a {@link Norm#BATCH} layer or with dropout. {@link #of} and the Spark trainer call it;
   * call it too before summing {@link PartitionSum}s of your own. For example
   * {@code FullBatch.requireSupported(model)} throws for a model declared with
   * {@code @Dense(units = 16, norm = Norm.BATCH)}.
   *
   * @throws IllegalArgumentException naming the first such layer, numbered as in
   *     {@link Architecture#table()}, and what to do instead
   */
  public static void requireSupported(Model model) {
    if (model == null) {
      throw new IllegalArgumentException("model is null");
    }
    for (LayerSpan span : model.architecture().table()) {
      boolean batch = span.norm() == Norm.BATCH;
      boolean dropout = span.dropout() > 0;
      if (batch || dropout) {
        throw new IllegalArgumentException(refusal(span, batch, dropout));
      }
    }
  }

  private static String refusal(LayerSpan span, boolean batch, boolean dropout) {
    Layer layer = new Layer(span.outputs(), span.activation(), span.norm(), span.dropout());
    List<String> causes = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    if (batch) {
      causes.add("normalises over the batch");
      reasons.add("it sums lossAndGradient over chunks of rows, each normalised with its own statistics, "
          + "which is not the network's loss over all rows");
    }
    if (dropout) {
      causes.add("drops outputs in training");
      reasons.add((batch ? "lossAndGradient" : "it sums lossAndGradient, which") + " never drops, so it would "
          + "silently train without dropout");
    }
    String fix = batch && dropout ? "use LAYER norm, which does not depend on the batch, and dropout 0"
        : batch ? "use LAYER norm, which does not depend on the batch"
        : "set the layer's dropout to 0";
    return "layer " + span.number() + " (" + layer + ") " + String.join(" and ", causes) + ", which full-batch "
        + "training (FullBatch, Lbfgs, SparkTrainer) cannot honour: " + String.join(", and ", reasons) + "; "
        + fix + ", or train with a generated trainer";
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
