package dev.unrolled.resume;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.unrolled.resume.ResumeRuns.Data;
import dev.unrolled.resume.ResumeRuns.Outcome;
import dev.unrolled.testing.SharedDataRule;
import dev.unrolled.train.TrainingListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real crash: a child JVM trains with {@code resumable(file, n)} and is killed with SIGKILL at 20
 * random moments spread over the fit — most at a random batch and a random few milliseconds after
 * it, which lands in a step or in a checkpoint write; a fifth as soon as a checkpoint's temporary file
 * appears, cutting the write short (and every kill after one that came too late, until one does);
 * a fifth at a random time after the start, which may land while the JVM starts or reads its
 * checkpoint. Each time it is started again, and the run it finally completes
 * ends on the parameters, running estimates and epoch losses of the fit that was never interrupted,
 * bit for bit.
 */
class KilledFitTest {
  private static final int KILLS = 20;
  private static final int EVERY = 3;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ResumeRuns.class)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aFitKilledTwentyTimesEndsOnTheUninterruptedBits(ResumeRuns run) throws Exception {
    if (run.needsMnist()) {
      SharedDataRule.require(Files.isDirectory(ResumeRuns.MNIST), "mnist/");
    }
    long seed = Long.getLong("unrolled.killSeed", System.nanoTime());
    Random random = new Random(seed);
    Data data = run.data();
    int[] total = new int[1];
    Outcome uninterrupted = run.fit(data, o -> o.listener(new TrainingListener() {
      @Override
      public void onBatchEnd(int epoch, int batch, int batchesPerEpoch, double loss) {
        total[0]++;
      }
    }));
    Path checkpoint = dir.resolve("fit.ckpt");
    Path outcome = dir.resolve("outcome.bin");

    // Kill moments spread over the whole fit: one random batch in each twentieth of it.
    int[] targets = new int[KILLS];
    for (int k = 0; k < KILLS; k++) {
      int from = 1 + (int) ((long) k * (total[0] - 1) / KILLS);
      int to = 1 + (int) ((long) (k + 1) * (total[0] - 1) / KILLS);
      targets[k] = from + random.nextInt(Math.max(1, to - from));
    }
    List<String> kills = new ArrayList<>();
    int duringWrites = 0;
    boolean writeKillMissed = false;
    while (kills.size() < KILLS) {
      int target = targets[kills.size()];
      Process child = start(run, checkpoint, outcome);
      Steps steps = new Steps(child);
      String kill;
      int mode = kills.size() % 5; // a fifth at a random time, a fifth in a checkpoint write, the rest at a batch
      if (writeKillMissed && duringWrites == 0) {
        // A small checkpoint can be written, synced and renamed between two looks at the directory:
        // until one kill has cut a write short, every kill aims at a write.
        mode = 1;
      }
      if (mode == 0) {
        // Held at the target batch, so a child that resumed late in the fit cannot finish before
        // the kill however fast it steps; the kill still lands anywhere from JVM start-up on.
        long millis = random.nextInt(250);
        AtomicInteger held = steps.runUpTo(target);
        Thread.sleep(millis);
        kill = millis + " ms after start" + (held.get() >= 0 ? " (held at batch " + held.get() + ")" : "");
      } else if (mode == 1) {
        int due = target - target % EVERY;
        kill = steps.killInCheckpointWrite(due > 0 ? due : EVERY, checkpoint);
      } else {
        kill = steps.killAtBatch(random, target);
      }
      child.destroyForcibly(); // SIGKILL on POSIX systems
      child.waitFor();
      if (Files.exists(outcome)) {
        break; // it finished before the kill: no more moments to kill at
      }
      if (strayTemporaries(checkpoint) > 0) {
        duringWrites++;
        kill += " (during a checkpoint write)";
      } else if (mode == 1) {
        writeKillMissed = true;
      }
      kills.add(kill);
    }
    Process last = start(run, checkpoint, outcome);
    new Steps(last).runFreely();
    assertWithMessage("the last child's exit (seed %s); see its output above", seed)
        .that(last.waitFor()).isEqualTo(0);

    Outcome resumed = KilledFitChild.read(outcome);
    assertWithMessage("%s killed at %s (kill seed %s, %s during checkpoint writes): %s, uninterrupted %s",
        run, kills, seed, duringWrites, resumed, uninterrupted)
        .that(resumed.sameBits(uninterrupted)).isTrue();
    assertWithMessage("kills before the fit ended (seed %s): %s", seed, kills).that(kills.size()).isEqualTo(KILLS);
    assertWithMessage("kills that cut a checkpoint write short (seed %s): %s", seed, kills)
        .that(duringWrites).isAtLeast(1);
    System.out.printf("%s: killed %d times (%d during a checkpoint write), resumed to the same bits%n", run,
        kills.size(), duringWrites);
  }

  /** The child's batch lines, and the line on its input that lets it take the next step. */
  private static final class Steps {
    private final Process child;
    private final BufferedReader lines;
    private final Writer go;

    Steps(Process child) {
      this.child = child;
      this.lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      this.go = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * Lets the child step up to batch {@code target} (or the first it reports, if it resumed past
     * it), then lets it go on and kills it: up to 8 ms later after a batch that a checkpoint
     * follows, where the checkpoint write may be under way, else up to 300 µs later, in the next step.
     */
    String killAtBatch(Random random, int target) throws IOException, InterruptedException {
      int at = next();
      while (at >= 0 && at < target) {
        proceed();
        at = next();
      }
      if (at < 0) {
        return "at exit";
      }
      long micros = random.nextInt(at % EVERY == 0 ? 8000 : 300);
      proceed();
      TimeUnit.MICROSECONDS.sleep(micros);
      return "batch " + at + (at % EVERY == 0 ? " (a checkpoint follows)" : "") + " + " + micros + " µs";
    }

    /**
     * Lets the child step to batch {@code due} (or the first batch after it that a checkpoint
     * follows, if it resumed past it), then watches the directory and kills the child as soon as the
     * checkpoint's temporary file appears: a write cut off part way.
     */
    String killInCheckpointWrite(int due, Path checkpoint) throws IOException, InterruptedException {
      int at = next();
      while (at >= 0 && (at < due || at % EVERY != 0)) {
        proceed();
        at = next();
      }
      if (at < 0) {
        return "at exit";
      }
      proceed();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (strayTemporaryCount(checkpoint) == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      return "the checkpoint write after batch " + at;
    }

    /**
     * Lets the child step on a thread of its own up to batch {@code target} (or the first batch it
     * reports, if it resumed past it) and holds it there; the result becomes that batch once the
     * child is held, and is −1 until then.
     */
    AtomicInteger runUpTo(int target) {
      AtomicInteger held = new AtomicInteger(-1);
      Thread pump = new Thread(() -> {
        try {
          for (String line; (line = lines.readLine()) != null; ) {
            if (!line.startsWith("batch ")) {
              System.out.println("child: " + line);
              continue;
            }
            int at = Integer.parseInt(line.substring("batch ".length()));
            if (at >= target) {
              held.set(at);
              return; // no go line: the child waits here until it is killed
            }
            proceed();
          }
        } catch (IOException e) {
          // the child was killed
        }
      });
      pump.setDaemon(true);
      pump.start();
      return held;
    }

    /** Lets the child run to its end on a thread of its own, echoing what it prints that is not a batch. */
    void runFreely() {
      Thread pump = new Thread(() -> {
        try {
          for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("batch ")) {
              proceed();
            } else {
              System.out.println("child: " + line);
            }
          }
        } catch (IOException e) {
          // the child was killed
        }
      });
      pump.setDaemon(true);
      pump.start();
    }

    /** The next batch the child reports, or -1 when it exits; other lines are echoed. */
    private int next() throws IOException {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.startsWith("batch ")) {
          return Integer.parseInt(line.substring("batch ".length()));
        }
        System.out.println("child: " + line);
      }
      return -1;
    }

    private void proceed() throws IOException {
      if (child.isAlive()) {
        go.write('\n');
        go.flush();
      }
    }
  }

  private Process start(ResumeRuns run, Path checkpoint, Path outcome) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), KilledFitChild.class.getName(),
        run.name(), checkpoint.toString(), Integer.toString(EVERY), outcome.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true).directory(Path.of("").toAbsolutePath().toFile())
        .start();
  }

  /** Temporary files a killed checkpoint write left beside the checkpoint; deletes them. */
  private static int strayTemporaries(Path checkpoint) throws IOException {
    List<Path> strays = temporaries(checkpoint);
    for (Path stray : strays) {
      Files.delete(stray);
    }
    return strays.size();
  }

  private static int strayTemporaryCount(Path checkpoint) throws IOException {
    return temporaries(checkpoint).size();
  }

  private static List<Path> temporaries(Path checkpoint) throws IOException {
    String prefix = "." + checkpoint.getFileName() + ".";
    try (Stream<Path> files = Files.list(checkpoint.getParent())) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
    }
  }

}
