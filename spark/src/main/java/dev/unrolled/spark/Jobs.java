package dev.unrolled.spark;

/** Turns a failed Spark job back into the exception our own code threw on the executor. */
final class Jobs {
  private Jobs() {}

  /**
   * The first {@link IllegalArgumentException} or {@link ArithmeticException} among the causes
   * (bad data found on an executor reaches the driver wrapped in a {@code SparkException}), with
   * the job's failure kept as its cause; otherwise the failure itself.
   */
  static RuntimeException failure(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException && t != e) {
        return new IllegalArgumentException(t.getMessage(), e);
      }
      if (t instanceof ArithmeticException && t != e) {
        return new ArithmeticException(t.getMessage());
      }
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException("the Spark job failed: " + e, e);
  }
}
