package dev.unrolled;

/** Shape checks and state allocation for {@link Optimizer#bind}: done once, never per step. */
final class BoundRows {
  private BoundRows() {}

  static void check(float[][] params, float[][] grads, boolean[] decayed) {
    checkOuter(params, grads, decayed);
    for (int r = 0; r < params.length; r++) {
      checkRow(r, params[r] == null ? -1 : params[r].length, grads[r] == null ? -1 : grads[r].length,
          params[r] == grads[r]);
    }
  }

  static void check(double[][] params, double[][] grads, boolean[] decayed) {
    checkOuter(params, grads, decayed);
    for (int r = 0; r < params.length; r++) {
      checkRow(r, params[r] == null ? -1 : params[r].length, grads[r] == null ? -1 : grads[r].length,
          params[r] == grads[r]);
    }
  }

  private static void checkOuter(Object[] params, Object[] grads, boolean[] decayed) {
    if (params == null || grads == null || decayed == null) {
      throw new IllegalArgumentException("bind needs params, grads and decayed, but "
          + (params == null ? "params" : grads == null ? "grads" : "decayed")
          + " is null; pass one array per parameter row");
    }
    if (grads.length != params.length || decayed.length != params.length) {
      throw new IllegalArgumentException("bind got " + params.length + " parameter rows, "
          + grads.length + " gradient rows and " + decayed.length
          + " decayed flags; give one gradient row and one flag per parameter row");
    }
  }

  private static void checkRow(int r, int paramLength, int gradLength, boolean same) {
    if (paramLength < 0 || gradLength < 0) {
      throw new IllegalArgumentException((paramLength < 0 ? "params[" : "grads[") + r
          + "] is null; every row must be an allocated array");
    }
    if (paramLength != gradLength) {
      throw new IllegalArgumentException("params[" + r + "] has length " + paramLength
          + " but grads[" + r + "] has length " + gradLength
          + "; each gradient row must match its parameter row");
    }
    if (same) {
      throw new IllegalArgumentException("params[" + r + "] and grads[" + r
          + "] are the same array; the gradient needs its own storage");
    }
  }

  /** The weight-decay coefficient of each row: {@code weightDecay} where decayed, else 0. */
  static double[] decayPerRow(boolean[] decayed, double weightDecay) {
    double[] decay = new double[decayed.length];
    for (int r = 0; r < decayed.length; r++) {
      decay[r] = decayed[r] ? weightDecay : 0.0;
    }
    return decay;
  }

  /** Zeroed state rows shaped like {@code like}. */
  static float[][] zerosLike(float[][] like) {
    float[][] state = new float[like.length][];
    for (int r = 0; r < like.length; r++) {
      state[r] = new float[like[r].length];
    }
    return state;
  }

  static double[][] zerosLike(double[][] like) {
    double[][] state = new double[like.length][];
    for (int r = 0; r < like.length; r++) {
      state[r] = new double[like[r].length];
    }
    return state;
  }
}
