package dev.unrolled.train;

import dev.unrolled.Architecture;
import dev.unrolled.Precision;
import dev.unrolled.files.AtomicFile;
import dev.unrolled.files.ModelFile;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * <tr><td>long, long, int</td><td>the trainer's steps (batches given), its dropout seed, its shards (minus its parts when it splits layers)</td></tr>
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
    CheckpointBytes.writeBuffers(out, optimizer, single);
    out.writeLong(trainer.steps());
    out.writeLong(trainer.dropoutSeed());
    out.writeInt(trainer.parts() > 1 ? -trainer.parts() : trainer.shards());
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
    CheckpointBytes.writeEpochs(out, p.epochs());
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
      CheckpointBytes.writeValues(out, p.bestParameters(), single);
    }
    out.writeDouble(p.checkpointBestLoss());
    out.flush();
    raw.write(ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array());
    raw.flush();
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

  /** One pass over a checkpoint's bytes: each read checked against what remains ({@link CheckpointBytes}). */
  private static final class Reader {
    private final CheckpointBytes b;
    private final String file;

    Reader(byte[] bytes, String file) {
      this.b = new CheckpointBytes(bytes, file);
      this.file = file;
    }

    Contents contents() throws IOException {
      checkMagic();
      b.requireIntact(SMALLEST, "training checkpoint", VERSION);
      byte[] model = b.bytes("the model", b.count("the model's length", 1));
      String optimizer = b.name("the optimizer");
      long optimizerSteps = b.nonNegative(b.in("the optimizer's steps", 8).getLong(), "the optimizer's steps");
      int width = b.in("the value width", 1).get();
      if (width != Float.BYTES && width != Double.BYTES) {
        throw b.invalid("value width", "it is " + width + " (4 for FLOAT, 8 for DOUBLE)");
      }
      int bufferCount = b.count("the optimizer's buffer count", 2 + 4);
      List<String> names = new ArrayList<>();
      double[][] buffers = new double[bufferCount][];
      for (int k = 0; k < bufferCount; k++) {
        names.add(b.name("the name of optimizer buffer " + k));
        buffers[k] = b.values("optimizer buffer " + names.get(k), width);
      }
      long steps = b.nonNegative(b.in("the trainer's steps", 8).getLong(), "the trainer's steps");
      long dropoutSeed = b.in("the dropout seed", 8).getLong();
      int shardsOrParts = b.in("the shard count", 4).getInt();
      if (shardsOrParts == 0 || shardsOrParts == -1 || shardsOrParts == Integer.MIN_VALUE) {
        throw b.invalid("shard count", "it is " + shardsOrParts
            + " (a shard count of at least 1, or minus a part count of at least 2)");
      }
      int shards = Math.max(1, shardsOrParts);
      int parts = Math.max(1, -shardsOrParts);
      int batchSize = b.positive(b.in("the batch size", 4).getInt(), "the batch size");
      long shuffleSeed = b.in("the shuffle seed", 8).getLong();
      int patience = b.nonNegative(b.in("the patience", 4).getInt(), "the patience");
      double minDelta = b.in("the minimum improvement", 8).getDouble();
      if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
        throw b.invalid("minimum improvement", "it is " + minDelta + " (a finite value of at least 0)");
      }
      boolean restoreBest = b.bool("whether the best parameters are restored");
      int batches = b.positive(b.in("the batches per epoch", 4).getInt(), "the batches per epoch");
      int trainRows = b.positive(b.in("the training rows", 4).getInt(), "the training rows");
      long trainFingerprint = b.in("the training data's fingerprint", 8).getLong();
      int validationRows = b.in("the validation rows", 4).getInt();
      if (validationRows < -1) {
        throw b.invalid("validation rows", "they are " + validationRows + " (-1 for none)");
      }
      long validationFingerprint = b.in("the validation data's fingerprint", 8).getLong();
      if (batches > trainRows) {
        throw b.invalid("batches per epoch", "there are " + batches + " for " + trainRows + " rows");
      }
      int epochCount = b.count("the finished epochs", 4 + 7 * 8);
      List<EpochStats> epochs = new ArrayList<>();
      for (int e = 0; e < epochCount; e++) {
        epochs.add(epoch(e + 1, trainRows));
      }
      boolean stopped = b.bool("whether early stopping ended the fit");
      int nextBatch = b.in("the next batch", 4).getInt();
      if (nextBatch < 0 || nextBatch > batches) {
        throw b.invalid("next batch", "it is " + nextBatch + " of " + batches + " batches per epoch");
      }
      double lossSum = b.in("the epoch's loss sum", 8).getDouble();
      if (!Double.isFinite(lossSum)) {
        throw b.invalid("epoch's loss sum", "it is " + lossSum + "; a checkpoint is written after finite losses only");
      }
      long correct = b.in("the epoch's correct classifications", 8).getLong();
      if (correct < 0 || correct > trainRows) {
        throw b.invalid("epoch's correct classifications", "they are " + correct + " of " + trainRows + " rows");
      }
      long elapsedNanos = b.nonNegative(b.in("the epoch's training time", 8).getLong(), "the epoch's training time");
      int[] order = order(trainRows);
      double bestLoss = b.notNaN(b.in("the best validation loss", 8).getDouble(), "best validation loss");
      int bestEpoch = b.in("the best epoch", 4).getInt();
      if (bestEpoch < 0 || bestEpoch > epochCount) {
        throw b.invalid("best epoch", "it is " + bestEpoch + " after " + epochCount + " epochs");
      }
      double baseline = b.notNaN(b.in("early stopping's baseline", 8).getDouble(), "early stopping's baseline");
      int withoutImprovement = b.in("the epochs without improvement", 4).getInt();
      if (withoutImprovement < 0 || withoutImprovement > epochCount) {
        throw b.invalid("epochs without improvement", "they are " + withoutImprovement + " after " + epochCount
            + " epochs");
      }
      double[] bestParameters = b.bool("whether best parameters follow") ? b.values("the best parameters", width) : null;
      double checkpointBestLoss = b.notNaN(b.in("the checkpointBest loss", 8).getDouble(), "checkpointBest loss");
      b.requireEnd();
      requireConsistent(model, width, buffers, bestParameters);
      OptimizerState optimizerState;
      TrainerState trainer;
      try {
        optimizerState = new OptimizerState(optimizer, optimizerSteps, names, buffers);
        trainer = new TrainerState(optimizerState, steps, dropoutSeed, shards, parts);
      } catch (IllegalArgumentException e) {
        throw b.invalid("trainer state", e.getMessage());
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
        throw b.invalid("value width", "it is " + width + ", but the model is " + architecture.precision());
      }
      // One value per parameter in each: the same count everywhere (the resume checks it against the model).
      int count = bestParameters != null ? bestParameters.length : buffers.length > 0 ? buffers[0].length : -1;
      for (int k = 0; k < buffers.length; k++) {
        if (buffers[k].length != count) {
          throw b.invalid("optimizer state", "buffer " + k + " holds " + buffers[k].length + " values and "
              + (bestParameters != null ? "the best parameters " : "buffer 0 ") + count
              + "; each holds one value per parameter");
        }
      }
    }

    private void checkMagic() throws TrainingCheckpointException {
      if (!b.startsWith(MAGIC)) {
        byte[] start = b.start();
        boolean model = start.length == Integer.BYTES && ByteBuffer.wrap(start).getInt() == MODEL_MAGIC;
        byte[] magic = ByteBuffer.allocate(Integer.BYTES).putInt(MAGIC).array();
        throw new TrainingCheckpointException(file + (model
            ? " is a model file, not a training checkpoint: load it with Model.load, and resume fits from the "
                + "file FitOptions.checkpointTraining writes"
            : " is not an Unrolled training checkpoint: it starts with 0x" + CheckpointBytes.hex(start)
                + " where a checkpoint starts with 0x" + CheckpointBytes.hex(magic) + " (\"UNRT\")"));
      }
    }

    private EpochStats epoch(int expected, int trainRows) throws TrainingCheckpointException {
      String what = "finished epoch " + expected;
      int number = b.in(what, 4).getInt();
      if (number != expected) {
        throw b.invalid(what, "it is numbered " + number);
      }
      ByteBuffer in = b.in(what, 7 * 8);
      double trainLoss = in.getDouble();
      double trainAccuracy = in.getDouble();
      double validationLoss = in.getDouble();
      double validationAccuracy = in.getDouble();
      long samples = in.getLong();
      double seconds = in.getDouble();
      double perSecond = in.getDouble();
      if (!Double.isFinite(trainLoss) || samples != trainRows) {
        throw b.invalid(what, "its training loss is " + trainLoss + " over " + samples + " samples, where a "
            + "finished epoch has a finite loss over all " + trainRows + " rows");
      }
      return new EpochStats(number, trainLoss, trainAccuracy, validationLoss, validationAccuracy, samples, seconds,
          perSecond);
    }

    private int[] order(int rows) throws TrainingCheckpointException {
      int count = b.count("the row order's length", 4);
      if (count != rows) {
        throw b.invalid("row order", "it has " + count + " rows, and the training data " + rows);
      }
      ByteBuffer in = b.in("the row order", 4 * count);
      int[] order = new int[count];
      boolean[] seen = new boolean[count];
      for (int i = 0; i < count; i++) {
        int row = in.getInt();
        if (row < 0 || row >= count || seen[row]) {
          throw b.invalid("row order", "position " + i + " holds row " + row + ", so it is not a permutation of 0 … "
              + (count - 1));
        }
        seen[row] = true;
        order[i] = row;
      }
      return order;
    }
  }
}
