package dev.unrolled.examples;

import java.util.Locale;

/** The README's demo: a classifier and a regressor trained on built-in synthetic data. */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    Spirals.main(args);
    System.out.println();
    Sine.main(args);
    System.out.printf(Locale.ROOT, "%ndemo finished in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }
}
