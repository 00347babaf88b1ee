package callstats.lake.jobs.normalise;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.silver.SessionCol;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rolls the per-line session facts up to one {@code silver.sessions} row per (date, app, conf, ucID).
 * Descriptive fields take the first non-null value in arrival order (receive time, file, line); times take
 * min/max; records add up (one per callstats line, one per rtcstats dump carrying its count); the clock offset is
 * the exact median, so the result does not depend on task order.
 */
final class SessionRollup {

  private static final Set<SessionCol> KEYS = EnumSet.of(SessionCol.DATE, SessionCol.APP_ID, SessionCol.CONF_ID,
      SessionCol.UC_ID);

  private SessionRollup() {}

  static Dataset<Row> rollUp(Dataset<Row> partials) {
    List<Column> aggs = new ArrayList<>();
    for (SessionCol c : SessionCol.values()) {
      if (KEYS.contains(c)) {
        continue;
      }
      aggs.add(aggregate(c).as(c.column()));
    }
    Column[] keys = KEYS.stream().map(ColumnDef::column).map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
    return partials.groupBy(keys).agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
        .select(columnsInOrder())
        .repartition(col("app_id"), col("conf_id")).sortWithinPartitions("app_id", "conf_id", "uc_id");
  }

  private static Column aggregate(SessionCol c) {
    return switch (c) {
      case JOINED_TS, FIRST_SEEN, FIRST_CLIENT_TS -> min(c.column());
      case LEFT_TS, LAST_SEEN, LAST_CLIENT_TS -> max(c.column());
      case CLOCK_OFFSET_MS -> expr("cast(round(percentile(clock_offset_ms, 0.5)) as bigint)");
      case RECORDS -> sum(c.column());
      default -> firstNonNull(c.column());
    };
  }

  /** The value of the earliest-arriving row where it is not null. */
  private static Column firstNonNull(String column) {
    return expr("min_by(" + column + ", if(" + column + " is null, null, named_struct('t', first_seen, 'f', _file, "
        + "'l', _line)))");
  }

  private static Column[] columnsInOrder() {
    return java.util.Arrays.stream(SessionCol.values()).map(c -> col(c.column())).toArray(Column[]::new);
  }
}
