package dev.unrolled.files;

import static com.google.common.truth.Truth.assertThat;
import static dev.unrolled.Activation.IDENTITY;
import static dev.unrolled.Activation.TANH;
import static dev.unrolled.Loss.MEAN_SQUARED_ERROR;
import static dev.unrolled.Loss.SOFTMAX_CROSS_ENTROPY;
import static dev.unrolled.Precision.DOUBLE;
import static dev.unrolled.Precision.FLOAT;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unrolled.Architecture;
import dev.unrolled.Architecture.Layer;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import dev.unrolled.testing.LogisticModel;
import dev.unrolled.testing.ScriptedTrainer;
import dev.unrolled.testing.VectorModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFileTest {
  /**
   * The file of {@link #logistic()}: magic 0–3, version 4–7, inputs 8–11, layer count 12–15, units
   * 16–19, "IDENTITY" 20–29, "SIGMOID_CROSS_ENTROPY" 30–52, "DOUBLE" 53–60, parameter count 61–64,
   * three doubles 65–88, CRC-32 89–92.
   */
  private static final int LOGISTIC_FILE_SIZE = 93;
  private static final int FIRST_PARAMETER = 65;
  private static final Architecture IRIS = Architecture.of(4, SOFTMAX_CROSS_ENTROPY, FLOAT,
      new Layer(16, TANH), new Layer(3, IDENTITY));
  /**
   * 2 inputs, 3 Gaussian units, one linear output: centres C[3][2] 0–5, log-widths s 6–8, then the
   * dense layer's W[1][3] 9–11 and b 12. Its file: magic 0–3, version 4–7, inputs 8–11, RBF units
   * 12–15, layer count 16–19, then as a format-1 file: 66 bytes of header, 13 doubles, the CRC-32.
   */
  private static final Architecture RBF = Architecture.withRbf(2, 3, MEAN_SQUARED_ERROR, DOUBLE,
      new Layer(1, IDENTITY));
  /**
   * A batch-normalised hidden layer with dropout, then a plain output layer: parameters W[4][3] 0–11,
   * gamma 12–15, beta 16–19, then the output layer's W[2][4] 20–27 and b 28–29; running estimates
   * rm[4] 0–3, rv[4] 4–7. Its file: magic 0–3, version 4–7, inputs 8–11, RBF units 12–15, layer count
   * 16–19, layer 1 20–44 (units, "TANH", "BATCH", dropout), layer 2 45–72, "SOFTMAX_CROSS_ENTROPY"
   * 73–95, "DOUBLE" 96–103, parameter count 104–107, 30 doubles 108–347, running-estimate count
   * 348–351, 8 doubles 352–415, CRC-32 416–419.
   */
  private static final Architecture BATCH = Architecture.of(3, SOFTMAX_CROSS_ENTROPY, DOUBLE,
      new Layer(4, TANH, Norm.BATCH, 0.25), new Layer(2, IDENTITY));
  private static final int BATCH_HEADER = 108;
  private static final int BATCH_ESTIMATE_COUNT = 348;
  private static final int BATCH_FIRST_ESTIMATE = 352;
  private static final int BATCH_FILE_SIZE = 420;
  /** The dense layers of {@link #RBF} without its RBF layer. */
  private static final Architecture RBF_WITHOUT_RBF = Architecture.of(2, MEAN_SQUARED_ERROR, DOUBLE,
      new Layer(1, IDENTITY));

  @TempDir Path dir;

  /** Logistic regression on two inputs with weights 0.5, −2 and bias 0.25. */
  private static LogisticModel logistic() {
    LogisticModel model = new LogisticModel(2);
    model.setParameters(new double[] {0.5, -2, 0.25});
    return model;
  }

  private Path saved(Model model) throws IOException {
    Path file = dir.resolve("model.unrl");
    ModelFile.save(model, file);
    return file;
  }

  private Path file(byte[] bytes) throws IOException {
    return Files.write(dir.resolve("edited.unrl"), bytes);
  }

  private static ModelFileException rejected(Model into, Path file) {
    return assertThrows(ModelFileException.class, () -> ModelFile.load(into, file));
  }

  /** {@code bytes} with its last 4 bytes replaced by the CRC-32 of the rest: a consistent edit. */
  private static byte[] resealed(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    return bytes;
  }

  private static long[] bits(double[] values) {
    return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
  }

  private List<Path> directoryListing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  // Round trips

  @Test
  void aDoubleModelRoundTripsBitForBit() throws IOException {
    LogisticModel model = new LogisticModel(4);
    double[] awkward = {-0.0, 1.0 / 3, Double.MIN_VALUE, -Double.MAX_VALUE, 1e-300};
    model.setParameters(awkward);
    LogisticModel loaded = new LogisticModel(4);

    ModelFile.load(loaded, saved(model));

    assertThat(bits(loaded.parameters())).isEqualTo(bits(awkward));
  }

  @Test
  void aFloatModelStoresFourBytesPerParameterAndRoundTripsFloatsExactly() throws IOException {
    VectorModel model = VectorModel.filled(IRIS);
    double[] parameters = model.parameters();
    parameters[0] = -0.0;
    parameters[1] = Float.MIN_VALUE;
    parameters[2] = Float.MAX_VALUE;
    parameters[3] = (float) (1.0 / 3);
    model.setParameters(parameters);
    VectorModel loaded = new VectorModel(IRIS);

    Path file = saved(model);
    ModelFile.load(loaded, file);

    assertThat(bits(loaded.parameters())).isEqualTo(bits(parameters));
    long header = 4 + 4 + 4 + 4 + (4 + 2 + 4) + (4 + 2 + 8) + (2 + 21) + (2 + 5) + 4;
    assertThat(Files.size(file)).isEqualTo(header + 4L * IRIS.parameterCount() + 4);
  }

  @Test
  void aFloatFileRoundsDoublesToTheNearestFloat() throws IOException {
    VectorModel model = VectorModel.filled(IRIS);
    double[] parameters = model.parameters();
    parameters[5] = 0.1;
    model.setParameters(parameters);
    VectorModel loaded = new VectorModel(IRIS);

    ModelFile.load(loaded, saved(model));

    assertThat(loaded.parameters()[5]).isEqualTo((double) (float) 0.1);
  }

  @Test
  void theModelsSaveAndLoadMethodsUseTheSameFiles() throws IOException {
    Path file = dir.resolve("logistic.unrl");
    LogisticModel loaded = new LogisticModel(2);

    logistic().save(file);
    loaded.load(file);

    assertThat(loaded.parameters()).usingExactEquality().containsExactly(0.5, -2.0, 0.25).inOrder();
    assertThat(ModelFile.readArchitecture(file)).isEqualTo(logistic().architecture());
  }

  @Test
  void theFileIsLaidOutAsDocumented() throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(expected);
    data.writeBytes("UNRL");
    data.writeInt(1);
    data.writeInt(2); // inputs
    data.writeInt(1); // layers
    data.writeInt(1);
    data.writeShort(8);
    data.writeBytes("IDENTITY");
    data.writeShort(21);
    data.writeBytes("SIGMOID_CROSS_ENTROPY");
    data.writeShort(6);
    data.writeBytes("DOUBLE");
    data.writeInt(3); // parameters
    data.writeDouble(0.5);
    data.writeDouble(-2);
    data.writeDouble(0.25);
    CRC32 crc = new CRC32();
    crc.update(expected.toByteArray());
    data.writeInt((int) crc.getValue());

    byte[] written = Files.readAllBytes(saved(logistic()));

    assertThat(written).isEqualTo(expected.toByteArray());
    assertThat(written).hasLength(LOGISTIC_FILE_SIZE);
    assertThat(ModelFile.MAGIC).isEqualTo(0x554E524C);
  }

  @Test
  void savingReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = saved(VectorModel.filled(IRIS));

    ModelFile.save(logistic(), file);

    assertThat(ModelFile.readArchitecture(file)).isEqualTo(logistic().architecture());
    assertThat(directoryListing()).containsExactly(file);
  }

  @Test
  void aSavedFileGetsTheUsualPermissionsRatherThanATemporaryFilesOwnerOnlyOnes() throws IOException {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    Path ordinary = Files.createFile(dir.resolve("ordinary"));

    Path file = saved(logistic());

    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(ordinary));
  }

  // Rejected files

  @Test
  void aFileOfAnotherArchitectureIsRejectedNamingBoth() throws IOException {
    Path file = saved(VectorModel.filled(IRIS));
    Architecture narrower = Architecture.of(4, SOFTMAX_CROSS_ENTROPY, FLOAT,
        new Layer(8, TANH), new Layer(3, IDENTITY));

    ModelFileException e = rejected(new VectorModel(narrower), file);

    assertThat(e).hasMessageThat().isEqualTo(file + " holds a model of architecture "
        + "4 → 16 TANH → 3 IDENTITY, SOFTMAX_CROSS_ENTROPY, FLOAT, but the model to load into is "
        + "4 → 8 TANH → 3 IDENTITY, SOFTMAX_CROSS_ENTROPY, FLOAT; load it into a model declared with the "
        + "same @Network (ModelFile.readArchitecture tells which)");
  }

  @Test
  void aFileWithAnotherParameterCountForTheSameArchitectureIsRejected() throws IOException {
    ScriptedTrainer.ScriptedModel scripted = new ScriptedTrainer.ScriptedModel(); // no bias: 1 parameter
    Path file = saved(scripted);

    ModelFileException e = rejected(new VectorModel(scripted.architecture()), file);

    assertThat(e).hasMessageThat().contains("holds 1 parameters, but the model to load into has 2");
    assertThat(e).hasMessageThat().contains(scripted.architecture().toString());
  }

  @Test
  void aFileThatIsNotAModelFileIsRejected() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "weights: 0.5, -2, 0.25\n");

    ModelFileException e = rejected(logistic(), text);

    assertThat(e).hasMessageThat().startsWith(text + " is not an Unrolled model file: it starts with "
        + "0x77656967 where a model file starts with 0x554E524C (\"UNRL\")");
  }

  @Test
  void aFileFromANewerFormatIsRejected() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(logistic()));
    ByteBuffer.wrap(bytes).putInt(4, 4);
    Path file = file(resealed(bytes));

    ModelFileException e = rejected(logistic(), file);

    assertThat(e).hasMessageThat().isEqualTo(file + " was written by a newer Unrolled: format 4, "
        + "this Unrolled reads formats 1 to 3; upgrade Unrolled to load it");
  }

  @ParameterizedTest(name = "cut after {0} bytes")
  @ValueSource(ints = {0, 3, 6, 14, 25, 40, 63})
  void aFileTruncatedInsideItsHeaderIsRejected(int length) throws IOException {
    byte[] bytes = Files.readAllBytes(saved(logistic()));

    ModelFileException e = rejected(logistic(), file(Arrays.copyOf(bytes, length)));

    assertThat(e).hasMessageThat().contains("is truncated: expected at least ");
    assertThat(e).hasMessageThat().contains(" bytes, found " + length + " (it ends inside the header");
  }

  @ParameterizedTest(name = "cut after {0} bytes")
  @ValueSource(ints = {FIRST_PARAMETER, 80, LOGISTIC_FILE_SIZE - 4, LOGISTIC_FILE_SIZE - 1})
  void aFileTruncatedAfterItsHeaderIsRejectedWithItsExpectedSize(int length) throws IOException {
    byte[] bytes = Files.readAllBytes(saved(logistic()));

    ModelFileException e = rejected(logistic(), file(Arrays.copyOf(bytes, length)));

    assertThat(e).hasMessageThat().contains("is truncated: expected 93 bytes (65 bytes of header, "
        + "3 DOUBLE parameters of 8 bytes and a 4-byte CRC-32, for 2 → 1 IDENTITY, SIGMOID_CROSS_ENTROPY, "
        + "DOUBLE), found " + length);
  }

  @Test
  void trailingBytesAreRejected() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(logistic()));

    ModelFileException e = rejected(logistic(), file(Arrays.copyOf(bytes, bytes.length + 1)));

    assertThat(e).hasMessageThat().contains("has 1 trailing byte: expected 93 bytes");
    assertThat(e).hasMessageThat().contains("found 94");
  }

  @ParameterizedTest(name = "byte {0} flipped")
  @ValueSource(ints = {FIRST_PARAMETER, 80, LOGISTIC_FILE_SIZE - 4, LOGISTIC_FILE_SIZE - 1})
  void aChangedByteInTheParametersOrTheChecksumIsCorruption(int offset) throws IOException {
    byte[] bytes = Files.readAllBytes(saved(logistic()));
    bytes[offset] ^= 0x10;

    ModelFileException e = rejected(logistic(), file(bytes));

    assertThat(e).hasMessageThat().containsMatch("is corrupted: its CRC-32 is 0x[0-9A-F]{8} but its "
        + "contents give 0x[0-9A-F]{8}");
  }

  @Test
  void anUnknownActivationIsRejectedListingTheKnownOnes() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(logistic()));
    bytes[29] = 'Z'; // IDENTITY → IDENTITZ

    ModelFileException consistent = rejected(logistic(), file(resealed(bytes.clone())));
    bytes[LOGISTIC_FILE_SIZE - 1] ^= 1;
    ModelFileException corrupted = rejected(logistic(), file(bytes));

    assertThat(consistent).hasMessageThat().contains("has an invalid header: layer 1's activation is "
        + "'IDENTITZ', which this Unrolled does not know (it knows [IDENTITY, SIGMOID, TANH, RELU, "
        + "LEAKY_RELU, ELU, SOFTPLUS, SILU]). Its CRC-32 matches, so it was written like this");
    assertThat(corrupted).hasMessageThat().contains("Its CRC-32 does not match its contents either: "
        + "the file is corrupted");
  }

  @Test
  void anAbsurdLayerCountIsRejectedBeforeReadingLayers() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(logistic()));
    ByteBuffer.wrap(bytes).putInt(12, Integer.MAX_VALUE);

    ModelFileException e = rejected(logistic(), file(bytes));

    assertThat(e).hasMessageThat().contains("has an invalid header: the layer count is 2147483647, more "
        + "than the 77 bytes left can hold");
  }

  @Test
  void anAbsurdParameterCountIsComparedWithTheFileSizeBeforeAnythingIsAllocated() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(logistic()));
    ByteBuffer.wrap(bytes).putInt(61, Integer.MAX_VALUE);
    byte[] negative = bytes.clone();
    ByteBuffer.wrap(negative).putInt(61, -3);

    ModelFileException huge = rejected(logistic(), file(resealed(bytes)));
    ModelFileException below = rejected(logistic(), file(resealed(negative)));

    long expected = 65 + 8L * Integer.MAX_VALUE + 4;
    assertThat(huge).hasMessageThat().contains("is truncated: expected " + expected + " bytes");
    assertThat(huge).hasMessageThat().contains("found 93");
    assertThat(below).hasMessageThat().contains("has an invalid header: the parameter count is -3");
  }

  @Test
  void aNonFiniteParameterInAFileIsRejected() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(logistic()));
    ByteBuffer.wrap(bytes).putDouble(FIRST_PARAMETER + 8, Double.NaN);

    ModelFileException e = rejected(logistic(), file(resealed(bytes)));

    assertThat(e).hasMessageThat().contains("holds a non-finite parameter: parameter 1 (layer 1 weight "
        + "W[0][1]) is NaN");
  }

  @Test
  void aRejectedFileLeavesTheModelUnchanged() throws IOException {
    byte[] good = Files.readAllBytes(saved(logistic()));
    byte[] flipped = good.clone();
    flipped[70] ^= 1;
    byte[] newer = good.clone();
    ByteBuffer.wrap(newer).putInt(4, 9);
    List<byte[]> broken = List.of(Arrays.copyOf(good, 80), Arrays.copyOf(good, 92), flipped, newer);
    Path otherLoss = dir.resolve("regression.unrl"); // also 3 parameters
    ModelFile.save(VectorModel.filled(Architecture.of(2, Loss.MEAN_SQUARED_ERROR, Precision.DOUBLE,
        new Layer(1, IDENTITY))), otherLoss);
    LogisticModel model = new LogisticModel(2);
    model.setParameters(new double[] {7, 8, 9});

    for (byte[] bytes : broken) {
      rejected(model, file(bytes));
    }
    rejected(model, otherLoss);

    assertThat(model.parameters()).usingExactEquality().containsExactly(7.0, 8.0, 9.0).inOrder();
  }

  @Test
  void readArchitectureVerifiesTheWholeFile() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(logistic()));
    bytes[80] ^= 1;
    Path file = file(bytes);

    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.readArchitecture(file));

    assertThat(e).hasMessageThat().contains("is corrupted");
  }

  // Saving

  @Test
  void aModelWithANonFiniteParameterIsNotSaved() throws IOException {
    Path file = saved(logistic());
    byte[] before = Files.readAllBytes(file);
    LogisticModel diverged = new LogisticModel(2);
    diverged.setParameters(new double[] {1, 2, Double.NaN});

    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.save(diverged, file));

    assertThat(e).hasMessageThat().startsWith("not saving " + file + ": parameter 2 (layer 1 bias b[0]) "
        + "is NaN; a model file holds finite parameters only");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(directoryListing()).containsExactly(file);
  }

  @Test
  void aFloatModelBeyondTheFloatRangeIsNotSaved() {
    VectorModel model = VectorModel.filled(IRIS);
    double[] parameters = model.parameters();
    parameters[64 + 16 + 17] = 1e39; // the second layer's weight W[1][1]
    model.setParameters(parameters);

    ModelFileException e = assertThrows(ModelFileException.class, () -> saved(model));

    assertThat(e).hasMessageThat().contains("parameter 97 (layer 2 weight W[1][1]) is 1.0E39, beyond the "
        + "range of a FLOAT model's floats");
  }

  @ParameterizedTest(name = "failing after {0} bytes")
  @ValueSource(ints = {0, 20, 70})
  void aSaveKilledMidwayKeepsTheOldFileByteForByteAndLeavesNoTemporaryFile(int limit) throws IOException {
    Path file = saved(logistic());
    byte[] before = Files.readAllBytes(file);
    LogisticModel changed = new LogisticModel(2);
    changed.setParameters(new double[] {1, 2, 3});

    IOException e = assertThrows(IOException.class, () -> ModelFile.save(changed, file, failingAfter(limit)));

    assertThat(e).hasMessageThat().isEqualTo("disk full (injected)");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(directoryListing()).containsExactly(file);
  }

  @Test
  void aFirstSaveKilledMidwayLeavesNoFileAtAll() {
    Path file = dir.resolve("never.unrl");

    assertThrows(IOException.class, () -> ModelFile.save(logistic(), file, failingAfter(40)));

    assertThat(Files.exists(file)).isFalse();
    assertThat(dir.toFile().list()).isEmpty();
  }

  // RBF layers: format 2

  @Test
  void anRbfNetworkIsWrittenAsFormat2WithItsUnitsAfterTheInputs() throws IOException {
    VectorModel model = VectorModel.filled(RBF);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(expected);
    data.writeBytes("UNRL");
    data.writeInt(2);
    data.writeInt(2); // inputs
    data.writeInt(3); // RBF units
    data.writeInt(1); // dense layers
    data.writeInt(1);
    data.writeShort(8);
    data.writeBytes("IDENTITY");
    data.writeShort(18);
    data.writeBytes("MEAN_SQUARED_ERROR");
    data.writeShort(6);
    data.writeBytes("DOUBLE");
    data.writeInt(13); // parameters: 6 centre coordinates, 3 log-widths, 3 weights, 1 bias
    for (double value : model.parameters()) {
      data.writeDouble(value);
    }
    CRC32 crc = new CRC32();
    crc.update(expected.toByteArray());
    data.writeInt((int) crc.getValue());

    byte[] written = Files.readAllBytes(saved(model));

    assertThat(written).isEqualTo(expected.toByteArray());
    assertThat(ByteBuffer.wrap(written).getInt(4)).isEqualTo(2);
    assertThat(ByteBuffer.wrap(written).getInt(12)).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"FLOAT", "DOUBLE"})
  void anRbfModelRoundTripsWithItsArchitecture(Precision precision) throws IOException {
    Architecture architecture = Architecture.withRbf(4, 16, SOFTMAX_CROSS_ENTROPY, precision,
        new Layer(8, TANH), new Layer(3, IDENTITY));
    VectorModel model = VectorModel.filled(architecture);
    VectorModel loaded = new VectorModel(architecture);

    Path file = saved(model);
    ModelFile.load(loaded, file);

    assertThat(bits(loaded.parameters())).isEqualTo(bits(model.parameters()));
    assertThat(ModelFile.readArchitecture(file)).isEqualTo(architecture);
    assertThat(ModelFile.readArchitecture(file).rbfUnits()).isEqualTo(16);
  }

  @Test
  void aNetworkWithoutRbfLayerIsStillWrittenAsFormat1() throws IOException {
    ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(saved(VectorModel.filled(IRIS))));

    assertThat(header.getInt(4)).isEqualTo(1);
    assertThat(header.getInt(8)).isEqualTo(4); // inputs
    assertThat(header.getInt(12)).isEqualTo(2); // the layer count follows at once: no RBF field
    assertThat(header.getInt(16)).isEqualTo(16); // layer 1's units
  }

  @Test
  void anRbfFileIsRejectedByADenseModelOfTheSameDenseLayersAndViceVersa() throws IOException {
    Path rbfFile = dir.resolve("rbf.unrl");
    ModelFile.save(VectorModel.filled(RBF), rbfFile);
    Path denseFile = dir.resolve("dense.unrl");
    ModelFile.save(VectorModel.filled(RBF_WITHOUT_RBF), denseFile);

    ModelFileException intoDense = rejected(new VectorModel(RBF_WITHOUT_RBF), rbfFile);
    ModelFileException intoRbf = rejected(new VectorModel(RBF), denseFile);

    assertThat(intoDense).hasMessageThat().isEqualTo(rbfFile + " holds a model of architecture "
        + "2 → 3 RBF → 1 IDENTITY, MEAN_SQUARED_ERROR, DOUBLE, but the model to load into is "
        + "2 → 1 IDENTITY, MEAN_SQUARED_ERROR, DOUBLE; load it into a model declared with the "
        + "same @Network (ModelFile.readArchitecture tells which)");
    assertThat(intoRbf).hasMessageThat().isEqualTo(denseFile + " holds a model of architecture "
        + "2 → 1 IDENTITY, MEAN_SQUARED_ERROR, DOUBLE, but the model to load into is "
        + "2 → 3 RBF → 1 IDENTITY, MEAN_SQUARED_ERROR, DOUBLE; load it into a model declared with the "
        + "same @Network (ModelFile.readArchitecture tells which)");
  }

  @Test
  void anRbfFileIsRejectedByAModelWithAnotherNumberOfRbfUnits() throws IOException {
    Path file = saved(VectorModel.filled(RBF));
    Architecture wider = Architecture.withRbf(2, 4, MEAN_SQUARED_ERROR, DOUBLE, new Layer(1, IDENTITY));

    ModelFileException e = rejected(new VectorModel(wider), file);

    assertThat(e).hasMessageThat().contains("holds a model of architecture 2 → 3 RBF → 1 IDENTITY, "
        + "MEAN_SQUARED_ERROR, DOUBLE, but the model to load into is 2 → 4 RBF → 1 IDENTITY");
  }

  @ParameterizedTest(name = "RBF units {0}")
  @ValueSource(ints = {0, -4, Integer.MIN_VALUE})
  void aFormat2HeaderWithoutAPositiveRbfUnitCountIsInvalid(int units) throws IOException {
    byte[] bytes = Files.readAllBytes(saved(VectorModel.filled(RBF)));
    ByteBuffer.wrap(bytes).putInt(12, units);

    ModelFileException e = rejected(new VectorModel(RBF), file(resealed(bytes)));

    assertThat(e).hasMessageThat().contains("has an invalid header: the RBF layer has " + units + " units. "
        + "Its CRC-32 matches, so it was written like this");
  }

  @Test
  void aFormat2FileCutInsideItsRbfUnitsIsTruncated() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(VectorModel.filled(RBF)));

    ModelFileException e = rejected(new VectorModel(RBF), file(Arrays.copyOf(bytes, 14)));

    assertThat(e).hasMessageThat().contains("is truncated: expected at least 16 bytes, found 14 (it ends "
        + "inside the header, in the RBF layer's units at byte 12)");
  }

  @Test
  void aFormat2FileCountsItsRbfFieldInTheHeaderSize() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(VectorModel.filled(RBF)));

    ModelFileException e = rejected(new VectorModel(RBF), file(Arrays.copyOf(bytes, 100)));

    assertThat(bytes).hasLength(66 + 13 * 8 + 4);
    assertThat(e).hasMessageThat().contains("is truncated: expected 174 bytes (66 bytes of header, 13 DOUBLE "
        + "parameters of 8 bytes and a 4-byte CRC-32, for 2 → 3 RBF → 1 IDENTITY, MEAN_SQUARED_ERROR, "
        + "DOUBLE), found 100");
  }

  @ParameterizedTest(name = "parameter {0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "0  | layer 1 RBF centre C[0][0]",
      "3  | layer 1 RBF centre C[1][1]",
      "4  | layer 1 RBF centre C[2][0]",
      "5  | layer 1 RBF centre C[2][1]",
      "6  | layer 1 RBF log-width s[0]",
      "8  | layer 1 RBF log-width s[2]",
      "9  | layer 2 weight W[0][0]",
      "11 | layer 2 weight W[0][2]",
      "12 | layer 2 bias b[0]"})
  void aNonFiniteParameterOfAnRbfModelIsNamedInTheFlatLayout(int index, String name) throws IOException {
    VectorModel diverged = VectorModel.filled(RBF);
    double[] parameters = diverged.parameters();
    parameters[index] = Double.POSITIVE_INFINITY;
    diverged.setParameters(parameters);
    Path file = dir.resolve("diverged.unrl");

    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.save(diverged, file));

    assertThat(e).hasMessageThat().startsWith("not saving " + file + ": parameter " + index + " (" + name
        + ") is Infinity; a model file holds finite parameters only");
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void aNonFiniteRbfParameterInAFileIsRejectedByName() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(VectorModel.filled(RBF)));
    ByteBuffer.wrap(bytes).putDouble(66 + 7 * 8, Double.NaN);

    ModelFileException e = rejected(new VectorModel(RBF), file(resealed(bytes)));

    assertThat(e).hasMessageThat().contains("holds a non-finite parameter: parameter 7 (layer 1 RBF log-width s[1]) "
        + "is NaN");
  }

  // Normalised layers, dropout and running estimates: format 3

  private static VectorModel batchNormalised() {
    VectorModel model = VectorModel.filled(BATCH);
    model.setRunningEstimates(new double[] {-0.0, -1.5, 1.0 / 3, 2e-300, 0.0, 1.5, 1.0 / 3, Double.MIN_VALUE});
    return model;
  }

  @Test
  void aBatchNormalisedModelRoundTripsItsParametersAndRunningEstimatesBitForBit() throws IOException {
    VectorModel model = batchNormalised();
    VectorModel loaded = new VectorModel(BATCH);

    Path file = saved(model);
    ModelFile.load(loaded, file);

    assertThat(bits(loaded.parameters())).isEqualTo(bits(model.parameters()));
    assertThat(bits(loaded.runningEstimates())).isEqualTo(bits(model.runningEstimates()));
    assertThat(ModelFile.readArchitecture(file)).isEqualTo(BATCH);
    assertThat(ModelFile.readArchitecture(file).layers().get(0).dropout()).isEqualTo(0.25);
    assertThat(Files.size(file)).isEqualTo(BATCH_FILE_SIZE);
  }

  @Test
  void aFloatFileStoresRunningEstimatesAsFloats() throws IOException {
    Architecture single = Architecture.of(3, SOFTMAX_CROSS_ENTROPY, FLOAT,
        new Layer(4, TANH, Norm.BATCH, 0.25), new Layer(2, IDENTITY));
    VectorModel model = VectorModel.filled(single);
    double[] estimates = model.runningEstimates();
    estimates[1] = 0.1;
    model.setRunningEstimates(estimates);
    VectorModel loaded = new VectorModel(single);

    Path file = saved(model);
    ModelFile.load(loaded, file);

    assertThat(loaded.runningEstimates()[1]).isEqualTo((double) (float) 0.1);
    assertThat(Files.size(file)).isEqualTo(BATCH_HEADER - 1 + 4L * 30 + 4 + 4L * 8 + 4); // "FLOAT" is 1 byte shorter
  }

  @Test
  void theFormat3FileIsLaidOutAsDocumented() throws IOException {
    VectorModel model = batchNormalised();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(expected);
    data.writeBytes("UNRL");
    data.writeInt(3);
    data.writeInt(3); // inputs
    data.writeInt(0); // no RBF layer
    data.writeInt(2); // dense layers
    data.writeInt(4);
    data.writeUTF("TANH");
    data.writeUTF("BATCH");
    data.writeDouble(0.25);
    data.writeInt(2);
    data.writeUTF("IDENTITY");
    data.writeUTF("NONE");
    data.writeDouble(0);
    data.writeUTF("SOFTMAX_CROSS_ENTROPY");
    data.writeUTF("DOUBLE");
    data.writeInt(30);
    for (double value : model.parameters()) {
      data.writeDouble(value);
    }
    data.writeInt(8);
    for (double value : model.runningEstimates()) {
      data.writeDouble(value);
    }
    CRC32 crc = new CRC32();
    crc.update(expected.toByteArray());
    data.writeInt((int) crc.getValue());

    byte[] written = Files.readAllBytes(saved(model));

    assertThat(written).isEqualTo(expected.toByteArray());
    assertThat(ByteBuffer.wrap(written).getInt(BATCH_ESTIMATE_COUNT)).isEqualTo(8);
  }

  @Test
  void layerNormOrDropoutAloneAlsoTakeFormat3WithNoRunningEstimates() throws IOException {
    Architecture layerNorm = Architecture.of(3, SOFTMAX_CROSS_ENTROPY, DOUBLE,
        new Layer(4, TANH, Norm.LAYER, 0), new Layer(2, IDENTITY));
    Architecture dropout = Architecture.of(3, SOFTMAX_CROSS_ENTROPY, DOUBLE,
        new Layer(4, TANH, Norm.NONE, 0.5), new Layer(2, IDENTITY));

    for (Architecture architecture : List.of(layerNorm, dropout)) {
      VectorModel loaded = new VectorModel(architecture);
      Path file = saved(VectorModel.filled(architecture));
      ModelFile.load(loaded, file);

      ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
      assertThat(bytes.getInt(4)).isEqualTo(3);
      assertThat(bytes.getInt(bytes.capacity() - 8)).isEqualTo(0); // the running-estimate count
      assertThat(ModelFile.readArchitecture(file)).isEqualTo(architecture);
      assertThat(loaded.parameters()).isEqualTo(VectorModel.filled(architecture).parameters());
    }
  }

  @Test
  void aModelKeepingRunningEstimatesTakesFormat3EvenWithPlainLayers() throws IOException {
    VectorModel model = new VectorModel(IRIS, 2);
    model.setRunningEstimates(new double[] {-3, 4});
    VectorModel loaded = new VectorModel(IRIS, 2);

    Path file = saved(model);
    ModelFile.load(loaded, file);

    assertThat(ByteBuffer.wrap(Files.readAllBytes(file)).getInt(4)).isEqualTo(3);
    assertThat(loaded.runningEstimates()).usingExactEquality().containsExactly(-3.0, 4.0).inOrder();
  }

  @Test
  void anRbfNetworkWithABatchNormalisedLayerCarriesBothAndNumbersLayersFromTheRbfLayer() throws IOException {
    Architecture rbfBatch = Architecture.withRbf(2, 3, MEAN_SQUARED_ERROR, DOUBLE,
        new Layer(2, TANH, Norm.BATCH, 0), new Layer(1, IDENTITY));
    VectorModel model = VectorModel.filled(rbfBatch);
    VectorModel loaded = new VectorModel(rbfBatch);
    Path file = saved(model);

    ModelFile.load(loaded, file);
    double[] estimates = model.runningEstimates();
    estimates[3] = Double.NaN;
    model.setRunningEstimates(estimates);
    ModelFileException e = assertThrows(ModelFileException.class, () -> saved(model));

    assertThat(ByteBuffer.wrap(Files.readAllBytes(file)).getInt(12)).isEqualTo(3); // the RBF units
    assertThat(ModelFile.readArchitecture(file)).isEqualTo(rbfBatch);
    assertThat(loaded.runningEstimates()).isEqualTo(VectorModel.filled(rbfBatch).runningEstimates());
    assertThat(e).hasMessageThat().contains("running estimate 3 (layer 2 running variance rv[1]) is NaN");
  }

  @Test
  void olderFormatsStillLoadIntoModelsWithoutNormalisationDropoutOrRunningEstimates() throws IOException {
    Path dense = dir.resolve("dense.unrl");
    ModelFile.save(VectorModel.filled(IRIS), dense);
    Path rbf = dir.resolve("rbf.unrl");
    ModelFile.save(VectorModel.filled(RBF), rbf);
    VectorModel denseLoaded = new VectorModel(IRIS);
    VectorModel rbfLoaded = new VectorModel(RBF);

    ModelFile.load(denseLoaded, dense);
    ModelFile.load(rbfLoaded, rbf);

    assertThat(ByteBuffer.wrap(Files.readAllBytes(dense)).getInt(4)).isEqualTo(1);
    assertThat(ByteBuffer.wrap(Files.readAllBytes(rbf)).getInt(4)).isEqualTo(2);
    assertThat(denseLoaded.parameters()).isEqualTo(VectorModel.filled(IRIS).parameters());
    assertThat(rbfLoaded.parameters()).isEqualTo(VectorModel.filled(RBF).parameters());
  }

  @Test
  void aFileWithAnotherRunningEstimateCountIsRejected() throws IOException {
    Path file = saved(batchNormalised());
    Path plain = dir.resolve("plain.unrl");
    ModelFile.save(VectorModel.filled(IRIS), plain);
    VectorModel fewer = new VectorModel(BATCH, 6);
    VectorModel keeping = new VectorModel(IRIS, 2);

    ModelFileException e = rejected(fewer, file);
    ModelFileException none = rejected(keeping, plain);

    assertThat(e).hasMessageThat().isEqualTo(file + " holds 8 running estimates, but the model to load into "
        + "keeps 6 (both " + BATCH + "); the file was saved from another implementation of this architecture "
        + "— load it into that one");
    assertThat(none).hasMessageThat().contains("holds 0 running estimates, but the model to load into keeps 2");
    assertThat(fewer.parameters()).isEqualTo(new double[30]);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "NONE  | 4 TANH dropout 0.25",
      "LAYER | 4 TANH LAYER-norm dropout 0.25"})
  void aFileIsRejectedByAModelWithAnotherNorm(Norm norm, String layer) throws IOException {
    Path file = saved(batchNormalised());
    Architecture other = Architecture.of(3, SOFTMAX_CROSS_ENTROPY, DOUBLE,
        new Layer(4, TANH, norm, 0.25), new Layer(2, IDENTITY));

    ModelFileException e = rejected(new VectorModel(other), file);

    assertThat(e).hasMessageThat().isEqualTo(file + " holds a model of architecture 3 → 4 TANH BATCH-norm "
        + "dropout 0.25 → 2 IDENTITY, SOFTMAX_CROSS_ENTROPY, DOUBLE, but the model to load into is 3 → " + layer
        + " → 2 IDENTITY, SOFTMAX_CROSS_ENTROPY, DOUBLE; load it into a model declared with the same @Network "
        + "(ModelFile.readArchitecture tells which)");
  }

  @Test
  void aFileIsRejectedByAModelWithAnotherDropout() throws IOException {
    Path file = saved(batchNormalised());
    Architecture other = Architecture.of(3, SOFTMAX_CROSS_ENTROPY, DOUBLE,
        new Layer(4, TANH, Norm.BATCH, 0.5), new Layer(2, IDENTITY));
    Architecture none = Architecture.of(3, SOFTMAX_CROSS_ENTROPY, DOUBLE,
        new Layer(4, TANH, Norm.BATCH, 0), new Layer(2, IDENTITY));

    ModelFileException e = rejected(new VectorModel(other), file);
    ModelFileException withoutDropout = rejected(new VectorModel(none), file);

    assertThat(e).hasMessageThat().contains("holds a model of architecture 3 → 4 TANH BATCH-norm dropout 0.25 "
        + "→ 2 IDENTITY, SOFTMAX_CROSS_ENTROPY, DOUBLE, but the model to load into is 3 → 4 TANH BATCH-norm "
        + "dropout 0.5 → 2 IDENTITY");
    assertThat(withoutDropout).hasMessageThat().contains("but the model to load into is 3 → 4 TANH BATCH-norm "
        + "→ 2 IDENTITY");
  }

  @Test
  void aFormat1FileIsRejectedByAModelOfTheSameLayersWithNormalisation() throws IOException {
    Architecture plain = Architecture.of(3, SOFTMAX_CROSS_ENTROPY, DOUBLE, new Layer(4, TANH), new Layer(2, IDENTITY));
    Path file = saved(VectorModel.filled(plain));

    ModelFileException e = rejected(new VectorModel(BATCH), file);

    assertThat(e).hasMessageThat().contains("holds a model of architecture 3 → 4 TANH → 2 IDENTITY, "
        + "SOFTMAX_CROSS_ENTROPY, DOUBLE, but the model to load into is 3 → 4 TANH BATCH-norm dropout 0.25");
  }

  @ParameterizedTest(name = "running estimate {0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "0 | NaN       | running mean rm[0]",
      "3 | Infinity  | running mean rm[3]",
      "4 | -Infinity | running variance rv[0]",
      "7 | NaN       | running variance rv[3]"})
  void aModelWithANonFiniteRunningEstimateIsNotSaved(int index, double value, String name) throws IOException {
    Path file = saved(logistic());
    byte[] before = Files.readAllBytes(file);
    VectorModel diverged = batchNormalised();
    double[] estimates = diverged.runningEstimates();
    estimates[index] = value;
    diverged.setRunningEstimates(estimates);

    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.save(diverged, file));

    assertThat(e).hasMessageThat().isEqualTo("not saving " + file + ": running estimate " + index + " (layer 1 "
        + name + ") is " + value + "; a model file holds finite running estimates only. Training probably "
        + "diverged: lower the learning rate or standardise the inputs, and train again");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(directoryListing()).containsExactly(file);
  }

  @Test
  void aModelWithANegativeRunningVarianceOrAFloatOverflowIsNotSaved() throws IOException {
    VectorModel broken = batchNormalised();
    double[] estimates = broken.runningEstimates();
    estimates[6] = -0.5;
    broken.setRunningEstimates(estimates);
    Architecture single = Architecture.of(3, SOFTMAX_CROSS_ENTROPY, FLOAT,
        new Layer(4, TANH, Norm.BATCH, 0.25), new Layer(2, IDENTITY));
    VectorModel beyond = VectorModel.filled(single);
    estimates = beyond.runningEstimates();
    estimates[1] = -1e39;
    beyond.setRunningEstimates(estimates);

    ModelFileException negative = assertThrows(ModelFileException.class, () -> saved(broken));
    ModelFileException overflow = assertThrows(ModelFileException.class, () -> saved(beyond));

    assertThat(negative).hasMessageThat().contains(": running estimate 6 (layer 1 running variance rv[2]) is "
        + "-0.5, but a variance is never negative; the model's running estimates are broken — reset them");
    assertThat(overflow).hasMessageThat().contains(": running estimate 1 (layer 1 running mean rm[1]) is "
        + "-1.0E39, beyond the range of a FLOAT model's floats");
    assertThat(directoryListing()).isEmpty();
  }

  @Test
  void negativeRunningMeansAreSavedAndWhereTheLayoutIsUnknownAnyFiniteValue() throws IOException {
    VectorModel unknownLayout = new VectorModel(IRIS, 3);
    unknownLayout.setRunningEstimates(new double[] {-1, -2, Double.NaN});

    ModelFileException e = assertThrows(ModelFileException.class, () -> saved(unknownLayout));
    unknownLayout.setRunningEstimates(new double[] {-1, -2, -3});
    VectorModel loaded = new VectorModel(IRIS, 3);
    ModelFile.load(loaded, saved(unknownLayout));

    assertThat(e).hasMessageThat().contains(": running estimate 2 is NaN; a model file holds finite");
    assertThat(loaded.runningEstimates()).usingExactEquality().containsExactly(-1.0, -2.0, -3.0).inOrder();
  }

  @ParameterizedTest(name = "running estimate {0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "2 | NaN      | a non-finite running estimate: running estimate 2 (layer 1 running mean rm[2]) is NaN",
      "5 | Infinity | a non-finite running estimate: running estimate 5 (layer 1 running variance rv[1]) is Infinity",
      "6 | -1.0     | a negative running variance: running estimate 6 (layer 1 running variance rv[2]) is -1.0"})
  void aFileWithAnInvalidRunningEstimateIsRejectedAndTheModelKeepsItsOwn(int index, double value, String problem)
      throws IOException {
    byte[] bytes = Files.readAllBytes(saved(batchNormalised()));
    ByteBuffer.wrap(bytes).putDouble(BATCH_FIRST_ESTIMATE + 8 * index, value);
    Path file = file(resealed(bytes));
    VectorModel model = VectorModel.filled(BATCH);

    ModelFileException e = rejected(model, file);

    assertThat(e).hasMessageThat().isEqualTo(file + " holds " + problem + "; ModelFile.save never writes one, "
        + "so another program wrote this file — save the model again with Unrolled");
    assertThat(model.runningEstimates()).isEqualTo(VectorModel.filled(BATCH).runningEstimates());
    assertThat(model.parameters()).isEqualTo(VectorModel.filled(BATCH).parameters());
  }

  @ParameterizedTest(name = "cut after {0} bytes: {1}")
  @CsvSource(delimiter = '|', value = {
      "63  | expected at least 65 bytes, found 63 (it ends inside the header, in layer 2's normalisation at byte 61)",
      "70  | expected at least 73 bytes, found 70 (it ends inside the header, in layer 2's dropout at byte 65)",
      "108 | expected at least 356 bytes (108 bytes of header, 30 DOUBLE parameters of 8 bytes, a 4-byte "
          + "running-estimate count and a 4-byte CRC-32, for 3 → 4 TANH BATCH-norm dropout 0.25 → 2 IDENTITY, "
          + "SOFTMAX_CROSS_ENTROPY, DOUBLE), found 108",
      "350 | expected at least 356 bytes (108 bytes of header, 30 DOUBLE parameters of 8 bytes, a 4-byte "
          + "running-estimate count and a 4-byte CRC-32, for 3 → 4 TANH BATCH-norm dropout 0.25 → 2 IDENTITY, "
          + "SOFTMAX_CROSS_ENTROPY, DOUBLE), found 350",
      "400 | expected 420 bytes (108 bytes of header, 30 DOUBLE parameters of 8 bytes, a 4-byte running-estimate "
          + "count, 8 running estimates of 8 bytes and a 4-byte CRC-32, for 3 → 4 TANH BATCH-norm dropout 0.25 "
          + "→ 2 IDENTITY, SOFTMAX_CROSS_ENTROPY, DOUBLE), found 400",
      "419 | expected 420 bytes (108 bytes of header, 30 DOUBLE parameters of 8 bytes, a 4-byte running-estimate "
          + "count, 8 running estimates of 8 bytes and a 4-byte CRC-32"})
  void aTruncatedFormat3FileSaysWhereItEnds(int length, String message) throws IOException {
    byte[] bytes = Files.readAllBytes(saved(batchNormalised()));

    ModelFileException e = rejected(new VectorModel(BATCH), file(Arrays.copyOf(bytes, length)));

    assertThat(e).hasMessageThat().contains(" is truncated: " + message);
  }

  @Test
  void aFormat3FileWithTrailingBytesOrTooManyRunningEstimatesIsRejected() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(batchNormalised()));
    byte[] more = bytes.clone();
    ByteBuffer.wrap(more).putInt(BATCH_ESTIMATE_COUNT, 9);

    ModelFileException trailing = rejected(new VectorModel(BATCH), file(Arrays.copyOf(bytes, bytes.length + 2)));
    ModelFileException counted = rejected(new VectorModel(BATCH), file(resealed(more)));

    assertThat(trailing).hasMessageThat().contains("has 2 trailing bytes: expected 420 bytes (108 bytes of header, "
        + "30 DOUBLE parameters of 8 bytes, a 4-byte running-estimate count, 8 running estimates of 8 bytes");
    assertThat(counted).hasMessageThat().contains("is truncated: expected 428 bytes (108 bytes of header, 30 DOUBLE "
        + "parameters of 8 bytes, a 4-byte running-estimate count, 9 running estimates of 8 bytes");
  }

  @Test
  void invalidFormat3FieldsAreNamed() throws IOException {
    byte[] good = Files.readAllBytes(saved(batchNormalised()));
    byte[] dropout = good.clone();
    ByteBuffer.wrap(dropout).putDouble(37, 1.0);
    byte[] nan = good.clone();
    ByteBuffer.wrap(nan).putDouble(65, Double.NaN);
    byte[] norm = good.clone();
    norm[36] = 'X'; // BATCH → BATCX
    byte[] rbf = good.clone();
    ByteBuffer.wrap(rbf).putInt(12, -1);
    byte[] count = good.clone();
    ByteBuffer.wrap(count).putInt(BATCH_ESTIMATE_COUNT, -8);

    List<String> messages = new ArrayList<>();
    for (byte[] bytes : List.of(dropout, nan, norm, rbf, count)) {
      messages.add(rejected(new VectorModel(BATCH), file(resealed(bytes))).getMessage());
    }

    assertThat(messages.get(0)).contains("has an invalid header: layer 1's dropout is 1.0, not a probability in "
        + "[0, 1). Its CRC-32 matches, so it was written like this");
    assertThat(messages.get(1)).contains("has an invalid header: layer 2's dropout is NaN, not a probability");
    assertThat(messages.get(2)).contains("has an invalid header: layer 1's normalisation is 'BATCX', which this "
        + "Unrolled does not know (it knows [NONE, LAYER, BATCH])");
    assertThat(messages.get(3)).contains("has an invalid header: the RBF layer has -1 units (0 for none)");
    assertThat(messages.get(4)).contains("has an invalid running-estimate count: it is -8 (0 for none). Its CRC-32 "
        + "matches");
  }

  /** Found by ModelFileFuzzTest: the refusal named one architecture twice, "3 → 4 TANH … but … 3 → 4 TANH …". */
  @Test
  void aFileWithADropoutOfMinusZeroLoadsIntoTheModelWithoutDropout() throws IOException {
    byte[] bytes = Files.readAllBytes(saved(batchNormalised()));
    ByteBuffer.wrap(bytes).putDouble(65, -0.0); // layer 2's dropout
    VectorModel model = new VectorModel(BATCH);

    ModelFile.load(model, file(resealed(bytes)));

    assertThat(model.parameters()).isEqualTo(batchNormalised().parameters());
    assertThat(ModelFile.readArchitecture(dir.resolve("edited.unrl"))).isEqualTo(BATCH);
  }

  /**
   * Every shorter file and every file with one byte changed, in three ways, is refused with a
   * {@link ModelFileException}, never another exception, and the model keeps its values: a CRC-32
   * catches every change of one byte, and every count is checked against the size before use. A file
   * cut before its layers could fit is refused by the layer-count check, which cannot tell a short
   * file from a corrupted count.
   */
  @Test
  void everyPrefixAndEveryChangedByteOfAFormat3FileIsRefused() throws IOException {
    byte[] good = Files.readAllBytes(saved(batchNormalised()));
    VectorModel model = VectorModel.filled(BATCH);
    int refused = 0;

    for (int length = 0; length < good.length; length++) {
      ModelFileException e = rejected(model, file(Arrays.copyOf(good, length)));
      assertThat(e).hasMessageThat().containsMatch(length < 20 + 2 * 16
          ? " is truncated: expected | the layer count is 2, more than the \\d+ bytes left can hold"
          : " is truncated: expected ");
      refused++;
    }
    for (int offset = 0; offset < good.length; offset++) {
      for (int mask : new int[] {0x01, 0x80, 0xFF}) {
        byte[] bytes = good.clone();
        bytes[offset] ^= (byte) mask;
        rejected(model, file(bytes));
        refused++;
      }
    }

    assertThat(refused).isEqualTo(4 * BATCH_FILE_SIZE);
    assertThat(model.parameters()).isEqualTo(VectorModel.filled(BATCH).parameters());
    assertThat(model.runningEstimates()).isEqualTo(VectorModel.filled(BATCH).runningEstimates());
  }

  /** Passes the first {@code limit} bytes to the temporary file, then fails as a full disk would. */
  private static UnaryOperator<OutputStream> failingAfter(int limit) {
    return out -> new FilterOutputStream(out) {
      private int written;

      @Override
      public void write(int b) throws IOException {
        if (written == limit) {
          throw new IOException("disk full (injected)");
        }
        out.write(b);
        written++;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
          write(b[off + i]);
        }
      }
    };
  }
}
