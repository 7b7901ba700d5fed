package dev.unrolled.parity;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unrolled.Backend;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Lane networks train to the same bits whether their kernels run interpreted or compiled: a few SGD
 * steps of every exponential activation and both cross-entropy losses, in both precisions, end on
 * the same parameter bits in an {@code -Xint} child JVM as in a child JVM whose kernels C2 has
 * compiled by the last run. (With the kernels' former {@code lanewise(EXP)} this test fails.) (The Vector API's {@code lanewise(EXP)} rounds differently in the two,
 * which is why the lane kernels compute their exponentials with the scalar functions.)
 */
class LaneDeterminismTest {
  @Test
  void lanesTrainToTheSameBitsInterpretedAndCompiled() throws IOException, InterruptedException {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "the lane kernels run only with jdk.incubator.vector");
    List<String> compiled = child(false);
    List<String> interpreted = child(true);
    assertThat(compiled).hasSize(LaneRuns.NETWORKS);
    assertThat(interpreted).containsExactlyElementsIn(compiled).inOrder();
  }

  /** The output lines of {@link LaneRuns} in a child JVM, interpreted only or not. */
  private static List<String> child(boolean interpreted) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "--add-modules", "jdk.incubator.vector"));
    // Interpreted only, or compiled by C2 early and synchronously, so the last runs are C2 code.
    command.addAll(interpreted ? List.of("-Xint")
        : List.of("-Xbatch", "-XX:-TieredCompilation", "-XX:CompileThreshold=100"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), LaneRuns.class.getName(),
        Boolean.toString(interpreted)));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      lines = out.lines().filter(line -> !line.startsWith("WARNING")).collect(Collectors.toList());
    }
    assertWithMessage("%s", lines).that(child.waitFor()).isEqualTo(0);
    return lines;
  }

  /** Lane networks trained a few SGD steps, reduced to their parameter bits; the child JVM's main. */
  static final class LaneRuns {
    static final int NETWORKS = 8;

    public static void main(String[] args) {
      boolean interpreted = Boolean.parseBoolean(args[0]);
      List<String> lines = List.of();
      int runs = interpreted ? 1 : 60;
      for (int run = 0; run < runs; run++) {
        lines = digests(run == runs - 1 ? 3 : 1 + run % 3);
      }
      lines.forEach(System.out::println);
    }

    static List<String> digests(int steps) {
      List<String> lines = new ArrayList<>();
      var t0 = new LaneNetworks_EluSigmoidLanesFloatTrainer(new LaneNetworks_EluSigmoidLanesFloatModel(5), Optimizer.sgd(0.1));
      lines.add(run("EluSigmoidFloat", t0::trainBatch, t0.model(), steps));
      var t1 = new LaneNetworks_SoftplusSoftmaxLanesFloatTrainer(new LaneNetworks_SoftplusSoftmaxLanesFloatModel(5), Optimizer.sgd(0.1));
      lines.add(run("SoftplusSoftmaxFloat", t1::trainBatch, t1.model(), steps));
      var t2 = new LaneNetworks_SiluSigmoidLanesFloatTrainer(new LaneNetworks_SiluSigmoidLanesFloatModel(5), Optimizer.sgd(0.1));
      lines.add(run("SiluSigmoidFloat", t2::trainBatch, t2.model(), steps));
      var t3 = new LaneNetworks_SigmoidSoftmaxLanesFloatTrainer(new LaneNetworks_SigmoidSoftmaxLanesFloatModel(5), Optimizer.sgd(0.1));
      lines.add(run("SigmoidSoftmaxFloat", t3::trainBatch, t3.model(), steps));
      var t4 = new LaneNetworks_EluSoftmaxLanesDoubleTrainer(new LaneNetworks_EluSoftmaxLanesDoubleModel(5), Optimizer.sgd(0.1));
      lines.add(run("EluSoftmaxDouble", t4::trainBatch, t4.model(), steps));
      var t5 = new LaneNetworks_SoftplusSigmoidLanesDoubleTrainer(new LaneNetworks_SoftplusSigmoidLanesDoubleModel(5), Optimizer.sgd(0.1));
      lines.add(run("SoftplusSigmoidDouble", t5::trainBatch, t5.model(), steps));
      var t6 = new LaneNetworks_SiluSoftmaxLanesDoubleTrainer(new LaneNetworks_SiluSoftmaxLanesDoubleModel(5), Optimizer.sgd(0.1));
      lines.add(run("SiluSoftmaxDouble", t6::trainBatch, t6.model(), steps));
      var t7 = new LaneNetworks_TanhSigmoidLanesDoubleTrainer(new LaneNetworks_TanhSigmoidLanesDoubleModel(5), Optimizer.sgd(0.1));
      lines.add(run("TanhSigmoidDouble", t7::trainBatch, t7.model(), steps));
      return lines;
    }

    private interface Step {
      double trainBatch(double[][] x, double[][] y);
    }

    /** The parameters' bits after {@code steps} seeded batches of 13 rows (padding lanes in every vector). */
    private static String run(String name, Step step, Model model, int steps) {
      if (model.backend() != Backend.VECTOR) {
        throw new IllegalStateException(name + " runs " + model.backend());
      }
      Random random = new Random(31);
      for (int k = 0; k < steps; k++) {
        double[][] x = new double[13][6];
        double[][] y = new double[13][8];
        for (int s = 0; s < 13; s++) {
          for (int i = 0; i < 6; i++) {
            x[s][i] = 3 * random.nextGaussian();
          }
          y[s][(x[s][0] > 0 ? 4 : 0) + (x[s][1] > 0 ? 2 : 0) + (x[s][2] > 0 ? 1 : 0)] = 1;
        }
        step.trainBatch(x, y);
      }
      long[] bits = Arrays.stream(model.parameters()).mapToLong(Double::doubleToRawLongBits).toArray();
      return name + " " + bits.length + " " + Long.toHexString(Arrays.hashCode(bits));
    }
  }
}
