package dev.unrolled.spark.example;

import dev.unrolled.Dataset;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.fullbatch.FullBatch;
import dev.unrolled.fullbatch.GradientStep;
import dev.unrolled.fullbatch.GradientSum;
import dev.unrolled.fullbatch.Lbfgs;
import dev.unrolled.fullbatch.Objective;
import dev.unrolled.fullbatch.PartitionSum;
import dev.unrolled.spark.ModelFactory;
import dev.unrolled.spark.Sampling;
import dev.unrolled.spark.SparkTrainer;
import dev.unrolled.spark.TrainingData;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One training run of {@link ClusterCheck}: a network and a way to train it, done either on Spark
 * or on one machine without Spark. Both ways sum the same rows in the same partitions in the same
 * order, so they must end on the same parameters, bit for bit.
 */
public record CheckRun(String name, ModelFactory<? extends Model> network, boolean lbfgs) {
  static final long SEED = 42;
  /** Mini-batch runs: Adam steps on a seeded half of the rows each. */
  static final int STEPS = 6;
  static final double FRACTION = 0.5;
  /** L-BFGS runs: MLlib's memory and tolerance. */
  static final int ITERATIONS = 6;

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

  /** The run on Spark; {@code progress} hears each evaluation (L-BFGS) or step number. Returns the parameters. */
  double[] onSpark(TrainingData data, IntConsumer progress) {
    Model model = network.create(SEED);
    @SuppressWarnings({"unchecked", "rawtypes"})
    SparkTrainer<Model> trainer = new SparkTrainer<>(model, (ModelFactory) network, Optimizer.adam(1e-3));
    if (lbfgs) {
      return minimize(trainer.objective(data), model, progress);
    }
    for (int t = 0; t < STEPS; t++) {
      trainer.step(data, FRACTION, SEED);
      progress.accept(t + 1);
    }
    return model.parameters();
  }

  /** The same run on one machine, without Spark, over the same rows in {@code partitions} partitions. */
  public double[] alone(Dataset rows, int partitions) {
    Model model = network.create(SEED);
    if (lbfgs) {
      return minimize(FullBatch.of(model, rows, partitions), model, t -> {});
    }
    GradientStep step = new GradientStep(model, Optimizer.adam(1e-3));
    double[] g = new double[model.parameterCount()];
    for (int t = 0; t < STEPS; t++) {
      GradientSum sum = sampled(model, rows, partitions, t);
      if (sum.rows() > 0) {
        sum.meanGradient(g);
        step.apply(g);
      }
    }
    return model.parameters();
  }

  private static double[] minimize(Objective objective, Model model, IntConsumer progress) {
    int[] evaluations = {0};
    Objective counted = (x, g) -> {
      double value = objective.evaluate(x, g);
      progress.accept(++evaluations[0]);
      return value;
    };
    return Lbfgs.minimize(counted, model.parameters(), Lbfgs.options().maxIterations(ITERATIONS)).x();
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
