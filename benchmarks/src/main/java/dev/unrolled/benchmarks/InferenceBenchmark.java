package dev.unrolled.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.encog.neural.networks.BasicNetwork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import smile.classification.MLP;

/**
 * Single-sample prediction latency: one input row (a Java array) in, the output probabilities (a
 * Java array) out, per operation, single-threaded, with each contender's own prediction call. Rows
 * cycle through 256 teacher-data inputs. The native-backed peers include copying the row into and
 * the probabilities out of their tensors, since that is part of answering one request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class InferenceBenchmark {
  private static final int ROWS = 256;

  /** Layer sizes. */
  @Param({"4-16-3", "784-128-10"})
  public String shape;

  @Param({"generated-float", "generated-vector", "generated-double", "hand-written", "encog", "smile", "dl4j", "djl"})
  public String contender;

  private interface Predict {
    Object run(int row);
  }

  private Predict predict;
  private int next;

  @Setup
  public void setUp() {
    int[] sizes = Contenders.sizes(shape);
    TeacherData data = new TeacherData(ROWS, sizes[0], sizes[sizes.length - 1], 11);
    predict = create(sizes, data.x, data.asDouble());
  }

  private Predict create(int[] sizes, float[][] x, double[][] xd) {
    boolean tanh = Contenders.tanh(sizes);
    int classes = sizes[sizes.length - 1];
    float[] out = new float[classes];
    double[] outD = new double[classes];
    switch (contender) {
      case "generated-float":
        return generatedFloat(x, out);
      case "generated-vector":
        return generatedVector(x, out);
      case "generated-double":
        return generatedDouble(xd, outD);
      case "hand-written": {
        HandWrittenMlp mlp = new HandWrittenMlp(sizes, tanh, 0.01f, 1);
        return k -> {
          mlp.predict(x[k], out);
          return out;
        };
      }
      case "encog": {
        BasicNetwork network = Peers.encogNetwork(sizes, tanh);
        return k -> {
          network.compute(xd[k], outD);
          return outD;
        };
      }
      case "smile": {
        MLP mlp = Peers.smileMlp(sizes, tanh, 0.01);
        return k -> {
          mlp.predict(xd[k], outD);
          return outD;
        };
      }
      case "dl4j": {
        Contenders.requireSingleThreadedNatives(contender);
        UnaryOperator<float[]> dl4j = Dl4jPeer.predictor(sizes, tanh);
        return k -> dl4j.apply(x[k]);
      }
      case "djl": {
        Contenders.requireSingleThreadedNatives(contender);
        UnaryOperator<float[]> djl = DjlPeer.predictor(sizes, tanh);
        return k -> djl.apply(x[k]);
      }
      default:
        throw new IllegalArgumentException("no contender " + contender);
    }
  }

  private Predict generatedFloat(float[][] x, float[] out) {
    switch (shape) {
      case "4-16-3": {
        Shapes_SmallModel model = new Shapes_SmallModel(1);
        return k -> {
          model.predict(x[k], out);
          return out;
        };
      }
      case "784-128-10": {
        Shapes_MnistModel model = new Shapes_MnistModel(1);
        return k -> {
          model.predict(x[k], out);
          return out;
        };
      }
      default:
        throw new IllegalArgumentException("no generated-float network " + shape);
    }
  }

  /** 4-16-3 keeps the batch in lanes (one row fills one lane of each vector); 784-128-10 has tiles. */
  private Predict generatedVector(float[][] x, float[] out) {
    switch (shape) {
      case "4-16-3": {
        Shapes_SmallVectorModel model = new Shapes_SmallVectorModel(1);
        TrainingSteps.requireVectorPath(model);
        return k -> {
          model.predict(x[k], out);
          return out;
        };
      }
      case "784-128-10": {
        Shapes_MnistVectorModel model = new Shapes_MnistVectorModel(1);
        TrainingSteps.requireVectorPath(model);
        return k -> {
          model.predict(x[k], out);
          return out;
        };
      }
      default:
        throw new IllegalArgumentException("no generated-vector network " + shape);
    }
  }

  private Predict generatedDouble(double[][] xd, double[] out) {
    switch (shape) {
      case "4-16-3": {
        Shapes_SmallDoubleModel model = new Shapes_SmallDoubleModel(1);
        return k -> {
          model.predict(xd[k], out);
          return out;
        };
      }
      case "784-128-10": {
        Shapes_MnistDoubleModel model = new Shapes_MnistDoubleModel(1);
        return k -> {
          model.predict(xd[k], out);
          return out;
        };
      }
      default:
        throw new IllegalArgumentException("no generated-double network " + shape);
    }
  }

  @Benchmark
  public Object predictOne() {
    Object probabilities = predict.run(next);
    next = next + 1 == ROWS ? 0 : next + 1;
    return probabilities;
  }
}
