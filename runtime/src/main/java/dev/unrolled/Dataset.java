package dev.unrolled;

import dev.unrolled.data.Shuffling;
import dev.unrolled.data.Fingerprint;
import dev.unrolled.data.Standardizer;
import dev.unrolled.metrics.Metrics;
import dev.unrolled.train.Fit;
import java.util.Arrays;

/**
 * Immutable training data: feature rows ({@code float} or {@code double}, as given) with either
 * class labels or target rows. Everything is validated once at construction; the rows are then
 * shared, not copied, so do not modify the arrays you passed in.
 *
 * <pre>{@code
 * Dataset iris = Dataset.ofLabels(features, labels, 3);
 * Dataset.Split parts = iris.stratifiedSplit(0.8, 42);
 * Standardizer scale = Standardizer.fit(parts.train());
 * Dataset train = scale.apply(parts.train());
 * }</pre>
 *
 * <p>The row-copying methods ({@link #features(int, float[])}, {@link #targets(int, float[])} and
 * their {@code double} twins) are what generated trainers call per sample; they allocate nothing.
 */
public final class Dataset {
  private static final int FLOAT_RANGE = 1 << Loss.values().length; // bits below it: Loss ordinals

  private final RowTable features;
  private final int[] labels; // null when the dataset has target rows
  private final int classes; // 0 when the dataset has target rows
  private final RowTable targets; // null when the dataset has labels
  // Checks already passed (a bit per Loss ordinal, and FLOAT_RANGE): the rows never change, so a
  // fit after the first does not rescan them. A race can only lose a bit, which repeats a check.
  private volatile int passed;

  private Dataset(RowTable features, int[] labels, int classes, RowTable targets) {
    this.features = features;
    this.labels = labels;
    this.classes = classes;
    this.targets = targets;
  }

  /** Two parts of a dataset, from {@link #split} or {@link #stratifiedSplit}. */
  public record Split(Dataset train, Dataset validation) {}

  /** Features with class labels in {@code [0, classes)}. */
  public static Dataset ofLabels(double[][] features, int[] labels, int classes) {
    RowTable table = RowTable.of(features, "features");
    return new Dataset(table, checkedLabels(labels, classes, table.size()), classes, null);
  }

  /** Features with class labels in {@code [0, classes)}. */
  public static Dataset ofLabels(float[][] features, int[] labels, int classes) {
    RowTable table = RowTable.of(features, "features");
    return new Dataset(table, checkedLabels(labels, classes, table.size()), classes, null);
  }

  /** Features with one target row each (regression, or probability targets). */
  public static Dataset ofTargets(double[][] features, double[][] targets) {
    return withTargets(RowTable.of(features, "features"), RowTable.of(targets, "targets"));
  }

  /** Features with one target row each (regression, or probability targets). */
  public static Dataset ofTargets(float[][] features, float[][] targets) {
    return withTargets(RowTable.of(features, "features"), RowTable.of(targets, "targets"));
  }

  /** Number of samples (rows). */
  public int size() {
    return features.size();
  }

  /**
   * A 64-bit fingerprint of the contents: every feature value in the precision it is held in, the
   * labels and class count or the target rows, in row order. The same data give the same fingerprint
   * on every JDK and machine. A training checkpoint records it, so that a fit is never resumed on
   * other data — other rows, another order, another scaling. Reads every value: call it once, not per
   * batch.
   */
  public long fingerprint() {
    long h = features.fingerprint(Fingerprint.SEED);
    if (labels != null) {
      h = Fingerprint.add(h, classes);
      for (int label : labels) {
        h = Fingerprint.add(h, label);
      }
      return Fingerprint.finish(h);
    }
    return Fingerprint.finish(targets.fingerprint(Fingerprint.add(h, -1)));
  }

  /** Width of a feature row. */
  public int featureCount() {
    return features.width();
  }

  /** Whether the targets are class labels (otherwise target rows). */
  public boolean hasLabels() {
    return labels != null;
  }

  /** Number of classes. @throws IllegalStateException if the dataset has target rows */
  public int classCount() {
    requireLabels("classCount()");
    return classes;
  }

