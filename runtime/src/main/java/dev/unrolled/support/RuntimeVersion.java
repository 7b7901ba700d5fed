package dev.unrolled.support;

/**
 * The level of the contract between generated code and this runtime. The processor reads this
 * constant from the runtime on the user's classpath and refuses to generate code for another level,
 * so mixing an old runtime with a new processor is one clear error rather than puzzling ones.
 */
public final class RuntimeVersion {
  /** Raised whenever generated code starts to need something new from the runtime. */
  public static final int LEVEL = 2;

  private RuntimeVersion() {}
}
