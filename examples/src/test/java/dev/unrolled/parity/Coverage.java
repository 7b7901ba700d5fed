package dev.unrolled.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Precision;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the parity table must cover, per precision, so that editing {@link ParityNetworks} cannot
 * quietly drop an activation, a loss or a code shape from the differential tests.
 */
final class Coverage {
  private final List<NetCase> cases;

  Coverage(List<NetCase> cases) {
    this.cases = cases;
  }

  void assertComplete() {
    Set<String> names = new HashSet<>();
    for (NetCase c : cases) {
      assertTrue(names.add(c.name), "duplicate case " + c.name);
      assertEquals(c.sizes.length - 1, c.activations.length, c.name + ": one activation per layer");
      if (c.loss.isCrossEntropy()) {
        assertEquals(Activation.IDENTITY, c.activations[c.activations.length - 1],
            c.name + ": cross-entropy outputs are logits");
      }
      String twin = c.isFloat() ? c.name.replaceFirst("Float$", "Double")
          : c.name.replaceFirst("Double$", "Float");
      assertTrue(cases.stream().anyMatch(k -> k.name.equals(twin)
          && java.util.Arrays.equals(k.sizes, c.sizes)
          && java.util.Arrays.equals(k.activations, c.activations) && k.loss == c.loss),
          c.name + " has no twin " + twin + " in the other precision");
    }
    for (Precision p : Precision.values()) {
      assertComplete(p);
    }
  }

  private void assertComplete(Precision precision) {
    Set<Activation> hidden = EnumSet.noneOf(Activation.class);
    Set<Activation> mseOutput = EnumSet.noneOf(Activation.class);
    Set<Loss> losses = EnumSet.noneOf(Loss.class);
    boolean oneSigmoid = false;
    boolean severalSigmoids = false;
    boolean noHidden = false;
    boolean deep = false;
    boolean onlyUnrolled = false;
    boolean onlyLooped = false;
    boolean mixed = false;
    for (NetCase c : cases) {
      if (c.precision != precision) {
        continue;
      }
      int layers = c.activations.length;
      for (int l = 0; l < layers - 1; l++) {
        hidden.add(c.activations[l]);
      }
      if (c.loss == Loss.MEAN_SQUARED_ERROR) {
        mseOutput.add(c.activations[layers - 1]);
      }
      losses.add(c.loss);
      oneSigmoid |= c.loss == Loss.SIGMOID_CROSS_ENTROPY && c.outputs() == 1;
      severalSigmoids |= c.loss == Loss.SIGMOID_CROSS_ENTROPY && c.outputs() > 1;
      noHidden |= layers == 1;
      deep |= layers >= 5;
      int looped = 0;
      for (int l = 1; l < c.sizes.length; l++) {
        looped += isLooped(c.sizes[l - 1], c.sizes[l]) ? 1 : 0;
      }
      onlyUnrolled |= looped == 0;
      onlyLooped |= looped == layers;
      mixed |= looped > 0 && looped < layers;
    }
    String where = precision + " cases ";
    assertEquals(EnumSet.allOf(Activation.class), hidden, where + "miss hidden activations");
    assertEquals(EnumSet.allOf(Activation.class), mseOutput, where + "miss MSE output activations");
    assertEquals(EnumSet.allOf(Loss.class), losses, where + "miss losses");
    assertTrue(oneSigmoid && severalSigmoids, where + "need sigmoid with one and several outputs");
    assertTrue(noHidden, where + "need a network without hidden layers");
    assertTrue(deep, where + "need a network with at least 4 hidden layers");
    assertTrue(onlyUnrolled && onlyLooped && mixed,
        where + "need only-unrolled, only-looped and mixed networks");
  }

  /** The planner's rule: unrolled up to 512 weights and 64 units on either side, looped above. */
  static boolean isLooped(int in, int out) {
    return in * out > 512 || in > 64 || out > 64;
  }
}
