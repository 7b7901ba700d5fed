package dev.unrolled.train;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Model;
import dev.unrolled.Trainer;
import dev.unrolled.data.Shuffling;
import dev.unrolled.metrics.Evaluation;

/**
 * The dataset-level training loop shared by every generated trainer.
 *
 * <pre>{@code
 * History history = Fit.run(trainer, train, FitOptions.epochs(100).validation(test).console());
 * Evaluation result = Fit.evaluate(trainer, test);
 * }</pre>
 *
 * <p>Each epoch reshuffles one permutation of the training rows in place (seeded Fisher–Yates), takes
 * one {@link Trainer#trainBatch(Dataset, int[], int, int) optimizer step} per batch, then scores the
 * validation data. Buffers are allocated once per fit: the batch loop allocates nothing. The data is
 * checked once, before the first batch; a batch loss that is NaN or infinite stops the fit with a
 * {@link TrainingDivergedException}.
 */
public final class Fit {
  private Fit() {}

  /**
   * Trains {@code trainer}'s model on {@code train} as {@code options} say and returns what each
   * epoch measured. With early stopping and restoring, the model ends with its best epoch's
   * parameters.
   *
   * @throws IllegalArgumentException if the data does not fit the model (widths, targets the loss
   *     cannot train on, values beyond a FLOAT model's range), or early stopping has no validation data
   * @throws TrainingDivergedException if a batch loss is NaN or infinite; the model keeps the
   *     parameters from before that batch
   */
  public static History run(Trainer trainer, Dataset train, FitOptions options) {
    requireArgument(trainer, "trainer", "pass the generated trainer of your model");
    requireArgument(options, "options", "pass e.g. FitOptions.epochs(100)");
    requireCompatible(trainer.model(), train, "the training data");
    Dataset validation = options.validation().orElse(null);
    if (validation != null) {
      requireCompatible(trainer.model(), validation, "the validation data");
    }
    if (options.earlyStopping() && validation == null) {
      throw new IllegalArgumentException("earlyStopping(" + options.patience()
          + ") monitors the validation loss, but there is no validation data; add .validation(dataset)");
    }
    return new FitLoop(trainer, train, validation, options).run();
  }

  /** Mean loss and accuracy over {@code data}, in batches of {@link FitOptions#DEFAULT_BATCH_SIZE}. */
  public static Evaluation evaluate(Trainer trainer, Dataset data) {
    return evaluate(trainer, data, FitOptions.DEFAULT_BATCH_SIZE);
  }

  /** Mean loss and accuracy over {@code data}, in batches of {@code batchSize}; no parameter changes. */
  public static Evaluation evaluate(Trainer trainer, Dataset data, int batchSize) {
    requireArgument(trainer, "trainer", "pass the generated trainer of your model");
    requireCompatible(trainer.model(), data, "the data");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize is " + batchSize + "; give at least 1 sample per batch");
    }
    int[] rows = Shuffling.identity(data.size());
    return FitLoop.evaluate(trainer, data, rows, batchSize, isScored(trainer.model(), data));
  }

  /** Accuracy means something for class labels or a cross-entropy model, not for plain regression. */
  static boolean isScored(Model model, Dataset data) {
    return data.hasLabels() || model.loss().isCrossEntropy();
  }

  /** {@link Dataset#requireCompatible}, after a null check that names the data. */
  private static void requireCompatible(Model model, Dataset data, String role) {
    requireArgument(data, role, "pass a Dataset");
    data.requireCompatible(model, role);
  }

  private static void requireArgument(Object value, String name, String fix) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is null; " + fix);
    }
  }
}
