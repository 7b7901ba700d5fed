package dev.unrolled.train;

import static com.google.common.truth.Truth.assertThat;

import dev.unrolled.History;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleListenerTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static History historyOf(EpochStats... epochs) {
    return History.of(List.of(epochs), false);
  }

  @Test
  void printsOneLinePerEpochWithEtaAndElapsedTime() {
    ConsoleListener console = new ConsoleListener(out);
    EpochStats first = new EpochStats(1, 0.5, 0.75, 0.6, 0.7, 100, 2.0, 50);
    EpochStats second = new EpochStats(2, 0.25, 0.875, 0.3, 0.8, 100, 4.0, 25);

    console.onFitStart(10, 4, 100);
    console.onBatchEnd(1, 1, 4, 0.5);
    console.onEpochEnd(first, historyOf(first));
    console.onEpochEnd(second, historyOf(first, second));

    String n = System.lineSeparator();
    assertThat(printed()).isEqualTo(
        "epoch  1/10  loss 0.5000  acc 0.7500  val_loss 0.6000  val_acc 0.7000  50 samples/s  eta 18.0s  elapsed 2.0s" + n
        + "epoch  2/10  loss 0.2500  acc 0.8750  val_loss 0.3000  val_acc 0.8000  25 samples/s  eta 24.0s  elapsed 6.0s" + n);
  }

  @Test
  void printsTheFirstTheLastAndEveryNthEpochWhenAsked() {
    ConsoleListener console = new ConsoleListener(out, false, 4);
    EpochStats[] epochs = new EpochStats[10];
    console.onFitStart(10, 1, 10);
    for (int e = 1; e <= 10; e++) {
      epochs[e - 1] = new EpochStats(e, 1.0 / e, Double.NaN, Double.NaN, Double.NaN, 10, 1, 10);
      console.onEpochEnd(epochs[e - 1], History.of(Arrays.asList(epochs).subList(0, e), false));
    }

    assertThat(printed().lines().map(l -> l.substring(0, 11)).toList())
        .containsExactly("epoch  1/10", "epoch  4/10", "epoch  8/10", "epoch 10/10").inOrder();
  }

  @Test
  void rejectsANonPositiveEpochInterval() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new ConsoleListener(out, false, 0));
  }

  @Test
  void leavesOutScoresThatWereNotMeasured() {
    ConsoleListener console = new ConsoleListener(out);
    EpochStats regression = new EpochStats(1, 1.25e-5, Double.NaN, Double.NaN, Double.NaN, 10, 90, 1000);

    console.onFitStart(1, 1, 10);
    console.onEpochEnd(regression, historyOf(regression));

    assertThat(printed()).isEqualTo("epoch 1/1  loss 1.250e-05  1000 samples/s  eta 0.0s  elapsed 1m30s"
        + System.lineSeparator());
  }

  @Test
  void progressBarRedrawsInPlaceAtMostAHundredTimesAnEpoch() {
    ConsoleListener console = new ConsoleListener(out, true);
    EpochStats stats = new EpochStats(1, 0.5, Double.NaN, Double.NaN, Double.NaN, 1000, 1, 1000);

    console.onFitStart(1, 1000, 1000);
    for (int batch = 1; batch <= 1000; batch++) {
      console.onBatchEnd(1, batch, 1000, 0.5);
    }
    console.onEpochEnd(stats, historyOf(stats));

    String text = printed();
    assertThat(text.chars().filter(c -> c == '\r').count()).isEqualTo(100 + 2); // redraws, then clearing
    assertThat(text).contains("epoch 1/1 [====================] 100%  loss 0.5000");
    assertThat(text).endsWith("\repoch 1/1  loss 0.5000  1000 samples/s  eta 0.0s  elapsed 1.0s"
        + System.lineSeparator());
  }

  @Test
  void withoutProgressBatchesPrintNothing() {
    ConsoleListener console = new ConsoleListener(out);

    console.onFitStart(1, 3, 30);
    console.onBatchEnd(1, 1, 3, 0.5);

    assertThat(printed()).isEmpty();
  }

  @Test
  void reportsAnEarlyStop() {
    ConsoleListener console = new ConsoleListener(out);
    EpochStats best = new EpochStats(1, 0.5, Double.NaN, 0.25, Double.NaN, 10, 1, 10);
    EpochStats worse = new EpochStats(2, 0.4, Double.NaN, 0.5, Double.NaN, 10, 1, 10);

    console.onFitEnd(History.of(List.of(best, worse), true));

    assertThat(printed()).isEqualTo("early stopping after epoch 2; best epoch 1 (val_loss 0.2500)"
        + System.lineSeparator());
  }

  @Test
  void durationsReadAsSecondsMinutesOrHours() {
    assertThat(ConsoleListener.duration(3.25)).isEqualTo("3.3s");
    assertThat(ConsoleListener.duration(125)).isEqualTo("2m05s");
    assertThat(ConsoleListener.duration(7500)).isEqualTo("2h05m");
  }
}
