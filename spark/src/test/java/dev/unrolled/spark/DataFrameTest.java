package dev.unrolled.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Dataset;
import dev.unrolled.Optimizer;
import dev.unrolled.fullbatch.FullBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** DataFrames as MLlib's estimators take them: a vector column of features and a label column. */
class DataFrameTest {
  private static final Dataset BLOBS = LocalSpark.blobs(200, 21);
  private static final StructType SCHEMA = new StructType()
      .add("features", SQLDataTypes.VectorType())
      .add("label", DataTypes.DoubleType);

  @Test
  void aVectorColumnAndALabelColumnGiveTheSameGradientAsTheRowsOnOneMachine() {
    List<Row> rows = rows(BLOBS);
    Nets_ClassifierModel model = new Nets_ClassifierModel(3);
    SparkTrainer<Nets_ClassifierModel> trainer = new SparkTrainer<>(model, Nets_ClassifierModel::new, Optimizer.sgd(0.1));
    double[] expected = new double[model.parameterCount()];
    double expectedLoss = FullBatch.of(new Nets_ClassifierModel(3), BLOBS, 2).evaluate(model.parameters(), expected);

    // One input partition keeps the rows in the order they were given.
    try (TrainingData data = TrainingData.of(LocalSpark.session().createDataFrame(rows, SCHEMA).coalesce(1),
        "features", "label", 2)) {
      double[] g = new double[model.parameterCount()];
      double loss = trainer.objective(data).evaluate(model.parameters(), g);

      assertThat(loss).isEqualTo(expectedLoss);
      assertThat(g).isEqualTo(expected);
      assertThat(data.size()).isEqualTo(200);
      assertThat(data.featureCount()).isEqualTo(4);
    }
  }

  @Test
  void aFrameOfTheDriversRowsIsShippedFromTheDriverAndGivesTheSameGradient() {
    org.apache.spark.sql.Dataset<Row> frame = LocalSpark.session().createDataFrame(rows(BLOBS), SCHEMA);
    Nets_ClassifierModel model = new Nets_ClassifierModel(4);
    SparkTrainer<Nets_ClassifierModel> trainer = new SparkTrainer<>(model, Nets_ClassifierModel::new, Optimizer.sgd(0.1));
    double[] expected = new double[model.parameterCount()];
    double expectedLoss = FullBatch.of(new Nets_ClassifierModel(4), BLOBS, 3).evaluate(model.parameters(), expected);

    assertThat(frame.isLocal()).isTrue(); // the rows live on the driver: the path under test
    try (TrainingData data = TrainingData.of(frame, "features", "label", 3)) {
      double[] g = new double[model.parameterCount()];

      assertThat(trainer.objective(data).evaluate(model.parameters(), g)).isEqualTo(expectedLoss);
      assertThat(g).isEqualTo(expected);
      assertThat(data.partitions()).isEqualTo(3);
    }
  }

  @Test
  void toDataFrameGivesTheRowsBackInOrderInTheSamePartitions() {
    try (TrainingData data = TrainingData.of(LocalSpark.context(), BLOBS, 3)) {
      org.apache.spark.sql.Dataset<Row> frame = data.toDataFrame(LocalSpark.session());
      List<Row> back = frame.collectAsList();

      assertThat(frame.javaRDD().getNumPartitions()).isEqualTo(3);
      assertThat(back).hasSize(BLOBS.size());
      for (int r = 0; r < BLOBS.size(); r++) {
        assertThat(((org.apache.spark.ml.linalg.Vector) back.get(r).get(0)).toArray()).isEqualTo(BLOBS.featureRow(r));
        assertThat(back.get(r).getDouble(1)).isEqualTo((double) BLOBS.label(r));
      }
    }
  }

  @Test
  void toDataFrameGivesTargetRowsAsVectors() {
    Dataset regression = Dataset.ofTargets(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[][] {{0.5}, {-1}, {2}});
    try (TrainingData data = TrainingData.of(LocalSpark.context(), regression, 2)) {
      List<Row> back = data.toDataFrame(LocalSpark.session()).collectAsList();

      assertThat(((org.apache.spark.ml.linalg.Vector) back.get(1).get(0)).toArray()).isEqualTo(new double[] {3, 4});
      assertThat(((org.apache.spark.ml.linalg.Vector) back.get(2).get(1)).toArray()).isEqualTo(new double[] {2});
    }
  }

  private static List<Row> rows(Dataset data) {
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < data.size(); r++) {
      rows.add(RowFactory.create(Vectors.dense(data.featureRow(r)), (double) data.label(r)));
    }
    return rows;
  }

  @Test
  void namesAMissingColumnAndALabelThatIsNotAClassIndex() {
    List<Row> rows = List.of(RowFactory.create(Vectors.dense(1, 2, 3, 4), 1.5));
    org.apache.spark.sql.Dataset<Row> frame = LocalSpark.session().createDataFrame(rows, SCHEMA);

    assertThat(assertThrows(IllegalArgumentException.class, () -> TrainingData.of(frame, "features", "target", 1)))
        .hasMessageThat().isEqualTo("the frame has no column \"target\"; its columns are [features, label]");
    assertThat(assertThrows(IllegalArgumentException.class, () -> TrainingData.of(frame, "features", "label", 1)))
        .hasMessageThat().startsWith("label 1.5 in \"label\" is not a class index");
  }
}
