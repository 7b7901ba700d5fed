package dev.unrolled.fullbatch;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fixed reduction order: partition bounds, the tree, and its independence of arrival order. */
class GradientSumTest {
  @Test
  void partitionsAreContiguousAndTheFirstOnesTakeTheRemainder() {
    long[] starts = new long[5];
    for (int k = 0; k <= 4; k++) {
      starts[k] = GradientSum.partitionStart(10, 4, k);
    }
    assertThat(starts).isEqualTo(new long[] {0, 3, 6, 8, 10});
    assertThat(GradientSum.partitionStart(2, 4, 3)).isEqualTo(2); // more partitions than rows: empty ones last
  }

  @Test
  void addsPartitionSumsInTheFixedTreeWhateverTheOrderOfArrival() {
    // Values whose sum depends on the grouping: 1e16 + 1 + 1 − 1e16 is 0 left to right, 2 in pairs.
    double[] values = {1e16, 1, 1, -1e16, 3, 1e-3, -7, 5e15};
    int p = values.length;
    double expected = ((values[0] + values[1]) + (values[2] + values[3]))
        + ((values[4] + values[5]) + (values[6] + values[7]));
    Random random = new Random(3);
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < p; k++) {
      order.add(k);
    }
    for (int trial = 0; trial < 50; trial++) {
      Collections.shuffle(order, random);
      // Two partial trees, as two Spark tasks would build them, then combined.
      GradientSum.Tree left = new GradientSum.Tree(p);
      GradientSum.Tree right = new GradientSum.Tree(p);
      for (int i = 0; i < p; i++) {
        int k = order.get(i);
        (i % 3 == 0 ? left : right).add(GradientSum.ofPartition(k, p, 1, values[k], new double[] {values[k]}));
      }
      GradientSum total = right.addAll(left).total();

      assertThat(total.gradient()[0]).isEqualTo(expected);
      assertThat(total.loss()).isEqualTo(expected);
      assertThat(total.rows()).isEqualTo(p);
      assertThat(total.isTotal()).isTrue();
    }
  }

  @Test
  void splitsOddRangesAtTheirLowerMiddle() {
    // Three partitions: [0, 1) + [1, 3), so the last two are added first.
    GradientSum.Tree tree = new GradientSum.Tree(3);
    tree.add(GradientSum.ofPartition(0, 3, 1, 0, new double[] {1e16}));
    tree.add(GradientSum.ofPartition(2, 3, 1, 0, new double[] {1}));
    tree.add(GradientSum.ofPartition(1, 3, 1, 0, new double[] {1}));

    assertThat(tree.total().gradient()[0]).isEqualTo(1e16 + 2);
  }

  @Test
  void meansDivideBySummedRows() {
    GradientSum.Tree tree = new GradientSum.Tree(2);
    tree.add(GradientSum.ofPartition(0, 2, 3, 6, new double[] {3, -9}));
    tree.add(GradientSum.ofPartition(1, 2, 1, 2, new double[] {1, 1}));
    GradientSum total = tree.total();
    double[] mean = new double[2];
    total.meanGradient(mean);

    assertThat(total.meanLoss()).isEqualTo(2.0);
    assertThat(mean).isEqualTo(new double[] {1, -2});
  }

  @Test
  void namesAMissingOrRepeatedPartition() {
    GradientSum.Tree tree = new GradientSum.Tree(4);
    tree.add(GradientSum.ofPartition(0, 4, 1, 0, new double[1]));
    tree.add(GradientSum.ofPartition(1, 4, 1, 0, new double[1]));
    tree.add(GradientSum.ofPartition(3, 4, 1, 0, new double[1]));

    assertThat(assertThrows(IllegalStateException.class, tree::total))
        .hasMessageThat().isEqualTo("partition 2 of 4 is missing from the sum");
    assertThat(assertThrows(IllegalStateException.class,
        () -> tree.add(GradientSum.ofPartition(3, 4, 1, 0, new double[1]))))
        .hasMessageThat().contains("summed twice");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> tree.add(GradientSum.ofPartition(0, 5, 1, 0, new double[1]))))
        .hasMessageThat().contains("tree of 5 partitions, not 4");
    assertThat(assertThrows(IllegalArgumentException.class, () -> GradientSum.ofPartition(4, 4, 1, 0, new double[1])))
        .hasMessageThat().contains("partition 4 of 4");
  }
}
