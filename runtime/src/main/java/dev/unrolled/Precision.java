package dev.unrolled;

/** The arithmetic of a generated network. */
public enum Precision {
  /** 32-bit parameters and kernels: the fast default. */
  FLOAT,
  /** 64-bit parameters and kernels: for exact comparisons and ill-conditioned problems. */
  DOUBLE
}
