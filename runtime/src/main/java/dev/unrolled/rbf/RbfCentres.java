package dev.unrolled.rbf;

import dev.unrolled.Architecture;
import dev.unrolled.Architecture.LayerSpan;
import dev.unrolled.Dataset;
import dev.unrolled.Model;
import dev.unrolled.Rbf;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The classic first stage of RBF training: places the centres of a model's {@link Rbf} layer on the
 * data with k-means (k-means++ seeding, then Lloyd iterations) and sets every width from the spacing
 * of the centres; gradient training then refines centres, widths and the dense layers together.
 *
 * <pre>{@code
 * SurfaceModel model = new SurfaceModel(42);
 * RbfCentres.Placement placed = RbfCentres.fromData(model, train, 42);
 * trainer.fit(train, options);
 * }</pre>
 *
 * <p>Widths: {@code σ} is the mean, over the centres, of the distance from a centre to its nearest
 * other centre (with a single centre, the root-mean-square distance of the rows to it), and every
 * unit gets {@code β = 1/(2σ²)}, that is {@code s = −log(2σ²)}: neighbouring Gaussians then overlap
 * at about {@code e^(−1/2)} of their peak. Only the RBF layer's parameters change; the dense layers
 * keep theirs. The same data and seed give the same centres on every JDK.
 */
public final class RbfCentres {
  /** Lloyd iterations {@link #fromData(Model, Dataset, long)} runs at most. */
  public static final int DEFAULT_MAX_ITERATIONS = 50;

  /**
   * What {@link #fromData} did.
   *
   * @param iterations Lloyd iterations run
   * @param converged whether the assignment of rows to centres stopped changing
   * @param meanSquaredDistance mean squared distance of the rows to their nearest centre (k-means' objective)
   * @param width {@code σ}, so that every {@code β = 1/(2σ²)}
   */
  public record Placement(int iterations, boolean converged, double meanSquaredDistance, double width) {}

  private RbfCentres() {}

  /** k-means on {@code data}'s features with at most {@value #DEFAULT_MAX_ITERATIONS} Lloyd iterations. */
  public static Placement fromData(Model model, Dataset data, long seed) {
    return fromData(model, data, seed, DEFAULT_MAX_ITERATIONS);
  }

  /**
   * Places {@code model}'s RBF centres on {@code data}'s features and sets the widths.
   *
   * @throws IllegalArgumentException if the model has no RBF layer, the features have another width
   *     than the model's inputs, or the data has fewer distinct rows than the layer has units
   */
  public static Placement fromData(Model model, Dataset data, long seed, int maxIterations) {
    if (data == null) {
      throw new IllegalArgumentException("data is null");
    }
    if (model == null) {
      throw new IllegalArgumentException("model is null");
    }
    Architecture architecture = model.architecture();
    if (!architecture.hasRbf()) {
      throw new IllegalArgumentException("the model (" + architecture + ") has no RBF layer; declare one "
          + "with rbf = @Rbf(units = …) on its @Network");
    }
    LayerSpan rbf = architecture.table().get(0); // the RBF layer comes first
    int k = rbf.outputs();
    int n = rbf.inputs();
    if (data.featureCount() != n) {
      throw new IllegalArgumentException("the features have " + data.featureCount() + " columns but the model has "
          + n + " inputs");
    }
    if (maxIterations < 0) {
      throw new IllegalArgumentException("maxIterations is " + maxIterations + "; give 0 or more (0: k-means++ seeds only)");
    }
    double[][] centres = seeds(data, k, seed);
    int m = data.size();
    int[] nearest = new int[m];
    double inertia = assign(data, centres, nearest);
    int iterations = 0;
    boolean converged = false;
    while (iterations < maxIterations && !converged) {
      recentre(data, centres, nearest);
      iterations++;
      int[] before = nearest.clone();
      inertia = assign(data, centres, nearest);
      converged = Arrays.equals(before, nearest);
    }
    double width = width(centres, inertia);
    double[] p = model.parameters();
    int centresAt = Math.toIntExact(rbf.matrix().offset());
    int widthsAt = Math.toIntExact(rbf.vector().offset());
    for (int j = 0; j < k; j++) {
      System.arraycopy(centres[j], 0, p, centresAt + j * n, n);
      p[widthsAt + j] = -Math.log(2 * width * width);
    }
    model.setParameters(p);
    return new Placement(iterations, converged, inertia, width);
  }

  /**
   * {@link #fromData(Model, Dataset, long)} for plain feature rows, validated as a {@link Dataset}'s
   * features are (the placeholder labels are never read).
   */
  public static Placement fromData(Model model, double[][] features, long seed) {
    Dataset rows = Dataset.ofLabels(features, new int[features == null ? 0 : features.length], 1);
    return fromData(model, rows, seed, DEFAULT_MAX_ITERATIONS);
  }

