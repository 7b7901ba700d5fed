package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static dev.unrolled.Activation.IDENTITY;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static dev.unrolled.Precision.FLOAT;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.Architecture.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an architecture with a radial-basis-function layer counts, prints and equals. */
class ArchitectureTest {
  /** The Surface example's network: 2 inputs, 20 Gaussian units, one linear output. */
  private static final Architecture SURFACE = Architecture.withRbf(2, 20, MEAN_SQUARED_ERROR, FLOAT,
      new Layer(1, IDENTITY));

  @Test
  void anRbfLayerCountsItsCentresAndOneLogWidthPerUnit() {
    assertThat(SURFACE.hasRbf()).isTrue();
    assertThat(SURFACE.rbfUnits()).isEqualTo(20);
    assertThat(SURFACE.rbfParameterCount()).isEqualTo(20 * 2 + 20);
    assertThat(SURFACE.parameterCount()).isEqualTo((20 * 2 + 20) + (20 * 1 + 1));
    assertThat(SURFACE.outputs()).isEqualTo(1);
  }

  @Test
  void theFirstDenseLayerTakesTheRbfUnitsAsItsInputs() {
    Architecture architecture = Architecture.withRbf(3, 5, SOFTMAX_CROSS_ENTROPY, DOUBLE,
        new Layer(4, TANH), new Layer(2, IDENTITY));

    assertThat(architecture.parameterCount()).isEqualTo((5 * 3 + 5) + (4 * 5 + 4) + (2 * 4 + 2));
  }

  @Test
  void hugeRbfLayersAreCountedWithoutOverflow() {
    Architecture architecture = Architecture.withRbf(100_000, 100_000, MEAN_SQUARED_ERROR, FLOAT,
        new Layer(10, IDENTITY));

    assertThat(architecture.rbfParameterCount()).isEqualTo(10_000_100_000L);
    assertThat(architecture.parameterCount()).isEqualTo(10_000_100_000L + 1_000_010L);
  }

  @Test
  void theRbfLayerAppearsBetweenTheInputsAndTheDenseLayers() {
    Architecture architecture = Architecture.withRbf(3, 5, SOFTMAX_CROSS_ENTROPY, DOUBLE,
        new Layer(4, TANH), new Layer(2, IDENTITY));

    assertThat(SURFACE.toString()).isEqualTo("2 → 20 RBF → 1 IDENTITY, MEAN_SQUARED_ERROR, FLOAT");
    assertThat(architecture.toString())
        .isEqualTo("3 → 5 RBF → 4 TANH → 2 IDENTITY, SOFTMAX_CROSS_ENTROPY, DOUBLE");
  }

  @Test
  void aNetworkWithoutRbfLayerHasZeroRbfUnitsAndPrintsAsBefore() {
    Architecture viaConstructor = new Architecture(2, List.of(new Layer(1, IDENTITY)), MEAN_SQUARED_ERROR, FLOAT);
    Architecture viaFactory = Architecture.of(2, MEAN_SQUARED_ERROR, FLOAT, new Layer(1, IDENTITY));

    assertThat(viaConstructor.rbfUnits()).isEqualTo(0);
    assertThat(viaConstructor.hasRbf()).isFalse();
    assertThat(viaConstructor.rbfParameterCount()).isEqualTo(0);
    assertThat(viaConstructor.parameterCount()).isEqualTo(3);
    assertThat(viaConstructor).isEqualTo(viaFactory);
    assertThat(viaConstructor.toString()).isEqualTo("2 → 1 IDENTITY, MEAN_SQUARED_ERROR, FLOAT");
  }

  @Test
  void withRbfOfZeroUnitsIsANetworkWithoutOne() {
    assertThat(Architecture.withRbf(2, 0, MEAN_SQUARED_ERROR, FLOAT, new Layer(1, IDENTITY)))
        .isEqualTo(Architecture.of(2, MEAN_SQUARED_ERROR, FLOAT, new Layer(1, IDENTITY)));
  }

  @Test
  void theRbfLayerIsPartOfWhatAnArchitectureIs() {
    Architecture dense = Architecture.of(2, MEAN_SQUARED_ERROR, FLOAT, new Layer(1, IDENTITY));
    Architecture wider = Architecture.withRbf(2, 21, MEAN_SQUARED_ERROR, FLOAT, new Layer(1, IDENTITY));

    assertThat(SURFACE).isNotEqualTo(dense);
    assertThat(dense).isNotEqualTo(SURFACE);
    assertThat(SURFACE).isNotEqualTo(wider);
    assertThat(SURFACE).isEqualTo(Architecture.withRbf(2, 20, MEAN_SQUARED_ERROR, FLOAT, new Layer(1, IDENTITY)));
    assertThat(SURFACE.hashCode())
        .isEqualTo(Architecture.withRbf(2, 20, MEAN_SQUARED_ERROR, FLOAT, new Layer(1, IDENTITY)).hashCode());
  }

