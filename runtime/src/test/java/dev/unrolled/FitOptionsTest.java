package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unrolled.train.ConsoleListener;
import dev.unrolled.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FitOptionsTest {
  @Test
  void defaultsAreSilentWithoutValidationOrEarlyStopping() {
    FitOptions options = FitOptions.epochs(10);

    assertThat(options.epochs()).isEqualTo(10);
    assertThat(options.batchSize()).isEqualTo(32);
    assertThat(options.validation()).isEmpty();
    assertThat(options.earlyStopping()).isFalse();
    assertThat(options.restoreBestWeights()).isFalse();
    assertThat(options.shuffleSeed()).isEqualTo(0);
    assertThat(options.listeners()).isEmpty();
    assertThat(options.checkpointEvery()).isEqualTo(0);
    assertThat(options.checkpointEveryFile()).isEmpty();
    assertThat(options.checkpointBestFile()).isEmpty();
  }

  @Test
  void everySettingReturnsANewInstance() {
    FitOptions base = FitOptions.epochs(10);

    FitOptions changed = base.batchSize(8).earlyStopping(3).shuffleSeed(4).minDelta(0.01);

    assertThat(base.batchSize()).isEqualTo(32);
    assertThat(base.earlyStopping()).isFalse();
    assertThat(changed.batchSize()).isEqualTo(8);
    assertThat(changed.patience()).isEqualTo(3);
    assertThat(changed.restoreBestWeights()).isTrue();
    assertThat(changed.minDelta()).isEqualTo(0.01);
    assertThat(changed.shuffleSeed()).isEqualTo(4);
  }

  @Test
  void listenersAccumulateAndQuietDropsOnlyConsoleOnes() {
    TrainingListener custom = new TrainingListener() {};
    ConsoleListener console = new ConsoleListener(new PrintStream(new ByteArrayOutputStream()));

    FitOptions options = FitOptions.epochs(1).listener(custom).listener(console);

    assertThat(options.listeners()).containsExactly(custom, console).inOrder();
    assertThat(options.quiet().listeners()).containsExactly(custom);
    assertThat(FitOptions.epochs(1).console().listeners().get(0)).isInstanceOf(ConsoleListener.class);
  }

  @Test
  void checkpointsSurviveOtherSettingsAndShowInToString() {
    FitOptions options = FitOptions.epochs(10).checkpointEvery(5, Path.of("every.unrl"))
        .checkpointBest(Path.of("best.unrl")).batchSize(16);

    assertThat(options.checkpointEvery()).isEqualTo(5);
    assertThat(options.checkpointEveryFile()).hasValue(Path.of("every.unrl"));
    assertThat(options.checkpointBestFile()).hasValue(Path.of("best.unrl"));
    assertThat(options.toString()).isEqualTo("FitOptions[epochs=10, batchSize=16, shuffleSeed=0, listeners=0, "
        + "checkpointEvery=5 to every.unrl, checkpointBest=best.unrl]");
    assertThat(FitOptions.epochs(3).toString())
        .isEqualTo("FitOptions[epochs=3, batchSize=32, shuffleSeed=0, listeners=0]");
  }

  @Test
  void invalidCheckpointsNameTheirValue() {
    Path file = Path.of("model.unrl");

    assertThat(assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(1).checkpointEvery(0, file)))
        .hasMessageThat().contains("checkpointEvery is 0 epochs");
    assertThat(assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(1).checkpointEvery(1, null)))
        .hasMessageThat().contains("checkpointEvery file is null");
    assertThat(assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(1).checkpointBest(null)))
        .hasMessageThat().contains("checkpointBest file is null");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> FitOptions.epochs(1).checkpointEvery(2, file).checkpointBest(Path.of("./model.unrl"))))
        .hasMessageThat().isEqualTo("checkpointEvery and checkpointBest both write ./model.unrl; give them "
            + "different files, or each would overwrite the other's checkpoint");
  }

  @Test
  void invalidSettingsNameTheirValue() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(0)))
        .hasMessageThat().contains("epochs is 0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(1).batchSize(0)))
        .hasMessageThat().contains("batchSize is 0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(1).earlyStopping(0)))
        .hasMessageThat().contains("patience is 0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(1).minDelta(-1)))
        .hasMessageThat().contains("minDelta is -1.0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(1).listener(null)))
        .hasMessageThat().contains("listener is null");
  }
}
