package callstats.lake.spark;

import callstats.lake.config.LakeConfig;
import callstats.lake.config.LakeConfig.S3Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession of a run from the configuration: Delta extensions, settings fit for the
 * configured master, and S3A settings for s3a:// locations. Values given to spark-submit
 * ({@code --master}, {@code --conf}) win over the configuration file, so the same jar runs locally and on
 * a cluster.
 */
public final class LakeSession {

  private LakeSession() {}

  public static SparkSession create(LakeConfig config) {
    return SparkSession.builder().config(sparkConf(config, new SparkConf(true))).getOrCreate();
  }

  /** The settings this run adds to what spark-submit (the system properties) already set. */
  public static SparkConf sparkConf(LakeConfig config, SparkConf existing) {
    SparkConf conf = existing;
    setIfAbsent(conf, "spark.master", config.spark().master());
    setIfAbsent(conf, "spark.app.name", config.spark().appName());
    config.spark().settings().forEach((k, v) -> setIfAbsent(conf, k, v));
    s3aSettings(config.s3()).forEach((k, v) -> setIfAbsent(conf, "spark.hadoop." + k, v));
    return conf;
  }

  /** fs.s3a.* settings for the configured S3-compatible endpoint; no credentials. */
  public static Map<String, String> s3aSettings(S3Settings s3) {
    Map<String, String> m = new LinkedHashMap<>();
    s3.endpoint().ifPresent(e -> m.put("fs.s3a.endpoint", e));
    m.put("fs.s3a.endpoint.region", s3.region());
    m.put("fs.s3a.path.style.access", Boolean.toString(s3.pathStyle()));
    m.put("fs.s3a.connection.ssl.enabled", Boolean.toString(s3.sslEnabled()));
    m.putAll(s3.hadoop());
    return m;
  }

  private static void setIfAbsent(SparkConf conf, String key, String value) {
    if (!conf.contains(key)) {
      conf.set(key, value);
    }
  }
}
