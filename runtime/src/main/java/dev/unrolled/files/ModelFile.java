package dev.unrolled.files;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import dev.unrolled.Architecture;
import dev.unrolled.Architecture.Layer;
import dev.unrolled.Model;
import dev.unrolled.Precision;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;

/**
 * Saves a model's parameters and running estimates together with its architecture, and loads them
 * back only into a model of the same architecture. {@link Model#save} and {@link Model#load}
 * delegate here.
 *
 * <pre>{@code
 * model.save(Path.of("iris.unrl"));       // atomic: readers see the old file or the new one
 * IrisModel copy = new IrisModel(0);
 * copy.load(Path.of("iris.unrl"));        // ModelFileException unless the file is an intact IrisModel
 * }</pre>
 *
 * <h2>Format, versions 1 to 3</h2>
 *
 * <p>Big-endian, as {@link java.io.DataOutputStream} writes:
 *
 * <table>
 * <caption>Model file, format versions 1 to 3</caption>
 * <tr><th>bytes</th><th>type</th><th>content</th><th>versions</th></tr>
 * <tr><td>4</td><td>int</td><td>magic number {@code 0x554E524C}, ASCII {@code UNRL}</td><td>all</td></tr>
 * <tr><td>4</td><td>int</td><td>format version: {@code 1}, {@code 2} or {@code 3} (see below)</td><td>all</td></tr>
 * <tr><td>4</td><td>int</td><td>inputs</td><td>all</td></tr>
 * <tr><td>4</td><td>int</td><td>the RBF layer's units: at least 1 in version 2; in version 3, 0 for
 *     none</td><td>2, 3</td></tr>
 * <tr><td>4</td><td>int</td><td>L, the number of dense layers (hidden layers, then the output
 *     layer)</td><td>all</td></tr>
 * <tr><td>L × (4 + 2 + n)</td><td>int, name</td><td>per layer: units, then the activation</td><td>1, 2</td></tr>
 * <tr><td>L × (4 + 2 + n + 2 + n + 8)</td><td>int, name, name, double</td><td>per layer: units, the
 *     activation, the normalisation ({@link dev.unrolled.Norm}), then the dropout probability</td><td>3</td></tr>
 * <tr><td>2 + n</td><td>name</td><td>the loss</td><td>all</td></tr>
 * <tr><td>2 + n</td><td>name</td><td>the precision, {@code FLOAT} or {@code DOUBLE}</td><td>all</td></tr>
 * <tr><td>4</td><td>int</td><td>P, the model's {@link Model#parameterCount()}</td><td>all</td></tr>
 * <tr><td>P × 4 or P × 8</td><td>float or double</td><td>the parameters in the flat layout of
 *     {@link Model#getParameters}, in the precision above</td><td>all</td></tr>
 * <tr><td>4</td><td>int</td><td>R, the model's {@link Model#runningEstimateCount()}</td><td>3</td></tr>
 * <tr><td>R × 4 or R × 8</td><td>float or double</td><td>the running estimates in the layout of
 *     {@link Model#getRunningEstimates} (per {@code BATCH} layer its running means, then its running
 *     variances), in the precision above</td><td>3</td></tr>
 * <tr><td>4</td><td>int</td><td>CRC-32 ({@link java.util.zip.CRC32}) of every byte before it</td><td>all</td></tr>
 * </table>
 *
 * <p>A name is an unsigned 16-bit byte count n, then n ASCII bytes: the enum constant's name, as
 * {@link java.io.DataOutput#writeUTF} writes it. Names rather than ordinals, so that a reordered enum
 * never changes what a file means. {@code save} writes the oldest version that can hold the model:
 * version 3 when a layer is normalised or has dropout, or the model keeps running estimates;
 * otherwise version 2 for a network with an RBF layer and version 1 for the rest. So the files of
 * networks that earlier Unrolled could describe are byte for byte what it wrote and still reads.
 * Everything up to P is {@link Model#architecture()}; P and R are stored as well because the
 * architecture fixes the counts only for generated models, and a load checks what the receiving
 * model really exposes.
 *
 * <h2>Loading</h2>
 *
 * <p>The whole file is read and verified before the model is touched: magic number, version, header,
 * exact size, CRC-32, finite parameters, finite running estimates and non-negative running
 * variances, then the architecture (normalisation and dropout included) and both counts against the
 * model's. Only then does the load call {@link Model#setParameters} and
 * {@link Model#setRunningEstimates}. Any failure is a {@link ModelFileException} saying what was
 * expected and what was found, and the model keeps its parameters and running estimates. A file of
 * version 1 or 2 describes layers without normalisation or dropout and holds no running estimates,
 * so it loads into a model of such layers that keeps none, as it always did. A corrupt header cannot
 * cause a large allocation: sizes are checked against the file's length first.
 *
 * <h2>Saving</h2>
 *
 * <p>The file is written to a temporary file in the same directory ({@code name.<random>.tmp}),
 * forced to the device, then renamed over the target in one atomic move. A failed write leaves the
 * previous file as it was and deletes the temporary file; a crash leaves the previous file as it
 * was and at most a stray temporary file. Where the file system cannot move atomically the rename
 * falls back to an ordinary replace: the new file is still complete, but a crash during that replace
 * may leave the complete temporary file instead of the target. A symbolic link at the target is
 * replaced, not followed. On POSIX systems the new file gets the permissions any newly created file
 * gets (the umask), not the owner-only permissions of a temporary file. A model with a NaN or
 * infinite parameter or running estimate (or, in a FLOAT file, one beyond the float range), or with a
 * negative running variance, is refused with a {@link ModelFileException} before anything is
 * written: such a file could only ever produce NaN predictions, and no load would accept it.
 */