  @Test
  void negativeRbfUnitsAreRejectedNamingTheFix() {
    IllegalArgumentException viaFactory = assertThrows(IllegalArgumentException.class,
        () -> Architecture.withRbf(2, -1, MEAN_SQUARED_ERROR, FLOAT, new Layer(1, IDENTITY)));
    IllegalArgumentException viaConstructor = assertThrows(IllegalArgumentException.class,
        () -> new Architecture(2, -20, List.of(new Layer(1, IDENTITY)), MEAN_SQUARED_ERROR, FLOAT));

    assertThat(viaFactory).hasMessageThat().isEqualTo("rbfUnits is -1; give 0 for no RBF layer");
    assertThat(viaConstructor).hasMessageThat().isEqualTo("rbfUnits is -20; give 0 for no RBF layer");
  }

  @Test
  void anRbfLayerStillNeedsAnOutputLayer() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Architecture.withRbf(2, 20, MEAN_SQUARED_ERROR, FLOAT));

    assertThat(e).hasMessageThat().isEqualTo("layers is empty; an architecture has at least an output layer");
  }

  @Test
  void theLayerTableNumbersTheRbfLayerFirstAndGivesEachLayerItsBlocks() {
    List<Architecture.LayerSpan> table = SURFACE.table(); // 2 → 20 RBF → 1 IDENTITY

    assertThat(table).hasSize(2);
    Architecture.LayerSpan rbf = table.get(0);
    Architecture.LayerSpan output = table.get(1);
    assertThat(List.of(rbf.kind(), rbf.number(), rbf.inputs(), rbf.outputs(), rbf.offset()))
        .containsExactly(Architecture.Kind.RBF, 1, 2, 20, 0L).inOrder();
    assertThat(rbf.blocks()).containsExactly(
        new Architecture.Block("C", "RBF centre", 0, 20, 2, true, false),
        new Architecture.Block("s", "RBF log-width", 40, 20, 1, false, false)).inOrder();
    assertThat(List.of(output.kind(), output.number(), output.inputs(), output.outputs(), output.offset()))
        .containsExactly(Architecture.Kind.DENSE, 2, 20, 1, 60L).inOrder();
    assertThat(output.blocks()).containsExactly(
        new Architecture.Block("W", "weight", 60, 1, 20, true, true),
        new Architecture.Block("b", "bias", 80, 1, 1, false, false)).inOrder();
    assertThat(SURFACE.parameterCount()).isEqualTo(81);
  }

  @Test
  void aMatrixOfOneInputIsStillNamedWithTwoIndices() {
    // 1 → 16 TANH → 1: W1 at [0, 16), b1 at [16, 32), W2 at [32, 48), b2 at 48.
    List<Architecture.LayerSpan> table = Architecture.of(1, MEAN_SQUARED_ERROR, FLOAT,
        new Layer(16, Activation.TANH), new Layer(1, IDENTITY)).table();

    assertThat(table.get(0).describe(3)).hasValue("layer 1 weight W[3][0]");
    assertThat(table.get(0).describe(16)).hasValue("layer 1 bias b[0]");
    assertThat(table.get(0).describe(32)).isEmpty();
    assertThat(table.get(1).describe(47)).hasValue("layer 2 weight W[0][15]");
    assertThat(table.get(1).describe(48)).hasValue("layer 2 bias b[0]");
  }

  @Test
  void anAbsurdArchitectureSaturatesInsteadOfOverflowing() {
    int max = Integer.MAX_VALUE;
    Architecture absurd = Architecture.of(max, MEAN_SQUARED_ERROR, FLOAT, new Layer(max, IDENTITY),
        new Layer(max, IDENTITY), new Layer(max, IDENTITY));

    assertThat(absurd.table().get(2).offset()).isEqualTo(2 * ((long) max * max + max)); // still below 2⁶³
    assertThat(absurd.parameterCount()).isEqualTo(Long.MAX_VALUE); // the third layer's blocks pass it
  }

  @Test
  void aDropoutOfMinusZeroIsDropoutZero() {
    Layer negativeZero = new Layer(4, TANH, Norm.NONE, -0.0);

    assertThat(negativeZero).isEqualTo(new Layer(4, TANH));
    assertThat(Double.doubleToRawLongBits(negativeZero.dropout())).isEqualTo(0L);
  }

  @Test
  void runningEstimatesAreTheBatchLayersMeansThenVariancesInLayerOrder() {
    Architecture architecture = Architecture.withRbf(2, 5, Loss.MEAN_SQUARED_ERROR, Precision.FLOAT,
        new Architecture.Layer(3, Activation.TANH, Norm.BATCH, 0.1), new Architecture.Layer(4, Activation.RELU, Norm.LAYER, 0),
        new Architecture.Layer(2, Activation.IDENTITY, Norm.BATCH, 0));

    assertThat(architecture.runningEstimateCount()).isEqualTo(10);
    assertThat(architecture.runningEstimate(0).toString()).isEqualTo("layer 2 running mean rm[0]");
    assertThat(architecture.runningEstimate(5).toString()).isEqualTo("layer 2 running variance rv[2]");
    assertThat(architecture.runningEstimate(6).toString()).isEqualTo("layer 4 running mean rm[0]");
    assertThat(architecture.runningEstimate(9).toString()).isEqualTo("layer 4 running variance rv[1]");
    assertThrows(IndexOutOfBoundsException.class, () -> architecture.runningEstimate(10));
  }
}
