package dev.unrolled.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The public seeded orders: permutations fixed by the seed, and arguments named when wrong. */
class ShufflingTest {
  @Test
  void aSeedFixesAPermutation() {
    int[] a = Shuffling.identity(50);
    int[] b = Shuffling.identity(50);
    int[] other = Shuffling.identity(50);

    Shuffling.shuffle(a, Shuffling.derive(7, 1));
    Shuffling.shuffle(b, Shuffling.derive(7, 1));
    Shuffling.shuffle(other, Shuffling.derive(7, 2));

    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(other);
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    assertThat(sorted).isEqualTo(Shuffling.identity(50));
  }

  @Test
  void badArgumentsAreNamed() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> Shuffling.identity(-1)))
        .hasMessageThat().isEqualTo("n is -1; give a number of rows of at least 0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Shuffling.shuffle(null, 1)))
        .hasMessageThat().isEqualTo("the array to shuffle is null; pass e.g. Shuffling.identity(n)");
  }
}
