package dev.unrolled.train;

import dev.unrolled.Architecture;
import dev.unrolled.Precision;
import dev.unrolled.files.AtomicFile;
import dev.unrolled.files.ModelFile;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * A training checkpoint: everything a {@link Fit#run} needs to go on as if it had never stopped.
 * Written by {@link dev.unrolled.FitOptions#checkpointTraining}, read by
 * {@link dev.unrolled.FitOptions#resumeFrom}; a model file stays what a model loads for prediction.
 *
 * <h2>Format, version 1</h2>
 *
 * <p>Big-endian, as {@link java.io.DataOutputStream} writes; a name is an unsigned 16-bit byte count
 * and that many bytes of modified UTF-8 ({@link java.io.DataOutput#writeUTF}). Values ("value") are
 * 4-byte floats for a FLOAT model and 8-byte doubles for a DOUBLE one, as the width byte says.
 *
 * <table>
 * <caption>Training checkpoint, format version 1</caption>
 * <tr><th>type</th><th>content</th></tr>
 * <tr><td>int</td><td>magic number {@code 0x554E5254}, ASCII {@code UNRT}</td></tr>
 * <tr><td>int</td><td>format version, {@code 1}</td></tr>
 * <tr><td>int, bytes</td><td>M, then M bytes: a complete model file ({@link dev.unrolled.files.ModelFile}'s
 *     format, with its own CRC-32) holding the parameters and running estimates</td></tr>
 * <tr><td>name</td><td>the optimizer, as {@code "Adam(lr=0.001, beta1=0.9, …)"}</td></tr>
 * <tr><td>long</td><td>the optimizer's steps</td></tr>
 * <tr><td>byte</td><td>the width of a value: 4 or 8</td></tr>
 * <tr><td>int</td><td>B, the optimizer's buffers; per buffer its name, an int count and that many values</td></tr>
 * <tr><td>long, long, int</td><td>the trainer's steps (batches given), its dropout seed, its shards</td></tr>
 * <tr><td>int, long, int, double, boolean, int</td><td>batch size, shuffle seed, patience, minimum
 *     improvement, whether the best parameters are restored, batches per epoch</td></tr>
 * <tr><td>int, long, int, long</td><td>training rows and their {@link dev.unrolled.Dataset#fingerprint()};
 *     validation rows (-1 for none) and theirs (0 for none)</td></tr>
 * <tr><td>int</td><td>E, the finished epochs; per epoch: int epoch, double training loss, double
 *     training accuracy, double validation loss, double validation accuracy, long samples, double
 *     seconds, double samples per second</td></tr>
 * <tr><td>boolean, int</td><td>whether early stopping ended the fit; the next batch of epoch E + 1
 *     (0: not begun)</td></tr>
 * <tr><td>double, long, long</td><td>that epoch's loss sum, correct classifications and training
 *     nanoseconds so far</td></tr>
 * <tr><td>int</td><td>N, the training rows again; then N ints: the row order, a permutation of 0 … N − 1</td></tr>
 * <tr><td>double, int, double, int</td><td>early stopping: best loss, best epoch, baseline, epochs
 *     without improvement</td></tr>
 * <tr><td>boolean</td><td>whether the best parameters follow; if so an int count and that many values</td></tr>
 * <tr><td>double</td><td>the loss of the last {@code checkpointBest} save</td></tr>
 * <tr><td>int</td><td>CRC-32 ({@link java.util.zip.CRC32}) of every byte before it</td></tr>
 * </table>
 *
 * <p>Reading verifies everything before anything is used: size, magic number, version, CRC-32, every
 * count against the bytes that remain (so no count from a damaged file can cause a large
 * allocation), the exact length, and the values (a permutation, finite parameters and optimizer
 * buffers, positions within the epoch). Failures are {@link TrainingCheckpointException}s naming the
 * file, the part and the byte offset. Files are written through {@link AtomicFile}: a crash during a
 * save leaves the previous checkpoint.
 */
final class TrainingCheckpoint {
  /** ASCII "UNRT". */
  static final int MAGIC = 0x554E5254;
  static final int VERSION = 1;
  /** ASCII "UNRL", a model file's magic number, to say so when one is passed instead. */
  private static final int MODEL_MAGIC = 0x554E524C;
  private static final int SMALLEST = 4 + 4 + 4 + 4;

  /** What a verified checkpoint holds. */
  record Contents(byte[] model, TrainerState trainer, FitProgress progress) {}

  private TrainingCheckpoint() {}

  /** Writes a checkpoint to {@code file}, atomically replacing it. */
  static void save(Path file, byte[] model, TrainerState trainer, FitProgress progress, boolean single)
      throws IOException {
    AtomicFile.write(file, out -> write(out, model, trainer, progress, single));
  }

  static void write(OutputStream raw, byte[] model, TrainerState trainer, FitProgress p, boolean single)
      throws IOException {
    CRC32 crc = new CRC32();
    DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(model.length);
    out.write(model);
    OptimizerState optimizer = trainer.optimizer();
    out.writeUTF(optimizer.optimizer());
    out.writeLong(optimizer.steps());
    out.writeByte(single ? Float.BYTES : Double.BYTES);
    out.writeInt(optimizer.buffers().length);
    for (int b = 0; b < optimizer.buffers().length; b++) {
      out.writeUTF(optimizer.bufferNames().get(b));
      writeValues(out, optimizer.buffers()[b], single);
    }
    out.writeLong(trainer.steps());
    out.writeLong(trainer.dropoutSeed());
    out.writeInt(trainer.shards());
    out.writeInt(p.batchSize());
    out.writeLong(p.shuffleSeed());
    out.writeInt(p.patience());
    out.writeDouble(p.minDelta());
    out.writeBoolean(p.restoreBest());
    out.writeInt(p.batches());
    out.writeInt(p.trainRows());
    out.writeLong(p.trainFingerprint());
    out.writeInt(p.validationRows());
    out.writeLong(p.validationFingerprint());
    out.writeInt(p.epochs().size());
    for (EpochStats e : p.epochs()) {
      out.writeInt(e.epoch());
      out.writeDouble(e.trainLoss());
      out.writeDouble(e.trainAccuracy());
      out.writeDouble(e.validationLoss());
      out.writeDouble(e.validationAccuracy());
      out.writeLong(e.samples());
      out.writeDouble(e.seconds());
      out.writeDouble(e.samplesPerSecond());
    }
    out.writeBoolean(p.stopped());
    out.writeInt(p.nextBatch());
    out.writeDouble(p.lossSum());
    out.writeLong(p.correct());
    out.writeLong(p.elapsedNanos());
    out.writeInt(p.order().length);
    for (int row : p.order()) {
      out.writeInt(row);
    }
    out.writeDouble(p.bestLoss());
    out.writeInt(p.bestEpoch());
    out.writeDouble(p.baseline());
    out.writeInt(p.epochsWithoutImprovement());
    out.writeBoolean(p.bestParameters() != null);
    if (p.bestParameters() != null) {
      writeValues(out, p.bestParameters(), single);
    }
    out.writeDouble(p.checkpointBestLoss());
    out.flush();
    raw.write(ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array());
    raw.flush();
  }

  private static void writeValues(DataOutputStream out, double[] values, boolean single) throws IOException {
    out.writeInt(values.length);
    for (double value : values) {
      if (single) {
        out.writeFloat((float) value);
      } else {
        out.writeDouble(value);
      }
    }
  }

  /** Reads and verifies all of {@code file}; nothing in it is trusted before it is checked. */
  static Contents read(Path file) throws IOException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new TrainingCheckpointException("there is no training checkpoint at " + file
          + "; resume from a file that FitOptions.checkpointTraining wrote", e);
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new TrainingCheckpointException(file + " has " + size + " bytes, more than a training checkpoint "
          + "can hold (2 GiB); it is not one");
    }
    return read(Files.readAllBytes(file), file.toString());
  }

  /** Verifies {@code bytes}, read from {@code file} (named in messages). */
  static Contents read(byte[] bytes, String file) throws IOException {
    Reader reader = new Reader(bytes, file);
    return reader.contents();
  }

  /** One pass over a checkpoint's bytes: each read checked against what remains. */
  private static final class Reader {
    private final ByteBuffer in;
    private final String file;
    private final int end; // where the CRC-32 starts

    Reader(byte[] bytes, String file) {
      this.in = ByteBuffer.wrap(bytes);
      this.file = file;
      this.end = bytes.length - Integer.BYTES;
    }

    Contents contents() throws IOException {
      checkMagic();
      if (in.capacity() < SMALLEST) {
        throw new TrainingCheckpointException(file + " is truncated: it has " + in.capacity()
            + " bytes, and a training checkpoint has at least " + SMALLEST);
      }
      checkCrc();
      int version = in.getInt(4);
      if (version > VERSION) {
        throw new TrainingCheckpointException(file + " was written by a newer Unrolled: format " + version
            + ", and this one reads format " + VERSION + "; upgrade Unrolled to resume from it");
      }
      if (version < 1) {
        throw invalid("format version", "it is " + version + " (1 for this format)");
      }
      in.position(8);
      byte[] model = bytes("the model", readCount("the model's length", 1));
      String optimizer = name("the optimizer");
      long optimizerSteps = nonNegative(in("the optimizer's steps", 8).getLong(), "the optimizer's steps");
      int width = in("the value width", 1).get();
      if (width != Float.BYTES && width != Double.BYTES) {
        throw invalid("value width", "it is " + width + " (4 for FLOAT, 8 for DOUBLE)");
      }
      int bufferCount = readCount("the optimizer's buffer count", 2 + 4);
      List<String> names = new ArrayList<>();
      double[][] buffers = new double[bufferCount][];
      for (int b = 0; b < bufferCount; b++) {
        names.add(name("the name of optimizer buffer " + b));
        buffers[b] = values("optimizer buffer " + names.get(b), width);
      }
      long steps = nonNegative(in("the trainer's steps", 8).getLong(), "the trainer's steps");
      long dropoutSeed = in("the dropout seed", 8).getLong();
      int shards = positive(in("the shard count", 4).getInt(), "the shard count");
      int batchSize = positive(in("the batch size", 4).getInt(), "the batch size");
      long shuffleSeed = in("the shuffle seed", 8).getLong();
      int patience = nonNegative(in("the patience", 4).getInt(), "the patience");
      double minDelta = in("the minimum improvement", 8).getDouble();
      if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
        throw invalid("minimum improvement", "it is " + minDelta + " (a finite value of at least 0)");
      }
      boolean restoreBest = bool("whether the best parameters are restored");
      int batches = positive(in("the batches per epoch", 4).getInt(), "the batches per epoch");
      int trainRows = positive(in("the training rows", 4).getInt(), "the training rows");
      long trainFingerprint = in("the training data's fingerprint", 8).getLong();
      int validationRows = in("the validation rows", 4).getInt();
      if (validationRows < -1) {
        throw invalid("validation rows", "they are " + validationRows + " (-1 for none)");
      }
      long validationFingerprint = in("the validation data's fingerprint", 8).getLong();
      if (batches > trainRows) {
        throw invalid("batches per epoch", "there are " + batches + " for " + trainRows + " rows");
      }
      int epochCount = readCount("the finished epochs", 4 + 7 * 8);
      List<EpochStats> epochs = new ArrayList<>();
      for (int e = 0; e < epochCount; e++) {
        epochs.add(epoch(e + 1, trainRows));
      }
      boolean stopped = bool("whether early stopping ended the fit");
      int nextBatch = in("the next batch", 4).getInt();
      if (nextBatch < 0 || nextBatch > batches) {
        throw invalid("next batch", "it is " + nextBatch + " of " + batches + " batches per epoch");
      }
      double lossSum = in("the epoch's loss sum", 8).getDouble();
      if (!Double.isFinite(lossSum)) {
        throw invalid("epoch's loss sum", "it is " + lossSum + "; a checkpoint is written after finite losses only");
      }
      long correct = in("the epoch's correct classifications", 8).getLong();
      if (correct < 0 || correct > trainRows) {
        throw invalid("epoch's correct classifications", "they are " + correct + " of " + trainRows + " rows");
      }
      long elapsedNanos = nonNegative(in("the epoch's training time", 8).getLong(), "the epoch's training time");
      int[] order = order(trainRows);
      double bestLoss = notNaN(in("the best validation loss", 8).getDouble(), "best validation loss");
      int bestEpoch = in("the best epoch", 4).getInt();
      if (bestEpoch < 0 || bestEpoch > epochCount) {
        throw invalid("best epoch", "it is " + bestEpoch + " after " + epochCount + " epochs");
      }
      double baseline = notNaN(in("early stopping's baseline", 8).getDouble(), "early stopping's baseline");
      int withoutImprovement = in("the epochs without improvement", 4).getInt();
      if (withoutImprovement < 0 || withoutImprovement > epochCount) {
        throw invalid("epochs without improvement", "they are " + withoutImprovement + " after " + epochCount
            + " epochs");
      }
      double[] bestParameters = bool("whether best parameters follow") ? values("the best parameters", width) : null;
      double checkpointBestLoss = notNaN(in("the checkpointBest loss", 8).getDouble(), "checkpointBest loss");
      if (in.position() != end) {
        throw invalid("length", (end - in.position()) + " bytes are left before the CRC-32, where the "
            + "format ends");
      }
      requireConsistent(model, width, buffers, bestParameters);
      OptimizerState optimizerState;
      TrainerState trainer;
      try {
        optimizerState = new OptimizerState(optimizer, optimizerSteps, names, buffers);
        trainer = new TrainerState(optimizerState, steps, dropoutSeed, shards);
      } catch (IllegalArgumentException e) {
        throw invalid("trainer state", e.getMessage());
      }
      return new Contents(model, trainer, new FitProgress(batchSize, shuffleSeed, patience, minDelta, restoreBest,
          batches, trainRows, trainFingerprint, validationRows, validationFingerprint, epochs, stopped, nextBatch,
          lossSum, correct, elapsedNanos, order, bestLoss, bestEpoch, baseline, withoutImprovement, bestParameters,
          checkpointBestLoss));
    }

    /**
     * The embedded model file is intact, the values are in its precision, and the optimizer's buffers
     * and the best parameters hold as many values as each other.
     */
    private void requireConsistent(byte[] model, int width, double[][] buffers, double[] bestParameters)
        throws TrainingCheckpointException {
      Architecture architecture;
      try {
        architecture = ModelFile.readArchitecture(model, file + "'s model");
      } catch (IOException e) {
        throw new TrainingCheckpointException(e.getMessage(), e);
      }
      int expectedWidth = architecture.precision() == Precision.FLOAT ? Float.BYTES : Double.BYTES;
      if (width != expectedWidth) {
        throw invalid("value width", "it is " + width + ", but the model is " + architecture.precision());
      }
      // One value per parameter in each: the same count everywhere (the resume checks it against the model).
      int count = bestParameters != null ? bestParameters.length : buffers.length > 0 ? buffers[0].length : -1;
      for (int b = 0; b < buffers.length; b++) {
        if (buffers[b].length != count) {
          throw invalid("optimizer state", "buffer " + b + " holds " + buffers[b].length + " values and "
              + (bestParameters != null ? "the best parameters " : "buffer 0 ") + count
              + "; each holds one value per parameter");
        }
      }
    }

    private void checkMagic() throws TrainingCheckpointException {
      int present = Math.min(in.capacity(), Integer.BYTES);
      byte[] start = new byte[present];
      in.get(0, start);
      byte[] magic = ByteBuffer.allocate(Integer.BYTES).putInt(MAGIC).array();
      if (!Arrays.equals(start, 0, present, magic, 0, present)) {
        boolean model = present == Integer.BYTES && ByteBuffer.wrap(start).getInt() == MODEL_MAGIC;
        throw new TrainingCheckpointException(file + (model
            ? " is a model file, not a training checkpoint: load it with Model.load, and resume fits from the "
                + "file FitOptions.checkpointTraining writes"
            : " is not an Unrolled training checkpoint: it starts with 0x" + hex(start)
                + " where a checkpoint starts with 0x" + hex(magic) + " (\"UNRT\")"));
      }
    }

    private void checkCrc() throws TrainingCheckpointException {
      CRC32 crc = new CRC32();
      crc.update(in.array(), 0, end);
      int stored = in.getInt(end);
      if (stored != (int) crc.getValue()) {
        throw new TrainingCheckpointException(String.format("%s is corrupted: its CRC-32 is 0x%08X but its "
            + "contents give 0x%08X; it changed after it was written (a disk or transfer error) — resume from an "
            + "intact copy, or start the fit again", file, stored, (int) crc.getValue()));
      }
    }

    private EpochStats epoch(int expected, int trainRows) throws TrainingCheckpointException {
      String what = "finished epoch " + expected;
      int number = in(what, 4).getInt();
      if (number != expected) {
        throw invalid(what, "it is numbered " + number);
      }
      double trainLoss = in(what, 8).getDouble();
      double trainAccuracy = in(what, 8).getDouble();
      double validationLoss = in(what, 8).getDouble();
      double validationAccuracy = in(what, 8).getDouble();
      long samples = in(what, 8).getLong();
      double seconds = in(what, 8).getDouble();
      double perSecond = in(what, 8).getDouble();
      if (!Double.isFinite(trainLoss) || samples != trainRows) {
        throw invalid(what, "its training loss is " + trainLoss + " over " + samples + " samples, where a "
            + "finished epoch has a finite loss over all " + trainRows + " rows");
      }
      return new EpochStats(number, trainLoss, trainAccuracy, validationLoss, validationAccuracy, samples, seconds,
          perSecond);
    }

    private int[] order(int rows) throws TrainingCheckpointException {
      int count = readCount("the row order's length", 4);
      if (count != rows) {
        throw invalid("row order", "it has " + count + " rows, and the training data " + rows);
      }
      int[] order = new int[count];
      boolean[] seen = new boolean[count];
      for (int i = 0; i < count; i++) {
        int row = in.getInt();
        if (row < 0 || row >= count || seen[row]) {
          throw invalid("row order", "position " + i + " holds row " + row + ", so it is not a permutation of 0 … "
              + (count - 1));
        }
        seen[row] = true;
        order[i] = row;
      }
      return order;
    }

    private double[] values(String what, int width) throws TrainingCheckpointException {
      int count = readCount("the length of " + what, width);
      double[] values = new double[count];
      for (int i = 0; i < count; i++) {
        values[i] = width == Float.BYTES ? in.getFloat() : in.getDouble();
        if (!Double.isFinite(values[i])) {
          throw invalid(what, "value " + i + " is " + values[i] + "; a checkpoint holds finite values only");
        }
      }
      return values;
    }

    /** A count of items of {@code itemBytes} each, checked against the bytes that remain. */
    private int readCount(String what, int itemBytes) throws TrainingCheckpointException {
      int at = in.position();
      int count = in(what, 4).getInt();
      long remaining = end - in.position();
      if (count < 0 || (long) count * itemBytes > remaining) {
        throw invalid(what.replaceFirst("^the ", ""), "byte " + at + " declares " + count + ", but only "
            + remaining + " bytes remain before the CRC-32" + (count < 0 ? "" : " for " + count + " × " + itemBytes));
      }
      return count;
    }

    private byte[] bytes(String what, int count) throws TrainingCheckpointException {
      byte[] bytes = new byte[count];
      in(what, count).get(bytes);
      return bytes;
    }

    /** A name as {@link java.io.DataOutput#writeUTF} writes it: modified UTF-8, checked. */
    private String name(String what) throws TrainingCheckpointException {
      int at = in.position();
      int length = Short.toUnsignedInt(in(what, 2).getShort());
      in(what, length);
      try {
        String name = new DataInputStream(new ByteArrayInputStream(in.array(), at, 2 + length)).readUTF();
        in.position(at + 2 + length);
        return name;
      } catch (IOException e) {
        throw invalid(what.replaceFirst("^the ", ""), "its " + length + " bytes at byte " + (at + 2)
            + " are not modified UTF-8 (" + e.getMessage() + ")");
      }
    }

    private boolean bool(String what) throws TrainingCheckpointException {
      byte value = in(what, 1).get();
      if (value != 0 && value != 1) {
        throw invalid(what.replaceFirst("^whether ", "flag whether "), "its byte is " + value + " (0 or 1)");
      }
      return value == 1;
    }

    /** The buffer, after checking that {@code n} bytes of {@code what} remain before the CRC-32. */
    private ByteBuffer in(String what, int n) throws TrainingCheckpointException {
      if (end - in.position() < n) {
        throw new TrainingCheckpointException(file + " is truncated or damaged: " + what + " needs " + n
            + " bytes at byte " + in.position() + ", but only " + (end - in.position())
            + " remain before the CRC-32");
      }
      return in;
    }

    private long nonNegative(long value, String what) throws TrainingCheckpointException {
      if (value < 0) {
        throw invalid(what.replaceFirst("^the ", ""), "it is " + value + " (at least 0)");
      }
      return value;
    }

    private int nonNegative(int value, String what) throws TrainingCheckpointException {
      return (int) nonNegative((long) value, what);
    }

    /** A best loss so far: infinite before the first, never NaN (NaN losses never count). */
    private double notNaN(double value, String what) throws TrainingCheckpointException {
      if (Double.isNaN(value)) {
        throw invalid(what, "it is NaN; a NaN loss is never recorded as the best");
      }
      return value;
    }

    private int positive(int value, String what) throws TrainingCheckpointException {
      if (value < 1) {
        throw invalid(what.replaceFirst("^the ", ""), "it is " + value + " (at least 1)");
      }
      return value;
    }

    /** A field that cannot be right in a file whose CRC-32 matches: another program wrote it. */
    private TrainingCheckpointException invalid(String part, String problem) {
      return new TrainingCheckpointException(file + " has an invalid " + part + " (before byte " + in.position()
          + "): " + problem + ". Its CRC-32 matches, so it was written like this, by a newer Unrolled or "
          + "another program; resume from a checkpoint this Unrolled wrote");
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02X", b));
    }
    return s.toString();
  }
}