  /** The class label of {@code row}. @throws IllegalStateException if the dataset has target rows */
  public int label(int row) {
    requireLabels("label(int)");
    return labels[row];
  }

  /** The width of a target row: the class count for labels, else the target row width. */
  public int targetWidth() {
    return labels != null ? classes : targets.width();
  }

  /** Copies the features of {@code row} into {@code dst} (length {@link #featureCount()}). */
  public void features(int row, float[] dst) {
    if (dst.length != features.width()) {
      throw featureWidthMismatch(dst.length);
    }
    features.copy(requireRow(row), dst);
  }

  /** Copies the features of {@code row} into {@code dst} (length {@link #featureCount()}). */
  public void features(int row, double[] dst) {
    if (dst.length != features.width()) {
      throw featureWidthMismatch(dst.length);
    }
    features.copy(requireRow(row), dst);
  }

  /**
   * Writes the target of {@code row} into {@code dst}: the target row; for labels the one-hot row
   * (when {@code dst.length == classCount()}) or, for two classes and one output, the label itself.
   */
  public void targets(int row, float[] dst) {
    requireRow(row);
    if (labels == null) {
      requireTargetWidth(dst.length);
      targets.copy(row, dst);
    } else if (dst.length == classes) {
      Arrays.fill(dst, 0f);
      dst[labels[row]] = 1f;
    } else {
      requireTargetWidth(dst.length);
      dst[0] = labels[row];
    }
  }

  /** Writes the target of {@code row} into {@code dst}; see {@link #targets(int, float[])}. */
  public void targets(int row, double[] dst) {
    requireRow(row);
    if (labels == null) {
      requireTargetWidth(dst.length);
      targets.copy(row, dst);
    } else if (dst.length == classes) {
      Arrays.fill(dst, 0.0);
      dst[labels[row]] = 1.0;
    } else {
      requireTargetWidth(dst.length);
      dst[0] = labels[row];
    }
  }

  /**
   * Checks that a model with {@code outputs} outputs can train on these targets: target rows of that
   * width, labels of that many classes, or two classes for one (sigmoid) output.
   *
   * @throws IllegalArgumentException explaining the mismatch
   */
  public void requireTargetWidth(int outputs) {
    if (labels == null && outputs != targets.width()) {
      throw new IllegalArgumentException("the model has " + outputs + " outputs but the dataset's "
          + "target rows have " + targets.width() + " values; give target rows as wide as the output layer");
    }
    if (labels != null && outputs != classes && !(outputs == 1 && classes == 2)) {
      throw new IllegalArgumentException("the model has " + outputs + " outputs but the dataset has "
          + classes + " classes; declare " + classes + " output units"
          + (classes == 2 ? " (or 1 with SIGMOID_CROSS_ENTROPY)" : ""));
    }
  }

  /**
   * Checks that the targets suit {@code loss}, so that a bad row fails here instead of training
   * towards a wrong answer. {@link Fit#run} and {@link Fit#evaluate} call it with the model's loss.
   *
   * <ul>
   *   <li>Class labels suit every loss.
   *   <li>{@link Loss#SOFTMAX_CROSS_ENTROPY}: each target row is a probability distribution, with no
   *       negative entry and a sum within {@code 1e-4} per column of 1 (at most {@code 0.01} off),
   *       which admits float rows and rows rounded to four decimals.
   *   <li>{@link Loss#SIGMOID_CROSS_ENTROPY}: every entry lies in {@code [0, 1]}.
   *   <li>{@link Loss#MEAN_SQUARED_ERROR}: any finite value.
   * </ul>
   *
   * <p>The rows are scanned once per loss; later calls for that loss return at once.
   *
   * <pre>{@code
   * Dataset soft = Dataset.ofTargets(features, smoothedLabels);
   * soft.requireTargetsFor(Loss.SOFTMAX_CROSS_ENTROPY); // names the first bad row, if any
   * }</pre>
   *
   * @throws IllegalArgumentException naming the first bad row (and column), its value and what
   *     {@code loss} needs
   */
  public void requireTargetsFor(Loss loss) {
    if (loss == null) {
      throw new IllegalArgumentException("loss is null; pass the model's loss(), e.g. Loss.SOFTMAX_CROSS_ENTROPY");
    }
    int bit = 1 << loss.ordinal();
    if (labels != null || (passed & bit) != 0) {
      return;
    }
    TargetRules.check(targets, loss);
    passed |= bit;
  }

