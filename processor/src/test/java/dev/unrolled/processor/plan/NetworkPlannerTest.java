package dev.unrolled.processor.plan;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.processor.plan.CodeShape.LANES;
import static dev.unrolled.processor.plan.CodeShape.LOOPED;
import static dev.unrolled.processor.plan.CodeShape.UNROLLED;
import static dev.unrolled.processor.plan.CodeShape.VECTOR;

import dev.unrolled.Backend;
import dev.unrolled.Loss;
import dev.unrolled.Norm;
import dev.unrolled.processor.model.Declarations;
import dev.unrolled.processor.model.NetworkDeclaration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The planner on declarations built from numbers (no javac): which layers are unrolled, looped or
 * get vector tiles, how unrolled code is split into methods, and where each layer's parameters sit.
 * The thresholds are stated here as numbers (a layer unrolls up to 512 weights and 64 units on either
 * side; vector tiles need 16 units; batch lanes go to vector-backend layers that unroll or have at
 * most 24 units a side), not read back from the planner.
 */
class NetworkPlannerTest {
  private static List<LayerPlan> plan(NetworkDeclaration declaration) {
    return new NetworkPlanner().plan(declaration).layers();
  }

  private static List<CodeShape> shapes(NetworkDeclaration declaration) {
    return plan(declaration).stream().map(LayerPlan::shape).toList();
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
      "8,  64, UNROLLED", // 512 weights
      "64, 8,  UNROLLED",
      "16, 32, UNROLLED",
      "22, 23, UNROLLED", // 506
      "1,  64, UNROLLED",
      "64, 1,  UNROLLED",
      "16, 33, LOOPED", // 528 weights
      "23, 23, LOOPED", // 529
      "8,  65, LOOPED", // 65 units
      "1,  65, LOOPED",
      "65, 1,  LOOPED", // 65 inputs
      "784, 10, LOOPED"})
  void aLayerUnrollsUpTo512WeightsAnd64UnitsOnEitherSide(int inputs, int units, CodeShape shape) {
    assertThat(shapes(Declarations.network(inputs).dense(units).build())).containsExactly(shape);
    // The same rule for a hidden layer, whose inputs are the previous layer's units.
    assertThat(shapes(Declarations.network(2).dense(inputs, TANH).dense(units).build()).get(1)).isEqualTo(shape);
  }

  @ParameterizedTest(name = "{0} inputs → {1} Gaussian units: {2}")
  @CsvSource({
      "8,  64, UNROLLED",
      "64, 8,  UNROLLED",
      "16, 32, UNROLLED",
      "16, 33, LOOPED",
      "8,  65, LOOPED",
      "65, 1,  LOOPED"})
  void theRbfLayerTakesTheDenseLayersSizeRule(int inputs, int units, CodeShape shape) {
    assertThat(shapes(Declarations.network(inputs).rbf(units).dense(1).build()).get(0)).isEqualTo(shape);
  }

  @ParameterizedTest(name = "{0} → {1} on {2}: {3}")
  @CsvSource({
      "100, 16,  VECTOR, VECTOR",
      "100, 200, VECTOR, VECTOR",
      "100, 15,  VECTOR, LOOPED", // a 16-lane tile would be all remainder
      "16,  16,  VECTOR, LANES", // small enough to unroll: one sample per lane instead
      "24,  24,  VECTOR, LANES", // 576 weights, too many to unroll, but tiles would be one vector and a remainder
      "24,  25,  VECTOR, VECTOR",
      "32,  32,  VECTOR, VECTOR", // whole vectors: the tiles beat the lanes at every batch measured
      "8,   64,  VECTOR, LANES", // 512 weights: unrolls in the plain backend
      "24,  24,  PLAIN,  LOOPED", // the lanes' plain loops lose to rows in the plain backend
      "100, 16,  PLAIN,  LOOPED",
      "100, 200, PLAIN,  LOOPED"})
  void vectorTilesGoToWideLayersOfAtLeast16UnitsAndBatchLanesToNarrowOnes(int inputs, int units, Backend backend, CodeShape shape) {
    assertThat(shapes(Declarations.network(inputs).dense(units, RELU).backend(backend).build()))
        .containsExactly(shape);
  }

  @Test
  void aNarrowLayerAfterTheFirstRunsItsBackwardPassInVectorTilesOverItsInputs() {
    List<LayerPlan> layers = plan(Declarations.network(784).dense(128, RELU).dense(10)
        .loss(Loss.SOFTMAX_CROSS_ENTROPY).backend(Backend.VECTOR).build());

    assertThat(layers.stream().map(LayerPlan::shape).toList()).containsExactly(VECTOR, VECTOR).inOrder();
    assertThat(layers.stream().map(LayerPlan::tilesOverInputs).toList()).containsExactly(false, true).inOrder();
    // the weight gradient's rows and vector columns swap: 10 rows of 128 inputs, not 128 rows of 10
    assertThat(layers.get(1).gradientRows()).isEqualTo(10);
    assertThat(layers.get(1).gradientColumns()).isEqualTo(128);
    assertThat(layers.get(0).gradientRows()).isEqualTo(784);
    assertThat(layers.get(0).gradientColumns()).isEqualTo(128);
  }

  @Test
  void aNarrowFirstLayerOrOneWithDropoutStaysLooped() {
    // the first layer sends no deltas back, and streams its gradient rows to the optimizer instead
    assertThat(shapes(Declarations.network(784).dense(10).loss(Loss.SOFTMAX_CROSS_ENTROPY)
        .backend(Backend.VECTOR).build())).containsExactly(LOOPED);
    assertThat(shapes(Declarations.network(784).dense(128, RELU).dense(10, RELU, Norm.NONE, 0.5).dense(10)
        .loss(Loss.SOFTMAX_CROSS_ENTROPY).backend(Backend.VECTOR).build()).get(1)).isEqualTo(LOOPED);
    assertThat(shapes(Declarations.network(784).dense(128, RELU).dense(10).loss(Loss.SOFTMAX_CROSS_ENTROPY)
        .backend(Backend.PLAIN).build())).containsExactly(LOOPED, LOOPED).inOrder();
  }

  @Test
  void theRbfLayerIsLayerOneNeverGetsVectorTilesAndTheDenseLayersFollowFromTwo() {
    List<LayerPlan> layers = plan(Declarations.network(100).rbf(300).dense(16, RELU).dense(3)
        .loss(Loss.SOFTMAX_CROSS_ENTROPY).backend(Backend.VECTOR).build());

    assertThat(layers.stream().map(LayerPlan::number).toList()).containsExactly(1, 2, 3).inOrder();
    assertThat(layers.stream().map(LayerPlan::shape).toList()).containsExactly(LOOPED, VECTOR, LANES).inOrder();
    assertThat(layers.stream().map(LayerPlan::inputs).toList()).containsExactly(100, 300, 16).inOrder();
    assertThat(layers.stream().map(LayerPlan::outputs).toList()).containsExactly(300, 16, 3).inOrder();
  }

  @Test
  void withoutAnRbfLayerTheDenseLayersStartAtOne() {
    List<LayerPlan> layers = plan(Declarations.network(4).dense(16, TANH).dense(3).build());

    assertThat(layers.stream().map(LayerPlan::number).toList()).containsExactly(1, 2).inOrder();
    assertThat(layers.stream().map(LayerPlan::inputs).toList()).containsExactly(4, 16).inOrder();
    assertThat(layers.stream().map(LayerPlan::outputs).toList()).containsExactly(16, 3).inOrder();
  }

  /**
   * Offsets in the flat layout: each layer's {@code W} then {@code b} (centres then widths for the
   * RBF layer), so a layer starts {@code in·out + out} after the previous one. The numbers are worked
   * out by hand; the last is the total parameter count.
   */
  @Test
  void weightOffsetsFollowTheFlatLayout() {
    // 4·16 + 16 = 80; 80 + 16·3 + 3 = 131.
    assertOffsets(Declarations.network(4).dense(16, TANH).dense(3).build(), List.of(0, 80), 131);
    // 2·20 + 20 = 60; 60 + 20·8 + 8 = 228; 228 + 8 + 1 = 237.
    assertOffsets(Declarations.network(2).rbf(20).dense(8, TANH).dense(1).build(), List.of(0, 60, 228), 237);
    // 784·256 + 256 = 200,960; + 256·128 + 128 = 233,856; + 128·10 + 10 = 235,146.
    assertOffsets(Declarations.network(784).dense(256, RELU).dense(128, RELU).dense(10).build(),
        List.of(0, 200_960, 233_856), 235_146);
    // 100·300 + 300 = 30,300; + 300·16 + 16 = 35,116; + 16·3 + 3 = 35,167.
    assertOffsets(Declarations.network(100).rbf(300).dense(16, RELU).dense(3).backend(Backend.VECTOR).build(),
        List.of(0, 30_300, 35_116), 35_167);
  }

  private static void assertOffsets(NetworkDeclaration declaration, List<Integer> offsets, int parameters) {
    List<LayerPlan> layers = plan(declaration);
    assertThat(layers.stream().map(LayerPlan::weightOffset).toList()).containsExactlyElementsIn(offsets).inOrder();
    LayerPlan last = layers.get(layers.size() - 1);
    assertThat(last.weightOffset() + last.inputs() * last.outputs() + last.outputs()).isEqualTo(parameters);
  }

  /**
   * Unrolled layers: forward and gradient chunks cover the units, propagation chunks the inputs (from
   * layer 2 on, never for the RBF layer), each exactly once, and every chunk's estimate fits one
   * method. Looped and vector layers have no chunks.
   */
  @Test
  void unrolledChunksCoverEveryUnitOnceAndFitTheMethodBudget() {
    int split = 0;
    for (NetworkDeclaration declaration : List.of(
        Declarations.network(4).dense(16, TANH).dense(3).build(),
        Declarations.network(64).dense(8, TANH).dense(64, TANH).dense(8).build(),
        Declarations.network(16).dense(32).build(),
        Declarations.network(8).rbf(64).dense(8, TANH).dense(1).build(),
        Declarations.network(64).rbf(8).dense(64, TANH).dense(1).build(),
        Declarations.network(784).dense(64, RELU).dense(64, RELU).dense(8).build())) {
      List<LayerPlan> layers = plan(declaration);
      for (LayerPlan layer : layers) {
        boolean radial = declaration.hasRbf() && layer.number() == 1;
        String where = declaration.inputs() + " inputs, layer " + layer.number();
        if (layer.shape() != UNROLLED) {
          assertWithMessage(where).that(layer.forwardChunks()).isEmpty();
          assertWithMessage(where).that(layer.gradientChunks()).isEmpty();
          assertWithMessage(where).that(layer.propagateChunks()).isEmpty();
          continue;
        }
        int in = layer.inputs();
        assertCovers(where + " forward", layer.forwardChunks(), layer.outputs());
        assertCovers(where + " gradient", layer.gradientChunks(), layer.outputs());
        for (Chunk c : layer.forwardChunks()) {
          assertFits(where + " forward " + c, radial ? BytecodeBudget.radialForwardBytes(in, c.size())
              : BytecodeBudget.forwardBytes(in, c.size()));
        }
        for (Chunk c : layer.gradientChunks()) {
          assertFits(where + " gradient " + c, radial ? BytecodeBudget.radialGradientBytes(in, c.size())
              : BytecodeBudget.gradientBytes(in, c.size()));
        }
        if (layer.number() == 1) {
          assertWithMessage(where).that(layer.propagateChunks()).isEmpty();
        } else {
          assertCovers(where + " propagate", layer.propagateChunks(), in);
          for (Chunk c : layer.propagateChunks()) {
            assertFits(where + " propagate " + c, BytecodeBudget.propagateBytes(c.size(), layer.outputs()));
          }
        }
        split += layer.forwardChunks().size() > 1 || layer.gradientChunks().size() > 1
            || layer.propagateChunks().size() > 1 ? 1 : 0;
      }
    }
    // Not only single-method layers: several of these must have been split.
    assertThat(split).isAtLeast(3);
  }

  @Test
  void theBudgetSplitsUnitsIntoChunksThatCoverThemOnceAndFit() {
    // (units, bytes of a method's fixed part, bytes per unit): one method, several, one unit each.
    int[][] cases = {{3, 28, 60}, {64, 56, 104}, {64, 448, 720}, {8, 0, 1_785}, {100, 0, 3_400}, {1, 7, 20}};
    for (int[] c : cases) {
      List<Chunk> chunks = BytecodeBudget.split(c[0], c[1], c[2]);
      String where = "split(" + c[0] + ", " + c[1] + ", " + c[2] + ")";
      assertCovers(where, chunks, c[0]);
      for (Chunk chunk : chunks) {
        assertFits(where + " " + chunk, c[1] + chunk.size() * c[2]);
      }
    }
    assertThat(BytecodeBudget.split(3, 28, 60)).hasSize(1);
    assertThat(BytecodeBudget.split(100, 0, 3_400)).hasSize(100);
  }

  @Test
  void theMethodBudgetLeavesRoomBelowHotSpotsLimitOf8000Bytes() {
    assertThat(BytecodeBudget.METHOD_BYTES).isLessThan(8_000);
  }

  /** {@code chunks} are non-empty, ascending and contiguous from 0 to {@code units}. */
  private static void assertCovers(String where, List<Chunk> chunks, int units) {
    assertWithMessage(where).that(chunks).isNotEmpty();
    int next = 0;
    for (Chunk chunk : chunks) {
      assertWithMessage("%s: %s after unit %s", where, chunk, next).that(chunk.from()).isEqualTo(next);
      assertWithMessage("%s: %s", where, chunk).that(chunk.to()).isGreaterThan(chunk.from());
      next = chunk.to();
    }
    assertWithMessage("%s: chunks end", where).that(next).isEqualTo(units);
  }

  private static void assertFits(String where, int estimatedBytes) {
    assertWithMessage("%s: estimated bytes", where).that(estimatedBytes).isAtMost(BytecodeBudget.METHOD_BYTES);
  }
}
