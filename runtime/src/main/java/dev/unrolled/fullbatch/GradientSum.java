package dev.unrolled.fullbatch;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summed loss and gradient of a model over the rows of a run of partitions, combined in an order
 * fixed by the partition count alone, so that the total is the same bits however a cluster
 * schedules the work. This is the reduction of {@link FullBatch} on one machine and of the Spark
 * trainer on many.
 *
 * <p>The order: {@code n} rows are cut into {@code P} contiguous partitions, the first
 * {@code n mod P} one row longer ({@link #partitionStart}); {@link PartitionSum} adds up each
 * partition's rows in chunks of {@link PartitionSum#CHUNK_ROWS}; partition sums are then added in
 * a fixed balanced binary tree over the partition indices: the range {@code [lo, hi)} is
 * {@code [lo, mid) + [mid, hi)} with {@code mid = (lo + hi) >>> 1}, left plus right, element by
 * element. {@link Tree} accepts the partition sums in any order and in any grouping (Spark's
 * {@code treeAggregate} merges them as tasks finish) and adds two of them exactly when they are the
 * two halves of one node, so it always computes this tree.
 *
 * <pre>{@code
 * GradientSum.Tree tree = new GradientSum.Tree(4);
 * for (int k : new int[] {2, 0, 3, 1}) tree.add(sums[k]);   // any order: ((p0 + p1) + (p2 + p3))
 * GradientSum total = tree.total();
 * double meanLoss = total.meanLoss();
 * }</pre>
 */
public final class GradientSum implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int first; // partitions [first, last) of partitions
  private final int last;
  private final int partitions;
  private final long rows;
  private final double loss;
  private final double[] gradient;

  private GradientSum(int first, int last, int partitions, long rows, double loss, double[] gradient) {
    this.first = first;
    this.last = last;
    this.partitions = partitions;
    this.rows = rows;
    this.loss = loss;
    this.gradient = gradient;
  }

  /**
   * The sum over one partition: {@code rows} rows with summed loss {@code loss} and summed gradient
   * {@code gradient} (kept, not copied).
   */
  public static GradientSum ofPartition(int partition, int partitions, long rows, double loss, double[] gradient) {
    if (partitions < 1 || partition < 0 || partition >= partitions) {
      throw new IllegalArgumentException("partition " + partition + " of " + partitions
          + "; give an index in [0, partitions) and at least one partition");
    }
    if (rows < 0 || gradient == null) {
      throw new IllegalArgumentException("a partition sum needs rows ≥ 0 (got " + rows + ") and a gradient");
    }
    return new GradientSum(partition, partition + 1, partitions, rows, loss, gradient);
  }

  /**
   * Where partition {@code k} of {@code partitions} starts among {@code n} rows: the first
   * {@code n mod partitions} partitions get one row more; {@code k = partitions} gives {@code n}.
   */
  public static long partitionStart(long n, int partitions, int k) {
    if (partitions < 1 || k < 0 || k > partitions || n < 0) {
      throw new IllegalArgumentException("partition " + k + " of " + partitions + " over " + n + " rows");
    }
    long q = n / partitions;
    long r = n % partitions;
    return k * q + Math.min(k, r);
  }

  /** The first partition of the run this sum covers. */
  public int first() {
    return first;
  }

  /** One past the last partition of the run. */
  public int last() {
    return last;
  }

  /** The partition count of the tree this sum belongs to. */
  public int partitions() {
    return partitions;
  }

  /** Number of rows summed. */
  public long rows() {
    return rows;
  }

  /** The summed loss (the sum over rows of each row's loss). */
  public double loss() {
    return loss;
  }

  /** The summed gradient, shared with this object. */
  public double[] gradient() {
    return gradient;
  }

  /** {@code loss() / rows()}: NaN when no row was summed. */
  public double meanLoss() {
    return loss / rows;
  }

  /** Writes {@code gradient()[i] / rows()} into {@code dst}. */
  public void meanGradient(double[] dst) {
    if (dst.length != gradient.length) {
      throw new IllegalArgumentException("the destination has " + dst.length + " values but the gradient has "
          + gradient.length);
    }
    for (int i = 0; i < gradient.length; i++) {
      dst[i] = gradient[i] / rows;
    }
  }

  /** Whether this sum covers every partition. */
  public boolean isTotal() {
    return first == 0 && last == partitions;
  }

  @Override
  public String toString() {
    return "GradientSum[partitions " + first + ".." + (last - 1) + " of " + partitions + ", " + rows + " rows]";
  }

  /** Adds {@code right} (the node's upper half) into this sum (its lower half), making it the node. */
  private GradientSum absorb(GradientSum right) {
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] = gradient[i] + right.gradient[i];
    }
    return new GradientSum(first, right.last, partitions, rows + right.rows, loss + right.loss, gradient);
  }

  /**
   * The partition sums received so far, added up in the fixed tree as soon as both halves of a node
   * are present; serializable, so that Spark can ship partly combined trees between machines.
   * Mutable, not thread-safe. {@link #add} and {@link #addAll} return this tree so that they can
   * serve directly as Spark's {@code seqOp} and {@code combOp}.
   */
  public static final class Tree implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int partitions;
    private final TreeMap<Integer, GradientSum> pending = new TreeMap<>(); // by first partition

    /** An empty tree over {@code partitions} partitions. */
    public Tree(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions is " + partitions + "; give at least 1");
      }
      this.partitions = partitions;
    }

    /** Adds one sum (a partition's, or a node's); returns this tree. */
    public Tree add(GradientSum sum) {
      if (sum.partitions != partitions) {
        throw new IllegalArgumentException(sum + " belongs to a tree of " + sum.partitions
            + " partitions, not " + partitions);
      }
      GradientSum node = sum;
      while (node.last - node.first < partitions) {
        int[] sibling = sibling(node.first, node.last);
        GradientSum other = pending.get(sibling[0]);
        if (other == null || other.last != sibling[1]) {
          break;
        }
        pending.remove(sibling[0]);
        node = node.first < other.first ? node.absorb(other) : other.absorb(node);
      }
      GradientSum clash = pending.get(node.first);
      if (clash != null || overlaps(node)) {
        throw new IllegalStateException("partitions " + node.first + ".." + (node.last - 1)
            + " were summed twice; each partition must be added once");
      }
      pending.put(node.first, node);
      return this;
    }

    /** Adds every sum of {@code other} (emptied as it goes); returns this tree. */
    public Tree addAll(Tree other) {
      while (!other.pending.isEmpty()) {
        add(other.pending.pollFirstEntry().getValue());
      }
      return this;
    }

    /**
     * The sum over every partition.
     *
     * @throws IllegalStateException naming the first missing partition if the tree is incomplete
     */
    public GradientSum total() {
      GradientSum root = pending.get(0);
      if (root != null && root.last == partitions) {
        return root;
      }
      int expected = 0;
      for (Map.Entry<Integer, GradientSum> e : pending.entrySet()) {
        if (e.getKey() != expected) {
          break;
        }
        expected = e.getValue().last;
      }
      throw new IllegalStateException("partition " + expected + " of " + partitions + " is missing from the sum");
    }

    private boolean overlaps(GradientSum node) {
      Map.Entry<Integer, GradientSum> below = pending.lowerEntry(node.first);
      Map.Entry<Integer, GradientSum> above = pending.higherEntry(node.first);
      return (below != null && below.getValue().last > node.first) || (above != null && above.getKey() < node.last);
    }

    /** The other half of the parent of the tree node {@code [lo, hi)}, found from the root down. */
    private int[] sibling(int lo, int hi) {
      int a = 0;
      int b = partitions;
      while (true) {
        int mid = (a + b) >>> 1;
        if (lo == a && hi == mid) {
          return new int[] {mid, b};
        }
        if (lo == mid && hi == b) {
          return new int[] {a, mid};
        }
        if (hi <= mid) {
          b = mid;
        } else if (lo >= mid) {
          a = mid;
        } else {
          throw new IllegalStateException("partitions " + lo + ".." + (hi - 1) + " are not a node of the tree over "
              + partitions + " partitions");
        }
      }
    }
  }
}
