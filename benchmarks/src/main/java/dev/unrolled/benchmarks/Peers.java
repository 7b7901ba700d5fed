package dev.unrolled.benchmarks;

import org.encog.engine.network.activation.ActivationReLU;
import org.encog.engine.network.activation.ActivationSoftMax;
import org.encog.engine.network.activation.ActivationTANH;
import org.encog.mathutil.randomize.XaiverRandomizer;
import org.encog.ml.data.MLDataPair;
import org.encog.ml.data.basic.BasicMLData;
import org.encog.ml.data.basic.BasicMLDataPair;
import org.encog.ml.data.basic.BasicMLDataSet;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.layers.BasicLayer;
import org.encog.neural.networks.training.propagation.sgd.StochasticGradientDescent;
import org.encog.neural.networks.training.propagation.sgd.update.MomentumUpdate;
import smile.base.mlp.HiddenLayerBuilder;
import smile.base.mlp.Layer;
import smile.base.mlp.LayerBuilder;
import smile.base.mlp.OutputFunction;
import smile.classification.MLP;
import smile.math.TimeFunction;

/**
 * The same networks in the pure-Java libraries people pick instead (Encog, Smile), each taking one
 * mini-batch SGD step per call with its own idiomatic API; the native-backed peers are
 * {@link Dl4jPeer} and {@link DjlPeer}.
 */
final class Peers {
  private Peers() {}

  /**
   * One training step on batch {@code k}, returning a loss that {@link TrainingBenchmark} checks is
   * finite. Encog and Smile do not report their loss: theirs is the cross-entropy of the batch's
   * last sample, read from the softmax outputs of the forward pass the step itself computed.
   */
  interface Step {
    double run(int k);
  }

  /**
   * Encog 3.4: a {@code BasicNetwork} with a softmax output trained by {@code StochasticGradientDescent}
   * with the momentum rule at momentum 0 (plain SGD): process each pair of the batch, then update.
   */
  static Step encog(int[] sizes, boolean tanh, double learningRate, double[][][] x, int[][] y) {
    BasicNetwork network = encogNetwork(sizes, tanh);
    int classes = sizes[sizes.length - 1];
    MLDataPair[][] pairs = new MLDataPair[x.length][];
    for (int k = 0; k < x.length; k++) {
      pairs[k] = new MLDataPair[x[k].length];
      for (int s = 0; s < x[k].length; s++) {
        double[] ideal = new double[classes];
        ideal[y[k][s]] = 1;
        pairs[k][s] = new BasicMLDataPair(new BasicMLData(x[k][s]), new BasicMLData(ideal));
      }
    }
    StochasticGradientDescent sgd = new StochasticGradientDescent(network, new BasicMLDataSet(x[0], x[0]));
    sgd.setUpdateRule(new MomentumUpdate()); // with momentum 0: plain SGD (Encog's default rule is Adam)
    // Encog sums the gradients of the batch, the others average them: the same step needs rate / batch.
    sgd.setLearningRate(learningRate / x[0].length);
    sgd.setMomentum(0);
    // The SGD trainer computes on the network's own flat arrays; the output layer comes first.
    double[] outputs = network.getFlat().getLayerOutput();
    return k -> {
      for (MLDataPair pair : pairs[k]) {
        sgd.process(pair);
      }
      sgd.update();
      return -Math.log(outputs[y[k][y[k].length - 1]]);
    };
  }

  /**
   * The Encog network: tanh or ReLU hidden layers with biases, a softmax output, Xavier weights from
   * a seed, as the other contenders start. Encog's default ({@code reset}: uniform in [−1, 1])
   * saturates the softmax of the 784-input networks: the label's probability underflows to 0, so the
   * loss is infinite within a few steps of 784-256-128-10 and the benchmark would time a network
   * that does not learn.
   */
  static BasicNetwork encogNetwork(int[] sizes, boolean tanh) {
    BasicNetwork network = new BasicNetwork();
    network.addLayer(new BasicLayer(null, true, sizes[0]));
    for (int l = 1; l < sizes.length - 1; l++) {
      network.addLayer(new BasicLayer(tanh ? new ActivationTANH() : new ActivationReLU(), true, sizes[l]));
    }
    network.addLayer(new BasicLayer(new ActivationSoftMax(), false, sizes[sizes.length - 1]));
    network.getStructure().finalizeStructure();
    new XaiverRandomizer(1).randomize(network); // sic: Encog's spelling
    return network;
  }

  /** Smile 3.1.1: {@code MLP} with a softmax maximum-likelihood output, mini-batch {@code update(x, y)}. */
  static Step smile(int[] sizes, boolean tanh, double learningRate, double[][][] x, int[][] y) {
    LastLossMlp mlp = new LastLossMlp(smileLayers(sizes, tanh));
    mlp.setLearningRate(TimeFunction.constant(learningRate));
    return k -> {
      mlp.update(x[k], y[k]);
      return mlp.lastLoss(y[k][y[k].length - 1]);
    };
  }

  /** Smile's MLP, with the output layer (protected) read for the loss of the last sample propagated. */
  private static final class LastLossMlp extends MLP {
    private static final long serialVersionUID = 1L;

    LastLossMlp(LayerBuilder... layers) {
      super(layers);
    }

    /** Cross-entropy of the last sample; the classes are 0..k-1, so a label is its own index. */
    double lastLoss(int label) {
      return -Math.log(output.output()[label]);
    }
  }

  /** The Smile network: tanh or rectifier hidden layers, a softmax maximum-likelihood output. */
  static MLP smileMlp(int[] sizes, boolean tanh, double learningRate) {
    MLP mlp = new MLP(smileLayers(sizes, tanh));
    mlp.setLearningRate(TimeFunction.constant(learningRate));
    return mlp;
  }

  private static LayerBuilder[] smileLayers(int[] sizes, boolean tanh) {
    LayerBuilder[] layers = new LayerBuilder[sizes.length];
    layers[0] = Layer.input(sizes[0]);
    for (int l = 1; l < sizes.length - 1; l++) {
      HiddenLayerBuilder hidden = tanh ? Layer.tanh(sizes[l]) : Layer.rectifier(sizes[l]);
      layers[l] = hidden;
    }
    layers[sizes.length - 1] = Layer.mle(sizes[sizes.length - 1], OutputFunction.SOFTMAX);
    return layers;
  }
}
