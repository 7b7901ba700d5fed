package dev.unrolled.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.Result;
import ai.onnxruntime.OrtSession.SessionOptions;
import dev.unrolled.Precision;
import java.nio.file.Path;
import java.util.Map;

/** An ONNX file running in ONNX Runtime's Java API on one intra-op thread: the real client. */
final class OrtSession implements AutoCloseable {
  private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();

  private final ai.onnxruntime.OrtSession session;
  private final Precision precision;
  private final String input;
  private final String output;

  OrtSession(Path file, Precision precision) throws OrtException {
    try (SessionOptions options = new SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      this.session = ENVIRONMENT.createSession(file.toString(), options);
    }
    this.precision = precision;
    this.input = session.getInputNames().iterator().next();
    this.output = session.getOutputNames().iterator().next();
  }

  /** The graph's output for {@code rows}, fed as one batch of the model's precision. */
  double[][] run(double[][] rows) throws OrtException {
    try (OnnxTensor tensor = tensor(rows); Result result = session.run(Map.of(input, tensor))) {
      Object value = result.get(output).orElseThrow().getValue();
      if (value instanceof double[][]) {
        return (double[][]) value;
      }
      float[][] floats = (float[][]) value;
      double[][] output = new double[floats.length][];
      for (int r = 0; r < floats.length; r++) {
        output[r] = new double[floats[r].length];
        for (int j = 0; j < floats[r].length; j++) {
          output[r][j] = floats[r][j];
        }
      }
      return output;
    }
  }

  private OnnxTensor tensor(double[][] rows) throws OrtException {
    if (precision == Precision.DOUBLE) {
      return OnnxTensor.createTensor(ENVIRONMENT, rows);
    }
    float[][] floats = new float[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      floats[r] = new float[rows[r].length];
      for (int i = 0; i < rows[r].length; i++) {
        floats[r][i] = (float) rows[r][i];
      }
    }
    return OnnxTensor.createTensor(ENVIRONMENT, floats);
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
