package dev.unrolled;

/**
 * Training objectives. Every loss is the mean over the m samples of a batch and the sum over outputs.
 *
 * <ul>
 *   <li>{@link #SOFTMAX_CROSS_ENTROPY}: {@code L = −(1/m) Σᵢ Σⱼ yᵢⱼ log softmax(zᵢ)ⱼ}; gradient on the
 *       logits {@code (softmax(z) − y)/m}.
 *   <li>{@link #SIGMOID_CROSS_ENTROPY}: {@code L = −(1/m) Σᵢ Σⱼ [y log σ(z) + (1−y) log(1−σ(z))]};
 *       gradient {@code (σ(z) − y)/m}.
 *   <li>{@link #MEAN_SQUARED_ERROR}: {@code L = (1/2m) Σᵢ Σⱼ (aᵢⱼ − yᵢⱼ)²}; gradient
 *       {@code (a − y)·f'(z)/m}.
 * </ul>
 *
 * Cross-entropy losses are computed from logits (log-sum-exp, {@code softplus(z) − y·z}), so they
 * stay finite for very large logits.
 */
public enum Loss {
  SOFTMAX_CROSS_ENTROPY,
  SIGMOID_CROSS_ENTROPY,
  MEAN_SQUARED_ERROR;

  /** Whether the loss applies softmax or sigmoid itself, so the output layer must produce logits. */
  public boolean isCrossEntropy() {
    return this != MEAN_SQUARED_ERROR;
  }
}
