/**
 * What a user declares and calls first: the annotations and enums of a declaration
 * ({@link dev.unrolled.Network}, {@link dev.unrolled.Dense}, {@link dev.unrolled.Rbf},
 * {@link dev.unrolled.Activation}, {@link dev.unrolled.Loss}, {@link dev.unrolled.Precision},
 * {@link dev.unrolled.Backend}), the contracts of the generated classes ({@link dev.unrolled.Model},
 * {@link dev.unrolled.Trainer}, {@link dev.unrolled.Architecture}), and what training takes
 * ({@link dev.unrolled.Dataset}, {@link dev.unrolled.Optimizer}, {@link dev.unrolled.FitOptions},
 * {@link dev.unrolled.Parallelism}) and gives back ({@link dev.unrolled.History}).
 *
 * <pre>{@code
 * @Network(inputs = 4, layers = {@Dense(units = 16, activation = Activation.TANH), @Dense(units = 3)},
 *     loss = Loss.SOFTMAX_CROSS_ENTROPY)
 * interface Iris {}
 *
 * IrisModel model = new IrisModel(42);
 * History history = new IrisTrainer(model, Optimizer.adam(0.01)).fit(train, FitOptions.epochs(100));
 * }</pre>
 *
 * <p>The rest is in packages by concern: {@link dev.unrolled.train} (the fit loop and its listeners),
 * {@link dev.unrolled.data} (standardising, one-hot targets, seeded orders), {@link dev.unrolled.io}
 * (CSV and IDX readers), {@link dev.unrolled.metrics}, {@link dev.unrolled.files} (model files),
 * {@link dev.unrolled.rbf} (placing RBF centres), {@link dev.unrolled.fullbatch} (full-batch
 * gradients, L-BFGS, the pieces of distributed training) and {@link dev.unrolled.support} (called by
 * generated code only).
 */
package dev.unrolled;
