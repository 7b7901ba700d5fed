package dev.unrolled;

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
 * validation data. Buffers are allocated once per fit: the batch loop allocates nothing.
 */
public final class Fit {
  private Fit() {}

  /**
   * Trains {@code trainer}'s model on {@code train} as {@code options} say and returns what each
   * epoch measured. With early stopping and restoring, the model ends with its best epoch's
   * parameters.
   *
   * @throws IllegalArgumentException if the data does not fit the model, or early stopping has no
   *     validation data
   */
  public static History run(Trainer trainer, Dataset train, FitOptions options) {
    requireArgument(trainer, "trainer");
    requireArgument(options, "options");
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
    requireArgument(trainer, "trainer");
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

  /** Checks the input width and the target width once, before any batch. */
  static void requireCompatible(Model model, Dataset data, String role) {
    requireArgument(data, role);
    if (data.featureCount() != model.inputSize()) {
      throw new IllegalArgumentException(role + " has " + data.featureCount() + " features but the model takes "
          + model.inputSize() + " inputs; give rows as wide as @Network(inputs = " + model.inputSize() + ")");
    }
    try {
      data.requireTargetWidth(model.outputSize());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(role + ": " + e.getMessage(), e);
    }
  }

  private static void requireArgument(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is null");
    }
  }
}
