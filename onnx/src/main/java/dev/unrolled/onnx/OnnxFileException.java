package dev.unrolled.onnx;

import java.io.IOException;

/**
 * An ONNX file that {@link Onnx#load} cannot read into the model, or a model {@link Onnx#export}
 * refuses to write: the message names the file, the first mismatch or bad value, and the fix.
 */
public final class OnnxFileException extends IOException {
  private static final long serialVersionUID = 1L;

  public OnnxFileException(String message) {
    super(message);
  }

  public OnnxFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
