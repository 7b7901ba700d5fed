package dev.unrolled.resume;

import dev.unrolled.files.AtomicFile;
import dev.unrolled.resume.ResumeRuns.Outcome;
import dev.unrolled.train.TrainingListener;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The program {@link KilledFitTest} starts, kills and starts again: it runs one of
 * {@link ResumeRuns} with {@code resumable(checkpoint, every)}, prints {@code batch <n>} after each
 * batch (n counted over epochs, from 1) and waits for a line on its input before it goes on, so that
 * the test knows exactly where it is when it kills it; at the end it writes what the fit ended with
 * to the outcome file.
 *
 * <p>Arguments: the run's name, the checkpoint file, batches between checkpoints, the outcome file.
 */
public final class KilledFitChild {
  private KilledFitChild() {}

  public static void main(String[] args) throws Exception {
    ResumeRuns run = ResumeRuns.valueOf(args[0]);
    Path checkpoint = Path.of(args[1]);
    int every = Integer.parseInt(args[2]);
    Path outcome = Path.of(args[3]);
    ResumeRuns.Data data = run.data();
    BufferedReader go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Outcome result = run.fit(data, o -> o.resumable(checkpoint, every).listener(new TrainingListener() {
      @Override
      public void onBatchEnd(int epoch, int batch, int batchesPerEpoch, double loss) {
        System.out.println("batch " + ((epoch - 1) * batchesPerEpoch + batch));
        System.out.flush();
        try {
          go.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }));
    AtomicFile.write(outcome, out -> write(new DataOutputStream(out), result));
  }

  static void write(DataOutputStream out, Outcome outcome) throws IOException {
    writeValues(out, outcome.parameters());
    writeValues(out, outcome.runningEstimates());
    writeValues(out, outcome.trainLosses());
    out.writeBoolean(outcome.stoppedEarly());
    out.flush();
  }

  static Outcome read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      return new Outcome(readValues(in), readValues(in), readValues(in), in.readBoolean());
    }
  }

  private static void writeValues(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double value : values) {
      out.writeLong(Double.doubleToRawLongBits(value));
    }
  }

  private static double[] readValues(DataInputStream in) throws IOException {
    double[] values = new double[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Double.longBitsToDouble(in.readLong());
    }
    return values;
  }
}
