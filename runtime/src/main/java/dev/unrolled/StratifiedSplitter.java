package dev.unrolled;

import dev.unrolled.data.Shuffling;
import java.util.Arrays;

/** {@link Dataset#stratifiedSplit}: per-class seeded shuffles, then a seeded shuffle of each part. */
final class StratifiedSplitter {
  private StratifiedSplitter() {}

  static Dataset.Split split(Dataset data, int[] labels, int classes, double fraction, long seed) {
    int[][] byClass = rowsByClass(labels, classes);
    int[] train = new int[labels.length];
    int[] validation = new int[labels.length];
    int trainSize = 0;
    int validationSize = 0;
    for (int c = 0; c < classes; c++) {
      int[] rows = byClass[c];
      Shuffling.shuffle(rows, Shuffling.derive(seed, c));
      int take = (int) Math.round(fraction * rows.length);
      System.arraycopy(rows, 0, train, trainSize, take);
      System.arraycopy(rows, take, validation, validationSize, rows.length - take);
      trainSize += take;
      validationSize += rows.length - take;
    }
    data.requireBothParts(fraction, trainSize, "stratifiedSplit");
    // Mix the classes within each part so that neither is sorted by class.
    train = Arrays.copyOf(train, trainSize);
    validation = Arrays.copyOf(validation, validationSize);
    Shuffling.shuffle(train, Shuffling.derive(seed, classes));
    Shuffling.shuffle(validation, Shuffling.derive(seed, classes + 1L));
    return new Dataset.Split(data.select(train), data.select(validation));
  }

  private static int[][] rowsByClass(int[] labels, int classes) {
    int[] counts = new int[classes];
    for (int label : labels) {
      counts[label]++;
    }
    int[][] byClass = new int[classes][];
    for (int c = 0; c < classes; c++) {
      byClass[c] = new int[counts[c]];
    }
    int[] filled = new int[classes];
    for (int r = 0; r < labels.length; r++) {
      byClass[labels[r]][filled[labels[r]]++] = r;
    }
    return byClass;
  }
}
