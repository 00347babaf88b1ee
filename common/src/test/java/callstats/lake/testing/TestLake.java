package callstats.lake.testing;

import callstats.lake.config.LakeConfig;
import callstats.lake.spark.LakeSession;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Test support: one real Spark session (local[2], UI off, 2 shuffle partitions, Delta) shared by every
 * test class in the JVM, since starting Spark costs seconds; each test works in its own lake directory.
 */
public final class TestLake {

  public static final String HASH_KEY = "test-hash-key-0123456789";
  private static SparkSession spark;

  private TestLake() {}

  /** Settings every test session and test configuration uses. */
  public static Map<String, String> sparkOverrides() {
    Map<String, String> m = new HashMap<>();
    m.put("spark.master", "local[2]");
    m.put("spark.settings.\"spark.sql.shuffle.partitions\"", "2");
    m.put("spark.settings.\"spark.databricks.delta.snapshotPartitions\"", "1");
    m.put("spark.settings.\"spark.ui.enabled\"", "false");
    m.put("spark.settings.\"spark.sql.adaptive.coalescePartitions.initialPartitionNum\"", "2");
    m.put("spark.settings.\"spark.sql.sources.parallelPartitionDiscovery.parallelism\"", "2");
    return m;
  }

  public static LakeConfig config(Path lake, Path landing) {
    return config(lake.toUri().toString(), landing.toUri().toString(), Map.of());
  }

  public static LakeConfig config(String lake, String landing, Map<String, String> overrides) {
    Map<String, String> m = sparkOverrides();
    m.putAll(overrides);
    return LakeConfig.forLocations(lake, landing, m);
  }

  public static synchronized SparkSession spark() {
    if (spark == null || spark.sparkContext().isStopped()) { // a test that stopped it must not break the rest
      LakeConfig c = LakeConfig.forLocations("/tmp/unused-lake", "/tmp/unused-landing", sparkOverrides());
      SparkConf conf = LakeSession.sparkConf(c, new SparkConf(false));
      conf.set("spark.driver.host", "127.0.0.1");
      conf.set("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/callstats-lake-test-warehouse");
      spark = SparkSession.builder().config(conf).getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
    }
    return spark;
  }
}