public final class ModelFile {
  /** ASCII "UNRL". */
  static final int MAGIC = 0x554E524C;
  /**
   * The format of networks with normalised layers, dropout or running estimates; every field of the
   * older formats, and those.
   */
  static final int VERSION_NORM = 3;
  /** The newest format this Unrolled writes and reads; it reads every older one. */
  static final int VERSION = VERSION_NORM;
  /** The format of networks with an RBF layer and plain dense layers. */
  static final int VERSION_RBF = 2;
  /** The format of networks of plain dense layers only, unchanged since the first. */
  static final int VERSION_DENSE = 1;
  /** Bytes per write and read: parameters are streamed in chunks, not one value per call. */
  static final int CHUNK = 1 << 16;

  private ModelFile() {}

  /**
   * Writes {@code model}'s architecture, parameters and running estimates to {@code file}, atomically
   * replacing it.
   *
   * @throws ModelFileException if a parameter or running estimate is not finite, or a running
   *     variance is negative; nothing is written then
   * @throws IOException if the file cannot be written; the previous file, if any, is unchanged
   */
  public static void save(Model model, Path file) throws IOException {
    save(model, file, UnaryOperator.identity());
  }

  /** {@link #save(Model, Path)}, with the temporary file's stream wrapped: a seam for failure tests. */
  static void save(Model model, Path file, UnaryOperator<OutputStream> wrapper) throws IOException {
    requireArgument(model, "model");
    requireArgument(file, "file");
    Architecture architecture = model.architecture();
    double[] parameters = model.parameters();
    double[] estimates = estimates(model);
    requireSavable(parameters, architecture, file);
    RunningEstimates.requireSavable(estimates, architecture, file);
    AtomicFile.write(file, out -> write(wrapper.apply(out), architecture, parameters, estimates));
  }

  /**
   * The bytes {@link #save} would write for {@code model}, in memory: to keep a model in a database
   * or a message, or inside a training checkpoint. {@link #load(Model, byte[], String)} reads them.
   *
   * @throws ModelFileException if a parameter or running estimate cannot be saved, as for {@link #save}
   */
  public static byte[] toBytes(Model model) throws IOException {
    requireArgument(model, "model");
    return image(model, "the model's bytes");
  }

