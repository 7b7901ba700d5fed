/**
 * Preparing data for a {@link dev.unrolled.Dataset}: {@link dev.unrolled.data.Standardizer} scales
 * features with statistics fitted on the training set, {@link dev.unrolled.data.OneHot} turns class
 * labels into target rows and back, and {@link dev.unrolled.data.Shuffling} gives the seeded orders
 * that splits and fits use, the same on every JDK.
 *
 * <pre>{@code
 * Dataset.Split parts = Dataset.ofLabels(features, labels, 3).stratifiedSplit(0.8, 42);
 * Standardizer scale = Standardizer.fit(parts.train());
 * Dataset train = scale.apply(parts.train());
 * Dataset test = scale.apply(parts.validation());
 * }</pre>
 */
package dev.unrolled.data;
