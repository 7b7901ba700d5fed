/**
 * Help for networks that start with an {@link dev.unrolled.Rbf} layer:
 * {@link dev.unrolled.rbf.RbfCentres} places the layer's centres on the data with k-means and sets
 * the widths from their spacing, the classic first stage before gradient training refines
 * everything together.
 *
 * <pre>{@code
 * SurfaceModel model = new SurfaceModel(42);
 * RbfCentres.fromData(model, train, 42);
 * new SurfaceTrainer(model, Optimizer.adam(0.01)).fit(train, FitOptions.epochs(200));
 * }</pre>
 */
package dev.unrolled.rbf;
