package callstats.lake.jobs.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import callstats.lake.config.LakeUri;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.gold.BreakdownCol;
import callstats.lake.table.gold.Gold;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * One day of {@code gold.daily_breakdown}: the key measures per segment of user sessions (browser, OS,
 * country, ISP, network, relay, ...). Cardinality stays bounded: per app and dimension the top values by
 * sessions are kept and the rest are summed up as 'other'.
 */
final class Breakdown {

  /** dimension name and the participant_summary expression that gives its value. */
  static final String[][] DIMENSIONS = {
      {"browser", "browser"}, {"browser_version", "if(browser IS NULL, NULL, concat_ws(' ', browser, browser_major))"},
      {"os", "os"}, {"sdk", "sdk"}, {"app_version", "app_version"}, {"country", "country"}, {"isp", "isp"},
      {"asn", "cast(asn AS STRING)"}, {"network_type", "network_type"},
      {"relay_protocol", "if(relay_used, coalesce(relay_protocol, 'unknown'), 'none')"},
      {"endpoint_type", "client_kind"}, {"topology", "topology"}, {"site_id", "site_id"},
      {"customer_id", "customer_id"}, {"tenant_id", "tenant_id"}, {"product_name", "product_name"}};

  private Breakdown() {}

  static Dataset<Row> compute(SparkSession spark, LakeUri lake, Date day, int topValues) {
    Column onDay = col("call_date").equalTo(lit(day));
    Dataset<Row> calls = DeltaTables.readOrEmpty(spark, Gold.CALL_SUMMARY, lake).where(onDay)
        .select("app_id", "conf_id", "topology");
    Dataset<Row> parts = DeltaTables.readOrEmpty(spark, Gold.PARTICIPANT_SUMMARY, lake).where(onDay)
        .join(calls, DailyService.scalaSeq("app_id", "conf_id"), "left");
    StringBuilder segments = new StringBuilder("explode(array(");
    for (int i = 0; i < DIMENSIONS.length; i++) {
      segments.append(i == 0 ? "" : ", ").append("named_struct('dimension', '").append(DIMENSIONS[i][0])
          .append("', 'value', coalesce(").append(DIMENSIONS[i][1]).append(", 'unknown'))");
    }
    segments.append(")) AS segment");
    Dataset<Row> bySegment = parts.select(col("*"), expr(segments.toString()))
        .withColumn("dimension", col("segment.dimension")).withColumn("value", col("segment.value")).drop("segment");
    Dataset<Row> top = bySegment.groupBy("app_id", "dimension", "value").agg(count("*").as("n"))
        .withColumn("rank", row_number().over(Window.partitionBy("app_id", "dimension")
            .orderBy(col("n").desc(), col("value"))))
        .where(col("rank").leq(topValues)).select(col("app_id"), col("dimension"), col("value"), lit(true).as("top"));
    Dataset<Row> labelled = bySegment.join(top, DailyService.scalaSeq("app_id", "dimension", "value"), "left")
        .withColumn("value", when(col("top"), col("value")).otherwise(lit("other"))).drop("top");

    Dataset<Row> measures = labelled.groupBy("app_id", "dimension", "value").agg(
        count("*").as("participants"),
        countDistinct("conf_id").as("calls"),
        expr("round(sum(time_in_call_s) / 60, 6)").as("participant_minutes"),
        pct("connections > 0 AND NOT connected").as("failed_pct"),
        pct("connections_dropped > 0").as("dropped_pct"),
        pct("relay_used").as("relay_pct"),
        weighted("audio_score", "audio_minutes_good + audio_minutes_fair + audio_minutes_poor").as("audio_score"),
        weighted("video_score", "video_minutes_good + video_minutes_fair + video_minutes_poor").as("video_score"),
        expr("round(100.0 * sum(minutes_scored * pct_minutes_below_fair / 100) / nullif(sum(if(pct_minutes_below_fair "
            + "IS NULL, 0, minutes_scored)), 0), 6)").as("below_fair_minutes_pct"),
        expr("round(100.0 * sum(audio_minutes_poor) / nullif(sum(audio_minutes_good + audio_minutes_fair "
            + "+ audio_minutes_poor), 0), 6)").as("audio_poor_pct"),
        expr("round(avg(feedback_rating), 6)").as("feedback_mean"),
        expr("sum(issues)").as("issues"));

    Dataset<Row> streams = DeltaTables.readOrEmpty(spark, Gold.STREAM_SUMMARY, lake).where(onDay)
        .where(col("direction").equalTo("inbound")).select("app_id", "conf_id", "uc_id", "rtt_mean_ms", "loss_pct")
        .join(labelled.select("app_id", "conf_id", "uc_id", "dimension", "value"),
            DailyService.scalaSeq("app_id", "conf_id", "uc_id"));
    Dataset<Row> values = streams.select(col("app_id"), col("dimension"), col("value"), lit("rtt").as("metric"),
            col("rtt_mean_ms").as("value_d"))
        .unionByName(streams.select(col("app_id"), col("dimension"), col("value"), lit("loss").as("metric"),
            col("loss_pct").as("value_d")))
        .withColumnRenamed("value", "segment_value").withColumnRenamed("value_d", "value");
    Dataset<Row> sketches = SketchRows.quantiles(values, List.of("app_id", "dimension", "segment_value"))
        .groupBy("app_id", "dimension", "segment_value").agg(
            max(when(col("metric").equalTo("rtt"), col("p95"))).as("rtt_p95_ms"),
            max(when(col("metric").equalTo("loss"), col("p95"))).as("loss_p95_pct"))
        .withColumnRenamed("segment_value", "value");

    Dataset<Row> out = measures.join(sketches, DailyService.scalaSeq("app_id", "dimension", "value"), "left")
        .withColumn("day", lit(day));
    List<Column> cols = new ArrayList<>();
    for (BreakdownCol c : BreakdownCol.values()) {
      cols.add(col(c.column()).cast(c.type()).as(c.column()));
    }
    return out.select(cols.toArray(Column[]::new));
  }

  private static Column pct(String condition) {
    return expr("round(100.0 * count_if(" + condition + ") / count(*), 6)");
  }

  private static Column weighted(String value, String weight) {
    return expr("round(sum(" + value + " * (" + weight + ")) / nullif(sum(if(" + value + " IS NULL, 0, " + weight
        + ")), 0), 6)");
  }
}