  /**
   * k-means++ (Arthur and Vassilvitskii, 2007): the first centre is a uniformly drawn row, each next
   * one a row drawn with probability proportional to its squared distance to the nearest centre so far.
   */
  private static double[][] seeds(Dataset rows, int k, long seed) {
    int m = rows.size();
    int n = rows.featureCount();
    SplittableRandom random = new SplittableRandom(seed);
    double[][] centres = new double[k][n];
    double[] row = new double[n];
    rows.features(random.nextInt(m), centres[0]);
    double[] closest = new double[m];
    for (int r = 0; r < m; r++) {
      rows.features(r, row);
      closest[r] = squaredDistance(row, centres[0]);
    }
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (double d : closest) {
        total += d;
      }
      if (!(total > 0)) {
        throw new IllegalArgumentException("the data has only " + c + " distinct row" + (c == 1 ? "" : "s")
            + " but the RBF layer has " + k + " units, and k-means needs a distinct row for every centre; "
            + "declare fewer units or pass more data");
      }
      double target = random.nextDouble() * total;
      int chosen = -1;
      double cumulative = 0;
      for (int r = 0; r < m; r++) {
        if (closest[r] > 0) {
          chosen = r; // the last row still far from every centre, should rounding leave target unreached
          cumulative += closest[r];
          if (cumulative >= target) {
            break;
          }
        }
      }
      rows.features(chosen, centres[c]);
      for (int r = 0; r < m; r++) {
        rows.features(r, row);
        closest[r] = Math.min(closest[r], squaredDistance(row, centres[c]));
      }
    }
    return centres;
  }

  /** Writes every row's nearest centre (the first of equals) and returns the mean squared distance. */
  private static double assign(Dataset rows, double[][] centres, int[] nearest) {
    double[] row = new double[rows.featureCount()];
    double sum = 0;
    for (int r = 0; r < rows.size(); r++) {
      rows.features(r, row);
      int best = 0;
      double bestDistance = squaredDistance(row, centres[0]);
      for (int c = 1; c < centres.length; c++) {
        double d = squaredDistance(row, centres[c]);
        if (d < bestDistance) {
          best = c;
          bestDistance = d;
        }
      }
      nearest[r] = best;
      sum += bestDistance;
    }
    return sum / rows.size();
  }

  /**
   * Moves every centre to the mean of its rows. A centre left without rows takes the row farthest
   * from its own centre, the usual repair, so the layer never keeps a dead unit.
   */
  private static void recentre(Dataset rows, double[][] centres, int[] nearest) {
    int k = centres.length;
    int n = rows.featureCount();
    double[][] sums = new double[k][n];
    int[] counts = new int[k];
    double[] row = new double[n];
    for (int r = 0; r < rows.size(); r++) {
      rows.features(r, row);
      double[] sum = sums[nearest[r]];
      for (int i = 0; i < n; i++) {
        sum[i] += row[i];
      }
      counts[nearest[r]]++;
    }
    for (int c = 0; c < k; c++) {
      if (counts[c] > 0) {
        for (int i = 0; i < n; i++) {
          centres[c][i] = sums[c][i] / counts[c];
        }
      }
    }
    for (int c = 0; c < k; c++) {
      if (counts[c] == 0) {
        int farthest = farthestRow(rows, centres, nearest);
        rows.features(farthest, centres[c]);
        counts[nearest[farthest]]--;
        nearest[farthest] = c;
        counts[c] = 1;
      }
    }
  }

  private static int farthestRow(Dataset rows, double[][] centres, int[] nearest) {
    double[] row = new double[rows.featureCount()];
    int farthest = 0;
    double farthestDistance = -1;
    for (int r = 0; r < rows.size(); r++) {
      rows.features(r, row);
      double d = squaredDistance(row, centres[nearest[r]]);
      if (d > farthestDistance) {
        farthest = r;
        farthestDistance = d;
      }
    }
    return farthest;
  }

  /** σ: the mean distance from each centre to its nearest other centre. */
  private static double width(double[][] centres, double meanSquaredDistance) {
    int k = centres.length;
    double sum = 0;
    for (int a = 0; a < k; a++) {
      double closest = Double.POSITIVE_INFINITY;
      for (int b = 0; b < k; b++) {
        if (b != a) {
          closest = Math.min(closest, squaredDistance(centres[a], centres[b]));
        }
      }
      sum += Math.sqrt(closest);
    }
    double width = k > 1 ? sum / k : Math.sqrt(meanSquaredDistance);
    // Coinciding centres (or one centre on identical rows) leave no spacing to go by.
    return width > 0 ? width : 1;
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return sum;
  }
}
