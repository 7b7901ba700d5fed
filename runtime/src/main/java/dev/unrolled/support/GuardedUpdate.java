package dev.unrolled.support;

import dev.unrolled.ParameterUpdater;

/**
 * An optimizer step that can be taken back: generated trainers call {@link #step()} instead of
 * {@link ParameterUpdater#step()}, and {@link #restoreIfNotFinite()} when a batch's loss comes out
 * NaN or infinite. A step that overflowed (a NaN or huge gradient, or a finite gradient times a
 * large learning rate) almost always shows up as exactly that on the next batch, or at the end of
 * an epoch, and is then undone from a copy of the parameters taken just before it. A saturating
 * activation can hide an infinite weight for a while (RELU of −∞ is 0); by then the copy holds it
 * too, {@link #restoreIfNotFinite()} cannot help, and says so by leaving the parameters non-finite.
 *
 * <p>The copy is one {@code System.arraycopy} per parameter row per step, allocated once here; the
 * finiteness scan runs only on the rare path. When the updater is a {@link RowSplitUpdate}, the step
 * (copy and update) can also be taken in runs of rows on several threads, as {@link ShardedStep}
 * does: {@link #begin()}, {@link #stepRows(int, int)} for every run, {@link #end()}. The optimizer's own state (momentum, moments) is not
 * rolled back: after a divergence, start again with a new trainer.
 */
public final class GuardedUpdate {
  private final ParameterUpdater updater;
  private final RowSplitUpdate split; // the updater, if it can be split by rows; else null
  private final RankOneUpdate rankOne; // the updater, if it also folds rank-one gradients; else null
  private final float[][] floatParams; // exactly one of the float and double pairs is non-null
  private final float[][] floatBackup;
  private final double[][] doubleParams;
  private final double[][] doubleBackup;

  /** Guards {@code updater}, which was bound to these float parameter rows. */
  public GuardedUpdate(ParameterUpdater updater, float[][] params) {
    this.updater = updater;
    this.split = split(updater, params.length);
    this.rankOne = split instanceof RankOneUpdate r ? r : null;
    this.floatParams = params;
    this.floatBackup = new float[params.length][];
    for (int r = 0; r < params.length; r++) {
      floatBackup[r] = params[r].clone();
    }
    this.doubleParams = null;
    this.doubleBackup = null;
  }

  /** Guards {@code updater}, which was bound to these double parameter rows. */
  public GuardedUpdate(ParameterUpdater updater, double[][] params) {
    this.updater = updater;
    this.split = split(updater, params.length);
    this.rankOne = split instanceof RankOneUpdate r ? r : null;
    this.doubleParams = params;
    this.doubleBackup = new double[params.length][];
    for (int r = 0; r < params.length; r++) {
      doubleBackup[r] = params[r].clone();
    }
    this.floatParams = null;
    this.floatBackup = null;
  }

  /**
   * Remembers the parameters, then takes the optimizer step; row by row when the updater allows, so
   * that each row is copied and updated while it is in the L1 cache.
   */
  public void step() {
    if (split != null) {
      split.begin();
      for (int r = 0, rows = rows(); r < rows; r++) {
        stepRows(r, r + 1);
      }
      split.end();
      return;
    }
    if (floatParams != null) {
      copy(floatParams, floatBackup);
    } else {
      copy(doubleParams, doubleBackup);
    }
    updater.step();
  }

  /** Whether a step can be taken in runs of rows: {@link #begin()}, {@link #stepRows}, {@link #end()}. */
  boolean splitsRows() {
    return split != null;
  }

  /** The guarded updater, whose state a checkpoint saves and restores. */
  public ParameterUpdater updater() {
    return updater;
  }

  /** Parameter rows. */
  int rows() {
    return floatParams != null ? floatParams.length : doubleParams.length;
  }

  /** Starts a step taken in runs of rows; throws before any change if the schedule is bad. */
  void begin() {
    split.begin();
  }

  /**
   * Remembers parameter rows {@code [from, to)}, then updates them; runs of different rows may be
   * taken at the same time on different threads.
   */
  void stepRows(int from, int to) {
    if (floatParams != null) {
      copy(floatParams, floatBackup, from, to);
    } else {
      copy(doubleParams, doubleBackup, from, to);
    }
    split.update(from, to);
  }

  /** Whether runs of rows can also come as rank-one gradients: {@link #stepRankOne}. */
  boolean foldsRankOne() {
    return rankOne != null;
  }

  /**
   * {@link #stepRows} for rows whose gradients were not written: row {@code from + i}'s gradient
   * is {@code a[i]·d}. The updater copies each row into the backup in its own pass over the row
   * (see {@link RankOneUpdate}).
   */
  void stepRankOne(int from, int to, float[] a, float[] d) {
    rankOne.updateRankOne(from, to, a, d, floatBackup);
  }

  /** {@link #stepRankOne(int, int, float[], float[])} for double rows. */
  void stepRankOne(int from, int to, double[] a, double[] d) {
    rankOne.updateRankOne(from, to, a, d, doubleBackup);
  }

  /** Ends a step taken in runs of rows. */
  void end() {
    split.end();
  }

  /**
   * If any parameter is NaN or infinite, puts back the parameters from before the last
   * {@link #step()} and returns true; otherwise changes nothing and returns false.
   */
  public boolean restoreIfNotFinite() {
    if (floatParams != null) {
      if (Finite.all(floatParams)) {
        return false;
      }
      copy(floatBackup, floatParams);
    } else {
      if (Finite.all(doubleParams)) {
        return false;
      }
      copy(doubleBackup, doubleParams);
    }
    return true;
  }

  private static RowSplitUpdate split(ParameterUpdater updater, int rows) {
    return updater instanceof RowSplitUpdate s && s.rows() == rows ? s : null;
  }

  private static void copy(float[][] from, float[][] to) {
    copy(from, to, 0, from.length);
  }

  private static void copy(double[][] from, double[][] to) {
    copy(from, to, 0, from.length);
  }

  private static void copy(float[][] from, float[][] to, int first, int end) {
    for (int r = first; r < end; r++) {
      System.arraycopy(from[r], 0, to[r], 0, from[r].length);
    }
  }

  private static void copy(double[][] from, double[][] to, int first, int end) {
    for (int r = first; r < end; r++) {
      System.arraycopy(from[r], 0, to[r], 0, from[r].length);
    }
  }
}
