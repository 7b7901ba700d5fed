/**
 * How well a model does on a dataset: {@link dev.unrolled.metrics.Metrics} for accuracy and a
 * {@link dev.unrolled.metrics.ConfusionMatrix} (with precision and recall per class) from
 * {@link dev.unrolled.Model#classify}, and {@link dev.unrolled.metrics.Evaluation}, the mean loss and
 * accuracy that {@link dev.unrolled.Trainer#evaluate} and every epoch's validation report.
 *
 * <pre>{@code
 * Evaluation test = trainer.evaluate(testData);
 * System.out.println(Metrics.confusionMatrix(model, testData).format("setosa", "versicolor", "virginica"));
 * }</pre>
 */
package dev.unrolled.metrics;
