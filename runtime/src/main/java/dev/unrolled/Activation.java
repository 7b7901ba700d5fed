package dev.unrolled;

/** Element-wise activation functions. Derivatives are taken from the pre-activation {@code z}. */
public enum Activation {
  /** {@code z}. */
  IDENTITY,
  /** {@code 1 / (1 + e^-z)}. */
  SIGMOID,
  /** {@code tanh(z)}. */
  TANH,
  /** {@code max(0, z)}; derivative 0 at 0. */
  RELU,
  /** {@code z} above 0, {@code 0.01·z} otherwise. */
  LEAKY_RELU,
  /** {@code z} above 0, {@code e^z − 1} otherwise (α = 1). */
  ELU,
  /** {@code log(1 + e^z)}. */
  SOFTPLUS,
  /** {@code z · sigmoid(z)}. */
  SILU;

  /** Whether He initialisation suits this activation (the ReLU family and SiLU); otherwise Glorot. */
  public boolean prefersHeInit() {
    return this == RELU || this == LEAKY_RELU || this == ELU || this == SILU;
  }
}
