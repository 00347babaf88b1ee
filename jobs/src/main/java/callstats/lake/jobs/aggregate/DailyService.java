package callstats.lake.jobs.aggregate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import callstats.lake.config.LakeUri;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.gold.ServiceCol;
import callstats.lake.table.silver.Silver;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One day of {@code gold.daily_service} from the gold summaries of the calls with that call date (and the
 * pre-call tests that landed that day). Counts and sums are exact; percentiles are DDSketch quantiles of
 * per-call, per-connection or per-stream values, built in sorted order so re-runs give the same bytes.
 */
final class DailyService {

  /** metric name, the ServiceCol prefix its p50/p95/sketch columns share. */
  static final String[][] QUANTILES = {
      {"call_duration", "call_duration_", "_s"}, {"setup", "setup_", "_ms"}, {"rtt", "rtt_", "_ms"},
      {"jitter", "jitter_", "_ms"}, {"loss", "loss_", "_pct"}, {"video_bitrate", "video_bitrate_", "_kbps"},
      {"precall_throughput", "precall_throughput_", "_kbps"}, {"precall_rtt", "precall_rtt_", "_ms"},
      {"precall_loss", "precall_loss_", "_pct"}};

  private DailyService() {}

  static Dataset<Row> compute(SparkSession spark, LakeUri lake, Date day) {
    Column onDay = col("call_date").equalTo(lit(day));
    Dataset<Row> calls = DeltaTables.readOrEmpty(spark, Gold.CALL_SUMMARY, lake).where(onDay);
    Dataset<Row> parts = DeltaTables.readOrEmpty(spark, Gold.PARTICIPANT_SUMMARY, lake).where(onDay);
    Dataset<Row> conns = DeltaTables.readOrEmpty(spark, Gold.CONNECTION_SUMMARY, lake).where(onDay);
    Dataset<Row> streams = DeltaTables.readOrEmpty(spark, Gold.STREAM_SUMMARY, lake).where(onDay)
        .where(col("direction").equalTo("inbound"));
    Dataset<Row> issues = DeltaTables.readOrEmpty(spark, Gold.ISSUES, lake).where(onDay);
    Dataset<Row> precall = DeltaTables.readOrEmpty(spark, Silver.PRECALL_TESTS, lake).where(col("date").equalTo(lit(day)));

    Dataset<Row> callAgg = calls.groupBy("app_id").agg(
        count("*").as("calls"),
        outcome("successful"), outcome("partially_failed"), outcome("failed"), outcome("dropped"),
        sum("duration_s").as("call_duration_sum_s"));
    Dataset<Row> partAgg = parts.groupBy("app_id").agg(
        count("*").as("participants"),
        countDistinct("user_id").as("distinct_users"),
        expr("sum(time_in_call_s) / 60").as("participant_minutes"),
        countIf("relay_used").as("relayed_participants"),
        countIf("relay_used AND relay_protocol IN ('tcp', 'tls')").as("tcp_tls_relayed_participants"),
        countIf("rejoins > 0").as("churned_participants"),
        sum("audio_minutes_good").as("audio_minutes_good"), sum("audio_minutes_fair").as("audio_minutes_fair"),
        sum("audio_minutes_poor").as("audio_minutes_poor"), sum("video_minutes_good").as("video_minutes_good"),
        sum("video_minutes_fair").as("video_minutes_fair"), sum("video_minutes_poor").as("video_minutes_poor"),
        count("feedback_rating").as("feedback_count"), sum("feedback_rating").cast("long").as("feedback_sum"));
    Dataset<Row> connAgg = conns.groupBy("app_id").agg(count("*").as("connections"),
        countIf("setup_outcome = 'failed'").as("connections_failed"));
    Dataset<Row> streamAgg = streams.where(col("kind").equalTo("video")).groupBy("app_id").agg(
        sum("active_s").as("video_received_s"), sum("freeze_s").as("video_frozen_s"));
    Dataset<Row> issueAgg = issues.groupBy("app_id", "issue_type").agg(count("*").as("n"))
        .groupBy("app_id").agg(sum("n").as("issues"),
            expr("map_from_entries(array_sort(collect_list(struct(issue_type, n))))").as("issue_counts"));
    Dataset<Row> precallAgg = precall.groupBy("app_id").agg(count("*").as("precall_tests"));

    Dataset<Row> values = metric(calls, "call_duration", "duration_s")
        .unionByName(metric(conns, "setup", "setup_delay_ms"))
        .unionByName(metric(streams, "rtt", "rtt_mean_ms"))
        .unionByName(metric(streams.where(col("kind").equalTo("audio")), "jitter", "jitter_mean_ms"))
        .unionByName(metric(streams, "loss", "loss_pct"))
        .unionByName(metric(streams.where(col("kind").equalTo("video")), "video_bitrate", "bitrate_mean_kbps"))
        .unionByName(metric(precall, "precall_throughput", "throughput_kbps"))
        .unionByName(metric(precall, "precall_rtt", "rtt_ms"))
        .unionByName(metric(precall, "precall_loss", "loss_pct"));
    Dataset<Row> quantiles = pivot(SketchRows.quantiles(values, List.of("app_id")));
    Dataset<Row> users = SketchRows.distinct(parts.select(col("app_id"), col("user_id").as("item")), List.of("app_id"))
        .withColumnRenamed("sketch", "users_sketch");

    Dataset<Row> apps = calls.select("app_id").union(precall.select("app_id")).distinct();
    Dataset<Row> d = apps;
    for (Dataset<Row> part : List.of(callAgg, partAgg, connAgg, streamAgg, issueAgg, precallAgg, quantiles, users)) {
      d = d.join(part, scalaSeq("app_id"), "left");
    }
    return finish(d.withColumn("period_start", lit(day)).withColumn("period_end", lit(day))
        .withColumn("days", when(col("calls").gt(0), lit(1L)).otherwise(lit(0L))));
  }

