package dev.unrolled.spark.example;

import dev.unrolled.Dataset;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.fullbatch.FullBatch;
import dev.unrolled.fullbatch.GradientStep;
import dev.unrolled.fullbatch.GradientSum;
import dev.unrolled.fullbatch.Lbfgs;
import dev.unrolled.fullbatch.PartitionSum;
import dev.unrolled.spark.Checkpointing;
import dev.unrolled.spark.ModelFactory;
import dev.unrolled.spark.Sampling;
import dev.unrolled.spark.SparkFitOptions;
import dev.unrolled.spark.SparkTrainer;
import dev.unrolled.spark.TrainingData;
import dev.unrolled.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One training run of {@link ClusterCheck}: a network and a way to train it, done either on Spark
 * or on one machine without Spark. Both ways sum the same rows in the same partitions in the same
 * order, so they must end on the same parameters, bit for bit.
 */
public record CheckRun(String name, ModelFactory<? extends Model> network, boolean lbfgs) {
  static final long SEED = 42;
  /** Mini-batch runs: Adam steps on a seeded half of the rows each, so two steps an epoch. */
  static final int STEPS = 6;
  static final double FRACTION = 0.5;
  /** L-BFGS runs: MLlib's memory and tolerance. */
  static final int ITERATIONS = 6;

  /**
   * How long a run trains and where it keeps its training checkpoint: mini-batch steps (an even
   * number: epochs of two) or L-BFGS iterations, and with a {@code checkpoint} file
   * ({@code null}: none) resumable from it every {@code every} steps or iterations.
   */
  public record Length(int steps, int iterations, Path checkpoint, int every) {
    public Length {
      if (steps < 2 || steps % 2 != 0) {
        throw new IllegalArgumentException("--steps " + steps + "; give an even number of at least 2 (epochs of 2)");
      }
      if (iterations < 1) {
        throw new IllegalArgumentException("--iterations " + iterations + "; give at least 1");
      }
    }

    /** The default length, without checkpoints. */
    public static Length standard() {
      return new Length(STEPS, ITERATIONS, null, 1);
    }
  }

  /** The six runs: each network by mini-batch steps and by L-BFGS. */
  public static List<CheckRun> all() {
    return List.of(
        new CheckRun("wide-float-vector-steps", CheckNets_WideModel::new, false),
        new CheckRun("wide-float-vector-lbfgs", CheckNets_WideModel::new, true),
        new CheckRun("looped-double-steps", CheckNets_LoopedModel::new, false),
        new CheckRun("looped-double-lbfgs", CheckNets_LoopedModel::new, true),
        new CheckRun("rbf-float-steps", CheckNets_RadialModel::new, false),
        new CheckRun("rbf-float-lbfgs", CheckNets_RadialModel::new, true));
  }

  /** The run called {@code name}. */
  public static CheckRun named(String name) {
    return all().stream().filter(r -> r.name.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no run called " + name + "; the runs are "
            + all().stream().map(CheckRun::name).toList()));
  }

  /**
   * The run on Spark; {@code progress} hears each step or L-BFGS iteration number (counted over the
   * whole run, also after a resume). Returns the parameters (for L-BFGS, the double point).
   */
  double[] onSpark(TrainingData data, Length length, IntConsumer progress) {
    Model model = network.create(SEED);
    @SuppressWarnings({"unchecked", "rawtypes"})
    SparkTrainer<Model> trainer = new SparkTrainer<>(model, (ModelFactory) network, Optimizer.adam(1e-3));
    if (lbfgs) {
      Checkpointing checkpointing = length.checkpoint() == null ? Checkpointing.none()
          : Checkpointing.resumable(length.checkpoint(), length.every());
      return trainer.fitLbfgs(data, Lbfgs.options().maxIterations(length.iterations()), checkpointing,
          it -> progress.accept(it.number())).x();
    }
    SparkFitOptions options = SparkFitOptions.epochs(length.steps() / 2).fraction(FRACTION).seed(SEED)
        .listener(new TrainingListener() {
          @Override
          public void onBatchEnd(int epoch, int batch, int batchesPerEpoch, double loss) {
            progress.accept((epoch - 1) * batchesPerEpoch + batch);
          }
        });
    trainer.fit(data, length.checkpoint() == null ? options : options.resumable(length.checkpoint(), length.every()));
    return model.parameters();
  }

  /** The same run on one machine, without Spark, over the same rows in {@code partitions} partitions. */
  public double[] alone(Dataset rows, int partitions) {
    return alone(rows, partitions, Length.standard());
  }

  /**
   * {@link #alone(Dataset, int)} for {@code length}'s steps or iterations, in one go: no Spark, no
   * checkpoint.
   */
  public double[] alone(Dataset rows, int partitions, Length length) {
    Model model = network.create(SEED);
    if (lbfgs) {
      return Lbfgs.minimize(FullBatch.of(model, rows, partitions), model.parameters(),
          Lbfgs.options().maxIterations(length.iterations())).x();
    }
    GradientStep step = new GradientStep(model, Optimizer.adam(1e-3));
    double[] g = new double[model.parameterCount()];
    for (int t = 0; t < length.steps(); t++) {
      GradientSum sum = sampled(model, rows, partitions, t);
      if (sum.rows() > 0) {
        sum.meanGradient(g);
        step.apply(g);
      }
    }
    return model.parameters();
  }

  /** What a Spark step sums: the rows {@link Sampling} picks for step {@code t}, partition by partition. */
  private static GradientSum sampled(Model model, Dataset rows, int partitions, long t) {
    GradientSum.Tree tree = new GradientSum.Tree(partitions);
    for (int k = 0; k < partitions; k++) {
      PartitionSum sum = new PartitionSum(model);
      for (long r = GradientSum.partitionStart(rows.size(), partitions, k);
          r < GradientSum.partitionStart(rows.size(), partitions, k + 1); r++) {
        if (Sampling.includes(SEED, t, r, FRACTION)) {
          sum.add(rows, (int) r);
        }
      }
      tree.add(sum.finish(k, partitions));
    }
    return tree.total();
  }
}