  /**
   * {@link #load(Model, Path)} for bytes from {@link #toBytes}; {@code source} names where they came
   * from in messages.
   *
   * @throws ModelFileException if the bytes are not an intact model file of {@code into}'s
   *     architecture; {@code into} is then unchanged
   */
  public static void load(Model into, byte[] image, String source) throws IOException {
    requireArgument(into, "the model to load into");
    requireArgument(image, "image");
    apply(ModelFileReader.read(image, source), into, source);
  }

  /**
   * Checks, without changing {@code into}, that {@link #load(Model, byte[], String)} would succeed:
   * for a caller that must check several things before changing any.
   *
   * @throws ModelFileException as {@code load} would
   */
  public static void requireLoadable(Model into, byte[] image, String source) throws IOException {
    requireArgument(into, "the model to load into");
    requireArgument(image, "image");
    requireFits(ModelFileReader.read(image, source), into, source);
  }

  private static byte[] image(Model model, Object file) throws IOException {
    Architecture architecture = model.architecture();
    double[] parameters = model.parameters();
    double[] estimates = estimates(model);
    requireSavable(parameters, architecture, file);
    RunningEstimates.requireSavable(estimates, architecture, file);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(bytes, architecture, parameters, estimates);
    return bytes.toByteArray();
  }

  private static double[] estimates(Model model) {
    double[] estimates = new double[model.runningEstimateCount()];
    model.getRunningEstimates(estimates);
    return estimates;
  }

  /**
   * Replaces {@code into}'s parameters and running estimates with those in {@code file}, which must
   * hold a model of the same architecture, parameter count and running-estimate count.
   *
   * @throws ModelFileException if the file is not an intact model file of {@code into}'s architecture;
   *     {@code into} is then unchanged
   * @throws IOException if the file cannot be read
   */
  public static void load(Model into, Path file) throws IOException {
    requireArgument(into, "the model to load into");
    requireArgument(file, "file");
    apply(ModelFileReader.read(file), into, file.toString());
  }

  /**
   * Checks that {@code contents}, read from {@code source}, fit {@code into}: the same architecture,
   * parameter count and running-estimate count.
   */
  static void requireFits(ModelFileReader.Contents contents, Model into, String source) throws ModelFileException {
    Architecture expected = into.architecture();
    if (!contents.architecture().equals(expected)) {
      throw new ModelFileException(source + " holds a model of architecture " + contents.architecture()
          + ", but the model to load into is " + expected + "; load it into a model declared with the "
          + "same @Network (ModelFile.readArchitecture tells which)");
    }
    if (contents.parameters().length != into.parameterCount()) {
      throw new ModelFileException(source + " holds " + contents.parameters().length + " parameters, but the "
          + "model to load into has " + into.parameterCount() + " (both " + expected + "); the file was "
          + "saved from another implementation of this architecture — load it into that one");
    }
    if (contents.runningEstimates().length != into.runningEstimateCount()) {
      throw new ModelFileException(source + " holds " + contents.runningEstimates().length + " running estimates, "
          + "but the model to load into keeps " + into.runningEstimateCount() + " (both " + expected + "); the "
          + "file was saved from another implementation of this architecture — load it into that one");
    }
  }

  /** {@link #requireFits}, then sets the parameters and running estimates. */
  static void apply(ModelFileReader.Contents contents, Model into, String source) throws ModelFileException {
    requireFits(contents, into, source);
    into.setParameters(contents.parameters());
    into.setRunningEstimates(contents.runningEstimates());
  }

  /**
   * The architecture stored in {@code file}, after verifying the whole file as {@link #load} does.
   *
   * @throws ModelFileException if the file is not an intact model file
   */
  public static Architecture readArchitecture(Path file) throws IOException {
    requireArgument(file, "file");
    return ModelFileReader.read(file).architecture();
  }

  /**
   * The architecture stored in bytes from {@link #toBytes}, after verifying them as
   * {@link #load(Model, byte[], String)} does; {@code source} names them in messages.
   *
   * @throws ModelFileException if the bytes are not an intact model file
   */
  public static Architecture readArchitecture(byte[] image, String source) throws IOException {
    requireArgument(image, "image");
    return ModelFileReader.read(image, source).architecture();
  }

