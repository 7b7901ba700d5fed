package dev.unrolled.benchmarks;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * DJL 0.36.0 on the PyTorch 2.7.1 CPU engine: a {@code SequentialBlock} of {@code Linear} blocks with
 * tanh or ReLU between them, a {@code Trainer} with {@code Loss.softmaxCrossEntropyLoss()} and plain
 * SGD at a fixed learning rate; per step a {@code GradientCollector}, forward, loss, backward and
 * {@code trainer.step()}, the step's intermediate arrays closed with a sub-manager.
 *
 * <p>Offline and single-threaded: libtorch is unpacked from the {@code pytorch-native-cpu} jar (into
 * {@code ~/.djl.ai} on first use), nothing is downloaded, and PyTorch runs one intra-op and one
 * inter-op thread ({@link #configure()} sets the system properties unless the command line did).
 */
public final class DjlPeer {
  private DjlPeer() {}

  /** Offline, CPU, one thread: must run before the PyTorch engine loads. */
  static void configure() {
    setDefault("ai.djl.offline", "true");
    setDefault("ai.djl.default_engine", "PyTorch");
    setDefault("ai.djl.pytorch.num_threads", "1");
    setDefault("ai.djl.pytorch.num_interop_threads", "1");
    setDefault("ai.djl.pytorch.graph_optimizer", "false");
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** The block {@code sizes[0]-...-sizes[n]} with tanh or ReLU hidden layers; it outputs logits. */
  static Block block(int[] sizes, boolean tanh) {
    SequentialBlock block = new SequentialBlock();
    for (int l = 1; l < sizes.length; l++) {
      block.add(Linear.builder().setUnits(sizes[l]).build());
      if (l < sizes.length - 1) {
        block.add(tanh ? Activation.tanhBlock() : Activation.reluBlock());
      }
    }
    return block;
  }

  /** A model and trainer ready for batches of {@code m} rows; close the model when done. */
  static Trainer trainer(int[] sizes, boolean tanh, float learningRate, int m, int seed) {
    configure();
    Engine.getEngine("PyTorch").setRandomSeed(seed);
    Model model = Model.newInstance("mlp", Device.cpu(), "PyTorch");
    model.setBlock(block(sizes, tanh));
    DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(learningRate)).build())
        .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
        .optDevices(new Device[] {Device.cpu()});
    Trainer trainer = model.newTrainer(config);
    trainer.initialize(new Shape(m, sizes[0]));
    return trainer;
  }

  /** One SGD step per call on NDArrays built up front; per-step arrays are closed with a sub-manager. */
  static Peers.Step train(int[] sizes, boolean tanh, float learningRate, float[][][] x, int[][] y) {
    int m = x[0].length;
    Trainer trainer = trainer(sizes, tanh, learningRate, m, 1);
    NDManager manager = trainer.getManager();
    NDArray[] inputs = new NDArray[x.length];
    NDArray[] labels = new NDArray[x.length];
    for (int k = 0; k < x.length; k++) {
      float[] flat = new float[m * sizes[0]];
      float[] label = new float[m];
      for (int s = 0; s < m; s++) {
        System.arraycopy(x[k][s], 0, flat, s * sizes[0], sizes[0]);
        label[s] = y[k][s];
      }
      inputs[k] = manager.create(flat, new Shape(m, sizes[0]));
      labels[k] = manager.create(label, new Shape(m));
    }
    return k -> {
      float loss;
      try (NDManager step = manager.newSubManager()) {
        NDArray input = inputs[k];
        NDArray label = labels[k];
        input.tempAttach(step);
        label.tempAttach(step);
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList output = trainer.forward(new NDList(input));
          NDArray lossValue = trainer.getLoss().evaluate(new NDList(label), output);
          collector.backward(lossValue);
          loss = lossValue.getFloat();
        }
        trainer.step();
      }
      return loss;
    };
  }

  /**
   * A model whose block is initialised (Xavier weights from {@code seed}) for inputs of
   * {@code sizes[0]}, for inference without a trainer.
   */
  static Model model(int[] sizes, boolean tanh, int seed) {
    configure();
    Engine.getEngine("PyTorch").setRandomSeed(seed);
    Block block = block(sizes, tanh);
    Model model = Model.newInstance("mlp", Device.cpu(), "PyTorch");
    model.setBlock(block);
    block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, sizes[0]));
    return model;
  }

  /**
   * Probabilities for one input row: a 1-row NDArray in, the block's forward pass in inference
   * mode, softmax, back to a Java array; the call's arrays are closed with a sub-manager. The
   * returned function holds the model: when nothing held it, its arrays were closed under the
   * benchmark after a garbage collection.
   */
  static UnaryOperator<float[]> predictor(int[] sizes, boolean tanh) {
    Model model = model(sizes, tanh, 1);
    ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
    return input -> {
      try (NDManager call = model.getNDManager().newSubManager()) {
        return predict(model, parameters, call, input);
      }
    };
  }

  /**
   * Start to first prediction: loads the PyTorch engine, builds the 784-128-10 ReLU network from
   * seed 1 and predicts {@link Contenders#fixedRow(int)}; meant to be the first call in a fresh JVM.
   */
  public static double[] firstPrediction() {
    try (Model model = model(new int[] {784, 128, 10}, false, 1)) {
      NDManager manager = model.getNDManager();
      ParameterStore parameters = new ParameterStore(manager, false);
      return Contenders.toDouble(predict(model, parameters, manager, Contenders.fixedRow(784)));
    }
  }

  /** Softmax of the block's inference-mode output for one row; the arrays made belong to {@code arrays}. */
  private static float[] predict(Model model, ParameterStore parameters, NDManager arrays, float[] input) {
    NDArray row = arrays.create(input, new Shape(1, input.length));
    NDArray logits = model.getBlock().forward(parameters, new NDList(row), false).singletonOrThrow();
    return logits.softmax(-1).toFloatArray();
  }

  /** Prints the first prediction and the milliseconds since the JVM started. */
  public static void main(String[] args) {
    double[] p = firstPrediction();
    System.out.println("djl first prediction " + Arrays.toString(p) + " after "
        + Contenders.millisSinceJvmStart() + " ms since JVM start");
  }
}
