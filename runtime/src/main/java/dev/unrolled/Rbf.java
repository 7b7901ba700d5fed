package dev.unrolled;

import dev.unrolled.rbf.RbfCentres;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A radial-basis-function layer between the input and the dense layers: unit {@code j} computes
 * {@code φ_j(x) = exp(−β_j·‖x − c_j‖²)} with a trainable centre {@code c_j} and width
 * {@code β_j = exp(s_j)}, so every width stays positive whatever the optimizer does to {@code s_j}.
 *
 * <pre>{@code
 * @Network(inputs = 2, rbf = @Rbf(units = 20), layers = @Dense(units = 1),
 *     loss = Loss.MEAN_SQUARED_ERROR)
 * public interface Surface {}
 * }</pre>
 *
 * <p>In the flat parameter layout the RBF layer comes first: the centres {@code C[units][inputs]}
 * row-major ({@code c_j[i]} at {@code j*inputs + i}), then {@code s[units]}; the dense layers follow
 * as usual. Seeded initialisation spreads the centres uniformly over {@code [−1, 1]^inputs} (inputs
 * are expected standardised) with equal widths; {@link RbfCentres#fromData} places them on the data
 * instead (k-means++), the classic first stage of RBF training. Weight decay never applies to centres
 * or widths.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Rbf {
  /** Number of radial units (centres). {@code 0} only in {@link Network#rbf()}'s default: no RBF layer. */
  int units();
}
