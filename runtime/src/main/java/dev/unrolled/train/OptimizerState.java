package dev.unrolled.train;

import dev.unrolled.ParameterUpdater;
import java.util.List;

/**
 * What a {@link ParameterUpdater} carries from one step to the next: the number of steps taken (the
 * schedule's position and Adam's bias correction) and the rule's per-parameter buffers — SGD
 * momentum's {@code velocity}, Adam's {@code m} and {@code v}, RMSProp's {@code v} — each flattened
 * over the bound rows in row order. Training checkpoints store it so that a resumed fit takes the
 * very steps the uninterrupted one would have taken.
 *
 * @param optimizer the optimizer that made the state, as {@code "Adam(lr=0.001, …)"}; a state is
 *     restored only into an updater of an equal optimizer (a custom schedule counts as equal to any
 *     custom schedule of the same class, since a function cannot be compared)
 * @param steps the steps taken; the next step uses schedule step {@code steps}
 * @param bufferNames the name of each buffer, e.g. {@code ["m", "v"]}
 * @param buffers the buffers, in the order of {@code bufferNames}; float state is held exactly, as
 *     doubles
 */
public record OptimizerState(String optimizer, long steps, List<String> bufferNames, double[][] buffers) {
  /** Checks the shape: as many buffers as names, and a step count of at least 0. */
  public OptimizerState {
    if (optimizer == null || bufferNames == null || buffers == null) {
      throw new IllegalArgumentException("an optimizer state needs the optimizer, the buffer names and the buffers");
    }
    bufferNames = List.copyOf(bufferNames);
    if (bufferNames.size() != buffers.length) {
      throw new IllegalArgumentException("an optimizer state has " + bufferNames.size() + " buffer names but "
          + buffers.length + " buffers");
    }
    if (steps < 0) {
      throw new IllegalArgumentException("an optimizer state's step count is " + steps + "; it is at least 0");
    }
  }
}
