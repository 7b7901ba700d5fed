package dev.unrolled;

/**
 * Normalisation of a dense layer's pre-activations, {@link Dense#norm()}. A normalised layer has no
 * bias; it learns a scale {@code γ} (initialised to 1) and a shift {@code β} (initialised to 0):
 * {@code h = W·a_prev}, {@code ĥ = (h − μ)/√(σ² + 1e-5)}, {@code z = γ⊙ĥ + β}, {@code a = f(z)},
 * with {@code σ²} the mean squared deviation. Its flat parameter layout is {@code W[out][in]}, then
 * {@code γ[out]}, then {@code β[out]}; weight decay applies to {@code W} only.
 */
public enum Norm {
  /** No normalisation: {@code z = W·a_prev + b}. */
  NONE,
  /**
   * Layer normalisation: {@code μ}, {@code σ²} over the layer's units of one sample, the same in
   * training and prediction; independent of the batch.
   */
  LAYER,
  /**
   * Batch normalisation: in training and in {@link Model#lossAndGradient}, {@code μⱼ}, {@code σ²ⱼ}
   * of each unit over the batch's samples, with the gradient flowing through them; prediction uses
   * running estimates (start: mean 0, variance 1) that every trainer step updates from its batch as
   * PyTorch's {@code BatchNorm1d} does with momentum 0.1: {@code rm ← 0.9·rm + 0.1·μ},
   * {@code rv ← 0.9·rv + 0.1·σ²·m/(m−1)}. A batch needs at least two rows.
   */
  BATCH
}
