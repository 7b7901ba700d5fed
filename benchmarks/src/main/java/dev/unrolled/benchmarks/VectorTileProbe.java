package dev.unrolled.benchmarks;

import dev.unrolled.Optimizer;
import java.util.Locale;
import java.util.Random;

/**
 * Why the vector tiles run slower on JDK 25 than on JDK 17 on an AVX2 machine: the generated
 * 784-512-512-10 model ({@link SweepShapes}) at batch 256, its batched {@code predict} (the forward
 * product's packed tiles alone) and its trainer's step (every tile kind), in GFLOP/s as performed.
 * Measured on AMD Zen 3 (AVX2): the same classes ran the step at 18.6 k samples/s on JDK 17.0.15
 * and 13.6 k on JDK 25.0.3 (15–28% of it recovered by four-row product tiles there, see the
 * generated {@code SIX_ROWS}); JDK 17 with {@code -XX:-UseLoopPredicate} fell to JDK 25's speed.
 * A development diagnostic, not a benchmark of record: the fastest of many short runs. Run it with
 * {@code java --add-modules jdk.incubator.vector -cp <benchmarks classpath>
 * dev.unrolled.benchmarks.VectorTileProbe [runs]} on each JDK, with any {@code -XX} option to try.
 */
public final class VectorTileProbe {
  private static final int M = 256;

  private VectorTileProbe() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Random random = new Random(3);
    float[][] x = new float[M][784];
    float[][] out = new float[M][10];
    int[] labels = new int[M];
    for (int s = 0; s < M; s++) {
      for (int k = 0; k < 784; k++) {
        x[s][k] = random.nextFloat();
      }
      labels[s] = random.nextInt(10);
    }
    var model = new SweepShapes_Width512Model(1);
    var trainer = new SweepShapes_Width512Trainer(new SweepShapes_Width512Model(1), Optimizer.sgd(1e-4));
    double weights = 784.0 * 512 + 512.0 * 512 + 512.0 * 10;
    double predictFlops = 2 * weights * M;
    double stepFlops = (6 * weights - 2 * 784.0 * 512) * M; // no input deltas for layer 1
    long bestPredict = Long.MAX_VALUE;
    long bestStep = Long.MAX_VALUE;
    for (int run = 0; run < runs; run++) {
      long t0 = System.nanoTime();
      model.predict(x, out);
      long t1 = System.nanoTime();
      double loss = trainer.trainBatch(x, labels);
      long t2 = System.nanoTime();
      if (!Double.isFinite(loss)) {
        throw new IllegalStateException("loss " + loss);
      }
      if (run >= runs / 3) { // the first runs are interpreted or compiling
        bestPredict = Math.min(bestPredict, t1 - t0);
        bestStep = Math.min(bestStep, t2 - t1);
      }
    }
    System.out.printf(Locale.ROOT, "JDK %s, %s: predict %.1f GFLOP/s, training step %.1f GFLOP/s (%,.0f samples/s)%n",
        System.getProperty("java.version"), model.summary().lines().reduce((a, b) -> b).orElse(""),
        predictFlops / bestPredict, stepFlops / bestStep, M * 1e9 / bestStep);
  }
}
