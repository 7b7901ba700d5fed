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
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < BLOBS.size(); r++) {
      rows.add(RowFactory.create(Vectors.dense(BLOBS.featureRow(r)), (double) BLOBS.label(r)));
    }
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
  void namesAMissingColumnAndALabelThatIsNotAClassIndex() {
    List<Row> rows = List.of(RowFactory.create(Vectors.dense(1, 2, 3, 4), 1.5));
    org.apache.spark.sql.Dataset<Row> frame = LocalSpark.session().createDataFrame(rows, SCHEMA);

    assertThat(assertThrows(IllegalArgumentException.class, () -> TrainingData.of(frame, "features", "target", 1)))
        .hasMessageThat().isEqualTo("the frame has no column \"target\"; its columns are [features, label]");
    assertThat(assertThrows(IllegalArgumentException.class, () -> TrainingData.of(frame, "features", "label", 1)))
        .hasMessageThat().startsWith("label 1.5 in \"label\" is not a class index");
  }
}
