package dev.unrolled.support;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.unrolled.Dataset;
import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The runtime side of a step split by layers, on a toy network whose parts each own one parameter
 * row: every mode (one thread; a thread per part meeting at the barrier; fewer threads than parts,
 * phase by phase) takes the same step; a part that fails surfaces its own exception on the caller
 * and releases the others; a non-finite loss or input takes no step; rows a part forgets are reported.
 */
class LayerSplitStepTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final int WIDTH = 4;

  /** A part of the toy network: phase 0 and 1 forward, phase 2 its row's gradient. */
  private static final class ToyPart implements BatchWorkspace<Object> {
    final float[][] grads;
    int part;
    int failPhase = -1;
    double loss = 0.5;
    boolean inputsFinite = true;
    boolean forgetRow;
    float seen; // what the part read from the others in phase 1: proves the barrier orders phases
    ToyPart[] team;

    ToyPart(float[][] grads) {
      this.grads = grads;
    }

    @Override
    public int splitPhases() {
      return 3;
    }

    @Override
    public int splitForwardPhases() {
      return 2;
    }

    @Override
    public String whyNotSplit() {
      return null;
    }

    @Override
    public void joinSplit(BatchWorkspace<Object>[] team, int part) {
      this.part = part;
      this.team = new ToyPart[team.length];
      for (int q = 0; q < team.length; q++) {
        this.team[q] = (ToyPart) team[q];
      }
    }

    float written;

    @Override
    public void splitPhase(Object model, int phase, int m, ReadyRows ready) {
      if (phase == failPhase) {
        throw new IllegalArgumentException("part " + part + " fails in phase " + phase);
      }
      if (phase == 0) {
        written = part + 1;
      } else if (phase == 1) {
        seen = 0;
        for (ToyPart other : team) {
          seen += other.written;
        }
      } else {
        java.util.Arrays.fill(grads[part], seen);
        if (!forgetRow) {
          ready.rows(part, part + 1);
        }
      }
    }

    @Override
    public double splitLoss() {
      return loss;
    }

    @Override
    public boolean splitInputsFinite() {
      return inputsFinite;
    }

    @Override
    public void ensureCapacity(int m) {}

    @Override
    public void loadRows(Dataset data, int[] rows, int from, int m) {}

    @Override
    public void shareRows(BatchWorkspace<Object> batch, int from, int m) {}

    @Override
    public void prepare(boolean training, long seed, long step, int firstRow) {}

    @Override
    public void foldStatistics(Object model, boolean first, double weight) {}

    @Override
    public void forward(Object model, int m) {}

    @Override
    public double loss(int m, boolean withDelta) {
      return loss;
    }

    @Override
    public void backward(Object model, int m, ReadyRows ready) {}

    @Override
    public int correct() {
      return 0;
    }
  }

  /** A split step over {@code parts} toy parts on {@code threads} threads, plain SGD at rate 1. */
  private static final class Toy {
    final float[][] params;
    final GuardedUpdate update;
    final ToyPart[] parts;
    final LayerSplitStep<Object, ToyPart> step;

    Toy(int parts, int threads) {
      params = new float[parts][WIDTH];
      float[][] grads = new float[parts][WIDTH];
      update = new GuardedUpdate(Optimizer.sgd(1.0).bind(params, grads, new boolean[parts]), params);
      this.parts = new ToyPart[parts];
      for (int p = 0; p < parts; p++) {
        this.parts[p] = new ToyPart(grads);
      }
      step = new LayerSplitStep<>(new Object(), this.parts, update, Parallelism.splitLayers(parts).threads(threads));
    }

    long steps() {
      return update.updater().state().steps();
    }
  }

  @Test
  void everyModeTakesTheSameStepAfterEveryPartFinishedEachPhase() {
    assertTimeoutPreemptively(DEADLINE, () -> {
      for (int[] shape : new int[][] {{2, 1}, {2, 2}, {3, 2}, {3, 3}}) {
        Toy toy = new Toy(shape[0], shape[1]);
        for (int k = 0; k < 200; k++) {
          assertThat(toy.step.train(8)).isEqualTo(0.5);
        }
        // Each part read every part's phase-0 value: 1 + 2 (+ 3), so each step subtracted it.
        float sum = shape[0] * (shape[0] + 1) / 2f;
        for (float[] row : toy.params) {
          for (float v : row) {
            assertThat(v).isEqualTo(-200 * sum);
          }
        }
        assertThat(toy.steps()).isEqualTo(200);
        toy.step.close();
      }
    });
  }

  @Test
  void aFailingPartSurfacesItsOwnExceptionReleasesTheOthersAndChangesNothing() {
    assertTimeoutPreemptively(DEADLINE, () -> {
      for (int[] shape : new int[][] {{2, 2}, {3, 3}, {3, 2}}) {
        for (int failing = 0; failing < shape[0]; failing++) {
          for (int phase = 0; phase < 2; phase++) {
            Toy toy = new Toy(shape[0], shape[1]);
            toy.step.train(8);
            float[] before = toy.params[0].clone();
            toy.parts[failing].failPhase = phase;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> toy.step.train(8));
            assertThat(e).hasMessageThat().isEqualTo("part " + failing + " fails in phase " + phase);
            assertThat(toy.params[0]).isEqualTo(before);
            assertThat(toy.steps()).isEqualTo(1);
            toy.parts[failing].failPhase = -1;
            assertThat(toy.step.train(8)).isEqualTo(0.5); // the trainer goes on
            assertThat(toy.steps()).isEqualTo(2);
            toy.step.close();
          }
        }
      }
    });
  }

  @Test
  void aNonFiniteLossOrInputTakesNoStep() {
    assertTimeoutPreemptively(DEADLINE, () -> {
      for (int threads = 1; threads <= 2; threads++) {
        Toy toy = new Toy(2, threads);
        for (ToyPart part : toy.parts) {
          part.loss = Double.NaN;
        }
        assertThat(toy.step.train(8)).isNaN();
        assertThat(toy.step.inputsFinite()).isTrue();
        for (ToyPart part : toy.parts) {
          part.loss = 0.5;
        }
        toy.parts[1].inputsFinite = false;
        assertThat(toy.step.train(8)).isNaN();
        assertThat(toy.step.inputsFinite()).isFalse();
        assertThat(toy.params[0]).isEqualTo(new float[WIDTH]);
        assertThat(toy.steps()).isEqualTo(0);
        toy.parts[1].inputsFinite = true;
        assertThat(toy.step.train(8)).isEqualTo(0.5);
        assertThat(toy.steps()).isEqualTo(1);
        toy.step.close();
      }
    });
  }

  @Test
  void rowsAPartForgetsAreReported() {
    assertTimeoutPreemptively(DEADLINE, () -> {
      for (int threads = 1; threads <= 2; threads++) {
        Toy toy = new Toy(2, threads);
        toy.parts[1].forgetRow = true;
        assertThat(assertThrows(IllegalStateException.class, () -> toy.step.train(8)))
            .hasMessageThat().contains("reported 1 parameter rows ready, but there are 2");
        toy.step.close();
      }
    });
  }
}
