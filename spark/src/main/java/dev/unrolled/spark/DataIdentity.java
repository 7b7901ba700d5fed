package dev.unrolled.spark;

import dev.unrolled.data.Fingerprint;
import java.util.Arrays;

/**
 * What identifies training data laid out for Spark: the rows in each partition, in partition order,
 * and a 64-bit hash of their contents — every feature (as the double it is), label or target value,
 * row by row — computed on the executors over the cached partitions ({@link Block#fingerprint}) and
 * combined on the driver in partition order. The same rows in the same partitions give the same
 * identity on every cluster and JDK; other rows, another order, another scaling or another
 * partitioning give another. Not cryptographic: it tells a resumed fit's data from other data.
 */
record DataIdentity(long[] rows, long fingerprint) {
  DataIdentity {
    rows = rows.clone();
  }

  int partitions() {
    return rows.length;
  }

  long totalRows() {
    long total = 0;
    for (long r : rows) {
      total += r;
    }
    return total;
  }

  /** Combines each partition's {@link Block#fingerprint}, in partition order. */
  static DataIdentity of(long[] rows, long[] partitionHashes) {
    long h = Fingerprint.add(Fingerprint.SEED, rows.length);
    for (int k = 0; k < rows.length; k++) {
      h = Fingerprint.add(Fingerprint.add(h, rows[k]), partitionHashes[k]);
    }
    return new DataIdentity(rows, Fingerprint.finish(h));
  }

  /** The first difference from {@code other}, described, or null if none. */
  String differenceFrom(DataIdentity now) {
    if (partitions() != now.partitions()) {
      return partitions() + " partitions, and this fit's data has " + now.partitions();
    }
    for (int k = 0; k < rows.length; k++) {
      if (rows[k] != now.rows[k]) {
        return rows[k] + " rows in partition " + k + " (" + totalRows() + " in all), and this fit's data has "
            + now.rows[k] + " (" + now.totalRows() + ")";
      }
    }
    if (fingerprint != now.fingerprint) {
      return "data fingerprint " + Long.toHexString(fingerprint) + ", and this fit's data has "
          + Long.toHexString(now.fingerprint) + " (the same number of rows, other values, order or scaling)";
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataIdentity d && Arrays.equals(rows, d.rows) && fingerprint == d.fingerprint;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(rows) * 31 + Long.hashCode(fingerprint);
  }

  @Override
  public String toString() {
    return "DataIdentity[" + Arrays.toString(rows) + ", " + Long.toHexString(fingerprint) + "]";
  }
}
