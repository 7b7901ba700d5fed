package dev.unrolled.reference;

import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Norm;
import dev.unrolled.train.Dropout;

/**
 * A plain, deliberately unclever network in {@code double} with layer normalisation, batch
 * normalisation, dropout and an optional RBF layer in front: the oracle for the generated code of
 * such networks. It is written from the contract only (DESIGN.md, {@link Norm}, {@link Dropout}) and
 * shares nothing with the generator; the scalar functions (activations, sigmoid, log-sum-exp,
 * softmax) are {@link ReferenceMlp}'s, so the conventions at the kinks are the same.
 *
 * <ul>
 *   <li>An optional RBF layer first: {@code φₖ = exp(−βₖ‖x − cₖ‖²)}, {@code βₖ = exp(sₖ)}.
 *   <li>Dense layer without norm: {@code z = W·a_prev + b}, {@code a = f(z)}.
 *   <li>Dense layer with norm (no bias): {@code h = W·a_prev}, {@code ĥ = (h − μ)/√(σ² + ε)} with
 *       {@code ε = 1e-5} and {@code σ²} the mean of squared deviations, {@code z = γ⊙ĥ + β},
 *       {@code a = f(z)}. {@link Norm#LAYER}: {@code μ}, {@code σ²} over the units of one sample.
 *       {@link Norm#BATCH}: per unit over the samples of the batch in {@link #lossAndGradient} and in
 *       trainer steps (the gradient flows through them), the running estimates in {@link #predict}.
 *   <li>Dropout on a hidden layer's outputs {@code a}, in trainer steps only, as multipliers
 *       {@code 0} or {@code 1/(1 − p)} given by {@link Dropout#kept}.
 *   <li>Flat layout, layer by layer: RBF {@code C[units][inputs]} row-major then {@code s[units]};
 *       dense without norm {@code W[out][in]} row-major then {@code b[out]}; dense with norm
 *       {@code W[out][in]}, then {@code γ[out]}, then {@code β[out]}.
 *   <li>Running estimates, for each BATCH layer in order: its running means, then its running
 *       variances; they start at mean 0, variance 1.
 * </ul>
 *
 * <p>The backward pass is textbook backpropagation; through a normalisation it follows Ioffe and
 * Szegedy (2015) term by term: {@code ∂L/∂σ²}, then {@code ∂L/∂μ}, then {@code ∂L/∂h}.
 */
public final class ReferenceNormMlp {
  /** The {@code ε} under the square root of a normalisation. */
  public static final double EPSILON = 1e-5;
  /** Weight of the new batch statistics in a running estimate. */
  public static final double MOMENTUM = 0.1;

  private final int inputs;
  private final int rbfUnits; // 0: no RBF layer
  private final int[] units; // units[l] of dense layer l
  private final Activation[] activations;
  private final Norm[] norms;
  private final double[] dropouts;
  private final Loss loss;

  private final double[][] centres; // centres[k][i]
  private final double[] logWidths; // s[k]
  private final double[][][] w; // w[l][out][in]
  private final double[][] b; // b[l][out]; null for a normalised layer
  private final double[][] gamma; // gamma[l][out]; null for a layer without norm
  private final double[][] beta; // beta[l][out]; null for a layer without norm
  private final double[][] runningMean; // runningMean[l][out]; null unless BATCH
  private final double[][] runningVar; // runningVar[l][out]; null unless BATCH

