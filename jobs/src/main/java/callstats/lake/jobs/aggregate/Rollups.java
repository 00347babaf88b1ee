package callstats.lake.jobs.aggregate;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import callstats.lake.metrics.sketch.DistinctSketch;
import callstats.lake.metrics.sketch.QuantileSketch;
import callstats.lake.table.gold.ServiceCol;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.Seq;

/**
 * Weekly and monthly service rows from the daily rows, without reading the summaries again: counts and
 * sums add up, rates and means are recomputed from them, distinct users come from the union of the days'
 * HLL sketches and percentiles from the merge of the days' DDSketches, both in date order.
 */
final class Rollups {

  static final String MERGE_QUANTILES = "callstats_merge_quantiles";
  static final String QUANTILE = "callstats_quantile";
  static final String MERGE_DISTINCT = "callstats_merge_distinct";
  static final String DISTINCT_ESTIMATE = "callstats_distinct_estimate";

  private Rollups() {}

  /** The ISO week (Monday to Sunday) of a day. */
  static LocalDate[] week(LocalDate day) {
    LocalDate start = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new LocalDate[] {start, start.plusDays(6)};
  }

  static LocalDate[] month(LocalDate day) {
    LocalDate start = day.withDayOfMonth(1);
    return new LocalDate[] {start, day.with(TemporalAdjusters.lastDayOfMonth())};
  }

  static void registerFunctions(SparkSession spark) {
    spark.udf().register(MERGE_QUANTILES, (UDF1<Seq<Row>, byte[]>) days -> {
      QuantileSketch s = QuantileSketch.empty();
      for (Row r : scala.jdk.javaapi.CollectionConverters.asJava(days)) {
        if (!r.isNullAt(1)) {
          s.merge(QuantileSketch.fromBytes((byte[]) r.get(1)));
        }
      }
      return s.count() == 0 ? null : s.toBytes();
    }, DataTypes.BinaryType);
    spark.udf().register(QUANTILE, (UDF2<byte[], Double, Double>) (sketch, q) ->
        sketch == null ? null : QuantileSketch.fromBytes(sketch).quantile(q), DataTypes.DoubleType);
    spark.udf().register(MERGE_DISTINCT, (UDF1<Seq<Row>, byte[]>) days -> {
      List<byte[]> sketches = new ArrayList<>();
      for (Row r : scala.jdk.javaapi.CollectionConverters.asJava(days)) {
        if (!r.isNullAt(1)) {
          sketches.add((byte[]) r.get(1));
        }
      }
      return sketches.isEmpty() ? null : DistinctSketch.union(sketches);
    }, DataTypes.BinaryType);
    spark.udf().register(DISTINCT_ESTIMATE, (UDF1<byte[], Long>) sketch ->
        sketch == null ? 0L : DistinctSketch.estimate(sketch), DataTypes.LongType);
  }

  /** The rollup of the daily rows in [start, end] into one row per app for that period. */
  static Dataset<Row> rollUp(Dataset<Row> daily, LocalDate start, LocalDate end) {
    Dataset<Row> days = daily.where(col("period_start").between(Date.valueOf(start), Date.valueOf(end)));
    List<Column> aggs = new ArrayList<>();
    aggs.add(expr("count_if(calls > 0)").as("days"));
    for (ServiceCol c : ServiceCol.values()) {
      if (additive(c)) {
        aggs.add(sum(c.column()).as(c.column()));
      }
    }
    aggs.add(sorted("users_sketch"));
    for (String[] q : DailyService.QUANTILES) {
      aggs.add(sorted(q[1] + "sketch"));
    }
    Dataset<Row> rolled = days.groupBy("app_id").agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
        .withColumn("users_sketch", callUDF(MERGE_DISTINCT, col("users_sketch")))
        .withColumn("distinct_users", callUDF(DISTINCT_ESTIMATE, col("users_sketch")));
    for (String[] q : DailyService.QUANTILES) {
      String sketch = q[1] + "sketch";
      rolled = rolled.withColumn(sketch, callUDF(MERGE_QUANTILES, col(sketch)))
          .withColumn(q[1] + "p50" + q[2], callUDF(QUANTILE, col(sketch), lit(0.5)))
          .withColumn(q[1] + "p95" + q[2], callUDF(QUANTILE, col(sketch), lit(0.95)));
    }
    Dataset<Row> issueCounts = days.select(col("app_id"), expr("explode(issue_counts) AS (issue_type, n)"))
        .groupBy("app_id", "issue_type").agg(sum("n").as("n"))
        .groupBy("app_id").agg(expr("map_from_entries(array_sort(collect_list(struct(issue_type, n))))")
            .as("issue_counts"));
    return DailyService.finish(rolled.join(issueCounts, DailyService.scalaSeq("app_id"), "left")
        .withColumn("period_start", lit(Date.valueOf(start))).withColumn("period_end", lit(Date.valueOf(end))));
  }

  /** The days' values of a sketch column, in date order. */
  private static Column sorted(String sketchColumn) {
    return expr("array_sort(collect_list(struct(period_start, " + sketchColumn + ")))").as(sketchColumn);
  }

  /** Counts and sums that add up across days (distinct users do not: they come from the sketch). */
  static boolean additive(ServiceCol c) {
    return switch (c) {
      case CALLS, CALLS_SUCCESSFUL, CALLS_PARTIALLY_FAILED, CALLS_FAILED, CALLS_DROPPED, PARTICIPANTS,
          PARTICIPANT_MINUTES, CALL_DURATION_SUM_S, CONNECTIONS, CONNECTIONS_FAILED, RELAYED_PARTICIPANTS,
          TCP_TLS_RELAYED_PARTICIPANTS, CHURNED_PARTICIPANTS, AUDIO_MINUTES_GOOD, AUDIO_MINUTES_FAIR, AUDIO_MINUTES_POOR,
          VIDEO_MINUTES_GOOD, VIDEO_MINUTES_FAIR, VIDEO_MINUTES_POOR, VIDEO_RECEIVED_S, VIDEO_FROZEN_S, ISSUES,
          FEEDBACK_COUNT, FEEDBACK_SUM, PRECALL_TESTS -> true;
      default -> false;
    };
  }

}
