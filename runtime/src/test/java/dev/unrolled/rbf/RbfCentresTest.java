package dev.unrolled.rbf;

import static com.google.common.truth.Truth.assertThat;
import static dev.unrolled.Activation.IDENTITY;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Precision.DOUBLE;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Architecture;
import dev.unrolled.Architecture.Layer;
import dev.unrolled.Dataset;
import dev.unrolled.testing.VectorModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What {@link RbfCentres} refuses, and that a refusal leaves the model as it was. Where the centres
 * go is tested on generated models in the examples module.
 */
class RbfCentresTest {
  /** 2 inputs, 3 Gaussian units, one linear output. */
  private static final Architecture RBF = Architecture.withRbf(2, 3, MEAN_SQUARED_ERROR, DOUBLE,
      new Layer(1, IDENTITY));
  private static final double[][] FOUR_CORNERS = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}};

  private static Dataset dataset(double[][] features) {
    double[][] targets = new double[features.length][1];
    return Dataset.ofTargets(features, targets);
  }

  /** The exception {@code call} throws; the model it was given must keep its parameters. */
  private static IllegalArgumentException refused(VectorModel model, Executable call) {
    double[] before = model.parameters();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertThat(model.parameters()).usingExactEquality().containsExactly(before).inOrder();
    return e;
  }

  @Test
  void aModelWithoutRbfLayerIsRefusedNamingTheDeclarationToAdd() {
    VectorModel dense = VectorModel.filled(Architecture.of(2, MEAN_SQUARED_ERROR, DOUBLE, new Layer(1, IDENTITY)));

    IllegalArgumentException e = refused(dense, () -> RbfCentres.fromData(dense, dataset(FOUR_CORNERS), 7));

    assertThat(e).hasMessageThat().isEqualTo("the model (2 → 1 IDENTITY, MEAN_SQUARED_ERROR, DOUBLE) has no "
        + "RBF layer; declare one with rbf = @Rbf(units = …) on its @Network");
  }

  @Test
  void featuresOfAnotherWidthAreRefused() {
    VectorModel model = VectorModel.filled(RBF);
    double[][] threeColumns = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    IllegalArgumentException fromDataset = refused(model,
        () -> RbfCentres.fromData(model, dataset(threeColumns), 7));
    IllegalArgumentException fromRows = refused(model, () -> RbfCentres.fromData(model, threeColumns, 7));

    assertThat(fromDataset).hasMessageThat().isEqualTo("the features have 3 columns but the model has 2 inputs");
    assertThat(fromRows).hasMessageThat().isEqualTo("the features have 3 columns but the model has 2 inputs");
  }

  @Test
  void fewerDistinctRowsThanUnitsAreRefused() {
    VectorModel model = VectorModel.filled(RBF);
    double[][] twoDistinct = {{0, 0}, {1, 1}, {0, 0}, {1, 1}, {1, 1}};
    double[][] oneDistinct = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}};

    IllegalArgumentException two = refused(model, () -> RbfCentres.fromData(model, twoDistinct, 7));
    IllegalArgumentException one = refused(model, () -> RbfCentres.fromData(model, dataset(oneDistinct), 7));

    assertThat(two).hasMessageThat().isEqualTo("the data has only 2 distinct rows but the RBF layer has 3 "
        + "units, and k-means needs a distinct row for every centre; declare fewer units or pass more data");
    assertThat(one).hasMessageThat().startsWith("the data has only 1 distinct row but the RBF layer has 3 units");
  }

  @Test
  void aNegativeIterationLimitIsRefused() {
    VectorModel model = VectorModel.filled(RBF);

    IllegalArgumentException e = refused(model, () -> RbfCentres.fromData(model, dataset(FOUR_CORNERS), 7, -1));

    assertThat(e).hasMessageThat().isEqualTo("maxIterations is -1; give 0 or more (0: k-means++ seeds only)");
  }

  @Test
  void nullArgumentsAreRefusedByName() {
    VectorModel model = VectorModel.filled(RBF);

    IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
        () -> RbfCentres.fromData(null, dataset(FOUR_CORNERS), 7));
    IllegalArgumentException noData = refused(model, () -> RbfCentres.fromData(model, (Dataset) null, 7));

    assertThat(noModel).hasMessageThat().isEqualTo("model is null");
    assertThat(noData).hasMessageThat().isEqualTo("data is null");
  }
}
