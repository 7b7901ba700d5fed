package dev.unrolled.examples;

import static com.google.common.truth.Truth.assertThat;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.LearningRateSchedule;
import dev.unrolled.testing.SharedDataRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The examples on real data reach the accuracy the README promises, on held-out data. Each is
 * skipped, saying why, when {@code ../shared/data} does not have its files, and fails instead
 * under CI ({@link SharedDataRule}).
 */
class RealDataExamplesTest {

  private static Path shared(String relative) {
    Path path = SharedData.find(relative);
    SharedDataRule.require(Files.exists(path), relative);
    return path;
  }

  @Test
  void irisReachesNinetyThreePercentOnHeldOutFlowers() throws IOException {
    Iris.Result result = Iris.run(shared("iris.csv"), FitOptions.epochs(200).batchSize(16).shuffleSeed(1));

    assertThat(result.testAccuracy()).isAtLeast(0.93);
    assertThat(result.confusion().total()).isEqualTo(30);
    assertThat(result.classNames()).containsExactly("setosa", "versicolor", "virginica").inOrder();
  }

  @Test
  void digitsReachNinetyFivePercentOnHeldOutImages() throws IOException {
    Digits.Result result = Digits.run(shared("sklearn/digits.csv.gz"),
        FitOptions.epochs(60).batchSize(32).shuffleSeed(1));

    assertThat(result.testAccuracy()).isAtLeast(0.95);
    assertThat(result.confusion().total()).isEqualTo(359); // 20% of each digit, rounded per class
  }

  @Test
  void mnistReachesNinetySevenAndAHalfPercentInTenEpochs() throws IOException {
    Mnist.Result result = Mnist.run(Mnist.read(shared("mnist")), FitOptions.epochs(10).batchSize(32).shuffleSeed(1));

    assertThat(result.history().epochs()).hasSize(10);
    assertThat(result.confusion().total()).isEqualTo(10_000);
    assertThat(result.testAccuracy()).isAtLeast(0.975);
  }

  @Test
  void fashionMnistWithBatchNormalisationReachesEightyNineAndAHalfPercentInEightEpochs() throws IOException {
    FashionMnist.Result result =
        FashionMnist.trainNormalised(FashionMnist.read(shared("fashion-mnist")), FashionMnist.BUDGET);

    assertThat(result.history().epochs()).hasSize(8);
    assertThat(result.confusion().total()).isEqualTo(10_000);
    assertThat(result.testAccuracy()).isAtLeast(0.895);
  }

  @Test
  void fashionMnistPlainAndNormalisedNetworksGetTheSameBudget() throws IOException {
    Dataset.Split data = FashionMnist.read(shared("fashion-mnist"));
    Dataset.Split slice = new Dataset.Split(data.train().subset(IntStream.range(0, 1_000).toArray()),
        data.validation().subset(IntStream.range(0, 500).toArray()));
    FitOptions options = FitOptions.epochs(2).batchSize(64).shuffleSeed(1);

    FashionMnist.Result plain = FashionMnist.trainPlain(slice, options);
    FashionMnist.Result normalised = FashionMnist.trainNormalised(slice, options);

    assertThat(plain.optimizer().toString()).isEqualTo(normalised.optimizer().toString());
    assertThat(plain.optimizer().schedule()).isEqualTo(LearningRateSchedule.cosine(32, 0.0)); // 2 × ⌈1,000/64⌉
    for (FashionMnist.Result result : new FashionMnist.Result[] {plain, normalised}) {
      assertThat(result.history().epochs()).hasSize(2);
      assertThat(result.history().last().samples()).isEqualTo(1_000);
      assertThat(result.confusion().total()).isEqualTo(500);
    }
  }
}
