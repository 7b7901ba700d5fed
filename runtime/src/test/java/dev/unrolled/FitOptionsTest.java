package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
