package dev.unrolled.fuzz;

import java.util.List;
import java.util.Random;

/** The random choices of one case, drawn from one seeded {@link Random}. */
final class Dice {
  private final Random random;

  Dice(Random random) {
    this.random = random;
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  boolean nextBoolean() {
    return random.nextBoolean();
  }
}
