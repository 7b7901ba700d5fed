package dev.unrolled.spark;

import java.io.Serializable;

/**
 * One training row: its features and either a class label or a target row, as in
 * {@link dev.unrolled.Dataset}. A label becomes a one-hot target row for a model with as many
 * outputs as classes, or the target itself for a model with one (sigmoid) output.
 *
 * <pre>{@code
 * JavaRDD<Sample> rows = lines.map(l -> Sample.labeled(parse(l.features), l.digit));
 * }</pre>
 */
public final class Sample implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] features;
  private final int label; // -1 when the sample has a target row
  private final double[] targets;

  private Sample(double[] features, int label, double[] targets) {
    if (features == null || features.length == 0) {
      throw new IllegalArgumentException("a sample needs at least one feature");
    }
    this.features = features;
    this.label = label;
    this.targets = targets;
  }

  /** Features with a class label (0 or more); the array is kept, not copied. */
  public static Sample labeled(double[] features, int label) {
    if (label < 0) {
      throw new IllegalArgumentException("label is " + label + "; class labels are 0, 1, 2, …");
    }
    return new Sample(features, label, null);
  }

  /** Features with a target row (regression, or probability targets); both arrays are kept. */
  public static Sample withTargets(double[] features, double[] targets) {
    if (targets == null || targets.length == 0) {
      throw new IllegalArgumentException("a target row needs at least one value");
    }
    return new Sample(features, -1, targets);
  }

  public double[] features() {
    return features;
  }

  public boolean hasLabel() {
    return targets == null;
  }

  /** The class label. @throws IllegalStateException for a sample with a target row */
  public int label() {
    if (targets != null) {
      throw new IllegalStateException("this sample has a target row, not a label");
    }
    return label;
  }

  /** The target row. @throws IllegalStateException for a labelled sample */
  public double[] targets() {
    if (targets == null) {
      throw new IllegalStateException("this sample has a class label, not a target row");
    }
    return targets;
  }
}
