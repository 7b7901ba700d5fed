package dev.unrolled.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A constant of an ONNX file as doubles, with its dimensions. Reads float and double tensors (raw
 * little-endian bytes or the typed fields) and int64 ones for axes; refuses other element types and
 * external data.
 */
record Tensor(long[] dims, double[] values) {
  /** Its number of elements: the product of its dimensions (1 for a scalar). */
  static long elements(long[] dims) {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    return n;
  }

  static Tensor of(TensorProto tensor, String what, OnnxGraph graph) throws OnnxFileException {
    if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      throw graph.error(what + " is stored outside the file (external data); save the model with its "
          + "weights inside, as exporters do below 2 GB");
    }
    long[] dims = tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
    long n = elements(dims);
    if (Arrays.stream(dims).anyMatch(d -> d < 0) || n > Integer.MAX_VALUE) {
      throw graph.error(what + " has dimensions " + Arrays.toString(dims) + ", which no weight of Unrolled has");
    }
    double[] values = new double[(int) n];
    boolean raw = !tensor.getRawData().isEmpty();
    ByteBuffer bytes = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    switch (TensorProto.DataType.forNumber(tensor.getDataType()) == null ? TensorProto.DataType.UNDEFINED
        : TensorProto.DataType.forNumber(tensor.getDataType())) {
      case FLOAT:
        requireCount(raw ? bytes.remaining() / 4 : tensor.getFloatDataCount(), raw && bytes.remaining() % 4 != 0, n, what, graph);
        for (int i = 0; i < n; i++) {
          values[i] = raw ? bytes.getFloat(4 * i) : tensor.getFloatData(i);
        }
        break;
      case DOUBLE:
        requireCount(raw ? bytes.remaining() / 8 : tensor.getDoubleDataCount(), raw && bytes.remaining() % 8 != 0, n, what, graph);
        for (int i = 0; i < n; i++) {
          values[i] = raw ? bytes.getDouble(8 * i) : tensor.getDoubleData(i);
        }
        break;
      case INT64:
        requireCount(raw ? bytes.remaining() / 8 : tensor.getInt64DataCount(), raw && bytes.remaining() % 8 != 0, n, what, graph);
        for (int i = 0; i < n; i++) {
          values[i] = raw ? bytes.getLong(8 * i) : tensor.getInt64Data(i);
        }
        break;
      default:
        throw graph.error(what + " holds " + TensorProto.DataType.forNumber(tensor.getDataType())
            + " elements (type " + tensor.getDataType() + "); Unrolled reads float and double weights: convert "
            + "the model to float32 before exporting");
    }
    return new Tensor(dims, values);
  }

  private static void requireCount(long found, boolean ragged, long expected, String what, OnnxGraph graph)
      throws OnnxFileException {
    if (found != expected || ragged) {
      throw graph.error(what + " declares " + expected + " elements but holds " + found
          + (ragged ? " and a partial one" : "") + "; the file is damaged");
    }
  }

  /** Its number of elements. */
  int size() {
    return values.length;
  }

  /** Whether its dimensions are exactly {@code expected}. */
  boolean hasDims(long... expected) {
    return Arrays.equals(dims, expected);
  }

  /** {@code [16, 4]}. */
  String shape() {
    return Arrays.toString(dims);
  }

  /** The values of a 2-D {@code [rows][columns]} tensor transposed to {@code [columns][rows]}. */
  double[] transposed() {
    int rows = (int) dims[0];
    int columns = (int) dims[1];
    double[] t = new double[values.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        t[c * rows + r] = values[r * columns + c];
      }
    }
    return t;
  }
}
