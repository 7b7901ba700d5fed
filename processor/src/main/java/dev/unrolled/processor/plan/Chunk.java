package dev.unrolled.processor.plan;

/** A half-open range {@code [from, to)} of units handled by one generated method. */
public record Chunk(int from, int to) {
  public int size() {
    return to - from;
  }
}
