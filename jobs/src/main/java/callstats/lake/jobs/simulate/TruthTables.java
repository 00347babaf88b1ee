package callstats.lake.jobs.simulate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import callstats.lake.table.truth.LandingDayTruthCol;
import callstats.lake.table.truth.LandingLineTruthCol;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The truth tables derived from the generated ones by aggregation: per landing date, and per app and date. Pure
 * transformations (one shuffle each).
 */
final class TruthTables {

  private TruthTables() {}

  /** truth.landing_lines summed per (simulated date, landing date). */
  static Dataset<Row> landingDays(Dataset<Row> landingLines) {
    Column[] sums = new Column[LandingDayTruthCol.values().length - 3];
    int i = 0;
    for (LandingDayTruthCol c : LandingDayTruthCol.values()) {
      if (c != LandingDayTruthCol.DATE && c != LandingDayTruthCol.LANDING_DATE && c != LandingDayTruthCol.FILES) {
        sums[i++] = sum(col(LandingLineTruthCol.valueOf(c.name()).column())).cast("bigint").as(c.column());
      }
    }
    return landingLines.groupBy(col("date"), col("landing_date"))
        .agg(countDistinct(col("file")).cast("bigint").as(LandingDayTruthCol.FILES.column()), sums);
  }

  /** The service-level totals per (date, app) from truth.calls, truth.participants and truth.connections. */
  static Dataset<Row> appDays(Dataset<Row> calls, Dataset<Row> participants) {
    Dataset<Row> byCalls = calls.groupBy(col("date"), col("app_id")).agg(
        count(lit(1)).as("calls"),
        outcomes("successful").as("calls_successful"),
        outcomes("partially_failed").as("calls_partially_failed"),
        outcomes("failed").as("calls_failed"),
        outcomes("dropped").as("calls_dropped"),
        sum(when(col("crosses_midnight"), 1).otherwise(0)).cast("bigint").as("calls_crossing_midnight"),
        sum(col("connections")).cast("bigint").as("connections"),
        sum(col("failed_connections")).cast("bigint").as("failed_connections"),
        sum(col("dropped_connections")).cast("bigint").as("dropped_connections"),
        sum(col("feedback_count")).cast("bigint").as("feedback_count"));
    Dataset<Row> byParticipants = participants.groupBy(col("date"), col("app_id")).agg(
        count(lit(1)).as("participants"),
        countDistinct(col("user_id")).cast("bigint").as("distinct_users"),
        sum(col("time_in_call_s")).divide(60).as("participant_minutes"),
        avg(col("feedback_rating").cast("double")).as("mean_rating"));
    return byCalls.join(byParticipants, new String[] {"date", "app_id"}, "left")
        .select(col("date"), col("app_id"), col("calls"), col("calls_successful"), col("calls_partially_failed"),
            col("calls_failed"), col("calls_dropped"), col("calls_crossing_midnight"), col("participants"),
            col("distinct_users"), col("participant_minutes"), col("connections"), col("failed_connections"),
            col("dropped_connections"), col("feedback_count"), col("mean_rating"));
  }

  private static Column outcomes(String outcome) {
    return sum(when(col("outcome").equalTo(outcome), 1).otherwise(0)).cast("bigint");
  }
}
