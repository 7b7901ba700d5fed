package dev.unrolled.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.fullbatch.FullBatch;
import dev.unrolled.fullbatch.GradientStep;
import dev.unrolled.fullbatch.GradientSum;
import dev.unrolled.fullbatch.Lbfgs;
import dev.unrolled.fullbatch.PartitionSum;
import dev.unrolled.metrics.Metrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on Spark ({@code local[2]}) against the same training on one machine: exact for
 * full-batch steps, mini-batch steps and L-BFGS, and the result an ordinary model.
 */
class SparkTrainerTest {
  private static final int PARTITIONS = 3;
  // 700 rows in 3 partitions of 234, 233, 233: each partition sums one full chunk and a partial one.
  private static final Dataset BLOBS = LocalSpark.blobs(700, 5);
  private static TrainingData data;

  @BeforeAll
  static void distribute() {
    data = TrainingData.of(LocalSpark.context(), BLOBS, PARTITIONS);
  }

  @AfterAll
  static void release() {
    data.close();
  }

  @Test
  void aFullBatchStepIsTheSingleMachineFullBatchStepBitForBit() {
    Nets_ClassifierModel onSpark = new Nets_ClassifierModel(1);
    Nets_ClassifierModel alone = new Nets_ClassifierModel(1);
    SparkTrainer<Nets_ClassifierModel> trainer = new SparkTrainer<>(onSpark, Nets_ClassifierModel::new, Optimizer.adam(0.05));
    GradientStep step = new GradientStep(alone, Optimizer.adam(0.05));
    FullBatch loss = FullBatch.of(alone, BLOBS, PARTITIONS);
    double[] g = new double[alone.parameterCount()];

    for (int i = 0; i < 3; i++) {
      double sparkLoss = trainer.step(data);
      double aloneLoss = loss.evaluate(alone.parameters(), g);
      step.apply(g);

      assertThat(sparkLoss).isEqualTo(aloneLoss);
      assertThat(onSpark.parameters()).isEqualTo(alone.parameters());
    }
  }

  @Test
  void aFullBatchStepMatchesTheGeneratedTrainersStepOnAllRowsTo1eMinus12() {
    Nets_ClassifierModel onSpark = new Nets_ClassifierModel(2);
    Nets_ClassifierModel alone = new Nets_ClassifierModel(2);
    SparkTrainer<Nets_ClassifierModel> trainer = new SparkTrainer<>(onSpark, Nets_ClassifierModel::new, Optimizer.sgd(0.5));
    Nets_ClassifierTrainer generated = new Nets_ClassifierTrainer(alone, Optimizer.sgd(0.5), BLOBS.size());
    int[] all = new int[BLOBS.size()];
    for (int r = 0; r < all.length; r++) {
      all[r] = r;
    }

    double sparkLoss = trainer.step(data);
    double aloneLoss = generated.trainBatch(BLOBS, all, 0, all.length);

    assertThat(sparkLoss).isWithin(1e-12 * aloneLoss).of(aloneLoss);
    assertThat(maxRelativeDifference(onSpark.parameters(), alone.parameters())).isAtMost(1e-12);
    assertThat(onSpark.parameters()).isNotEqualTo(new Nets_ClassifierModel(2).parameters()); // it did step
  }

  @Test
  void aFloatModelsStepIsTheSingleMachineStepInFloatBitForBit() {
    Nets_FloatClassifierModel onSpark = new Nets_FloatClassifierModel(3);
    Nets_FloatClassifierModel alone = new Nets_FloatClassifierModel(3);
    SparkTrainer<Nets_FloatClassifierModel> trainer =
        new SparkTrainer<>(onSpark, Nets_FloatClassifierModel::new, Optimizer.momentum(0.1, 0.9));
    GradientStep step = new GradientStep(alone, Optimizer.momentum(0.1, 0.9));
    double[] g = new double[alone.parameterCount()];

    for (int i = 0; i < 2; i++) {
      trainer.step(data);
      FullBatch.of(alone, BLOBS, PARTITIONS).evaluate(alone.parameters(), g);
      step.apply(g);
    }

    assertThat(onSpark.parameters()).isEqualTo(alone.parameters());
  }