  /**
   * @param inputs input width
   * @param rbfUnits units of the RBF layer in front, 0 for none
   * @param units units of every dense layer, the last is the output layer
   * @param activations one per dense layer
   * @param norms one per dense layer
   * @param dropouts one per dense layer, each in [0, 1); the output layer's must be 0
   */
  public ReferenceNormMlp(int inputs, int rbfUnits, int[] units, Activation[] activations, Norm[] norms,
      double[] dropouts, Loss loss) {
    int layers = units.length;
    if (inputs < 1 || rbfUnits < 0 || layers < 1 || activations.length != layers || norms.length != layers
        || dropouts.length != layers) {
      throw new IllegalArgumentException("need at least one input, at least one dense layer, and one "
          + "activation, norm and dropout per dense layer");
    }
    for (int l = 0; l < layers; l++) {
      if (units[l] < 1) {
        throw new IllegalArgumentException("layer " + l + " has " + units[l] + " units");
      }
      if (!(dropouts[l] >= 0 && dropouts[l] < 1)) {
        throw new IllegalArgumentException("dropout " + dropouts[l] + " is not in [0, 1)");
      }
    }
    if (dropouts[layers - 1] != 0) {
      throw new IllegalArgumentException("dropout is for hidden layers; the output layer has none");
    }
    if (loss.isCrossEntropy() && activations[layers - 1] != Activation.IDENTITY) {
      throw new IllegalArgumentException("a cross-entropy output layer must be IDENTITY (logits)");
    }
    this.inputs = inputs;
    this.rbfUnits = rbfUnits;
    this.units = units.clone();
    this.activations = activations.clone();
    this.norms = norms.clone();
    this.dropouts = dropouts.clone();
    this.loss = loss;

    this.centres = new double[rbfUnits][inputs];
    this.logWidths = new double[rbfUnits];
    this.w = new double[layers][][];
    this.b = new double[layers][];
    this.gamma = new double[layers][];
    this.beta = new double[layers][];
    this.runningMean = new double[layers][];
    this.runningVar = new double[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = new double[units[l]][fanIn(l)];
      if (norms[l] == Norm.NONE) {
        b[l] = new double[units[l]];
      } else {
        gamma[l] = new double[units[l]];
        beta[l] = new double[units[l]];
        for (int j = 0; j < units[l]; j++) {
          gamma[l][j] = 1;
        }
      }
      if (norms[l] == Norm.BATCH) {
        runningMean[l] = new double[units[l]];
        runningVar[l] = new double[units[l]];
        for (int j = 0; j < units[l]; j++) {
          runningVar[l][j] = 1;
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Shape

  /** Number of dense layers (the RBF layer is not counted). */
  public int layerCount() {
    return units.length;
  }

  public int inputSize() {
    return inputs;
  }

  public int rbfUnits() {
    return rbfUnits;
  }

  public int outputSize() {
    return units[units.length - 1];
  }

  public Loss loss() {
    return loss;
  }

  /** Input width of dense layer {@code l}: the RBF units, the inputs, or the previous layer's units. */
  public int fanIn(int l) {
    if (l > 0) {
      return units[l - 1];
    }
    return rbfUnits > 0 ? rbfUnits : inputs;
  }

  /** Units of dense layer {@code l}. */
  public int fanOut(int l) {
    return units[l];
  }

  public Activation activation(int l) {
    return activations[l];
  }

  public Norm norm(int l) {
    return norms[l];
  }

  public double dropout(int l) {
    return dropouts[l];
  }

  /**
   * What the layer table and {@link Dropout} call dense layer {@code l}: counted from 1 for the first
   * layer after the input, the RBF layer included.
   */
  public int layerNumber(int l) {
    return l + 1 + (rbfUnits > 0 ? 1 : 0);
  }

  /** Parameters of the RBF layer: {@code C[units][inputs]} then {@code s[units]}; 0 without one. */
  public int rbfParameterCount() {
    return rbfUnits * inputs + rbfUnits;
  }

  /** Parameters of dense layer {@code l}: {@code W}, then {@code b}, or {@code γ} and {@code β}. */
  public int layerParameterCount(int l) {
    int vectors = norms[l] == Norm.NONE ? 1 : 2;
    return units[l] * fanIn(l) + vectors * units[l];
  }

  /** Offset of dense layer {@code l}'s weights in the flat layout. */
  public int layerOffset(int l) {
    int offset = rbfParameterCount();
    for (int k = 0; k < l; k++) {
      offset += layerParameterCount(k);
    }
    return offset;
  }

  public int parameterCount() {
    return layerOffset(layerCount());
  }

  // ---------------------------------------------------------------------------------------------
  // Parameters and running estimates

  /** Replaces every parameter from the flat layout. */
  public void setParameters(double[] flat) {
    if (flat.length != parameterCount()) {
      throw new IllegalArgumentException("expected " + parameterCount() + " parameters, got " + flat.length);
    }
    int k = 0;
    for (int c = 0; c < rbfUnits; c++) {
      for (int i = 0; i < inputs; i++) {
        centres[c][i] = flat[k++];
      }
    }
    for (int c = 0; c < rbfUnits; c++) {
      logWidths[c] = flat[k++];
    }
    for (int l = 0; l < layerCount(); l++) {
      for (int j = 0; j < units[l]; j++) {
        for (int i = 0; i < fanIn(l); i++) {
          w[l][j][i] = flat[k++];
        }
      }
      if (norms[l] == Norm.NONE) {
        for (int j = 0; j < units[l]; j++) {
          b[l][j] = flat[k++];
        }
      } else {
        for (int j = 0; j < units[l]; j++) {
          gamma[l][j] = flat[k++];
        }
        for (int j = 0; j < units[l]; j++) {
          beta[l][j] = flat[k++];
        }
      }
    }
  }

  /** The parameters in the flat layout. */
  public double[] parameters() {
    double[] flat = new double[parameterCount()];
    int k = 0;
    for (int c = 0; c < rbfUnits; c++) {
      for (int i = 0; i < inputs; i++) {
        flat[k++] = centres[c][i];
      }
    }
    for (int c = 0; c < rbfUnits; c++) {
      flat[k++] = logWidths[c];
    }
    for (int l = 0; l < layerCount(); l++) {
      for (int j = 0; j < units[l]; j++) {
        for (int i = 0; i < fanIn(l); i++) {
          flat[k++] = w[l][j][i];
        }
      }
      if (norms[l] == Norm.NONE) {
        for (int j = 0; j < units[l]; j++) {
          flat[k++] = b[l][j];
        }
      } else {
        for (int j = 0; j < units[l]; j++) {
          flat[k++] = gamma[l][j];
        }
        for (int j = 0; j < units[l]; j++) {
          flat[k++] = beta[l][j];
        }
      }
    }
    return flat;
  }

  /** For each BATCH layer in order: its units' running means, then their running variances. */
  public int runningEstimateCount() {
    int count = 0;
    for (int l = 0; l < layerCount(); l++) {
      if (norms[l] == Norm.BATCH) {
        count += 2 * units[l];
      }
    }
    return count;
  }

  /** The running estimates in the layout of {@link #runningEstimateCount()}. */
  public double[] runningEstimates() {
    double[] r = new double[runningEstimateCount()];
    int k = 0;
    for (int l = 0; l < layerCount(); l++) {
      if (norms[l] == Norm.BATCH) {
        for (int j = 0; j < units[l]; j++) {
          r[k++] = runningMean[l][j];
        }
        for (int j = 0; j < units[l]; j++) {
          r[k++] = runningVar[l][j];
        }
      }
    }
    return r;
  }

  /** Replaces the running estimates; every value finite, variances non-negative. */
  public void setRunningEstimates(double[] r) {
    if (r.length != runningEstimateCount()) {
      throw new IllegalArgumentException(
          "expected " + runningEstimateCount() + " running estimates, got " + r.length);
    }
    int k = 0;
    for (int l = 0; l < layerCount(); l++) {
      if (norms[l] == Norm.BATCH) {
        for (int j = 0; j < units[l]; j++) {
          checkFinite(r[k]);
          runningMean[l][j] = r[k++];
        }
        for (int j = 0; j < units[l]; j++) {
          checkFinite(r[k]);
          if (r[k] < 0) {
            throw new IllegalArgumentException("a running variance is " + r[k]);
          }
          runningVar[l][j] = r[k++];
        }
      }
    }
  }

  private static void checkFinite(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("a running estimate is " + v);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Dropout masks

  /**
   * The multipliers of one layer's outputs for a batch: {@code mask[row][unit]} is {@code 1/(1 − p)}
   * when {@link Dropout#kept} keeps the unit, else 0. With {@code p = 0} every entry is 1.
   */
  public static double[][] mask(long seed, long step, int layerNumber, int rows, int units, double p) {
    double[][] mask = new double[rows][units];
    for (int row = 0; row < rows; row++) {
      for (int unit = 0; unit < units; unit++) {
        if (Dropout.kept(seed, step, layerNumber, row, unit, p)) {
          mask[row][unit] = 1 / (1 - p);
        } else {
          mask[row][unit] = 0;
        }
      }
    }
    return mask;
  }

  /**
   * The masks of a trainer step numbered {@code step} under dropout seed {@code seed}, for a batch of
   * {@code rows}: {@code masks[l]} for dense layer {@code l}, null for a layer without dropout.
   */
  public double[][][] masks(long seed, long step, int rows) {
    double[][][] masks = new double[layerCount()][][];
    for (int l = 0; l < layerCount(); l++) {
      if (dropouts[l] > 0) {
        masks[l] = mask(seed, step, layerNumber(l), rows, units[l], dropouts[l]);
      }
    }
    return masks;
  }

  // ---------------------------------------------------------------------------------------------
  // Forward pass

  /** Everything a forward pass over a batch computes, indexed {@code [l][s][j]} for dense layer l. */
  private static final class Pass {
    double[][] x; // inputs [s][i]
    double[][] phi; // RBF outputs [s][k]; null without an RBF layer
    double[][][] in; // the input of dense layer l: in[l][s][i]
    double[][][] h; // W·a_prev (normalised layers)
    double[][][] mean; // μ used for h[l][s][j] (per sample for LAYER, per unit for BATCH)
    double[][][] var; // σ² used for h[l][s][j]
    double[][][] hHat; // ĥ
    double[][][] z; // pre-activation
    double[][][] a; // f(z) times the dropout multiplier
    double[][] batchMean; // batchMean[l][j] of a BATCH layer with batch statistics; else null
    double[][] batchVar; // batchVar[l][j], mean of squared deviations
  }

  /**
   * @param batchStatistics whether BATCH layers normalise with the batch's statistics (training,
   *     lossAndGradient) or with the running estimates (predict)
   * @param masks dropout multipliers {@code masks[l][s][j]}, or null for none; null entries too
   */
  private Pass forward(double[][] x, boolean batchStatistics, double[][][] masks) {
    int m = x.length;
    int layers = layerCount();
    for (double[] row : x) {
      if (row.length != inputs) {
        throw new IllegalArgumentException("expected " + inputs + " inputs, got " + row.length);
      }
    }
    if (batchStatistics && m < 2 && hasBatchNorm()) {
      throw new IllegalArgumentException(
          "a batch of " + m + " row(s) has no batch statistics; BATCH normalisation needs at least 2");
    }
    checkMasks(masks, m);

    Pass pass = new Pass();
    pass.x = x;
    pass.in = new double[layers][][];
    pass.h = new double[layers][][];
    pass.mean = new double[layers][][];
    pass.var = new double[layers][][];
    pass.hHat = new double[layers][][];
    pass.z = new double[layers][][];
    pass.a = new double[layers][][];
    pass.batchMean = new double[layers][];
    pass.batchVar = new double[layers][];

    double[][] prev = x;
    if (rbfUnits > 0) {
      pass.phi = new double[m][rbfUnits];
      for (int s = 0; s < m; s++) {
        for (int c = 0; c < rbfUnits; c++) {
          pass.phi[s][c] = Math.exp(-Math.exp(logWidths[c]) * squaredDistance(x[s], centres[c]));
        }
      }
      prev = pass.phi;
    }

    for (int l = 0; l < layers; l++) {
      int n = units[l];
      double[][] h = new double[m][n];
      double[][] mean = new double[m][n];
      double[][] var = new double[m][n];
      double[][] hHat = new double[m][n];
      double[][] z = new double[m][n];
      double[][] a = new double[m][n];

      // h = W·a_prev
      for (int s = 0; s < m; s++) {
        for (int j = 0; j < n; j++) {
          double sum = 0;
          for (int i = 0; i < fanIn(l); i++) {
            sum += w[l][j][i] * prev[s][i];
          }
          h[s][j] = sum;
        }
      }

      // The statistics each h[s][j] is normalised with.
      if (norms[l] == Norm.LAYER) {
        for (int s = 0; s < m; s++) {
          double mu = mean(h[s]);
          double sigma2 = variance(h[s], mu);
          for (int j = 0; j < n; j++) {
            mean[s][j] = mu;
            var[s][j] = sigma2;
          }
        }
      } else if (norms[l] == Norm.BATCH) {
        if (batchStatistics) {
          pass.batchMean[l] = new double[n];
          pass.batchVar[l] = new double[n];
          for (int j = 0; j < n; j++) {
            double[] column = column(h, j);
            pass.batchMean[l][j] = mean(column);
            pass.batchVar[l][j] = variance(column, pass.batchMean[l][j]);
          }
        }
        for (int j = 0; j < n; j++) {
          double mu = batchStatistics ? pass.batchMean[l][j] : runningMean[l][j];
          double sigma2 = batchStatistics ? pass.batchVar[l][j] : runningVar[l][j];
          for (int s = 0; s < m; s++) {
            mean[s][j] = mu;
            var[s][j] = sigma2;
          }
        }
      }

      for (int s = 0; s < m; s++) {
        for (int j = 0; j < n; j++) {
          if (norms[l] == Norm.NONE) {
            z[s][j] = h[s][j] + b[l][j];
          } else {
            hHat[s][j] = (h[s][j] - mean[s][j]) / Math.sqrt(var[s][j] + EPSILON);
            z[s][j] = gamma[l][j] * hHat[s][j] + beta[l][j];
          }
          double multiplier = masks == null || masks[l] == null ? 1 : masks[l][s][j];
          a[s][j] = ReferenceMlp.activate(activations[l], z[s][j]) * multiplier;
        }
      }

      pass.in[l] = prev;
      pass.h[l] = h;
      pass.mean[l] = mean;
      pass.var[l] = var;
      pass.hHat[l] = hHat;
      pass.z[l] = z;
      pass.a[l] = a;
      prev = a;
    }
    return pass;
  }

  private boolean hasBatchNorm() {
    for (Norm norm : norms) {
      if (norm == Norm.BATCH) {
        return true;
      }
    }
    return false;
  }

  private void checkMasks(double[][][] masks, int m) {
    if (masks == null) {
      return;
    }
    if (masks.length != layerCount()) {
      throw new IllegalArgumentException("expected one mask entry per dense layer, got " + masks.length);
    }
    if (masks[layerCount() - 1] != null) {
      throw new IllegalArgumentException("the output layer has no dropout mask");
    }
    for (int l = 0; l < layerCount(); l++) {
      if (masks[l] == null) {
        continue;
      }
      if (masks[l].length != m) {
        throw new IllegalArgumentException("mask of layer " + l + " has " + masks[l].length + " rows, not " + m);
      }
      for (double[] row : masks[l]) {
        if (row.length != units[l]) {
          throw new IllegalArgumentException("mask of layer " + l + " has rows of " + row.length);
        }
      }
    }
  }

  /** The pre-activations {@code z[l][s][j]} of every dense layer for the batch, as a trainer step computes them. */
  public double[][][] preActivations(double[][] x, double[][][] masks) {
    return forward(x, true, masks).z;
  }

  /** Softmax probabilities, sigmoid probabilities, or the output activation (MSE); running estimates, no dropout. */
  public double[] predict(double[] x) {
    Pass pass = forward(new double[][] {x}, false, null);
    double[] z = pass.z[layerCount() - 1][0];
    switch (loss) {
      case SOFTMAX_CROSS_ENTROPY:
        return ReferenceMlp.softmax(z);
      case SIGMOID_CROSS_ENTROPY: {
        double[] p = new double[z.length];
        for (int j = 0; j < z.length; j++) {
          p[j] = ReferenceMlp.sigmoid(z[j]);
        }
        return p;
      }
      default:
        return pass.a[layerCount() - 1][0];
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Loss and gradient

  /** Mean loss of the batch with batch statistics and without dropout. */
  public double loss(double[][] x, double[][] y) {
    return loss(x, y, null);
  }

  /** Mean loss of the batch with batch statistics and the given dropout multipliers (null: none). */
  public double loss(double[][] x, double[][] y, double[][][] masks) {
    checkBatch(x, y);
    return meanLoss(forward(x, true, masks), y);
  }

  /**
   * Mean loss of the batch and its gradient (flat layout) written into {@code gradient}: batch
   * statistics, no dropout; the running estimates are not updated.
   */
  public double lossAndGradient(double[][] x, double[][] y, double[] gradient) {
    return lossAndGradient(x, y, gradient, null);
  }

  /**
   * {@link #lossAndGradient(double[][], double[][], double[])} with the forward pass of a trainer
   * step: {@code masks[l][s][j]} multiplies dense layer {@code l}'s outputs (0 or {@code 1/(1 − p)});
   * null entries, or null, for no dropout. The running estimates are not updated.
   */
  public double lossAndGradient(double[][] x, double[][] y, double[] gradient, double[][][] masks) {
    checkBatch(x, y);
    if (gradient.length != parameterCount()) {
      throw new IllegalArgumentException(
          "gradient needs " + parameterCount() + " entries, got " + gradient.length);
    }
    Pass pass = forward(x, true, masks);
    double loss = meanLoss(pass, y);
    backward(pass, y, masks, gradient);
    return loss;
  }

  private double meanLoss(Pass pass, double[][] y) {
    int m = pass.x.length;
    int last = layerCount() - 1;
    double total = 0;
    for (int s = 0; s < m; s++) {
      total += sampleLoss(pass.z[last][s], pass.a[last][s], y[s]);
    }
    return loss == Loss.MEAN_SQUARED_ERROR ? total / (2.0 * m) : total / m;
  }

  /** Unnormalised loss of one sample (MSE: the plain sum of squares, halved by the caller). */
  private double sampleLoss(double[] z, double[] a, double[] y) {
    double sum = 0;
    switch (loss) {
      case SOFTMAX_CROSS_ENTROPY: {
        double lse = ReferenceMlp.logSumExp(z);
        for (int j = 0; j < z.length; j++) {
          sum -= y[j] * (z[j] - lse);
        }
        return sum;
      }
      case SIGMOID_CROSS_ENTROPY:
        for (int j = 0; j < z.length; j++) {
          // softplus(z) − y·z, softplus written stably
          sum += Math.max(z[j], 0) + Math.log1p(Math.exp(-Math.abs(z[j]))) - y[j] * z[j];
        }
        return sum;
      default:
        for (int j = 0; j < a.length; j++) {
          double d = a[j] - y[j];
          sum += d * d;
        }
        return sum;
    }
  }

  private void backward(Pass pass, double[][] y, double[][][] masks, double[] gradient) {
    int m = pass.x.length;
    int layers = layerCount();
    int last = layers - 1;

    double[][][] gw = new double[layers][][];
    double[][] gb = new double[layers][];
    double[][] gGamma = new double[layers][];
    double[][] gBeta = new double[layers][];
    for (int l = 0; l < layers; l++) {
      gw[l] = new double[units[l]][fanIn(l)];
      gb[l] = new double[units[l]];
      gGamma[l] = new double[units[l]];
      gBeta[l] = new double[units[l]];
    }

    // dL/dz of the output layer.
    double[][] dz = new double[m][outputSize()];
    for (int s = 0; s < m; s++) {
      double[] z = pass.z[last][s];
      switch (loss) {
        case SOFTMAX_CROSS_ENTROPY: {
          double[] p = ReferenceMlp.softmax(z);
          for (int j = 0; j < z.length; j++) {
            dz[s][j] = (p[j] - y[s][j]) / m;
          }
          break;
        }
        case SIGMOID_CROSS_ENTROPY:
          for (int j = 0; j < z.length; j++) {
            dz[s][j] = (ReferenceMlp.sigmoid(z[j]) - y[s][j]) / m;
          }
          break;
        default:
          for (int j = 0; j < z.length; j++) {
            double a = pass.a[last][s][j];
            dz[s][j] = (a - y[s][j]) * ReferenceMlp.derivative(activations[last], z[j]) / m;
          }
          break;
      }
    }

    double[][] dPrev = null; // dL/d(input of layer l), for the layer below
    for (int l = last; l >= 0; l--) {
      int n = units[l];
      if (l < last) {
        // dz from dL/da: a = mask·f(z).
        dz = new double[m][n];
        for (int s = 0; s < m; s++) {
          for (int j = 0; j < n; j++) {
            double multiplier = masks == null || masks[l] == null ? 1 : masks[l][s][j];
            dz[s][j] = dPrev[s][j] * multiplier * ReferenceMlp.derivative(activations[l], pass.z[l][s][j]);
          }
        }
      }

      // dh: the gradient at W·a_prev.
      double[][] dh = new double[m][n];
      if (norms[l] == Norm.NONE) {
        for (int s = 0; s < m; s++) {
          for (int j = 0; j < n; j++) {
            gb[l][j] += dz[s][j];
            dh[s][j] = dz[s][j];
          }
        }
      } else {
        double[][] dhHat = new double[m][n];
        for (int s = 0; s < m; s++) {
          for (int j = 0; j < n; j++) {
            gGamma[l][j] += dz[s][j] * pass.hHat[l][s][j];
            gBeta[l][j] += dz[s][j];
            dhHat[s][j] = dz[s][j] * gamma[l][j];
          }
        }
        if (norms[l] == Norm.LAYER) {
          // One group per sample: the layer's units.
          for (int s = 0; s < m; s++) {
            dh[s] = normaliseBackward(pass.h[l][s], pass.mean[l][s][0], pass.var[l][s][0], dhHat[s]);
          }
        } else {
          // One group per unit: the batch's samples.
          for (int j = 0; j < n; j++) {
            double[] dColumn = normaliseBackward(
                column(pass.h[l], j), pass.mean[l][0][j], pass.var[l][0][j], column(dhHat, j));
            for (int s = 0; s < m; s++) {
              dh[s][j] = dColumn[s];
            }
          }
        }
      }

      // dW = dh·a_prevᵀ, d(a_prev) = Wᵀ·dh.
      double[][] in = pass.in[l];
      dPrev = new double[m][fanIn(l)];
      for (int s = 0; s < m; s++) {
        for (int j = 0; j < n; j++) {
          for (int i = 0; i < fanIn(l); i++) {
            gw[l][j][i] += dh[s][j] * in[s][i];
            dPrev[s][i] += w[l][j][i] * dh[s][j];
          }
        }
      }
    }

    // The RBF layer: dPrev is dL/dφ. ∂φ/∂c_ki = 2β_k·φ_k·(x_i − c_ki), ∂φ/∂s_k = −β_k·‖x − c_k‖²·φ_k.
    double[][] gc = new double[rbfUnits][inputs];
    double[] gs = new double[rbfUnits];
    for (int s = 0; s < m && rbfUnits > 0; s++) {
      for (int c = 0; c < rbfUnits; c++) {
        double betaK = Math.exp(logWidths[c]);
        double phi = pass.phi[s][c];
        for (int i = 0; i < inputs; i++) {
          gc[c][i] += dPrev[s][c] * 2 * betaK * phi * (pass.x[s][i] - centres[c][i]);
        }
        gs[c] += dPrev[s][c] * -betaK * squaredDistance(pass.x[s], centres[c]) * phi;
      }
    }

    int k = 0;
    for (int c = 0; c < rbfUnits; c++) {
      for (int i = 0; i < inputs; i++) {
        gradient[k++] = gc[c][i];
      }
    }
    for (int c = 0; c < rbfUnits; c++) {
      gradient[k++] = gs[c];
    }
    for (int l = 0; l < layers; l++) {
      for (int j = 0; j < units[l]; j++) {
        for (int i = 0; i < fanIn(l); i++) {
          gradient[k++] = gw[l][j][i];
        }
      }
      if (norms[l] == Norm.NONE) {
        for (int j = 0; j < units[l]; j++) {
          gradient[k++] = gb[l][j];
        }
      } else {
        for (int j = 0; j < units[l]; j++) {
          gradient[k++] = gGamma[l][j];
        }
        for (int j = 0; j < units[l]; j++) {
          gradient[k++] = gBeta[l][j];
        }
      }
    }
  }

  /**
   * Backward through {@code ĥ_k = (h_k − μ)/√(σ² + ε)} over one group of {@code N} values that share
   * {@code μ = mean(h)} and {@code σ² = mean((h − μ)²)}, term by term (Ioffe and Szegedy 2015):
   * <pre>
   *   ∂L/∂σ² = Σ_k ∂L/∂ĥ_k · (h_k − μ) · (−½)(σ² + ε)^(−3/2)
   *   ∂L/∂μ  = Σ_k ∂L/∂ĥ_k · (−1/√(σ² + ε)) + ∂L/∂σ² · Σ_k (−2)(h_k − μ)/N
   *   ∂L/∂h_k = ∂L/∂ĥ_k/√(σ² + ε) + ∂L/∂σ² · 2(h_k − μ)/N + ∂L/∂μ/N
   * </pre>
   */
  private static double[] normaliseBackward(double[] h, double mu, double sigma2, double[] dhHat) {
    int count = h.length;
    double std = Math.sqrt(sigma2 + EPSILON);
    double dVar = 0;
    for (int k = 0; k < count; k++) {
      dVar += dhHat[k] * (h[k] - mu) * -0.5 * Math.pow(sigma2 + EPSILON, -1.5);
    }
    double dMean = 0;
    double sumDeviation = 0;
    for (int k = 0; k < count; k++) {
      dMean += dhHat[k] * (-1 / std);
      sumDeviation += -2 * (h[k] - mu);
    }
    dMean += dVar * sumDeviation / count;
    double[] dh = new double[count];
    for (int k = 0; k < count; k++) {
      dh[k] = dhHat[k] / std + dVar * 2 * (h[k] - mu) / count + dMean / count;
    }
    return dh;
  }

  // ---------------------------------------------------------------------------------------------
  // Trainer steps

  /**
   * One SGD step as a trainer takes it: the forward pass with batch statistics and {@code masks}
   * (null: none), the running estimates updated from that pass's batch statistics, then
   * {@code p ← p − lr·g}. Returns the loss before the step. A non-finite loss changes nothing.
   */
  public double trainStepSgd(double[][] x, double[][] y, double lr, double[][][] masks) {
    double[] gradient = new double[parameterCount()];
    double loss = trainingPass(x, y, masks, gradient);
    if (Double.isFinite(loss)) {
      setParameters(ReferenceOptimizers.sgdStep(parameters(), gradient, lr));
    }
    return loss;
  }

  /** {@link #trainStepSgd} with an Adam step ({@code adam} keeps the moments and the step count). */
  public double trainStepAdam(ReferenceOptimizers.Adam adam, double[][] x, double[][] y, double[][][] masks) {
    double[] gradient = new double[parameterCount()];
    double loss = trainingPass(x, y, masks, gradient);
    if (Double.isFinite(loss)) {
      setParameters(adam.step(parameters(), gradient));
    }
    return loss;
  }

  /** Forward, loss, backward into {@code gradient}, and (for a finite loss) the running-estimate update. */
  private double trainingPass(double[][] x, double[][] y, double[][][] masks, double[] gradient) {
    checkBatch(x, y);
    Pass pass = forward(x, true, masks);
    double loss = meanLoss(pass, y);
    if (!Double.isFinite(loss)) {
      return loss;
    }
    backward(pass, y, masks, gradient);
    int m = x.length;
    for (int l = 0; l < layerCount(); l++) {
      if (norms[l] == Norm.BATCH) {
        for (int j = 0; j < units[l]; j++) {
          runningMean[l][j] = (1 - MOMENTUM) * runningMean[l][j] + MOMENTUM * pass.batchMean[l][j];
          runningVar[l][j] =
              (1 - MOMENTUM) * runningVar[l][j] + MOMENTUM * pass.batchVar[l][j] * m / (m - 1.0);
        }
      }
    }
    return loss;
  }

  // ---------------------------------------------------------------------------------------------
  // Finite differences

  /**
   * Fourth-order central differences of {@link #loss(double[][], double[][], double[][][])} for every
   * parameter, {@code (8·(L(p + h·e_k) − L(p − h·e_k)) − (L(p + 2h·e_k) − L(p − 2h·e_k))) / 12h}; leaves
   * the network at {@code params}. The plain two-point difference has an {@code O(h²)} error that a
   * normalisation over few, nearly equal values makes large (up to 2·10⁻⁶ relative at h = 1e-5 on
   * the test's networks); this one's error is {@code O(h⁴)}.
   */
  public double[] finiteDifferenceGradient(
      double[] params, double[][] x, double[][] y, double[][][] masks, double step) {
    double[] grad = new double[params.length];
    for (int k = 0; k < params.length; k++) {
      double plus1 = lossAt(params, k, step, x, y, masks);
      double minus1 = lossAt(params, k, -step, x, y, masks);
      double plus2 = lossAt(params, k, 2 * step, x, y, masks);
      double minus2 = lossAt(params, k, -2 * step, x, y, masks);
      grad[k] = (8 * (plus1 - minus1) - (plus2 - minus2)) / (12 * step);
    }
    setParameters(params);
    return grad;
  }

  /** The loss with parameter {@code k} moved by {@code delta}. */
  private double lossAt(double[] params, int k, double delta, double[][] x, double[][] y, double[][][] masks) {
    double[] p = params.clone();
    p[k] = params[k] + delta;
    setParameters(p);
    return loss(x, y, masks);
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers

  private void checkBatch(double[][] x, double[][] y) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("need a non-empty batch with one target row per input; got "
          + x.length + " inputs and " + y.length + " targets");
    }
    for (double[] row : y) {
      if (row.length != outputSize()) {
        throw new IllegalArgumentException("expected target rows of " + outputSize() + ", got " + row.length);
      }
    }
  }

  private static double mean(double[] v) {
    double sum = 0;
    for (double e : v) {
      sum += e;
    }
    return sum / v.length;
  }

  /** The mean of squared deviations from {@code mu}. */
  private static double variance(double[] v, double mu) {
    double sum = 0;
    for (double e : v) {
      sum += (e - mu) * (e - mu);
    }
    return sum / v.length;
  }

  private static double[] column(double[][] matrix, int j) {
    double[] column = new double[matrix.length];
    for (int s = 0; s < matrix.length; s++) {
      column[s] = matrix[s][j];
    }
    return column;
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return sum;
  }
}
