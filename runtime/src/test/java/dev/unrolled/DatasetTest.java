package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.testing.LogisticModel;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private static Dataset labelled(int rows, int classes) {
    double[][] features = new double[rows][2];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      features[r][0] = r;
      features[r][1] = -r;
      labels[r] = r % classes;
    }
    return Dataset.ofLabels(features, labels, classes);
  }

  private static IllegalArgumentException rejected(Runnable construction) {
    return assertThrows(IllegalArgumentException.class, construction::run);
  }

  @Test
  void describesItsShape() {
    Dataset data = Dataset.ofLabels(new float[][] {{1, 2, 3}, {4, 5, 6}}, new int[] {0, 2}, 3);

    assertThat(data.size()).isEqualTo(2);
    assertThat(data.featureCount()).isEqualTo(3);
    assertThat(data.hasLabels()).isTrue();
    assertThat(data.classCount()).isEqualTo(3);
    assertThat(data.targetWidth()).isEqualTo(3);
    assertThat(data.label(1)).isEqualTo(2);
    assertThat(data.toString()).isEqualTo("Dataset[2 rows, 3 float features, 3 classes]");
  }

  @Test
  void emptyRaggedAndNonFiniteRowsAreRejected() {
    assertThat(rejected(() -> Dataset.ofLabels(new double[0][], new int[0], 2)))
        .hasMessageThat().contains("features have no rows");
    assertThat(rejected(() -> Dataset.ofLabels(new double[][] {{1, 2}, {3}}, new int[2], 2)))
        .hasMessageThat().contains("features row 1 has 1 columns but row 0 has 2");
    assertThat(rejected(() -> Dataset.ofLabels(new double[][] {{1, 2}, {3, Double.NaN}}, new int[2], 2)))
        .hasMessageThat().contains("features row 1, column 1 is NaN");
    assertThat(rejected(() -> Dataset.ofTargets(new float[][] {{1}}, new float[][] {{Float.POSITIVE_INFINITY}})))
        .hasMessageThat().contains("targets row 0, column 0 is Infinity");
  }

  @Test
  void missingRowsAreNamed() {
    assertThat(rejected(() -> Dataset.ofLabels((double[][]) null, new int[0], 2)))
        .hasMessageThat().isEqualTo("features are null; give one row per sample");
    assertThat(rejected(() -> Dataset.ofTargets(new float[][] {{1}}, new float[][] {{}})))
        .hasMessageThat().isEqualTo("targets row 0 has no columns; give at least one value per row");
    assertThat(rejected(() -> Dataset.ofTargets(new double[][] {{1}, null}, new double[][] {{1}, {2}})))
        .hasMessageThat().isEqualTo("features row 1 is null; give every row its values");
    assertThat(rejected(() -> Dataset.ofLabels(new float[][] {null}, new int[1], 2)))
        .hasMessageThat().isEqualTo("features row 0 is null; give every row its values");
  }

  @Test
  void nonFiniteValuesAreNamedWithRowColumnAndWhatIsNeeded() {
    assertThat(rejected(() -> Dataset.ofTargets(new double[][] {{0, 0}, {0, Double.NEGATIVE_INFINITY}},
        new double[][] {{0}, {0}})))
        .hasMessageThat().isEqualTo("features row 1, column 1 is -Infinity but every value must be finite; "
            + "replace missing or infinite values before building a Dataset");
  }

  @Test
  void labelsMustBeGiven() {
    assertThat(rejected(() -> Dataset.ofLabels(new double[][] {{1}, {2}}, null, 2)))
        .hasMessageThat().isEqualTo("features have 2 rows but labels are null; give one label per row");
  }

  @Test
  void labelsMustMatchRowsAndClasses() {
    double[][] features = {{1}, {2}, {3}};

    assertThat(rejected(() -> Dataset.ofLabels(features, new int[] {0, 1}, 2)))
        .hasMessageThat().contains("features have 3 rows but labels have 2");
    assertThat(rejected(() -> Dataset.ofLabels(features, new int[] {0, 1, 3}, 3)))
        .hasMessageThat().contains("label 3 at row 2 is outside [0, 3)");
    assertThat(rejected(() -> Dataset.ofLabels(features, new int[] {0, -1, 0}, 2)))
        .hasMessageThat().contains("label -1 at row 1");
    assertThat(rejected(() -> Dataset.ofLabels(features, new int[3], 0)))
        .hasMessageThat().contains("classes is 0");
    assertThat(rejected(() -> Dataset.ofTargets(features, new double[][] {{1}})))
        .hasMessageThat().contains("features have 3 rows but targets have 1");
  }

  @Test
  void copiesFeatureRowsInEitherPrecision() {
    Dataset data = Dataset.ofTargets(new double[][] {{1.5, -2}}, new double[][] {{0.25}});
    float[] f = new float[2];
    double[] d = new double[2];

    data.features(0, f);
    data.features(0, d);

    assertThat(f).usingExactEquality().containsExactly(1.5f, -2f).inOrder();
    assertThat(d).usingExactEquality().containsExactly(1.5, -2.0).inOrder();
    assertThat(data.featureRow(0)).usingExactEquality().containsExactly(1.5, -2.0).inOrder();
    assertThat(rejected(() -> data.features(0, new double[3])))
        .hasMessageThat().contains("the destination has 3 values but the dataset has 2 features");
  }

  @Test
  void labelsBecomeOneHotTargets() {
    Dataset data = Dataset.ofLabels(new double[][] {{0}, {0}}, new int[] {2, 0}, 3);
    double[] d = new double[] {9, 9, 9};
    float[] f = new float[3];

    data.targets(0, d);
    data.targets(1, f);

    assertThat(d).usingExactEquality().containsExactly(0.0, 0.0, 1.0).inOrder();
    assertThat(f).usingExactEquality().containsExactly(1f, 0f, 0f).inOrder();
  }

  @Test
  void twoClassLabelsFeedOneSigmoidOutputDirectly() {
    Dataset data = Dataset.ofLabels(new float[][] {{0}, {0}}, new int[] {1, 0}, 2);
    double[] one = new double[1];
    float[] zero = new float[1];

    data.targets(0, one);
    data.targets(1, zero);

    assertThat(one[0]).isEqualTo(1.0);
    assertThat(zero[0]).isEqualTo(0f);
  }

  @Test
  void targetWidthMismatchExplainsBothSides() {
    Dataset tenClasses = Dataset.ofLabels(new double[][] {{0}}, new int[] {7}, 10);
    Dataset pairs = Dataset.ofTargets(new double[][] {{0}}, new double[][] {{1, 2}});

    assertThat(rejected(() -> tenClasses.targets(0, new double[3])))
        .hasMessageThat().contains("the model has 3 outputs but the dataset has 10 classes");
    assertThat(rejected(() -> tenClasses.targets(0, new float[1])))
        .hasMessageThat().contains("the model has 1 outputs but the dataset has 10 classes");
    assertThat(rejected(() -> pairs.targets(0, new float[3])))
        .hasMessageThat().contains("the model has 3 outputs but the dataset's target rows have 2 values");
  }

  @Test
  void targetRowsAreCopied() {
    Dataset data = Dataset.ofTargets(new float[][] {{0}}, new float[][] {{0.5f, -1f}});
    double[] d = new double[2];

    data.targets(0, d);

    assertThat(d).usingExactEquality().containsExactly(0.5, -1.0).inOrder();
    assertThat(data.hasLabels()).isFalse();
    assertThat(data.targetWidth()).isEqualTo(2);
    assertThrows(IllegalStateException.class, data::classCount);
  }

  /** A batch's row indices come from the caller's own loop; one outside the rows is named, not an index error. */
  @Test
  void aRowOutsideTheDatasetIsNamedWhereATrainerCopiesIt() {
    Dataset data = Dataset.ofLabels(new double[][] {{1, 2}, {3, 4}}, new int[] {0, 1}, 2);

    IllegalArgumentException features = assertThrows(IllegalArgumentException.class,
        () -> data.features(2, new float[2]));
    IllegalArgumentException targets = assertThrows(IllegalArgumentException.class,
        () -> data.targets(-1, new double[2]));

    assertThat(features).hasMessageThat().isEqualTo("row 2 is outside the dataset's 2 rows [0, 2); batch row "
        + "indices name existing rows");
    assertThat(targets).hasMessageThat().startsWith("row -1 is outside the dataset's 2 rows");
  }

  @Test
  void subsetPicksRowsInOrder() {
    Dataset data = labelled(5, 5);

    Dataset picked = data.subset(new int[] {4, 1, 1});

    assertThat(picked.size()).isEqualTo(3);
    assertThat(picked.label(0)).isEqualTo(4);
    assertThat(picked.featureRow(2)).usingExactEquality().containsExactly(1.0, -1.0).inOrder();
    assertThat(rejected(() -> data.subset(new int[] {0, 5})))
        .hasMessageThat().contains("subset index 1 is row 5, outside [0, 5)");
    assertThat(rejected(() -> data.subset(new int[0])))
        .hasMessageThat().isEqualTo("subset needs at least one row index, but got none");
    assertThat(rejected(() -> data.subset(null)))
        .hasMessageThat().isEqualTo("subset needs at least one row index, but got null");
  }

  @Test
  void shufflingIsAPermutationFixedBySeed() {
    Dataset data = labelled(50, 50);

    int[] first = labelsOf(data.shuffled(7));
    int[] again = labelsOf(data.shuffled(7));
    int[] other = labelsOf(data.shuffled(8));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first).isNotEqualTo(labelsOf(data));
    int[] sorted = first.clone();
    Arrays.sort(sorted);
    assertThat(sorted).isEqualTo(labelsOf(data));
  }

  @Test
  void splitShufflesAndSizesBothParts() {
    Dataset data = labelled(10, 10);

    Dataset.Split split = data.split(0.7, 3);

    assertThat(split.train().size()).isEqualTo(7);
    assertThat(split.validation().size()).isEqualTo(3);
    Set<Integer> all = new HashSet<>();
    for (int label : labelsOf(split.train())) {
      all.add(label);
    }
    for (int label : labelsOf(split.validation())) {
      all.add(label);
    }
    assertThat(all).hasSize(10);
    assertThat(labelsOf(data.split(0.7, 3).train())).isEqualTo(labelsOf(split.train()));
  }

  @Test
  void splitMustLeaveBothPartsNonEmpty() {
    Dataset data = labelled(10, 2);

    assertThat(rejected(() -> data.split(1.0, 0))).hasMessageThat().contains("trainFraction is 1.0");
    assertThat(rejected(() -> data.split(0.99, 0)))
        .hasMessageThat().contains("split(0.99) of 10 rows leaves the validation part empty");
    assertThat(rejected(() -> data.split(0.01, 0)))
        .hasMessageThat().contains("leaves the train part empty");
  }

  @Test
  void stratifiedSplitKeepsClassProportions() {
    int[] labels = new int[100];
    Arrays.fill(labels, 80, 100, 1); // 80 of class 0, 20 of class 1
    Dataset data = Dataset.ofLabels(new double[100][1], labels, 2);

    Dataset.Split split = data.stratifiedSplit(0.75, 11);

    assertThat(countOf(split.train(), 0)).isEqualTo(60);
    assertThat(countOf(split.train(), 1)).isEqualTo(15);
    assertThat(countOf(split.validation(), 0)).isEqualTo(20);
    assertThat(countOf(split.validation(), 1)).isEqualTo(5);
  }

  @Test
  void stratifiedSplitNeedsLabels() {
    Dataset regression = Dataset.ofTargets(new double[][] {{1}, {2}}, new double[][] {{1}, {2}});

    assertThat(assertThrows(IllegalStateException.class, () -> regression.stratifiedSplit(0.5, 0)))
        .hasMessageThat().contains("stratifiedSplit needs class labels");
  }

  @Test
  void laterChangesToTheOuterArrayDoNotReachTheDataset() {
    double[][] features = {{1}, {2}};
    Dataset data = Dataset.ofLabels(features, new int[] {0, 1}, 2);

    features[0] = new double[] {Double.NaN, 5};

    assertThat(data.featureRow(0)).usingExactEquality().containsExactly(1.0);
  }

  @Test
  void withFeaturesKeepsLabelsAndTargetsAndChecksTheRows() {
    Dataset labelled = labelled(3, 2);
    Dataset regression = Dataset.ofTargets(new float[][] {{1}, {2}}, new float[][] {{0.5f}, {0.25f}});

    Dataset wider = labelled.withFeatures(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
    Dataset doubled = regression.withFeatures(new double[][] {{10}, {20}});

    assertThat(labelled.hasFloatFeatures()).isFalse();
    assertThat(wider.hasFloatFeatures()).isTrue();
    assertThat(wider.featureCount()).isEqualTo(3);
    assertThat(labelsOf(wider)).isEqualTo(labelsOf(labelled));
    assertThat(doubled.featureRow(1)).usingExactEquality().containsExactly(20.0);
    double[] target = new double[1];
    doubled.targets(1, target);
    assertThat(target).usingExactEquality().containsExactly(0.25);
    assertThat(rejected(() -> labelled.withFeatures(new double[][] {{1}, {2}})))
        .hasMessageThat().isEqualTo("the new features have 2 rows but the dataset has 3; give one feature row per "
            + "sample");
    assertThat(rejected(() -> labelled.withFeatures(new double[][] {{1}, {Double.NaN}, {3}})))
        .hasMessageThat().startsWith("features row 1, column 0 is NaN");
  }

  @Test
  void requireCompatibleNamesTheDataByItsRole() {
    LogisticModel model = new LogisticModel(2);
    Dataset threeFeatures = Dataset.ofLabels(new double[][] {{1, 2, 3}}, new int[] {1}, 2);
    Dataset threeClasses = Dataset.ofLabels(new double[][] {{1, 2}}, new int[] {2}, 3);

    labelled(4, 2).requireCompatible(model, "the test data");

    assertThat(rejected(() -> threeFeatures.requireCompatible(model, "the test data")))
        .hasMessageThat().isEqualTo("the test data has 3 features but the model takes 2 inputs; give rows as wide "
            + "as @Network(inputs = 2)");
    assertThat(rejected(() -> threeClasses.requireCompatible(model, "the test data")))
        .hasMessageThat().startsWith("the test data: the model has 1 outputs but the dataset has 3 classes");
  }

  private static int[] labelsOf(Dataset data) {
    int[] labels = new int[data.size()];
    for (int r = 0; r < labels.length; r++) {
      labels[r] = data.label(r);
    }
    return labels;
  }

  private static int countOf(Dataset data, int label) {
    int count = 0;
    for (int l : labelsOf(data)) {
      count += l == label ? 1 : 0;
    }
    return count;
  }
}
