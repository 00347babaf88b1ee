package callstats.lake.jobs.normalise;

import callstats.lake.config.LakeConfig;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/** Landing to silver for one date. */
public final class NormaliseJob {
  private NormaliseJob() {}

  public static void run(SparkSession spark, LakeConfig config, LocalDate date) {
    throw new UnsupportedOperationException("normalise is being built");
  }
}
