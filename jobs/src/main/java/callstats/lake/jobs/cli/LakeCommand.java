package callstats.lake.jobs.cli;

import callstats.lake.config.LakeConfig;
import callstats.lake.spark.LakeSession;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;

/**
 * A command that runs Spark work against the lake: loads the configuration, opens the session, runs, stops
 * the session if it started it (a caller that already has one, such as a test, keeps it).
 */
public abstract class LakeCommand implements Callable<Integer> {

  @Mixin
  protected LakeOptions lakeOptions;

  @Override
  public final Integer call() throws Exception {
    LakeConfig config = lakeOptions.load();
    validate(config);
    boolean started = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = LakeSession.create(config);
    try {
      return run(spark, config);
    } catch (Exception e) {
      throw S3Failure.explain(config.s3(), e);
    } finally {
      if (started) {
        spark.stop();
      }
    }
  }

  /** Checks the arguments before Spark starts; throws {@link callstats.lake.config.ConfigError}. */
  protected void validate(LakeConfig config) {}

  protected abstract int run(SparkSession spark, LakeConfig config) throws Exception;
}
