package dev.unrolled.processor.validate;

import static com.google.common.truth.Truth.assertThat;
import static dev.unrolled.Activation.ELU;
import static dev.unrolled.Activation.IDENTITY;
import static dev.unrolled.Activation.RELU;
import static dev.unrolled.Activation.SIGMOID;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SIGMOID_CROSS_ENTROPY;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;

import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Norm;
import dev.unrolled.processor.model.Declarations;
import dev.unrolled.processor.model.LayerDeclaration;
import dev.unrolled.processor.model.NetworkDeclaration;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules on sizes, budget, loss and depth, run on declarations built from numbers (no javac). Each
 * test names the catalogue entry it expects, its arguments, and the annotation and value it points
 * at; the texts come from {@link Message#format}, never from copies.
 */
class ArchitectureRulesTest {
  /** {@code Network.DEFAULT_MAX_PARAMETERS}, stated here. */
  private static final int DEFAULT_BUDGET = 50_000_000;

  private static ValidationReport check(NetworkDeclaration network) {
    ValidationReport report = new ValidationReport();
    ArchitectureRules.check(network, report);
    return report;
  }

  /** The one problem {@code network} has, after checking it is {@code message} with these arguments. */
  private static Problem only(NetworkDeclaration network, Message message, Object... args) {
    List<Problem> problems = check(network).problems();
    assertThat(problems).hasSize(1);
    Problem problem = problems.get(0);
    assertThat(problem.message()).isEqualTo(message);
    assertThat(problem.text()).isEqualTo(message.format(args));
    return problem;
  }

  private static void assertPointsAt(Problem problem, Object mirror, Object value) {
    assertThat(problem.mirror()).isSameInstanceAs(mirror);
    assertThat(problem.value()).isSameInstanceAs(value);
  }

  /** The dense layer with this number in the layer table (the RBF layer, if any, is layer 1). */
  private static LayerDeclaration layer(NetworkDeclaration network, int number) {
    LayerDeclaration layer = network.layers().get(number - 1 - (network.hasRbf() ? 1 : 0));
    assertThat(layer.number()).isEqualTo(number);
    return layer;
  }

  @Test
  void aCleanDeclarationHasNoProblems() {
    ValidationReport report = check(Declarations.network(4).dense(16, TANH).dense(3)
        .loss(SOFTMAX_CROSS_ENTROPY).build());

    assertThat(report.problems()).isEmpty();
    assertThat(report.isClean()).isTrue();
  }

  @Test
  void aCleanDeclarationWithAnRbfLayerHasNoProblems() {
    assertThat(check(Declarations.network(2).rbf(20).dense(8, TANH).dense(1).build()).problems()).isEmpty();
  }

  @Nested
  class Sizes {
    @ParameterizedTest
    @ValueSource(ints = {0, -3})
    void inputsMustBePositive(int inputs) {
      NetworkDeclaration network = Declarations.network(inputs).dense(3).build();

      Problem problem = only(network, Message.INPUTS_NOT_POSITIVE, inputs);

      assertThat(problem.message().kind()).isEqualTo(Diagnostic.Kind.ERROR);
      assertPointsAt(problem, network.mirror(), network.inputsValue());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5})
    void unitsMustBePositiveAndTheErrorNamesTheLayer(int units) {
      NetworkDeclaration network = Declarations.network(4).dense(8, TANH).dense(units, TANH).dense(2)
          .loss(SOFTMAX_CROSS_ENTROPY).build();

      Problem problem = only(network, Message.UNITS_NOT_POSITIVE, 2, units);

      assertPointsAt(problem, layer(network, 2).mirror(), layer(network, 2).unitsValue());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -20})
    void rbfUnitsMustBePositive(int units) {
      NetworkDeclaration network = Declarations.network(2).rbf(units).dense(1).build();

      Problem problem = only(network, Message.RBF_UNITS_NOT_POSITIVE, units);

      assertPointsAt(problem, network.rbf().mirror(), network.rbf().unitsValue());
    }

    @Test
    void aDenseLayerBehindAnRbfLayerIsNamedByItsNumberInTheLayerTable() {
      NetworkDeclaration network = Declarations.network(2).rbf(20).dense(8, TANH).dense(0).build();

      Problem problem = only(network, Message.UNITS_NOT_POSITIVE, 3, 0);

      assertPointsAt(problem, layer(network, 3).mirror(), layer(network, 3).unitsValue());
    }

    @Test
    void layersMustNotBeEmpty() {
      NetworkDeclaration network = Declarations.network(4).build();

      Problem problem = only(network, Message.NO_LAYERS);

      assertPointsAt(problem, network.mirror(), network.layersValue());
    }

    @Test
    void anRbfLayerWithoutDenseLayersIsOnlyTheMissingOutputLayer() {
      only(Declarations.network(4).rbf(10).build(), Message.NO_LAYERS);
    }

    @Test
    void at256LayersTheDeclarationIsClean() {
      assertThat(check(Declarations.network(1).dense(256, 1, RELU).build()).problems()).isEmpty();
    }

    @Test
    void at257LayersItHasTooMany() {
      NetworkDeclaration network = Declarations.network(1).dense(257, 1, RELU).build();

      Problem problem = only(network, Message.TOO_MANY_LAYERS, 257, 256);

      assertPointsAt(problem, network.mirror(), network.layersValue());
    }

    @Test
    void everyBadSizeIsReportedAndTheBudgetIsNotCountedWithoutThem() {
      // Huge enough to break the budget, but the sizes come first: no count from a negative size.
      ValidationReport report = check(Declarations.network(-1).rbf(0).dense(100_000, RELU).dense(0, RELU)
          .dense(100_000).build());

      assertThat(report.problems().stream().map(Problem::text).toList()).containsExactly(
          Message.INPUTS_NOT_POSITIVE.format(-1), Message.RBF_UNITS_NOT_POSITIVE.format(0),
          Message.UNITS_NOT_POSITIVE.format(3, 0)).inOrder(); // layer 3: behind the RBF layer
      assertThat(report.isClean()).isFalse();
    }
  }

  @Nested
  class Budget {
    @Test
    void theLargestLayerIsNamedAndPointedAtWhenTheBudgetIsTheDefault() {
      // 10·1,000 + 1,000 + 1,000·100,000 + 100,000 + 100,000·10 + 10; layer 2 has the most weights.
      NetworkDeclaration network = Declarations.network(10).dense(1_000, RELU).dense(100_000, RELU).dense(10)
          .build();

      Problem problem = only(network, Message.TOO_MANY_PARAMETERS, "101,111,010", DEFAULT_BUDGET, "layer 2",
          1_000, 100_000, "check the sizes for a typo, or raise maxParameters to at least 101,111,010 if you mean it");

      assertPointsAt(problem, layer(network, 2).mirror(), layer(network, 2).unitsValue());
    }

    @Test
    void anExplicitBudgetIsWhereTheErrorPoints() {
      NetworkDeclaration network = Declarations.network(100).dense(10).maxParameters(1_000).build();

      Problem problem = only(network, Message.TOO_MANY_PARAMETERS, "1,010", 1_000, "layer 1", 100, 10,
          "check the sizes for a typo, or raise maxParameters to at least 1,010 if you mean it");

      assertPointsAt(problem, network.mirror(), network.maxParametersValue());
    }

    @Test
    void aBudgetOfExactlyTheParameterCountIsMet() {
      assertThat(check(Declarations.network(100).dense(10).maxParameters(1_010).build()).problems()).isEmpty();
      only(Declarations.network(100).dense(10).maxParameters(1_009).build(), Message.TOO_MANY_PARAMETERS,
          "1,010", 1_009, "layer 1", 100, 10,
          "check the sizes for a typo, or raise maxParameters to at least 1,010 if you mean it");
    }

    @Test
    void moreParametersThanAnyModelCanHold() {
      // 100,000·100,000 + 100,000 + 100,000·10 + 10: past Integer.MAX_VALUE, so raising the budget cannot help.
      only(Declarations.network(100_000).dense(100_000, RELU).dense(10).loss(SOFTMAX_CROSS_ENTROPY).build(),
          Message.TOO_MANY_PARAMETERS, "10,001,100,010", DEFAULT_BUDGET, "layer 1", 100_000, 100_000,
          "no model can hold more than 2,147,483,647 parameters; check the sizes for a typo");
    }

    @Test
    void aCountBeyondTheRangeOfLongSaturates() {
      // Three layers of (2³¹ − 1)² weights: about 1.4 · 10¹⁹, past Long.MAX_VALUE.
      int max = Integer.MAX_VALUE;
      NetworkDeclaration network = Declarations.network(max).dense(max, RELU).dense(max, RELU).dense(max).build();

      Problem problem = only(network, Message.TOO_MANY_PARAMETERS, "more than 9,223,372,036,854,775,807",
          DEFAULT_BUDGET, "layer 1", 2_147_483_647, 2_147_483_647,
          "no model can hold more than 2,147,483,647 parameters; check the sizes for a typo");

      // All three are equally large: the first is named.
      assertPointsAt(problem, layer(network, 1).mirror(), layer(network, 1).unitsValue());
    }

    @Test
    void aLargestRbfLayerIsNamedAndPointedAt() {
      NetworkDeclaration network = Declarations.network(100_000).rbf(100_000).dense(10)
          .loss(SOFTMAX_CROSS_ENTROPY).build();

      Problem problem = only(network, Message.TOO_MANY_PARAMETERS, "10,001,100,010", DEFAULT_BUDGET,
          "layer 1 (RBF)", 100_000, 100_000,
          "no model can hold more than 2,147,483,647 parameters; check the sizes for a typo");

      assertPointsAt(problem, network.rbf().mirror(), network.rbf().unitsValue());
    }

    @Test
    void theRbfLayerCountsTowardsTheBudget() {
      // 10·100 + 100 centres and widths, 100·1 + 1 dense parameters.
      NetworkDeclaration network = Declarations.network(10).rbf(100).dense(1).maxParameters(1_000).build();

      Problem problem = only(network, Message.TOO_MANY_PARAMETERS, "1,201", 1_000, "layer 1 (RBF)", 10, 100,
          "check the sizes for a typo, or raise maxParameters to at least 1,201 if you mean it");

      assertPointsAt(problem, network.mirror(), network.maxParametersValue());
      assertThat(check(Declarations.network(10).rbf(100).dense(1).maxParameters(1_201).build()).problems())
          .isEmpty();
    }

    @Test
    void aDenseLayerLargerThanTheRbfLayerIsNamedByItsNumberInTheLayerTable() {
      // 2·10,000 + 10,000 + 10,000·10,000 + 10,000 + 10,000 + 1.
      NetworkDeclaration network = Declarations.network(2).rbf(10_000).dense(10_000, RELU).dense(1).build();

      Problem problem = only(network, Message.TOO_MANY_PARAMETERS, "100,050,001", DEFAULT_BUDGET, "layer 2",
          10_000, 10_000, "check the sizes for a typo, or raise maxParameters to at least 100,050,001 if you mean it");

      assertPointsAt(problem, layer(network, 2).mirror(), layer(network, 2).unitsValue());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void theBudgetMustBePositiveAndIsThenNotApplied(int budget) {
      NetworkDeclaration network = Declarations.network(100_000).dense(100_000).maxParameters(budget).build();

      Problem problem = only(network, Message.MAX_PARAMETERS_NOT_POSITIVE, budget, DEFAULT_BUDGET);

      assertPointsAt(problem, network.mirror(), network.maxParametersValue());
    }
  }

  @Nested
  class Losses {
    @ParameterizedTest
    @CsvSource({
        "SOFTMAX_CROSS_ENTROPY, RELU,    softmax",
        "SOFTMAX_CROSS_ENTROPY, SIGMOID, softmax",
        "SIGMOID_CROSS_ENTROPY, SIGMOID, the sigmoid",
        "SIGMOID_CROSS_ENTROPY, TANH,    the sigmoid"})
    void aCrossEntropyOutputMustBeIdentity(Loss loss, Activation activation, String applied) {
      NetworkDeclaration network = Declarations.network(4).dense(8, TANH).dense(3, activation).loss(loss).build();

      Problem problem = only(network, Message.CROSS_ENTROPY_OUTPUT_ACTIVATION, loss, 2, activation, applied);

      assertPointsAt(problem, layer(network, 2).mirror(), layer(network, 2).activationValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"IDENTITY", "SIGMOID", "RELU", "SILU"})
    void anyOutputActivationIsFineWithMse(Activation activation) {
      assertThat(check(Declarations.network(4).dense(8, TANH).dense(3, activation).loss(MEAN_SQUARED_ERROR)
          .build()).problems()).isEmpty();
    }

    @Test
    void behindAnRbfLayerTheOutputLayerIsNamedByItsNumberInTheLayerTable() {
      NetworkDeclaration network = Declarations.network(2).rbf(20).dense(8, TANH).dense(3, Activation.SOFTPLUS)
          .loss(SOFTMAX_CROSS_ENTROPY).build();

      Problem problem = only(network, Message.CROSS_ENTROPY_OUTPUT_ACTIVATION, SOFTMAX_CROSS_ENTROPY, 3,
          Activation.SOFTPLUS, "softmax");

      assertPointsAt(problem, layer(network, 3).mirror(), layer(network, 3).activationValue());
    }

    @Test
    void softmaxNeedsTwoOutputs() {
      NetworkDeclaration network = Declarations.network(4).dense(8, TANH).dense(1).loss(SOFTMAX_CROSS_ENTROPY)
          .build();

      Problem problem = only(network, Message.SOFTMAX_NEEDS_TWO_OUTPUTS, 1);

      assertPointsAt(problem, layer(network, 2).mirror(), layer(network, 2).unitsValue());
    }

    @Test
    void oneOutputIsFineForTheSigmoidAndTwoForSoftmax() {
      assertThat(check(Declarations.network(4).dense(1).loss(SIGMOID_CROSS_ENTROPY).build()).problems())
          .isEmpty();
      assertThat(check(Declarations.network(4).dense(2).loss(SOFTMAX_CROSS_ENTROPY).build()).problems())
          .isEmpty();
    }

    @Test
    void anActivatedSingleSoftmaxOutputHasBothErrors() {
      ValidationReport report = check(Declarations.network(4).dense(1, TANH).loss(SOFTMAX_CROSS_ENTROPY).build());

      assertThat(report.problems().stream().map(Problem::text).toList()).containsExactly(
          Message.CROSS_ENTROPY_OUTPUT_ACTIVATION.format(SOFTMAX_CROSS_ENTROPY, 1, TANH, "softmax"),
          Message.SOFTMAX_NEEDS_TWO_OUTPUTS.format(1)).inOrder();
    }
  }

  @Nested
  class Dropout {
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.2, 0.5, 0.999})
    void aProbabilityInZeroToOneOnAHiddenLayerIsClean(double p) {
      NetworkDeclaration network = Declarations.network(4).dense(16, RELU, Norm.BATCH, p).dense(3)
          .loss(SOFTMAX_CROSS_ENTROPY).build();

      assertThat(check(network).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aProbabilityOutsideZeroToOneIsAnErrorOnTheValue(double p) {
      NetworkDeclaration network = Declarations.network(4).dense(16, RELU).dense(8, RELU, null, p).dense(3)
          .loss(SOFTMAX_CROSS_ENTROPY).build();

      Problem problem = only(network, Message.DROPOUT_OUT_OF_RANGE, 2, p);

      assertThat(problem.message().kind()).isEqualTo(Diagnostic.Kind.ERROR);
      assertPointsAt(problem, layer(network, 2).mirror(), layer(network, 2).dropoutValue());
    }

    @Test
    void dropoutOnTheOutputLayerIsAnErrorOnTheValue() {
      NetworkDeclaration network = Declarations.network(2).rbf(5).dense(8, TANH).dense(1, IDENTITY, null, 0.3)
          .loss(MEAN_SQUARED_ERROR).build();

      Problem problem = only(network, Message.DROPOUT_ON_OUTPUT_LAYER, 3, 0.3);

      assertPointsAt(problem, layer(network, 3).mirror(), layer(network, 3).dropoutValue());
    }

    @Test
    void aZeroWrittenOnTheOutputLayerIsNoDropout() {
      NetworkDeclaration network = Declarations.network(4).dense(8, TANH).dense(3, IDENTITY, Norm.LAYER, 0.0)
          .loss(SOFTMAX_CROSS_ENTROPY).build();

      assertThat(check(network).problems()).isEmpty();
    }

    @Test
    void everyBadDropoutIsReported() {
      NetworkDeclaration network = Declarations.network(4).dense(8, TANH, null, 1.0).dense(8, TANH, null, -1.0)
          .dense(3, IDENTITY, null, 0.5).loss(SOFTMAX_CROSS_ENTROPY).build();

      assertThat(check(network).problems().stream().map(Problem::message).toList()).containsExactly(
          Message.DROPOUT_OUT_OF_RANGE, Message.DROPOUT_OUT_OF_RANGE, Message.DROPOUT_ON_OUTPUT_LAYER).inOrder();
    }
  }

  @Nested
  class Warnings {
    @Test
    void aHiddenLayerLeftAtTheDefaultActivation() {
      NetworkDeclaration network = Declarations.network(4).dense(8).dense(3).build();

      Problem problem = only(network, Message.IDENTITY_HIDDEN_LAYER, 1, " (the default)", 2);

      assertThat(problem.message().kind()).isEqualTo(Diagnostic.Kind.WARNING);
      // No activation value is written: the warning underlines the whole @Dense.
      assertPointsAt(problem, layer(network, 1).mirror(), null);
      assertThat(check(network).isClean()).isTrue();
    }

    @Test
    void aHiddenLayerWithAnExplicitIdentity() {
      NetworkDeclaration network = Declarations.network(4).dense(8, TANH).dense(8, IDENTITY).dense(3).build();

      Problem problem = only(network, Message.IDENTITY_HIDDEN_LAYER, 2, "", 3);

      assertPointsAt(problem, layer(network, 2).mirror(), layer(network, 2).activationValue());
    }

    @Test
    void behindAnRbfLayerTheWarningNamesLayersByTheirNumberInTheLayerTable() {
      NetworkDeclaration network = Declarations.network(2).rbf(20).dense(8).dense(1).build();

      Problem problem = only(network, Message.IDENTITY_HIDDEN_LAYER, 2, " (the default)", 3);

      assertPointsAt(problem, layer(network, 2).mirror(), null);
    }

    @Test
    void anIdentityOutputLayerIsNoWarning() {
      assertThat(check(Declarations.network(4).dense(3).build()).problems()).isEmpty();
    }

    @Test
    void fourHiddenSaturatingLayersAreFine() {
      assertThat(check(Declarations.network(4).dense(8, TANH).dense(8, SIGMOID).dense(8, TANH).dense(8, SIGMOID)
          .dense(1, SIGMOID).build()).problems()).isEmpty();
    }

    @Test
    void theFifthHiddenSaturatingLayerIsWarnedAboutOnce() {
      // Saturating hidden layers 1, 3, 4, 5 and 6 (layer 2 is RELU); 7 and 9 are saturating too.
      NetworkDeclaration network = Declarations.network(4).dense(8, TANH).dense(8, RELU).dense(8, SIGMOID)
          .dense(8, TANH).dense(8, SIGMOID).dense(8, TANH).dense(8, TANH).dense(8, ELU).dense(8, SIGMOID)
          .dense(2).build();

      Problem problem = only(network, Message.DEEP_SATURATING_LAYERS, 6, 5, 4);

      assertPointsAt(problem, layer(network, 6).mirror(), layer(network, 6).activationValue());
      assertThat(check(network).isClean()).isTrue();
    }
  }
}