  @Test
  void theGradientDependsOnThePartitionCountOnlyNotOnTheInputsLayoutOrTheAggregationDepth() {
    Nets_ClassifierModel model = new Nets_ClassifierModel(4);
    SparkTrainer<Nets_ClassifierModel> trainer = new SparkTrainer<>(model, Nets_ClassifierModel::new, Optimizer.sgd(0.1));
    List<Sample> samples = samples(BLOBS);
    GradientSum expected = trainer.gradient(data);

    try (TrainingData fromOneSlice = TrainingData.of(LocalSpark.context().parallelize(samples, 1), PARTITIONS);
        TrainingData fromSevenSlices = TrainingData.of(LocalSpark.context().parallelize(samples, 7), PARTITIONS)) {
      assertThat(trainer.gradient(fromOneSlice).gradient()).isEqualTo(expected.gradient());
      assertThat(trainer.aggregationDepth(1).gradient(fromSevenSlices).gradient()).isEqualTo(expected.gradient());
      assertThat(trainer.aggregationDepth(3).gradient(fromSevenSlices).loss()).isEqualTo(expected.loss());
      assertThat(fromSevenSlices.partitions()).isEqualTo(PARTITIONS);
    }
    assertThat(expected.rows()).isEqualTo(700);
  }

  @Test
  void anInputPartitionOfMoreThanOnePieceIsPackedInPiecesAndJoinedInOrder() {
    // 300,000 rows of 4 features in one input slice: 1.2 million values, more than a piece's 2^20.
    Dataset many = LocalSpark.blobs(300_000, 17);
    Nets_ClassifierModel model = new Nets_ClassifierModel(10);
    SparkTrainer<Nets_ClassifierModel> trainer = new SparkTrainer<>(model, Nets_ClassifierModel::new, Optimizer.sgd(0.1));
    double[] expected = new double[model.parameterCount()];
    double loss = FullBatch.of(new Nets_ClassifierModel(10), many, 2).evaluate(model.parameters(), expected);

    try (TrainingData rows = TrainingData.of(LocalSpark.context().parallelize(samples(many), 1), 2)) {
      GradientSum sum = trainer.gradient(rows);

      assertThat(sum.meanLoss()).isEqualTo(loss);
      double[] g = new double[model.parameterCount()];
      sum.meanGradient(g);
      assertThat(g).isEqualTo(expected);
    }
  }

  @Test
  void miniBatchStepsSampleTheSeededRowsAndRepeatExactly() {
    double fraction = 0.2;
    long seed = 9;
    Nets_ClassifierModel first = new Nets_ClassifierModel(5);
    Nets_ClassifierModel second = new Nets_ClassifierModel(5);
    Nets_ClassifierModel alone = new Nets_ClassifierModel(5);
    SparkTrainer<Nets_ClassifierModel> a = new SparkTrainer<>(first, Nets_ClassifierModel::new, Optimizer.adam(0.02));
    SparkTrainer<Nets_ClassifierModel> b = new SparkTrainer<>(second, Nets_ClassifierModel::new, Optimizer.adam(0.02));
    GradientStep step = new GradientStep(alone, Optimizer.adam(0.02));
    double[] g = new double[alone.parameterCount()];

    double[] losses = a.fit(data, 4, fraction, seed);
    b.fit(data, 4, fraction, seed);
    for (int t = 0; t < 4; t++) {
      GradientSum sum = sampledReference(alone, BLOBS, fraction, seed, t);
      assertThat(sum.rows()).isIn(com.google.common.collect.Range.closed(100L, 180L)); // about 20% of 700
      assertThat(losses[t]).isEqualTo(sum.meanLoss());
      sum.meanGradient(g);
      step.apply(g);
    }

    assertThat(first.parameters()).isEqualTo(second.parameters());
    assertThat(first.parameters()).isEqualTo(alone.parameters());
    assertThat(a.steps()).isEqualTo(4);
  }

  private static final java.util.concurrent.atomic.AtomicInteger MODELS_BUILT = new java.util.concurrent.atomic.AtomicInteger();

  @Test
  void executorsKeepOneModelPerPartitionFromStepToStep() {
    // local[2]: the executors share this JVM, so the factory's count is seen here.
    ModelFactory<Nets_ClassifierModel> counting = seed -> {
      MODELS_BUILT.incrementAndGet();
      return new Nets_ClassifierModel(seed);
    };
    SparkTrainer<Nets_ClassifierModel> trainer =
        new SparkTrainer<>(new Nets_ClassifierModel(9), counting, Optimizer.sgd(0.1));
    int before = MODELS_BUILT.get(); // the constructor's probe

    trainer.fit(data, 5, 1, 0);
    trainer.fitLbfgs(data, Lbfgs.options().maxIterations(2));

    assertThat(MODELS_BUILT.get() - before).isEqualTo(PARTITIONS);
  }