  private static void requireSavable(double[] parameters, Architecture architecture, Object file)
      throws ModelFileException {
    boolean single = architecture.precision() == Precision.FLOAT;
    for (int i = 0; i < parameters.length; i++) {
      double value = parameters[i];
      if (!Double.isFinite(single ? (float) value : value)) {
        throw new ModelFileException("not saving " + file + ": " + describe(architecture, parameters.length, i)
            + " is " + value + (Double.isFinite(value) ? ", beyond the range of a FLOAT model's floats" : "")
            + "; a model file holds finite parameters only. Training probably diverged: lower the "
            + "learning rate or standardise the inputs, and train again");
      }
    }
  }

  private static void write(OutputStream out, Architecture architecture, double[] parameters, double[] estimates)
      throws IOException {
    int version = version(architecture, estimates.length);
    CRC32 crc = new CRC32();
    byte[] header = header(architecture, parameters.length, version);
    crc.update(header);
    out.write(header);
    boolean single = architecture.precision() == Precision.FLOAT;
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK); // big-endian
    put(parameters, single, chunk, crc, out);
    if (version >= VERSION_NORM) {
      if (chunk.remaining() < Integer.BYTES) {
        drain(chunk, crc, out);
      }
      chunk.putInt(estimates.length);
      put(estimates, single, chunk, crc, out);
    }
    drain(chunk, crc, out);
    chunk.putInt((int) crc.getValue());
    out.write(chunk.array(), 0, chunk.position());
    out.flush();
  }

  /** The oldest format that holds the network, so that older networks' files never change. */
  static int version(Architecture architecture, int runningEstimates) {
    boolean plain = architecture.layers().stream().noneMatch(layer -> layer.normalised() || layer.dropout() > 0);
    if (!plain || runningEstimates > 0) {
      return VERSION_NORM;
    }
    return architecture.hasRbf() ? VERSION_RBF : VERSION_DENSE;
  }

  /** Appends {@code values} in the file's precision, draining full chunks. */
  private static void put(double[] values, boolean single, ByteBuffer chunk, CRC32 crc, OutputStream out)
      throws IOException {
    for (double value : values) {
      if (chunk.remaining() < Double.BYTES) {
        drain(chunk, crc, out);
      }
      if (single) {
        chunk.putFloat((float) value);
      } else {
        chunk.putDouble(value);
      }
    }
  }

  private static byte[] header(Architecture architecture, int parameterCount, int version) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(bytes);
    data.writeInt(MAGIC);
    data.writeInt(version);
    data.writeInt(architecture.inputs());
    if (version >= VERSION_RBF) {
      data.writeInt(architecture.rbfUnits());
    }
    data.writeInt(architecture.layers().size());
    for (Layer layer : architecture.layers()) {
      data.writeInt(layer.units());
      data.writeUTF(layer.activation().name());
      if (version >= VERSION_NORM) {
        data.writeUTF(layer.norm().name());
        data.writeDouble(layer.dropout());
      }
    }
    data.writeUTF(architecture.loss().name());
    data.writeUTF(architecture.precision().name());
    data.writeInt(parameterCount);
    return bytes.toByteArray();
  }

  private static void drain(ByteBuffer chunk, CRC32 crc, OutputStream out) throws IOException {
    crc.update(chunk.array(), 0, chunk.position());
    out.write(chunk.array(), 0, chunk.position());
    chunk.clear();
  }

  /** "parameter 17 (layer 2 weight W[1][3])" where the flat layout is known, else "parameter 17". */
  static String describe(Architecture architecture, int count, int index) {
    String name = "parameter " + index;
    if (architecture.parameterCount() != count) {
      return name;
    }
    for (Architecture.LayerSpan layer : architecture.table()) {
      java.util.Optional<String> where = layer.describe(index);
      if (where.isPresent()) {
        return name + " (" + where.get() + ")";
      }
    }
    return name;
  }

  private static void requireArgument(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is null");
    }
  }
}
