package dev.unrolled.train;

import dev.unrolled.History;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints one line per epoch: loss, accuracy (when scored), validation loss and accuracy (when
 * present), throughput, estimated time left and time elapsed; on an interactive console also an
 * in-place progress bar during the epoch.
 *
 * <pre>
 * epoch  3/20  loss 0.4123  acc 0.8750  val_loss 0.5012  val_acc 0.8000  48213 samples/s  eta 2.1s  elapsed 0.4s
 * </pre>
 *
 * <p>Keeps per-fit state: use one instance for one fit at a time.
 */
public final class ConsoleListener implements TrainingListener {
  private static final int BAR_WIDTH = 20;

  private final PrintStream out;
  private final boolean progress;
  private final int everyEpochs;
  private int epochs;
  private int progressEvery;
  private int progressLength;

  /** Prints to {@code System.out}, with a progress bar when attached to a console. */
  public ConsoleListener() {
    this(System.out, System.console() != null);
  }

  /** Prints epoch lines to {@code out}, without a progress bar. */
  public ConsoleListener(PrintStream out) {
    this(out, false);
  }

  /** Prints epoch lines to {@code out}, and a {@code '\r'} progress bar when {@code progress}. */
  public ConsoleListener(PrintStream out, boolean progress) {
    this(out, progress, 1);
  }

  /**
   * Prints to {@code out} the first and last epoch and every {@code everyEpochs}-th in between,
   * with a {@code '\r'} progress bar when {@code progress}; long runs stay readable.
   */
  public ConsoleListener(PrintStream out, boolean progress, int everyEpochs) {
    if (out == null) {
      throw new IllegalArgumentException("out is null; pass a PrintStream such as System.out");
    }
    if (everyEpochs < 1) {
      throw new IllegalArgumentException("everyEpochs must be ≥ 1 but is " + everyEpochs);
    }
    this.out = out;
    this.progress = progress;
    this.everyEpochs = everyEpochs;
  }

  @Override
  public void onFitStart(int epochs, int batchesPerEpoch, int trainSize) {
    this.epochs = epochs;
    this.progressEvery = Math.max(1, batchesPerEpoch / 100); // at most ~100 redraws per epoch
    this.progressLength = 0;
  }

  @Override
  public void onBatchEnd(int epoch, int batch, int batchesPerEpoch, double batchLoss) {
    if (!progress || (batch % progressEvery != 0 && batch != batchesPerEpoch)) {
      return;
    }
    int filled = (int) ((long) BAR_WIDTH * batch / batchesPerEpoch);
    String line = epochLabel(epoch) + " [" + "=".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] "
        + String.format(Locale.ROOT, "%3d%%  loss %.4g", 100L * batch / batchesPerEpoch, batchLoss);
    out.print('\r' + line);
    progressLength = line.length();
  }

  @Override
  public void onEpochEnd(EpochStats stats, History soFar) {
    if (progressLength > 0) {
      out.print('\r' + " ".repeat(progressLength) + '\r');
      progressLength = 0;
    }
    int epoch = stats.epoch();
    if (epoch != 1 && epoch != epochs && epoch % everyEpochs != 0) {
      return;
    }
    double elapsed = 0;
    for (EpochStats e : soFar.epochs()) {
      elapsed += e.seconds();
    }
    double eta = (epochs - stats.epoch()) * elapsed / stats.epoch();
    out.println(epochLabel(stats.epoch()) + scores(stats)
        + String.format(Locale.ROOT, "  %.0f samples/s", stats.samplesPerSecond())
        + "  eta " + duration(eta) + "  elapsed " + duration(elapsed));
  }

  @Override
  public void onFitEnd(History history) {
    if (history.stoppedEarly()) {
      int best = history.bestEpoch();
      out.println("early stopping after epoch " + history.last().epoch() + "; best epoch " + best
          + (best == 0 ? "" : String.format(Locale.ROOT, " (val_loss %.4g)",
              history.epochs().get(best - 1).validationLoss())));
    }
  }

  private String epochLabel(int epoch) {
    int digits = Integer.toString(epochs).length();
    return String.format(Locale.ROOT, "epoch %" + digits + "d/%d", epoch, epochs);
  }

  private static String scores(EpochStats s) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  loss %.4g", s.trainLoss()));
    if (!Double.isNaN(s.trainAccuracy())) {
      line.append(String.format(Locale.ROOT, "  acc %.4f", s.trainAccuracy()));
    }
    if (s.hasValidation()) {
      line.append(String.format(Locale.ROOT, "  val_loss %.4g", s.validationLoss()));
      if (!Double.isNaN(s.validationAccuracy())) {
        line.append(String.format(Locale.ROOT, "  val_acc %.4f", s.validationAccuracy()));
      }
    }
    return line.toString();
  }

  /** {@code 3.2s}, {@code 4m05s} or {@code 2h07m}. */
  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    long s = Math.round(seconds);
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
