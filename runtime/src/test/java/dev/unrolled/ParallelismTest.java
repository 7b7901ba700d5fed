package dev.unrolled;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParallelismTest {

  @Test
  void shardsFixTheArithmeticAndThreadsAreCappedAtTheShards() {
    assertThat(Parallelism.shards(4).threads(2).shards()).isEqualTo(4);
    assertThat(Parallelism.shards(4).threads(2).threads()).isEqualTo(2);
    assertThat(Parallelism.shards(4).threads(9).threads()).isEqualTo(4);
    assertThat(Parallelism.shards(3).threads()).isEqualTo(Math.min(3, Runtime.getRuntime().availableProcessors()));
    assertThat(Parallelism.none().shards()).isEqualTo(1);
    assertThat(Parallelism.none().threads()).isEqualTo(1);
    assertThat(Parallelism.shards(4).threads(2)).isEqualTo(Parallelism.shards(4).threads(2));
    assertThat(Parallelism.shards(4).threads(2)).isNotEqualTo(Parallelism.shards(4).threads(1));
    assertThat(Parallelism.shards(4).threads(2).toString()).isEqualTo("Parallelism[shards=4, threads=2]");
  }

  @Test
  void outOfRangeCountsAreRejectedWithTheRange() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> Parallelism.shards(0)))
        .hasMessageThat().contains("give 1 to 1024");
    assertThrows(IllegalArgumentException.class, () -> Parallelism.shards(Parallelism.MAX_SHARDS + 1));
    assertThat(assertThrows(IllegalArgumentException.class, () -> Parallelism.shards(2).threads(0)))
        .hasMessageThat().contains("at least 1");
  }

  @Test
  void splitLayersKeepsBatchesWholeAndCapsThreadsAtTheParts() {
    Parallelism split = Parallelism.splitLayers(3).threads(2);
    assertThat(split.parts()).isEqualTo(3);
    assertThat(split.shards()).isEqualTo(1);
    assertThat(split.threads()).isEqualTo(2);
    assertThat(Parallelism.splitLayers(2).threads(9).threads()).isEqualTo(2);
    assertThat(Parallelism.splitLayers(2).threads())
        .isEqualTo(Math.min(2, Runtime.getRuntime().availableProcessors()));
    assertThat(Parallelism.shards(2).parts()).isEqualTo(1);
    assertThat(Parallelism.none().parts()).isEqualTo(1);
    assertThat(split).isEqualTo(Parallelism.splitLayers(3).threads(2));
    assertThat(split).isNotEqualTo(Parallelism.shards(3).threads(2));
    assertThat(split.hashCode()).isNotEqualTo(Parallelism.shards(3).threads(2).hashCode());
    assertThat(split.toString()).isEqualTo("Parallelism[splitLayers=3, threads=2]");
  }

  @Test
  void splitLayersNeedsTwoToMaxParts() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> Parallelism.splitLayers(1)))
        .hasMessageThat().contains("give 2 to 64");
    assertThrows(IllegalArgumentException.class, () -> Parallelism.splitLayers(Parallelism.MAX_PARTS + 1));
  }
}
