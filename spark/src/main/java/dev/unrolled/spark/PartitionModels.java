package dev.unrolled.spark;

import dev.unrolled.Model;
import java.lang.ref.SoftReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The models an executor JVM computes gradients with, one per trainer and partition, kept from step
 * to step: building a generated model draws its initial parameters and allocates its workspace,
 * which a step then overwrites anyway. A task takes its partition's model out while it works, so
 * two attempts of one partition (speculation, a retry) never share one; the models are held softly,
 * so that those of finished trainers give way when the executor needs the memory.
 */
final class PartitionModels {
  private static final ConcurrentMap<Key, SoftReference<Model>> IDLE = new ConcurrentHashMap<>();

  private record Key(String trainer, int partition) {}

  private PartitionModels() {}

  /** Partition {@code partition}'s idle model for {@code trainer}, or a new one from {@code factory}. */
  static Model take(String trainer, int partition, ModelFactory<?> factory) {
    SoftReference<Model> idle = IDLE.remove(new Key(trainer, partition));
    Model model = idle == null ? null : idle.get();
    return model != null ? model : factory.create(0);
  }

  /** Gives a model back once the task is done with it. */
  static void giveBack(String trainer, int partition, Model model) {
    IDLE.put(new Key(trainer, partition), new SoftReference<>(model));
    IDLE.values().removeIf(ref -> ref.get() == null); // drop what the collector took
  }
}
