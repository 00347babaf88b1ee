package callstats.lake.jobs.simulate;

import callstats.lake.table.ColumnDef;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * One row of a truth table, filled by column constant: values sit at the column's ordinal, as Spark's external
 * types (String, Integer, Long, Double, Boolean, java.sql.Timestamp, java.sql.Date, java.util.List).
 */
final class TruthRow<E extends Enum<E> & ColumnDef> {

  private final Object[] values;

  TruthRow(Class<E> columns) {
    this.values = new Object[columns.getEnumConstants().length];
  }

  TruthRow<E> set(E column, Object value) {
    values[column.ordinal()] = value;
    return this;
  }

  TruthRow<E> ts(E column, long epochMs) {
    return set(column, new Timestamp(epochMs));
  }

  TruthRow<E> date(E column, LocalDate date) {
    return set(column, Date.valueOf(date));
  }

  /** A double, or null for NaN (not applicable). */
  TruthRow<E> dbl(E column, double value) {
    return set(column, Double.isNaN(value) ? null : value);
  }

  Object get(E column) {
    return values[column.ordinal()];
  }

  Object[] values() {
    return values;
  }
}