  /** Fills absent counts with 0 and derives the rates, means and p50/p95 columns (rollups call it too). */
  static Dataset<Row> finish(Dataset<Row> d) {
    List<Column> cols = new ArrayList<>();
    for (ServiceCol c : ServiceCol.values()) {
      String n = c.column();
      Column v = switch (c) {
        case SUCCESS_RATE_PCT -> pct("calls_successful", "calls");
        case PARTIAL_FAILURE_RATE_PCT -> pct("calls_partially_failed", "calls");
        case FAILURE_RATE_PCT -> pct("calls_failed", "calls");
        case DROP_RATE_PCT -> pct("calls_dropped", "calls");
        case CALL_DURATION_MEAN_S -> ratio("call_duration_sum_s", "calls");
        case RELAY_PCT -> pct("relayed_participants", "participants");
        case TCP_TLS_RELAY_PCT -> pct("tcp_tls_relayed_participants", "participants");
        case CHURN_RATE_PCT -> pct("churned_participants", "participants");
        case AUDIO_GOOD_PCT -> pct("audio_minutes_good", "(audio_minutes_good + audio_minutes_fair + audio_minutes_poor)");
        case AUDIO_FAIR_PCT -> pct("audio_minutes_fair", "(audio_minutes_good + audio_minutes_fair + audio_minutes_poor)");
        case AUDIO_POOR_PCT -> pct("audio_minutes_poor", "(audio_minutes_good + audio_minutes_fair + audio_minutes_poor)");
        case VIDEO_GOOD_PCT -> pct("video_minutes_good", "(video_minutes_good + video_minutes_fair + video_minutes_poor)");
        case VIDEO_FAIR_PCT -> pct("video_minutes_fair", "(video_minutes_good + video_minutes_fair + video_minutes_poor)");
        case VIDEO_POOR_PCT -> pct("video_minutes_poor", "(video_minutes_good + video_minutes_fair + video_minutes_poor)");
        case FREEZE_PCT -> pct("video_frozen_s", "video_received_s");
        case FEEDBACK_MEAN -> ratio("feedback_sum", "feedback_count");
        case ISSUE_COUNTS -> coalesce(col(n), expr("map()").cast(c.type()));
        default -> c.type().equals(org.apache.spark.sql.types.DataTypes.LongType) && !c.nullable()
            ? coalesce(col(n), lit(0L))
            : c.type().equals(org.apache.spark.sql.types.DataTypes.DoubleType) && !c.nullable()
                ? expr("round(coalesce(" + n + ", 0D), 6)") : col(n);
      };
      cols.add(v.cast(c.type()).as(n));
    }
    Dataset<Row> withCounts = d;
    for (String n : new String[] {"calls", "calls_successful", "calls_partially_failed", "calls_failed", "calls_dropped",
        "participants", "relayed_participants", "tcp_tls_relayed_participants", "churned_participants",
        "audio_minutes_good", "audio_minutes_fair", "audio_minutes_poor", "video_minutes_good", "video_minutes_fair",
        "video_minutes_poor", "feedback_count", "feedback_sum", "call_duration_sum_s", "video_frozen_s",
        "video_received_s"}) {
      withCounts = withCounts.withColumn(n, coalesce(col(n), lit(0)));
    }
    return withCounts.select(cols.toArray(Column[]::new));
  }

  private static Column pct(String part, String whole) {
    return expr("round(if(" + whole + " > 0, 100.0 * " + part + " / " + whole + ", null), 6)");
  }

  private static Column ratio(String part, String whole) {
    return expr("round(if(" + whole + " > 0, " + part + " / " + whole + ", null), 6)");
  }

  private static Column outcome(String outcome) {
    return countIf("outcome = '" + outcome + "'").as("calls_" + outcome);
  }

  private static Column countIf(String condition) {
    return expr("count_if(" + condition + ")");
  }

  private static Dataset<Row> metric(Dataset<Row> rows, String metric, String column) {
    return rows.select(col("app_id"), lit(metric).as("metric"), col(column).cast("double").as("value"));
  }

  /** One row per app with {prefix}p50{unit}, {prefix}p95{unit} and {prefix}sketch per metric. */
  static Dataset<Row> pivot(Dataset<Row> sketches) {
    List<Column> aggs = new ArrayList<>();
    for (String[] q : QUANTILES) {
      Column is = col("metric").equalTo(q[0]);
      aggs.add(max(when(is, col("p50"))).as(q[1] + "p50" + q[2]));
      aggs.add(max(when(is, col("p95"))).as(q[1] + "p95" + q[2]));
      aggs.add(max(when(is, col("sketch"))).as(q[1] + "sketch"));
    }
    return sketches.groupBy("app_id").agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
  }

  static scala.collection.immutable.Seq<String> scalaSeq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }
}