  /**
   * Checks once, before any batch, what would otherwise fail (or silently mislead) per batch: that
   * {@code model} takes rows as wide as these features, that the targets suit its outputs and loss
   * ({@link #requireTargetWidth}, {@link #requireTargetsFor}), and that a FLOAT model can read every
   * value. {@link Fit}, {@link Metrics} and a training loop of your own call it before the first row.
   *
   * <pre>{@code
   * test.requireCompatible(model, "the test data"); // names the mismatch, e.g. a FLOAT model and 1e39
   * }</pre>
   *
   * @param role what messages call this data, e.g. "the validation data"
   * @throws IllegalArgumentException starting with {@code role}, explaining the mismatch and the fix
   */
  public void requireCompatible(Model model, String role) {
    if (featureCount() != model.inputSize()) {
      throw new IllegalArgumentException(role + " has " + featureCount() + " features but the model takes "
          + model.inputSize() + " inputs; give rows as wide as @Network(inputs = " + model.inputSize() + ")");
    }
    try {
      requireTargetWidth(model.outputSize());
      if (model.precision() == Precision.FLOAT) {
        requireFloatRange();
      }
      requireTargetsFor(model.loss());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(role + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that every feature and target stays finite as a {@code float}, as a FLOAT model reads
   * them; once per dataset. Float rows always pass.
   */
  void requireFloatRange() {
    if ((passed & FLOAT_RANGE) != 0) {
      return;
    }
    features.requireFloatRange("features");
    if (targets != null) {
      targets.requireFloatRange("targets");
    }
    passed |= FLOAT_RANGE;
  }

  /** Whether the features are held as {@code float}s, as given to the {@code float[][]} factories. */
  public boolean hasFloatFeatures() {
    return features.isFloat();
  }

  /**
   * The same labels or targets with other feature rows, one per sample, validated as the factories
   * validate features; the rows are shared, not copied. For feature transforms such as
   * {@link Standardizer}, which keep the labels and targets as they are.
   *
   * @throws IllegalArgumentException if {@code rows} is not one finite, equally wide row per sample
   */
  public Dataset withFeatures(float[][] rows) {
    return withFeatures(RowTable.of(rows, "features"));
  }

  /** {@link #withFeatures(float[][])} with {@code double} rows. */
  public Dataset withFeatures(double[][] rows) {
    return withFeatures(RowTable.of(rows, "features"));
  }

  /** A fresh copy of the features of {@code row} (convenience; not for the hot path). */
  public double[] featureRow(int row) {
    double[] copy = new double[features.width()];
    features.copy(row, copy);
    return copy;
  }

  /** The rows at the given indices, in that order (repeats allowed); rows are shared, not copied. */
  public Dataset subset(int[] rows) {
    if (rows == null || rows.length == 0) {
      throw new IllegalArgumentException("subset needs at least one row index, but got "
          + (rows == null ? "null" : "none"));
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= size()) {
        throw new IllegalArgumentException("subset index " + i + " is row " + rows[i]
            + ", outside [0, " + size() + "); give indices of existing rows");
      }
    }
    return select(rows);
  }

  /** The same rows in an order fixed by {@code seed} (identical on every JDK). */
  public Dataset shuffled(long seed) {
    int[] order = Shuffling.identity(size());
    Shuffling.shuffle(order, seed);
    return select(order);
  }

  /** Shuffles with {@code seed}, then puts {@code round(trainFraction · size())} rows in the train part. */
  public Split split(double trainFraction, long seed) {
    int[] order = Shuffling.identity(size());
    Shuffling.shuffle(order, seed);
    int trainSize = (int) Math.round(checkFraction(trainFraction) * size());
    requireBothParts(trainFraction, trainSize, "split");
    return new Split(select(Arrays.copyOfRange(order, 0, trainSize)),
        select(Arrays.copyOfRange(order, trainSize, size())));
  }

  /**
   * Like {@link #split} but keeps the class proportions: each class puts
   * {@code round(trainFraction · its count)} of its rows in the train part.
   *
   * @throws IllegalStateException if the dataset has target rows instead of labels
   */
  public Split stratifiedSplit(double trainFraction, long seed) {
    requireLabels("stratifiedSplit");
    return StratifiedSplitter.split(this, labels, classes, checkFraction(trainFraction), seed);
  }

  @Override
  public String toString() {
    return "Dataset[" + size() + " rows, " + featureCount() + (features.isFloat() ? " float" : " double")
        + " features, " + (labels != null ? classes + " classes" : targets.width() + " targets") + "]";
  }

  Dataset select(int[] rows) {
    int[] pickedLabels = null;
    if (labels != null) {
      pickedLabels = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        pickedLabels[i] = labels[rows[i]];
      }
    }
    return new Dataset(features.select(rows), pickedLabels, classes,
        targets == null ? null : targets.select(rows));
  }

  void requireBothParts(double trainFraction, int trainSize, String method) {
    if (trainSize < 1 || trainSize >= size()) {
      throw new IllegalArgumentException(method + "(" + trainFraction + ") of " + size() + " rows leaves the "
          + (trainSize < 1 ? "train" : "validation") + " part empty; choose a fraction that leaves at "
          + "least one row on each side" + (size() < 2 ? " (this needs at least 2 rows)" : ""));
    }
  }

  private static double checkFraction(double trainFraction) {
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new IllegalArgumentException("trainFraction is " + trainFraction
          + "; give the share of rows for training, strictly between 0 and 1 (e.g. 0.8)");
    }
    return trainFraction;
  }