  @Test
  void lbfgsOnSparkTakesTheSameIteratesAsLbfgsOnOneMachineAndLearns() {
    Nets_ClassifierModel onSpark = new Nets_ClassifierModel(6);
    Nets_ClassifierModel alone = new Nets_ClassifierModel(6);
    SparkTrainer<Nets_ClassifierModel> trainer = new SparkTrainer<>(onSpark, Nets_ClassifierModel::new, Optimizer.sgd(0.1));
    Lbfgs.Options options = Lbfgs.options().maxIterations(15);

    Lbfgs.Result distributed = trainer.fitLbfgs(data, options);
    Lbfgs.Result local = Lbfgs.minimize(FullBatch.of(alone, BLOBS, PARTITIONS), alone.parameters(), options);

    assertThat(distributed.x()).isEqualTo(local.x());
    assertThat(distributed.evaluations()).isEqualTo(local.evaluations());
    assertThat(onSpark.parameters()).isEqualTo(local.x());
    assertThat(distributed.value()).isLessThan(0.3); // from ln 3 ≈ 1.1
    assertThat(Metrics.accuracy(onSpark, BLOBS)).isAtLeast(0.9);
  }

  @Test
  void theTrainedModelIsAnOrdinaryModelToSaveLoadAndUseWithoutSpark(@TempDir Path dir) throws Exception {
    Nets_ClassifierModel model = new Nets_ClassifierModel(7);
    new SparkTrainer<>(model, Nets_ClassifierModel::new, Optimizer.adam(0.05)).fit(data, 20, 1, 0);
    Path file = dir.resolve("blobs.unrl");

    model.save(file);
    Nets_ClassifierModel loaded = new Nets_ClassifierModel(0);
    loaded.load(file);

    assertThat(loaded.parameters()).isEqualTo(model.parameters());
    double[] fromTrained = new double[3];
    double[] fromLoaded = new double[3];
    model.predict(BLOBS.featureRow(0), fromTrained);
    loaded.predict(BLOBS.featureRow(0), fromLoaded);
    assertThat(fromLoaded).isEqualTo(fromTrained);
    assertThat(Metrics.accuracy(loaded, BLOBS)).isAtLeast(0.85);
  }

  @Test
  void trainsOnTargetRowsForRegression() {
    int n = 300;
    double[][] x = new double[n][2];
    double[][] y = new double[n][1];
    for (int i = 0; i < n; i++) {
      x[i][0] = -1 + 2.0 * i / n;
      x[i][1] = Math.cos(i);
      y[i][0] = 0.5 * x[i][0] - 0.3 * x[i][1];
    }
    Dataset plane = Dataset.ofTargets(x, y);
    Nets_RegressorModel model = new Nets_RegressorModel(8);
    Nets_RegressorModel alone = new Nets_RegressorModel(8);
    SparkTrainer<Nets_RegressorModel> trainer = new SparkTrainer<>(model, Nets_RegressorModel::new, Optimizer.sgd(0.1));

    try (TrainingData rows = TrainingData.of(LocalSpark.context(), plane, 2)) {
      Lbfgs.Result r = trainer.fitLbfgs(rows, Lbfgs.options().maxIterations(30));
      Lbfgs.Result local = Lbfgs.minimize(FullBatch.of(alone, plane, 2), alone.parameters(),
          Lbfgs.options().maxIterations(30));

      assertThat(r.x()).isEqualTo(local.x());
      assertThat(r.value()).isLessThan(1e-3);
    }
  }

  @Test
  void aStepWhoseSampleIsEmptyTakesNoStepButCounts() {
    Nets_ClassifierModel model = new Nets_ClassifierModel(9);
    double[] before = model.parameters();
    SparkTrainer<Nets_ClassifierModel> trainer = new SparkTrainer<>(model, Nets_ClassifierModel::new, Optimizer.sgd(0.1));

    double loss = trainer.step(data, 1e-9, 1); // 700 rows · 1e-9: almost surely none

    assertThat(loss).isNaN();
    assertThat(model.parameters()).isEqualTo(before);
    assertThat(trainer.steps()).isEqualTo(1);
  }

  @Test
  void stopsWithTheLastFiniteParametersWhenTheLossOverflows() {
    double[][] x = {{1e150, 1e150}, {-1e150, 1e150}};
    double[][] y = {{1}, {0}};
    Nets_RegressorModel model = new Nets_RegressorModel(10);
    SparkTrainer<Nets_RegressorModel> trainer = new SparkTrainer<>(model, Nets_RegressorModel::new, Optimizer.sgd(1e200));

    try (TrainingData huge = TrainingData.of(LocalSpark.context(), Dataset.ofTargets(x, y), 1)) {
      // tanh saturates: a finite loss, then output weights near 1e200 and a squared error past the double range.
      trainer.step(huge);
      double[] before = model.parameters();
      ArithmeticException e = assertThrows(ArithmeticException.class, () -> trainer.step(huge));

      assertThat(e).hasMessageThat().contains("at step 1; training diverged: lower the learning rate");
      assertThat(model.parameters()).isEqualTo(before);
    }
  }

