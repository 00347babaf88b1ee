package callstats.lake.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import callstats.lake.table.gold.ServiceCol;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The report's selections from the gold tables, as transformations: each picks the few rows a page shows
 * and orders them completely (ties broken by ids), so the same tables always give the same rows. They
 * select and rank; every measure is the gold table's own value.
 */
public final class ReportQueries {

  /** Columns of the service tables a page shows (no sketches). */
  public static final List<String> SERVICE_COLUMNS = Stream.concat(
      Stream.of(ServiceCol.PERIOD_START, ServiceCol.PERIOD_END, ServiceCol.APP_ID, ServiceCol.DAYS,
          ServiceCol.CALLS_FAILED, ServiceCol.CALLS_DROPPED, ServiceCol.AUDIO_FAIR_PCT, ServiceCol.VIDEO_FAIR_PCT,
          ServiceCol.ISSUES, ServiceCol.ISSUE_COUNTS),
      Kpi.HEADLINE.stream().map(Kpi::column)).map(ServiceCol::column).distinct().toList();

  /** Columns of {@code gold.call_summary} the worst-call tables show. */
  static final List<String> CALL_COLUMNS = List.of("app_id", "conf_id", "call_date", "start_ts", "duration_s",
      "participants", "outcome", "quality_band", "audio_score", "video_score", "worst_uc_id", "worst_score", "issues",
      "issue_types");

  /** The two worst-call lists. */
  public static final String LOWEST_QUALITY = "lowest_quality";
  public static final String FAILED_OR_DROPPED = "failed_or_dropped";

  private ReportQueries() {}

  /**
   * Per app and dimension, the worst segments of {@code gold.daily_breakdown} rows that have at least the
   * minimum sessions: most below-fair minutes first, then lowest audio score, then most sessions. The
   * catch-all 'other' segment is not ranked. Adds {@code rank} and {@code ranked} (segments that qualified).
   */
  public static Dataset<Row> worstSegments(ReportSettings s, Dataset<Row> breakdown) {
    Dataset<Row> eligible = breakdown
        .where(col("dimension").isin(s.breakdownDimensions().toArray()))
        .where(col("participants").geq(s.breakdownMinSessions()))
        .where(col("value").notEqual(lit("other")));
    var byDimension = Window.partitionBy("app_id", "dimension");
    return eligible
        .withColumn("rank", row_number().over(byDimension.orderBy(col("below_fair_minutes_pct").desc_nulls_last(),
            col("audio_score").asc_nulls_last(), col("participants").desc(), col("value").asc())))
        .withColumn("ranked", count(lit(1)).over(byDimension))
        .where(col("rank").leq(s.breakdownTop()))
        .orderBy("app_id", "dimension", "rank");
  }

  /** Per app and issue type of {@code gold.issues} rows: issues, calls with the issue, and the split by severity. */
  public static Dataset<Row> issueDetail(Dataset<Row> issues) {
    return issues.groupBy("app_id", "issue_type").agg(
            count(lit(1)).as("issues"),
            countDistinct("conf_id").as("calls"),
            expr("count_if(severity = 'critical')").as("critical"),
            expr("count_if(severity = 'major')").as("major"),
            expr("count_if(severity = 'minor')").as("minor"))
        .orderBy("app_id", "issue_type");
  }

  /**
   * Per app, the {@code n} lowest-quality scored calls (poor band first, then lowest worst-session score) and
   * the {@code n} failed or dropped calls (failed, then dropped, then partially failed; larger calls first) of
   * {@code gold.call_summary} rows. Adds {@code list} ({@link #LOWEST_QUALITY} or {@link #FAILED_OR_DROPPED})
   * and {@code rank}.
   */
  public static Dataset<Row> worstCalls(int n, Dataset<Row> calls) {
    Column[] cols = CALL_COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    Dataset<Row> scored = calls.where(col("quality_band").isNotNull()).select(cols)
        .withColumn("list", lit(LOWEST_QUALITY))
        .withColumn("rank", row_number().over(Window.partitionBy("app_id").orderBy(
            expr("CASE quality_band WHEN 'poor' THEN 0 WHEN 'fair' THEN 1 ELSE 2 END"),
            col("worst_score").asc_nulls_last(), col("issues").desc(), col("call_date"), col("conf_id"))));
    Dataset<Row> failed = calls.where(col("outcome").isin("failed", "dropped", "partially_failed")).select(cols)
        .withColumn("list", lit(FAILED_OR_DROPPED))
        .withColumn("rank", row_number().over(Window.partitionBy("app_id").orderBy(
            expr("CASE outcome WHEN 'failed' THEN 0 WHEN 'dropped' THEN 1 ELSE 2 END"),
            col("participants").desc(), col("start_ts"), col("call_date"), col("conf_id"))));
    return scored.unionByName(failed).where(col("rank").leq(n)).orderBy("app_id", "list", "rank");
  }

  /** The columns of {@link #SERVICE_COLUMNS}, for a select. */
  static Column[] serviceColumns() {
    List<Column> out = new ArrayList<>();
    SERVICE_COLUMNS.forEach(c -> out.add(col(c)));
    return out.toArray(Column[]::new);
  }
}
