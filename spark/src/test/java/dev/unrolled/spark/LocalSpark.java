package dev.unrolled.spark;

import dev.unrolled.Dataset;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark context of the test JVM (Spark allows one at a time), on two local cores and on
 * loopback only: with SPARK_LOCAL_IP (set by surefire) and these settings Spark neither binds to
 * another interface nor asks DNS for this host's name. Stopped by Spark's shutdown hook.
 */
final class LocalSpark {
  private static JavaSparkContext context;

  private LocalSpark() {}

  static synchronized JavaSparkContext context() {
    if (context == null) {
      SparkConf conf = new SparkConf()
          .setMaster("local[2]")
          .setAppName("unrolled-spark-tests")
          .set("spark.driver.host", "127.0.0.1")
          .set("spark.driver.bindAddress", "127.0.0.1")
          .set("spark.ui.enabled", "false")
          .set("spark.sql.shuffle.partitions", "2");
      context = new JavaSparkContext(conf);
    }
    return context;
  }

  static SparkSession session() {
    return SparkSession.builder().sparkContext(context().sc()).getOrCreate();
  }

  /** Three Gaussian blobs in 4 dimensions, labels 0..2, in a seeded order. */
  static Dataset blobs(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][4];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(3);
      for (int k = 0; k < 4; k++) {
        x[i][k] = random.nextGaussian() * 0.8 + (k % 3 == labels[i] ? 1.5 : 0);
      }
    }
    return Dataset.ofLabels(x, labels, 3);
  }
}