  private void requireLabels(String method) {
    if (labels == null) {
      throw new IllegalStateException(method + " needs class labels, but this dataset has target rows;"
          + " build it with Dataset.ofLabels");
    }
  }

  private IllegalArgumentException featureWidthMismatch(int length) {
    return new IllegalArgumentException("the destination has " + length + " values but the dataset has "
        + features.width() + " features; size the buffer to featureCount() (a trainer's buffer is as wide as its "
        + "model's inputs: check the data first with requireCompatible(model, role), as fit does)");
  }

  /**
   * {@code row}, if the dataset has it: a batch of row indices from a training loop of one's own is
   * refused here, with the index, before a trainer takes a step on it.
   */
  private int requireRow(int row) {
    if (row < 0 || row >= size()) {
      throw new IllegalArgumentException("row " + row + " is outside the dataset's " + size() + " rows [0, "
          + size() + "); batch row indices name existing rows");
    }
    return row;
  }

  private static Dataset withTargets(RowTable features, RowTable targets) {
    if (targets.size() != features.size()) {
      throw new IllegalArgumentException("features have " + features.size() + " rows but targets have "
          + targets.size() + "; give one target row per feature row");
    }
    return new Dataset(features, null, 0, targets);
  }

  private Dataset withFeatures(RowTable newFeatures) {
    if (newFeatures.size() != size()) {
      throw new IllegalArgumentException("the new features have " + newFeatures.size() + " rows but the dataset has "
          + size() + "; give one feature row per sample");
    }
    return new Dataset(newFeatures, labels, classes, targets);
  }

  private static int[] checkedLabels(int[] labels, int classes, int rows) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes is " + classes + "; give the number of classes (at least 1)");
    }
    if (labels == null || labels.length != rows) {
      throw new IllegalArgumentException("features have " + rows + " rows but labels "
          + (labels == null ? "are null" : "have " + labels.length) + "; give one label per row");
    }
    for (int r = 0; r < rows; r++) {
      if (labels[r] < 0 || labels[r] >= classes) {
        throw new IllegalArgumentException("label " + labels[r] + " at row " + r + " is outside [0, " + classes
            + "); labels are class indices 0.." + (classes - 1) + " (or raise classes)");
      }
    }
    return labels.clone();
  }
}
