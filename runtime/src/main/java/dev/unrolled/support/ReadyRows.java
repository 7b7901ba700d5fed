package dev.unrolled.support;

/**
 * Told during a backward pass which parameter rows are ready for the optimizer: their gradient is
 * final and the rest of the pass no longer reads their parameters. {@link TrainingCore} updates
 * each run as it is reported, while its gradient rows are still in cache, instead of streaming
 * every gradient, parameter and backup row through memory once more after the pass. A pass reports
 * every row exactly once, in runs of ascending rows.
 */
@FunctionalInterface
public interface ReadyRows {
  /** Ignores every run: the pass only fills the gradients. */
  ReadyRows NONE = (from, to) -> { };

  /** Rows {@code [from, to)} are ready. */
  void rows(int from, int to);
}
