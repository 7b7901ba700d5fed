package dev.unrolled.spark;

import dev.unrolled.Model;
import java.io.Serializable;

/**
 * Makes a generated model from a seed; serializable, so that executors can build their own copy.
 * A generated model's constructor is one: {@code FooModel::new}. Executors then overwrite the
 * parameters with the broadcast ones, so the seed they pass does not matter.
 */
@FunctionalInterface
public interface ModelFactory<M extends Model> extends Serializable {
  M create(long seed);
}
