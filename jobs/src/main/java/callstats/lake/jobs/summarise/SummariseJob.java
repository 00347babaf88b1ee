package callstats.lake.jobs.summarise;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import callstats.lake.config.LakeConfig;
import callstats.lake.metrics.quality.IssueThresholds;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.silver.Silver;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silver to the gold summaries for the calls that records landed on date D belong to. A call is
 * identified by (app, conference); its call date is the landing date of its first record, and its summary
 * uses the records that landed from the call date to {@code late-days} days later. So a call that crosses
 * midnight, or whose data arrives late, is summarised again, completely, by each run that receives some of
 * its data; the result depends only on the silver tables, not on the order of runs. Records landing after
 * the window are left out (and counted in the log).
 *
 * <p>Cost: a scan of silver.sessions over 2 x late-days + 1 dates to find the calls, a scan of each silver
 * table over the window for those calls, one shuffle and sort by call, and one MERGE per gold table.
 */
public final class SummariseJob {

  private static final Logger LOG = LoggerFactory.getLogger(SummariseJob.class);
  private static final String JOB = "summarise";

  private SummariseJob() {}

  /** Calls summarised, and calls whose new records came too late to change them. */
  public record Result(LocalDate date, long calls, long tooLate) {}

  public static Result run(SparkSession spark, LakeConfig config, LocalDate date) {
    long t0 = System.nanoTime();
    int lateDays = config.read("summarise", c -> c.getInt("late-days"));
    IssueThresholds thresholds = config.read("summarise", c -> IssueThresholds.from(c.getConfig("thresholds")));
    double clockSkewMs = config.read("normalise", c -> c.getDouble("clock-skew-flag-seconds") * 1000.0);
    Map<String, String> commit = Map.of("job", JOB, "date", date.toString());

    spark.sparkContext().setJobGroup(JOB + " " + date, JOB + " " + date + ": calls", false);
    Dataset<Row> sessions = DeltaTables.readOrEmpty(spark, Silver.SESSIONS, config.lake());
    Dataset<Row> touched = sessions.where(col("date").equalTo(lit(java.sql.Date.valueOf(date))))
        .select("app_id", "conf_id").distinct();
    Dataset<Row> firstSeen = sessions.where(between("date", date.minusDays(2L * lateDays), date))
        .join(touched, seq("app_id", "conf_id"), "left_semi")
        .groupBy("app_id", "conf_id").agg(min("date").as("first_date"));
    Dataset<Row> known = DeltaTables.readOrEmpty(spark, Gold.CALL_SUMMARY, config.lake())
        .where(between("call_date", date.minusDays(3L * lateDays), date))
        .join(touched, seq("app_id", "conf_id"), "left_semi")
        .select(col("app_id"), col("conf_id"), col("call_date").as("known_date"));
    Dataset<Row> candidates = firstSeen.join(known, seq("app_id", "conf_id"), "left")
        .select(col("app_id"), col("conf_id"), expr("coalesce(least(first_date, known_date), first_date)")
            .as("call_date"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> calls = candidates.where(col("call_date").geq(lit(java.sql.Date.valueOf(date.minusDays(lateDays)))))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long callCount = calls.count();
    long tooLate = candidates.count() - callCount;
    candidates.unpersist();

    try {
      spark.sparkContext().setJobGroup(JOB + " " + date, JOB + " " + date + ": fold calls", false);
      String window = between("date", date.minusDays(lateDays), date.plusDays(lateDays));
      Dataset<Row> gold = CallInputs.read(spark, config.lake(), calls, lateDays, window)
          .mapPartitions(new CallRows(thresholds, clockSkewMs), Encoders.row(CallRows.SCHEMA))
          .persist(StorageLevel.MEMORY_AND_DISK());
      String target = between("call_date", date.minusDays(3L * lateDays), date.plusDays(lateDays));
      for (TableSpec t : Gold.SUMMARIES) {
        spark.sparkContext().setJobGroup(JOB + " " + date, JOB + " " + date + ": " + t.qualifiedName(), false);
        int k = Gold.SUMMARIES.indexOf(t);
        Dataset<Row> rows = gold.where(col("kind").equalTo(k)).select(col(t.name() + ".*"));
        DeltaTables.mergeEntities(spark, t, config.lake(), rows, calls, List.of("app_id", "conf_id"), keys(t), target,
            commit);
      }
      gold.unpersist();
    } finally {
      calls.unpersist();
    }
    LOG.info("summarise {}: {} calls summarised, {} calls with records beyond their {}-day window, in {} s", date,
        callCount, tooLate, lateDays, (System.nanoTime() - t0) / 1_000_000_000L);
    return new Result(date, callCount, tooLate);
  }

  /** The columns that identify a row of each gold table. */
  static List<String> keys(TableSpec t) {
    if (t == Gold.STREAM_SUMMARY) {
      return List.of("app_id", "conf_id", "uc_id", "connection_id", "ssrc", "direction");
    }
    if (t == Gold.CONNECTION_SUMMARY) {
      return List.of("app_id", "conf_id", "uc_id", "connection_id");
    }
    if (t == Gold.PARTICIPANT_SUMMARY) {
      return List.of("app_id", "conf_id", "uc_id");
    }
    if (t == Gold.CALL_SUMMARY) {
      return List.of("app_id", "conf_id");
    }
    return List.of("app_id", "conf_id", "issue_id");
  }

  private static String between(String column, LocalDate from, LocalDate to) {
    return column + " >= '" + from + "' AND " + column + " <= '" + to + "'";
  }


  private static scala.collection.immutable.Seq<String> seq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }
}