  @Test
  void rejectsAModelThatDoesNotFitTheRows() {
    Nets_RegressorModel twoInputs = new Nets_RegressorModel(0);
    SparkTrainer<Nets_RegressorModel> trainer = new SparkTrainer<>(twoInputs, Nets_RegressorModel::new, Optimizer.sgd(0.1));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.step(data));

    assertThat(e).hasMessageThat().isEqualTo("the model takes 2 inputs but the rows have 4 features");
  }

  @Test
  void rejectsLabelsBeyondTheOutputLayer() {
    List<Sample> rows = samples(BLOBS);
    rows.set(10, Sample.labeled(rows.get(10).features(), 3));
    Nets_ClassifierModel model = new Nets_ClassifierModel(0);
    SparkTrainer<Nets_ClassifierModel> trainer = new SparkTrainer<>(model, Nets_ClassifierModel::new, Optimizer.sgd(0.1));

    try (TrainingData bad = TrainingData.of(LocalSpark.context().parallelize(rows, 2), 2)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.step(bad));
      assertThat(e).hasMessageThat().isEqualTo("the rows have label 3 but the model has 3 outputs (labels 0..2);"
          + " declare as many output units as classes");
    }
  }

  @Test
  void namesTheRowOfAValueThatIsNotFinite() {
    List<Sample> rows = samples(BLOBS);
    double[] x = rows.get(400).features().clone();
    x[2] = Double.NaN;
    rows.set(400, Sample.labeled(x, 0));
    JavaRDD<Sample> rdd = LocalSpark.context().parallelize(rows, 2);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingData.of(rdd, 2));

    assertThat(e).hasMessageThat().startsWith("feature row 400, column 2 is NaN but every value must be finite");
  }

  @Test
  void namesTheFirstRowOfAnotherWidth() {
    List<Sample> rows = samples(BLOBS);
    for (int r = 350; r < rows.size(); r++) {
      rows.set(r, Sample.labeled(new double[5], 0)); // the whole second input partition
    }
    JavaRDD<Sample> rdd = LocalSpark.context().parallelize(rows, 2);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingData.of(rdd, 1));

    assertThat(e).hasMessageThat().isEqualTo("row 350 has 5 features and class labels but row 0 has 4 and class"
        + " labels; every row must have the same shape");
  }

  @Test
  void rejectsAFactoryForAnotherNetworkAndSettingsOutOfRange() {
    Nets_ClassifierModel model = new Nets_ClassifierModel(0);

    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new SparkTrainer<Model>(model, Nets_FloatClassifierModel::new, Optimizer.sgd(0.1))))
        .hasMessageThat().contains("pass the model's own constructor");
    SparkTrainer<Nets_ClassifierModel> trainer = new SparkTrainer<>(model, Nets_ClassifierModel::new, Optimizer.sgd(0.1));
    assertThat(assertThrows(IllegalArgumentException.class, () -> trainer.step(data, 0, 1)))
        .hasMessageThat().contains("mini-batch fraction is 0.0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> trainer.aggregationDepth(0)))
        .hasMessageThat().contains("aggregation depth is 0");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> TrainingData.of(LocalSpark.context().parallelize(samples(BLOBS), 2), 0)))
        .hasMessageThat().contains("partitions is 0");
  }

  /** The sampled rows of step t, summed on one machine in the documented order. */
  static GradientSum sampledReference(Model model, Dataset rows, double fraction, long seed, long t) {
    return sampledReference(model, rows, fraction, seed, t, PARTITIONS);
  }

  /** What a Spark step over {@code partitions} sums, computed on one machine. */
  static GradientSum sampledReference(Model model, Dataset rows, double fraction, long seed, long t, int partitions) {
    GradientSum.Tree tree = new GradientSum.Tree(partitions);
    for (int k = 0; k < partitions; k++) {
      PartitionSum sum = new PartitionSum(model);
      for (long r = GradientSum.partitionStart(rows.size(), partitions, k);
          r < GradientSum.partitionStart(rows.size(), partitions, k + 1); r++) {
        if (Sampling.includes(seed, t, r, fraction)) {
          sum.add(rows, (int) r);
        }
      }
      tree.add(sum.finish(k, partitions));
    }
    return tree.total();
  }

  static List<Sample> samples(Dataset rows) {
    List<Sample> samples = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      samples.add(Sample.labeled(rows.featureRow(r), rows.label(r)));
    }
    return samples;
  }

  static double maxRelativeDifference(double[] a, double[] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      double scale = Math.max(Math.abs(a[i]), Math.abs(b[i]));
      if (scale > 0) {
        worst = Math.max(worst, Math.abs(a[i] - b[i]) / scale);
      }
    }
    return worst;
  }
}
