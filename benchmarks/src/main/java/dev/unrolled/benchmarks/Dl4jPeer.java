package dev.unrolled.benchmarks;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Deeplearning4j 1.0.0-M2.1 on its CPU backend (nd4j-native, AVX-512 build, OpenBLAS): a
 * {@code MultiLayerNetwork} of {@code DenseLayer}s and a softmax {@code OutputLayer} with
 * multi-class cross-entropy, plain {@code Sgd}, float data, one {@code fit(DataSet)} per batch.
 *
 * <p>Single-threaded: the benchmark forks inherit {@code OMP_NUM_THREADS=1} and
 * {@code OPENBLAS_NUM_THREADS=1} from the exec-maven-plugin configuration (or the caller's
 * environment; the benchmarks refuse to run this peer without them, since without them ND4J
 * computes on a second thread whatever {@link #singleThreaded()} sets), and {@link #singleThreaded()}
 * also caps ND4J's thread pools and BLAS at one.
 */
public final class Dl4jPeer {
  private Dl4jPeer() {}

  /**
   * Caps ND4J's own thread pools and its BLAS at one thread (ND4J also reads {@code OMP_NUM_THREADS}
   * when it loads; OpenBLAS reads {@code OPENBLAS_NUM_THREADS}).
   */
  static void singleThreaded() {
    Nd4j.getEnvironment().setMaxThreads(1);
    Nd4j.getEnvironment().setMaxMasterThreads(1);
    Nd4j.factory().blas().setMaxThreads(1);
  }

  /** The network {@code sizes[0]-...-sizes[n]} with tanh or ReLU hidden layers and a softmax output. */
  static MultiLayerNetwork network(int[] sizes, boolean tanh, double learningRate, long seed) {
    singleThreaded();
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new Sgd(learningRate))
        .list();
    for (int l = 1; l < sizes.length - 1; l++) {
      layers.layer(new DenseLayer.Builder().nIn(sizes[l - 1]).nOut(sizes[l])
          .activation(tanh ? Activation.TANH : Activation.RELU).build());
    }
    int last = sizes.length - 1;
    layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
        .nIn(sizes[last - 1]).nOut(sizes[last]).activation(Activation.SOFTMAX).build());
    MultiLayerConfiguration configuration = layers.build();
    MultiLayerNetwork network = new MultiLayerNetwork(configuration);
    network.init();
    return network;
  }

  /** One {@code fit(DataSet)} per step on batches converted to INDArrays up front. */
  static Peers.Step train(int[] sizes, boolean tanh, double learningRate, float[][][] x, int[][] y) {
    MultiLayerNetwork network = network(sizes, tanh, learningRate, 1);
    int classes = sizes[sizes.length - 1];
    DataSet[] batches = new DataSet[x.length];
    for (int k = 0; k < x.length; k++) {
      float[][] labels = new float[y[k].length][classes];
      for (int s = 0; s < y[k].length; s++) {
        labels[s][y[k][s]] = 1;
      }
      batches[k] = new DataSet(Nd4j.create(x[k]), Nd4j.create(labels));
    }
    return k -> {
      network.fit(batches[k]);
      return network.score();
    };
  }

  /** Probabilities for one input row: a 1-row INDArray in, {@code output}, back to a Java array. */
  static UnaryOperator<float[]> predictor(int[] sizes, boolean tanh) {
    MultiLayerNetwork network = network(sizes, tanh, 0.01, 1);
    long[] shape = {1, sizes[0]};
    return input -> network.output(Nd4j.create(input, shape)).toFloatVector();
  }

  /**
   * Start to first prediction: builds the 784-128-10 ReLU network from seed 1 and predicts
   * {@link Contenders#fixedRow(int)}; in a fresh JVM, loading the backend happens in this call too.
   */
  public static double[] firstPrediction() {
    MultiLayerNetwork network = network(new int[] {784, 128, 10}, false, 0.01, 1);
    INDArray row = Nd4j.create(Contenders.fixedRow(784), new long[] {1, 784});
    return Contenders.toDouble(network.output(row).toFloatVector());
  }

  /** Prints the first prediction and the milliseconds since the JVM started. */
  public static void main(String[] args) {
    double[] p = firstPrediction();
    System.out.println("dl4j first prediction " + Arrays.toString(p) + " after "
        + Contenders.millisSinceJvmStart() + " ms since JVM start");
  }
}
