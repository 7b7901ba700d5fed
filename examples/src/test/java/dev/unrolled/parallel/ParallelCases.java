package dev.unrolled.parallel;

import dev.unrolled.Dataset;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import dev.unrolled.Trainer;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/** The networks of {@link ParallelNetworks}, with seeded data shaped for each. */
final class ParallelCases {
  static final long SEED = 17;

  private ParallelCases() {}

  interface Maker {
    Trainer make(Model model, Optimizer optimizer, Parallelism parallelism);
  }

  /** The precision-native label entry point: float rows for FLOAT models, double rows for DOUBLE. */
  interface Labels {
    double train(Trainer trainer, Batch batch);
  }

  /** {@code trainBatch(float[][], float[][])}, FLOAT models only. */
  interface FloatRows {
    double train(Trainer trainer, Batch batch);
  }

  record Case(String name, int inputs, int outputs, Loss loss, boolean isFloat, LongFunction<Model> model,
      Maker maker, Labels labels, FloatRows floatRows) {
    /** A trainer of a fresh model seeded with {@link #SEED}. */
    Trainer trainer(Optimizer optimizer, Parallelism parallelism) {
      return maker.make(model.apply(SEED), optimizer, parallelism);
    }

    Batch batch(Random random, int m) {
      return new Batch(this, random, m);
    }

    Dataset dataset(Random random, int n) {
      Batch b = batch(random, n);
      if (loss == Loss.MEAN_SQUARED_ERROR) {
        return Dataset.ofTargets(b.xd, b.yd);
      }
      int classes = Math.max(2, outputs);
      return isFloat ? Dataset.ofLabels(b.xf, b.labels, classes) : Dataset.ofLabels(b.xd, b.labels, classes);
    }

    /**
     * {@code n} rows with a rule to learn: the class is the arg-max of fixed random projections of
     * the features (the sign of one, for one output), and regression targets are their tanh / 2.
     */
    Dataset learnable(Random random, int n) {
      double[][] v = new double[Math.max(2, outputs)][inputs];
      for (double[] row : v) {
        for (int i = 0; i < inputs; i++) {
          row[i] = random.nextGaussian();
        }
      }
      Batch b = batch(random, n);
      for (int s = 0; s < n; s++) {
        double[] score = new double[v.length];
        for (int j = 0; j < v.length; j++) {
          for (int i = 0; i < inputs; i++) {
            score[j] += v[j][i] * b.xd[s][i];
          }
        }
        b.labels[s] = 0;
        for (int j = 1; j < v.length; j++) {
          b.labels[s] = score[j] > score[b.labels[s]] ? j : b.labels[s];
        }
        for (int j = 0; j < outputs; j++) {
          b.yd[s][j] = Math.tanh(score[j]) / 2;
        }
      }
      if (loss == Loss.MEAN_SQUARED_ERROR) {
        return Dataset.ofTargets(b.xd, b.yd);
      }
      return isFloat ? Dataset.ofLabels(b.xf, b.labels, v.length) : Dataset.ofLabels(b.xd, b.labels, v.length);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** One batch in every form the entry points take. */
  static final class Batch {
    final double[][] xd;
    final float[][] xf;
    final int[] labels;
    final double[][] yd;
    final float[][] yf;

    Batch(Case c, Random random, int m) {
      xd = new double[m][c.inputs()];
      xf = new float[m][c.inputs()];
      labels = new int[m];
      yd = new double[m][c.outputs()];
      yf = new float[m][c.outputs()];
      for (int s = 0; s < m; s++) {
        for (int i = 0; i < c.inputs(); i++) {
          xf[s][i] = (float) random.nextGaussian();
          xd[s][i] = xf[s][i];
        }
        labels[s] = random.nextInt(Math.max(2, c.outputs()));
        for (int j = 0; j < c.outputs(); j++) {
          double y = c.loss() == Loss.MEAN_SQUARED_ERROR ? 0.5 * random.nextGaussian()
              : c.outputs() == 1 ? labels[s] : j == labels[s] ? 1 : 0;
          yf[s][j] = (float) y;
          yd[s][j] = yf[s][j];
        }
      }
    }
  }

  static List<Case> all() {
    return List.of(
        new Case("UnrolledFloat", 4, 3, Loss.SOFTMAX_CROSS_ENTROPY, true, ParallelNetworks_UnrolledFloatModel::new,
            (m, o, p) -> new ParallelNetworks_UnrolledFloatTrainer((ParallelNetworks_UnrolledFloatModel) m, o, p),
            (t, b) -> ((ParallelNetworks_UnrolledFloatTrainer) t).trainBatch(b.xf, b.labels),
            (t, b) -> ((ParallelNetworks_UnrolledFloatTrainer) t).trainBatch(b.xf, b.yf)),
        new Case("UnrolledDouble", 3, 2, Loss.MEAN_SQUARED_ERROR, false, ParallelNetworks_UnrolledDoubleModel::new,
            (m, o, p) -> new ParallelNetworks_UnrolledDoubleTrainer((ParallelNetworks_UnrolledDoubleModel) m, o, p),
            (t, b) -> ((ParallelNetworks_UnrolledDoubleTrainer) t).trainBatch(b.xd, b.labels),
            null),
        new Case("LoopedFloat", 30, 10, Loss.SOFTMAX_CROSS_ENTROPY, true, ParallelNetworks_LoopedFloatModel::new,
            (m, o, p) -> new ParallelNetworks_LoopedFloatTrainer((ParallelNetworks_LoopedFloatModel) m, o, p),
            (t, b) -> ((ParallelNetworks_LoopedFloatTrainer) t).trainBatch(b.xf, b.labels),
            (t, b) -> ((ParallelNetworks_LoopedFloatTrainer) t).trainBatch(b.xf, b.yf)),
        new Case("LoopedDouble", 30, 10, Loss.SOFTMAX_CROSS_ENTROPY, false, ParallelNetworks_LoopedDoubleModel::new,
            (m, o, p) -> new ParallelNetworks_LoopedDoubleTrainer((ParallelNetworks_LoopedDoubleModel) m, o, p),
            (t, b) -> ((ParallelNetworks_LoopedDoubleTrainer) t).trainBatch(b.xd, b.labels),
            null),
        new Case("MixedFloat", 30, 1, Loss.SIGMOID_CROSS_ENTROPY, true, ParallelNetworks_MixedFloatModel::new,
            (m, o, p) -> new ParallelNetworks_MixedFloatTrainer((ParallelNetworks_MixedFloatModel) m, o, p),
            (t, b) -> ((ParallelNetworks_MixedFloatTrainer) t).trainBatch(b.xf, b.labels),
            (t, b) -> ((ParallelNetworks_MixedFloatTrainer) t).trainBatch(b.xf, b.yf)),
        new Case("VectorFloat", 30, 10, Loss.SOFTMAX_CROSS_ENTROPY, true, ParallelNetworks_VectorFloatModel::new,
            (m, o, p) -> new ParallelNetworks_VectorFloatTrainer((ParallelNetworks_VectorFloatModel) m, o, p),
            (t, b) -> ((ParallelNetworks_VectorFloatTrainer) t).trainBatch(b.xf, b.labels),
            (t, b) -> ((ParallelNetworks_VectorFloatTrainer) t).trainBatch(b.xf, b.yf)));
  }

  /** The networks a trainer can split by layers: the looped and vector ones above, and {@link SplitNetworks}. */
  static List<Case> splittable() {
    List<Case> cases = new java.util.ArrayList<>();
    for (Case c : all()) {
      if (c.name().startsWith("Looped") || c.name().startsWith("Vector")) {
        cases.add(c);
      }
    }
    cases.add(new Case("TanhSigmoidDouble", 40, 3, Loss.MEAN_SQUARED_ERROR, false, SplitNetworks_TanhSigmoidDoubleModel::new,
        (m, o, p) -> new SplitNetworks_TanhSigmoidDoubleTrainer((SplitNetworks_TanhSigmoidDoubleModel) m, o, p),
        (t, b) -> ((SplitNetworks_TanhSigmoidDoubleTrainer) t).trainBatch(b.xd, b.yd),
        null));
    cases.add(new Case("EluSiluVector", 40, 1, Loss.SIGMOID_CROSS_ENTROPY, true, SplitNetworks_EluSiluVectorModel::new,
        (m, o, p) -> new SplitNetworks_EluSiluVectorTrainer((SplitNetworks_EluSiluVectorModel) m, o, p),
        (t, b) -> ((SplitNetworks_EluSiluVectorTrainer) t).trainBatch(b.xf, b.labels),
        (t, b) -> ((SplitNetworks_EluSiluVectorTrainer) t).trainBatch(b.xf, b.yf)));
    cases.add(new Case("LeakySoftplusDouble", 40, 5, Loss.SOFTMAX_CROSS_ENTROPY, false,
        SplitNetworks_LeakySoftplusDoubleModel::new,
        (m, o, p) -> new SplitNetworks_LeakySoftplusDoubleTrainer((SplitNetworks_LeakySoftplusDoubleModel) m, o, p),
        (t, b) -> ((SplitNetworks_LeakySoftplusDoubleTrainer) t).trainBatch(b.xd, b.labels),
        null));
    cases.add(new Case("ReluTanhVector", 50, 10, Loss.SOFTMAX_CROSS_ENTROPY, true, SplitNetworks_ReluTanhVectorModel::new,
        (m, o, p) -> new SplitNetworks_ReluTanhVectorTrainer((SplitNetworks_ReluTanhVectorModel) m, o, p),
        (t, b) -> ((SplitNetworks_ReluTanhVectorTrainer) t).trainBatch(b.xf, b.labels),
        (t, b) -> ((SplitNetworks_ReluTanhVectorTrainer) t).trainBatch(b.xf, b.yf)));
    cases.add(new Case("SigmoidOutputs", 40, 4, Loss.MEAN_SQUARED_ERROR, true, SplitNetworks_SigmoidOutputsModel::new,
        (m, o, p) -> new SplitNetworks_SigmoidOutputsTrainer((SplitNetworks_SigmoidOutputsModel) m, o, p),
        (t, b) -> ((SplitNetworks_SigmoidOutputsTrainer) t).trainBatch(b.xf, b.yf),
        (t, b) -> ((SplitNetworks_SigmoidOutputsTrainer) t).trainBatch(b.xf, b.yf)));
    return cases;
  }

  /** Networks a trainer cannot split by layers, and the reason it gives. */
  static List<Object[]> unsplittable() {
    List<Object[]> cases = new java.util.ArrayList<>();
    for (Case c : all()) {
      if (c.name().startsWith("Unrolled")) {
        cases.add(new Object[] {c, "layer 1 is unrolled"});
      } else if (c.name().equals("MixedFloat")) {
        cases.add(new Object[] {c, "layer 2 is unrolled"});
      }
    }
    cases.add(new Object[] {new Case("Normalised", 40, 10, Loss.SOFTMAX_CROSS_ENTROPY, true,
        SplitNetworks_NormalisedModel::new,
        (m, o, p) -> new SplitNetworks_NormalisedTrainer((SplitNetworks_NormalisedModel) m, o, p),
        (t, b) -> ((SplitNetworks_NormalisedTrainer) t).trainBatch(b.xf, b.labels), null), "layer 1 is normalised"});
    return cases;
  }
}
