package dev.unrolled.spark;

import dev.unrolled.History;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.files.ModelFile;
import dev.unrolled.fullbatch.FullBatch;
import dev.unrolled.fullbatch.GradientStep;
import dev.unrolled.fullbatch.GradientSum;
import dev.unrolled.fullbatch.Lbfgs;
import dev.unrolled.fullbatch.Objective;
import dev.unrolled.fullbatch.PartitionSum;
import dev.unrolled.train.OptimizerState;
import dev.unrolled.train.TrainingCheckpointException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Trains a generated model on a Spark cluster, synchronously data-parallel: each step broadcasts
 * the parameters, every partition sums the loss and gradient over its rows with the generated code
 * (one model per partition, kept on its executor from step to step; rows fed in chunks, nothing
 * allocated per row), the partition sums are combined with {@code treeAggregate} in the fixed order of
 * {@link GradientSum}, and the driver applies the runtime's own {@link Optimizer} to the mean
 * gradient ({@link GradientStep}: the arithmetic of the generated trainer).
 *
 * <pre>{@code
 * MnistNetModel model = new MnistNetModel(42);
 * SparkTrainer<MnistNetModel> trainer = new SparkTrainer<>(model, MnistNetModel::new, Optimizer.adam(1e-3));
 * try (TrainingData data = TrainingData.of(frame, "features", "label", 8)) {
 *   trainer.fit(data, 500, 0.05, 42);                   // mini-batch steps: 5% of the rows each
 *   trainer.fitLbfgs(data, Lbfgs.options());             // or full-batch L-BFGS, as MLlib's MLP
 * }
 * model.save(Path.of("mnist.unrl"));                     // an ordinary model: no Spark needed to use it
 * }</pre>
 *
 * <p><b>Exactness.</b> A full-batch gradient is the same bits as {@link FullBatch} on
 * one machine over the same rows with the same partition count, whatever the executors, the task
 * order or the aggregation depth; so a full-batch step equals that single-machine step exactly, and
 * the ordinary one-batch step of a generated trainer to rounding (tested to 1e-12 relative in
 * DOUBLE). Mini-batch steps choose their rows with {@link Sampling}: repeatable from the seed.
 *
 * <p>The driver holds the parameters and the optimizer state and applies every update; a step costs
 * a broadcast of the parameters and one partial gradient per partition sent back up the tree.
 * Not thread-safe: one step at a time.
 *
 * <p><b>What it refuses.</b> Every step, mini-batch ones included, sums the generated
 * {@code lossAndGradient} over partitions and chunks. A layer with {@link dev.unrolled.Norm#BATCH}
 * would be normalised with each chunk's statistics, which is not the loss of the rows the step
 * takes, and dropout would silently never apply ({@code lossAndGradient} never drops). So the
 * constructor refuses a model with either, as {@link FullBatch#of} does
 * ({@link FullBatch#requireSupported}), naming the first such layer; {@code LAYER} norm, which does
 * not depend on the batch, trains here as any other layer. Train the others with their generated
 * trainer.
 */
public final class SparkTrainer<M extends Model> {
  private final M model;
  private final ModelFactory<? extends M> factory;
  private final GradientStep update;
  private final double[] gradient;
  private final String id = UUID.randomUUID().toString(); // names this trainer's models on the executors
  private int depth = 2;
  private long steps;

  /**
   * A trainer for {@code model}, whose copies on the executors {@code factory} makes (for a generated
   * model {@code FooModel::new}); the optimizer's state starts fresh.
   *
   * @throws IllegalArgumentException if the model has a {@code BATCH}-normalised layer or dropout,
   *     which these sums cannot honour (see above), or the factory makes a model of another
   *     architecture
   */
  public SparkTrainer(M model, ModelFactory<? extends M> factory, Optimizer optimizer) {
    this.model = Objects.requireNonNull(model, "model");
    FullBatch.requireSupported(model);
    this.factory = Objects.requireNonNull(factory, "factory");
    Model probe = factory.create(0);
    if (!probe.architecture().equals(model.architecture())) {
      throw new IllegalArgumentException("the factory makes " + probe.architecture() + " but the model is "
          + model.architecture() + "; pass the model's own constructor, e.g. FooModel::new");
    }
    this.update = new GradientStep(model, Objects.requireNonNull(optimizer, "optimizer"));
    this.gradient = new double[model.parameterCount()];
  }

  /** The model being trained, updated in place after every step. */
  public M model() {
    return model;
  }

  /** Steps taken (or skipped for an empty sample) so far; mini-batch step t samples with t. */
  public long steps() {
    return steps;
  }

  /** Sets the step count, from a training checkpoint. */
  void steps(long steps) {
    this.steps = steps;
  }

  OptimizerState optimizerState() {
    return update.optimizerState();
  }

  /** @throws IllegalArgumentException if the state is another optimizer's or another shape; nothing changes then */
  void restoreOptimizerState(OptimizerState state) {
    update.restoreOptimizerState(state);
  }

  /**
   * The depth of Spark's {@code treeAggregate} (default 2): more levels take load off the driver
   * with many partitions. The result does not depend on it.
   */
  public SparkTrainer<M> aggregationDepth(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("aggregation depth is " + depth + "; give at least 1 (2 is Spark's default)");
    }
    this.depth = depth;
    return this;
  }

  /** One full-batch step over every row; returns the mean loss before the step. */
  public double step(TrainingData data) {
    return step(data, 1, 0);
  }

  /**
   * One step over the rows that {@link Sampling} picks for this step number with {@code seed} and
   * {@code fraction} (1: every row). Returns the mean loss over those rows before the step, or NaN
   * without a step when the sample is empty.
   *
   * @throws ArithmeticException if the loss is NaN or infinite; the parameters are then those
   *     before this step
   */
  public double step(TrainingData data, double fraction, long seed) {
    return sampledStep(data, fraction, seed).loss();
  }

  /** A step's mean loss before it (NaN without rows) and how many rows it took. */
  record Step(double loss, long rows) {}

  Step sampledStep(TrainingData data, double fraction, long seed) {
    Sampling.checkFraction(fraction);
    GradientSum sum = gradient(data, model.parameters(), fraction, seed, steps);
    steps++;
    if (sum.rows() == 0) {
      return new Step(Double.NaN, 0);
    }
    double loss = sum.meanLoss();
    if (!Double.isFinite(loss)) {
      throw new ArithmeticException("the loss is " + loss + " at step " + (steps - 1)
          + "; training diverged: lower the learning rate (the parameters are those before this step)");
    }
    sum.meanGradient(gradient);
    update.apply(gradient);
    return new Step(loss, sum.rows());
  }

  /**
   * Epochs of mini-batch steps with progress reported to listeners, optionally validated after
   * every epoch and stopped early, as {@link SparkFitOptions} says; returns what each epoch
   * measured (training accuracy is not scored: NaN). The steps are those of
   * {@link #step(TrainingData, double, long)}, so the parameters equal a loop of such steps.
   *
   * @throws IllegalArgumentException for early stopping without validation data
   */
  public History fit(TrainingData data, SparkFitOptions options) {
    return new SparkFit(this, data, Objects.requireNonNull(options, "options")).run();
  }

  /**
   * {@code count} steps of {@link #step(TrainingData, double, long)}; returns each step's loss.
   * With {@code fraction} 0.01, a hundred steps see about the rows of one epoch.
   */
  public double[] fit(TrainingData data, int count, double fraction, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("steps is " + count + "; give 0 or more");
    }
    double[] losses = new double[count];
    for (int i = 0; i < count; i++) {
      losses[i] = step(data, fraction, seed);
    }
    return losses;
  }

  /**
   * Full-batch L-BFGS from the current parameters, every evaluation of the loss one Spark job; leaves
   * the best point found in the model. The optimizer given at construction is not used.
   */
  public Lbfgs.Result fitLbfgs(TrainingData data, Lbfgs.Options options) {
    return fitLbfgs(data, options, Checkpointing.none(), null);
  }

  /**
   * {@link #fitLbfgs(TrainingData, Lbfgs.Options)} with training checkpoints: saved every
   * {@code n}-th iteration and after the last, each holding the run's whole state
   * ({@link Lbfgs.State}: the point, its value and gradient, the stored pairs, the counters) and what
   * identifies the data; resumed from, the run ends on the bits of the run that was never
   * interrupted, and its result counts the iterations and evaluations before the checkpoint too.
   *
   * @throws java.io.UncheckedIOException caused by a {@link TrainingCheckpointException} if the
   *     checkpoint to resume from cannot be read or belongs to another run (other data or
   *     partitions, architecture, memory or tolerance, more iterations than asked for); the model is
   *     then unchanged
   */
  public Lbfgs.Result fitLbfgs(TrainingData data, Lbfgs.Options options, Checkpointing checkpointing) {
    return fitLbfgs(data, options, checkpointing, null);
  }

  /**
   * {@link #fitLbfgs(TrainingData, Lbfgs.Options, Checkpointing)}, telling {@code afterIteration}
   * (null: nobody) on the driver after every iteration, once that iteration's checkpoint, if one is
   * due, is saved. A listener that throws ends the run with its exception.
   */
  public Lbfgs.Result fitLbfgs(TrainingData data, Lbfgs.Options options, Checkpointing checkpointing,
      Consumer<Lbfgs.Iteration> afterIteration) {
    Objects.requireNonNull(options, "options");
    data.requireFits(model);
    SparkCheckpoints checkpoints = SparkCheckpoints.start(Objects.requireNonNull(checkpointing, "checkpointing"), data);
    Lbfgs.State from = checkpoints != null && checkpoints.resuming() ? resumeLbfgs(checkpoints, options) : null;
    Consumer<Lbfgs.Iteration> listener = afterIteration;
    if (checkpoints != null && checkpoints.saving()) {
      listener = it -> {
        if (it.stop() != null || checkpoints.due(it.number())) {
          saveLbfgs(checkpoints, options, it);
        }
        if (afterIteration != null) {
          afterIteration.accept(it);
        }
      };
    }
    Objective objective = objective(data);
    Lbfgs.Result result = from == null
        ? Lbfgs.minimize(objective, model.parameters(), options, listener)
        : Lbfgs.resume(objective, from, options, listener);
    model.setParameters(result.x());
    return result;
  }

  private void saveLbfgs(SparkCheckpoints checkpoints, Lbfgs.Options options, Lbfgs.Iteration it) {
    Lbfgs.State state = it.state();
    Model point = factory.create(0); // the model being trained keeps its parameters until the run ends
    point.setParameters(state.x());
    byte[] bytes;
    try {
      bytes = ModelFile.toBytes(point);
    } catch (IOException e) {
      throw new UncheckedIOException("L-BFGS iteration " + it.number() + ": the model cannot be saved: "
          + e.getMessage(), e);
    }
    checkpoints.save(new SparkCheckpoint.Contents(bytes, checkpoints.data(), null, new SparkCheckpoint.LbfgsRun(
        options.memory(), options.tolerance(), options.maxIterations(), state)), "L-BFGS iteration " + it.number());
  }

  /** The state to go on from, after checking all of the checkpoint against this run; loads its point into the model. */
  private Lbfgs.State resumeLbfgs(SparkCheckpoints checkpoints, Lbfgs.Options options) {
    try {
      SparkCheckpoint.Contents contents = checkpoints.read(model);
      SparkCheckpoint.LbfgsRun run = contents.lbfgs();
      if (run == null) {
        throw checkpoints.mismatch("holds epochs of steps (SparkTrainer.fit), not an L-BFGS run; resume it with fit");
      }
      checkpoints.same("L-BFGS memory", run.memory(), options.memory());
      checkpoints.same("L-BFGS tolerance", run.tolerance(), options.tolerance());
      if (run.state().iterations() > options.maxIterations()) {
        throw checkpoints.mismatch("has finished " + run.state().iterations() + " L-BFGS iterations, but this run "
            + "asks for at most " + options.maxIterations() + "; ask for at least as many");
      }
      checkpoints.loadModel(model, contents);
      return run.state();
    } catch (IOException e) {
      throw checkpoints.cannotResume(e);
    }
  }

  /**
   * The mean loss over every row of {@code data} as a function of the parameters, evaluated on the
   * cluster; each evaluation is one job. Does not change the model.
   */
  public Objective objective(TrainingData data) {
    return (x, g) -> {
      GradientSum sum = gradient(data, x, 1, 0, 0);
      sum.meanGradient(g);
      return sum.meanLoss();
    };
  }

  /** The summed loss and gradient over every row at the model's current parameters. */
  public GradientSum gradient(TrainingData data) {
    return gradient(data, model.parameters(), 1, 0, 0);
  }

  private GradientSum gradient(TrainingData data, double[] parameters, double fraction, long seed, long step) {
    data.requireFits(model);
    JavaRDD<Block> blocks = data.blocks();
    Broadcast<double[]> shared = JavaSparkContext.fromSparkContext(blocks.context()).broadcast(parameters);
    try {
      return partitionSums(blocks, factory, id, shared, data.partitions(), fraction, seed, step)
          .treeAggregate(new GradientSum.Tree(data.partitions()), GradientSum.Tree::add, GradientSum.Tree::addAll,
              depth)
          .total();
    } catch (Exception e) {
      throw Jobs.failure(e);
    } finally {
      shared.destroy();
    }
  }

  /** Static, so that the closure captures only what it names, never the trainer. */
  private static JavaRDD<GradientSum> partitionSums(JavaRDD<Block> blocks, ModelFactory<?> factory, String trainer,
      Broadcast<double[]> parameters, int partitions, double fraction, long seed, long step) {
    return blocks.mapPartitionsWithIndex((k, it) -> {
      Model local = PartitionModels.take(trainer, k, factory);
      local.setParameters(parameters.value());
      PartitionSum sum = new PartitionSum(local);
      while (it.hasNext()) {
        it.next().addTo(sum, local.outputSize(), fraction, seed, step);
      }
      GradientSum partial = sum.finish(k, partitions);
      PartitionModels.giveBack(trainer, k, local);
      return Collections.singletonList(partial).iterator();
    }, true);
  }
}
