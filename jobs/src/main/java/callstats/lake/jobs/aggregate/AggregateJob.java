package callstats.lake.jobs.aggregate;

import callstats.lake.config.LakeConfig;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.gold.Gold;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service-level tables for a day: rewrites that day's partition of {@code gold.daily_service} and
 * {@code gold.daily_breakdown}, then the week's and the month's rows that contain the day, rolled up from
 * the daily rows. Re-running a day rewrites that day (and its week and month) only.
 *
 * <p>Cost: reads one call date of the gold summaries; small shuffles per app (and per app and segment).
 */
public final class AggregateJob {

  private static final Logger LOG = LoggerFactory.getLogger(AggregateJob.class);
  private static final String JOB = "aggregate";

  private AggregateJob() {}

  public static void run(SparkSession spark, LakeConfig config, LocalDate day) {
    long t0 = System.nanoTime();
    int topValues = config.read("aggregate", c -> c.getInt("breakdown-top-values"));
    Map<String, String> commit = Map.of("job", JOB, "date", day.toString());
    Rollups.registerFunctions(spark);
    Date d = Date.valueOf(day);

    step(spark, day, "daily_service");
    Dataset<Row> daily = DailyService.compute(spark, config.lake(), d).persist(StorageLevel.MEMORY_AND_DISK());
    DeltaTables.replaceWhere(spark, Gold.DAILY_SERVICE, config.lake(), daily, "period_start = '" + day + "'", commit);
    long apps = daily.count();
    daily.unpersist();

    step(spark, day, "daily_breakdown");
    DeltaTables.replaceWhere(spark, Gold.DAILY_BREAKDOWN, config.lake(),
        Breakdown.compute(spark, config.lake(), d, topValues), "day = '" + day + "'", commit);

    Dataset<Row> days = DeltaTables.read(spark, Gold.DAILY_SERVICE, config.lake());
    for (var period : new Object[][] {{Gold.WEEKLY_SERVICE, Rollups.week(day)}, {Gold.MONTHLY_SERVICE,
        Rollups.month(day)}}) {
      var table = (callstats.lake.table.TableSpec) period[0];
      LocalDate[] range = (LocalDate[]) period[1];
      step(spark, day, table.name());
      DeltaTables.replaceWhere(spark, table, config.lake(), Rollups.rollUp(days, range[0], range[1]),
          "period_start = '" + range[0] + "'", commit);
    }
    LOG.info("aggregate {}: {} apps, in {} s", day, apps, (System.nanoTime() - t0) / 1_000_000_000L);
  }

  private static void step(SparkSession spark, LocalDate day, String what) {
    spark.sparkContext().setJobGroup(JOB + " " + day, JOB + " " + day + ": " + what, false);
  }
}
