package dev.unrolled.spark;

import dev.unrolled.files.AtomicFile;
import dev.unrolled.files.ModelFile;
import dev.unrolled.fullbatch.Lbfgs;
import dev.unrolled.train.CheckpointBytes;
import dev.unrolled.train.EpochStats;
import dev.unrolled.train.OptimizerState;
import dev.unrolled.train.TrainingCheckpointException;
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
 * A training checkpoint of a Spark fit, written by the driver: everything the driver's loop needs to
 * go on as if it had never stopped — for epochs of mini-batch steps ({@link SparkFit}) or for
 * L-BFGS ({@link SparkTrainer#fitLbfgs(TrainingData, Lbfgs.Options, Checkpointing)}). The executors
 * hold nothing that a checkpoint needs: their cached rows are rebuilt from the data, their models
 * from the broadcast parameters.
 *
 * <h2>Format, version 1</h2>
 *
 * <p>Big-endian, as {@link DataOutputStream} writes; a name is an unsigned 16-bit byte count and that
 * many bytes of modified UTF-8. Every value is an 8-byte double, also for a FLOAT model (its float
 * state is held exactly), so that L-BFGS's points, which are doubles in either precision, and the
 * optimizer's buffers are kept to the bit.
 *
 * <table>
 * <caption>Spark training checkpoint, format version 1</caption>
 * <tr><th>type</th><th>content</th></tr>
 * <tr><td>int</td><td>magic number {@code 0x554E5253}, ASCII {@code UNRS}</td></tr>
 * <tr><td>int</td><td>format version, {@code 1}</td></tr>
 * <tr><td>byte</td><td>kind: 1 epochs of mini-batch steps, 2 L-BFGS</td></tr>
 * <tr><td>int, bytes</td><td>M, then M bytes: a complete model file ({@link ModelFile}'s format, with its
 *     own CRC-32) holding the parameters (for L-BFGS, the current point in the model's precision)</td></tr>
 * <tr><td>int, longs, long</td><td>the training data: P partitions, the rows of each, the content
 *     fingerprint ({@link DataIdentity})</td></tr>
 * <tr><th colspan="2">kind 1, steps</th></tr>
 * <tr><td>name, long, int</td><td>the optimizer (as {@code "Adam(lr=0.001, …)"}), its steps, B buffers;
 *     per buffer its name, an int count and that many doubles</td></tr>
 * <tr><td>long</td><td>the trainer's steps (the sampling step number of the next step)</td></tr>
 * <tr><td>double, long, int</td><td>the fraction of rows per step, the sampling seed, steps per epoch</td></tr>
 * <tr><td>int, double, boolean</td><td>early stopping: patience (0: none), minimum improvement, whether
 *     the best parameters are restored</td></tr>
 * <tr><td>boolean [int, longs, long]</td><td>whether there is validation data; if so its identity as
 *     for the training data</td></tr>
 * <tr><td>int</td><td>E, the finished epochs; per epoch: int epoch, double training loss, double
 *     training accuracy, double validation loss, double validation accuracy, long samples, double
 *     seconds, double samples per second</td></tr>
 * <tr><td>boolean, int</td><td>whether early stopping ended the fit; the steps taken of epoch E + 1</td></tr>
 * <tr><td>double, long, long</td><td>that epoch's loss sum (loss × rows per step), rows so far, training
 *     nanoseconds so far</td></tr>
 * <tr><td>double, int, double, int</td><td>early stopping: best loss, best epoch, baseline, epochs
 *     without improvement</td></tr>
 * <tr><td>boolean [int, doubles]</td><td>whether the best epoch's parameters follow; if so a count and
 *     the values</td></tr>
 * <tr><th colspan="2">kind 2, L-BFGS</th></tr>
 * <tr><td>int, double, int</td><td>memory, tolerance, and the iteration limit of the run that wrote it</td></tr>
 * <tr><td>int, int, double, double</td><td>iterations finished, objective evaluations, the value at the
 *     point, the value before the last iteration (NaN before the first)</td></tr>
 * <tr><td>int, doubles, doubles</td><td>N, the point's N coordinates and the gradient's N</td></tr>
 * <tr><td>int, doubles</td><td>K, the stored pairs, oldest first: per pair N values of {@code s}, then N of
 *     {@code y}</td></tr>
 * <tr><th colspan="2">both</th></tr>
 * <tr><td>int</td><td>CRC-32 ({@link CRC32}) of every byte before it</td></tr>
 * </table>
 *
 * <p>Reading verifies everything before anything is used, with the conventions of the one-machine
 * checkpoint: size, magic number, version, CRC-32, every count against the bytes that remain (no
 * count from a damaged file can cause a large allocation), the exact length, the values (finite
 * parameters, buffers and points, positions within the epoch), the embedded model file. Failures are
 * {@link TrainingCheckpointException}s naming the file, the part and the byte offset. Files are written
 * through {@link AtomicFile}: a crash during a save leaves the previous checkpoint.
 */
final class SparkCheckpoint {
  /** ASCII "UNRS". */
  static final int MAGIC = 0x554E5253;
  static final int VERSION = 1;
  static final byte STEPS = 1;
  static final byte LBFGS = 2;
  private static final int ONE_MACHINE_MAGIC = 0x554E5254; // "UNRT"
  private static final int MODEL_MAGIC = 0x554E524C; // "UNRL"
  private static final int SMALLEST = 4 + 4 + 1 + 4 + 4;

  /** Where epochs of steps stand. */
  record Steps(OptimizerState optimizer, long trainerSteps, double fraction, long seed, int stepsPerEpoch,
      int patience, double minDelta, boolean restoreBest, DataIdentity validation, List<EpochStats> epochs,
      boolean stopped, int nextStep, double lossSum, long samples, long elapsedNanos, double bestLoss,
      int bestEpoch, double baseline, int withoutImprovement, double[] bestParameters) {}

  /** Where an L-BFGS run stands, and its settings. */
  record LbfgsRun(int memory, double tolerance, int maxIterations, Lbfgs.State state) {}

  /** A verified checkpoint: the model file, the training data's identity, and one of the two kinds. */
  record Contents(byte[] model, DataIdentity data, Steps steps, LbfgsRun lbfgs) {}

  private SparkCheckpoint() {}

  static void save(Path file, Contents contents) throws IOException {
    AtomicFile.write(file, out -> write(out, contents));
  }

  static void write(OutputStream raw, Contents c) throws IOException {
    CRC32 crc = new CRC32();
    DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeByte(c.steps() != null ? STEPS : LBFGS);
    out.writeInt(c.model().length);
    out.write(c.model());
    writeIdentity(out, c.data());
    if (c.steps() != null) {
      Steps p = c.steps();
      OptimizerState o = p.optimizer();
      out.writeUTF(o.optimizer());
      out.writeLong(o.steps());
      CheckpointBytes.writeBuffers(out, o, false);
      out.writeLong(p.trainerSteps());
      out.writeDouble(p.fraction());
      out.writeLong(p.seed());
      out.writeInt(p.stepsPerEpoch());
      out.writeInt(p.patience());
      out.writeDouble(p.minDelta());
      out.writeBoolean(p.restoreBest());
      out.writeBoolean(p.validation() != null);
      if (p.validation() != null) {
        writeIdentity(out, p.validation());
      }
      CheckpointBytes.writeEpochs(out, p.epochs());
      out.writeBoolean(p.stopped());
      out.writeInt(p.nextStep());
      out.writeDouble(p.lossSum());
      out.writeLong(p.samples());
      out.writeLong(p.elapsedNanos());
      out.writeDouble(p.bestLoss());
      out.writeInt(p.bestEpoch());
      out.writeDouble(p.baseline());
      out.writeInt(p.withoutImprovement());
      out.writeBoolean(p.bestParameters() != null);
      if (p.bestParameters() != null) {
        CheckpointBytes.writeValues(out, p.bestParameters(), false);
      }
    } else {
      LbfgsRun l = c.lbfgs();
      Lbfgs.State s = l.state();
      out.writeInt(l.memory());
      out.writeDouble(l.tolerance());
      out.writeInt(l.maxIterations());
      out.writeInt(s.iterations());
      out.writeInt(s.evaluations());
      out.writeDouble(s.value());
      out.writeDouble(s.previousValue());
      out.writeInt(s.x().length);
      writeDoubles(out, s.x());
      writeDoubles(out, s.gradient());
      out.writeInt(s.pairs());
      for (int k = 0; k < s.pairs(); k++) {
        writeDoubles(out, s.s()[k]);
        writeDoubles(out, s.y()[k]);
      }
    }
    out.flush();
    raw.write(ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array());
    raw.flush();
  }

  private static void writeIdentity(DataOutputStream out, DataIdentity identity) throws IOException {
    out.writeInt(identity.partitions());
    for (long rows : identity.rows()) {
      out.writeLong(rows);
    }
    out.writeLong(identity.fingerprint());
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  /** Reads and verifies all of {@code file}; nothing in it is trusted before it is checked. */
  static Contents read(Path file) throws IOException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw TrainingCheckpointException.of("there is no training checkpoint at " + file
          + "; resume from a file that checkpointTraining wrote", e);
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw TrainingCheckpointException.of(file + " has " + size + " bytes, more than a training checkpoint "
          + "can hold (2 GiB); it is not one", null);
    }
    return read(Files.readAllBytes(file), file.toString());
  }

  /** Verifies {@code bytes}, read from {@code file} (named in messages). */
  static Contents read(byte[] bytes, String file) throws IOException {
    return new Reader(bytes, file).contents();
  }

  /** One pass over a checkpoint's bytes: each read checked against what remains. */
  private static final class Reader {
    private final CheckpointBytes read;
    private final String file;

    Reader(byte[] bytes, String file) {
      this.read = new CheckpointBytes(bytes, file);
      this.file = file;
    }

    Contents contents() throws IOException {
      checkMagic();
      read.requireIntact(SMALLEST, "Spark training checkpoint", VERSION);
      byte kind = read.in("the kind", 1).get();
      if (kind != STEPS && kind != LBFGS) {
        throw read.invalid("kind", "it is " + kind + " (1 for epochs of steps, 2 for L-BFGS)");
      }
      byte[] model = read.bytes("the model", read.count("the model's length", 1));
      int parameters;
      try {
        parameters = Math.toIntExact(ModelFile.readArchitecture(model, file + "'s model").parameterCount());
      } catch (IOException e) {
        throw fail(e.getMessage(), e);
      }
      DataIdentity data = identity("training data");
      Contents contents = kind == STEPS
          ? new Contents(model, data, steps(parameters), null)
          : new Contents(model, data, null, lbfgs(parameters));
      read.requireEnd();
      return contents;
    }

    private Steps steps(int parameters) throws TrainingCheckpointException {
      String optimizer = read.name("the optimizer");
      long optimizerSteps = read.nonNegative(read.in("the optimizer's steps", 8).getLong(), "the optimizer's steps");
      int bufferCount = read.count("the optimizer's buffer count", 2 + 4);
      List<String> names = new ArrayList<>();
      double[][] buffers = new double[bufferCount][];
      for (int b = 0; b < bufferCount; b++) {
        names.add(read.name("the name of optimizer buffer " + b));
        buffers[b] = values("optimizer buffer " + names.get(b), parameters);
      }
      long trainerSteps = read.nonNegative(read.in("the trainer's steps", 8).getLong(), "the trainer's steps");
      double fraction = read.in("the fraction", 8).getDouble();
      if (!(fraction > 0 && fraction <= 1)) {
        throw read.invalid("fraction", "it is " + fraction + " (in (0, 1])");
      }
      long seed = read.in("the sampling seed", 8).getLong();
      int stepsPerEpoch = read.positive(read.in("the steps per epoch", 4).getInt(), "the steps per epoch");
      int patience = read.nonNegative(read.in("the patience", 4).getInt(), "the patience");
      double minDelta = read.in("the minimum improvement", 8).getDouble();
      if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
        throw read.invalid("minimum improvement", "it is " + minDelta + " (a finite value of at least 0)");
      }
      boolean restoreBest = read.bool("whether the best parameters are restored");
      DataIdentity validation = read.bool("whether there is validation data") ? identity("validation data") : null;
      int epochCount = read.count("the finished epochs", 4 + 7 * 8);
      List<EpochStats> epochs = new ArrayList<>();
      for (int e = 0; e < epochCount; e++) {
        epochs.add(epoch(e + 1));
      }
      boolean stopped = read.bool("whether early stopping ended the fit");
      int nextStep = read.in("the next step", 4).getInt();
      if (nextStep < 0 || nextStep >= stepsPerEpoch) {
        throw read.invalid("next step", "it is " + nextStep + " of " + stepsPerEpoch + " steps per epoch");
      }
      double lossSum = read.in("the epoch's loss sum", 8).getDouble();
      if (!Double.isFinite(lossSum)) {
        throw read.invalid("epoch's loss sum", "it is " + lossSum + "; a checkpoint is written after finite losses only");
      }
      long samples = read.nonNegative(read.in("the epoch's rows", 8).getLong(), "the epoch's rows");
      long elapsed = read.nonNegative(read.in("the epoch's training time", 8).getLong(), "the epoch's training time");
      double bestLoss = read.notNaN(read.in("the best validation loss", 8).getDouble(), "best validation loss");
      int bestEpoch = read.in("the best epoch", 4).getInt();
      if (bestEpoch < 0 || bestEpoch > epochCount) {
        throw read.invalid("best epoch", "it is " + bestEpoch + " after " + epochCount + " epochs");
      }
      double baseline = read.notNaN(read.in("early stopping's baseline", 8).getDouble(), "early stopping's baseline");
      int withoutImprovement = read.in("the epochs without improvement", 4).getInt();
      if (withoutImprovement < 0 || withoutImprovement > epochCount) {
        throw read.invalid("epochs without improvement", "they are " + withoutImprovement + " after " + epochCount
            + " epochs");
      }
      double[] best = read.bool("whether best parameters follow") ? values("the best parameters", parameters) : null;
      OptimizerState state;
      try {
        state = new OptimizerState(optimizer, optimizerSteps, names, buffers);
      } catch (IllegalArgumentException e) {
        throw read.invalid("optimizer state", e.getMessage());
      }
      return new Steps(state, trainerSteps, fraction, seed, stepsPerEpoch, patience, minDelta, restoreBest, validation,
          epochs, stopped, nextStep, lossSum, samples, elapsed, bestLoss, bestEpoch, baseline, withoutImprovement, best);
    }

    private LbfgsRun lbfgs(int parameters) throws TrainingCheckpointException {
      int memory = read.positive(read.in("the L-BFGS memory", 4).getInt(), "the L-BFGS memory");
      double tolerance = read.in("the L-BFGS tolerance", 8).getDouble();
      if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
        throw read.invalid("L-BFGS tolerance", "it is " + tolerance + " (a finite value of at least 0)");
      }
      int maxIterations = read.nonNegative(read.in("the iteration limit", 4).getInt(), "the iteration limit");
      int iterations = read.nonNegative(read.in("the iterations", 4).getInt(), "the iterations");
      int evaluations = read.in("the evaluations", 4).getInt();
      double value = read.in("the value", 8).getDouble();
      double previous = read.in("the previous value", 8).getDouble();
      int n = read.count("the point's length", 2 * 8);
      if (n != parameters) {
        throw read.invalid("point's length", "it is " + n + ", and the model has " + parameters + " parameters");
      }
      double[] x = doubles("the point", n);
      double[] gradient = doubles("the gradient", n);
      int pairs = read.in("the pair count", 4).getInt();
      long remaining = read.remaining();
      if (pairs < 0 || pairs > memory || (long) pairs * 2 * n * 8 > remaining) {
        throw read.invalid("pair count", "it is " + pairs + " with memory " + memory + " and " + remaining
            + " bytes left for pairs of " + n + " values");
      }
      double[][] s = new double[pairs][];
      double[][] y = new double[pairs][];
      for (int k = 0; k < pairs; k++) {
        s[k] = doubles("pair " + k + "'s s", n);
        y[k] = doubles("pair " + k + "'s y", n);
      }
      try {
        return new LbfgsRun(memory, tolerance, maxIterations,
            new Lbfgs.State(iterations, evaluations, x, value, gradient, previous, s, y));
      } catch (IllegalArgumentException e) {
        throw read.invalid("L-BFGS state", e.getMessage());
      }
    }

    private DataIdentity identity(String what) throws TrainingCheckpointException {
      int partitions = read.count("the partitions of the " + what, 8);
      if (partitions == 0) {
        throw read.invalid("partitions of the " + what, "there are none (at least 1)");
      }
      long[] rows = new long[partitions];
      for (int k = 0; k < partitions; k++) {
        rows[k] = read.nonNegative(read.in("the rows of partition " + k, 8).getLong(), "the rows of partition " + k + " of the " + what);
      }
      return new DataIdentity(rows, read.in("the " + what + "'s fingerprint", 8).getLong());
    }

    private EpochStats epoch(int expected) throws TrainingCheckpointException {
      String what = "finished epoch " + expected;
      int number = read.in(what, 4).getInt();
      if (number != expected) {
        throw read.invalid(what, "it is numbered " + number);
      }
      double trainLoss = read.in(what, 8).getDouble();
      double trainAccuracy = read.in(what, 8).getDouble();
      double validationLoss = read.in(what, 8).getDouble();
      double validationAccuracy = read.in(what, 8).getDouble();
      long samples = read.nonNegative(read.in(what, 8).getLong(), what + "'s rows");
      double seconds = read.in(what, 8).getDouble();
      double perSecond = read.in(what, 8).getDouble();
      return new EpochStats(number, trainLoss, trainAccuracy, validationLoss, validationAccuracy, samples, seconds,
          perSecond);
    }

    private void checkMagic() throws TrainingCheckpointException {
      if (!read.startsWith(MAGIC)) {
        byte[] start = read.start();
        byte[] magic = ByteBuffer.allocate(Integer.BYTES).putInt(MAGIC).array();
        int found = start.length == Integer.BYTES ? ByteBuffer.wrap(start).getInt() : 0;
        throw fail(file + (found == MODEL_MAGIC
            ? " is a model file, not a training checkpoint: load it with Model.load, and resume from the file "
                + "checkpointTraining writes"
            : found == ONE_MACHINE_MAGIC
                ? " is a one-machine training checkpoint (FitOptions.checkpointTraining), not one of a Spark fit; "
                    + "resume it with the generated trainer's fit"
                : " is not an Unrolled Spark training checkpoint: it starts with 0x" + CheckpointBytes.hex(start)
                    + " where one starts with 0x" + CheckpointBytes.hex(magic) + " (\"UNRS\")"));
      }
    }

    /** A count of {@code expected} finite doubles. */
    private double[] values(String what, int expected) throws TrainingCheckpointException {
      int count = read.count("the length of " + what, 8);
      if (count != expected) {
        throw read.invalid(what, "it holds " + count + " values, and the model has " + expected + " parameters");
      }
      return doubles(what, count);
    }

    private double[] doubles(String what, int count) throws TrainingCheckpointException {
      ByteBuffer in = read.in(what, count * 8);
      double[] values = new double[count];
      for (int i = 0; i < count; i++) {
        values[i] = in.getDouble();
        if (!Double.isFinite(values[i])) {
          throw read.invalid(what, "value " + i + " is " + values[i] + "; a checkpoint holds finite values only");
        }
      }
      return values;
    }

  }

  private static TrainingCheckpointException fail(String message) {
    return TrainingCheckpointException.of(message, null);
  }

  private static TrainingCheckpointException fail(String message, Throwable cause) {
    return TrainingCheckpointException.of(message, cause);
  }

}
