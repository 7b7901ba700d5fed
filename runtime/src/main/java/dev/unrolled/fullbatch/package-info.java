/**
 * Training on the gradient of a whole dataset rather than of one batch, the pieces Spark's trainer
 * and solvers of your own are built from. {@link dev.unrolled.fullbatch.FullBatch} is a model's mean
 * loss and gradient over all rows, summed in the fixed order of
 * {@link dev.unrolled.fullbatch.GradientSum} (rows in partitions, each added up by a
 * {@link dev.unrolled.fullbatch.PartitionSum}, partitions in a fixed tree), so one machine and a
 * cluster get the same bits. {@link dev.unrolled.fullbatch.GradientStep} applies any
 * {@link dev.unrolled.Optimizer} to such a gradient with the arithmetic of the generated trainer,
 * and {@link dev.unrolled.fullbatch.Lbfgs} minimizes any {@link dev.unrolled.fullbatch.Objective}.
 *
 * <p>A full-batch loss is a sum of {@link dev.unrolled.Model#lossAndGradient} over chunks of rows, so
 * networks with a {@link dev.unrolled.Norm#BATCH} layer (statistics per chunk) or with dropout (never
 * applied by {@code lossAndGradient}) are refused by {@code FullBatch.of}, {@code Lbfgs.fit} and the
 * Spark trainer ({@link dev.unrolled.fullbatch.FullBatch#requireSupported}); {@code LAYER} norm is
 * fine. {@code PartitionSum} and {@code GradientSum} are the pieces below that check and do not
 * repeat it.
 *
 * <pre>{@code
 * IrisModel model = new IrisModel(42);
 * Lbfgs.Result r = Lbfgs.fit(model, train, Lbfgs.options().maxIterations(200)); // full-batch L-BFGS
 *
 * GradientStep step = new GradientStep(model, Optimizer.adam(1e-3));            // or a step of your own
 * double[] g = new double[model.parameterCount()];
 * double loss = FullBatch.of(model, train).evaluate(model.parameters(), g);
 * step.apply(g);
 * }</pre>
 */
package dev.unrolled.fullbatch;
